"""Finding shipped files (reference data, boundaries, icons) wherever the app runs from.

One function for a source checkout, an installed wheel and a PyInstaller bundle:
- bundle: `sys._MEIPASS/resources` (build_installer.spec copies `resources/` there);
- wheel: `gebiedsapp/resources` inside the package (pyproject's force-include);
- checkout or editable install: `resources/` at the repository root.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / "reference").is_dir():
            return candidate
    raise FileNotFoundError(
        "resources folder not found; looked in " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path


def load_json(*parts: str) -> Any:
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
