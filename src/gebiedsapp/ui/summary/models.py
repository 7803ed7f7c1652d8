"""The summary screen's lists as table models: open signals, open actions and initiatives.

On ten times today's data Winschoten's year has thousands of open signals: the view gets them
a page at a time as it scrolls (canFetchMore/fetchMore), so showing them costs a page, not
every row (issue 19)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from gebiedsapp.services.money import format_euros
from gebiedsapp.services.summary import InitiativeRow, OpenAction, OpenSignal
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import ColourRole, brush
from gebiedsapp.ui.signals.common import label_brush
from gebiedsapp.ui.table_model import RowTableModel

PAGE = 200  # rows handed to the view at a time
R = TypeVar("R")


class PagedModel(RowTableModel[R]):
    """All rows kept; the view sees the first page and asks for more as it scrolls."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.all_rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.rows = self.all_rows[:PAGE]
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self.rows) < len(self.all_rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        start = len(self.rows)
        more = self.all_rows[start : start + PAGE]
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()


class OpenSignalsModel(PagedModel[OpenSignal]):
    headers = ("Categorie", "Buurt", "Gemeld op", "Partner", "Uiterlijk", "Termijn")

    def cell(self, row: OpenSignal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.category,
                row.buurt or "—",
                format_date(row.since),
                row.partner or "—",
                format_date(row.deadline),
                label_of(row.label),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return label_brush(row.label)
        return None


class OpenActionsModel(PagedModel[OpenAction]):
    headers = ("Actie", "Wie", "Uiterlijk", "Gebied")

    def cell(self, row: OpenAction, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.what,
                row.owner or "—",
                format_date(row.due) if row.due else "—",
                row.area,
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column == 2:
            return brush(ColourRole.OVERDUE)
        return None


class InitiativesModel(PagedModel[InitiativeRow]):
    headers = ("Initiatief", "Status", "Sinds", "Volgende mijlpaal", "Budget toegekend", "Gebied")

    def cell(self, row: InitiativeRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if row.ended is not None:
                step = self.tr("%s op %s") % (label_of(row.status).lower(), format_date(row.ended))
            elif row.next_step:
                due = f" ({format_date(row.next_due)})" if row.next_due else ""
                step = row.next_step + due
            else:
                step = "—"
            return (
                row.title,
                row.status_label,
                format_date(row.since),
                step,
                format_euros(row.budget_granted, blank="—"),
                row.area,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
