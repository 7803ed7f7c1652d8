"""No function in the app grows past what a reader takes in at once (issue 20, item 6): a long
`__init__` that lays out, fills and wires a screen hides where each part lives; split it into
builders whose names say what they do.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import gebiedsapp

PACKAGE_DIR = Path(gebiedsapp.__file__).resolve().parent
MAX_LINES = 80
# Migrations are written once and never edited; splitting them only scatters one schema step.
EXCLUDED_DIRS = ("storage/migrations/versions/",)

# "path::qualified name" patterns (fnmatch) allowed to stay long for now. Each entry is one a
# parallel piece of work is splitting at the moment; the lead removes entries as those land.
ALLOWED: dict[str, str] = {
    # The SQL text of the server's functions: one literal per function, read as SQL, not as
    # Python; cutting it across helpers would only hide which statement belongs to which.
    "storage/server_functions.py::function_statements": "SQL text, long by nature",
}


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.AST]]:
    """Every function with its qualified name (Class.method, outer.inner)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{node.name}"
            yield name, node
            yield from _functions(node, f"{name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")
        else:
            yield from _functions(node, prefix)


def long_functions(source: str, path: str, *, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """(path::qualname, lines) of every function in `source` longer than `limit` lines."""
    found = []
    for name, node in _functions(ast.parse(source)):
        assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        lines = (node.end_lineno or node.lineno) - node.lineno + 1
        if lines > limit:
            found.append((f"{path}::{name}", lines))
    return found


def _app_long_functions() -> list[tuple[str, int]]:
    found = []
    for file in sorted(PACKAGE_DIR.rglob("*.py")):
        path = file.relative_to(PACKAGE_DIR).as_posix()
        if path.startswith(EXCLUDED_DIRS):
            continue
        found += long_functions(file.read_text(encoding="utf-8"), path)
    return found


def _allowed(name: str) -> bool:
    return any(fnmatch(name, pattern) for pattern in ALLOWED)


def test_no_function_is_longer_than_the_limit() -> None:
    too_long = [f"{name} ({lines} lines)" for name, lines in _app_long_functions()]
    too_long = [entry for entry in too_long if not _allowed(entry.split(" (")[0])]
    assert too_long == [], f"split these into named parts (limit {MAX_LINES}): {too_long}"


def test_every_allowed_entry_still_names_a_long_function() -> None:
    """An entry whose function was split hides the next one that grows: remove it."""
    names = [name for name, _ in _app_long_functions()]
    stale = [pattern for pattern in ALLOWED if not any(fnmatch(n, pattern) for n in names)]
    assert stale == [], f"remove from ALLOWED, nothing there is too long any more: {stale}"


def test_the_scan_finds_a_long_method_and_a_nested_function() -> None:
    body = "\n".join("    x = 1" for _ in range(MAX_LINES))
    nested = "\n".join("        y = 2" for _ in range(MAX_LINES))
    source = f"class A:\n  def m(self):\n{body}\n\ndef outer():\n    def inner():\n{nested}\n"
    found = dict(long_functions(source, "x.py"))
    assert found == {
        "x.py::A.m": MAX_LINES + 1,
        "x.py::outer": MAX_LINES + 2,
        "x.py::outer.inner": MAX_LINES + 1,
    }


def test_a_function_at_the_limit_passes() -> None:
    body = "\n".join("    x = 1" for _ in range(MAX_LINES - 1))
    assert long_functions(f"def f():\n{body}\n", "x.py") == []
