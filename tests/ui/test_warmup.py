"""Issue 19: after the window's first paint, while the user does nothing, the main screens'
modules are imported (ui.warmup) so that a screen's first open does not pay for them; a click
meanwhile is answered at once; the start-up objects are then frozen out of later garbage
collections. A real process each, started as a user starts the app: imports cannot be undone
inside pytest's own."""

from __future__ import annotations

import compileall
import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from gebiedsapp.paths import DATA_DIR_ENV
from gebiedsapp.services.passphrases import PASSPHRASE_ENV
from gebiedsapp.ui.warmup import SCREEN_MODULES
from gebiedsapp.ui.warmup_order import ORDER
from support.dbfile import TEST_PASSPHRASE

TESTS = Path(__file__).resolve().parents[1]
SRC = TESTS.parent / "src"
PACKAGING = TESTS.parent / "packaging"

# When the main window shows it prints which screens' modules are loaded; then, with `idle`,
# waits until the event loop has been idle long enough for the warm-up to end and prints them
# again and the number of frozen objects; with `click`, clicks the toolbar's Signalen button
# once the warm-up has begun, and prints what is shown right after the click.
CHILD = textwrap.dedent(
    """
    import gc, os, sys, time
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar

    MAIN = sys.argv[2].split(",")
    RARE = ("gebiedsapp.ui.first_run", "gebiedsapp.ui.team_overview",
            "gebiedsapp.ui.survey.import_dialog", "gebiedsapp.services.demo")
    mode = sys.argv[1]

    def loaded(names):
        return ",".join(m for m in names if m in sys.modules)

    def idle(window):
        if window.warmup.done:
            print("idle", loaded(MAIN), "|", loaded(RARE), "| frozen", gc.get_freeze_count() > 0,
                  flush=True)
            os._exit(0)
        QTimer.singleShot(50, lambda: idle(window))

    def click(window):
        if not window.warmup.steps:  # not begun yet
            QTimer.singleShot(5, lambda: click(window))
            return
        toolbar = window.findChild(QToolBar, "screensToolbar")
        button = toolbar.widgetForAction(window.screen_actions["signals"])
        busy = not window.warmup.done
        before = time.monotonic()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        shown = type(window.stack.currentWidget()).__name__
        print("click", busy, shown, window.warmup.last_input >= before, flush=True)
        os._exit(0)

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
                print("window", loaded(MAIN), flush=True)
                QTimer.singleShot(0, lambda: (idle if mode == "idle" else click)(watched))
            return False

    app = QApplication(sys.argv[:1])
    watch = Watch()
    app.installEventFilter(watch)
    from gebiedsapp.__main__ import main
    print("exit", main(sys.argv[3:]), flush=True)
    """
)


def _start(db_url: str, tmp_path: Path, mode: str) -> list[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GEBIEDSAPP_USER": "anna",
        DATA_DIR_ENV: str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        PASSPHRASE_ENV: TEST_PASSPHRASE,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
    }
    database = db_url.removeprefix("sqlite:///")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, ",".join(SCREEN_MODULES), "--database", database],
        capture_output=True,
        text=True,
        env=environment,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


def test_once_the_window_idles_the_main_screens_are_imported_and_start_up_frozen(
    db_url: str, tmp_path: Path
) -> None:
    """None of the main screens is imported at the first paint (the area page shows); once
    the user has left the window alone they all are, the rarely used wizard and Wie werkt
    waar still not, and the start-up objects are out of the garbage collector's way."""
    lines = _start(db_url, tmp_path, "idle")
    assert lines[0] == "window "
    assert lines[1] == f"idle {','.join(SCREEN_MODULES)} |  | frozen True"


def test_a_click_during_the_warm_up_opens_the_screen_at_once_and_pauses_it(
    db_url: str, tmp_path: Path
) -> None:
    """The user clicks Signalen while the warm-up is busy: the screen shows on that click,
    and the warm-up notes it (its next step waits until the user is idle again)."""
    lines = _start(db_url, tmp_path, "click")
    assert lines[1] == "click True SignalsScreen True"


def test_the_recorded_import_order_is_up_to_date_with_the_sources() -> None:
    """ui.warmup_order is what packaging/warmup_order.py reads from the sources now: run that
    script after changing what a screen imports."""
    spec = importlib.util.spec_from_file_location("warmup_order", PACKAGING / "warmup_order.py")
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.render() == (SRC / "gebiedsapp" / "ui" / "warmup_order.py").read_text(
        encoding="utf-8"
    )


# As an installed (PyInstaller) build runs it: the app's modules as bytecode only, no .py
WITHOUT_SOURCES = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from gebiedsapp.ui.warmup import SCREEN_MODULES, Warmup

    def finished():
        steps = [name for name, _ms in warmup.steps if name != "finished"]
        print(len(steps), all(m in sys.modules for m in SCREEN_MODULES), flush=True)
        print("\\n".join(steps), flush=True)
        os._exit(0)

    warmup = Warmup(app, finished=finished)
    warmup.start(0)
    app.exec()
    """
)


def test_an_installed_build_warms_up_module_by_module_too(tmp_path: Path) -> None:
    """Where there are no sources to read the order from (an installed build), the warm-up
    still imports one module per step, each after its own imports, not a whole screen
    package per step (200-500 ms of the GUI thread each)."""
    package = tmp_path / "gebiedsapp"
    shutil.copytree(SRC / "gebiedsapp", package, ignore=shutil.ignore_patterns("__pycache__"))
    assert compileall.compile_dir(package, quiet=1, legacy=True)
    for source in package.rglob("*.py"):
        source.unlink()
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(tmp_path),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_SOURCES],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    header, *steps = done.stdout.splitlines()
    count, imported = header.split()
    assert imported == "True"
    assert int(count) == len(steps) > 5 * len(SCREEN_MODULES)  # module by module
    order = [f"import {name}" for name in ORDER]
    assert steps == [step for step in order if step in steps]  # in the recorded order
    # what a screen's package imports from elsewhere comes first, in steps of its own
    assert steps.index("import gebiedsapp.services.koffiekar") < steps.index(
        "import gebiedsapp.ui.koffiekar"
    )
