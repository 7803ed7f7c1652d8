"""Bestand → Reservekopie terugzetten… replaces the database file: no worker may still be
reading it. Samenvatting's lists read their pages on a worker apart from the screens' reads
worker (issue 19); the restore waited for that one and for maintenance, not for the lists'."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from signal_steps import open_screen
from sqlalchemy import text
from test_main_window import menu_action

from gebiedsapp.services import backups
from gebiedsapp.services.summary_lists import OPEN_SIGNALS
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SUMMARY, MainWindow
from gebiedsapp.ui.restore import RestoreDialog
from gebiedsapp.ui.summary import lists as lists_module

SLOW_READ_S = 1.0  # how long the held list read goes on unless the test lets it go


def test_a_restore_waits_until_samenvatting_s_lists_stop_reading(
    qtbot: Any, window: MainWindow, context: AppContext, monkeypatch: Any
) -> None:
    backups.make_backup(context.database, context.backup_dir())
    started, reading = threading.Event(), threading.Event()
    real = lists_module.load_list

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        """The open signals' order read on ten times the data: a read session held open."""
        if kwargs["name"] != OPEN_SIGNALS:
            return real(*args, **kwargs)
        reading.set()
        started.set()
        try:
            with context.read() as session:
                session.execute(text("SELECT count(*) FROM signal")).scalar()
                threading.Event().wait(SLOW_READ_S)  # still reading
            return real(*args, **kwargs)
        finally:
            reading.clear()

    monkeypatch.setattr(lists_module, "load_list", slow_read)
    open_screen(qtbot, window, SUMMARY)
    qtbot.waitUntil(started.is_set, timeout=10_000)

    replaced_while_reading: list[bool] = []
    real_restore = backups.restore_backup

    def restore(*args: Any, **kwargs: Any) -> Any:
        replaced_while_reading.append(reading.is_set())
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(backups, "restore_backup", restore)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog.confirm = lambda _question: True  # "Ja" to "De reservekopie … terugzetten?"
        dialog.tell = lambda _title, _text: None
        dialog.restore_button.click()

    QTimer.singleShot(0, answer)
    menu_action(window, "Bestand", "Reservekopie terugzetten…").trigger()
    assert replaced_while_reading == [False]  # the list's read was over before the file went
