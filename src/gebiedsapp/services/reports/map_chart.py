"""The buurt map of the PDF: shapes filled by class of open signals, each labelled with its name
and count where that fits without overlapping another label, and a legend.

It reads in black and white: the classes go from white to dark, the count is written on a small
plate, and an area's own outline (drawn by the project, not a CBS boundary) is dashed. A label
that does not fit anywhere is left off the map and named below it, so no name is ever printed
over another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import FILL_EVEN_ODD, Circle, Drawing, Line, Path, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from gebiedsapp.services.geo import BuurtShape, Point, bbox, point_in_rings
from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports.pdf_base import BOLD, INK, REGULAR, printable

# From white (no open signals) to dark: the lightness alone tells the classes apart.
CLASS_FILLS = (
    colors.white,
    colors.HexColor("#d9e2ec"),
    colors.HexColor("#9db3c9"),
    colors.HexColor("#55789b"),
    colors.HexColor("#1d3f60"),
)
NAME_SIZES = (6.5, 5.5)  # a name too wide for its shape tries the smaller size
COUNT_SIZE = 7.5
LEGEND_HEIGHT = 22.0
MAX_BESIDE = 6  # labels set beside their shape with a line; more make a tangle of lines

Box = tuple[float, float, float, float]  # left, bottom, right, top


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


@dataclass(frozen=True)
class MapLabels:
    """Where the labels went: the names printed on the map and those left off it."""

    placed: tuple[str, ...]
    left_off: tuple[str, ...]


def _overlaps(box: Box, others: Sequence[Box]) -> bool:
    left, bottom, right, top = box
    return any(
        left < o_right and o_left < right and bottom < o_top and o_bottom < top
        for o_left, o_bottom, o_right, o_top in others
    )


def _label_box(x: float, y: float, width: float, height: float) -> Box:
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


@dataclass(frozen=True)
class Wanted:
    """A label to place: its texts (longest first), anchor, the shape and what lies on top."""

    texts: tuple[str, ...]
    anchor: Point
    rings: Sequence[Sequence[Point]]
    covered: Sequence[Sequence[Sequence[Point]]]  # shapes drawn over this one
    height: float = 17.0


def _width(text: str, size: float) -> float:
    return float(max(stringWidth(text, REGULAR, size), stringWidth("000", BOLD, COUNT_SIZE))) + 3


def _candidates(label: Wanted) -> list[Point]:
    """The anchor, then a grid over the shape's box, nearest to the anchor first."""
    min_x, min_y, max_x, max_y = bbox(label.rings)
    grid = [
        (min_x + (max_x - min_x) * (i + 0.5) / 9, min_y + (max_y - min_y) * (j + 0.5) / 9)
        for i in range(9)
        for j in range(9)
    ]
    x, y = label.anchor
    return [label.anchor, *sorted(grid, key=lambda p: (p[0] - x) ** 2 + (p[1] - y) ** 2)]


def _fits(box: Box, label: Wanted) -> bool:
    """The ends of the name's line, the count's plate and the box's middle top and bottom lie
    in the shape and in none of the shapes over it (a corner of the padding may stick out)."""
    left, bottom, right, top = box
    middle_x, middle_y = (left + right) / 2, (bottom + top) / 2
    points = [
        (left + 1, middle_y + 4), (right - 1, middle_y + 4), (middle_x, middle_y - 4),
        (middle_x, top), (middle_x, bottom),
    ]  # fmt: skip
    return all(
        point_in_rings(x, y, label.rings)
        and not any(point_in_rings(x, y, other) for other in label.covered)
        for x, y in points
    )


@dataclass(frozen=True)
class Spot:
    text: str
    size: float
    centre: Point
    leader: Point | None = None  # the anchor a line runs to, for a label set beside its shape


def _in_bounds(box: Box, bounds: Box) -> bool:
    return (
        bounds[0] <= box[0] and bounds[1] <= box[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
    )


def _free_anchor(label: Wanted) -> Point | None:
    """A point of the shape outside the shapes drawn over it (where a leader line may end);
    None when they cover it all."""
    for x, y in _candidates(label):
        covered = any(point_in_rings(x, y, other) for other in label.covered)
        if point_in_rings(x, y, label.rings) and not covered:
            return x, y
    return None


def _beside(anchor: Point) -> list[Point]:
    """Points around the anchor, nearest first, for a label that does not fit in its shape."""
    x, y = anchor
    out: list[Point] = []
    for radius in (22.0, 32.0, 44.0, 58.0):
        for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1)):
            out.append((x + dx * radius * 1.6, y + dy * radius * 0.8))
    return out


def place_labels(labels: Sequence[Wanted], bounds: Box) -> list[Spot | None]:
    """For each label where it goes, or None when it fits nowhere.

    Greedy, most important first (the order given): the name, then in a smaller size, at the
    anchor and then around it, wholly inside its own shape (and out of shapes drawn over it),
    inside `bounds` and clear of the labels already placed. The first few that fit in no shape
    are then set beside it with a line to it, if there is room."""
    taken: list[Box] = []
    result: list[Spot | None] = []
    for label in labels:
        found: Spot | None = None
        for text, size in [(text, size) for size in NAME_SIZES for text in label.texts]:
            width = _width(text, size)
            for cx, cy in _candidates(label):
                box = _label_box(cx, cy, width, label.height)
                if _in_bounds(box, bounds) and _fits(box, label) and not _overlaps(box, taken):
                    taken.append(box)
                    found = Spot(text, size, (cx, cy))
                    break
            if found:
                break
        result.append(found)
    beside = 0
    for index, label in enumerate(labels):
        if result[index] is not None:
            continue
        if beside >= MAX_BESIDE:
            break
        text, size = label.texts[0], NAME_SIZES[0]
        width = _width(text, size)
        anchor = _free_anchor(label)
        for cx, cy in _beside(anchor) if anchor else []:
            box = _label_box(cx, cy, width, label.height)
            if _in_bounds(box, bounds) and not _overlaps(box, taken):
                taken.append(box)
                result[index] = Spot(text, size, (cx, cy), leader=anchor)
                beside += 1
                break
    return result


def _texts(name: str) -> tuple[str, ...]:
    """The name as it is: a shortened one ("Zuid") would be ambiguous on a map of several."""
    return (name,)


def buurt_map(
    shapes: Sequence[BuurtShape], counts: dict[str, int], width: float, max_height: float
) -> tuple[Drawing, MapLabels]:
    """The shapes scaled to fit, filled by class of open signals, the name and count in each
    shape where it fits, and a legend below; an area's own outline is drawn last and dashed."""
    ordered = sorted(shapes, key=lambda s: s.approximate)  # own outlines on top of the buurten
    xs = [x for s in ordered for ring in s.rings for x, _ in ring]
    ys = [y for s in ordered for ring in s.rings for _, y in ring]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = max(max_x - min_x, 1.0), max(max_y - min_y, 1.0)
    scale = min(width / span_x, (max_height - LEGEND_HEIGHT) / span_y)
    map_width, map_height = span_x * scale, span_y * scale
    drawing = Drawing(width, map_height + LEGEND_HEIGHT, initialFontName=REGULAR, initialFontSize=8)
    left = (width - map_width) / 2
    ranges = classes(max(counts.values(), default=0))

    def at(x: float, y: float) -> Point:
        return left + (x - min_x) * scale, LEGEND_HEIGHT + (y - min_y) * scale

    drawn_rings: dict[str, list[list[Point]]] = {}
    for shape in ordered:
        fill = CLASS_FILLS[class_of(counts.get(shape.code, 0), ranges)]
        path = Path(fillColor=fill, strokeColor=INK, strokeWidth=0.4, fillMode=FILL_EVEN_ODD)
        if shape.approximate:
            path.strokeWidth = 0.8
            path.strokeDashArray = [2, 1.5]
        rings = [[at(*point) for point in ring] for ring in shape.rings]
        drawn_rings[shape.code] = rings
        for first, *rest in rings:
            path.moveTo(*first)
            for point in rest:
                path.lineTo(*point)
            path.closePath()
        drawing.add(path)

    # own outlines first (they lie on top), then the busiest, then the largest
    def priority(shape: BuurtShape) -> tuple[bool, int, float]:
        b_left, b_bottom, b_right, b_top = shape.bbox
        size = (b_right - b_left) * (b_top - b_bottom)
        return (not shape.approximate, -counts.get(shape.code, 0), -size)

    by_priority = sorted(ordered, key=priority)
    over = [drawn_rings[shape.code] for shape in ordered if shape.approximate]
    wanted = [
        Wanted(
            texts=tuple(printable(text) for text in _texts(shape.name)),
            anchor=at(*shape.label_point()),
            rings=drawn_rings[shape.code],
            covered=[] if shape.approximate else over,
        )
        for shape in by_priority
    ]
    spots = place_labels(wanted, (0.0, LEGEND_HEIGHT, width, LEGEND_HEIGHT + map_height))
    placed, left_off = [], []
    for shape, spot in zip(by_priority, spots, strict=True):
        if spot is None:
            left_off.append(shape.name)
            continue
        placed.append(shape.name)
        value = counts.get(shape.code, 0)
        _label(drawing, spot, value, dark=class_of(value, ranges) >= 3 and spot.leader is None)
    _legend(drawing, ranges, dashed=any(s.approximate for s in shapes))
    return drawing, MapLabels(tuple(placed), tuple(sorted(left_off)))


def _label(drawing: Drawing, spot: Spot, value: int, *, dark: bool) -> None:
    """The name above and the count on a plate below it; a label beside its shape stands on
    a white plate with a thin line to a dot in the shape."""
    x, y = spot.centre
    ink = colors.white if dark else INK
    if spot.leader is not None:
        lx, ly = spot.leader
        drawing.add(Line(lx, ly, x, y, strokeColor=INK, strokeWidth=0.4))
        drawing.add(Circle(lx, ly, 1.2, fillColor=INK, strokeColor=None))
        width = stringWidth(spot.text, REGULAR, spot.size) + 3
        drawing.add(Rect(x - width / 2, y, width, spot.size + 2.5, fillColor=colors.white,
                         strokeColor=INK, strokeWidth=0.3))  # fmt: skip
    drawing.add(String(x, y + 2, spot.text, fontName=REGULAR, fontSize=spot.size,
                       textAnchor="middle", fillColor=ink))  # fmt: skip
    label = number(value)
    box = stringWidth(label, BOLD, COUNT_SIZE) + 4
    # a small plate behind the number keeps it readable on any fill and in grey print
    drawing.add(Rect(x - box / 2, y - 7.5, box, 9, rx=2, ry=2, fillColor=INK if dark else
                     colors.white, strokeColor=INK, strokeWidth=0.3))  # fmt: skip
    drawing.add(String(x, y - 5.5, label, fontName=BOLD, fontSize=COUNT_SIZE, textAnchor="middle",
                       fillColor=ink))  # fmt: skip


def _legend(drawing: Drawing, ranges: Sequence[tuple[int, int]], *, dashed: bool) -> None:
    x = 0.0
    y = 4.0
    caption = "Open signalen:"
    drawing.add(String(x, y + 1.5, caption, fontName=BOLD, fontSize=8, fillColor=INK))
    x += stringWidth(caption, BOLD, 8) + 8
    entries = [(CLASS_FILLS[0], "geen")] + [
        (CLASS_FILLS[i], class_text(low, high)) for i, (low, high) in enumerate(ranges, start=1)
    ]
    for fill, label in entries:
        drawing.add(Rect(x, y, 16, 9, fillColor=fill, strokeColor=INK, strokeWidth=0.4))
        drawing.add(String(x + 20, y + 1.5, label, fontName=REGULAR, fontSize=8, fillColor=INK))
        x += 20 + stringWidth(label, REGULAR, 8) + 12
    if dashed:
        drawing.add(Rect(x, y, 16, 9, fillColor=None, strokeColor=INK, strokeWidth=0.8,
                         strokeDashArray=[2, 1.5]))  # fmt: skip
        text = "grens benaderd"
        drawing.add(String(x + 20, y + 1.5, text, fontName=REGULAR, fontSize=8, fillColor=INK))
