"""Issue 19: after the window's first paint, while the user does nothing, the main screens'
modules are imported (ui.warmup) so that a screen's first open does not pay for them; a click
meanwhile is answered at once; the start-up objects are then frozen out of later garbage
collections. A real process each, started as a user starts the app: imports cannot be undone
inside pytest's own."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from gebiedsapp.paths import DATA_DIR_ENV
from gebiedsapp.services.passphrases import PASSPHRASE_ENV
from gebiedsapp.ui.warmup import SCREEN_MODULES
from support.dbfile import TEST_PASSPHRASE

TESTS = Path(__file__).resolve().parents[1]
SRC = TESTS.parent / "src"

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
