"""UI fixtures: an AppContext on a real, migrated SQLite file and a main window on it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gebiedsapp.paths import AppPaths
from gebiedsapp.startup import OpenedDatabase
from gebiedsapp.ui.context import AppContext, ChangeHub


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_gui_thread() -> Iterator[None]:
    """As the app does (ui.gc_guard): no automatic collection, which could run on the
    background worker and destroy a Qt object of an earlier test there. And as its start
    does (ui.none_guard): None outlives the references PySide6 loses."""
    from gebiedsapp.ui.none_guard import keep_none_alive

    keep_none_alive()
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def context(opened: OpenedDatabase, app_paths: AppPaths) -> Iterator[AppContext]:
    ctx = AppContext(database=opened.database, actor="test", paths=app_paths, hub=ChangeHub())
    yield ctx
    assert ctx.background.wait(), "background work still running after the test"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, context: AppContext, settings: QSettings):  # type: ignore[no-untyped-def]
    from gebiedsapp.ui.main_window import MainWindow

    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
