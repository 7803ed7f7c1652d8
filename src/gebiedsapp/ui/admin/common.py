"""Small pieces the beheer tabs share: combos keyed by id, muted rows, confirmations, tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain.enums import LabeledEnum
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.ui.labels import label_of

ID_ROLE = Qt.ItemDataRole.UserRole + 1
E = TypeVar("E", bound=StrEnum)
INDENT = "    "


def italic_font() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-size: 13pt; font-weight: 600;")
    label.setWordWrap(True)
    return label


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def form_panel(
    panel: QWidget, *, title: QLabel, form: QLayout, status: QLabel, buttons: QHBoxLayout
) -> None:
    """Lay out the form side of a beheer tab: heading, fields, status line, buttons."""
    column = QVBoxLayout(panel)
    column.setContentsMargins(8, 0, 0, 0)
    column.addWidget(title)
    column.addLayout(form)
    column.addWidget(status)
    column.addLayout(buttons)
    column.addStretch(1)


def side_by_side(
    owner: QWidget,
    left: QWidget,
    right: QWidget,
    *,
    stretch: tuple[int, int],
    sizes: tuple[int, int],
) -> QSplitter:
    """The list (or tree) beside its form, filling `owner`; neither side can be collapsed."""
    splitter = QSplitter(Qt.Orientation.Horizontal, owner)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    layout = QVBoxLayout(owner)
    layout.addWidget(splitter)
    return splitter


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no with 'no' as the default, so Enter never deletes by accident."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


# Combos keep ids as strings: a QVariant holding a Python object does not compare in findData.


def id_text(value: uuid.UUID | None) -> str:
    return "" if value is None else str(value)


def current_id(combo: QComboBox) -> uuid.UUID | None:
    value = combo.currentData()
    return uuid.UUID(value) if value else None


def select_data(combo: QComboBox, value: str) -> None:
    """Select the entry whose data is `value`; the first entry when there is none."""
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_enum_combo(combo: QComboBox, members: Iterable[LabeledEnum]) -> None:
    for member in members:
        combo.addItem(label_of(member), member.value)


def current_enum(combo: QComboBox, enum_cls: type[E]) -> E:
    return enum_cls(combo.currentData())


def fill_area_combo(
    combo: QComboBox,
    nodes: Iterable[AreaNode],
    *,
    none_text: str | None = None,
    exclude: frozenset[uuid.UUID] = frozenset(),
) -> None:
    """Areas indented by depth, keyed by id; keeps the selection when it is still offered."""
    keep = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        if none_text is not None:
            combo.addItem(none_text, "")
        for node in nodes:
            if node.id not in exclude:
                combo.addItem(INDENT * node.depth + node.name, str(node.id))
        if keep is not None:
            select_data(combo, keep)
    finally:
        combo.blockSignals(False)


def set_item_enabled(combo: QComboBox, row: int, enabled: bool) -> None:
    model = combo.model()
    if isinstance(model, QStandardItemModel) and 0 <= row < model.rowCount():
        item = model.item(row)
        if item is not None:
            item.setEnabled(enabled)


def make_table(model: QAbstractItemModel, parent: QWidget, *, stretch_column: int) -> QTableView:
    """A read-only, single-row-selection table; one column takes the spare width."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return table
