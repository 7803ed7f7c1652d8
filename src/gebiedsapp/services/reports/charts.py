"""Charts for the PDF, drawn with reportlab.graphics: horizontal bars and the buurt map.

Both read in black and white: bars carry their number as text, the previous period is a thin
light bar with its number written beside it, and the map's classes go from white to dark with
the count written in every buurt that has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import FILL_EVEN_ODD, Drawing, Line, Path, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from gebiedsapp.services.geo import BuurtShape
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


# --- the buurt map --------------------------------------------------------------------------

# From white (no open signals) to dark: the lightness alone tells the classes apart.
CLASS_FILLS = (
    colors.white,
    colors.HexColor("#d9e2ec"),
    colors.HexColor("#9db3c9"),
    colors.HexColor("#55789b"),
    colors.HexColor("#1d3f60"),
)


def classes(most: int) -> list[tuple[int, int]]:
    """Up to four ranges (low, high) covering 1..most, after the class of 0."""
    if most <= 0:
        return []
    count = min(4, most)
    edges = [round(1 + i * most / count) for i in range(count)] + [most + 1]
    return [(edges[i], edges[i + 1] - 1) for i in range(count)]


def class_text(low: int, high: int) -> str:
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def class_of(value: int, ranges: Sequence[tuple[int, int]]) -> int:
    """0 for no signals, else 1..len(ranges)."""
    if value <= 0:
        return 0
    for index, (_low, high) in enumerate(ranges, start=1):
        if value <= high:
            return index
    return len(ranges)


def buurt_map(
    shapes: Sequence[BuurtShape], counts: dict[str, int], width: float, max_height: float
) -> Drawing:
    """The buurten scaled to fit, filled by class of open signals, the count written in each
    buurt that has one, and a legend below."""
    legend_height = 22.0
    xs = [x for s in shapes for ring in s.rings for x, _ in ring]
    ys = [y for s in shapes for ring in s.rings for _, y in ring]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = max(max_x - min_x, 1.0), max(max_y - min_y, 1.0)
    scale = min(width / span_x, (max_height - legend_height) / span_y)
    map_width, map_height = span_x * scale, span_y * scale
    drawing = Drawing(width, map_height + legend_height, initialFontName=REGULAR, initialFontSize=8)
    left = (width - map_width) / 2
    ranges = classes(max(counts.values(), default=0))

    def at(x: float, y: float) -> tuple[float, float]:
        return left + (x - min_x) * scale, legend_height + (y - min_y) * scale

    for shape in shapes:
        fill = CLASS_FILLS[class_of(counts.get(shape.code, 0), ranges)]
        path = Path(fillColor=fill, strokeColor=INK, strokeWidth=0.4, fillMode=FILL_EVEN_ODD)
        for ring in shape.rings:
            first, *rest = ring
            path.moveTo(*at(*first))
            for point in rest:
                path.lineTo(*at(*point))
            path.closePath()
        drawing.add(path)
    for shape in shapes:
        value = counts.get(shape.code, 0)
        if value <= 0:
            continue
        x, y = at(*shape.label_point())
        dark = class_of(value, ranges) >= 3
        label = number(value)
        size = 8.0
        box = stringWidth(label, BOLD, size) + 4
        # a small plate behind the number keeps it readable on any fill and in grey print
        drawing.add(
            Rect(
                x - box / 2,
                y - 3,
                box,
                10,
                rx=2,
                ry=2,
                fillColor=colors.white if not dark else INK,
                strokeColor=INK,
                strokeWidth=0.3,
            )
        )
        drawing.add(
            String(
                x,
                y,
                label,
                fontName=BOLD,
                fontSize=size,
                textAnchor="middle",
                fillColor=colors.white if dark else INK,
            )
        )
    _legend(drawing, ranges)
    return drawing


def _legend(drawing: Drawing, ranges: Sequence[tuple[int, int]]) -> None:
    x = 0.0
    y = 4.0
    caption = "Open signalen per buurt:"
    drawing.add(String(x, y + 1.5, caption, fontName=BOLD, fontSize=8, fillColor=INK))
    x += stringWidth(caption, BOLD, 8) + 8
    entries = [(CLASS_FILLS[0], "geen")] + [
        (CLASS_FILLS[i], class_text(low, high)) for i, (low, high) in enumerate(ranges, start=1)
    ]
    for fill, label in entries:
        drawing.add(Rect(x, y, 16, 9, fillColor=fill, strokeColor=INK, strokeWidth=0.4))
        drawing.add(String(x + 20, y + 1.5, label, fontName=REGULAR, fontSize=8, fillColor=INK))
        x += 20 + stringWidth(label, REGULAR, 8) + 12


def sparkline(values: Sequence[int], width: float, height: float) -> Drawing:
    """A small line of monthly values (oldest left), its highest value written at the right, so
    a single odd month shows as one; reads in black and white."""
    label_width = 36.0
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
