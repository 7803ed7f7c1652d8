"""Small pieces of the initiatives screen: edits, the partner list, the leave question."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from gebiedsapp.ui import prompts
from gebiedsapp.ui.contacts.form import PartnerOption
from gebiedsapp.ui.prompts import Leave

NO_DATE = QDate(2000, 1, 1)  # shown as '—' in the end date: not ended
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setAccessibleName(name)
    edit.setMinimumDate(NO_DATE)
    return edit


def money_edit(parent: QWidget, name: str) -> QLineEdit:
    """An amount as typed ('1.250,50'); read with parse_euros when saving."""
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(parent.tr("bijv. 1.250,50"))
    edit.setToolTip(parent.tr("Een bedrag in euro's, bijv. 1.250 of 1.250,50; leeg: onbekend"))
    return edit


def text_edit(parent: QWidget, name: str, hint: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(hint)
    edit.setMinimumHeight(64)
    edit.setMaximumHeight(96)  # room for the lists below; the text scrolls inside
    return edit


class PartnerPicker(QListWidget):
    """Partners as a checkable list (Space ticks); retired ones only when already ticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Partners"))
        self.setUniformItemSizes(True)
        self._partners: list[PartnerOption] = []
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_partners(self, partners: Sequence[PartnerOption]) -> None:
        self._partners = list(partners)
        self.set_checked(self.checked_ids())

    def set_checked(
        self, ids: Sequence[uuid.UUID], names: dict[uuid.UUID, str] | None = None
    ) -> None:
        wanted = set(ids)
        known = {p.id for p in self._partners}
        self.blockSignals(True)
        try:
            self.clear()
            for partner in self._partners:
                if partner.retired and partner.id not in wanted:
                    continue
                self._add(partner.id, partner.name, partner.id in wanted)
            for partner_id in ids:
                if partner_id not in known:
                    self._add(partner_id, (names or {}).get(partner_id, "?"), True)
        finally:
            self.blockSignals(False)

    def _add(self, partner_id: uuid.UUID, name: str, checked: bool) -> None:
        item = QListWidgetItem(name, self)
        item.setData(ID_ROLE, str(partner_id))
        item.setToolTip(name)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[uuid.UUID]:
        items = (self.item(row) for row in range(self.count()))
        return [
            uuid.UUID(item.data(ID_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]


def ask_leave(parent: QWidget) -> Leave:
    """'Opslaan' (default, also on Enter) / 'Weggooien' / 'Annuleren' (Escape: go on typing):
    initiatives have no drafts, so the first answer saves."""
    return prompts.ask_leave(
        parent,
        title=parent.tr("Initiatief niet opgeslagen"),
        text=parent.tr("Je hebt wijzigingen in dit initiatief nog niet opgeslagen."),
        detail=parent.tr("Wil je ze opslaan? Weggooien kun je niet ongedaan maken."),
        keep=parent.tr("Opslaan"),
    )
