"""The buurt map: shapes from the shipped boundaries, colours by count, tooltips and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from gebiedsapp.services.geo import BuurtShape, buurt_shapes, project
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.palette import ColourRole, colour
from gebiedsapp.ui.signal_map import CLASSES, BuurtMap, MapPoint, class_colour

CENTRUM = "BU18950000"  # Winschoten-Centrum
SCHEEMDA = "BU18950600"


@pytest.fixture
def shapes(context: AppContext) -> list[BuurtShape]:
    with context.read() as session:
        return buurt_shapes(session, None)


@pytest.fixture
def view(qtbot: QtBot, shapes: list[BuurtShape]) -> BuurtMap:
    widget = BuurtMap()
    qtbot.addWidget(widget)
    widget.set_buurten(shapes)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _viewport_point(view: BuurtMap, shape: BuurtShape) -> QPointF:
    x, y = shape.label_point()
    return QPointF(view.mapFromScene(QPointF(x, -y)))


def _shape(shapes: list[BuurtShape], code: str) -> BuurtShape:
    return next(s for s in shapes if s.code == code)


def test_draws_every_shipped_buurt_inside_the_view(
    view: BuurtMap, shapes: list[BuurtShape]
) -> None:
    assert sorted(view.codes()) == sorted(s.code for s in shapes)
    assert len(view.codes()) == 50
    clickable = 0
    for shape in shapes:
        point = _viewport_point(view, shape)
        assert view.viewport().rect().contains(point.toPoint()), shape.code
        min_x, min_y, max_x, max_y = shape.bbox
        on_screen = view.mapFromScene(QPointF(max_x, -min_y)) - view.mapFromScene(
            QPointF(min_x, -max_y)
        )
        # generalised slivers (Finsterwolde-Centrum is about a pixel wide here) are skipped
        if min(on_screen.x(), on_screen.y()) >= 12:
            assert view.buurt_at(point) == shape.code
            clickable += 1
    assert clickable >= 40
    assert view.buurt_at(QPointF(view.viewport().rect().topRight())) == ""


def test_counts_colour_the_buurten_dark_for_many_signals(view: BuurtMap) -> None:
    assert view.fill_colour(CENTRUM) == class_colour(None)
    view.set_counts({CENTRUM: 0, SCHEEMDA: 6})
    none, many = view.fill_colour(CENTRUM), view.fill_colour(SCHEEMDA)
    assert none.name() == CLASSES[0][2]
    assert many.name() == CLASSES[-1][2]
    assert many.lightnessF() < none.lightnessF()
    view.set_counts({CENTRUM: 6})
    assert view.fill_colour(CENTRUM).name() == CLASSES[-1][2]
    assert view.fill_colour(SCHEEMDA) == class_colour(None)


def test_the_scale_gets_darker_class_by_class(view: BuurtMap) -> None:
    codes = view.codes()[:5]
    view.set_counts(dict(zip(codes, [0, 2, 3, 5, 40], strict=True)))
    lightness = [view.fill_colour(code).lightnessF() for code in codes]
    assert lightness[0] > lightness[1] > lightness[2] > lightness[4]
    assert lightness[2] == lightness[3]  # 3 and 5 share a class


def test_tooltip_names_the_buurt_and_its_open_signals(view: BuurtMap) -> None:
    assert view.tooltip(CENTRUM) == "Winschoten-Centrum (BU18950000): geen gegevens"
    view.set_counts({CENTRUM: 4, SCHEEMDA: 1})
    assert view.tooltip(CENTRUM) == "Winschoten-Centrum (BU18950000): 4 open signalen"
    assert view.tooltip(SCHEEMDA) == "Scheemda (BU18950600): 1 open signaal"


def test_click_selects_a_buurt_and_a_second_click_clears(
    qtbot: QtBot, view: BuurtMap, shapes: list[BuurtShape]
) -> None:
    point = _viewport_point(view, _shape(shapes, SCHEEMDA)).toPoint()
    with qtbot.waitSignal(view.buurt_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [SCHEEMDA]
    assert view.selected == SCHEEMDA
    with qtbot.waitSignal(view.buurt_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [""]
    assert view.selected == ""


def test_click_on_another_buurt_moves_the_selection(
    qtbot: QtBot, view: BuurtMap, shapes: list[BuurtShape]
) -> None:
    for code in (SCHEEMDA, CENTRUM):
        point = _viewport_point(view, _shape(shapes, code)).toPoint()
        with qtbot.waitSignal(view.buurt_clicked) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [code]
    assert view.selected == CENTRUM


def test_click_outside_the_buurten_emits_nothing(qtbot: QtBot, view: BuurtMap) -> None:
    with qtbot.assertNotEmitted(view.buurt_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.rect().topRight())


def test_click_on_a_signal_point_still_selects_its_buurt(
    qtbot: QtBot, view: BuurtMap, shapes: list[BuurtShape]
) -> None:
    # a point at the centre of Winschoten-Centrum
    view.set_points([(7.033, 53.144, "Losliggende stoeptegel")])
    assert view.point_count() == 1
    x, y = project(7.033, 53.144)
    point = view.mapFromScene(QPointF(x, -y))
    with qtbot.waitSignal(view.buurt_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [CENTRUM]
    view.set_points([])
    assert view.point_count() == 0


def test_click_on_a_keyed_point_reports_the_signal_not_the_buurt(
    qtbot: QtBot, view: BuurtMap
) -> None:
    view.set_points(
        [MapPoint(7.033, 53.144, "Zwerfvuil · Markt · Gemeld", "abc123"), (7.1, 53.2, "x")]
    )
    assert view.points() == [
        (7.033, 53.144, "Zwerfvuil · Markt · Gemeld", "abc123"),
        (7.1, 53.2, "x", ""),
    ]
    x, y = project(7.033, 53.144)
    point = view.mapFromScene(QPointF(x, -y))
    assert view.point_at(QPointF(point)) == "abc123"
    with (
        qtbot.waitSignal(view.point_clicked) as blocker,
        qtbot.assertNotEmitted(view.buurt_clicked),
    ):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["abc123"]
    assert view.selected == ""


def test_a_subset_of_buurten_fills_the_view_and_drops_a_lost_selection(
    qtbot: QtBot, view: BuurtMap, shapes: list[BuurtShape]
) -> None:
    view.select(SCHEEMDA)
    assert view.selected == SCHEEMDA
    winschoten = [s for s in shapes if s.code.startswith("BU189500")]
    view.set_buurten(winschoten)
    assert view.selected == ""
    assert len(view.codes()) == len(winschoten)
    centrum = _viewport_point(view, _shape(shapes, CENTRUM))
    assert view.buurt_at(centrum) == CENTRUM
    # zoomed in on Winschoten, the centre's name fits on the map
    assert view.label_visible(CENTRUM)


def test_resizing_refits_the_map(qtbot: QtBot, view: BuurtMap) -> None:
    wide = view.transform().m11()
    view.resize(450, 300)
    qtbot.waitUntil(lambda: view.transform().m11() < wide * 0.7)


def _pixel(view: BuurtMap, point: QPoint) -> QColor:
    return view.viewport().grab().toImage().pixelColor(point)


def test_signal_points_are_drawn_where_they_are_and_follow_a_new_list(
    qtbot: QtBot, view: BuurtMap
) -> None:
    """The points are one item (issue 19): each is still painted, hit and explained on its
    own, and a new list (an area click) drops the points it no longer has."""
    markt, haven = (7.033, 53.144), (7.045, 53.150)
    view.set_points([MapPoint(*markt, "Zwerfvuil · Markt", "a"), MapPoint(*haven, "Haven", "b")])
    at_markt = view.mapFromScene(QPointF(project(*markt)[0], -project(*markt)[1]))
    at_haven = view.mapFromScene(QPointF(project(*haven)[0], -project(*haven)[1]))
    fill = colour(ColourRole.MAP_POINT)
    qtbot.waitUntil(lambda: _pixel(view, at_markt) == fill)
    assert _pixel(view, at_haven) == fill
    assert view.point_at(QPointF(at_markt)) == "a"
    assert view.point_at(QPointF(at_haven)) == "b"
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, at_haven, view.viewport().mapToGlobal(at_haven)),
    )
    assert QToolTip.text() == "Haven"

    view.set_points([MapPoint(*haven, "Haven · Gemeld", "b")])
    # the new points' layer is drawn a turn of the event loop after the paint that needs it
    qtbot.waitUntil(lambda: _pixel(view, at_markt) != fill and _pixel(view, at_haven) == fill)
    assert view.point_at(QPointF(at_markt)) == ""
    assert view.point_at(QPointF(at_haven)) == "b"
    assert view.points() == [(*haven, "Haven · Gemeld", "b")]
