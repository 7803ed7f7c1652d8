"""The passphrase in the window: chosen on first start (with its strength shown), asked to
open, asked again after a wrong one, remembered in the keyring when asked; a plain database
encrypted from the Beheer menu; the passphrase changed."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from passphrase_steps import answers
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from gebiedsapp.domain import Resident, reference_id
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import encryption
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.startup import open_database
from gebiedsapp.storage import crypto
from gebiedsapp.ui.context import AppContext, ChangeHub
from gebiedsapp.ui.passphrase import PassphraseDialog, Purpose
from gebiedsapp.ui.unlock import (
    WRONG,
    change_passphrase,
    encrypt_database,
    open_with_passphrase,
)

STRONG = "paard kaas fiets lantaarn"
OTHER = "kroket wolk trombone dijk"


def test_the_strength_is_shown_and_a_weak_passphrase_cannot_be_chosen(qtbot: Any) -> None:
    dialog = PassphraseDialog(Purpose.NEW)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.first.setText("welkom01")
    dialog.second.setText("welkom01")
    assert dialog.verdict.text() in ("Heel zwak", "Zwak")
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint.text()
    dialog.first.setText(STRONG)
    assert dialog.meter.value() >= 3
    assert dialog.verdict.text() in ("Sterk", "Heel sterk")
    assert not dialog.ok_button.isEnabled()  # not yet repeated
    dialog.second.setText(STRONG)
    assert dialog.ok_button.isEnabled()
    assert dialog.passphrase() == STRONG


def test_a_dutch_word_with_a_year_is_rated_weak_and_refused(qtbot: Any) -> None:
    dialog = PassphraseDialog(Purpose.NEW)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first, "Zomer2026!")
    qtbot.keyClicks(dialog.second, "Zomer2026!")
    assert dialog.verdict.text() in ("Heel zwak", "Zwak", "Matig")
    assert not dialog.ok_button.isEnabled()


def test_first_start_chooses_a_passphrase_and_the_database_is_encrypted(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths
) -> None:
    url = f"sqlite:///{tmp_path / 'nieuw.db'}"
    ask, seen = answers({"first": STRONG, "second": STRONG})
    result = open_with_passphrase(url, app_paths, "anna", ask=ask)
    assert result is not None
    opened, key = result
    opened.database.dispose()
    assert [d.purpose for d in seen] == [Purpose.NEW]
    assert key is not None
    assert crypto.file_state(tmp_path / "nieuw.db") == crypto.ENCRYPTED
    assert opened.database.encrypted


def test_a_wrong_passphrase_asks_again_and_cancel_opens_nothing(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "slot.db"
    url = f"sqlite:///{path}"
    open_database(url, app_paths, actor="x", key=encryption.key_for(url, STRONG)).database.dispose()
    before = path.read_bytes()

    ask, seen = answers({"current": "fout wachtwoord"}, None)
    assert open_with_passphrase(url, app_paths, "anna", ask=ask) is None
    assert [d.purpose for d in seen] == [Purpose.UNLOCK, Purpose.UNLOCK]
    assert seen[0].problem.text() == ""
    assert seen[1].problem.text() == WRONG
    assert path.read_bytes() == before

    ask, seen = answers({"current": "fout"}, {"current": STRONG, "remember": True})
    result = open_with_passphrase(url, app_paths, "anna", ask=ask)
    assert result is not None
    result[0].database.dispose()
    assert len(seen) == 2

    # remembered in the keyring: the next start asks nothing
    ask, seen = answers()
    result = open_with_passphrase(url, app_paths, "anna", ask=ask)
    assert result is not None
    result[0].database.dispose()
    assert seen == []


def test_the_passphrase_from_the_environment_opens_without_a_dialog(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'script.db'}"
    ask, seen = answers()
    for _ in range(2):  # made, then opened
        monkeypatch.setenv(encryption.PASSPHRASE_ENV, STRONG)
        result = open_with_passphrase(url, app_paths, "anna", ask=ask)
        assert encryption.PASSPHRASE_ENV not in os.environ  # not passed on to child processes
        assert result is not None
        assert result[0].database.encrypted
        result[0].database.dispose()
    assert seen == []


def _count(context: AppContext) -> int:
    with context.read() as session:
        return session.scalar(select(func.count()).select_from(Resident)) or 0


def _add_resident(context: AppContext) -> object:
    return context.perform(
        None,
        lambda session: register_resident(
            session,
            ResidentInput(name="Jantje Bewonersma", phone="0612345678", wants_contact=True,
                          consent=True),
            area_id=reference_id("area", "beerta"),
            today=date(2026, 3, 2),
        ),
        changes=(),
    )  # fmt: skip


def test_a_plain_database_is_encrypted_from_the_window(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gebiedsapp.ui.main_window import MainWindow

    shown: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda _p, _t, text, *_a: shown.append(text))
        )
    opened = open_database(f"sqlite:///{tmp_path / 'oud.db'}", app_paths, actor="anna")
    context = AppContext(database=opened.database, actor="anna", paths=app_paths, hub=ChangeHub())
    window = MainWindow(context, _settings(tmp_path))
    qtbot.addWidget(window)
    try:
        assert "Niet versleuteld" in window.protection_label.text()
        assert window.encrypt_action.isEnabled()
        assert not window.passphrase_action.isEnabled()
        assert _add_resident(context) is None  # refused, with a message
        assert "niet versleuteld" in shown[-1]
        assert _count(context) == 0

        ask, _seen = answers({"first": STRONG, "second": STRONG})
        assert encrypt_database(context, window, ask=ask)
        window._show_protection()

        assert context.database.encrypted
        assert window.protection_label.text() == "Versleuteld"
        assert not window.encrypt_action.isEnabled()
        assert _add_resident(context) is not None  # the same window, now with the name
        assert _count(context) == 1
    finally:
        context.background.wait()
        context.database.dispose()
    assert crypto.file_state(tmp_path / "oud.db") == crypto.ENCRYPTED
    assert b"Bewonersma" not in (tmp_path / "oud.db").read_bytes()


def test_changing_the_passphrase_checks_the_current_one(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from support.dbfile import TEST_PASSPHRASE

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_a: None))
    ask, seen = answers(
        {"current": "niet het huidige", "first": OTHER, "second": OTHER},
        {"current": TEST_PASSPHRASE, "first": OTHER, "second": OTHER},
    )
    assert change_passphrase(context, None, ask=ask)
    assert "onjuist" in seen[1].problem.text()
    path = context.database.file
    assert path is not None
    assert context.database.key == crypto.DatabaseKey.derive(OTHER, crypto.read_salt(path) or b"")
    with context.read() as session:  # the app goes on with the new key
        assert session.scalar(select(func.count()).select_from(Resident)) == 0


def _settings(tmp_path: Path) -> Any:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_a_weak_passphrase_from_the_environment_makes_no_database(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gebiedsapp.storage.errors import WrongPassphraseError

    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "welkom01")
    with pytest.raises(WrongPassphraseError) as refused:
        open_with_passphrase(f"sqlite:///{tmp_path / 'zwak.db'}", app_paths, "anna")
    assert "te zwak" in refused.value.user_message
    assert not (tmp_path / "zwak.db").exists()


def test_nothing_is_encrypted_while_a_start_backup_still_runs(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a: shown.append(text))
    )
    opened = open_database(f"sqlite:///{tmp_path / 'bezig.db'}", app_paths, actor="anna")
    context = AppContext(database=opened.database, actor="anna", paths=app_paths, hub=ChangeHub())
    monkeypatch.setattr(context.background, "wait", lambda *_a, **_k: False)
    try:
        ask, _seen = answers({"first": STRONG, "second": STRONG})
        assert not encrypt_database(context, None, ask=ask)
        assert "nog bezig" in shown[-1]
        assert crypto.file_state(tmp_path / "bezig.db") == crypto.PLAIN
        assert _count(context) == 0  # the database still works, unchanged
    finally:
        monkeypatch.undo()
        context.background.wait()
        context.database.dispose()
