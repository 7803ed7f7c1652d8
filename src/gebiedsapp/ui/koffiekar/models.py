"""Table models of the koffiekar screen: the rounds of an area and the conversations of a round."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from gebiedsapp.services.koffiekar import ConversationView
from gebiedsapp.services.lists import SessionRow
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.table_model import RowTableModel

_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class RoundListModel(RowTableModel[SessionRow]):
    COL_DATE, COL_PLACE, COL_CONVERSATIONS = range(3)
    headers = ("Datum", "Plek", "Gesprekken")

    def cell(self, row: SessionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_CONVERSATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in _TEXT_ROLES:
            return None
        if column == self.COL_DATE:
            return format_date(row.day)
        if column == self.COL_PLACE:
            return row.place or "—"
        return format_number(row.conversations)

    def index_of(self, round_id: object) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == round_id), -1)

    def put_row(self, row: SessionRow) -> None:
        """A round just written: its row changed in place, or a new one put before the rounds
        of earlier days (newest first; the whole list read after it puts it exactly)."""
        at = self.index_of(row.id)
        if at >= 0:
            self.rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.headers) - 1))
            return
        at = next((i for i, r in enumerate(self.rows) if r.day <= row.day), len(self.rows))
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.insert(at, row)
        self.endInsertRows()


class ConversationListModel(RowTableModel[ConversationView]):
    COL_SUMMARY, COL_THEMES, COL_HANDLING, COL_AUTHOR = range(4)
    headers = ("Samenvatting", "Thema's", "Afhandeling", "Door")

    def cell(self, row: ConversationView, column: int, role: int) -> Any:
        if role not in _TEXT_ROLES:
            return None
        if column == self.COL_SUMMARY:
            return row.summary
        if column == self.COL_THEMES:
            return ", ".join(row.themes)
        if column == self.COL_HANDLING:
            return label_of(row.handling)
        return row.author


def make_table(model: RowTableModel[Any], parent: QWidget) -> QTableView:
    """A read-only list: whole rows, one at a time, no cell editing."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    return table
