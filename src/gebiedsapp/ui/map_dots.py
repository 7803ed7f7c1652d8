"""The signal points of the map (ui/signal_map.py) as one graphics item."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gebiedsapp.ui.palette import ColourRole, colour

DOT_DIAMETER = 7.0  # a signal point, in pixels at every zoom
DOT_RING = 1.2  # the width of its ring


class Dots(QGraphicsItem):
    """Every signal point as one item, painted in two calls whatever their number: an item
    per point cost about 60 µs each to make and restyle on the GUI thread (0.3 s for the
    3,300 open signals of the municipality at ten times today's data, per area click)."""

    def __init__(self) -> None:
        super().__init__()
        self.scene_points = QPolygonF()
        self._area = QRectF()
        self._margin = 1.0  # a dot's reach in scene units at the view's zoom
        self.ring = colour(ColourRole.MAP_POINT_RING)  # the map sets them again on a new palette
        self.fill = colour(ColourRole.MAP_POINT)
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view finds points itself

    def set_points(self, points: QPolygonF) -> None:
        self.prepareGeometryChange()
        self.scene_points = points
        self._area = points.boundingRect()
        self.update()

    def set_zoom(self, pixels_per_unit: float) -> None:
        """The dots keep their size in pixels: their reach in scene units follows the zoom."""
        self.prepareGeometryChange()
        self._margin = (DOT_DIAMETER + DOT_RING) / max(pixels_per_unit, 1e-9)

    def boundingRect(self) -> QRectF:
        if self.scene_points.isEmpty():
            return QRectF()
        margin = self._margin
        return self._area.adjusted(-margin, -margin, margin, margin)

    def paint(self, painter: QPainter, option: object, widget: QWidget | None = None) -> None:
        if self.scene_points.isEmpty():
            return
        device = painter.worldTransform().map(self.scene_points)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for paint, width in (
            (self.ring, DOT_DIAMETER + DOT_RING),
            (self.fill, DOT_DIAMETER - DOT_RING),
        ):
            pen = QPen(paint, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # a wide round point is a disc
            painter.setPen(pen)
            painter.drawPoints(device)
        painter.restore()
