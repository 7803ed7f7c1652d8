"""Nothing outside `ui/` imports Qt or the UI: checked on the source, at run time and by
import-linter, so the rule cannot quietly leak (see ARCHITECTURE.md, "The shape").
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

import gebiedsapp

PACKAGE_DIR = Path(gebiedsapp.__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "gebiedsapp.ui")
# The entry point chooses between window and CLI; it may import the UI, but only inside a
# function, so that `python -m gebiedsapp db upgrade` never loads Qt.
ENTRY_POINT = "gebiedsapp.__main__"


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    imported: str
    top_level: bool


def _is_forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def forbidden_imports(source: str, module: str, *, is_package: bool = False) -> list[Violation]:
    """Every import of Qt or the UI in `source`, including relative and lazy ones."""
    tree = ast.parse(source)
    top_level_nodes = set(map(id, tree.body))
    found: list[Violation] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        hits = sorted({n for n in names if _is_forbidden(n)})
        if hits:
            found.append(
                Violation(module, node.lineno, hits[0], top_level=id(node) in top_level_nodes)
            )
    return found


def _core_modules() -> list[tuple[str, Path]]:
    modules = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
        parts = relative.parts
        if parts[1:2] == ("ui",):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules.append((".".join(parts), path))
    return modules


def test_checker_finds_violations() -> None:
    """The check below can fail: each way of importing Qt or the UI is caught."""
    source = textwrap.dedent(
        """
        import os
        import PySide6.QtCore
        from shiboken6 import isValid
        from gebiedsapp.ui.main_window import MainWindow
        from gebiedsapp import ui
        from ..ui import app
        import importlib
        importlib.import_module("PySide6.QtWidgets")

        def later():
            from PySide6 import QtGui
        from gebiedsapp.uitleg import x  # a name that merely starts with 'ui'
        """
    )
    found = forbidden_imports(source, "gebiedsapp.services.example")
    assert [(v.line, v.imported, v.top_level) for v in found] == [
        (3, "PySide6.QtCore", True),
        (4, "shiboken6", True),
        (5, "gebiedsapp.ui.main_window", True),
        (6, "gebiedsapp.ui", True),
        (7, "gebiedsapp.ui", True),
        (9, "PySide6.QtWidgets", False),
        (12, "PySide6", False),
    ]


def test_core_modules_are_found() -> None:
    names = {name for name, _ in _core_modules()}
    assert {"gebiedsapp.cli", "gebiedsapp.storage.migrate", "gebiedsapp.domain"} <= names
    assert not any(name.startswith("gebiedsapp.ui") for name in names)
    assert len(names) > 25


def test_core_does_not_import_qt_or_ui() -> None:
    violations = []
    for name, path in _core_modules():
        found = forbidden_imports(
            path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py"
        )
        if name == ENTRY_POINT:
            found = [v for v in found if v.top_level or not v.imported.startswith("gebiedsapp.ui")]
        violations.extend(found)
    assert violations == []


def test_entry_point_imports_the_ui_only_lazily() -> None:
    path = PACKAGE_DIR / "__main__.py"
    found = forbidden_imports(path.read_text(encoding="utf-8"), ENTRY_POINT)
    assert found, "the entry point is expected to start the window"
    assert not any(v.top_level for v in found)


def test_core_runs_without_qt_loaded() -> None:
    """At run time too: importing the whole core (and the CLI) pulls in no Qt."""
    # Alembic's env.py and revision files only run inside Alembic; everything else imports.
    modules = [name for name, _ in _core_modules() if ".migrations." not in name]
    code = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {modules!r}:
            importlib.import_module(name)
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")
                     or m == "gebiedsapp.ui" or m.startswith("gebiedsapp.ui."))
        print(bad)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_import_linter_contracts_are_kept() -> None:
    if not LINT_IMPORTS.exists():
        pytest.skip(f"{LINT_IMPORTS} is not installed")
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_the_ui_importing_storage_breaks_a_contract(tmp_path: Path) -> None:
    """Issue 20: the UI reaches storage only through services. A direct import of storage in
    a copy of the package breaks the contract; storage's error types are the one exception."""
    if not LINT_IMPORTS.exists():
        pytest.skip(f"{LINT_IMPORTS} is not installed")
    copy = tmp_path / "src"
    shutil.copytree(PACKAGE_DIR, copy / "gebiedsapp", ignore=shutil.ignore_patterns("__pycache__"))
    page = copy / "gebiedsapp" / "ui" / "page.py"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nfrom gebiedsapp.storage.errors import StorageError\n"
        + "from gebiedsapp.storage.database import Database\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            str(LINT_IMPORTS),
            "--no-cache",
            "--no-logo",
            "--config",
            str(PROJECT_ROOT / "pyproject.toml"),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(copy)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert "The UI reaches storage only through services" in broken
    assert "gebiedsapp.ui.page -> gebiedsapp.storage.database" in broken
    assert "gebiedsapp.storage.errors" not in broken


def test_the_window_starts_without_loading_the_pdf_and_spreadsheet_libraries() -> None:
    """ReportLab and openpyxl cost about 0.4 s to import; a start pays them only when a PDF or
    an XLSX is made (the start-up benchmark measures the rest), whichever screen it reopens."""
    code = (
        "import sys; import gebiedsapp.ui.app, gebiedsapp.services.reports; "
        "import gebiedsapp.services.export; "
        # the screens a start may reopen (the last one used)
        "import gebiedsapp.ui.koffiekar, gebiedsapp.ui.contacts, gebiedsapp.ui.signals; "
        "import gebiedsapp.ui.initiatives, gebiedsapp.ui.summary, gebiedsapp.ui.actions; "
        "import gebiedsapp.ui.lists, gebiedsapp.ui.admin; "
        "print(sorted(m for m in ('reportlab', 'openpyxl') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_the_admin_screens_name_kinds_not_orm_classes() -> None:
    """Issue 20: Beheer passed ORM classes to services (`set_retired(session, Theme, …)`); it
    names a `TaxonomyKind` now, so what it imports from the domain is enums only."""
    import importlib
    from enum import Enum

    not_enums: list[str] = []
    seen = 0
    for path in sorted((PACKAGE_DIR / "ui" / "admin").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("gebiedsapp.domain")
            ):
                continue
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                seen += 1
                found = getattr(module, alias.name)
                if not (isinstance(found, type) and issubclass(found, Enum)):
                    not_enums.append(f"{path.name}:{node.lineno} {alias.name}")
    assert seen, "the admin screens are expected to use the domain's enums"
    assert not_enums == []
