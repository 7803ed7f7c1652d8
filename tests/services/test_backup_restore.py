"""Backups and damage (issue 6): backups with a preview of what they hold, restoring one (the
current database kept first), a damaged database refused at start with nothing written, and
hostile files in the backup folder read safely."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gebiedsapp import cli
from gebiedsapp.domain import reference_id
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import audit, backups, koffiekar
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.koffiekar import SessionInput
from gebiedsapp.startup import open_database
from gebiedsapp.storage.backup import inspect_backup
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import BackupError, DamagedDatabaseError
from support import dbfile
from support.dbfile import TEST_KEY

BEERTA = reference_id("area", "beerta")


def _rounds(database: Database, n: int) -> None:
    with database.unit_of_work("anna") as s:
        for day in range(1, n + 1):
            koffiekar.start_session(
                s, SessionInput(area_id=BEERTA, day=date(2026, 3, day), start_time=time(10))
            )


def _count(path: Path) -> int:
    connection = dbfile.connect(path, read_only=True)
    try:
        return int(
            connection.execute(
                "SELECT count(*) FROM koffiekar_session WHERE deleted_at IS NULL"
            ).fetchone()[0]
        )
    finally:
        connection.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backups_are_listed_newest_first_with_what_they_hold(
    database: Database, app_paths: AppPaths
) -> None:
    folder = app_paths.backup_dir
    _rounds(database, 2)
    first = backups.make_backup(database, folder)
    _rounds(database, 3)
    second = backups.make_backup(database, folder, reason="voor-import")
    assert database.file is not None
    found = backups.backups(database.file, folder, TEST_KEY)
    assert [b.path for b in found[:2]] == [second, first]
    assert dict(found[0].counts)["koffiekarrondes"] == 5
    assert dict(found[1].counts)["koffiekarrondes"] == 2
    assert found[0].reason == "voor-import"
    assert all(b.usable for b in found)


def test_restore_puts_the_copy_back_and_keeps_the_current_one(
    database: Database, app_paths: AppPaths, db_url: str
) -> None:
    folder = app_paths.backup_dir
    _rounds(database, 2)
    copy = backups.make_backup(database, folder)
    _rounds(database, 4)
    path = database.file
    assert path is not None
    database.dispose()
    safety = backups.restore_backup(path, copy, folder, key=TEST_KEY, replace_newer=True)
    assert _count(path) == 2
    assert safety is not None
    assert _count(safety) == 6
    reopened = open_database(db_url, app_paths, actor="anna", key=TEST_KEY)
    try:
        with reopened.database.sessions() as s:
            assert audit.verify_chain(s).ok
    finally:
        reopened.database.dispose()


def test_a_damaged_database_is_refused_untouched_and_can_be_restored(
    database: Database, app_paths: AppPaths, db_url: str, tmp_path: Path
) -> None:
    folder = app_paths.backup_dir
    _rounds(database, 3)
    copy = backups.make_backup(database, folder)
    path = database.file
    assert path is not None
    database.dispose()
    connection = dbfile.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 2):  # garble b-tree pages
        data[offset + 8 : offset + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(db_url, app_paths, actor="anna", key=TEST_KEY)
    assert "is beschadigd" in refused.value.user_message
    assert "Reservekopie terugzetten" in refused.value.user_message
    assert _digest(path) == before  # nothing written
    good = backups.newest_good(path, folder, TEST_KEY)
    assert good is not None
    assert good.path == copy
    with pytest.raises(BackupError, match="no safety copy"):  # not without asking: damaged=True
        backups.restore_backup(path, good.path, folder, key=TEST_KEY)
    assert _digest(path) == before
    kept = backups.restore_backup(path, good.path, folder, key=TEST_KEY, damaged=True)
    assert kept is not None
    assert kept.name.endswith("-beschadigd.db")
    assert _digest(kept) == before  # the damaged file, byte for byte
    reopened = open_database(db_url, app_paths, actor="anna", key=TEST_KEY)
    reopened.database.dispose()
    assert _count(path) == 3


def test_the_backup_folder_must_exist_and_be_writable(database: Database, tmp_path: Path) -> None:
    with database.unit_of_work("beheer") as s:
        with pytest.raises(ValidationError) as refused:
            backups.set_backup_dir(s, tmp_path / "bestaat-niet")
        assert "bestaat niet" in refused.value.message
        assert backups.set_backup_dir(s, tmp_path) == tmp_path
    with database.sessions() as s:
        assert backups.backup_dir_of(s, Path("/standaard")) == tmp_path


# --- hostile files in the backup folder -----------------------------------------------------


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    path = tmp_path / "gebiedsapp-20260101-120000-000000-handmatig.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE iets (x)")
    return path


def test_a_database_of_another_program_is_not_restored(
    database: Database, app_paths: AppPaths, foreign: Path
) -> None:
    assert inspect_backup(foreign).problem == "Geen reservekopie van de Gebiedsapp."
    path = database.file
    assert path is not None
    database.dispose()
    before = _digest(path)
    with pytest.raises(BackupError):
        backups.restore_backup(path, foreign, app_paths.backup_dir, key=TEST_KEY)
    assert _digest(path) == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=4096),
        st.binary(max_size=2000).map(lambda tail: b"SQLite format 3\x00" + tail),
    )
)
def test_random_bytes_as_a_backup_never_crash_and_are_never_restored(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    backup = folder / "gebiedsapp-20260101-120000-000000-handmatig.db"
    backup.write_bytes(content)
    target = folder / "doel.db"
    with sqlite3.connect(target) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num)")
    before = _digest(target)
    info = inspect_backup(backup)
    assert not info.usable
    assert info.problem
    with pytest.raises(BackupError) as refused:
        backups.restore_backup(target, backup, folder)
    assert refused.value.user_message.startswith("Deze reservekopie kan niet worden teruggezet")
    assert _digest(target) == before
    shutil.rmtree(folder)


# --- the command line -----------------------------------------------------------------------


@pytest.mark.usefixtures("cli_environment")
def test_restore_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "backup"]) == 0
    database = Database.connect(f"sqlite:///{db}", dbfile.key_of(db))
    _rounds(database, 2)
    database.dispose()
    capsys.readouterr()
    assert cli.main([*base, "db", "restore"]) == 0
    listing = capsys.readouterr().out
    assert "  1. " in listing
    assert "0 koffiekarrondes" in listing
    assert cli.main([*base, "db", "restore", "1"]) == 2  # asks for --yes
    assert "Voeg --yes toe" in capsys.readouterr().err
    assert _count(db) == 2
    assert cli.main([*base, "db", "restore", "1", "--yes"]) == 2  # newer records: say which
    refused = capsys.readouterr()
    assert "2 koffiekarrondes meer dan deze reservekopie" in refused.out
    assert "--replace-newer" in refused.err
    assert _count(db) == 2
    assert cli.main([*base, "db", "restore", "1", "--yes", "--replace-newer"]) == 0
    out = capsys.readouterr().out
    assert "Teruggezet:" in out
    assert "De database van daarvoor staat in:" in out
    assert _count(db) == 0


def test_the_oldest_of_a_full_rotation_can_be_restored(
    database: Database, app_paths: AppPaths
) -> None:
    folder = app_paths.backup_dir
    oldest = backups.make_backup(database, folder)
    for _ in range(10):  # the rotation is full: the next copy would push the oldest out
        backups.make_backup(database, folder)
    path = database.file
    assert path is not None
    database.dispose()
    if not oldest.exists():  # rotated out by the manual copies themselves: take the oldest left
        oldest = backups.backups(path, folder, TEST_KEY)[-1].path
    assert backups.restore_backup(path, oldest, folder, key=TEST_KEY) is not None
    assert oldest.exists()


def test_no_restore_without_a_safety_copy_unless_damaged(
    database: Database, app_paths: AppPaths, tmp_path: Path
) -> None:
    copy = backups.make_backup(database, app_paths.backup_dir)
    _rounds(database, 2)
    path = database.file
    assert path is not None
    database.dispose()
    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("geen map")
    before = _digest(path)
    with pytest.raises(BackupError) as refused:
        backups.restore_backup(path, copy, not_a_folder, key=TEST_KEY, replace_newer=True)
    assert refused.value.user_message.startswith("Er is niets teruggezet")
    assert _digest(path) == before
    assert (
        backups.restore_backup(
            path, copy, not_a_folder, damaged=True, key=TEST_KEY, replace_newer=True
        )
        is None
    )
    assert _count(path) == 0
