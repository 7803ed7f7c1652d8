"""Work a window's start does not need before its first paint: run it right after.

A start is judged by its first painted window (issue 19: the bench times it). What only
follows it (the sync status read, the warm-up of the screens' modules, the integrity check)
would otherwise run on the worker or the GUI thread while Qt lays out and paints, on a
two-core laptop taking the CPU from that paint. A window that is never painted (started
minimised) still gets it, after `at_most_ms`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AT_MOST_MS = 2000  # a window not painted by then (minimised): go on anyway


class AfterFirstPaint(QObject):
    """Calls `then` once, in the event-loop turn after `widget`'s first paint."""

    def __init__(
        self, widget: QWidget, then: Callable[[], None], *, at_most_ms: int = AT_MOST_MS
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(at_most_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._run)  # after this paint, not inside it
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.then()
