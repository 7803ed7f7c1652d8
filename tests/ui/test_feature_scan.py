"""Issue 19: PySide6 read the source of every module imported after it, to see whether it
names 'PySide6' (for its `__feature__` selection): ~300 files before a start's first paint.
The start tells it not to; modules still take part with the default selection."""

from __future__ import annotations

import builtins
import inspect
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gebiedsapp.ui.feature_scan import skip_feature_scan


def test_an_import_after_the_start_does_not_read_its_source(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "gebiedsapp_feature_scan_probe"
    (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    read: list[str] = []
    real = inspect.getsource

    def spying(obj: object) -> str:
        read.append(getattr(obj, "__name__", ""))
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", spying)

    assert skip_feature_scan(), "PySide6's feature hook changed: see ui/feature_scan.py"
    module = builtins.__import__(name)  # as an `import` statement: through PySide6's hook

    assert isinstance(module, ModuleType)
    assert module.VALUE == 1
    assert name not in read
    hook = sys.modules["shibokensupport.feature"]
    assert hook.pyside_feature_dict[name] == 0  # the default selection, as before
    monkeypatch.delitem(sys.modules, name)


CHILD = """
import inspect, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
read = []
real = inspect.getsource
inspect.getsource = lambda obj: read.append(obj.__name__) or real(obj)
from gebiedsapp.ui import unlock
read.clear()
unlock._import_opening()  # what a start imports once the passphrase is typed
print(len([name for name in read if name.startswith(("gebiedsapp", "sqlalchemy"))]))
"""


def test_opening_a_database_imports_its_modules_without_reading_them() -> None:
    """The start's heavy imports (SQLAlchemy, the models, the migrations: ~300 modules, once
    the passphrase is given) are not read by PySide6. A process of its own: they are imported
    in this one already."""
    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(src)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["0"]


MAIN = """
import sys, types
seen = []

def run_gui(**options):
    scan = getattr(sys.modules.get("shibokensupport.feature"), "_mod_uses_pyside", None)
    seen.append(getattr(scan, "__module__", "no PySide6 yet"))
    return 0

# the window's module as __main__ imports it: records whether the scan was off by then
sys.modules["gebiedsapp.ui.app"] = types.SimpleNamespace(run_gui=run_gui)
from gebiedsapp.__main__ import main
main(["--database", "x.db"])
print(seen[0])
"""


def test_a_users_start_skips_the_scan_before_importing_the_window() -> None:
    """`gebiedsapp` (the window) turns the scan off before the ~90 modules up to the
    passphrase dialog are imported."""
    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", MAIN],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(src)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["gebiedsapp.ui.feature_scan"]
