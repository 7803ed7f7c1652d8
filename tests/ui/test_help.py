"""The Help menu (issue 17): F1 opens the Dutch user guide with its screenshots, the shortcut
overview is read from the window itself, About names version, licence, third-party notices and
the CBS/Kadaster source."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from gebiedsapp import __version__
from gebiedsapp.ui import help as app_help
from gebiedsapp.ui.help import AboutDialog, GuideDialog, ShortcutsDialog

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "handleiding.md"


def _help_action(window: Any, text: str) -> QAction:
    """The entry of the Help menu with this text (what a click on it triggers)."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def _answer_modal(qtbot: Any, seen: list[QWidget]) -> None:
    """Record the modal dialog a click opens, then close it as the user would (Esc)."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, close)
            return
        seen.append(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, close)


def test_f1_opens_the_guide_with_its_screenshots(qtbot: Any, window: Any) -> None:
    assert _help_action(window, "Handleiding").shortcut() == QKeySequence("F1")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(GuideDialog) is not None)
    dialog = window.findChild(GuideDialog)
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    assert "Handleiding Gebiedsapp" in text
    assert "Ctrl+N" in text
    assert "Samenvatting" in text
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(images) >= 4
    base = dialog.browser.document().baseUrl()
    for name in images:
        image = dialog.browser.loadResource(
            QTextDocument.ResourceType.ImageResource.value, base.resolved(QUrl(name))
        )
        assert isinstance(image, QImage), name
        assert not image.isNull(), name
        assert image.width() == app_help.GUIDE_IMAGE_WIDTH  # fits the dialog
    qtbot.keyClick(window, Qt.Key.Key_F1)  # again: the same window comes to the front
    assert len(window.findChildren(GuideDialog)) == 1


def test_the_guides_screenshots_exist_are_small_and_all_used() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    used = {Path(name).name for name in re.findall(r"!\[[^\]]*\]\(img/([^)]+)\)", text)}
    shipped = {path.name for path in (ROOT / "docs" / "img").glob("*.png")}
    assert used == shipped
    total = 0
    for name in shipped:
        path = ROOT / "docs" / "img" / name
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), name  # the municipal laptop
        total += path.stat().st_size
    assert total < 500_000  # palette PNGs, not photos


def test_the_shortcut_overview_lists_the_windows_own_shortcuts(qtbot: Any, window: Any) -> None:
    extra = QAction("Iets nieuws", window)  # any action added later shows up by itself
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(extra)
    seen: list[QWidget] = []
    _answer_modal(qtbot, seen)
    _help_action(window, "Sneltoetsen").trigger()
    assert seen
    assert isinstance(seen[0], ShortcutsDialog)
    rows = seen[0].rows()
    by_keys = {keys: (what, where) for keys, what, where in rows}
    assert by_keys["F1"] == ("Handleiding", "Overal")
    assert by_keys["Ctrl+1"] == ("Gebied", "Overal")
    assert by_keys["Ctrl+0"] == ("Beheer", "Overal")
    assert by_keys["Ctrl+N"] == ("Nieuwe koffiekarronde", "Overal")
    assert by_keys["Ctrl+Shift+N"] == ("Nieuw contact", "Overal")
    assert by_keys["Ctrl+Alt+J"] == ("Iets nieuws", "Overal")
    assert ("Ctrl+S", "Ronde opslaan", "Koffiekar") in rows
    assert ("Return / Enter", "Gekozen gesprek bewerken", "Koffiekar") in rows
    # every shortcut of every action in the window is in the list
    listed = {key for keys, _what, _where in rows for key in keys.split(" / ")}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty() and action.text():
                assert key.toString(QKeySequence.SequenceFormat.NativeText) in listed
    assert all(what != "(geen beschrijving)" for _keys, what, _where in rows)


def test_about_names_version_licence_notices_and_the_cbs_source(qtbot: Any, window: Any) -> None:
    seen: list[QWidget] = []
    _answer_modal(qtbot, seen)
    _help_action(window, "Over Gebiedsapp").trigger()
    assert seen
    assert isinstance(seen[0], AboutDialog)
    about = seen[0]
    summary = about.summary.text()
    assert __version__ in summary
    assert "EUPL-1.2" in summary
    assert "CBS / Kadaster" in summary
    assert "CC BY 4.0" in summary
    notices = about.notices.toPlainText()
    assert "PySide6" in notices
    assert "ReportLab" in notices
    assert "SQLCipher" in notices


def test_shipped_files_are_found_in_the_bundle_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller puts docs/ and the notices in sys._MEIPASS; the notices also beside the
    executable, where IT finds them."""
    bundle = tmp_path / "_internal"
    (bundle / "docs").mkdir(parents=True)
    (bundle / "docs" / "handleiding.md").write_text("# gebundeld", encoding="utf-8")
    (tmp_path / "THIRD_PARTY_NOTICES.md").write_text("naast het programma", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "gebiedsapp-gui.exe"))
    assert app_help.shipped_file("docs", "handleiding.md") == bundle / "docs" / "handleiding.md"
    assert app_help.shipped_file("THIRD_PARTY_NOTICES.md") == tmp_path / "THIRD_PARTY_NOTICES.md"
    assert app_help.shipped_file("LICENSE") == ROOT / "LICENSE"  # from source otherwise


def test_the_app_icon_is_shipped(qtbot: Any) -> None:
    assert not app_help.app_icon().isNull()
