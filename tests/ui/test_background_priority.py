"""The reads lane runs the waiting work with the highest priority first: the rest of a long
list (REST) waits for what a form needs, which was asked after it (issue 19)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject

from gebiedsapp.ui.background import REST, Background


def test_waiting_work_of_a_higher_priority_runs_before_the_rest(qtbot: Any) -> None:
    background = Background()
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def busy() -> None:
        started.set()
        release.wait(10)

    def note(name: str) -> Any:
        return lambda: ran.append(name)

    def ignore(_value: object) -> None:
        return None

    background.submit("busy", busy, owner=owner, on_done=ignore, on_error=ignore)
    assert started.wait(10)  # the one worker is taken: what follows waits
    background.submit("rest", note("rest"), owner=owner, on_done=ignore, on_error=ignore,
                      priority=REST)  # fmt: skip
    background.submit("form", note("form"), owner=owner, on_done=ignore, on_error=ignore)
    release.set()
    qtbot.waitUntil(lambda: not background.busy())
    assert ran == ["form", "rest"]
    background.wait()


def test_a_skippable_read_nobody_waits_for_is_not_run(qtbot: Any) -> None:
    background = Background()
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []
    delivered: list[object] = []

    def busy() -> None:
        started.set()
        release.wait(10)

    background.submit("busy", busy, owner=owner, on_done=delivered.append, on_error=print)
    assert started.wait(10)
    for key in ("forgotten", "kept"):
        background.submit(key, lambda k=key: ran.append(k), owner=owner,
                          on_done=delivered.append, on_error=print, skippable=True)  # fmt: skip
    background.submit("newer", lambda: ran.append("older"), owner=owner,
                      on_done=delivered.append, on_error=print, skippable=True)  # fmt: skip
    background.submit("newer", lambda: ran.append("newer"), owner=owner,
                      on_done=delivered.append, on_error=print, skippable=True)  # fmt: skip
    background.forget("forgotten")
    release.set()
    qtbot.waitUntil(lambda: not background.lane_busy("reads"))
    assert ran == ["kept", "newer"]
    assert delivered == [None, None, None]  # busy's, kept's and newer's results: no others
    background.wait()
