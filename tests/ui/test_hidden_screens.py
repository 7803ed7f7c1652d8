"""Hidden screens do not reload on every change or area click (issue 19): Contacten's
meedenker register and Lijsten's author filter wait until they are shown, and the author
filter is not rebuilt from every record per save."""

from __future__ import annotations

import threading
import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from signal_steps import click_area, open_screen
from sqlalchemy import event

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.ui.contacts import ContactsScreen
from gebiedsapp.ui.contacts import meedenkers as contacts_meedenkers
from gebiedsapp.ui.contacts.form import NO_MEEDENKERS
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.lists import ListsScreen
from gebiedsapp.ui.main_window import CONTACTS, LISTS, SIGNALS, MainWindow


def _register_meedenker(context: AppContext, area_id: uuid.UUID, name: str) -> None:
    with context.database.unit_of_work("test") as session:
        register_resident(
            session,
            ResidentInput(name=name, phone="06-12345678", wants_meedenken=True, consent=True),
            area_id=area_id,
            today=date.today(),
        )


def _drieborg(context: AppContext) -> uuid.UUID:
    with context.read() as session:
        return find_area(session, "Drieborg").id


def test_contacten_reads_the_register_of_an_area_clicked_while_hidden_when_shown(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    _register_meedenker(context, beerta, "Anna Testema")
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, CONTACTS)
    screen = window.screens[CONTACTS]
    assert isinstance(screen, ContactsScreen)
    combo = screen.form.meedenker_combo
    qtbot.waitUntil(lambda: "Anna Testema" in combo.itemText(1))

    open_screen(qtbot, window, SIGNALS)
    click_area(qtbot, window, _drieborg(context))  # none on the register there

    qtbot.waitUntil(lambda: not context.background.busy())
    assert "Anna Testema" in combo.itemText(1)  # hidden: not read again for every click
    open_screen(qtbot, window, CONTACTS)
    qtbot.waitUntil(lambda: combo.count() == 1)
    assert combo.itemText(0) == NO_MEEDENKERS


def _go_to_the_author_filter(qtbot: Any, window: MainWindow) -> None:
    """Alt+U, the filter's label's shortcut, as a user goes there."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)


def test_lijsten_reads_its_author_filter_only_when_the_user_goes_there(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """Every record's author (a scan of three tables: seconds at ten times the data) is read
    on the worker when the user goes to the filter, not on every opening (issue 19)."""
    from gebiedsapp.domain import ContactType
    from gebiedsapp.services.contacts import ContactInput, record_contact

    with context.database.unit_of_work("bram") as session:
        record_contact(
            session,
            ContactInput(
                day=date.today(), area_id=beerta, contact_type=ContactType.TELEFOON, subject="x"
            ),
        )
    statements: list[tuple[str, bool]] = []
    event.listen(
        context.database.engine,
        "before_cursor_execute",
        lambda *args: statements.append(
            (args[2], threading.current_thread() is threading.main_thread())
        ),
    )
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, LISTS)
    lists = window.screens[LISTS]
    assert isinstance(lists, ListsScreen)
    qtbot.waitUntil(lambda: not context.background.busy() and not lists.is_busy())
    assert not [s for s, _on_gui in statements if "UNION" in s.upper()]
    assert lists.author_combo.count() == 1  # (alle)

    _go_to_the_author_filter(qtbot, window)
    qtbot.waitUntil(lambda: lists.author_combo.findData("bram") >= 0)
    assert lists.author_combo.hasFocus()
    assert [on_gui for s, on_gui in statements if "UNION" in s.upper()] == [False]


def test_a_save_does_not_rebuild_the_hidden_author_filter_from_every_record(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, LISTS)
    lists = window.screens[LISTS]
    assert isinstance(lists, ListsScreen)
    qtbot.waitUntil(lambda: not context.background.busy())
    authors = lists.author_combo
    _go_to_the_author_filter(qtbot, window)  # its names are read now
    qtbot.waitUntil(lambda: not context.background.busy())
    assert [authors.itemData(i) for i in range(authors.count())] == [""]  # nothing recorded
    statements: list[str] = []
    event.listen(
        context.database.engine,
        "before_cursor_execute",
        lambda *args: statements.append(args[2]),
    )

    open_screen(qtbot, window, CONTACTS)  # a contact, saved with Ctrl+Enter
    contacts = window.screens[CONTACTS]
    assert isinstance(contacts, ContactsScreen)
    qtbot.waitUntil(contacts.form.isEnabled)  # its choices are read on the worker
    contacts.form.subject_edit.setFocus()
    qtbot.keyClicks(contacts.form.subject_edit, "Bankje bij de kerk")
    qtbot.keyClick(
        contacts.form.subject_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: authors.count() == 2)

    assert authors.itemData(1) == context.actor  # the one author a save can add
    assert not [s for s in statements if "UNION" in s.upper()]


def test_contacten_opens_before_the_register_is_read(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The register (seconds for the whole municipality at ten times the data) is read off
    the GUI thread: the screen is there at once, the names follow."""
    _register_meedenker(context, beerta, "Anna Testema")
    click_area(qtbot, window, beerta)
    started, release = threading.Event(), threading.Event()
    read = contacts_meedenkers.list_meedenkers

    def slow_register(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(10)  # the test says when the register is read
        return read(*args, **kwargs)

    monkeypatch.setattr(contacts_meedenkers, "list_meedenkers", slow_register)
    try:
        open_screen(qtbot, window, CONTACTS)  # returns while the register is still read
        qtbot.waitUntil(started.is_set)  # after the form's choices, also read on the worker
        screen = window.screens[CONTACTS]
        assert isinstance(screen, ContactsScreen)
        combo = screen.form.meedenker_combo
        assert "Anna Testema" not in combo.itemText(1)
    finally:
        release.set()
    qtbot.waitUntil(lambda: "Anna Testema" in combo.itemText(1))
