"""A map of CBS buurten coloured by open signals (drawn locally: no network, no tiles).

The view only draws and reports clicks; the signals screen feeds it shapes from
`services.geo.drawable_shapes`, counts per buurt code and points, and filters its list on
`buurt_clicked`. An area without a CBS buurt (Parkwijk...) comes as its own outline, an
approximation drawn by the project: dashed, on top of the buurt it lies in, its name first.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from gebiedsapp.services.geo import BuurtShape, project
from gebiedsapp.ui.map_dots import DOT_DIAMETER, DOT_RING, Dots
from gebiedsapp.ui.map_legend import FRAME, draw_legend, legend_size
from gebiedsapp.ui.map_shapes import (
    CLASSES,
    BuurtItem,
    MapPoint,
    buurt_path,
    class_colour,
    map_pen,
)
from gebiedsapp.ui.palette import ColourRole, colour, text_on

__all__ = ["CLASSES", "BuurtMap", "MapPoint", "buurt_path", "class_colour"]  # the map's face

MARGIN = 0.04  # share of the map's size kept free around it


class BuurtMap(QGraphicsView):
    """CBS buurten coloured by their number of open signals; click a buurt to select it.

    `buurt_clicked` carries the buurt code, or "" when the selected buurt is clicked again;
    a click on a signal point that has a key emits `point_clicked` with it instead.
    """

    buurt_clicked = Signal(str)
    point_clicked = Signal(str)  # the key of a signal point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(colour(ColourRole.MAP_BACKGROUND))
        self.setMinimumSize(240, 180)
        self._items: dict[str, BuurtItem] = {}
        self._labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._dots = Dots()
        self.scene().addItem(self._dots)
        self._point_data: list[MapPoint] = []
        self._projected: dict[tuple[float, float], QPointF] = {}  # kept between lists
        self._counts: dict[str, int] = {}
        self._selected = ""
        self._outline = QGraphicsPathItem()
        self._outline.setPen(map_pen(ColourRole.MAP_OUTLINE, 2.5))
        self._outline.setZValue(10)
        self._outline.setVisible(False)
        self.scene().addItem(self._outline)
        self._map_rect = QRectF()
        self._legend = QPixmap()  # drawn by the first paint (ui/map_legend.py)
        self._legend_box: QSizeF | None = None
        self._legend_key: tuple[float, ...] = ()
        self._label_points: dict[str, tuple[object, tuple[float, float]]] = {}
        self._fitted: tuple[float, ...] | None = None  # the size and shapes the view fits
        self.fits = 0  # how often the map was fitted and its names placed (tests read it)

    # --- what the screen sets ---------------------------------------------------------------

    def set_buurten(
        self, shapes: list[BuurtShape], *, paths: Sequence[QPainterPath] | None = None
    ) -> None:
        """Draw these buurten (replacing the previous ones); counts and selection are kept.
        `paths`: the shapes' `buurt_path`s, when a worker built them already. Other buurten
        (another area) drop the points: the new area's come with its list, and drawing the
        old ones at the new zoom first cost a layer for nothing (issue 19)."""
        scene = self.scene()
        if {shape.code for shape in shapes} != self._items.keys():
            self._point_data = []
            self._dots.set_points(QPolygonF())
        for item in [*self._items.values(), *self._labels.values()]:
            scene.removeItem(item)
        self._items.clear()
        self._labels.clear()
        font = self._label_font()
        if paths is None:
            paths = [buurt_path(shape) for shape in shapes]
        for shape, path in zip(shapes, paths, strict=True):
            item = BuurtItem(shape, path)
            scene.addItem(item)
            self._items[shape.code] = item
            label = QGraphicsSimpleTextItem(shape.name)
            label.setFont(font)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            label.setZValue(5)
            x, y = self._label_point(shape)
            label.setPos(x, -y)
            scene.addItem(label)
            self._labels[shape.code] = label
        if self._selected not in self._items:
            self._selected = ""
        self._map_rect = QRectF()
        for item in self._items.values():
            self._map_rect = self._map_rect.united(item.boundingRect())
        if not self._map_rect.isNull():
            grow_x = self._map_rect.width() * MARGIN
            grow_y = self._map_rect.height() * MARGIN
            self._map_rect.adjust(-grow_x, -grow_y, grow_x, grow_y)
        self._forget_legend()  # "grens benaderd" comes and goes with own outlines
        self._fitted = None
        self._restyle()
        self._update_outline()
        self._fit()

    def set_counts(self, counts: dict[str, int]) -> None:
        """Open signals per buurt code; buurten not in `counts` are shown as having no data."""
        self._counts = dict(counts)
        self._restyle_buurten()
        self.viewport().update()

    def set_points(self, points: Sequence[tuple[float, float, str] | MapPoint]) -> None:
        """Signals with coordinates: (lon, lat, tooltip) or a `MapPoint` with the signal's key,
        which a click on the point reports through `point_clicked`. Drawn as one item; a
        point's place is projected once and kept for the next list (the next area click)."""
        self._point_data = [MapPoint(*point) for point in points]
        projected = self._projected
        if len(projected) > 200_000:  # years of signals in one session: start again
            projected.clear()
        scene_points = QPolygonF()
        for lon, lat, _tip, _key in self._point_data:
            place = projected.get((lon, lat))
            if place is None:
                x, y = project(lon, lat)
                place = projected[(lon, lat)] = QPointF(x, -y)  # scene y runs down
            scene_points.append(place)
        self._dots.set_points(scene_points)

    def select(self, code: str) -> None:
        """Outline this buurt ("" clears) without emitting `buurt_clicked`."""
        self._selected = code if code in self._items else ""
        self._update_outline()

    # --- what tests and the screen may read --------------------------------------------------

    @property
    def selected(self) -> str:
        return self._selected

    def codes(self) -> list[str]:
        return list(self._items)

    def shape_of(self, code: str) -> BuurtShape | None:
        """The shape drawn under this code (None when it is not on the map)."""
        item = self._items.get(code)
        return item.shape_data if item is not None else None

    def own_outlines(self) -> dict[str, uuid.UUID]:
        """Map code -> area of the areas drawn by their own outline (no CBS buurt)."""
        return {
            code: item.shape_data.area_id
            for code, item in self._items.items()
            if item.shape_data.area_id is not None
        }

    def label_rect(self, code: str) -> QRectF:
        """Where the buurt's name is drawn, in viewport pixels (empty when hidden)."""
        label = self._labels[code]
        if not label.isVisible():
            return QRectF()
        return self._label_rect(label)

    def fill_colour(self, code: str) -> QColor:
        return self._items[code].brush().color()

    def tooltip(self, code: str) -> str:
        return self._items[code].toolTip()

    def label_visible(self, code: str) -> bool:
        return self._labels[code].isVisible()

    def dot_layer_builds(self) -> int:
        """How often the signal points were drawn into their layer (not copied from it)."""
        return self._dots.layer_builds

    def point_count(self) -> int:
        return len(self._point_data)

    def points(self) -> list[MapPoint]:
        return list(self._point_data)

    def point_at(self, pos: QPointF) -> str:
        """The key of the signal point under a viewport position, or ""."""
        index = self._point_index_at(pos, keyed=True)
        return self._point_data[index].key if index >= 0 else ""

    def _point_index_at(self, pos: QPointF, *, keyed: bool) -> int:
        """The nearest point under a viewport position (the last drawn of equals), or -1."""
        best, best_index = ((DOT_DIAMETER + DOT_RING) / 2) ** 2, -1
        on_view = self.mapFromScene(self._dots.scene_points)
        x, y = pos.x(), pos.y()
        for index in range(on_view.size()):
            place = on_view.at(index)
            distance = (place.x() - x) ** 2 + (place.y() - y) ** 2
            if distance <= best and (self._point_data[index].key or not keyed):
                best, best_index = distance, index
        return best_index

    def buurt_at(self, pos: QPointF) -> str:
        """The code of the buurt under a viewport position, or ""."""
        for item in self.items(pos.toPoint()):
            if isinstance(item, BuurtItem):
                return item.shape_data.code
        return ""

    # --- drawing -----------------------------------------------------------------------------

    def _tooltip_text(self, shape: BuurtShape) -> str:
        count = self._counts.get(shape.code)
        if count is None:
            what = self.tr("geen gegevens")
        elif count == 1:
            what = self.tr("1 open signaal")
        else:
            what = self.tr("%n open signalen", "", count)
        if shape.approximate:
            where = self.tr("grens benaderd, geen CBS-buurt")
            return f"{shape.name} ({where}): {what}"
        return f"{shape.name} ({shape.code}): {what}"

    def _restyle(self) -> None:
        self.setBackgroundBrush(colour(ColourRole.MAP_BACKGROUND))
        self._outline.setPen(map_pen(ColourRole.MAP_OUTLINE, 2.5))
        self._dots.set_colours(
            ring=colour(ColourRole.MAP_POINT_RING), fill=colour(ColourRole.MAP_POINT)
        )
        self._forget_legend()  # drawn again in the new colours
        self._restyle_buurten()
        self.viewport().update()

    def _restyle_buurten(self) -> None:
        """Each buurt's fill, border, tooltip and name colour for its count."""
        for code, item in self._items.items():
            count = self._counts.get(code)
            fill = class_colour(count)
            item.setBrush(QBrush(fill))
            item.setPen(item.border())
            item.setToolTip(self._tooltip_text(item.shape_data))
            label = self._labels[code]
            label.setBrush(text_on(fill))

    def _update_outline(self) -> None:
        item = self._items.get(self._selected)
        if item is None:
            self._outline.setVisible(False)
            return
        self._outline.setPath(item.path())
        self._outline.setVisible(True)

    def _fit(self) -> None:
        """Fit the map to the view, keeping a strip on the left free for the legend."""
        if self._map_rect.isNull():
            return
        view_w = max(1, self.viewport().width())
        view_h = max(1, self.viewport().height())
        legend_w = self._legend_size().width() + 20
        at = self._map_rect
        fitted: tuple[float, ...] = (
            view_w,
            view_h,
            legend_w,
            at.x(),
            at.y(),
            at.width(),
            at.height(),
        )
        if fitted == self._fitted:  # shown again at the same size: the names stay put
            return
        self._fitted = fitted
        self.fits += 1
        rect = QRectF(self._map_rect)
        if view_w - legend_w >= view_w * 0.6:
            scale = min((view_w - legend_w) / rect.width(), view_h / rect.height())
            rect.adjust(-legend_w / scale, 0, 0, 0)
        self.scene().setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._dots.set_zoom(self.transform().m11())
        self._place_labels()

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _label_point(self, shape: BuurtShape) -> tuple[float, float]:
        """Where the name goes; kept per shape, since the next area click brings most of the
        same buurten again (finding an interior point is Python over every vertex)."""
        known = self._label_points.get(shape.code)
        if known is not None and known[0] == shape.rings:
            return known[1]
        point = shape.label_point()
        self._label_points[shape.code] = (shape.rings, point)
        return point

    def _label_rect(self, label: QGraphicsSimpleTextItem) -> QRectF:
        metrics = QFontMetrics(label.font())
        width, height = metrics.horizontalAdvance(label.text()), metrics.height()
        centre = QPointF(self.mapFromScene(label.pos()))
        return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)

    def _place_labels(self) -> None:
        """Show a name only where the buurt is wide and tall enough on screen for it, and never
        over another name: own outlines first (they lie on top), then the largest buurten."""
        scale = self.transform().m11()
        outlines = [item for item in self._items.values() if item.shape_data.approximate]

        def order(code: str) -> tuple[bool, float]:
            rect = self._items[code].boundingRect()
            return (not self._items[code].shape_data.approximate, -rect.width() * rect.height())

        shown: list[QRectF] = []
        if not self._labels:
            return
        metrics = QFontMetrics(next(iter(self._labels.values())).font())
        text_h = metrics.height()
        for code in sorted(self._labels, key=order):
            label, item = self._labels[code], self._items[code]
            rect = item.boundingRect()
            text_w = metrics.horizontalAdvance(label.text())
            label.setTransform(QTransform.fromTranslate(-text_w / 2, -text_h / 2))
            fits = rect.width() * scale >= text_w + 6 and rect.height() * scale >= text_h * 2
            # the hit tests below only for a name that fits (most do not at a wide view)
            ends = [label.pos() + QPointF(side * text_w / 2 / scale, 0) for side in (-1, 1)]
            inside = fits and all(item.contains(end) for end in ends)
            if inside and not item.shape_data.approximate:  # not on an own outline over it
                inside = not any(
                    other.contains(end) for other in outlines for end in [label.pos(), *ends]
                )
            box = self._label_rect(label) if inside else QRectF()
            visible = inside and not any(box.intersects(other) for other in shown)
            label.setVisible(visible)
            if visible:
                shown.append(box)

    def viewportEvent(self, event: QEvent) -> bool:
        """A signal point's tooltip (the points are one item: the view says which one)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._point_index_at(QPointF(event.pos()), keyed=False)
            if index >= 0:
                QToolTip.showText(event.globalPos(), self._point_data[index].tooltip, self)
                return True
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # dark mode switched on, say
            self._restyle()
        elif event.type() == QEvent.Type.FontChange:
            self._forget_legend()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        event.accept()  # the map is not dragged; a press outside the buurten does nothing
        key = self.point_at(event.position())
        if key:
            self.point_clicked.emit(key)
            return
        code = self.buurt_at(event.position())
        if not code:
            return
        self._selected = "" if code == self._selected else code
        self._update_outline()
        self.buurt_clicked.emit(self._selected)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        event.accept()

    def _legend_entries(self) -> list[tuple[str, QColor | None]]:
        """(text, fill) per line; a fill of None is the dashed line of an own outline."""
        entries: list[tuple[str, QColor | None]] = [
            (text, QColor(fill)) for _low, text, fill in CLASSES
        ]
        entries.append((self.tr("geen gegevens"), class_colour(None)))
        if any(item.shape_data.approximate for item in self._items.values()):
            entries.append((self.tr("grens benaderd"), None))
        return entries

    def _legend_size(self) -> QSizeF:
        if self._legend_box is None:
            self._legend_box = legend_size(
                self.font(), self.tr("Open signalen"), self._legend_entries()
            )
        return self._legend_box

    def _forget_legend(self) -> None:
        """Its entries, font or colours changed: drawn again at the next paint."""
        self._legend = QPixmap()
        self._legend_box = None

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The legend, in viewport pixels at the bottom left (drawn once, then copied)."""
        if not self._items:
            return
        ratio = painter.device().devicePixelRatioF()
        box = QPointF(10, self.viewport().height() - 10 - self._legend_size().height())
        origin = QPointF(
            math.floor((box.x() - FRAME) * ratio) / ratio,
            math.floor((box.y() - FRAME) * ratio) / ratio,
        )
        inside = box - origin
        key = (ratio, round(inside.x(), 6), round(inside.y(), 6))
        if self._legend.isNull() or key != self._legend_key:
            self._legend = draw_legend(
                font=self.font(),
                title=self.tr("Open signalen"),
                entries=self._legend_entries(),
                ratio=ratio,
                at=inside,
            )
            self._legend_key = key
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(origin, self._legend)
        painter.restore()
