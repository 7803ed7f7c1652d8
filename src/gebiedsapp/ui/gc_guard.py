"""Python's cyclic garbage collector runs in whichever thread happens to allocate. When it
collects a reference cycle that holds Qt objects (a dialog and a lambda connected to it, say)
on the background worker, their C++ destructors run there, and a widget destroyed outside the
GUI thread crashes the app. So automatic collection is switched off and the GUI thread collects
on a timer, generation by generation, with Python's own thresholds (calibre does the same).

A full collection walks every object the app holds: on ten times today's data about 100 ms of the
GUI thread (issue 19). Python's own collector does it only when the objects that became
long-lived since the last one are a quarter of those it found then; an explicit
`gc.collect(2)` skips that rule, so the guard keeps it itself. Once the window is up and the
screens' modules are imported (ui.warmup), the start-up objects (modules, classes, functions,
mappers: most of what a full collection walks before any data is read) are frozen with
`gc.freeze()`: later full collections leave them out.

The guard counts the generations from `gc.get_count()` and what each collection freed, never
with `gc.get_objects()`: the list that returns holds a reference to every young object, among
them a tuple a worker thread is still building (`tuple(generator)`); if the GIL passes to that
worker while the list lives, its `_PyTuple_Resize` fails with "SystemError:
Objects/tupleobject.c:927: bad argument to internal function" (a read of the database would
fail at random). The counts are estimates, as good as the rule needs.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000


class GarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        # Before the first full collection nothing counts the old generation; the heap's
        # allocated blocks are an upper bound of its objects (each tracked object is a block),
        # so full collections before the start-up freeze are if anything rarer than Python's.
        self.long_lived = sys.getallocatedblocks()  # after the last full collection
        self.pending = 0  # objects that became long-lived since
        self.middle = 0  # objects in generation 1: survivors of the young collections since
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        first, second, third = gc.get_count()  # first: objects made since, less those freed
        freed = 0
        if first > self.thresholds[0]:
            if second > self.thresholds[1]:
                young = first + self.middle
                if third > self.thresholds[2] and self.pending > self.long_lived // 4:
                    collected = gc.collect(2)
                    self.long_lived = max(self.long_lived + self.pending + young - collected, 0)
                    self.pending = 0
                else:  # the survivors of the young generations become long-lived
                    collected = gc.collect(1)
                    self.pending += max(young - collected, 0)
                self.middle = 0
                freed += collected
            else:
                collected = gc.collect(0)
                self.middle += max(first - collected, 0)
                freed += collected
        return freed

    def forget_frozen(self) -> None:
        """After `gc.freeze()` every generation is empty: count from nothing."""
        self.long_lived = self.pending = self.middle = 0

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
        guard.forget_frozen()
