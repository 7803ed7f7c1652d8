"""Areas without a CBS buurt on the window's map: Parkwijk is drawn by its own (approximate)
outline, counts its open signals and filters the list when clicked; names never overlap."""

from __future__ import annotations

import uuid
from itertools import combinations
from typing import Any

from PySide6.QtCore import QPointF
from signal_steps import click_area, click_map, make_signal, open_screen, settle
from sqlalchemy.orm import Session

from gebiedsapp.domain.base import reference_id
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.geo import area_code, drawable_shapes
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS as SIGNALS_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.signal_map import BuurtMap
from gebiedsapp.ui.signals import SignalsScreen

WINSCHOTEN = reference_id("area", "winschoten")
PARKWIJK = reference_id("area", "winschoten-parkwijk")
CENTRUM = reference_id("area", "winschoten-centrum")
PARKWIJK_CODE = area_code("winschoten-parkwijk")
OUTLINED = ["Bloemenbuurt", "Kloostervallei", "Parkwijk", "Stadspark"]


def _winschoten(qtbot: Any, window: MainWindow) -> SignalsScreen:
    open_screen(qtbot, window, SIGNALS_SCREEN)
    screen = window.screens[SIGNALS_SCREEN]
    assert isinstance(screen, SignalsScreen)
    click_area(qtbot, window, WINSCHOTEN)
    qtbot.waitUntil(lambda: PARKWIJK_CODE in screen.map.codes(), timeout=10_000)
    settle(qtbot, screen)
    return screen


def test_a_signal_in_parkwijk_is_on_the_map_and_a_click_there_filters_the_list(
    qtbot: Any, window: MainWindow
) -> None:
    make_signal(window.context, area_id=PARKWIJK, description="Zwerfvuil bij de vijver")
    make_signal(window.context, area_id=CENTRUM, buurt_code="BU18950000")
    screen = _winschoten(qtbot, window)
    assert screen.model.rowCount() == 2
    outlined = sorted(
        shape.name
        for code in screen.map.codes()
        if (shape := screen.map.shape_of(code)) is not None and shape.approximate
    )
    assert outlined == OUTLINED
    qtbot.waitUntil(lambda: "1 open signaal" in screen.map.tooltip(PARKWIJK_CODE))
    assert "grens benaderd" in screen.map.tooltip(PARKWIJK_CODE)
    assert "1 open signaal" in screen.map.tooltip("BU18950000")
    assert screen.map.fill_colour(PARKWIJK_CODE) == screen.map.fill_colour("BU18950000")
    # a click inside Parkwijk's outline shows only its signal
    shape = screen.map.shape_of(PARKWIJK_CODE)
    assert shape is not None
    x, y = shape.label_point()
    parkwijk = screen.map.mapFromScene(QPointF(x, -y))
    assert screen.map.buurt_at(QPointF(parkwijk)) == PARKWIJK_CODE
    click_map(qtbot, screen, parkwijk)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    assert screen.model.rows[0].description == "Zwerfvuil bij de vijver"
    assert screen.buurt_chip.text().startswith("Gebied Parkwijk")
    assert screen.map.selected == PARKWIJK_CODE
    window.context.background.wait()


def test_names_on_the_map_never_overlap(qtbot: Any, context: AppContext) -> None:
    view = BuurtMap()
    qtbot.addWidget(view)
    with context.read() as session:
        view.set_buurten(drawable_shapes(session, _below(session, WINSCHOTEN)))
    view.show()
    for width, height in ((1400, 1000), (900, 600), (600, 400), (420, 300)):
        view.resize(width, height)
        qtbot.waitUntil(lambda w=width: view.viewport().width() == w)
        shown = {code: view.label_rect(code) for code in view.codes() if view.label_visible(code)}

        for (a, rect_a), (b, rect_b) in combinations(shown.items(), 2):
            assert not rect_a.intersects(rect_b), (a, b, width)
        for code, rect in shown.items():  # each name stands on its own shape
            assert view.buurt_at(rect.center()) == code, (code, width)
        if width == 900:
            assert {PARKWIJK_CODE, "BU18950000"} <= set(shown)


def _below(session: Session, root: uuid.UUID) -> set[uuid.UUID]:
    nodes = area_tree(session)
    return {root} | {n.id for n in nodes if n.parent_id == root}
