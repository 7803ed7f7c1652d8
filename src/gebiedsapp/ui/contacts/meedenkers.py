"""The meedenker dropdown's list as a model (issue 19): the municipality's register at ten
times today's data was added to the combo box one item at a time, 0.6 s of the GUI thread;
a model is filled in one reset, and the popup lays out only the rows it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gebiedsapp.services.residents import MeedenkerView

Index = QModelIndex | QPersistentModelIndex


def meedenker_rows(entries: list[MeedenkerView]) -> list[tuple[str, str]]:
    """(text, register entry id) per entry, by name: what the dropdown offers."""
    return [
        (f"{entry.name} – {entry.area_name}", str(entry.id))
        for entry in sorted(entries, key=lambda e: e.name.casefold())
    ]


class MeedenkerModel(QAbstractListModel):
    """The dropdown's rows: the text shown, and the register entry's id as the item's data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text, key = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None
