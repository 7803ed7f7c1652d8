"""Issue 19: what a start does not need before its first paint follows it (ui.first_paint):
the status bar's sync status read, the warm-up of the screens' modules, the integrity check
and the start's maintenance."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from gebiedsapp.paths import DATA_DIR_ENV, AppPaths
from gebiedsapp.services import sync
from gebiedsapp.services.passphrases import PASSPHRASE_ENV
from gebiedsapp.startup import open_database
from gebiedsapp.ui.app import show_window
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.first_paint import AfterFirstPaint
from gebiedsapp.ui.main_window import MainWindow
from support.dbfile import TEST_KEY, TEST_PASSPHRASE

TESTS = Path(__file__).resolve().parents[1]
SRC = TESTS.parent / "src"

ADDRESS = "postgresql://127.0.0.1:9/gebiedsapp"


def test_it_runs_once_after_the_first_paint(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    AfterFirstPaint(widget, at_most_ms=60_000).add(lambda: calls.append(1))
    QApplication.processEvents()
    assert calls == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    widget.update()
    widget.repaint()
    QApplication.processEvents()
    assert calls == [1]  # once


def test_a_window_shown_but_not_painted_still_gets_it(qtbot: Any) -> None:
    """Shown, but Qt does not paint it (as a minimised window): after `at_most_ms`."""
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    after = AfterFirstPaint(widget, at_most_ms=50)
    after.add(lambda: calls.append(1))
    widget.setUpdatesEnabled(False)  # no paint events at all
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    after.add(lambda: calls.append(2))  # once done: at once (in the next turn)
    qtbot.waitUntil(lambda: calls == [1, 2])


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


def test_a_start_that_migrated_freezes_none_of_the_migrations_garbage(
    qtbot: Any, db_url: str, app_paths: AppPaths, tmp_path: Path
) -> None:
    """The start freezes what it made before the first paint: after a first start or an
    upgrade that included the migrations' reference cycles (~19k objects, ~3 MB), kept for
    the app's life (review). Garbage like theirs is left before the window is shown here."""
    import dataclasses
    import gc

    from gebiedsapp.storage.migrate import UpgradeResult

    opened = open_database(db_url, app_paths, actor="test", key=TEST_KEY)
    head = opened.upgrade.to_revision
    first_start = dataclasses.replace(opened, upgrade=UpgradeResult(None, head, None))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    was_enabled = gc.isenabled()
    gc.disable()  # as the app runs: its own guard collects, not the interpreter
    window = None
    try:
        gc.unfreeze()  # what an earlier start in this process froze and has let go since
        gc.collect()
        for _ in range(5_000):  # what a migration leaves: cycles nobody refers to
            cycle: list[object] = []
            cycle.append(cycle)
        del cycle
        window = show_window(first_start, app_paths, actor="test", settings=settings)
        qtbot.addWidget(window)
        gc.unfreeze()
        assert gc.collect() < 5_000  # the cycles went before the freeze, not into it
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        if window is not None:
            window.context.background.wait()
            window.close()
        opened.database.dispose()


def _environment(tmp_path: Path) -> dict[str, str]:
    """A user's start: offscreen, the passphrase given, nothing of the user's own."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GEBIEDSAPP_USER": "anna",
        DATA_DIR_ENV: str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        PASSPHRASE_ENV: TEST_PASSPHRASE,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
    }


# Started as a user starts it; at the main window's first paint it prints whether SQLAlchemy's
# mappers are configured yet, whether the integrity check has begun, whether the area page's
# figures (services.overview and what it brings) and the models it does not read (the
# signals') are imported, and whether the start's objects are frozen out of collections.
AT_PAINT = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                models = "gebiedsapp.domain.signals" in sys.modules  # (read before Area's)
                from sqlalchemy import inspect
                from gebiedsapp.domain import Area
                gate = watched.context.database.gate
                figures = "gebiedsapp.services.overview" in sys.modules
                import gc
                print("paint", inspect(Area).configured, gate is not None and gate.started,
                      figures, models, gc.get_freeze_count() > 0, flush=True)
                os._exit(0)
            return False

    app = QApplication(sys.argv[:1])
    watch = Watch()
    app.installEventFilter(watch)
    from gebiedsapp.__main__ import main
    print("exit", main(sys.argv[1:]), flush=True)
    """
)


def test_the_first_paint_needs_no_mapper_configuration_nor_the_integrity_check(
    db_url: str, tmp_path: Path
) -> None:
    """A start paints its window before SQLAlchemy configures its mappers (the reference
    data check and the area tree read the tables; the area page reads once painted) and
    before the integrity check begins: both take the GIL or a core from that paint. Nor
    does it import the area page's figures (the overview, survey and report repositories:
    ~50 ms), which it reads only once painted, nor declare the models it does not read (the
    signals', the conversations'...: ~0.1 s). What the start made is frozen out of the GUI
    thread's garbage collections before it paints: the first of them walked it all, 50-80 ms
    at that paint on ten times the data (issue 19)."""
    done = subprocess.run(
        [sys.executable, "-c", AT_PAINT, "--database", db_url.removeprefix("sqlite:///")],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == ["paint False False False False True"]


# Started as a user starts it: after the first paint, how many of the first area header's
# modules (ui.warmup_order.AREA_HEADER) the GUI thread imports in each turn of the event loop
# (a 0 ms timer ticks once per turn; the start's own before its event loop left out), until
# the area page shows its area.
HEADER_IMPORTS = textwrap.dedent(
    """
    import os, sys, threading
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from gebiedsapp.ui.warmup_order import AREA_HEADER

    wanted, gui = set(AREA_HEADER), threading.get_ident()
    turn, per_turn = [0], {}

    class Watch:
        def find_spec(self, name, path=None, target=None):
            started = turn[0] and threading.get_ident() == gui
            if started and name in wanted and name not in sys.modules:
                per_turn.setdefault(turn[0], []).append(name)
            return None

    def tick():
        turn[0] += 1
        window = next((w for w in app.topLevelWidgets() if hasattr(w, "area_page")), None)
        if window is not None and window.area_page.header is not None:
            most = max(map(len, per_turn.values()), default=0)
            print(most, "gebiedsapp.ui.recovery" in sys.modules, per_turn, flush=True)
            os._exit(0)

    sys.meta_path.insert(0, Watch())
    app = QApplication(sys.argv[:1])
    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(0)
    from gebiedsapp.__main__ import main
    print("exit", main(sys.argv[1:]), flush=True)
    """
)


def test_the_first_area_header_imports_its_modules_one_per_turn(
    db_url: str, tmp_path: Path
) -> None:
    """Its modules (the overview, the population, the report repositories: 70-150 ms on a
    loaded laptop) came in one turn of the GUI thread right after the first paint, the
    longest block of a start (issue 19); now one per turn, input and paints between. Nor does
    the start's look for drafts to recover import the dialog's modules (the koffiekar
    service's) when there are none."""
    done = subprocess.run(
        [sys.executable, "-c", HEADER_IMPORTS, "--database", db_url.removeprefix("sqlite:///")],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    most, recovery = done.stdout.split()[:2]
    assert int(most) <= 2, done.stdout
    assert recovery == "False"  # no drafts to offer: not the dialog's modules either
