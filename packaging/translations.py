"""The English translation of the UI: regenerate the .ts from the source and build the .qm.

Dutch is the source language (every `self.tr("…")` in src/gebiedsapp/ui); English is
resources/translations/gebiedsapp_en.ts, built into gebiedsapp_en.qm, which is committed so
that installing needs no build step (tests/ui/test_translations.py checks it is current).

After adding or changing a `tr()` string:

    python packaging/translations.py          # lupdate: new strings appear as unfinished
    # translate them (Qt Linguist: `pyside6-linguist resources/translations/gebiedsapp_en.ts`)
    python packaging/translations.py          # again: lrelease builds the .qm

lupdate keeps existing translations; a string no longer (or not yet, as when translations are
made ahead of a merge) in the source stays as "vanished": left out of the .qm, revived with its
translation when the string returns. Locations are left out so moving code does not churn.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "src" / "gebiedsapp" / "ui"
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "gebiedsapp_en.ts"
QM = FOLDER / "gebiedsapp_en.qm"


def tool(name: str) -> str:
    """pyside6-lupdate/-lrelease: beside this Python (a venv) or on PATH."""
    for folder in (Path(sys.executable).parent,):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it comes with PySide6)")
    return found


def ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def update_ts(ts: Path = TS) -> None:
    """Add new source strings to `ts` (unfinished), keep the translated ones."""
    command = [tool("pyside6-lupdate"), *map(str, ui_sources())]
    command += ["-source-language", "nl_NL", "-target-language", "en_GB"]
    command += ["-locations", "none", "-silent", "-ts", str(ts)]
    subprocess.run(command, check=True, capture_output=True)


def build_qm(ts: Path = TS, qm: Path = QM) -> None:
    """Compile `ts` into `qm` (unfinished strings are left out: they stay Dutch)."""
    command = [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True)


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    update_ts()
    build_qm()
    print(f"{TS.relative_to(ROOT)} and {QM.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
