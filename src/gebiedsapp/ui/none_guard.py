"""PySide6 6.12 loses a reference to None each time Qt calls a Python method that returns None
where Qt expects a value (a table model's data() for a role it does not use: on every paint),
and each time it passes None in (QTranslator.translate's `disambiguation`). It loses one to True
on every `emit()` from Python (whatever the signal carries: emit returns True without its
reference): each worker result, change announcement and area click. On Python 3.11 None, True
and False are ordinary objects: after some thousands of such calls a count reaches zero and the
app aborts with 'Fatal Python error: none_dealloc' or 'bool_dealloc' (tests/ui/test_none_guard.py;
the test runs of many UI files in one process aborted so at exit).

Python 3.12 made them immortal (PEP 683): their counts are huge and never reach zero. On 3.11
the start gives them the same headroom, so the lost references never matter. Remove this once
the app requires Python 3.12, or PySide6 has fixed it.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 56  # lost references before trouble: years of painting, far below 2**63

_done = False


def keep_none_alive() -> bool:
    """Give None, True and False their headroom (once per process); False where it is not
    needed."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _done = True
    return True
