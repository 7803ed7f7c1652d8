"""A zero-byte database file (issue 14, item 8): a disk, sync or copy fault emptied it. No
command may quietly make a new, empty database in its place; each refuses in Dutch and says
to restore a backup, and the restore itself works onto it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsapp import cli
from gebiedsapp.paths import app_paths
from gebiedsapp.services import encryption
from gebiedsapp.startup import open_database
from gebiedsapp.storage.errors import EmptyDatabaseFileError
from gebiedsapp.storage.migrate import creating_marker
from support.dbfile import TEST_KEY


@pytest.fixture
def emptied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A database that had data and a backup, then was emptied to zero bytes."""
    monkeypatch.setenv("GEBIEDSAPP_USER", "anna")
    monkeypatch.setenv("GEBIEDSAPP_PASSPHRASE", "paard kaas fiets lantaarn")
    db = tmp_path / "gebiedsapp.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "backup"]) == 0
    db.write_bytes(b"")
    return db, base


def _only_the_empty_file(db: Path) -> None:
    assert db.stat().st_size == 0
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name)) == [db.name]


@pytest.mark.parametrize(
    "command",
    [
        ["areas"],
        ["db", "current"],
        ["db", "upgrade"],
        ["db", "backup"],
        ["db", "encrypt"],
        ["demo-data"],
        ["privacy", "retention", "--dry-run"],
    ],
)
def test_no_command_replaces_an_empty_file_by_a_new_database(
    emptied: tuple[Path, list[str]], command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, base = emptied
    capsys.readouterr()
    assert cli.main([*base, *command]) == 2
    err = capsys.readouterr().err
    assert "is leeg (0 bytes)" in err
    assert "reservekopie terug" in err
    _only_the_empty_file(db)


def test_the_start_refuses_it_before_asking_for_a_new_passphrase(
    emptied: tuple[Path, list[str]],
) -> None:
    db, _base = emptied
    with pytest.raises(EmptyDatabaseFileError) as refused:
        encryption.database_state(f"sqlite:///{db}")  # what the window asks first
    assert refused.value.path == db
    with pytest.raises(EmptyDatabaseFileError):
        open_database(f"sqlite:///{db}", app_paths(db.parent / "data"), actor="x", key=TEST_KEY)
    _only_the_empty_file(db)


def test_a_backup_is_restored_onto_the_empty_file(
    emptied: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    _db, base = emptied
    assert cli.main([*base, "db", "restore", "1", "--yes"]) == 0
    assert cli.main([*base, "areas"]) == 0
    assert "Oldambt" in capsys.readouterr().out


def test_a_first_start_that_stopped_before_its_first_write_goes_on(tmp_path: Path) -> None:
    """The app's own new database, emptied by a crash of its very first start (its marker is
    beside it), is made as it would have been."""
    db = tmp_path / "nieuw.db"
    paths = app_paths(tmp_path / "data")
    db.write_bytes(b"")
    creating_marker(db).touch()
    open_database(f"sqlite:///{db}", paths, actor="x", key=TEST_KEY).database.dispose()
    assert db.stat().st_size > 0
    assert not creating_marker(db).exists()
    db.write_bytes(b"")  # emptied later: refused from now on
    with pytest.raises(EmptyDatabaseFileError):
        open_database(f"sqlite:///{db}", paths, actor="x", key=TEST_KEY)
