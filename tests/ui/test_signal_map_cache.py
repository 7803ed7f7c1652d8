"""The map paints from caches (issue 19): the signal points are drawn into a layer once per
list, zoom and size, and a paint with nothing changed only copies it; what a user sees and
clicks stays the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gebiedsapp.services.geo import BuurtShape, buurt_shapes, project
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.palette import ColourRole, colour
from gebiedsapp.ui.signal_map import BuurtMap, MapPoint
from support.palettes import SCHEMES, make_palette

MARKT, HAVEN = (7.033, 53.144), (7.045, 53.150)
SCHEEMDA = "BU18950600"


@pytest.fixture
def view(qtbot: QtBot, context: AppContext) -> BuurtMap:
    with context.read() as session:
        shapes: list[BuurtShape] = buurt_shapes(session, None)
    widget = BuurtMap()
    qtbot.addWidget(widget)
    widget.set_buurten(shapes)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_points([MapPoint(*MARKT, "Zwerfvuil · Markt", "a"), MapPoint(*HAVEN, "Haven", "b")])
    widget.viewport().repaint()
    qtbot.waitUntil(lambda: widget.dot_layer_builds() >= 1)  # drawn a turn after the paint
    widget.viewport().repaint()
    return widget


def _on_view(view: BuurtMap, lon: float, lat: float) -> QPoint:
    x, y = project(lon, lat)
    return view.mapFromScene(QPointF(x, -y))


def _pixel(view: BuurtMap, point: QPoint) -> QColor:
    return view.viewport().grab().toImage().pixelColor(point)


def _builds(view: BuurtMap) -> int:
    return view.dot_layer_builds()


def test_a_paint_with_nothing_changed_does_not_draw_the_points_again(view: BuurtMap) -> None:
    built = _builds(view)
    assert built >= 1
    view.viewport().repaint()
    view.viewport().repaint(10, 10, 50, 50)  # a part, as a hover or a tooltip repaints
    view.select(SCHEEMDA)  # the outline of a clicked buurt
    view.viewport().repaint()
    assert _builds(view) == built
    # and the copied layer still shows every point where it is
    fill = colour(ColourRole.MAP_POINT)
    assert _pixel(view, _on_view(view, *MARKT)) == fill
    assert _pixel(view, _on_view(view, *HAVEN)) == fill


def test_a_new_list_or_a_new_size_draws_the_points_again(qtbot: QtBot, view: BuurtMap) -> None:
    built = _builds(view)
    view.set_points([MapPoint(*HAVEN, "Haven", "b")])
    view.viewport().repaint()
    qtbot.waitUntil(lambda: _builds(view) == built + 1)
    view.viewport().repaint()
    fill = colour(ColourRole.MAP_POINT)
    assert _pixel(view, _on_view(view, *MARKT)) != fill  # not a stale layer
    assert _pixel(view, _on_view(view, *HAVEN)) == fill

    view.resize(500, 400)
    qtbot.waitUntil(lambda: _builds(view) > built + 1)
    assert _pixel(view, _on_view(view, *HAVEN)) == fill  # at its place at the new zoom


def test_sizes_passed_through_in_one_turn_draw_the_points_once(
    qtbot: QtBot, view: BuurtMap
) -> None:
    """A layout settling (an area click on Signalen) resizes the map more than once before
    the event loop turns: the layer is drawn once, for the last size (issue 19)."""
    built = _builds(view)
    for height in (560, 540, 520):
        view.resize(880, height)
        view.viewport().repaint()  # each size painted, as a settling layout does
    qtbot.waitUntil(lambda: _builds(view) > built)
    qtbot.wait(50)
    assert _builds(view) == built + 1
    fill = colour(ColourRole.MAP_POINT)
    assert _pixel(view, _on_view(view, *HAVEN)) == fill  # at its place at the last size


def test_a_click_on_a_point_painted_from_the_layer_still_opens_its_signal(
    qtbot: QtBot, view: BuurtMap
) -> None:
    view.viewport().repaint()
    at_markt = _on_view(view, *MARKT)
    with (
        qtbot.waitSignal(view.point_clicked) as blocker,
        qtbot.assertNotEmitted(view.buurt_clicked),
    ):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at_markt)
    assert blocker.args == ["a"]


def test_shown_again_at_the_same_size_the_names_are_not_placed_again(
    qtbot: QtBot, view: BuurtMap
) -> None:
    fits = view.fits
    view.hide()
    view.show()
    qtbot.waitExposed(view)
    assert view.fits == fits
    view.resize(600, 400)
    qtbot.waitUntil(lambda: view.fits == fits + 1)


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QPalette]:
    original = QPalette(qapp.palette())
    yield original
    qapp.setPalette(original)


def test_the_points_and_the_legend_follow_a_new_palette(
    qtbot: QtBot, qapp: QApplication, app_palette: QPalette, view: BuurtMap
) -> None:
    at_markt = _on_view(view, *MARKT)
    in_legend = QPoint(13, view.viewport().height() - 13)  # inside its bottom left corner
    light_point = colour(ColourRole.MAP_POINT)
    assert _pixel(view, at_markt) == light_point
    assert _pixel(view, in_legend).lightnessF() > 0.5
    built = _builds(view)

    qapp.setPalette(make_palette(SCHEMES["dark"]))  # dark mode switched on
    dark_point = colour(ColourRole.MAP_POINT)
    assert dark_point != light_point
    qtbot.waitUntil(lambda: _pixel(view, at_markt) == dark_point)
    assert _pixel(view, in_legend).lightnessF() < 0.5  # not the light legend of before
    assert _builds(view) > built
