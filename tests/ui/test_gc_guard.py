"""The app's garbage collection runs on the GUI thread only (ui.gc_guard)."""

from __future__ import annotations

import gc
import sys
import threading
from typing import Any

from gebiedsapp.ui.gc_guard import GarbageCollector, freeze_start_up, objects_in


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


def test_a_worker_building_a_tuple_meanwhile_is_not_disturbed(qapp: Any) -> None:
    """A read on the background worker makes tuples from generators; the GUI thread's guard
    collected meanwhile. With the generations listed, the worker failed at random with
    "SystemError: Objects/tupleobject.c:927". Here, with the generations listed as
    `len(gc.get_objects(n))`, it fails now and then (1 run in 5); the next test every time."""
    was_enabled = gc.isenabled()
    interval = sys.getswitchinterval()
    errors: list[BaseException] = []
    done = threading.Event()

    def worker() -> None:
        while not done.is_set():
            try:
                tuple(x for x in range(100))
            except SystemError as error:  # pragma: no cover - the failure shown
                errors.append(error)
                return

    collector = GarbageCollector(interval_ms=60_000)
    sys.setswitchinterval(1e-6)
    thread = threading.Thread(target=worker)
    thread.start()
    try:
        collector.thresholds = (-1, -1, 10**9)  # a middle collection every 100 rounds
        for round_ in range(20_000):
            objects_in(0, 1)
            if round_ % 100 == 0:
                collector.check()
            if errors:
                break
    finally:
        done.set()
        thread.join()
        sys.setswitchinterval(interval)
        collector.stop()
        if not was_enabled:
            gc.disable()
    assert errors == []


def test_no_list_of_a_generation_ever_reaches_python_code(qapp: Any) -> None:
    """The race above needs the list of `gc.get_objects()` back in the interpreter (a bytecode
    boundary, where the GIL can pass). The profiler sees every C call that returns there:
    the guard's counting, middle and full collections and the start-up freeze hand none back."""
    was_enabled = gc.isenabled()
    collector = GarbageCollector(qapp, interval_ms=60_000)
    handed_back: list[str] = []

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event == "c_return" and arg is gc.get_objects:
            handed_back.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        assert objects_in(0, 1, 2) > 0
        collector.thresholds = (-1, -1, 10**9)
        collector.check()  # a middle collection
        collector.thresholds, collector.pending = (-1, -1, -1), collector.long_lived + 1
        collector.check()  # a full one
        freeze_start_up()
    finally:
        sys.setprofile(None)
        gc.unfreeze()
        collector.stop()
        collector.setParent(None)
        if not was_enabled:
            gc.disable()
    assert handed_back == []
