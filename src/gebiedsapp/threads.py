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
GIL_SWITCH_S = 0.0005  # a thread waits this long for the GIL before it asks (default 5 ms)


def lower_this_thread() -> None:
    """Linux schedules threads apart, but Qt's LowPriority means nothing there (only
    IdlePriority, which could starve a backup) and Python has no thread priority: raise this
    thread's own nice value. Elsewhere nothing (Qt's pools apply their own priority)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_NICE)
        except OSError:  # not allowed: it runs at normal priority
            log.debug("thread priority not lowered")


def favour_the_gui_thread() -> None:
    """The GUI thread gets the GIL back within half a millisecond while a worker runs Python
    (issue 19). Painting a list calls into Python for every cell, each call needing the GIL;
    with Python's 5 ms switch interval, a worker building rows (SQLAlchemy's fetchall, the
    rows of a whole list) made each call wait up to 5 ms: Lijsten shown while its list was
    read held the window 216 ms of which its own work was 45 ms. Measured: 100 GIL round trips
    of one thread beside a thread running Python took 567 ms at 5 ms, 98 ms at 0.5 ms. A
    shorter interval only costs when two threads want the GIL at once."""
    sys.setswitchinterval(GIL_SWITCH_S)
