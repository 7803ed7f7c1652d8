"""The signal points of the map (ui/signal_map.py) as one graphics item, painted from a cache."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gebiedsapp.ui.palette import CLEAR, ColourRole, colour

DOT_DIAMETER = 7.0  # a signal point, in pixels at every zoom
DOT_RING = 1.2  # the width of its ring
SETTLE_MS = 50  # a new layer waits until the size and zoom asked have not changed this long


class Dots(QGraphicsItem):
    """Every signal point as one item, painted in two calls whatever their number: an item
    per point cost about 60 µs each to make and restyle on the GUI thread (0.3 s for the
    3,300 open signals of the municipality at ten times today's data, per area click).

    The points are drawn once into a pixmap the size of the view (the layer); a paint with the
    same points, zoom, size and colours only copies it (issue 19: a hover, the outline of a
    click or a tooltip repainted every point, 10-25 ms each at ten times today's data).

    A paint that needs a new layer does not draw it at once but when the size and zoom asked
    have settled (SETTLE_MS without a change): an area click on Signalen passes through
    several sizes in turns of the event loop of their own while its layout settles (new
    shapes, the list's rows, its scroll bar, the status line), and drew the layer up to four
    times, 40-120 ms each on ten times today's data (issue 19). Meanwhile the old layer is
    shown moved to the new zoom when it has the same points and colours."""

    def __init__(self) -> None:
        super().__init__()
        self.scene_points = QPolygonF()
        self._area = QRectF()
        self._margin = 1.0  # a dot's reach in scene units at the view's zoom
        self.ring = colour(ColourRole.MAP_POINT_RING)  # the map sets them again on a new palette
        self.fill = colour(ColourRole.MAP_POINT)
        self._layer = QPixmap()
        self._layer_key: tuple[object, ...] | None = None
        self._layer_world = QTransform()  # the transform the layer was drawn with
        self._layer_current = False  # the layer has these points and colours (maybe moved)
        self._wanted: tuple[tuple[object, ...], QTransform, int, int, float] | None = None
        self._settle: QTimer | None = None  # made with the first paint, owned by the scene
        self.layer_builds = 0  # how often the points were drawn into the layer (tests read it)
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view finds points itself

    def set_points(self, points: QPolygonF) -> None:
        self.prepareGeometryChange()
        self.scene_points = points
        self._area = points.boundingRect()
        self._layer_key = None
        self._layer_current = False
        self.update()

    def set_colours(self, *, ring: QColor, fill: QColor) -> None:
        """A new palette: the layer is drawn again in its colours."""
        self.ring, self.fill = ring, fill
        self._layer_key = None
        self._layer_current = False
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
        painter.save()
        if key == self._layer_key:
            painter.resetTransform()
        else:
            self._want(key, QTransform(world), device.width(), device.height(), ratio)
            if not self._layer_current or self._layer.isNull():
                painter.restore()
                return  # new points or colours: they show when the layer is drawn
            # the old layer, moved from the zoom it was drawn at to this one
            back, _invertible = self._layer_world.inverted()
            painter.setTransform(back * world)
        painter.drawPixmap(QPointF(0, 0), self._layer)
        painter.restore()

    def _want(
        self, key: tuple[object, ...], world: QTransform, width: int, height: int, ratio: float
    ) -> None:
        """Draw the layer for this size and zoom once they have settled (the last one asked
        wins; asking for the same again does not put it off)."""
        if self._wanted is not None and self._wanted[0] == key:
            return
        self._wanted = (key, world, width, height, ratio)
        if self._settle is None:
            self._settle = QTimer(self.scene())  # painted: it is in the map's scene
            self._settle.setSingleShot(True)
            self._settle.setInterval(SETTLE_MS)
            self._settle.timeout.connect(self._build_wanted)
        self._settle.start()

    def _build_wanted(self) -> None:
        wanted, self._wanted = self._wanted, None
        if wanted is None or self.scene_points.isEmpty():
            return
        key, world, width, height, ratio = wanted
        if key == self._layer_key:
            return
        self._layer = self._build_layer(world, width=width, height=height, ratio=ratio)
        self._layer_key = key
        self._layer_world = world
        self._layer_current = True
        self.update()

    def _build_layer(self, world: QTransform, *, width: int, height: int, ratio: float) -> QPixmap:
        """Every point, ring and fill, on a transparent pixmap the size of the device."""
        self.layer_builds += 1
        on_device = world.map(self.scene_points)
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
