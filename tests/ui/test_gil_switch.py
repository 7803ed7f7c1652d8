"""Issue 19: the window's GUI thread gets the GIL back within half a millisecond while a worker
runs Python (a list's rows built on the worker made every Python call of a paint wait up to
Python's default 5 ms: Lijsten shown while its list was read held the window 216 ms, of
which its own work was 45 ms)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from gebiedsapp.storage.migrate import SCHEMA_HEAD, UpgradeResult
from gebiedsapp.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def default_switch() -> Iterator[None]:
    """Python's own interval before the window (another test may have started one)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("default_switch")
def test_a_started_window_takes_the_gil_back_within_half_a_millisecond(
    qtbot: QtBot, context: AppContext
) -> None:
    from gebiedsapp.startup import OpenedDatabase
    from gebiedsapp.ui.app import create_main_window

    opened = OpenedDatabase(context.database, UpgradeResult(SCHEMA_HEAD, SCHEMA_HEAD, None))
    settings = QSettings(str(context.paths.data_dir / "s.ini"), QSettings.Format.IniFormat)
    window = create_main_window(opened, context.paths, actor="anna", settings=settings)
    qtbot.addWidget(window)
    assert sys.getswitchinterval() <= 0.0005
    window.context.background.wait()
