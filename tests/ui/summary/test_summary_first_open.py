"""Samenvatting's first open built every part of the screen at once: figures, map, charts and
four tables, in one go on the GUI thread (with its first layout over 100 ms on ten times
today's data, issue 19). The first row comes in the open; the charts and tables under it once
the screen has been painted, and the figures, charts and lists all show when they come."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableView

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.summary import SummaryScreen
from gebiedsapp.ui.summary.charts import BarChart
from gebiedsapp.ui.summary.period import MONTH


def test_the_charts_and_tables_are_built_after_the_first_paint(
    qtbot: Any, context: AppContext, summary_world: Any
) -> None:
    screen = SummaryScreen(context, today=summary_world.today)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.period.set_period(MONTH, year=2024, number=3)
    screen.set_area(summary_world.midwolda)
    assert screen.findChildren(BarChart) == []  # the open itself builds the first row only
    assert screen.findChildren(QTableView) == []
    assert screen.map is not None

    screen.show()
    qtbot.waitUntil(lambda: len(screen.findChildren(QTableView)) == 4)
    qtbot.waitUntil(lambda: not screen.is_busy() and screen.data is not None, timeout=10_000)
    context.background.wait()
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=10_000)
    assert len(screen.findChildren(BarChart)) == 3
    assert screen.themes.rows, "the theme chart has bars"
    assert screen.open_table.isVisible()
    assert screen.open_table.model().rowCount() == len(screen.open_model.rows)
