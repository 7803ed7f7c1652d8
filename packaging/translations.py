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

When a merge of two branches conflicts in the .ts (both added strings), keep one side and take
the other side's translations:

    git show :3:resources/translations/gebiedsapp_en.ts > /tmp/theirs.ts
    git checkout --ours resources/translations/gebiedsapp_en.ts
    python packaging/translations.py --merge-from /tmp/theirs.ts
"""

from __future__ import annotations

import argparse
import html
import re
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


_CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>.*?</context>", re.S)
_MESSAGE = re.compile(r"<message>.*?</message>", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_FINISHED = re.compile(r"<translation>(.*?)</translation>", re.S)
_UNFINISHED = re.compile(r'<translation type="unfinished"(?:/>|>.*?</translation>)', re.S)


def take_translations(ts: Path, other: Path) -> int:
    """Finish `ts`'s unfinished messages with the translation `other` has for the same Dutch,
    in the same context where it has one, else in any; as after a merge. Plural messages are
    left to a translator. Returns how many were taken. The text is edited in place, so
    lupdate's layout stays."""
    in_context: dict[tuple[str, str], str] = {}
    anywhere: dict[str, str] = {}
    for context in _CONTEXT.finditer(other.read_text(encoding="utf-8")):
        for block in _MESSAGE.findall(context.group(0)):
            source, done = _SOURCE.search(block), _FINISHED.search(block)
            if source and done and done.group(1) and 'numerus="yes"' not in block:
                dutch = html.unescape(source.group(1))
                in_context[(context.group(1), dutch)] = done.group(1)
                anywhere.setdefault(dutch, done.group(1))
    taken = 0

    def finish_context(context: re.Match[str]) -> str:
        def finish(match: re.Match[str]) -> str:
            nonlocal taken
            block = match.group(0)
            source = _SOURCE.search(block)
            if source is None or 'numerus="yes"' in block or not _UNFINISHED.search(block):
                return block
            dutch = html.unescape(source.group(1))
            english = in_context.get((context.group(1), dutch)) or anywhere.get(dutch)
            if english is None:
                return block
            taken += 1
            return _UNFINISHED.sub(lambda _m: f"<translation>{english}</translation>", block)

        return _MESSAGE.sub(finish, context.group(0))

    text = _CONTEXT.sub(finish_context, ts.read_text(encoding="utf-8"))
    ts.write_text(text, encoding="utf-8")
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--merge-from", type=Path, help="take translations from this .ts")
    args = parser.parse_args(argv)
    FOLDER.mkdir(parents=True, exist_ok=True)
    update_ts()
    if args.merge_from is not None:
        taken = take_translations(TS, args.merge_from)
        print(f"{taken} translations taken from {args.merge_from}")
    build_qm()
    print(f"{TS.relative_to(ROOT)} and {QM.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
