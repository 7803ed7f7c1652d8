"""An area click on the shown Signalen draws its map's signal points once (issue 19: on ten
times today's data the layer was drawn up to four times while the screen's layout settled,
110-120 ms of the GUI thread per click): the map fits itself to a settled size, not to every
size the layout passes through."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from signal_steps import click_area, open_screen

from gebiedsapp.services.areas import find_area
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS, MainWindow


@pytest.fixture
def db_url(demo_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_template, target)
    return f"sqlite:///{target}"


def _settled(qtbot: Any, screen: Any, context: AppContext) -> None:
    """Until the area's shapes and list are in and the layout and paints after them done."""

    def quiet() -> bool:
        busy = screen.busy or screen.map_busy or screen.header_busy or screen.timer.isActive()
        return not busy and not context.background.busy()

    qtbot.waitUntil(quiet, timeout=20_000)
    for _ in range(5):  # the posted layout and paint events, the layer a turn later
        qtbot.wait(20)


def test_an_area_click_draws_the_map_points_once(
    qtbot: Any, window: MainWindow, context: AppContext
) -> None:
    window.resize(1366, 768)  # a regisseur's laptop
    open_screen(qtbot, window, SIGNALS)
    screen: Any = window.screens[SIGNALS]
    _settled(qtbot, screen, context)
    for area in ("Winschoten", "Beerta", "Finsterwolde"):
        with context.read() as session:
            area_id = find_area(session, area).id
        builds = screen.map.dot_layer_builds()
        click_area(qtbot, window, area_id)
        _settled(qtbot, screen, context)
        assert screen.map.point_count() > 0, area
        assert screen.map.dot_layer_builds() - builds == 1, area
