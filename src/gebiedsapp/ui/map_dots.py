"""The signal points of the map (ui/signal_map.py) as one graphics item, painted from a cache."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gebiedsapp.ui.palette import CLEAR, ColourRole, colour

DOT_DIAMETER = 7.0  # a signal point, in pixels at every zoom
DOT_RING = 1.2  # the width of its ring


class Dots(QGraphicsItem):
    """Every signal point as one item, painted in two calls whatever their number: an item
    per point cost about 60 µs each to make and restyle on the GUI thread (0.3 s for the
    3,300 open signals of the municipality at ten times today's data, per area click).

    The points are drawn once into a pixmap the size of the view (the layer); a paint with the
    same points, zoom, size and colours only copies it (issue 19: a hover, the outline of a
    click or a tooltip repainted every point, 10-25 ms each at ten times today's data)."""

    def __init__(self) -> None:
        super().__init__()
        self.scene_points = QPolygonF()
        self._area = QRectF()
        self._margin = 1.0  # a dot's reach in scene units at the view's zoom
        self.ring = colour(ColourRole.MAP_POINT_RING)  # the map sets them again on a new palette
        self.fill = colour(ColourRole.MAP_POINT)
        self._layer = QPixmap()
        self._layer_key: tuple[object, ...] | None = None
        self.layer_builds = 0  # how often the points were drawn into the layer (tests read it)
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view finds points itself

    def set_points(self, points: QPolygonF) -> None:
        self.prepareGeometryChange()
        self.scene_points = points
        self._area = points.boundingRect()
        self._layer_key = None
        self.update()

    def set_colours(self, *, ring: QColor, fill: QColor) -> None:
        """A new palette: the layer is drawn again in its colours."""
        self.ring, self.fill = ring, fill
        self._layer_key = None
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
        device = painter.device()
        world = painter.worldTransform()
        ratio = device.devicePixelRatioF()
        key = (
            device.width(),
            device.height(),
            ratio,
            world.m11(),
            world.m12(),
            world.m21(),
            world.m22(),
            world.dx(),
            world.dy(),
        )
        if key != self._layer_key:
            self._layer = self._build_layer(
                painter, width=device.width(), height=device.height(), ratio=ratio
            )
            self._layer_key = key
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(QPointF(0, 0), self._layer)
        painter.restore()

    def _build_layer(self, painter: QPainter, *, width: int, height: int, ratio: float) -> QPixmap:
        """Every point, ring and fill, on a transparent pixmap the size of the device."""
        self.layer_builds += 1
        on_device = painter.worldTransform().map(self.scene_points)
        layer = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        layer.setDevicePixelRatio(ratio)
        layer.fill(CLEAR)
        layer_painter = QPainter(layer)
        layer_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for paint, pen_width in (
            (self.ring, DOT_DIAMETER + DOT_RING),
            (self.fill, DOT_DIAMETER - DOT_RING),
        ):
            pen = QPen(paint, pen_width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # a wide round point is a disc
            layer_painter.setPen(pen)
            layer_painter.drawPoints(on_device)
        layer_painter.end()
        return layer
