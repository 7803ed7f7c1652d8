"""Opening the window after a change of passphrase (issue 14, item 1): the old passphrase is
'another passphrase', never 'damaged' with a restore on offer; an interrupted change is
finished before the dialog asks, and the dialog says which passphrase holds now."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gebiedsapp.paths import AppPaths
from gebiedsapp.services import backups, encryption, rekey
from gebiedsapp.startup import OTHER, open_database
from gebiedsapp.storage import crypto
from gebiedsapp.storage.crypto import DatabaseKey
from gebiedsapp.ui.passphrase import PassphraseDialog
from gebiedsapp.ui.unlock import open_with_passphrase

OLD = "paard kaas fiets lantaarn"
NEW = "kroket wolk trombone dijk"


def _typing(*passphrases: str) -> tuple[Callable[[PassphraseDialog], bool], list[str]]:
    """Types each passphrase into the dialog in turn; records what the dialog said first."""
    said: list[str] = []
    queue = list(passphrases)

    def ask(dialog: PassphraseDialog) -> bool:
        said.append(dialog.problem.text())
        if not queue:
            return False
        dialog.current.setText(queue.pop(0))
        dialog._accept()
        return dialog.result() == PassphraseDialog.DialogCode.Accepted

    return ask, said


@pytest.fixture
def database_file(tmp_path: Path, app_paths: AppPaths) -> Path:
    path = tmp_path / "wissel.db"
    url = f"sqlite:///{path}"
    database = open_database(url, app_paths, actor="x", key=encryption.key_for(url, OLD)).database
    backups.make_backup(database, app_paths.backup_dir, reason="start")
    database.dispose()
    return path


def test_the_old_passphrase_is_explained_not_called_damage(
    qtbot: Any, database_file: Path, app_paths: AppPaths
) -> None:
    old = DatabaseKey.for_file(OLD, database_file)
    connection = crypto.connect_file(database_file, old)  # re-keyed; its backup was not
    crypto.rekey(connection, DatabaseKey.derive(NEW, old.salt))
    connection.close()

    ask, said = _typing(OLD, NEW)
    result = open_with_passphrase(f"sqlite:///{database_file}", app_paths, "anna", ask=ask)

    assert result is not None
    result[0].database.dispose()
    assert said == ["", OTHER]


def test_an_interrupted_change_is_finished_and_said(
    qtbot: Any, database_file: Path, app_paths: AppPaths
) -> None:
    old = DatabaseKey.for_file(OLD, database_file)
    new = DatabaseKey.derive(NEW, old.salt)
    fresh = database_file.with_name(database_file.name + rekey.NEW_SUFFIX)
    crypto.rekeyed_copy(database_file, fresh, old, new)
    rekey._write_marker(rekey.marker_of(database_file), rekey.SWITCHING, [(fresh, database_file)])

    ask, said = _typing(NEW)
    result = open_with_passphrase(f"sqlite:///{database_file}", app_paths, "anna", ask=ask)

    assert result is not None
    result[0].database.dispose()
    assert said == [rekey.FINISHED]
    assert not rekey.marker_of(database_file).exists()
