"""A horizontal bar chart drawn with QPainter: label, bar, number; optionally a thin bar for the
previous period beneath, so 'more or less than before' reads without a legend hunt."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from gebiedsapp.services.report_text import number
from gebiedsapp.ui.palette import ColourRole, colour

ROW = 26
GAP = 6


class BarChart(QWidget):
    """Rows of (label, value[, previous value]); the longest bar fills the width."""

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = "") -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int | None]] = []
        self.empty_text = empty_text or self.tr("Niets te tonen in deze periode.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[tuple[str, int] | tuple[str, int, int]]) -> None:
        self.rows = [(r[0], r[1], r[2] if len(r) > 2 else None) for r in rows]
        self.setToolTip(
            "\n".join(
                f"{label}: {number(value)}"
                + (f" (vorige periode {number(prev)})" if prev is not None else "")
                for label, value, prev in self.rows
            )
        )
        self.updateGeometry()
        self.update()

    def values(self) -> list[tuple[str, int, int | None]]:
        return list(self.rows)

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.rows)) * ROW + 2 * GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        bar = colour(ColourRole.CHART_BAR, self.palette())
        previous_bar = colour(ColourRole.CHART_PREVIOUS, self.palette())
        painter.setPen(text_colour)
        if not self.rows:
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.empty_text,
            )
            return
        metrics = QFontMetrics(self.font())
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _v, _p in self.rows) + 12,
            int(self.width() * 0.45),
        )
        number_width = max(metrics.horizontalAdvance(number(v)) for _l, v, _p in self.rows) + 10
        top_value = max(max(v, p or 0) for _l, v, p in self.rows) or 1
        room = max(10, self.width() - label_width - number_width - 4)
        for row, (label, value, previous) in enumerate(self.rows):
            y = GAP + row * ROW
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y, label_width - 8, ROW - 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            bar_height = ROW - 12 if previous is None else ROW - 15
            width = room * value / top_value
            painter.fillRect(QRectF(label_width, y + 2, width, bar_height), bar)
            if previous is not None:
                painter.fillRect(
                    QRectF(label_width, y + 3 + bar_height, room * previous / top_value, 4),
                    previous_bar,
                )
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(label_width + width + 4, y, number_width, ROW - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                number(value),
            )
