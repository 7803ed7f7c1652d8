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

The guard counts a generation's objects without ever holding the list `gc.get_objects()` makes
while Python code can run (`objects_in`). That list references every young object, among them a
tuple a worker thread is still building (`tuple(generator)`); if the GIL passed to that worker
while the list lived, its `_PyTuple_Resize` failed with "SystemError:
Objects/tupleobject.c:927: bad argument to internal function", and a read failed at random.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# Every tenth of a second: Python's own thresholds then see the young objects about as often
# as automatic collection would. Once a second, a worker's read of ten times the data left
# ~100k young objects per collection: 45-60 ms for the youngest generation, 75-100 ms for the
# next (issue 19); now 25-40 and 25-55 ms, the same work in smaller pieces.
INTERVAL_MS = 100


def objects_in(*generations: int) -> int:
    """How many objects the generations hold. `map` calls `gc.get_objects`, `len` and drops the
    list inside one C call of `sum`: the GIL cannot pass to another thread in between, as it
    can at the bytecode after `len(gc.get_objects(n))`'s inner call."""
    return sum(map(len, map(gc.get_objects, generations)))


class GarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.long_lived = objects_in(2)  # after the last full collection
        self.pending = 0  # objects that became long-lived since
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self.thresholds[0]:
            if second > self.thresholds[1]:
                young = objects_in(0, 1)
                if third > self.thresholds[2] and self.pending > self.long_lived // 4:
                    freed += gc.collect(2)
                    self.long_lived, self.pending = objects_in(2), 0
                else:  # the survivors of the young generations become long-lived
                    collected = gc.collect(1)
                    freed += collected
                    self.pending += max(young - collected, 0)
            else:
                freed += gc.collect(0)
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
        guard.long_lived, guard.pending = objects_in(2), 0
