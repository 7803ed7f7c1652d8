"""English in the Dutch window (issue 13, item 10): Qt's file dialog and a signal status."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from gebiedsapp.ui.dutch import EXTRA, install_dutch
from gebiedsapp.ui.main_window import SIGNALS, MainWindow


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """Qt's Dutch as the window's start installs it; removed again after the test."""
    installed = install_dutch(qapp)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def menu_action(window: MainWindow, menu: str, text: str):  # type: ignore[no-untyped-def]
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu and top.menu() is not None:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu} → {text}")


def test_the_file_dialog_speaks_dutch(dutch: None, window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Bestand → Map voor reservekopieën… opens Qt's own file dialog (no native one here, as on
    the laptops that showed 'Look in:'): its labels were English, because Qt 6 asks for
    '&Look in:' and 'Files of &type:' and Qt's Dutch catalogue only knows them without the &."""
    seen: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            QTimer.singleShot(20, read_and_cancel)
            return
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Annuleren")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, read_and_cancel)
    menu_action(window, "Bestand", "Map voor reservekopieën…").trigger()
    assert "&Zoeken in:" in seen
    assert "Bestands&type:" in seen
    assert not [text for text in seen if "Look in" in text or "Files of" in text]


def test_the_committed_qm_is_built_from_the_ts_and_fills_real_gaps(
    qapp: QApplication, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """qt_extra_nl.qm is what lrelease makes of qt_extra_nl.ts; each of its strings is still
    missing from the catalogue PySide6 ships (when one is not, it can go)."""
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    from gebiedsapp.resources import resources_root

    folder = resources_root() / "translations"
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    built = tmp_path / "built.qm"
    subprocess.run(
        [lrelease, str(folder / f"{EXTRA}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert built.read_bytes() == (folder / f"{EXTRA}.qm").read_bytes()
    catalogue = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert catalogue.load("qtbase_nl", qt_folder), "qtbase_nl.qm is missing from PySide6"
    root = ET.parse(folder / f"{EXTRA}.ts").getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            assert name
            assert source
            assert not catalogue.translate(name, source), f"{source} is in qtbase_nl now"


def test_a_signal_on_hold_is_in_de_wacht(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    screen = window.screens[SIGNALS]
    combo = screen.status_combo  # type: ignore[attr-defined]
    statuses = [combo.itemText(i) for i in range(combo.count())]
    assert "In de wacht" in statuses
    assert "On hold" not in statuses
    window.context.background.wait()


def test_a_file_that_cannot_be_written_is_explained_in_dutch(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, tmp_path, monkeypatch
) -> None:
    """Exporteren… to a name that is a folder: the message ended in Python's 'Is a
    directory'."""
    from PySide6.QtWidgets import QDialog

    from gebiedsapp.ui import export as export_ui
    from gebiedsapp.ui.export import ExportDialog
    from gebiedsapp.ui.main_window import LISTS

    folder = tmp_path / "gesprekken.csv"
    folder.mkdir()

    def choose_csv(dialog: ExportDialog) -> int:
        dialog.csv_button.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportDialog, "exec", choose_csv)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(folder), "CSV (*.csv)"))
    )
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            export_ui.QMessageBox, kind, staticmethod(lambda _p, _t, text, *_a: shown.append(text))
        )
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # Lijsten
    lists = window.screens[LISTS]
    qtbot.waitUntil(lambda: not lists.is_busy(), timeout=15_000)  # type: ignore[attr-defined]
    qtbot.mouseClick(lists.exporter.button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert shown[0].startswith("Het bestand gesprekken.csv kon niet worden opgeslagen (dat is ")
    assert "directory" not in shown[0]
    assert "Error" not in shown[0]
    window.context.background.wait()


def test_why_there_is_no_translator_written_in_python(qapp: QApplication) -> None:
    """PySide6 6.12 (Python 3.11) loses a reference to None on every call of a QTranslator
    subclass's translate(): after some thousands of lookups the app aborts with 'Fatal Python
    error: none_dealloc'. So the gaps are a .qm file; when this test fails, PySide6 fixed it."""
    from PySide6.QtCore import QTranslator

    class Echo(QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return source

    echo = Echo(qapp)
    qapp.installTranslator(echo)
    before = sys.getrefcount(None)
    lost = 0
    try:
        for number in range(500):
            qapp.translate("Geen", f"tekst {number}")
        lost = before - sys.getrefcount(None)
    finally:
        qapp.removeTranslator(echo)
        for _ in range(max(lost, 0)):  # give them back, or this test run would abort later
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    assert lost >= 400
