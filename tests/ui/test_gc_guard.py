"""The app's garbage collection runs on the GUI thread only (ui.gc_guard)."""

from __future__ import annotations

import gc
from typing import Any

from gebiedsapp.ui.gc_guard import GarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_is_off_and_done_by_the_timer_on_the_gui_thread(qtbot: Any) -> None:
    was_enabled = gc.isenabled()
    collector = GarbageCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        for _ in range(gc.get_threshold()[0] + 50):
            _Cycle()
        assert gc.get_count()[0] > collector.thresholds[0]
        qtbot.waitUntil(lambda: gc.get_count()[0] < collector.thresholds[0], timeout=2000)
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
