"""Work a window's start does not need before its first paint: run it right after.

A start is judged by its first painted window (issue 19: the bench times it). What only
follows it (the area page's reads, the sync status, the warm-up of the screens' modules, the
integrity check, the start's maintenance) would otherwise run on a worker or the GUI thread
while Qt lays out and paints, taking the GIL, or on a two-core laptop a core, from that paint.
A window that is not painted (started minimised) still gets it, `at_most_ms` after it shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AT_MOST_MS = 2000  # a window shown but not painted by then (minimised): go on anyway


class AfterFirstPaint(QObject):
    """Runs what it is given (`add`) once `widget` has painted for the first time, each in an
    event-loop turn of its own, in order (one may show a dialog and wait for the user)."""

    def __init__(self, widget: QWidget, *, at_most_ms: int = AT_MOST_MS) -> None:
        super().__init__(widget)
        self.widget = widget
        self.at_most_ms = at_most_ms
        self.waiting: list[Callable[[], None]] = []
        self.shown = False
        self.done = False
        widget.installEventFilter(self)

    def add(self, then: Callable[[], None]) -> None:
        if self.done:
            QTimer.singleShot(0, self, then)
        else:
            self.waiting.append(then)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._run)  # after this paint, not inside it
        elif kind == QEvent.Type.Show and not self.shown:
            self.shown = True
            QTimer.singleShot(self.at_most_ms, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        waiting, self.waiting = self.waiting, []
        for then in waiting:
            QTimer.singleShot(0, self, then)
