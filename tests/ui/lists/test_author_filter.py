"""Lijsten's author filter (issue 19): its names are everyone who recorded a conversation,
contact or round, read on the worker through the created_by indexes when the screen is shown,
and read again after records changed (a save, a sync's pull, an erasure), not while hidden."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from signal_steps import click_area, open_screen
from sqlalchemy import delete, event, insert

from gebiedsapp.domain import Contact, ContactType, ContactWith
from gebiedsapp.services.contacts import ContactInput, record_contact
from gebiedsapp.ui.contacts import ContactsScreen
from gebiedsapp.ui.context import ALL_KINDS, AppContext
from gebiedsapp.ui.lists import ListsScreen
from gebiedsapp.ui.main_window import CONTACTS, LISTS, MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

AUTHORS_READ = "WITH RECURSIVE names"  # SearchRepository.authors' statements


def _contact(context: AppContext, area_id: uuid.UUID, author: str, subject: str) -> uuid.UUID:
    with context.database.unit_of_work(author) as session:
        return record_contact(
            session,
            ContactInput(
                day=date.today(), area_id=area_id, contact_type=ContactType.TELEFOON,
                subject=subject,
            ),
        ).id  # fmt: skip


def _pulled_contact(context: AppContext, area_id: uuid.UUID, author: str) -> uuid.UUID:
    """A teammate's contact as the sync pull writes it: Core, no ORM, their name on it."""
    key, now = uuid.uuid4(), datetime.now(UTC)
    with context.database.unit_of_work("test") as session:
        session.execute(
            insert(Contact).values(
                id=key, created_at=now, updated_at=now, created_by=author, updated_by=author,
                version=1, date=date.today(), area_id=area_id, contact_type=ContactType.ANDERS,
                with_kind=ContactWith.GROEP, group_name="Buurtvereniging", subject="gepulld",
            )
        )  # fmt: skip
    return key


def _statements(context: AppContext) -> list[tuple[str, bool]]:
    """Every statement from now on, and whether it ran on the GUI thread."""
    seen: list[tuple[str, bool]] = []
    event.listen(
        context.database.engine,
        "before_cursor_execute",
        lambda *args: seen.append((args[2], threading.current_thread() is threading.main_thread())),
    )
    return seen


def _names(lists: ListsScreen) -> list[str]:
    combo = lists.author_combo
    return [combo.itemText(i) for i in range(1, combo.count())]  # after (alle)


def _go_to_the_author_filter(qtbot: Any, window: MainWindow) -> None:
    """Alt+U, the filter's label's shortcut, as a user goes there."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)


def _open_lists(qtbot: Any, window: MainWindow, context: AppContext) -> ListsScreen:
    open_screen(qtbot, window, LISTS)
    lists = window.screens[LISTS]
    assert isinstance(lists, ListsScreen)
    qtbot.waitUntil(lambda: not context.background.busy() and not lists.is_busy())
    return lists


def test_the_author_filter_lists_who_recorded_and_filters_by_them(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    _contact(context, beerta, "bram", "Bankje bij de kerk")
    _contact(context, beerta, "anna", "Speeltuin")
    _pulled_contact(context, beerta, "carla")
    statements = _statements(context)
    click_area(qtbot, window, beerta)
    lists = _open_lists(qtbot, window, context)
    qtbot.mouseClick(lists.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=_tab_centre(lists, 2))
    qtbot.waitUntil(lambda: not lists.is_busy() and len(lists.contacts_model.rows) == 3)

    _go_to_the_author_filter(qtbot, window)
    assert lists.author_combo.hasFocus()
    assert _names(lists) == ["anna", "bram", "carla"]
    qtbot.keyClick(lists.author_combo, Qt.Key.Key_Down)  # the first name: anna
    qtbot.waitUntil(lambda: not lists.is_busy() and len(lists.contacts_model.rows) == 1)

    assert lists.contacts_model.rows[0].subject == "Speeltuin"
    reads = [on_gui for statement, on_gui in statements if AUTHORS_READ in statement]
    assert reads  # read (not guessed from the saves)
    assert not any(reads)  # on the worker


def _tab_centre(lists: ListsScreen, index: int) -> Any:
    return lists.tabs.tabBar().tabRect(index).center()


def test_a_save_while_lijsten_is_hidden_is_in_the_filter_when_it_is_shown_again(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    _contact(context, beerta, "bram", "Bankje bij de kerk")
    click_area(qtbot, window, beerta)
    lists = _open_lists(qtbot, window, context)
    assert _names(lists) == ["bram"]

    open_screen(qtbot, window, CONTACTS)  # a contact of the app's user, saved with Ctrl+Enter
    contacts = window.screens[CONTACTS]
    assert isinstance(contacts, ContactsScreen)
    qtbot.waitUntil(contacts.form.isEnabled)
    statements = _statements(context)
    contacts.form.subject_edit.setFocus()
    qtbot.keyClicks(contacts.form.subject_edit, "Speeltuin")
    qtbot.keyClick(
        contacts.form.subject_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: not context.background.busy())
    assert not [s for s, _ in statements if AUTHORS_READ in s]  # hidden: nothing read
    assert _names(lists) == ["bram"]

    lists = _open_lists(qtbot, window, context)
    assert _names(lists) == sorted(["bram", context.actor])


def test_an_author_whose_records_are_gone_drops_out_and_the_lists_follow(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """A sync's pull erases a teammate's records (an erasure on another laptop): the filter
    no longer offers them, and a list filtered on them shows everyone's again."""
    _contact(context, beerta, "bram", "Bankje bij de kerk")
    carla = _pulled_contact(context, beerta, "carla")
    click_area(qtbot, window, beerta)
    lists = _open_lists(qtbot, window, context)
    qtbot.mouseClick(lists.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=_tab_centre(lists, 2))
    _go_to_the_author_filter(qtbot, window)
    qtbot.keyClick(lists.author_combo, Qt.Key.Key_End)  # the last name: carla
    qtbot.waitUntil(lambda: not lists.is_busy() and len(lists.contacts_model.rows) == 1)
    assert lists.author_combo.currentText() == "carla"

    with context.database.unit_of_work("test") as session:
        session.execute(delete(Contact).where(Contact.id == carla))
    context.hub.announce(*ALL_KINDS)  # what the sync controller says after a pull

    qtbot.waitUntil(lambda: _names(lists) == ["bram"])
    qtbot.waitUntil(lambda: not lists.is_busy() and len(lists.contacts_model.rows) == 1)
    assert lists.author_combo.currentIndex() == 0  # (alle)
    assert lists.contacts_model.rows[0].subject == "Bankje bij de kerk"
