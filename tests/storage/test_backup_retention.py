"""The start's backup (issue 19): made only when the database changed since a backup, and
thinned by age (the last day, one a day for a week, one a week for a month)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path
from uuid import uuid4

from sqlalchemy import insert

from gebiedsapp.domain import AuditAction, TeamMember, reference_id
from gebiedsapp.services import audit, backups, koffiekar
from gebiedsapp.services.koffiekar import SessionInput
from gebiedsapp.storage.backup import list_backups
from gebiedsapp.storage.backup_retention import (
    kept_by_age,
    start_backup,
    thin_start_copies,
    total_mb,
)
from gebiedsapp.storage.change_mark import mark_path, read_mark
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_local
from support import dbfile

BEERTA = reference_id("area", "beerta")


def _start(database: Database, folder: Path) -> Path | None:
    assert database.file is not None
    return start_backup(database.file, folder, key=database.key)


def _round(database: Database, day: int) -> None:
    with database.unit_of_work("anna") as session:
        koffiekar.start_session(
            session, SessionInput(area_id=BEERTA, day=date(2026, 3, day), start_time=time(10))
        )


def test_a_start_makes_a_copy_only_when_the_database_changed(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    first = _start(database, folder)
    assert first is not None
    assert read_mark(first)

    assert _start(database, folder) is None  # nothing changed: no second copy
    with database.unit_of_work("anna") as session:  # every start enters its opening
        audit.note(session, AuditAction.OPEN, detail="venster")
        audit.note(session, AuditAction.EXPORT, detail="lijst.csv")
    assert _start(database, folder) is None  # reading is no change
    _round(database, 2)
    second = _start(database, folder)

    assert second is not None
    assert second != first
    assert list_backups(folder, "test") == [second, first]
    assert read_mark(second) != read_mark(first)
    assert _start(database, folder) is None


def test_a_write_that_bypasses_the_audit_still_counts(database: Database, tmp_path: Path) -> None:
    """Bulk writes (demo data) are not in the audit log; the sync outbox's triggers see them."""
    folder = tmp_path / "backups"
    assert _start(database, folder) is not None
    with database.unit_of_work("demo") as session:  # a Core insert, as demo data does
        session.execute(insert(TeamMember.__table__), [{"name": "Bulk Bert", "id": uuid4()}])
        assert not session.new

    assert _start(database, folder) is not None


def test_rows_a_sync_pulled_count_before_the_sync_finishes(
    database: Database, tmp_path: Path
) -> None:
    """A pull's batch writes below the audit log and the outbox (applying = 1, as
    services.sync.pull does); only its cursor moves. A sync that stops after some batches has
    not written its end (`last_sync_at`) yet: the rows it pulled are a change all the same."""
    folder = tmp_path / "backups"
    assert _start(database, folder) is not None
    with database.engine.begin() as connection:
        sync_local.set_applying(connection, True)
        connection.execute(insert(TeamMember.__table__), [{"name": "Van de server", "id": uuid4()}])
        sync_local.set_cursor(connection, "team_member", 7)
        sync_local.set_applying(connection, False)

    assert _start(database, folder) is not None


def test_a_copy_by_hand_of_the_same_data_is_enough(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    by_hand = backups.make_backup(database, folder)

    assert read_mark(by_hand)
    assert _start(database, folder) is None


def test_a_copy_without_its_mark_is_not_taken_as_current(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    first = _start(database, folder)
    assert first is not None
    mark_path(first).unlink()

    assert _start(database, folder) is not None


def test_a_removed_copy_is_not_taken_as_current(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    first = _start(database, folder)
    assert first is not None
    first.unlink()  # the user cleaned up by hand

    again = _start(database, folder)

    assert again is not None
    assert again.exists()
    assert not mark_path(first).exists()  # the lone mark went with the next clean-up


def _copies_at(folder: Path, source: Path, moments: list[datetime], reason: str) -> list[Path]:
    """Real backup files (copies of `source` and its mark) named as made at `moments`."""
    made = []
    folder.mkdir(exist_ok=True)
    for moment in moments:
        target = folder / f"test-{moment:%Y%m%d-%H%M%S}-000000-{reason}.db"
        shutil.copyfile(source, target)
        shutil.copyfile(mark_path(source), mark_path(target))
        made.append(target)
    return made


def test_start_copies_are_thinned_by_age(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    model = backups.make_backup(database, tmp_path / "model")
    now = datetime(2026, 6, 30, 12, 0)  # a Tuesday
    today = [now - timedelta(hours=h) for h in (1, 2, 3, 4)]
    yesterday = [datetime(2026, 6, 29, 17), datetime(2026, 6, 29, 9)]
    this_week = [datetime(2026, 6, d, 10) for d in (24, 25, 26, 27)]  # 4 to 6 days ago
    older = [
        datetime(2026, 6, 19, 10),  # week 25: its newest
        datetime(2026, 6, 16, 10),  # week 25 too: gone
        datetime(2026, 6, 10, 10),  # week 24
        datetime(2026, 6, 4, 10),  # 26 days: week 23, within four weeks
        datetime(2026, 5, 20, 10),  # six weeks old: gone
    ]
    starts = _copies_at(folder, model, today + yesterday + this_week + older, "start")
    (upgrade,) = _copies_at(folder, model, [datetime(2026, 1, 5, 9)], "voor-upgrade-0008")

    removed = thin_start_copies(folder, "test", key=database.key, now=now)

    kept = set(list_backups(folder, "test"))
    expected = {*starts[:2], starts[4], *starts[6:10], starts[10], starts[12], starts[13], upgrade}
    assert kept == expected
    assert set(removed) == set(starts) - expected
    assert not any(mark_path(p).exists() for p in removed)
    assert total_mb(folder, "test") * 1e6 == sum(p.stat().st_size for p in kept)


def test_the_newest_copy_stays_however_old(database: Database, tmp_path: Path) -> None:
    """After a holiday with nothing changed, the one copy from before it is all there is."""
    folder = tmp_path / "backups"
    model = backups.make_backup(database, tmp_path / "model")
    (old, older) = _copies_at(
        folder, model, [datetime(2026, 1, 10, 9), datetime(2026, 1, 3, 9)], "start"
    )

    thin_start_copies(folder, "test", key=database.key, now=datetime(2026, 6, 30, 12))

    assert list_backups(folder, "test") == [old]
    assert not older.exists()


def test_copies_under_another_key_are_never_thinned(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    model = backups.make_backup(database, tmp_path / "model")
    old_plain = folder / "test-20260101-090000-000000-start.db"
    folder.mkdir()
    plain = sqlite3.connect(old_plain)  # a plain file: the database before it was encrypted
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    (newest,) = _copies_at(folder, model, [datetime(2026, 6, 30, 11)], "start")

    thin_start_copies(folder, "test", key=database.key, now=datetime(2026, 6, 30, 12))

    assert old_plain.exists()
    assert newest.exists()


def test_a_daily_user_keeps_about_ten_copies_for_a_month() -> None:
    """Starts at 9 and 13 every day for two months: a month of history in about ten copies."""
    now = datetime(2026, 6, 30, 14)
    made = [
        datetime.combine(now.date() - timedelta(days=d), time(h))
        for d in range(60)
        for h in (13, 9)
    ]

    kept = sorted((made[i] for i in kept_by_age(made, now)), reverse=True)

    assert kept[:2] == [datetime(2026, 6, 30, 13), datetime(2026, 6, 30, 9)]
    assert len({k.date() for k in kept if now - k < timedelta(days=7)}) == 7
    assert min(kept) >= now - timedelta(weeks=4)
    assert len(kept) <= 11


def test_the_raw_copy_holds_what_is_committed_in_the_wal_and_nothing_uncommitted(
    database: Database, tmp_path: Path
) -> None:
    """The copy is the file and its WAL under a read snapshot: commits still in the WAL are
    in it, a transaction still open is not, and the copy is one sound file."""
    assert database.file is not None
    writer = dbfile.connect(database.file)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")  # the commits stay in the WAL
        writer.execute("CREATE TABLE proef (x)")
        writer.execute("INSERT INTO proef VALUES (1)")
        writer.commit()
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO proef VALUES (2)")  # not committed while copying
        assert database.file.with_name(database.file.name + "-wal").stat().st_size > 0

        copy = backups.make_backup(database, tmp_path / "backups")
    finally:
        writer.rollback()
        writer.close()

    assert not copy.with_name(copy.name + "-wal").exists()
    check = dbfile.connect(copy, read_only=True)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT x FROM proef").fetchall() == [(1,)]
    finally:
        check.close()
