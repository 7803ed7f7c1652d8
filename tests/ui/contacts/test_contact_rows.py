"""Contacten's list keeps its rows as tuples of texts (issue 19): on ten times today's data
its year of contacts as views (six objects each the garbage collector walks) made every young
collection after a load long. A row of strings and an int is one object to walk; it shows
what the views showed, and opens its contact."""

from __future__ import annotations

import gc
import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from signal_steps import click_area, open_screen

from gebiedsapp.domain import ContactType, ContactWith
from gebiedsapp.services.contact_record import ContactInput
from gebiedsapp.services.contacts import record_contact
from gebiedsapp.services.lists import ListFilter, list_contacts
from gebiedsapp.services.residents import ResidentInput, list_meedenkers, register_resident
from gebiedsapp.ui.contacts.meedenkers import MeedenkerChoices, read_meedenkers
from gebiedsapp.ui.contacts.models import ContactsModel
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import CONTACTS, MainWindow

ENTRIES = 30


def test_the_rows_are_left_out_of_collections_and_show_and_open_their_contact(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    with context.database.unit_of_work("test") as session:
        for n, kind in enumerate((ContactType.HUISBEZOEK, ContactType.TELEFOON)):
            record_contact(
                session,
                ContactInput(
                    day=date.today(),
                    area_id=beerta,
                    contact_type=kind,
                    subject=f"Onderwerp {n}",
                    notes="Buurman helpt met de tuin.",
                ),
            )
    window.resize(1366, 768)  # a regisseur's laptop
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, CONTACTS)
    screen: Any = window.screens[CONTACTS]
    model = screen.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not context.background.busy())

    gc.collect()
    # one object per row for the collector to walk: nothing in it is tracked (a view had
    # six: itself, its dict, its ids, the tuple of its theme ids)
    parts = [part for row in model.rows for part in gc.get_referents(row)]
    assert not any(gc.is_tracked(part) for part in parts if not isinstance(part, type))

    with context.read() as session:
        views = list_contacts(session, ListFilter(area_ids=[beerta]))
    reference = ContactsModel()
    reference.set_rows(views)
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        assert [
            [model.index(r, c).data(role) for c in range(model.columnCount())] for r in range(2)
        ] == [
            [reference.index(r, c).data(role) for c in range(reference.columnCount())]
            for r in range(2)
        ]

    rect = screen.table.visualRect(model.index(1, 0))
    assert screen.table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # open the chosen contact
    qtbot.waitUntil(lambda: screen.editing_id == views[1].id)  # once its choices are in
    assert screen.form.subject_edit.text() == views[1].subject
    context.background.wait()


def test_the_meedenker_register_is_read_as_texts_and_a_contact_opens_with_its_entry(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dropdown's register (14.5k entries for the municipality on ten times the data) is
    read as texts: a UUID object per entry, three of them, lived in every young collection of
    the GUI thread while the worker read (issue 19). A contact with a meedenker still opens
    with that entry chosen."""

    def uuids_made_reading() -> tuple[int, MeedenkerChoices]:
        made: list[int] = []
        real_init = uuid.UUID.__init__

        def counting(self: uuid.UUID, *args: Any, **kwargs: Any) -> None:
            made.append(1)
            real_init(self, *args, **kwargs)

        monkeypatch.setattr(uuid.UUID, "__init__", counting)
        try:
            found = read_meedenkers(context, beerta)
            return len(made), found
        finally:
            monkeypatch.setattr(uuid.UUID, "__init__", real_init)

    without, _ = uuids_made_reading()  # the area's header alone
    with context.database.unit_of_work("test") as session:
        for n in range(ENTRIES):
            register_resident(
                session,
                ResidentInput(
                    name=f"Inwoner {n:02d}", phone="06-12345678", wants_meedenken=True,
                    consent=True,
                ),
                area_id=beerta,
                today=date.today(),
            )  # fmt: skip
        entries = list_meedenkers(session, area_ids=frozenset({beerta}))
        chosen = next(e for e in entries if e.name == "Inwoner 07")
        record_contact(
            session,
            ContactInput(
                day=date.today(), area_id=beerta, contact_type=ContactType.HUISBEZOEK,
                with_kind=ContactWith.MEEDENKER, meedenker_id=chosen.id, subject="Dorpsplein",
            ),
        )  # fmt: skip

    made, found = uuids_made_reading()
    assert len(found.rows) == ENTRIES
    assert made - without < ENTRIES  # as many as the header's alone: none per entry
    assert [text for text, _key in found.rows] == [
        f"Inwoner {n:02d} – Beerta" for n in range(ENTRIES)
    ]
    assert found.names[str(chosen.id)] == "Inwoner 07"

    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, CONTACTS)
    screen: Any = window.screens[CONTACTS]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1 and not context.background.busy())
    rect = screen.table.visualRect(screen.model.index(0, 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: screen.editing_id is not None and not context.background.busy())
    combo = screen.form.meedenker_combo
    assert combo.currentText() == "Inwoner 07 – Beerta"
    assert combo.currentData() == str(chosen.id)
