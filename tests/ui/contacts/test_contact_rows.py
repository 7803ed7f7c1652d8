"""Contacten's list keeps its rows as tuples of texts (issue 19): on ten times today's data
its year of contacts as views (six objects each the garbage collector walks) made every young
collection after a load long. A row of strings and an int is one object to walk; it shows
what the views showed, and opens its contact."""

from __future__ import annotations

import gc
import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from signal_steps import click_area, open_screen

from gebiedsapp.domain import ContactType
from gebiedsapp.services.contact_record import ContactInput
from gebiedsapp.services.contacts import record_contact
from gebiedsapp.services.lists import ListFilter, list_contacts
from gebiedsapp.ui.contacts.models import ContactsModel
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import CONTACTS, MainWindow


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
