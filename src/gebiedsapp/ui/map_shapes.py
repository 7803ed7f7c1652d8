"""What the buurt map (ui/signal_map.py) is made of: the count classes, a signal point, a
buurt's path and its graphics item (kept apart so the map's module stays readable)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSceneHoverEvent

from gebiedsapp.services.geo import BuurtShape
from gebiedsapp.ui.palette import MAP_SCALE, ColourRole, colour

# Sequential scale (ui.palette.MAP_SCALE): lightness falls with every class, so the order
# survives grey printing. (lowest count of the class, legend text, colour)
CLASSES: tuple[tuple[int, str, str], ...] = (
    (0, "0", MAP_SCALE[0]),
    (1, "1–2", MAP_SCALE[1]),
    (3, "3–5", MAP_SCALE[2]),
    (6, "6+", MAP_SCALE[3]),
)


class MapPoint(NamedTuple):
    lon: float
    lat: float
    tooltip: str
    key: str = ""  # the signal's id as text; "" for a point that is not clickable


def class_colour(count: int | None) -> QColor:
    """The fill for a buurt with `count` open signals; None means no data (a shade of the
    palette's Base, so a map without counts is not a light blot on a dark window)."""
    if count is None:
        return colour(ColourRole.MAP_NO_DATA)
    chosen = CLASSES[0][2]
    for lowest, _text, fill in CLASSES:
        if count >= lowest:
            chosen = fill
    return QColor(chosen)


def map_pen(role: ColourRole, width: float, *, dashed: bool = False) -> QPen:
    pen = QPen(colour(role), width)
    pen.setCosmetic(True)  # the same width in pixels at every zoom level
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def buurt_path(shape: BuurtShape) -> QPainterPath:
    """The shape as a path in scene coordinates (a value object: a worker may build it)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shape.rings:
        # scene y runs down, map y runs north
        path.moveTo(ring[0][0], -ring[0][1])
        for x, y in ring[1:]:
            path.lineTo(x, -y)
        path.closeSubpath()
    return path


class BuurtItem(QGraphicsPathItem):
    def __init__(self, shape: BuurtShape, path: QPainterPath) -> None:
        super().__init__(path)
        self.shape_data = shape
        self.base_z = 2.0 if shape.approximate else 0.0  # an own outline lies on its buurt
        self.setZValue(self.base_z)
        self.setPen(self.border())
        self.setBrush(QBrush(class_colour(None)))
        self.setAcceptHoverEvents(True)

    def border(self) -> QPen:
        return map_pen(ColourRole.MAP_BORDER, 1.0, dashed=self.shape_data.approximate)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setPen(map_pen(ColourRole.MAP_OUTLINE, 1.5, dashed=self.shape_data.approximate))
        self.setZValue(self.base_z + 1)  # above the neighbours, so the whole border shows
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setPen(self.border())
        self.setZValue(self.base_z)
        super().hoverLeaveEvent(event)
