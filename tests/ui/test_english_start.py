"""In English the start speaks English from its first dialog: the language is installed
before the passphrase is asked or a second window is refused, and the passphrase dialog's
texts (strength, hints) are English too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from gebiedsapp.ui import app as app_module
from gebiedsapp.ui import language
from gebiedsapp.ui.app import run_gui
from gebiedsapp.ui.passphrase import PassphraseDialog, Purpose


def _texts(dialog: PassphraseDialog) -> list[str]:
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    buttons = [b.text() for b in dialog.findChildren(QDialogButtonBox)[0].buttons()]
    return [dialog.windowTitle(), *labels, dialog.keep.text(), *buttons]


def test_a_first_start_in_english_asks_the_passphrase_in_english(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(language.ENV, language.ENGLISH)
    seen: list[list[str]] = []
    typed: list[tuple[str, str]] = []

    def look_and_cancel(dialog: PassphraseDialog) -> int:
        seen.append(_texts(dialog))
        qtbot.keyClicks(dialog.first, "zomer")  # as a user types: the strength says why
        typed.append((dialog.verdict.text(), dialog.hint.text()))
        return PassphraseDialog.DialogCode.Rejected

    monkeypatch.setattr(PassphraseDialog, "exec", look_and_cancel)
    code = run_gui(database=str(tmp_path / "nieuw.db"), data_dir=str(tmp_path / "data"))
    assert code == 1  # cancelled: nothing opened
    assert len(seen) == 1
    texts = seen[0]
    assert texts[0] == "Choose a passphrase"
    assert "Residents' data is kept encrypted on this laptop." in texts[1]
    assert "New passphrase:" in texts
    assert "Strength:" in texts
    assert "Create database" in texts
    assert "Quit" in texts
    assert any(t.startswith("Without this passphrase nothing can be read") for t in texts)
    assert typed == [
        ("Very weak", "Use at least 10 characters; a phrase of four words works well.")
    ]
    dutch = {"Wachtwoord kiezen", "Nieuw wachtwoord:", "Sterkte:", "Database maken", "Afsluiten"}
    assert dutch.isdisjoint(texts)


def test_without_a_choice_the_first_dialog_stays_dutch(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(language.ENV, raising=False)
    monkeypatch.setattr(app_module, "QSettings", lambda *_a: _NoSettings())
    seen: list[list[str]] = []

    def look_and_cancel(dialog: PassphraseDialog) -> int:
        seen.append(_texts(dialog))
        return PassphraseDialog.DialogCode.Rejected

    monkeypatch.setattr(PassphraseDialog, "exec", look_and_cancel)
    assert run_gui(database=str(tmp_path / "nieuw.db"), data_dir=str(tmp_path / "data")) == 1
    assert seen[0][0] == "Wachtwoord kiezen"
    assert "Afsluiten" in seen[0]


class _NoSettings:
    """A developer's own saved language never decides a test."""

    def value(self, _key: str, default: object = None) -> object:
        return default


def test_the_wrong_passphrase_and_the_unlock_dialog_in_english(qtbot: Any) -> None:
    from gebiedsapp.ui.unlock import WRONG, translate

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    english = language.install_translators(app, language.ENGLISH)
    try:
        problem = translate("Unlock", WRONG)
        dialog = PassphraseDialog(Purpose.UNLOCK, where="/tmp/x.db", problem=problem)
        qtbot.addWidget(dialog)
        texts = _texts(dialog)
    finally:
        language.remove_translators(app, english)
    assert texts[0] == "Open database"
    assert "Passphrase:" in texts
    assert "Database: /tmp/x.db" in texts
    assert any(t.startswith("The passphrase is wrong.") for t in texts)
    assert "Open" in texts


def test_a_second_start_in_english_says_so_in_english(  # type: ignore[no-untyped-def]
    qtbot, db_url: str, tmp_path: Path, monkeypatch
) -> None:
    from gebiedsapp.storage.lock import DatabaseLock

    monkeypatch.setenv(language.ENV, language.ENGLISH)
    database = Path(db_url.removeprefix("sqlite:///"))
    holder = DatabaseLock(database, program="gebiedsapp db restore", user="bert")
    assert holder.acquire()
    monkeypatch.setattr(app_module, "_open", lambda *_a: 2)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: shown.append((title, text))
    )
    try:
        code = run_gui(database=str(database), data_dir=str(tmp_path / "data"))
    finally:
        holder.release()
    assert code == 1
    assert shown[0][0] == "Gebiedsapp is already open"
    assert shown[0][1].startswith(f"The database {database} is already open ")
    assert "Wait until that command has finished" in shown[0][1]
    assert shown[0][1].endswith("Nothing was changed.")


def test_the_guide_says_in_both_languages_what_stays_dutch() -> None:
    guide = Path(__file__).resolve().parents[2] / "docs" / "handleiding.md"
    section = guide.read_text(encoding="utf-8").split("## Taal / Language", 1)[1]
    section = section.split("\n## ", 1)[0]
    assert "PDF's en exports" in section
    assert "Nederlands" in section
    assert "the PDFs and" in section
    assert "stay in\nDutch" in section or "stay in Dutch" in section
