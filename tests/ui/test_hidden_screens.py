"""Hidden screens do not reload on every change or area click (issue 19): Contacten's
meedenker register waits until it is shown (Lijsten's author filter:
tests/ui/lists/test_author_filter.py)."""

from __future__ import annotations

import threading
import uuid
from datetime import date
from typing import Any

import pytest
from signal_steps import click_area, open_screen

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.ui.contacts import ContactsScreen
from gebiedsapp.ui.contacts import meedenkers as contacts_meedenkers
from gebiedsapp.ui.contacts.form import NO_MEEDENKERS
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import CONTACTS, SIGNALS, MainWindow


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
    read = contacts_meedenkers.meedenker_choices

    def slow_register(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(10)  # the test says when the register is read
        return read(*args, **kwargs)

    monkeypatch.setattr(contacts_meedenkers, "meedenker_choices", slow_register)
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
