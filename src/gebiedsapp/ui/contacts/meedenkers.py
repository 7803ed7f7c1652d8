"""The meedenker dropdown's list as a model (issue 19): the municipality's register at ten
times today's data was added to the combo box one item at a time, 0.6 s of the GUI thread;
a model is filled in one reset, and the popup lays out only the rows it shows. The rows are
sorted and formatted on the worker (`read_meedenkers`), and a chosen entry is found by its id
in a dict, not by asking the model for every row (QComboBox.findData)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gebiedsapp.services.overview import area_header
from gebiedsapp.services.permissions import may_see_personal_data
from gebiedsapp.services.residents import MeedenkerChoice, meedenker_choices
from gebiedsapp.ui.context import AppContext

Index = QModelIndex | QPersistentModelIndex


def meedenker_rows(entries: list[MeedenkerChoice]) -> list[tuple[str, str]]:
    """(text, register entry id) per entry, in their order (by name): what the dropdown
    offers."""
    return [(f"{entry.name} – {entry.area_name}", entry.key) for entry in entries]


class MeedenkerChoices(NamedTuple):
    """What the dropdown offers for one area: its rows, and each entry's name by id."""

    area_id: uuid.UUID | None
    rows: list[tuple[str, str]]
    names: dict[str, str]


def read_meedenkers(context: AppContext, area_id: uuid.UUID | None) -> MeedenkerChoices:
    """The register entries of `area_id` and its sub-areas, ready to show (on the worker: the
    whole municipality's register takes seconds at ten times the data), read as texts: no
    UUID per entry (issue 19)."""
    if area_id is None:
        return MeedenkerChoices(area_id, [], {})
    with context.read() as session:
        ids = area_header(session, area_id, today=date.today()).area_ids
        names = may_see_personal_data(session, context.actor, today=date.today())
        entries = meedenker_choices(session, area_ids=ids, names=names)
    return MeedenkerChoices(
        area_id, meedenker_rows(entries), {entry.key: entry.name for entry in entries}
    )


class MeedenkerModel(QAbstractListModel):
    """The dropdown's rows: the text shown, and the register entry's id as the item's data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []
        self._row_of: dict[str, int] = {}

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._row_of = {key: row for row, (_text, key) in enumerate(rows)}
        self.endResetModel()

    def row_of(self, key: str) -> int:
        """The row of the entry with this id (-1: not offered)."""
        return self._row_of.get(key, -1)

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
