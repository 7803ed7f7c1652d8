"""The legend of the buurt map (ui/signal_map.py), drawn once into a pixmap.

Every paint of the map drew the legend anew (text layout, font metrics, palette look-ups: about
10 ms per paint with a hover or tooltip, issue 19); now the map draws it when its entries, font,
palette or pixel ratio change, and a paint only copies the pixmap."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap

from gebiedsapp.ui.palette import CLEAR, ColourRole, colour

LEGEND_PADDING = 8
SWATCH = 14
FRAME = 1.0  # room around the box for its antialiased frame


def bold(font: QFont) -> QFont:
    heavy = QFont(font)
    heavy.setBold(True)
    return heavy


def legend_size(font: QFont, title: str, entries: Sequence[tuple[str, QColor | None]]) -> QSizeF:
    """The legend's box in pixels: the title and a line per entry (text and swatch)."""
    metrics = QFontMetrics(bold(font))
    line = max(SWATCH, metrics.height()) + 4
    width = max(
        metrics.horizontalAdvance(title),
        *(SWATCH + 6 + metrics.horizontalAdvance(text) for text, _c in entries),
    )
    return QSizeF(width + 2 * LEGEND_PADDING, 2 * LEGEND_PADDING + line * (len(entries) + 1))


def draw_legend(
    *,
    font: QFont,
    title: str,
    entries: Sequence[tuple[str, QColor | None]],
    ratio: float,
    at: QPointF,
) -> QPixmap:
    """The legend on a transparent pixmap, its box at `at` (at least FRAME from the edge:
    the map puts the pixmap on a whole device pixel, so the box keeps its place to the
    fraction of a pixel and looks as sharp as when drawn on the map). A fill of None is the
    dashed swatch of an own outline."""
    size = legend_size(font, title, entries)
    pixmap = QPixmap(
        math.ceil((size.width() + at.x() + FRAME) * ratio) + 1,
        math.ceil((size.height() + at.y() + FRAME) * ratio) + 1,
    )
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(CLEAR)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(at, size)
    line = (size.height() - 2 * LEGEND_PADDING) / (len(entries) + 1)
    painter.setPen(QPen(colour(ColourRole.MAP_LEGEND_FRAME), 1))
    painter.setBrush(colour(ColourRole.MAP_LEGEND))
    painter.drawRoundedRect(box, 4, 4)
    x = box.left() + LEGEND_PADDING
    y = box.top() + LEGEND_PADDING
    text_w = size.width() - 2 * LEGEND_PADDING
    painter.setPen(colour(ColourRole.MAP_LEGEND_TEXT))
    painter.setFont(bold(font))
    painter.drawText(QRectF(x, y, text_w, line), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(font)
    for text, fill in entries:
        y += line
        swatch = QRectF(x, y + (line - SWATCH) / 2, SWATCH, SWATCH)
        frame = QPen(colour(ColourRole.MAP_LEGEND_FRAME), 1)
        if fill is None:
            frame.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(frame)
        painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        painter.drawRect(swatch)
        painter.setPen(colour(ColourRole.MAP_LEGEND_TEXT))
        painter.drawText(
            QRectF(x + SWATCH + 6, y, text_w, line), Qt.AlignmentFlag.AlignVCenter, text
        )
    painter.end()
    return pixmap
