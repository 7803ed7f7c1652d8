"""The table model of the signal list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.services.signal_views import SignalRow
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.palette import ColourRole, brush
from gebiedsapp.ui.signals.common import label_brush
from gebiedsapp.ui.table_model import RowTableModel

SHORT_LABELS = {  # the column is narrow; the tooltip says it in full
    DeadlineLabel.BINNEN: "binnen",
    DeadlineLabel.BUITEN: "buiten",
    DeadlineLabel.RUIM_BUITEN: "ruim buiten",
}


class SignalsModel(RowTableModel[SignalRow]):
    (
        COL_DATE,
        COL_CATEGORY,
        COL_BUURT,
        COL_STATUS,
        COL_PRIORITY,
        COL_PARTNER,
        COL_DEADLINE,
        COL_LABEL,
    ) = range(8)
    headers = (
        "Gemeld",
        "Categorie",
        "Buurt",
        "Status",
        "Prioriteit",
        "Partner",
        "Uiterlijk",
        "Termijn",
    )

    def cell(self, row: SignalRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_LABEL:
            return label_brush(row.label)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_BUURT:
            # no buurt known: the area instead, muted
            return None if row.buurt_name else brush(ColourRole.MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_LABEL:
            return SHORT_LABELS[row.label]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.area_name}: {row.description}" if row.area_name else row.description
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_DATE:
            return format_date(row.reported_on)
        if column == self.COL_CATEGORY:
            return ("↳ " if row.is_child else "") + row.category
        if column == self.COL_BUURT:
            return row.buurt_name or row.area_name
        if column == self.COL_STATUS:
            return row.status.label
        if column == self.COL_PRIORITY:
            return row.priority.label
        if column == self.COL_PARTNER:
            return row.partner or "—"
        if column == self.COL_DEADLINE:
            return format_date(row.deadline)
        if column == self.COL_LABEL:
            return SHORT_LABELS[row.label]
        return None
