"""The app's garbage collection runs on the GUI thread only (ui.gc_guard)."""

from __future__ import annotations

import gc
from typing import Any

from gebiedsapp.ui.gc_guard import GarbageCollector, freeze_start_up


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


def test_a_full_collection_waits_for_a_quarter_new_long_lived_objects(qtbot: Any) -> None:
    """As Python's own collector does (issue 19: a full one holds the GUI thread ~100 ms on ten
    times the data; run at every threshold it did so every few seconds while loading)."""
    was_enabled = gc.isenabled()
    held = [[] for _ in range(1_000_000)]  # a large heap of long-lived objects
    collector = GarbageCollector(interval_ms=60_000)  # driven by hand below
    try:
        gc.collect()
        collector.long_lived, collector.pending = len(gc.get_objects(2)), 0
        long_lived = collector.long_lived
        full = gc.get_stats()[2]["collections"]
        kept: list[object] = []
        while gc.get_stats()[2]["collections"] == full:
            kept.extend([] for _ in range(gc.get_threshold()[0] * 2))  # past the threshold
            collector.check()
            assert len(kept) < 3 * len(held)  # it does come
        # not before about a quarter was new (before issue 19: after 0.18 of it here)
        assert len(kept) > 0.22 * long_lived
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
        del held


def test_freezing_start_up_leaves_its_objects_out_of_later_collections(qapp: Any) -> None:
    """Once the window is up and warmed (ui.warmup), what start-up made is frozen: a later
    full collection walks only what came after, and the guard counts only that."""
    was_enabled = gc.isenabled()
    held = [[] for _ in range(100_000)]  # start-up's long-lived objects
    collector = GarbageCollector(qapp, interval_ms=60_000)  # as the app owns it
    try:
        collector.long_lived = 10**9  # as if counted before the freeze
        freeze_start_up()
        assert gc.get_freeze_count() >= len(held)
        assert collector.long_lived < len(held)  # the guard counts only the unfrozen
        assert all(not any(o is held for o in gc.get_objects(g)) for g in range(3))
    finally:
        gc.unfreeze()
        collector.stop()
        collector.setParent(None)
        if not was_enabled:
            gc.disable()
        del held
