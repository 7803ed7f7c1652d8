"""Charts for the PDF, drawn with reportlab.graphics: horizontal bars and sparklines (the buurt
map is in `map_chart`).

They read in black and white: bars carry their number as text, the previous period is a thin
light bar with its number written beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Path, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports.pdf_base import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    REGULAR,
    RULE,
    printable,
)

PREVIOUS_FILL = colors.HexColor("#c4c4c4")
BAR_HEIGHT = 8.0
ROW_SINGLE = 14.0
ROW_DOUBLE = 20.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    previous: int | None = None


def _fit(value: str, width: float, font: str, size: float) -> str:
    """Shorten with an ellipsis until it fits."""
    value = printable(value)
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def bar_chart(bars: Sequence[Bar], width: float, *, label_width: float = 150) -> Drawing:
    """One row per bar: label, bar, number; with `previous`, a thin light bar beneath."""
    compare = any(b.previous is not None for b in bars)
    row = ROW_DOUBLE if compare else ROW_SINGLE
    legend = 14.0 if compare else 0.0
    height = legend + row * len(bars) + 2
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=8)
    most = max([1, *(b.value for b in bars), *(b.previous or 0 for b in bars)])
    number_room = 62.0 if compare else 30.0
    bar_room = max(40.0, width - label_width - number_room - 6)
    top = height - legend
    if compare:
        x = label_width + 4
        drawing.add(Rect(x, height - 9, 14, 7, fillColor=ACCENT, strokeColor=None))
        drawing.add(String(x + 18, height - 8, "deze periode", fontName=REGULAR, fontSize=7.5))
        x += 18 + stringWidth("deze periode", REGULAR, 7.5) + 14
        drawing.add(
            Rect(x, height - 8, 14, 4, fillColor=PREVIOUS_FILL, strokeColor=INK, strokeWidth=0.3)
        )
        drawing.add(String(x + 18, height - 8, "vorige periode", fontName=REGULAR, fontSize=7.5))
    for index, bar in enumerate(bars):
        y = top - (index + 1) * row + (row - BAR_HEIGHT) / 2 + (2.5 if compare else 0)
        label = _fit(bar.label, label_width - 6, REGULAR, 8.5)
        drawing.add(String(0, y + 1.5, label, fontName=REGULAR, fontSize=8.5, fillColor=INK))
        x0 = label_width
        length = bar_room * bar.value / most
        if bar.value:
            drawing.add(
                Rect(x0, y, length, BAR_HEIGHT, fillColor=ACCENT, strokeColor=None, strokeWidth=0)
            )
        drawing.add(
            String(
                x0 + length + 3,
                y + 1.5,
                number(bar.value),
                fontName=BOLD,
                fontSize=8.5,
                fillColor=INK,
            )
        )
        if bar.previous is not None:
            py = y - 5
            plen = bar_room * bar.previous / most
            if bar.previous:
                drawing.add(
                    Rect(
                        x0,
                        py,
                        plen,
                        3.5,
                        fillColor=PREVIOUS_FILL,
                        strokeColor=INK,
                        strokeWidth=0.3,
                    )
                )
            drawing.add(
                String(
                    x0 + plen + 3,
                    py - 0.5,
                    f"vorige: {number(bar.previous)}",
                    fontName=REGULAR,
                    fontSize=6.5,
                    fillColor=MUTED,
                )
            )
    drawing.add(Line(label_width, 0, label_width, top, strokeColor=RULE, strokeWidth=0.5))
    return drawing


def sparkline(
    values: Sequence[int], width: float, height: float, *, label_width: float = 36.0
) -> Drawing:
    """A small line of monthly values (oldest left), its highest value written at the right, so
    a single odd month shows as one; reads in black and white."""
    drawing = Drawing(width, height)
    if not values:
        return drawing
    most = max(values) or 1
    plot = width - label_width
    step = plot / max(len(values) - 1, 1)
    points: list[float] = []
    for i, value in enumerate(values):
        points += [i * step, 1.5 + (height - 3) * value / most]
    drawing.add(Line(0, 1.5, plot, 1.5, strokeColor=RULE, strokeWidth=0.3))
    path = Path(strokeColor=ACCENT, strokeWidth=0.9, fillColor=None)
    path.moveTo(points[0], points[1])
    for x, y in zip(points[2::2], points[3::2], strict=True):
        path.lineTo(x, y)
    drawing.add(path)
    drawing.add(Rect(points[-2] - 1, points[-1] - 1, 2, 2, fillColor=ACCENT, strokeColor=None))
    drawing.add(
        String(width, 1.5, f"max {number(max(values))}", fontName=REGULAR, fontSize=6,
               fillColor=MUTED, textAnchor="end")
    )  # fmt: skip
    return drawing
