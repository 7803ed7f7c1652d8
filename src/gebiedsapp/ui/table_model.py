"""A small base for read-only list models: column constants, headers and `set_rows()`, and
column widths from a sample of the rows.

Subclasses name their columns and say how a row shows in a column; rows are plain, detached
objects from services, so `data()` never touches the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[R]):
    # Source (Dutch) texts; translated in headerData with the subclass name as context.
    headers: Sequence[str] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_all_rows(self, rows: Sequence[R]) -> None:
        """The whole list after its first page (`set_rows` of the first rows): when those are
        where they were, the rest is appended, so selection and scrolling stay; else reset."""
        shown = len(self.rows)
        if 0 < shown <= len(rows) and self.rows == list(rows[:shown]):
            if len(rows) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(rows) - 1)
                self.rows.extend(rows[shown:])
                self.endInsertRows()
        else:
            self.set_rows(rows)

    def row_at(self, index: Index) -> R | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate(type(self).__name__, self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.headers):
            return None
        return self.cell(row, index.column(), role)

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError


SAMPLE_ROWS = 50  # rows a column's width is measured on (all rows: 71k data() calls at 10x)
WIDEST_CHARACTERS = 48  # a column never sized wider than this; the last one stretches


class SampledColumns(QObject):
    """Column widths from the header and the first SAMPLE_ROWS rows, measured once per
    reset of the model, never over every row (Qt's ResizeToContents asks up to a thousand
    rows per column on every layout, and again each time the table is shown). The user can
    still drag a column wider; the last column takes the rest."""

    def __init__(self, view: QTableView, *, sample: int = SAMPLE_ROWS) -> None:
        super().__init__(view)
        self.view = view
        self.sample = sample
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.sampled = 0  # rows measured by the last fit
        view.model().modelReset.connect(self.fit)
        view.model().rowsInserted.connect(self._rows_added)
        self.fit()

    def _rows_added(self, *_args: object) -> None:
        """Rows that came after a reset with fewer than the sample (a list emptied and then
        filled page by page) are measured too, else the columns kept their headers' width."""
        if self.sampled < self.sample and self.view.model().rowCount() > self.sampled:
            self.fit()

    def fit(self) -> None:
        model, header = self.view.model(), self.view.horizontalHeader()
        metrics, head = self.view.fontMetrics(), header.fontMetrics()
        padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 12
        widest_allowed = metrics.horizontalAdvance("x") * WIDEST_CHARACTERS
        rows = min(model.rowCount(), self.sample)
        self.sampled = rows
        for column in range(model.columnCount() - 1):  # the last one stretches
            title = model.headerData(column, Qt.Orientation.Horizontal)
            widest = head.horizontalAdvance(str(title or ""))
            for value in _texts(model, column, rows):
                if value is not None:
                    widest = max(widest, metrics.horizontalAdvance(str(value)))
            header.resizeSection(column, min(widest, widest_allowed) + padding)


def _texts(model: QAbstractItemModel, column: int, rows: int) -> list[Any]:
    """The first `rows` texts of a column. A RowTableModel's straight from its rows, as its
    `data()` gives them: through Qt, each cell's index and data were two calls into C++ and one
    back, each waiting for the GIL while a worker read the next list (on ten times the data
    Samenvatting's four lists' widths held the GUI thread 150 ms, issue 19). A model with a
    `data()` of its own is asked through Qt, as before."""
    if isinstance(model, RowTableModel) and type(model).data is RowTableModel.data:
        display = Qt.ItemDataRole.DisplayRole
        return [model.cell(row, column, display) for row in model.rows[:rows]]
    return [model.index(row, column).data() for row in range(rows)]
