"""'Geschiedenis…': every earlier version of a record, field by field (who, when, old → new)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gebiedsapp.domain.enums import LabeledEnum
from gebiedsapp.services.history import HistoryEntry
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.table_model import RowTableModel


@dataclass(frozen=True)
class HistoryLine:
    changed_at: datetime
    changed_by: str
    version: int
    field: str
    old: str
    new: str


def history_lines(
    entries: Sequence[HistoryEntry],
    *,
    labels: Mapping[str, str],
    describe: Callable[[str, Any], str],
) -> list[HistoryLine]:
    """One line per changed field, newest change first."""
    lines = []
    for entry in sorted(entries, key=lambda e: (e.changed_at, e.version), reverse=True):
        for name, (old, new) in sorted(entry.changes.items(), key=lambda kv: labels.get(kv[0], "")):
            lines.append(
                HistoryLine(
                    changed_at=entry.changed_at,
                    changed_by=entry.changed_by,
                    version=entry.version,
                    field=labels.get(name, name),
                    old=describe(name, old),
                    new=describe(name, new),
                )
            )
    return lines


class HistoryModel(RowTableModel[HistoryLine]):
    COL_WHEN, COL_WHO, COL_FIELD, COL_OLD, COL_NEW = range(5)
    headers = ("Wanneer", "Wie", "Veld", "Was", "Werd")

    def cell(self, row: HistoryLine, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_WHEN:
            return row.changed_at.astimezone().strftime("%d-%m-%Y %H:%M")
        if column == self.COL_WHO:
            return row.changed_by
        if column == self.COL_FIELD:
            return row.field
        if column == self.COL_OLD:
            return row.old
        if column == self.COL_NEW:
            return row.new
        return None


class HistoryDialog(QDialog):
    def __init__(self, title: str, lines: Sequence[HistoryLine], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 420)
        intro = QLabel(
            self.tr("Eerdere versies blijven bewaard: wie wat wanneer heeft veranderd.")
            if lines
            else self.tr("Dit is nog nooit gewijzigd; er is alleen de eerste versie."),
            self,
        )
        intro.setWordWrap(True)
        self.model = HistoryModel(self)
        self.model.set_rows(lines)
        self.table = make_table(self.model, self, stretch_column=HistoryModel.COL_NEW)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.resizeSection(HistoryModel.COL_WHEN, 130)
        header.resizeSection(HistoryModel.COL_WHO, 90)
        header.resizeSection(HistoryModel.COL_FIELD, 110)
        header.resizeSection(HistoryModel.COL_OLD, 240)
        self.table.resizeRowsToContents()  # a handful of rows: long values wrap instead of hiding
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def enum_label(enum: type[LabeledEnum], value: Any) -> str:
    """A stored enum value as the UI names it; an unknown one as it was stored."""
    try:
        return label_of(enum(value))
    except ValueError:
        return str(value)
