"""Lowering a worker thread's priority, for upkeep nobody looks at (issue 19): the start's
integrity check, retention and backup must not take a core from the first screen's reads on a
two-core laptop. No Qt here: the storage layer's integrity check uses it too."""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

LOW_NICE = 10  # Linux: a low thread's niceness (0 is normal, 19 the lowest)


def lower_this_thread() -> None:
    """Linux schedules threads apart, but Qt's LowPriority means nothing there (only
    IdlePriority, which could starve a backup) and Python has no thread priority: raise this
    thread's own nice value. Elsewhere nothing (Qt's pools apply their own priority)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_NICE)
        except OSError:  # not allowed: it runs at normal priority
            log.debug("thread priority not lowered")
