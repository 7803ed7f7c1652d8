"""English in the Dutch window (issue 13, item 10): Qt's file dialog and a signal status."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLibraryInfo, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from gebiedsapp.ui.dutch import MISSING, install_dutch
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


def test_the_gaps_are_still_gaps_in_the_shipped_catalogue(qapp: QApplication) -> None:
    """When PySide6 ships a catalogue that has them, MISSING can go (this test says so)."""
    from PySide6.QtCore import QTranslator

    catalogue = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert catalogue.load("qtbase_nl", folder), "qtbase_nl.qm is missing from PySide6"
    for context, source in MISSING:
        assert not catalogue.translate(context, source), f"{source} is translated now"


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
