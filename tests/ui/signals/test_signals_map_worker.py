"""Signalen's map is read and drawn without holding the GUI thread (issue 19: the shapes and
points of the municipality took about a second of it per area click at ten times the data)."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from signal_steps import click_area, open_screen, settle

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS, MainWindow
from gebiedsapp.ui.signals import SignalsScreen, map_reads

BEERTA_CENTRUM = "BU18950300"


def test_an_area_click_shows_the_area_before_its_map_is_read(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_screen(qtbot, window, SIGNALS)
    screen = window.screens[SIGNALS]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)
    whole = screen.map.codes()  # all of Oldambt
    started, release = threading.Event(), threading.Event()
    read = map_reads.drawable_shapes

    def slow_shapes(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(10)  # the test says when the shapes are read
        return read(*args, **kwargs)

    monkeypatch.setattr(map_reads, "drawable_shapes", slow_shapes)
    try:
        click_area(qtbot, window, beerta)  # returns while the shapes are still read
        qtbot.waitUntil(started.is_set)  # after the area's header, read on the worker too
        assert "Beerta" in screen.subtitle.text()
        assert screen.is_busy()
        assert screen.map.codes() == whole
    finally:
        release.set()
    settle(qtbot, screen)
    assert BEERTA_CENTRUM in screen.map.codes()
    assert len(screen.map.codes()) < len(whole)
