"""An error nobody caught (issue 13, item 7): it vanished without a trace. Now the window's
start installs a handler: the error and the app's version go to the log file, the user reads
in Dutch what is safe, one message at a time, and the app goes on.

Both tests start the real window (`gebiedsapp` through its entry point) in this process and
drive it from a timer while its event loop runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from gebiedsapp import __main__ as entry
from gebiedsapp import __version__
from gebiedsapp.services.encryption import PASSPHRASE_ENV
from gebiedsapp.ui import app as app_module
from gebiedsapp.ui.crash import ExceptionReporter
from gebiedsapp.ui.main_window import CONTACTS, KOFFIEKAR, SIGNALS, MainWindow
from gebiedsapp.ui.none_guard import HEADROOM
from support import dbfile
from support.dbfile import TEST_PASSPHRASE

Step = tuple[str, Callable[[], bool]]  # what it does; True when done (else tried again)
LIMIT_MS = 60_000


class Script:
    """Runs steps from a timer inside the app's own event loop; records instead of raising
    (an exception here would land in the very handler under test)."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps
        self.done: list[str] = []
        self.failure = ""
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(20)
        QTimer.singleShot(LIMIT_MS, self.give_up)

    @staticmethod
    def window() -> MainWindow | None:
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        return shown[0] if shown else None

    def tick(self) -> None:
        if not self.steps:
            return
        name, step = self.steps[0]
        try:
            finished = step()
        except Exception as exc:  # reported by the test after the run
            self.failure = f"{name}: {exc!r}"
            finished = True
            self.steps.clear()
            self.close()
        if finished and self.steps:
            self.done.append(name)
            self.steps.pop(0)

    def give_up(self) -> None:
        if self.steps:
            self.failure = f"stuck at '{self.steps[0][0]}' after {self.done}"
            self.steps.clear()
            self.close()

    def close(self) -> None:
        window = self.window()
        if window is not None:
            window.close()
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                box.done(0)


@pytest.fixture
def start(qapp, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`gebiedsapp ARGUMENTS --database <test db>`, with settings in the test's folder (and
    pytest-qt's QApplication, which the start uses as its own)."""
    monkeypatch.setenv(PASSPHRASE_ENV, TEST_PASSPHRASE)
    monkeypatch.setenv("GEBIEDSAPP_USER", "anna")
    ini = tmp_path / "settings.ini"
    monkeypatch.setattr(
        app_module, "QSettings", lambda *_a: QSettings(str(ini), QSettings.Format.IniFormat)
    )
    database = db_url.removeprefix("sqlite:///")
    data = tmp_path / "data"

    def run(*arguments: str) -> int:
        return entry.main([*arguments, "--database", database, "--data-dir", str(data)])

    return run


def log_of(tmp_path: Path) -> str:
    return (tmp_path / "data" / "logs" / "gebiedsapp.log").read_text(encoding="utf-8")


def test_the_start_installs_the_handlers_and_v_details_the_log(start, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = sys.excepthook
    during: list[object] = []

    def look() -> bool:
        window = Script.window()
        if window is None:
            return False
        during.append(sys.excepthook)
        during.append(sys.getrefcount(None))
        window.close()
        return True

    script = Script([("look", look)])
    assert start("-v") == 0
    assert not script.failure, script.failure
    hook = during[0]
    assert isinstance(getattr(hook, "__self__", None), ExceptionReporter)
    assert sys.excepthook is before  # put back when the window closed
    if sys.version_info < (3, 12):  # PySide6's lost references to None (ui/none_guard.py)
        assert int(during[1]) > HEADROOM
    log = log_of(tmp_path)
    assert f"Gebiedsapp {__version__} starts" in log
    assert " DEBUG " in log  # -v: the window's log is detailed too


def test_an_error_in_a_slot_is_logged_and_explained_once(  # type: ignore[no-untyped-def]
    start, tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gebiedsapp.ui.contacts import ContactsScreen

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kapot scherm")

    monkeypatch.setattr(ContactsScreen, "__init__", broken)
    seen: dict[str, object] = {}

    def window() -> MainWindow:
        found = Script.window()
        assert found is not None
        return found

    def ready() -> bool:
        found = Script.window()
        return found is not None and QApplication.activeModalWidget() is None

    def to_koffiekar_in_beerta() -> bool:
        main = window()
        QTest.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(main.navigator.filter, "Beerta")
        QTest.keyClick(main.navigator.filter, Qt.Key.Key_Return)
        QTest.keyClick(main, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        screen = main.screens[KOFFIEKAR]
        QTest.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        return True

    def type_then_open_contacts() -> bool:
        form = window().screens[KOFFIEKAR].form  # type: ignore[attr-defined]
        if not form.isEnabled():
            return False
        QTest.keyClicks(form.summary, "Bankje bij de brink is kapot")
        seen["draft pending"] = form.autosaver.timer.isActive()  # not saved yet by itself
        QTest.keyClick(window(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # fails
        return True

    def message_shown() -> bool:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "uncaughtError":
            return False
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["log"] = log_of(tmp_path)
        connection = dbfile.connect(Path(db_url.removeprefix("sqlite:///")), read_only=True)
        try:
            seen["drafts"] = [row[0] for row in connection.execute("SELECT payload FROM draft")]
        finally:
            connection.close()
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return True

    def same_fault_again() -> bool:
        if QApplication.activeModalWidget() is not None:
            return False
        if QApplication.activeWindow() is not window():  # the message gave the focus back
            window().activateWindow()
            return False
        seen["contacts unchecked"] = not window().screen_actions[CONTACTS].isChecked()
        QTest.keyClick(window(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        return True

    def no_second_message_and_the_app_goes_on() -> bool:
        seen["second box"] = QApplication.activeModalWidget() is not None
        seen["log again"] = log_of(tmp_path)
        main = window()
        QTest.keyClick(main, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        seen["signals shown"] = main.stack.currentWidget() is main.screens.get(SIGNALS)
        seen["no contacts"] = CONTACTS not in main.screens
        main.close()
        return True

    script = Script(
        [
            ("ready", ready),
            ("koffiekar", to_koffiekar_in_beerta),
            ("type, then Ctrl+3", type_then_open_contacts),
            ("message", message_shown),
            ("Ctrl+3 again", same_fault_again),
            ("goes on", no_second_message_and_the_app_goes_on),
        ]
    )
    assert start() == 0
    assert not script.failure, script.failure

    assert seen["title"] == "Er ging iets mis"
    text = str(seen["text"])
    assert "Wat je al had opgeslagen, is veilig" in text
    assert "als concept bewaard" in text
    assert str(tmp_path / "data" / "logs" / "gebiedsapp.log") in text
    log = str(seen["log"])
    assert f"uncaught exception (Gebiedsapp {__version__})" in log
    assert "RuntimeError: kapot scherm" in log  # with its traceback
    assert seen["draft pending"] is True
    assert any("Bankje bij de brink is kapot" in str(p) for p in seen["drafts"])  # type: ignore[attr-defined]

    assert seen["second box"] is False  # the same fault is shown once
    assert str(seen["log again"]).count("uncaught exception") == 2  # and logged each time
    assert seen["signals shown"] is True
    assert seen["no contacts"] is True
    assert seen["contacts unchecked"] is True  # the toolbar does not claim a screen it lacks
