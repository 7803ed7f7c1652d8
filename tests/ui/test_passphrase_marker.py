"""What the app notes about a remembered passphrase (services.passphrases: yes or no per
database, in the user's config folder) so that a start imports the keyring before its dialog
only where one may be remembered (issue 19): remembering notes yes, declining notes no (and
the next start asks with the dialog, not the keyring), a change of passphrase keeps both the
keyring and the note right, and a computer without a keyring switches the box off once the
dialog shows. The real processes are in test_unlock_imports.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from passphrase_steps import answers
from PySide6.QtWidgets import QMessageBox

from gebiedsapp.paths import AppPaths
from gebiedsapp.services import encryption, passphrases
from gebiedsapp.startup import open_database
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.passphrase import PassphraseDialog, Purpose
from gebiedsapp.ui.unlock import change_passphrase, open_with_passphrase

STRONG = "paard kaas fiets lantaarn"
OTHER = "kroket wolk trombone dijk"


def _noted(path: Path) -> str:
    marker = passphrases.marker_file(path)
    return marker.read_text(encoding="utf-8") if marker.exists() else ""


def test_declining_notes_no_and_remembering_notes_yes(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths, memory_keyring: Any
) -> None:
    path = tmp_path / "slot.db"
    url = f"sqlite:///{path}"
    open_database(url, app_paths, actor="x", key=encryption.key_for(url, STRONG)).database.dispose()

    ask, seen = answers({"current": STRONG, "remember": False})
    result = open_with_passphrase(url, app_paths, "anna", ask=ask)
    assert result is not None
    result[0].database.dispose()
    assert _noted(path) == "no"
    assert memory_keyring.secrets == {}

    # declined: the next start asks with the dialog and does not read the keyring (which a
    # start could only do by importing it first), even where it still holds one
    passphrases.remember_passphrase(path, STRONG)  # as left by an older version
    passphrases.not_remembered(path)
    ask, seen = answers({"current": STRONG, "remember": True})
    result = open_with_passphrase(url, app_paths, "anna", ask=ask)
    assert result is not None
    result[0].database.dispose()
    assert len(seen) == 1
    assert _noted(path) == "yes"
    assert list(memory_keyring.secrets.values()) == [STRONG]

    ask, seen = answers()  # remembered: no dialog
    result = open_with_passphrase(url, app_paths, "anna", ask=ask)
    assert result is not None
    result[0].database.dispose()
    assert seen == []


def test_a_new_database_notes_whether_its_passphrase_is_remembered(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths
) -> None:
    for name, remember, noted in (("een.db", False, "no"), ("twee.db", True, "yes")):
        path = tmp_path / name
        ask, _seen = answers({"first": STRONG, "second": STRONG, "remember": remember})
        result = open_with_passphrase(f"sqlite:///{path}", app_paths, "anna", ask=ask)
        assert result is not None
        result[0].database.dispose()
        assert _noted(path) == noted


@pytest.mark.parametrize("remembered", [True, False])
def test_a_change_of_passphrase_keeps_the_keyring_and_the_note_right(
    qtbot: Any,
    context: AppContext,
    memory_keyring: Any,
    monkeypatch: pytest.MonkeyPatch,
    remembered: bool,
) -> None:
    from support.dbfile import TEST_PASSPHRASE

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_a: None))
    path = context.database.file
    assert path is not None
    if remembered:
        passphrases.remember_passphrase(path, TEST_PASSPHRASE)
    else:
        passphrases.not_remembered(path)
    ask, _seen = answers({"current": TEST_PASSPHRASE, "first": OTHER, "second": OTHER})
    assert change_passphrase(context, None, ask=ask)
    assert _noted(path) == ("yes" if remembered else "no")
    assert list(memory_keyring.secrets.values()) == ([OTHER] if remembered else [])
    assert passphrases.may_be_remembered(path) is remembered


def test_without_a_keyring_the_box_is_switched_off_once_the_dialog_shows(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start that did not need the keyring before its dialog offers the box, asks the
    keyring on a thread once the dialog is painted, and switches the box off saying why."""
    keyring.set_keyring(fail.Keyring())  # this computer has none (memory_keyring restores)
    monkeypatch.setattr(passphrases, "keyring_imported", lambda: False)  # as at a start
    dialog = PassphraseDialog(Purpose.UNLOCK)
    qtbot.addWidget(dialog)
    assert dialog.keep.isVisible() is False  # not shown yet
    assert dialog.keep.isEnabled()
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.keep.isEnabled())
    assert not dialog.keep.isChecked()
    assert "geen sleutelhanger" in dialog.keep.toolTip()
    dialog.current.setText(STRONG)
    dialog.keep.setChecked(True)  # as nothing a user can do any more
    assert not dialog.remember()
