"""Issue 19: what a start does not need before its first paint follows it (ui.first_paint):
the status bar's sync status read, the warm-up of the screens' modules, the integrity check
and the start's maintenance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from gebiedsapp.paths import AppPaths
from gebiedsapp.services import sync
from gebiedsapp.startup import open_database
from gebiedsapp.ui.app import show_window
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.first_paint import AfterFirstPaint
from gebiedsapp.ui.main_window import MainWindow
from support.dbfile import TEST_KEY

ADDRESS = "postgresql://127.0.0.1:9/gebiedsapp"


def test_it_runs_once_after_the_first_paint(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    AfterFirstPaint(widget, lambda: calls.append(1), at_most_ms=60_000)
    QApplication.processEvents()
    assert calls == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    widget.update()
    widget.repaint()
    QApplication.processEvents()
    assert calls == [1]  # once


def test_a_window_never_painted_still_gets_it(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    AfterFirstPaint(widget, lambda: calls.append(1), at_most_ms=20)
    qtbot.waitUntil(lambda: calls == [1])


def test_the_sync_status_is_read_after_the_windows_first_paint(
    qtbot: Any, context: AppContext, settings: QSettings
) -> None:
    """A team server is set: the status bar says so once the window has painted; a window
    built but not yet shown has not read it (its worker read the area page only)."""
    with context.database.unit_of_work("test") as session:
        sync.save_server(session, ADDRESS)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not context.background.busy())
    QApplication.processEvents()
    assert window.sync.snapshot is None
    assert window.sync.status_label.text() == ""
    window.show()
    qtbot.waitUntil(lambda: window.sync.snapshot is not None)
    assert window.sync.snapshot.address == ADDRESS
    qtbot.waitUntil(window.sync.status_label.isVisible)
    assert window.warmup is not None
    assert window.warmup.watching  # begun after the paint


def test_the_integrity_check_and_the_maintenance_follow_the_first_paint(
    qtbot: Any, db_url: str, app_paths: AppPaths, tmp_path: Path
) -> None:
    """As a user's start shows the window: the integrity check (half a second of a core on
    `large`) and the start's maintenance (audit entry, retention, start backup) have not
    begun when the window is shown, only once it has painted; then they run, and the
    maintenance's first write passes the check."""
    opened = open_database(db_url, app_paths, actor="test", key=TEST_KEY, check_beside=True)
    database = opened.database
    gate = database.gate
    assert gate is not None
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = show_window(opened, app_paths, actor="test", settings=settings)
    qtbot.addWidget(window)
    try:
        assert not gate.started
        assert window.context.background.maintenance.activeThreadCount() == 0
        qtbot.waitUntil(lambda: gate.started)
        qtbot.waitUntil(lambda: database.gate is None, timeout=20_000)  # written: checked
        qtbot.waitUntil(lambda: not window.context.background.busy(), timeout=20_000)
    finally:
        window.context.background.wait()
        window.close()
        database.dispose()
