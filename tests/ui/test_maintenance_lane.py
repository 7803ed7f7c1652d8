"""Start-up maintenance (integrity check, retention, the start backup, which may copy a 600 MB
file) runs on a worker of its own: a screen opened at launch does not wait behind it
(issue 19)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from signal_steps import make_signal, open_screen

from gebiedsapp.ui import app
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS as SIGNALS_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.signals import SignalsScreen


def test_a_screen_opened_at_launch_reads_while_maintenance_still_runs(
    qtbot: Any, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    signal_id = make_signal(context)
    started, release = threading.Event(), threading.Event()

    def maintenance_that_waits(*_args: object) -> str:
        started.set()
        release.wait(30)  # the test says when it is done
        return "klaar"

    monkeypatch.setattr(app, "start_maintenance", maintenance_that_waits)
    app.begin_maintenance(window, context.database, context.paths, context.actor)
    try:
        assert started.wait(10)
        open_screen(qtbot, window, SIGNALS_SCREEN)
        screen = window.screens[SIGNALS_SCREEN]
        assert isinstance(screen, SignalsScreen)

        qtbot.waitUntil(lambda: [row.id for row in screen.model.rows] == [signal_id])
        assert not release.is_set()  # the maintenance is still running
        assert context.background.busy()
    finally:
        release.set()
        context.background.wait()
    qtbot.waitUntil(lambda: not context.background.busy())
