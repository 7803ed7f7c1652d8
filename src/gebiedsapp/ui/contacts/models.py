"""Table models of the contact log: logged contacts, and the actions agreed in the open form."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from gebiedsapp.domain import ContactWith
from gebiedsapp.services.contacts import ContactView
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.table_model import RowTableModel


def with_whom_text(view: ContactView) -> str:
    """'Organisatie: Woonborg'; never a resident's name (the view does not even hold one)."""
    if view.with_kind in (ContactWith.GROEP, ContactWith.ORGANISATIE) and view.with_whom:
        return f"{label_of(view.with_kind)}: {view.with_whom}"
    return label_of(view.with_kind)


class ContactsModel(RowTableModel[ContactView]):
    COL_DATE, COL_AREA, COL_TYPE, COL_WITH, COL_SUBJECT, COL_THEMES, COL_AUTHOR = range(7)
    headers = ("Datum", "Gebied", "Soort", "Met wie", "Onderwerp", "Thema's", "Auteur")

    def cell(self, row: ContactView, column: int, role: int) -> Any:
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


@dataclass(frozen=True)
class PendingAction:
    """An action typed into the contact form; created together with the contact."""

    description: str
    owner_id: uuid.UUID | None
    owner_name: str
    due_date: date | None

    def payload(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "owner_id": str(self.owner_id) if self.owner_id else "",
            "owner_name": self.owner_name,
            "due_date": self.due_date.isoformat() if self.due_date else "",
        }

    @classmethod
    def from_payload(cls, data: Any) -> PendingAction | None:
        if not isinstance(data, dict) or not str(data.get("description", "")).strip():
            return None
        try:
            owner = uuid.UUID(str(data["owner_id"])) if data.get("owner_id") else None
            due = date.fromisoformat(str(data["due_date"])) if data.get("due_date") else None
        except ValueError:
            owner, due = None, None
        return cls(str(data["description"]), owner, str(data.get("owner_name", "")), due)


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
