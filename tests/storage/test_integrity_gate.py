"""The start's integrity check beside the window (storage.database.IntegrityGate): the
first write waits for it and hears what it found; it never lets a write through unchecked."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from gebiedsapp.storage import database
from gebiedsapp.storage.database import IntegrityGate


def _nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_check_whose_lowering_fails_stops_the_write_it_did_not_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[bool] = []

    def lowering_fails() -> None:
        raise RuntimeError("no priorities here")

    monkeypatch.setattr(database, "lower_this_thread", lowering_fails)
    gate = IntegrityGate(lambda: checked.append(True), low=True)
    with pytest.raises(RuntimeError, match="no priorities"):
        gate.wait()
    assert checked == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's nice value")
def test_a_check_started_by_a_waiting_write_runs_at_normal_priority() -> None:
    """Lowered, it would only keep that write (a draft saved on the GUI thread) waiting."""
    seen: dict[str, int] = {}
    waiting = IntegrityGate(lambda: seen.__setitem__("waited", _nice()), start=False, low=True)
    waiting.wait()
    beside = IntegrityGate(lambda: seen.__setitem__("beside", _nice()), low=True)
    beside.wait()
    assert seen["waited"] == _nice()
    assert seen["beside"] > _nice()
