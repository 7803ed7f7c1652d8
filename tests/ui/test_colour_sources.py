"""No colour is hard-coded outside ui/palette.py: a hex colour, a named colour or palette() in a
style sheet, or a QColor of a literal makes the suite fail, so dark and high-contrast palettes
keep working (a light background written into a screen made its labels unreadable)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtGui import QColor

UI = Path(__file__).parents[2] / "src" / "gebiedsapp" / "ui"
PALETTE_MODULE = UI / "palette.py"


# -- no colour outside the palette module ---------------------------------------------------

HEX = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
DECLARATION = re.compile(
    r"\b(?:color|background(?:-color)?|border(?:-[a-z]+)*|outline(?:-color)?|"
    r"selection-(?:background-)?color|alternate-background-color|gridline-color)"
    r"\s*:\s*([^;}]*)",
    re.IGNORECASE,
)
FUNCTION = re.compile(r"\b(?:rgba?|hs[lv]a?|palette|qlineargradient|qradialgradient)\s*\(", re.I)


def _named_colours() -> frozenset[str]:
    return frozenset(name.lower() for name in QColor.colorNames()) - {"transparent"}


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring nodes (prose may mention a colour)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def hard_coded_colours(source: str) -> list[str]:
    """What in this module's code names a colour itself instead of a palette role."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    named = _named_colours()
    problems: list[str] = []
    for node in ast.walk(tree):
        where = f"line {getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            problems += [f"{where}: hex colour {m.group()}" for m in HEX.finditer(text)]
            for declaration in DECLARATION.finditer(text):
                value = declaration.group(1)
                if FUNCTION.search(value):
                    problems.append(f"{where}: colour function in '{declaration.group().strip()}'")
                words = {w.lower() for w in re.findall(r"(?<![\w$-])[a-zA-Z]+\b", value)}
                problems += [f"{where}: named colour '{w}' in a style sheet" for w in words & named]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            literal = [a for a in node.args if isinstance(a, ast.Constant)]
            if name in ("QColor", "fromRgb", "fromRgbF", "fromHsl", "fromHsv") and literal:
                problems.append(f"{where}: {name}() of a literal")
        elif isinstance(node, ast.Attribute) and node.attr == "GlobalColor":
            problems.append(f"{where}: Qt.GlobalColor")
    return problems


def test_the_checker_finds_what_it_is_for() -> None:
    """The checker below, tried on code with each kind of hard-coded colour."""
    code = '''
"""Docstring with #fff4d6 is prose."""
from PySide6.QtGui import QColor
from PySide6.QtCore import Qt
a.setStyleSheet("QFrame { background: #fff4d6; border: 1px solid darkgray; }")
b.setStyleSheet(f"color: {x}; background-color: rgb(1, 2, 3);")
c.setStyleSheet("color: palette(placeholder-text);")
d = QColor("red")
e = QColor(255, 255, 255, 235)
f = Qt.GlobalColor.white
g.setStyleSheet("font-weight: 600; border: none; color: $muted;")
'''
    found = hard_coded_colours(code)
    assert len(found) == 7, found
    assert not any("line 2" in f or "line 12" in f for f in found)


def test_no_colour_is_hard_coded_outside_the_palette_module() -> None:
    problems = [
        f"{path.relative_to(UI)} {problem}"
        for path in sorted(UI.rglob("*.py"))
        if path != PALETTE_MODULE
        for problem in hard_coded_colours(path.read_text(encoding="utf-8"))
    ]
    assert problems == [], "use a role of ui/palette.py instead:\n" + "\n".join(problems)
