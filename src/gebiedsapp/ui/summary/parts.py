"""Building blocks of the summary screen: a section's heading with its explanation, a
read-only table whose column widths come from a sample of its rows, and a row of two parts
that goes one under the other where the screen is narrow."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.ui.palette import style
from gebiedsapp.ui.table_model import RowTableModel, SampledColumns

MUTED = "color: $muted;"


def section(text: str, explanation: str, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 14, 0, 2)
    layout.setSpacing(2)
    title = QLabel(text, box)
    title.setStyleSheet("font-size: 11pt; font-weight: 600;")
    layout.addWidget(title)
    if explanation:
        why = QLabel(explanation, box)
        style(why, MUTED)
        why.setWordWrap(True)
        layout.addWidget(why)
    return box


def read_only_table(model: RowTableModel[Any], parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    SampledColumns(view)  # widths from a sample of the rows, never from every row
    view.setMinimumHeight(160)
    return view


class SideBySide(QObject):
    """The parts of `row` side by side where the scroll area's `viewport` has room for them,
    one under the other where not: the key figures beside the map wanted 680 px, more than
    Samenvatting had at 150% on a 1366x768 laptop, and the whole body scrolled sideways
    (issue 19). `margins`: the horizontal room the body's layout keeps round the row."""

    def __init__(self, row: QBoxLayout, viewport: QWidget, *, margins: int) -> None:
        super().__init__(viewport)
        self.row = row
        self.margins = margins
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.fit(watched.width())
        return False

    def fit(self, width: int) -> None:
        items = [self.row.itemAt(i) for i in range(self.row.count())]
        gaps = max(self.row.spacing(), 0) * (len(items) - 1)
        beside = sum(item.minimumSize().width() for item in items if item) + gaps
        direction = (
            QBoxLayout.Direction.LeftToRight
            if width >= beside + self.margins
            else QBoxLayout.Direction.TopToBottom
        )
        if self.row.direction() != direction:
            self.row.setDirection(direction)
