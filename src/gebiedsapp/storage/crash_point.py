"""A test hook: stop this process dead at a named step of a file operation, so that a test can
prove what a crash (a kill, an empty battery) at exactly that step leaves behind.

Does nothing unless the environment variable names the step ("encrypt:swapped"), or the step
and which time it is reached ("encrypt:swapped#2"); the tests that use it start a child process
with it set (tests/test_crash_points.py)."""

from __future__ import annotations

import os
import signal
from collections import Counter

KILL_AT_ENV = "GEBIEDSAPP_TEST_KILL_AT"
_reached: Counter[str] = Counter()


def crash_point(step: str) -> None:
    """SIGKILL this process when GEBIEDSAPP_TEST_KILL_AT names `step` (no clean-up runs)."""
    wanted = os.environ.get(KILL_AT_ENV)
    if not wanted or not wanted.startswith(step):
        return
    _reached[step] += 1
    if wanted in (step, f"{step}#{_reached[step]}"):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
