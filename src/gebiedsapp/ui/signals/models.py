"""The table model of the signal list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.services.signal_views import SignalRow
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import ColourRole, brush
from gebiedsapp.ui.signals.common import label_brush
from gebiedsapp.ui.table_model import RowTableModel
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

SHORT_LABELS = {  # the column is narrow; the tooltip says it in full
    DeadlineLabel.BINNEN: QT_TRANSLATE_NOOP("SignalsModel", "binnen"),
    DeadlineLabel.BUITEN: QT_TRANSLATE_NOOP("SignalsModel", "buiten"),
    DeadlineLabel.RUIM_BUITEN: QT_TRANSLATE_NOOP("SignalsModel", "ruim buiten"),
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
            return label_of(row.label)
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
            return label_of(row.status)
        if column == self.COL_PRIORITY:
            return label_of(row.priority)
        if column == self.COL_PARTNER:
            return row.partner or "—"
        if column == self.COL_DEADLINE:
            return format_date(row.deadline)
        if column == self.COL_LABEL:
            return QCoreApplication.translate("SignalsModel", SHORT_LABELS[row.label])
        return None


COLUMN_SAMPLES: dict[int, str | int] = {  # the text (or number of characters) to show whole
    SignalsModel.COL_DATE: "00-00-0000",
    SignalsModel.COL_BUURT: 12,  # characters of average width
    SignalsModel.COL_STATUS: "In behandeling",
    SignalsModel.COL_PRIORITY: "Prioriteit",
    SignalsModel.COL_PARTNER: 12,
    SignalsModel.COL_DEADLINE: "00-00-0000",
    SignalsModel.COL_LABEL: "ruim buiten",
}


class ColumnWidths(QObject):
    """The list's column widths from the font (so they follow the text size), never from the
    rows: resizeColumnsToContents costs 0.8 s at 100k rows. The category column takes the
    width that is left but never less than a readable floor (it was 35 px wide beside the
    detail at 1366 px, issue 13); below that the list scrolls sideways."""

    CATEGORY_FLOOR = 17  # characters: "↳ Straatverlichting" nearly whole

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        metrics = table.fontMetrics()
        padding = metrics.averageCharWidth() + 4
        self.floor = self.CATEGORY_FLOOR * metrics.averageCharWidth() + padding
        header = table.horizontalHeader()
        header.setSectionResizeMode(SignalsModel.COL_CATEGORY, QHeaderView.ResizeMode.Interactive)
        for column, sample in COLUMN_SAMPLES.items():
            text = (
                metrics.horizontalAdvance(sample)
                if isinstance(sample, str)
                else sample * metrics.averageCharWidth()
            )
            header.resizeSection(column, text + padding)
        header.sectionResized.connect(self.fit)
        table.viewport().installEventFilter(self)
        self.fit()

    def fit(self, *_args: object) -> None:
        header = self.table.horizontalHeader()
        column = SignalsModel.COL_CATEGORY
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != column)
        width = max(self.floor, self.table.viewport().width() - others)
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
