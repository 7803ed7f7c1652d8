"""Python's cyclic garbage collector runs in whichever thread happens to allocate. When it
collects a reference cycle that holds Qt objects (a dialog and a lambda connected to it, say)
on the background worker, their C++ destructors run there, and a widget destroyed outside the
GUI thread crashes the app. So automatic collection is switched off and the GUI thread collects
on a timer, generation by generation, with Python's own thresholds (calibre does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self.thresholds[0]:
            freed += gc.collect(0)
            if second > self.thresholds[1]:
                freed += gc.collect(1)
                if third > self.thresholds[2]:
                    freed += gc.collect(2)
        return freed

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
