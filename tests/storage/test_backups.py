"""Backup copies through SQLite's online backup API, and their rotation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from gebiedsapp.services import teams
from gebiedsapp.storage.backup import backup_sqlite_file, list_backups
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import BackupError
from support import dbfile

TABLES = ("area", "area_buurt", "cbs_buurt", "cbs_wijk", "theme", "team_member", "alembic_version")


def _counts_via_sqlite(path: Path) -> dict[str, int]:
    connection = dbfile.connect(path, read_only=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        connection.close()


def _counts_via_engine(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
        }


def _make_db_file(path: Path) -> Path:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    finally:
        connection.close()
    return path


def test_backup_is_a_readable_copy_with_the_same_rows(
    database: Database, session: Session, tmp_path: Path
) -> None:
    teams.add_member(session, name="Bram Voorbeeldstra")
    session.commit()  # in WAL mode this row sits in test.db-wal, not yet in test.db
    source = database.file
    assert source is not None

    copy = backup_sqlite_file(source, tmp_path / "copies", reason="test", key=database.key)

    assert copy.parent == tmp_path / "copies"
    assert copy.name.startswith("test-")
    assert copy.name.endswith("-test.db")
    counts = _counts_via_sqlite(copy)
    assert counts == _counts_via_engine(database)
    assert counts["team_member"] == 1
    assert counts["cbs_buurt"] == 50


def test_rotation_keeps_the_newest_per_reason(tmp_path: Path) -> None:
    source = _make_db_file(tmp_path / "demo.db")
    backups = tmp_path / "backups"
    upgrade = backup_sqlite_file(source, backups, reason="voor-upgrade-0005", keep=3)
    made = [backup_sqlite_file(source, backups, reason="start", keep=3) for _ in range(5)]
    restore = backup_sqlite_file(source, backups, reason="voor-terugzetten", keep=1, rotate=False)
    again = backup_sqlite_file(source, backups, reason="voor-terugzetten", keep=1, rotate=False)

    kept = list_backups(backups, "demo")

    assert kept == [again, restore, *reversed(made[-3:]), upgrade]
    assert [p.exists() for p in made] == [False, False, True, True, True]
    assert upgrade.exists()  # a day of starts does not push out the copy before an upgrade


def test_rotation_leaves_other_databases_alone(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    other = backup_sqlite_file(_make_db_file(tmp_path / "demo-2.db"), backups, reason="x")
    source = _make_db_file(tmp_path / "demo.db")
    for i in range(2):
        backup_sqlite_file(source, backups, reason=f"r{i}", keep=1)

    assert other.exists()
    assert other not in list_backups(backups, "demo")


def test_backup_of_missing_file_fails_in_dutch(tmp_path: Path) -> None:
    target = tmp_path / "backups"
    with pytest.raises(BackupError) as caught:
        backup_sqlite_file(tmp_path / "weg.db", target, reason="test")
    assert "Er is geen database om te bewaren" in caught.value.user_message
    assert not target.exists()


def test_list_backups_of_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "nergens", "demo") == []


# --- issue 14: a full disk, a synchronous commit ----------------------------------------------


def test_a_full_disk_leaves_no_backup_and_says_so_in_dutch(
    database: Database, tmp_path: Path
) -> None:
    from support.mounts import small_disk

    source = database.file
    assert source is not None
    assert source.stat().st_size > 64 * 1024  # the test can fail: the copy does not fit
    with small_disk(tmp_path / "vol", size="64k") as folder:
        with pytest.raises(BackupError) as failed:
            backup_sqlite_file(source, folder, reason="start", key=database.key)
        assert "De schijf is vol" in failed.value.user_message
        assert list(folder.iterdir()) == []  # no 0-byte or half backup, no journal


def test_the_working_database_commits_to_the_disk(database: Database) -> None:
    """synchronous=FULL: a commit is on the disk before it returns (an empty battery loses
    nothing reported saved); NORMAL (1) in WAL mode may roll back the last commits."""
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
