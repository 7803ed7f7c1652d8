"""Lists and search: filters and full-text search run off the GUI thread, debounced."""

from __future__ import annotations

import enum
import gc
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import ContactType, ContactWith, Handling
from gebiedsapp.services import demo
from gebiedsapp.services.actions import ActionView, create_follow_up, filter_actions
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.contacts import ContactInput, record_contact
from gebiedsapp.services.koffiekar import (
    ConversationInput,
    SessionInput,
    record_conversation,
    start_session,
)
from gebiedsapp.services.lists import ListFilter, list_conversations
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.actions import ActionsModel, sort_soonest_first
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.lists import ListsScreen
from gebiedsapp.ui.lists import screen as lists_screen
from gebiedsapp.ui.lists.models import ConversationsModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = date.today()
ACCENTED = "Er is maar één bankje bij de kerk; ideeën genoeg"


@pytest.fixture
def data(context: AppContext) -> dict[str, Any]:
    """The small demo set, plus one conversation, contact and action with Dutch accents."""
    with context.database.unit_of_work("test") as session:
        demo.generate(session, size="small", seed=1, anchor=TODAY)
        beerta = find_area(session, "Beerta").id
        oldambt = find_area(session, "Oldambt").id
        ouderen = next(t.id for t in list_themes(session) if t.name == "Ouderen")
        round_ = start_session(session, SessionInput(area_id=beerta, day=TODAY))
        conversation = record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(summary=ACCENTED, theme_ids=[ouderen]),
        )
        contact = record_contact(
            session,
            ContactInput(
                day=TODAY - timedelta(days=2), area_id=beerta,
                contact_type=ContactType.HUISBEZOEK, with_kind=ContactWith.ANONIEM,
                subject="Één keer per week boodschappen", theme_ids=(ouderen,),
            ),
        )  # fmt: skip
        create_follow_up(
            session, description="Ideeën ophalen bij de school", area_id=beerta,
            owner_id=None, due_date=TODAY + timedelta(days=3), contact_id=contact.id,
        )  # fmt: skip
        return {
            "beerta": beerta,
            "oldambt": oldambt,
            "ouderen": ouderen,
            "conversation": conversation.id,
            "contact": contact.id,
        }


@pytest.fixture
def submits(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of every background query, to see that typing is debounced."""
    keys: list[str] = []
    original = context.background.submit

    def counting(key: str, *args: Any, **kwargs: Any) -> None:
        keys.append(key)
        original(key, *args, **kwargs)

    monkeypatch.setattr(context.background, "submit", counting)
    return keys


@pytest.fixture
def screen(
    qtbot: QtBot, context: AppContext, data: dict[str, Any], submits: list[str]
) -> ListsScreen:
    widget = ListsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_area(data["oldambt"])
    widget.show()
    qtbot.waitExposed(widget)
    wait_done(qtbot, widget)
    return widget


def wait_done(qtbot: QtBot, screen: ListsScreen) -> None:
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=15_000)


def expected_conversations(context: AppContext, filters: ListFilter) -> list[uuid.UUID]:
    with context.read() as session:
        return [row.id for row in list_conversations(session, filters)]


def shown_ids(screen: ListsScreen) -> list[uuid.UUID]:
    return [row.id for row in screen.conversations_model.rows]


def test_lists_the_last_twelve_months_of_the_area(
    screen: ListsScreen, context: AppContext, data: dict[str, Any], qtmodeltester: ModelTester
) -> None:
    filters = screen.current_filter()
    today = date.today()  # the screen's day, not the one this module was imported on
    assert filters.end == today
    assert filters.start == today.replace(year=today.year - 1) + timedelta(days=1)
    assert filters.area_ids is not None
    assert data["beerta"] in filters.area_ids  # the area and all its sub-areas
    expected = expected_conversations(context, filters)
    assert 0 < len(expected) < 1_500
    assert shown_ids(screen) == expected
    assert screen.status.text() == f"{format_number(len(expected))} gesprekken"
    qtmodeltester.check(screen.conversations_model)


def test_filter_by_theme(
    qtbot: QtBot, screen: ListsScreen, context: AppContext, data: dict[str, Any]
) -> None:
    everything = len(screen.conversations_model.rows)
    combo = screen.theme_combo
    combo.setCurrentIndex(combo.findData(str(data["ouderen"])))
    wait_done(qtbot, screen)
    expected = expected_conversations(
        context, ListFilter(**{**screen.current_filter().__dict__, "theme_id": data["ouderen"]})
    )
    assert 0 < len(expected) < everything
    assert shown_ids(screen) == expected
    column = ConversationsModel.COL_THEMES
    assert all(
        "Ouderen" in screen.conversations_model.index(row, column).data()
        for row in range(screen.conversations_model.rowCount())
    )

    # afhandeling narrows further
    handling = screen.handling_combo
    handling.setCurrentIndex(handling.findData(Handling.ACTIE_NODIG.value))
    wait_done(qtbot, screen)
    assert all(r.handling is Handling.ACTIE_NODIG for r in screen.conversations_model.rows)
    assert len(screen.conversations_model.rows) < len(expected)


def test_search_is_accent_insensitive_and_debounced(
    qtbot: QtBot, screen: ListsScreen, data: dict[str, Any], submits: list[str]
) -> None:
    before = len(submits)
    qtbot.keyClicks(screen.search, "een bankje")
    assert screen.status.text() == "Zoeken…"
    wait_done(qtbot, screen)
    # one query for eleven keystrokes (its first page, then the whole list)
    assert submits[before:] == ["lists-conversations-first", "lists-conversations"]
    assert shown_ids(screen) == [data["conversation"]]
    assert screen.status.text() == "1 gesprek"

    screen.search.clear()
    qtbot.keyClicks(screen.search, "ideeen")
    wait_done(qtbot, screen)
    assert data["conversation"] in shown_ids(screen)


def test_malformed_search_text_gives_an_empty_list(qtbot: QtBot, screen: ListsScreen) -> None:
    assert screen.conversations_model.rowCount() > 0
    qtbot.keyClicks(screen.search, '"(*')
    wait_done(qtbot, screen)
    assert screen.conversations_model.rowCount() == 0
    assert screen.status.text() == "0 gesprekken"


def test_contacts_and_actions_tabs(
    qtbot: QtBot, screen: ListsScreen, data: dict[str, Any], qtmodeltester: ModelTester
) -> None:
    screen.tabs.setCurrentIndex(2)
    wait_done(qtbot, screen)
    assert not screen.handling_combo.isEnabled()  # only for conversations
    assert data["contact"] in [c.id for c in screen.contacts_model.rows]
    qtbot.keyClicks(screen.search, "een keer")
    wait_done(qtbot, screen)
    assert [c.id for c in screen.contacts_model.rows] == [data["contact"]]
    assert screen.status.text() == "1 contact"
    qtmodeltester.check(screen.contacts_model)

    with qtbot.waitSignal(screen.contact_activated) as activated:
        index = screen.contacts_model.index(0, 0)
        rect = screen._tabs[2].table.visualRect(index)
        viewport = screen._tabs[2].table.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [data["contact"]]

    screen.tabs.setCurrentIndex(3)
    wait_done(qtbot, screen)
    assert not screen.theme_combo.isEnabled()
    # the search text applies here too: every action shown has both words
    assert all(
        "een" in a.description.lower() and "keer" in a.description.lower()
        for a in screen.actions_model.rows
    )
    screen.search.clear()
    qtbot.keyClicks(screen.search, "ideeen")
    wait_done(qtbot, screen)
    assert [a.description for a in screen.actions_model.rows] == ["Ideeën ophalen bij de school"]
    assert screen.status.text() == "1 actie"
    screen.search.clear()
    qtbot.keyClicks(screen.search, '"(*')
    wait_done(qtbot, screen)
    assert screen.actions_model.rowCount() == 0
    qtmodeltester.check(screen.actions_model)


def test_area_and_period(
    qtbot: QtBot, screen: ListsScreen, context: AppContext, data: dict[str, Any]
) -> None:
    everywhere = len(screen.conversations_model.rows)
    screen.set_area(data["beerta"])
    wait_done(qtbot, screen)
    in_beerta = screen.conversations_model.rows
    assert 0 < len(in_beerta) < everywhere
    assert {row.area_name for row in in_beerta} == {"Beerta"}

    screen.set_period(TODAY, TODAY)
    wait_done(qtbot, screen)
    assert shown_ids(screen) == [data["conversation"]]


def test_more_conversations_than_the_limit_says_so(
    qtbot: QtBot, screen: ListsScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lists_screen, "DEFAULT_LIMIT", 10)
    screen.refresh()
    wait_done(qtbot, screen)
    assert screen.conversations_model.rowCount() == 10
    assert screen.status.text() == "meer dan 10 gesprekken; verfijn het filter"


def test_columns_that_would_say_nothing_give_their_width_away(
    qtbot: QtBot, screen: ListsScreen, data: dict[str, Any]
) -> None:
    """On a laptop at 125-150% the summary got about 50 px beside a 'Gebied' column that
    repeated the one area chosen and a 'Citaat' column that was empty on every row."""
    table = screen._tabs[1].table
    header = table.horizontalHeader()
    area, quote = ConversationsModel.COL_AREA, ConversationsModel.COL_QUOTE
    assert not header.isSectionHidden(area)  # Oldambt: its villages and wijken differ

    qtbot.keyClicks(screen.search, "een bankje")  # the one conversation, without a quote
    wait_done(qtbot, screen)
    assert shown_ids(screen) == [data["conversation"]]
    assert header.isSectionHidden(quote)
    screen.search.clear()
    wait_done(qtbot, screen)
    assert not header.isSectionHidden(quote)  # other conversations have a quote

    screen.set_area(data["beerta"])  # a village without areas of its own
    wait_done(qtbot, screen)
    assert header.isSectionHidden(area)

    screen.resize(620, 500)  # what 1366x768 at 150% leaves beside the area tree
    qtbot.waitUntil(lambda: table.viewport().width() < 600)
    summary = header.sectionSize(ConversationsModel.COL_SUMMARY)
    assert summary >= table.fontMetrics().averageCharWidth() * 30, summary


def test_the_actions_tab_keeps_compact_rows_that_show_what_the_actions_are(
    qtbot: QtBot, screen: ListsScreen, context: AppContext, data: dict[str, Any]
) -> None:
    """The tab's year of actions lives as long as the screen: each row one tuple of texts, a
    date and a status, no UUIDs or views for the GUI thread's garbage collections to walk
    (issue 19: at ten times the data every young collection walked them). It shows what the
    actions' views show, in the same order."""
    with context.database.unit_of_work("test") as session:
        create_follow_up(
            session, description="Bankje laten plaatsen", area_id=data["beerta"],
            owner_id=None, due_date=TODAY - timedelta(days=1),
            conversation_id=data["conversation"],
        )  # fmt: skip
    screen.tabs.setCurrentIndex(3)
    wait_done(qtbot, screen)
    model = screen.actions_model
    assert model.rowCount() > 2
    gc.collect()
    for row in model.rows:
        held = [
            part
            for part in gc.get_referents(row)
            if gc.is_tracked(part) and not isinstance(part, (enum.Enum, type))
        ]
        assert held == [], row

    filters = screen.current_filter()
    with context.read() as session:
        views = filter_actions(
            session, area_ids=filters.area_ids, start=filters.start, end=filters.end,
            text="", author=None, include_closed=True, today=date.today(),
        )  # fmt: skip
    reference: ActionsModel[ActionView] = ActionsModel()
    reference.set_rows(sort_soonest_first(list(views)))
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    )

    def shown(m: ActionsModel[Any]) -> list[list[Any]]:
        return [
            [m.index(r, c).data(role) for c in range(m.columnCount()) for role in roles]
            for r in range(m.rowCount())
        ]

    assert shown(model) == shown(reference)
    assert [row.id for row in model.rows] == [view.id for view in reference.rows]
    late = next(r for r, row in enumerate(model.rows) if row.description == "Bankje laten plaatsen")
    assert model.index(late, ActionsModel.COL_SOURCE).data() == "Koffiekargesprek"
    assert model.index(late, ActionsModel.COL_DUE).data(Qt.ItemDataRole.FontRole).bold()
