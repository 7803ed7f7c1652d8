"""Start-up maintenance (integrity check, retention, the start backup, which may copy a 600 MB
file) runs on a worker of its own: a screen opened at launch does not wait behind it
(issue 19)."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread
from signal_steps import make_signal, open_screen

from gebiedsapp.paths import AppPaths
from gebiedsapp.ui import app
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS as SIGNALS_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.signals import SignalsScreen
from support.dbfile import TEST_KEY

LINUX = sys.platform.startswith("linux")


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


def _own_priority() -> tuple[int, QThread.Priority]:
    """The calling thread's nice value (Linux) and Qt priority."""
    nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) if LINUX else 0
    return nice, QThread.currentThread().priority()


def test_maintenance_runs_below_the_screens_reads(
    qtbot: Any, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start's retention and backup compete for the CPU with the first screen's reads
    (two cores, a 600 MB copy): their thread runs at a lower priority than the reads'."""
    seen: dict[str, tuple[int, QThread.Priority]] = {}

    def maintenance_that_looks(*_args: object) -> str:
        seen["maintenance"] = _own_priority()
        return "klaar"

    monkeypatch.setattr(app, "start_maintenance", maintenance_that_looks)
    app.begin_maintenance(window, context.database, context.paths, context.actor)
    context.background.submit(
        "look",
        _own_priority,
        owner=window,
        on_done=lambda found: seen.__setitem__("reads", found),
        on_error=lambda error: None,
    )
    qtbot.waitUntil(lambda: len(seen) == 2)
    maintenance_nice, maintenance_qt = seen["maintenance"]
    reads_nice, reads_qt = seen["reads"]
    assert maintenance_qt == QThread.Priority.LowPriority
    assert reads_qt != QThread.Priority.LowPriority
    if LINUX:  # where Qt's priority is not applied, the thread's nice value is
        assert maintenance_nice > reads_nice


@pytest.mark.skipif(not LINUX, reason="a thread's own nice value is Linux's")
def test_the_start_integrity_check_runs_below_the_screens_reads(
    qtbot: Any, db_url: str, app_paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The integrity check beside the window (a core for half a second on `large`, seconds on
    ten times that) took the CPU from the first screen's reads: its thread runs lower."""
    from PySide6.QtCore import QSettings

    from gebiedsapp import startup

    seen: dict[str, tuple[int, QThread.Priority]] = {}
    check = startup.check_integrity

    def check_that_looks(*args: Any) -> None:
        seen["check"] = _own_priority()
        check(*args)

    monkeypatch.setattr(startup, "check_integrity", check_that_looks)
    opened = startup.open_database(db_url, app_paths, actor="test", key=TEST_KEY, check_beside=True)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = app.show_window(opened, app_paths, actor="test", settings=settings)
    qtbot.addWidget(window)
    try:
        window.context.background.submit(
            "look",
            _own_priority,
            owner=window,
            on_done=lambda found: seen.__setitem__("reads", found),
            on_error=lambda error: None,
        )
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=20_000)
        qtbot.waitUntil(lambda: opened.database.gate is None, timeout=20_000)  # checked
        assert seen["check"][0] > seen["reads"][0]
    finally:
        window.context.background.wait()
        window.close()
        opened.database.dispose()


def test_a_restore_while_the_start_backup_still_copies_says_so_and_replaces_nothing(
    qtbot: Any, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start backup runs below the reads, so on a busy laptop longer: a restore that
    waited in vain for it went on and replaced the file it was copying."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from test_main_window import menu_action

    from gebiedsapp.services import backups
    from gebiedsapp.ui import restore as restore_module

    backups.make_backup(context.database, context.backup_dir())
    started, release = threading.Event(), threading.Event()

    def maintenance_that_waits(*_args: object) -> str:
        started.set()
        release.wait(30)
        return "klaar"

    monkeypatch.setattr(app, "start_maintenance", maintenance_that_waits)
    monkeypatch.setattr(restore_module, "WAIT_MS", 200)  # instead of half a minute
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *_a: said.append(text))
    )
    replaced: list[bool] = []
    monkeypatch.setattr(backups, "restore_backup", lambda *_a, **_k: replaced.append(True))

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, restore_module.RestoreDialog)
        dialog.confirm = lambda _question: True  # "Ja" to "De reservekopie … terugzetten?"
        dialog.tell = lambda _title, _text: None
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        if not dialog.restored:
            dialog.reject()

    app.begin_maintenance(window, context.database, context.paths, context.actor)
    try:
        assert started.wait(10)
        QTimer.singleShot(0, answer)
        menu_action(window, "Bestand", "Reservekopie terugzetten…").trigger()
    finally:
        release.set()
        context.background.wait()
    assert replaced == []
    assert any("nog bezig met een reservekopie" in text for text in said), said
