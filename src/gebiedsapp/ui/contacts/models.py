"""Table models of the contact log: logged contacts, and the actions agreed in the open form."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, NamedTuple

from PySide6.QtCore import Qt

from gebiedsapp.domain import ContactWith
from gebiedsapp.services.contact_record import AgreedAction
from gebiedsapp.services.lists import ContactRow
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.table_model import RowTableModel


def with_whom_text(view: ContactRow) -> str:
    """'Organisatie: Woonborg'; never a resident's name (the view does not even hold one)."""
    if view.with_kind in (ContactWith.GROEP, ContactWith.ORGANISATIE) and view.with_whom:
        return f"{label_of(view.with_kind)}: {view.with_whom}"
    return label_of(view.with_kind)


class ContactsModel(RowTableModel[ContactRow]):
    COL_DATE, COL_AREA, COL_TYPE, COL_WITH, COL_SUBJECT, COL_THEMES, COL_AUTHOR = range(7)
    headers = ("Datum", "Gebied", "Soort", "Met wie", "Onderwerp", "Thema's", "Auteur")

    def cell(self, row: ContactRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SUBJECT:
            lines = [row.subject, f"{with_whom_text(row)} · {row.area_name}"]
            if row.themes:
                lines.append(", ".join(row.themes))
            if row.notes:
                lines += ["", row.notes[:600]]
            return "\n".join(lines)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_DATE:
            return format_date(row.day)
        if column == self.COL_AREA:
            return row.area_name
        if column == self.COL_TYPE:
            return label_of(row.contact_type)
        if column == self.COL_WITH:
            return with_whom_text(row)
        if column == self.COL_SUBJECT:
            return row.subject
        if column == self.COL_THEMES:
            return ", ".join(row.themes)
        if column == self.COL_AUTHOR:
            return row.author
        return None


class ContactLine(NamedTuple):
    """A logged contact as Contacten's list shows it, its texts made on the worker: one tuple
    of strings and an int per row, one object for the garbage collector to walk. A ContactView
    was six (the view, its dict, its ids, the tuple of theme ids): on ten times today's data
    the list's rows made every young collection after a load long (issue 19)."""

    key: int  # the contact's id, as an int (a UUID object is walked by the collector)
    day: str
    area_name: str
    type_label: str
    with_text: str
    subject: str
    themes: str
    author: str
    tooltip: str  # the subject's: with whom, where, themes, the start of the notes

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(int=self.key)


def contact_rows(views: Iterable[ContactRow]) -> list[ContactLine]:
    """The list's rows of these contacts (on the worker: labels are translated there too)."""
    rows = []
    for view in views:
        with_text = with_whom_text(view)
        themes = ", ".join(view.themes)
        lines = [view.subject, f"{with_text} · {view.area_name}"]
        if view.themes:
            lines.append(themes)
        if view.notes:
            lines += ["", view.notes[:600]]
        rows.append(
            ContactLine(
                view.id.int,
                format_date(view.day),
                view.area_name,
                label_of(view.contact_type),
                with_text,
                view.subject,
                themes,
                view.author,
                "\n".join(lines),
            )
        )
    return rows


class ContactRowsModel(RowTableModel[ContactLine]):
    """Contacten's list (ContactsModel's columns and texts, from compact rows)."""

    COL_DATE, COL_AREA, COL_TYPE, COL_WITH, COL_SUBJECT, COL_THEMES, COL_AUTHOR = range(7)
    headers = ContactsModel.headers

    def cell(self, row: ContactLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SUBJECT:
            return row.tooltip
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return row[column + 1] if 0 <= column < 7 else None


# an action typed into the contact (or activity) form, created together with the record; the
# draft's own type, defined with the contact's fields
PendingAction = AgreedAction


class PendingActionsModel(RowTableModel[PendingAction]):
    COL_DESCRIPTION, COL_OWNER, COL_DUE = range(3)
    headers = ("Actie", "Eigenaar", "Uiterlijk")

    def cell(self, row: PendingAction, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_DESCRIPTION:
            return row.description
        if column == self.COL_OWNER:
            return row.owner_name or self.tr("nog niemand")
        if column == self.COL_DUE:
            return format_date(row.due_date) if row.due_date else self.tr("geen datum")
        return None
