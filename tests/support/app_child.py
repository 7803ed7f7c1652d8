"""The real app in a child process, driven as a user drives it (tests/ui/test_app_process.py).

    python app_child.py MODE -- GEBIEDSAPP-ARGUMENTS...

Starts `gebiedsapp` through its real entry point (argument parsing, the lock, the passphrase
from GEBIEDSAPP_PASSPHRASE, 'Herstel je werk?', the start's maintenance) and clicks and types
into it from a timer, printing a line after each step the parent waits for:

  type     Ctrl+L, 'Beerta', Enter; Ctrl+2; 'Nieuwe ronde'; types a conversation; prints
           "DRAFT <id>" once the draft is saved, then keeps the window open (to be killed).
  discard  answers 'Herstel je werk?' with Weggooien… and Ja for every draft offered
           ("OFFERED <n>", "DISCARDED"), then closes the window; exits with run_gui's code.

A line goes to stdout only after its step happened; anything unexpected goes to stderr.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from gebiedsapp.__main__ import main
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.recovery import RecoveryDialog

TICK_MS = 50
CONVERSATION = "Zorgen om de bushalte bij de kerk"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def later(action: object) -> None:
    """Run `action` from the event loop: a click that opens a modal dialog blocks until the
    dialog closes, and the driver's timer must keep ticking meanwhile."""
    QTimer.singleShot(0, action)  # type: ignore[call-overload]


class Driver:
    def __init__(self, app: QApplication, mode: str) -> None:
        self.app = app
        self.mode = mode
        self.step = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)

    def window(self) -> MainWindow | None:
        shown = [
            w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        return shown[0] if shown else None

    def tick(self) -> None:
        if self.mode == "type":
            self.type_a_conversation()
        else:
            self.discard_every_draft()

    def type_a_conversation(self) -> None:
        window = self.window()
        if window is None or self.app.activeModalWidget() is not None:
            return
        if self.app.activeWindow() is not window:
            window.activateWindow()
            return
        if self.step == 0:
            QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            focused = self.app.focusWidget()
            assert focused is not None
            QTest.keyClicks(focused, "Beerta")
            QTest.keyClick(focused, Qt.Key.Key_Return)
            QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
            self.step = 1
        elif self.step == 1:
            screen = window.screens.get("koffiekar")
            if screen is None:
                return
            QTest.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
            self.step = 2
        elif self.step == 2:
            form = window.screens["koffiekar"].form  # type: ignore[attr-defined]
            if not form.isEnabled():
                return
            form.autosaver.saved.connect(self.draft_saved)
            QTest.keyClicks(form.summary, CONVERSATION)
            self.step = 3

    def draft_saved(self, draft_id: object) -> None:
        if self.step == 3:
            self.step = 4
            say(f"DRAFT {draft_id}")

    def discard_every_draft(self) -> None:
        modal: QWidget | None = self.app.activeModalWidget()
        if isinstance(modal, RecoveryDialog):
            if self.step == 2:
                self.step = 1  # answered; more drafts to go
            if self.step == 0:
                say(f"OFFERED {len(modal.drafts)}")
                self.step = 1
            discard = [b for b in modal.findChildren(QPushButton) if b.objectName() == "discard"]
            visible = [b for b in discard if b.isVisibleTo(modal)]
            if visible and self.step == 1:
                self.step = 2  # until the question is answered
                button = visible[0]
                later(lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton))
        elif isinstance(modal, QMessageBox) and self.step == 2:
            if modal.isVisible():  # shown and laid out: the click lands on the button
                QTest.mouseClick(
                    modal.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
                )
        elif self.step == 2 and not isinstance(modal, QMessageBox):
            self.step = 1  # answered
        elif modal is None and self.step == 1:
            window = self.window()
            if window is None or window.findChildren(RecoveryDialog):
                return  # not yet gone: deleted once the start's offer returned
            say("DISCARDED")
            self.step = 3
            window.close()  # the title bar's close button (offscreen has no Ctrl+Q)


if __name__ == "__main__":
    mode, separator, *arguments = sys.argv[1:]
    if mode not in ("type", "discard") or separator != "--":
        raise SystemExit(f"usage: app_child.py type|discard -- ARGUMENTS ({sys.argv})")
    application = QApplication(sys.argv[:1])
    driver = Driver(application, mode)
    sys.exit(main(arguments))
