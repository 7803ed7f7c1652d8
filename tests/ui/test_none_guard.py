"""The app vanished after long use: PySide6 6.12 loses a reference to None on every data() of
a table model that returns None, and on Python 3.11 the process aborts once None's count is
used up ('Fatal Python error: none_dealloc'). Each case runs in its own process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

PAINTING = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {src!r})
    from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
    from gebiedsapp.ui.none_guard import keep_none_alive

    app = QCoreApplication([])
    calls = sys.getrefcount(None) + 1000  # more than None has references
    if {guard}:
        keep_none_alive()

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 10

        def columnCount(self, parent=QModelIndex()):
            return 3

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None  # a role the model does not use, as on every paint

    model = Model()
    cell = model.index(1, 1)
    for _ in range(calls):
        cell.data(Qt.ItemDataRole.ToolTipRole)
    print("ALIVE", flush=True)
    """
)


def paint(*, guard: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PAINTING.format(src=str(SRC), guard=guard)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_without_the_guard_the_process_aborts() -> None:
    """When this fails, PySide6 no longer loses the references: the guard can go."""
    result = paint(guard=False)
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr


def test_with_the_guard_it_paints_on() -> None:
    result = paint(guard=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "ALIVE\n"


# Every emit() from Python loses a reference to True (the app emits on each worker result,
# change announcement and click); the UI tests of one process emitted enough to abort at exit.
EMITTING = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {src!r})
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    from gebiedsapp.ui.none_guard import keep_none_alive

    app = QCoreApplication([])
    calls = sys.getrefcount(True) + 1000  # more than True has references
    if {guard}:
        keep_none_alive()

    class Hub(QObject):
        changed = Signal(str)

    hub = Hub()
    hub.changed.connect(lambda kind: None)
    for _ in range(calls):
        hub.changed.emit("signals")
    print("ALIVE", flush=True)
    """
)


def emit(*, guard: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", EMITTING.format(src=str(SRC), guard=guard)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_without_the_guard_emitting_aborts() -> None:
    """When this fails, PySide6's emit no longer loses a reference to True."""
    result = emit(guard=False)
    assert result.returncode != 0
    assert "bool_dealloc" in result.stderr


def test_with_the_guard_it_emits_on() -> None:
    result = emit(guard=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "ALIVE\n"
