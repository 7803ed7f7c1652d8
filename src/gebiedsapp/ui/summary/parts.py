"""Building blocks of the summary screen: a section's heading with its explanation, and a
read-only table whose column widths come from a sample of its rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

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
