"""The activity form reads its fields from their definitions (services.activity_record): every
definition has its input, what a user puts in each reaches the draft, the stored draft comes
back into the form as it was, and a draft of an earlier shape still restores."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import ActivityKind, DraftKind, SignalSource, reference_id
from gebiedsapp.services.actions import create_follow_up
from gebiedsapp.services.activity_record import (
    DRAFT_FIELDS,
    ActivityDraft,
    AgreedAction,
)
from gebiedsapp.services.conversation_record import InputKind
from gebiedsapp.services.drafts import get_draft, save_draft
from gebiedsapp.services.initiatives import InitiativeInput, create_initiative
from gebiedsapp.services.signals import SignalInput, create_signal
from gebiedsapp.ui.activities import ActivitiesScreen
from gebiedsapp.ui.activities import screen as screen_module
from gebiedsapp.ui.activities.links import LinkList, get_time
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import ACTIVITIES, MainWindow
from gebiedsapp.ui.prompts import Leave
from gebiedsapp.ui.recovery import pending_drafts
from support.clicks import CTRL, LEFT, click, click_row, focused

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = date.today()
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def screen(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> ActivitiesScreen:
    """A signal, an action and an initiative in Beerta to link; then the screen, reached as a
    user does (the area in the tree, Ctrl+Shift+A)."""
    with context.database.unit_of_work("test") as session:
        create_signal(
            session,
            SignalInput(
                area_id=beerta,
                description="Zwerfvuil",
                source=SignalSource.BEWONERSAVOND,
                reported_on=TODAY,
                category_id=ZWERFVUIL,
            ),
            today=TODAY,
        )
        create_follow_up(
            session, description="Bankje nalopen", area_id=beerta, owner_id=None, due_date=None
        )
        create_initiative(
            session,
            InitiativeInput(area_id=beerta, title="Moestuin", started_on=TODAY),
            today=TODAY,
        )
    window.navigator.select(beerta)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL_SHIFT)
    widget = window.screens[ACTIVITIES]
    assert isinstance(widget, ActivitiesScreen)
    qtbot.waitUntil(lambda: not context.background.busy())
    return widget


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Callable[[Leave], None]:
    def set_answer(choice: Leave) -> None:
        monkeypatch.setattr(screen_module, "ask_leave", lambda _parent, **_texts: choice)

    return set_answer


def test_every_field_definition_has_its_input(screen: ActivitiesScreen) -> None:
    form = screen.form
    assert set(form.inputs) == {d.key for d in DRAFT_FIELDS}
    for definition in DRAFT_FIELDS:
        widget = form.inputs[definition.key]
        if definition.kind in (InputKind.LINE, InputKind.NEW_ACTION):
            assert isinstance(widget, QLineEdit), definition.key
        elif definition.kind is InputKind.TEXT:
            assert isinstance(widget, QPlainTextEdit), definition.key
        elif definition.kind in (InputKind.CHOICE, InputKind.AREA):
            assert isinstance(widget, QComboBox), definition.key
        elif definition.kind in (InputKind.LINKS, InputKind.NEW_ACTIONS):
            assert isinstance(widget, LinkList), definition.key
        if definition.max_length is not None:
            assert isinstance(widget, QLineEdit | QPlainTextEdit)
            if isinstance(widget, QLineEdit):
                assert widget.maxLength() == definition.max_length


def _show_tab(qtbot: QtBot, screen: ActivitiesScreen, page: QWidget) -> None:
    """A click on the tab of the links that shows `page`."""
    links = screen.form.links
    bar = links.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(links.indexOf(page)).center())
    assert links.currentWidget() is page


def _put(qtbot: QtBot, screen: ActivitiesScreen, key: str, kind: InputKind) -> Any:
    """What a user does to put something in the field `key`; returns the draft's value."""
    form = screen.form
    widget = form.inputs[key]
    if kind in (InputKind.LINE, InputKind.TEXT):
        click(qtbot, widget)
        qtbot.keyClicks(widget, f"tekst {key}")
        return f"tekst {key}"
    if kind is InputKind.DAY:
        click(qtbot, widget)
        qtbot.keyClick(widget, Qt.Key.Key_Down)  # the day before today
        return form.date_edit.date().toPython()
    if kind is InputKind.TIME:
        click(qtbot, widget)
        assert isinstance(widget, QTimeEdit)
        qtbot.keyClick(widget, Qt.Key.Key_Up)  # from "--:--" a step on
        return get_time(widget)
    if kind is InputKind.COUNT:
        click(qtbot, widget)
        qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(widget, "34")
        return 34
    if kind is InputKind.CHOICE:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Down)
        return ActivityKind.DORPSSCHOUW
    if kind is InputKind.AREA:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Down)
        return form.area_id
    if kind is InputKind.THEMES:
        click(qtbot, form.themes.filter)
        qtbot.keyClicks(form.themes.filter, "eenzaam")
        qtbot.keyClick(form.themes.filter, Qt.Key.Key_Return)
        return tuple(form.themes.checked_ids())
    if kind is InputKind.LINKS:
        assert isinstance(widget, LinkList)
        tab = form.links.tabBar()
        page = widget if widget is not form.actions_list else form.actions_page
        qtbot.mouseClick(
            tab, Qt.MouseButton.LeftButton, pos=tab.tabRect(form.links.indexOf(page)).center()
        )
        click_row(qtbot, widget, 0)
        qtbot.keyClick(widget, Qt.Key.Key_Space)
        return tuple(widget.checked_ids())
    _show_tab(qtbot, screen, form.actions_page)  # the new action is typed on the Acties tab
    if kind is InputKind.NEW_ACTIONS:
        click(qtbot, form.action_edit)
        qtbot.keyClicks(form.action_edit, "Glas ruimen")
        qtbot.keyClick(form.action_edit, Qt.Key.Key_Return)  # adds it to the list
        return form.new_actions
    assert kind is InputKind.NEW_ACTION
    click(qtbot, form.action_edit)
    qtbot.keyClicks(form.action_edit, "Bord plaatsen")
    return form.typed_action()


def test_what_is_put_in_every_field_reaches_the_draft_and_comes_back(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    screen: ActivitiesScreen,
    answer: Callable[[Leave], None],
) -> None:
    form = screen.form
    click(qtbot, screen.new_button)
    put = {d.key: _put(qtbot, screen, d.key, d.kind) for d in DRAFT_FIELDS}
    draft = form.draft()
    assert {key: getattr(draft, key) for key in put} == put
    for key, value in put.items():  # each field holds something, not its blank
        assert value not in (None, "", (), ActivityKind.BEWONERSAVOND), key
    assert put["day"] != TODAY
    assert [a.description for a in draft.new_actions] == ["Glas ruimen"]
    assert draft.new_action is not None
    assert draft.new_action.description == "Bord plaatsen"

    def saved() -> bool:
        return any(d.payload == draft.to_json() for d in pending_drafts(context))

    qtbot.waitUntil(saved, timeout=5_000)
    [stored] = pending_drafts(context)
    assert ActivityDraft.from_json(stored.payload) == draft

    answer(Leave.KEEP)
    click(qtbot, screen.new_button)  # the draft is kept; the form starts blank
    assert form.is_empty()
    window.restore_draft(stored)  # 'Herstel je werk?'
    assert form.draft() == draft


def test_a_draft_of_an_earlier_shape_restores_and_saves(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """The shape the demo data and earlier versions wrote: no 'new_action', no linked actions
    or initiatives, and an agreed action without its owner's name."""
    payload = {
        "day": "2026-03-10",
        "start_time": "19:30:00",
        "end_time": "",
        "kind": ActivityKind.BEWONERSAVOND.value,
        "area_id": str(beerta),
        "place": "Dorpshuis",
        "attendance": None,
        "subject": "Verkeer en parkeren in het dorp",
        "notes": "Veel zorgen over hardrijders; ",
        "outcomes": "",
        "theme_ids": [],
        "signal_ids": [],
        "new_actions": [{"description": "Snelheid laten meten", "owner_id": "", "due_date": ""}],
    }
    with context.database.unit_of_work("test") as session:
        draft = get_draft(
            session, save_draft(session, draft_id=None, kind=DraftKind.ACTIVITY, payload=payload)
        )
    assert draft is not None
    window.restore_draft(draft)
    screen = window.screens[ACTIVITIES]
    assert isinstance(screen, ActivitiesScreen)
    form = screen.form
    assert form.subject_edit.text() == "Verkeer en parkeren in het dorp"
    assert form.date_edit.date().toPython() == date(2026, 3, 10)
    assert form.start_edit.time().toPython() == time(19, 30)
    assert form.attendance_spin.text() == "niet geteld"
    assert form.new_actions == (AgreedAction("Snelheid laten meten"),)
    assert form.area_id == beerta
    with qtbot.waitSignal(context.hub.changed):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert pending_drafts(context) == []
    assert screen.status.text() == (
        "Activiteit opgeslagen, met 1 nieuwe actie(s): Verkeer en parkeren in het dorp"
    )
