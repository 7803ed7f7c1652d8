"""PySide6 6.12 loses a reference to None each time Qt calls a Python method that returns None
where Qt expects a value (a table model's data() for a role it does not use: on every paint),
and each time it passes None in (QTranslator.translate's `disambiguation`). On Python 3.11
None is an ordinary object: after some tens of thousands of such calls its count reaches zero
and the app aborts with 'Fatal Python error: none_dealloc' (tests/ui/test_none_guard.py).

Python 3.12 made None immortal (PEP 683): its count is huge and never reaches zero. On 3.11 the
start gives None the same headroom, so the lost references never matter. Remove this once
the app requires Python 3.12, or PySide6 has fixed it.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 56  # lost references before trouble: years of painting, far below 2**63

_done = False


def keep_none_alive() -> bool:
    """Give None its headroom (once per process); False where it is not needed."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM
    _done = True
    return True
