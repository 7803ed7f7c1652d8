"""While the koffiekar screen's area is read on the worker, the screen still shows the area
before it. A key typed into the screen in that moment (the user clicked a village, then at
once the summary field) would go into the previous area's round, and the read coming in would
then put that text away as a draft. The watch sees such a key first and lets the screen show
the new area at once (`_settle`), so the key lands in it. Only keys: a click (on "Nieuwe
ronde", say) must reach the button where it was pressed, and the screen's shortcuts (Ctrl+N)
settle themselves where they need the new area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget


class InputWatch(QObject):
    """Watches the application's input only while `waiting()`; `settle` once it comes."""

    def __init__(self, screen: QWidget, *, waiting: Callable[[], bool], settle: Callable[[], None]):
        super().__init__(screen)
        self.screen, self.waiting, self.settle = screen, waiting, settle
        self._on = False

    def watch(self) -> None:
        app = QCoreApplication.instance()
        if not self._on and app is not None:
            app.installEventFilter(self)
            self._on = True

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if self._on and app is not None:
            app.removeEventFilter(self)
        self._on = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not self.waiting():
            self.stop()  # the read is in (or was dropped): nothing to watch for
            return False
        if isinstance(watched, QWidget) and self.screen.isAncestorOf(watched):
            self.stop()
            self.settle()
        return False  # the key or click itself goes on, into what is shown now
