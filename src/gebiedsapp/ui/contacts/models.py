"""Table models of the contact log: logged contacts, and the actions agreed in the open form."""

from __future__ import annotations

from typing import Any

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
