"""After a merge of two branches that both added strings, packaging/translations.py
--merge-from takes the other side's translations: the same context's first, else the same
Dutch from any context; what neither side translated stays unfinished."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ts(*contexts: tuple[str, list[tuple[str, str | None]]]) -> str:
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1">']
    for name, messages in contexts:
        parts.append(f"<context>\n    <name>{name}</name>")
        for source, english in messages:
            done = (
                f"<translation>{english}</translation>"
                if english is not None
                else '<translation type="unfinished"></translation>'
            )
            parts.append(
                f"    <message>\n        <source>{source}</source>\n        {done}\n    </message>"
            )
        parts.append("</context>")
    return "\n".join([*parts, "</TS>\n"])


def test_the_other_sides_translations_are_taken(tmp_path: Path) -> None:
    translations = _script()
    ours = tmp_path / "ours.ts"
    theirs = tmp_path / "theirs.ts"
    ours.write_text(
        _ts(
            ("Dialog", [("Wachtwoord:", None), ("Al klaar", "Done already")]),
            ("Screen", [("Wachtwoord:", None), ("Iets &amp; nog wat", None), ("Nieuw", None)]),
        ),
        encoding="utf-8",
    )
    theirs.write_text(
        _ts(
            ("Account", [("Wachtwoord:", "Password:"), ("Iets &amp; nog wat", "This &amp; that")]),
            ("Dialog", [("Wachtwoord:", "Passphrase:")]),
        ),
        encoding="utf-8",
    )
    assert translations.take_translations(ours, theirs) == 3
    text = ours.read_text(encoding="utf-8")
    dialog, screen = text.split("<name>Screen</name>")
    assert "<translation>Passphrase:</translation>" in dialog  # its own context's
    assert "<translation>Password:</translation>" in screen  # the same Dutch elsewhere
    assert "<translation>This &amp; that</translation>" in screen
    assert "<translation>Done already</translation>" in dialog
    assert text.count('type="unfinished"') == 1  # 'Nieuw': neither side translated it
