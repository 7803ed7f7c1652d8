"""PySide6 6.12 reads the source file of every module imported after it (its `__feature__`
import hook asks `inspect.getsource(module)` whether the text holds 'PySide6', once per
module): about 300 files, a tenth of a second of a start's CPU before the first paint
(issue 19), for a feature (`from __feature__ import snake_case, true_property`) the app never
uses.

The hook records its answer per module: 0, take part in feature selection with the default
(none), or -1, ignore. Answering 0 for every module without reading it is what every module
of ours would get anyway, and a module that does import `__feature__` still sets its own
selection when it does. Where PySide6 changes its internals this does nothing (the scan goes
on, only slower): tests/ui/test_feature_scan.py says so first.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HOOK = "shibokensupport.feature"
_SCAN = "_mod_uses_pyside"


def _takes_part(module: ModuleType) -> bool:
    """Every module takes part with the default selection, as the scan decides for ours."""
    return True


def skip_feature_scan() -> bool:
    """Stop PySide6 reading each newly imported module's source, from now on (PySide6 is
    imported for it). False where PySide6 has no such scan (another version)."""
    import PySide6.QtCore  # noqa: F401  (its import installs the scan)

    hook = sys.modules.get(_HOOK)
    if hook is None or not callable(getattr(hook, _SCAN, None)):
        return False
    setattr(hook, _SCAN, _takes_part)
    return True
