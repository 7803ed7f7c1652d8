"""Samenvatting at 150% display scaling on a 1366x768 laptop: its period and its buttons
(preview, print, save, export, appendix) fit beside the area tree, so the screen never
scrolls sideways (it did: one row of buttons wider than the window, issue 19)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea
from signal_steps import click_area, open_screen

from gebiedsapp.domain import reference_id
from gebiedsapp.ui.main_window import SUMMARY, MainWindow
from gebiedsapp.ui.summary.period import RANGE

# a 1366x768 laptop at 150%: the window's room in logical pixels
WIDTH, HEIGHT = round(1366 / 1.5), round(768 / 1.5)


def test_at_150_percent_samenvatting_needs_no_sideways_scrolling(
    qtbot: Any, window: MainWindow
) -> None:
    window.showNormal()
    window.resize(WIDTH, HEIGHT)
    # the area tree's fifth of the window, as a start at this size gives it (182 px)
    window.splitter.setSizes([WIDTH // 5, WIDTH - WIDTH // 5])
    click_area(qtbot, window, reference_id("area", "beerta"))
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    qtbot.waitUntil(lambda: screen.data is not None and not screen.is_busy(), timeout=20_000)
    outer = window.stack.parentWidget().parentWidget()  # the screens' scroll area
    assert isinstance(outer, QAbstractScrollArea)
    for kind in (screen.period.kind.currentData(), RANGE):  # a quarter, and from-to dates
        if kind == RANGE:  # the last choice: its two date fields widen the period
            qtbot.keyClick(screen.period.kind, Qt.Key.Key_End)
        assert screen.period.kind.currentData() == kind
        QApplication.processEvents()
        assert window.width() <= WIDTH
        assert not outer.horizontalScrollBar().isVisible(), (
            f"{screen.minimumSizeHint().width()} px wanted in {outer.viewport().width()} px"
        )
        for area in screen.findChildren(QScrollArea):  # its figures, charts and lists
            assert not area.horizontalScrollBar().isVisible(), (
                f"{area.widget().minimumSizeHint().width()} px wanted in "
                f"{area.viewport().width()} px"
            )
        buttons = (screen.preview_button, screen.print_button, screen.save_button)
        for button in (*buttons, screen.exporter.button, screen.appendix):
            place = QRect(button.mapTo(outer.viewport(), button.rect().topLeft()), button.size())
            assert outer.viewport().rect().contains(place), button.text()
