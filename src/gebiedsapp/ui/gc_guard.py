"""Python's cyclic garbage collector runs in whichever thread happens to allocate. When it
collects a reference cycle that holds Qt objects (a dialog and a lambda connected to it, say)
on the background worker, their C++ destructors run there, and a widget destroyed outside the
GUI thread crashes the app. So automatic collection is switched off and the GUI thread collects
on a timer, generation by generation (calibre does the same).

A collection walks every object of the generations it collects. On ten times today's data a
worker's result is tens of thousands of rows, each a tracked tuple holding a tracked UUID
(issue 19), so the guard keeps every collection small:
- the young generation is collected every 100 ms once past Python's threshold: a result that
  a worker builds is walked in slices while it is being built, not in one go when it lands;
- the middle generation is collected once the young survivors in it pass YOUNG_LIMIT objects
  (Python waits for ten young collections, which may by then be a whole result: ~100 ms);
  before the start-up freeze (below) not at all: it would walk all start-up made, about to be
  frozen anyway (160 ms at first paint);
- a full collection walks all the app holds, so it waits, as Python's own collector does, for
  ten middle collections and a quarter new long-lived objects, and then for a quiet moment
  (QUIET_TICKS ticks without a young collection and no screen's read under way: no result
  arriving, nobody clicking through screens), unless the long-lived objects have grown by far
  more (FORCE_AFTER).
The sizes are estimated from gc.get_count() and the collections' results, not from
gc.get_objects: that list would hold a tuple that a worker is still building (tuple() of a
generator), whose final resize then fails with a SystemError.
Once the window is up and the screens' modules are imported (ui.warmup), the start-up objects
are frozen with `gc.freeze()`: later full collections leave them out.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100
YOUNG_LIMIT = 20_000  # young survivors that make the middle generation worth a collection
QUIET_TICKS = 5  # ticks without a young collection before a full one (half a second)
FORCE_AFTER = 500_000  # new long-lived objects that make a full collection due even if busy


_readers: list[weakref.WeakMethod[Callable[[], bool]]] = []


def wait_for_reads(reading: Callable[[], bool]) -> None:
    """A full collection also waits while `reading()` (a bound method: a worker's result for a
    screen is on its way, the user waits for it); kept weakly."""
    _readers.append(weakref.WeakMethod(reading))


def _reading() -> bool:
    alive = [ref for ref in _readers if ref() is not None]
    _readers[:] = alive
    return any(method() for ref in alive if (method := ref()) is not None)


class GarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.long_lived = len(gc.get_objects(2))  # after the last full collection
        self.pending = 0  # objects that became long-lived since
        self.middle = 0  # young survivors in the middle generation
        self.quiet = 0  # ticks since the last young collection
        self.frozen = False  # start-up's objects frozen (freeze_start_up)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect what is due (see the module's doc); objects freed."""
        young = gc.get_count()[0]
        if young <= self.thresholds[0]:
            self.quiet += 1
            return self._full() if self._full_due(quiet=True) else 0
        self.quiet = 0
        if self._full_due(quiet=False):
            return self._full()
        if self._middle_due():
            freed = gc.collect(1)  # the survivors become long-lived
            self.pending += max(self.middle + young - freed, 0)
            self.middle = 0
            return freed
        freed = gc.collect(0)
        self.middle += max(young - freed, 0)
        return freed

    def _middle_due(self) -> bool:
        if not self.frozen:  # start-up's objects: frozen soon, not walked (unless far too many)
            return self.middle > FORCE_AFTER
        return self.middle > YOUNG_LIMIT or gc.get_count()[1] > self.thresholds[1]

    def _full_due(self, *, quiet: bool) -> bool:
        if self.pending > 2 * self.long_lived + FORCE_AFTER:  # never quiet: memory first
            return True
        if self.pending <= self.long_lived // 4 or gc.get_count()[2] <= self.thresholds[2]:
            return False
        return quiet and self.quiet >= QUIET_TICKS and not _reading()

    def _full(self) -> int:
        young = gc.get_count()[0]
        freed = gc.collect(2)
        self.long_lived = max(self.long_lived + self.pending + self.middle + young - freed, 0)
        self.pending = self.middle = 0
        return freed

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def freeze_start_up() -> None:
    """Leave the objects that live as long as the app out of every later collection (Python's
    gc.freeze, which takes no time). Without a collection first, as the docs' own use does:
    that would itself hold the GUI thread for as long as a full one (the warm-up's imports
    are all still young); the few reference cycles already garbage now stay in memory."""
    gc.freeze()
    app = QCoreApplication.instance()
    for guard in app.findChildren(GarbageCollector) if app is not None else ():
        guard.long_lived, guard.pending, guard.middle, guard.frozen = 0, 0, 0, True
