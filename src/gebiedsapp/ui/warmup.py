"""Importing the main screens' modules while the user does nothing (issue 19).

A screen's first open used to import its modules in the click's event-loop turn: 200-500 ms
of the GUI thread (about half of it PySide6's work per new module, the rest dataclasses and
enums). Start-up does not import them (time to the first paint), so after the first paint the
window imports them here, one module per event-loop turn, in dependency order (a module's
imports before the module), pausing while the user types or clicks. A later first open finds
them imported and only builds its widgets.

The order is read from the sources when the app is built, not at run time (an installed build
has no .py files): ui.warmup_order, written by packaging/warmup_order.py.

On the GUI thread on purpose: importing a module that defines QObject subclasses, Signals and
enums creates Shiboken types, and PySide6 does not document that as safe off the GUI thread
(its signature and feature hooks patch module state while importing); an import in a worker
would also hold the import lock the GUI thread needs for its own lazy imports.

Rarely used screens and dialogs (the first-run wizard, Beheer, Wie werkt waar) are not warmed:
they are imported when opened. When the last module is in, the start-up objects are frozen
out of later full garbage collections (ui.gc_guard.freeze_start_up).
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from gebiedsapp.ui.warmup_order import ORDER

log = logging.getLogger(__name__)

# the toolbar's main screens, in the order users reach for them
SCREEN_MODULES = (
    "gebiedsapp.ui.koffiekar",
    "gebiedsapp.ui.signals",
    "gebiedsapp.ui.contacts",
    "gebiedsapp.ui.lists",
    "gebiedsapp.ui.summary",
    "gebiedsapp.ui.initiatives",
    "gebiedsapp.ui.actions",
    "gebiedsapp.ui.activities",
    "gebiedsapp.ui.sync.conflicts",
)
START_MS = 300  # after the first paint: the window's own first reads go first
STEP_MS = 15  # between two steps: timers, paints and the worker's results get their turn
IDLE_MS = 700  # after a key or a click: the user is busy, wait until this quiet
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ShortcutOverride,
}


def _not_imported(order: tuple[str, ...]) -> Iterator[str]:
    """The modules of `order` not imported yet when their turn comes (the start imported
    many; an earlier step may have imported a cycle's others)."""
    return (name for name in order if name not in sys.modules)


def import_in_turns(
    order: tuple[str, ...], then: Callable[[], None], *, context: QObject | None = None
) -> None:
    """Import the modules of `order` not imported yet, one per event-loop turn, then call
    `then` (at once when all are in). For what the window needs soon after its first paint
    (issue 19: the first area header's modules in one turn held the GUI thread 70-150 ms).
    Each module is tried once: one that fails is logged and left to the caller's own import,
    which tells (a retry per turn spun the GUI thread for ever). No turn runs once `context`
    is gone."""
    names = _not_imported(order)

    def step() -> None:
        name = next(names, "")
        if not name:
            then()
            return
        try:
            importlib.import_module(name)
        except Exception:  # the caller's own import tells
            log.warning("importing %s failed", name, exc_info=True)
        if context is None:
            QTimer.singleShot(0, step)
        else:
            QTimer.singleShot(0, context, step)

    step()


class Warmup(QObject):
    """Imports the modules of `order` one per event-loop turn while the user is idle, then
    calls `finished`. `steps` keeps each step's module and milliseconds (bench/gui_blocks)."""

    def __init__(
        self,
        parent: QObject,
        *,
        order: tuple[str, ...] = (*ORDER, *SCREEN_MODULES),  # the roots again: never left out
        finished: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.order = _not_imported(order)
        self.finished = finished
        self.steps: list[tuple[str, float]] = []
        self.done = False
        self.last_input = 0.0  # time.monotonic() of the user's last key or click
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.step)
        self.watching = False

    def start(self, delay_ms: int = START_MS) -> None:
        """Begin `delay_ms` from now (the window calls it after its first paint). From here
        a key or click anywhere in the app postpones the next step: the filter sees every
        event of the app, so it is not installed before (it would run for each of the first
        paint's events, waiting for the GIL while a worker reads)."""
        if self.done:
            return
        app = QCoreApplication.instance()
        if app is not None and not self.watching:
            app.installEventFilter(self)
            self.watching = True
        self.timer.start(delay_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.done:
            self.last_input = time.monotonic()  # the next step waits until the user pauses
        return False

    def step(self) -> None:
        """Import the next module (its imports are in already), then yield to the loop."""
        quiet_ms = (time.monotonic() - self.last_input) * 1000
        if quiet_ms < IDLE_MS:  # the user is busy: not now
            self.timer.start(int(IDLE_MS - quiet_ms) + 1)
            return
        started = time.perf_counter()
        name = next(self.order, "")
        if not name:
            self._finish()
            return
        try:
            importlib.import_module(name)
        except Exception:  # an optional import that fails: the screen's open will tell
            log.warning("warm-up: importing %s failed", name, exc_info=True)
        elapsed = (time.perf_counter() - started) * 1000
        self.steps.append((f"import {name}", elapsed))
        log.debug("warm-up: import %s in %.0f ms", name, elapsed)
        self.timer.start(STEP_MS)

    def _finish(self) -> None:
        self.done = True
        app = QCoreApplication.instance()
        if app is not None and self.watching:
            app.removeEventFilter(self)
            self.watching = False
        if self.finished is not None:
            started = time.perf_counter()
            self.finished()
            self.steps.append(("finished", (time.perf_counter() - started) * 1000))
        total = sum(ms for _, ms in self.steps)
        log.info("warm-up: %d steps in %.0f ms of GUI time", len(self.steps), total)
