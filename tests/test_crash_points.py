"""Killed at the most dangerous step (issue 14): a real `gebiedsapp` CLI child is SIGKILLed at
a named step of changing the passphrase, encrypting, or writing a backup (the step's hook in
storage.crash_point), and the next start (or rerun) must lose nothing, call nothing damaged
that is not, and leave no plain copy of residents' details behind.

A handful of kills each; they run in the normal suite.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from gebiedsapp import cli
from gebiedsapp.domain import reference_id
from gebiedsapp.paths import AppPaths, app_paths
from gebiedsapp.services import backups, encryption, koffiekar, rekey
from gebiedsapp.services.koffiekar import SessionInput
from gebiedsapp.startup import open_database
from gebiedsapp.storage import crypto
from gebiedsapp.storage.crash_point import KILL_AT_ENV
from gebiedsapp.storage.crypto import DatabaseKey
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import OtherPassphraseError, WrongPassphraseError
from support.people import EMAIL, NAME, OTHER, PHONE

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

SRC = Path(__file__).resolve().parents[1] / "src"
OLD = "paard kaas fiets lantaarn"
NEW = "kroket wolk trombone dijk"


def run_killed(step: str, argv: list[str], **env: str) -> None:
    """Run `gebiedsapp ARGV` in a child that SIGKILLs itself at `step`; fail unless it did."""
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        KILL_AT_ENV: step,
        **env,
    }
    child = subprocess.run(
        [sys.executable, "-m", "gebiedsapp", *argv],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, (
        f"not killed at {step} (exit {child.returncode}): {child.stderr[-2000:]}"
    )


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _rounds(path: Path, key: DatabaseKey | None, n: int) -> None:
    database = Database.connect(_url(path), key)
    try:
        with database.unit_of_work("anna") as session:
            for day in range(1, n + 1):
                koffiekar.start_session(
                    session,
                    SessionInput(
                        area_id=reference_id("area", "beerta"),
                        day=date(2026, 3, day),
                        start_time=time(10),
                    ),
                )
    finally:
        database.dispose()


def _rounds_in(path: Path, key: DatabaseKey) -> int:
    opened = open_database(_url(path), app_paths(path.parent / "data"), actor="x", key=key)
    try:
        with opened.database.engine.connect() as connection:
            return int(
                connection.exec_driver_sql("SELECT count(*) FROM koffiekar_session").scalar_one()
            )
    finally:
        opened.database.dispose()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. changing the passphrase --------------------------------------------------------------


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """An encrypted database with 3 rounds and two backups (the CLI's own), and the CLI base
    arguments for it."""
    monkeypatch.setenv("GEBIEDSAPP_PASSPHRASE", OLD)
    monkeypatch.setenv("GEBIEDSAPP_USER", "anna")
    db = tmp_path / "gebiedsapp.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "backup"]) == 0
    _rounds(db, DatabaseKey.for_file(OLD, db), 3)
    assert cli.main([*base, "db", "backup"]) == 0
    return db, base


@pytest.mark.parametrize(
    ("step", "holds"),
    [
        ("rekey:backup-copied", OLD),  # one backup copied, the database not yet
        ("rekey:prepared", OLD),  # every copy written, not yet committed
        ("rekey:committed", NEW),  # committed, nothing renamed yet
        ("rekey:switched-one", NEW),  # the database re-keyed, its backups not (the case)
    ],
)
def test_a_killed_change_of_passphrase_is_finished_or_rolled_back(
    encrypted: tuple[Path, list[str]], step: str, holds: str
) -> None:
    db, base = encrypted
    backup_dir = db.parent / "data" / "backups"
    run_killed(step, [*base, "db", "passphrase"], GEBIEDSAPP_NEW_PASSPHRASE=NEW)
    assert rekey.marker_of(db).exists()  # the kill fell in the middle

    notice = encryption.recover_interrupted(db)  # what every start does first

    assert notice == (rekey.ROLLED_BACK if holds == OLD else rekey.FINISHED)
    assert [p.name for p in db.parent.rglob(f"*{rekey.NEW_SUFFIX}*")] == []
    assert not rekey.marker_of(db).exists()
    key = DatabaseKey.for_file(holds, db)
    assert _rounds_in(db, key) == 3  # nothing lost
    found = backups.backups(db, backup_dir, key)
    assert len(found) == 2
    assert all(info.usable for info in found)  # database and backups: one passphrase
    other = DatabaseKey.for_file(NEW if holds == OLD else OLD, db)
    with pytest.raises(WrongPassphraseError):  # not called damaged
        open_database(_url(db), app_paths(db.parent / "data"), actor="x", key=other)


def test_the_old_passphrase_of_a_rekeyed_database_is_not_damage(
    encrypted: tuple[Path, list[str]],
) -> None:
    """The database is under the new passphrase, a backup still under the old one (a share
    that was offline during the change, or an older version killed half-way): the old
    passphrase opens that backup, not the database. That is another passphrase, said so, and
    never 'beschadigd' with a restore on offer."""
    db, _base = encrypted
    old = DatabaseKey.for_file(OLD, db)
    connection = crypto.connect_file(db, old)
    crypto.rekey(connection, DatabaseKey.derive(NEW, old.salt))
    connection.close()
    paths = app_paths(db.parent / "data")

    with pytest.raises(OtherPassphraseError) as wrong:
        open_database(_url(db), paths, actor="x", key=old)

    assert "gewijzigd" in wrong.value.user_message
    assert "beschadigd" not in wrong.value.user_message.replace("niet beschadigd", "")
    assert _rounds_in(db, DatabaseKey.for_file(NEW, db)) == 3


def test_a_restore_with_the_old_passphrase_keeps_the_newer_database(
    encrypted: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's loss: the old passphrase, a restore of a backup it opens, and the healthy
    re-keyed database with its newer records was replaced. Now the restore says it cannot see
    what is in the database and keeps it, unless asked twice."""
    db, base = encrypted
    run_killed("rekey:switched-one", [*base, "db", "passphrase"], GEBIEDSAPP_NEW_PASSPHRASE=NEW)
    rekey.marker_of(db).unlink()  # as an older version left it: no marker to finish from
    for left in db.parent.rglob(f"*{rekey.NEW_SUFFIX}"):
        left.unlink()
    before = _digest(db)
    capsys.readouterr()

    assert cli.main([*base, "db", "restore", "1", "--yes"]) == 2

    out = capsys.readouterr()
    assert "niet te lezen" in out.out
    assert "--replace-newer" in out.err
    assert _digest(db) == before
    assert _rounds_in(db, DatabaseKey.for_file(NEW, db)) == 3


# --- 2. encrypting ------------------------------------------------------------------------


def _markers() -> list[bytes]:
    found = []
    for text in (NAME, PHONE, EMAIL, OTHER):
        found += [text.encode("utf-8"), text.encode("utf-16-le")]
    return found


def _plain_traces(folder: Path) -> list[str]:
    return [
        f"{file.relative_to(folder)}: {marker!r}"
        for file in folder.rglob("*")
        if file.is_file()
        for marker in _markers()
        if marker in file.read_bytes()
    ]


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name.endswith(
            (encryption.EXPORT_SUFFIX, encryption.ENCRYPTING_SUFFIX, encryption.PENDING_SUFFIX)
        )
        or (p.parent.name == "backups" and p.name.endswith(("-wal", "-shm", "-journal")))
    )


@pytest.fixture
def plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str], AppPaths]:
    """A plain database of an earlier version with a resident's details in it, and two plain
    backups that hold them too."""
    monkeypatch.setenv("GEBIEDSAPP_USER", "anna")
    monkeypatch.setenv("GEBIEDSAPP_PASSPHRASE", OLD)
    db = tmp_path / "gebiedsapp.db"
    paths = app_paths(tmp_path / "data")
    open_database(_url(db), paths, actor="anna").database.dispose()
    connection = sqlite3.connect(db)
    connection.execute(
        "INSERT INTO resident (id, name, phone, email, created_at, updated_at, created_by, "
        "updated_by, version) VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01', 'x', 'x', 1)",
        ("0" * 32, NAME, PHONE, EMAIL),
    )
    connection.commit()
    connection.close()
    database = open_database(_url(db), paths, actor="anna").database
    backups.make_backup(database, paths.backup_dir, reason="oud")
    backups.make_backup(database, paths.backup_dir, reason="ouder")
    database.dispose()
    assert _plain_traces(tmp_path)  # the test can fail: the details are there in plain text
    return db, ["--data-dir", str(paths.data_dir), "--database", str(db)], paths


@pytest.mark.parametrize(
    "step",
    [
        "encrypt:swapped#1",  # the database swapped, its plain original not yet overwritten
        "encrypt:database-done",  # the database done, no backup yet
        "encrypt:exported#2",  # a backup's encrypted copy written, not yet swapped
        "encrypt:swapped#2",  # a backup swapped, its plain original not yet overwritten
    ],
)
def test_the_start_after_a_killed_encryption_leaves_no_plain_copy(
    plain: tuple[Path, list[str], AppPaths], step: str
) -> None:
    db, base, paths = plain
    run_killed(step, [*base, "db", "encrypt"])
    assert crypto.file_state(db) == crypto.ENCRYPTED

    encryption.recover_interrupted(db)
    key = DatabaseKey.for_file(OLD, db)
    open_database(_url(db), paths, actor="anna", key=key).database.dispose()  # the next start

    assert _plain_traces(db.parent) == []
    assert _leftovers(db.parent) == []
    found = backups.backups(db, paths.backup_dir, key)
    assert len(found) == 2
    assert all(info.usable and info.encrypted for info in found)


def test_running_encrypt_again_finishes_the_backups(
    plain: tuple[Path, list[str], AppPaths], capsys: pytest.CaptureFixture[str]
) -> None:
    db, base, _paths = plain
    run_killed("encrypt:database-done", [*base, "db", "encrypt"])
    encryption.recover_interrupted(db)
    encryption._encrypting_marker(db).unlink()  # as an older version left it: no marker

    assert cli.main([*base, "db", "encrypt"]) == 0

    assert "2 onversleutelde reservekopieën zijn nu ook versleuteld" in capsys.readouterr().out
    assert _plain_traces(db.parent) == []
    assert _leftovers(db.parent) == []


def test_restore_offers_to_remove_plain_backups_of_an_encrypted_database(
    plain: tuple[Path, list[str], AppPaths], capsys: pytest.CaptureFixture[str]
) -> None:
    db, base, paths = plain
    run_killed("encrypt:database-done", [*base, "db", "encrypt"])
    encryption.recover_interrupted(db)
    encryption._encrypting_marker(db).unlink()  # as an older version left it: no marker
    capsys.readouterr()

    assert cli.main([*base, "db", "restore"]) == 0
    assert "gebiedsapp db restore --remove-plain" in capsys.readouterr().out
    assert cli.main([*base, "db", "restore", "--remove-plain"]) == 0

    assert "2 onversleutelde reservekopieën overschreven en verwijderd" in capsys.readouterr().out
    assert _plain_traces(db.parent) == []
    assert list(paths.backup_dir.iterdir()) == []


# --- 7. a killed backup ----------------------------------------------------------------------


def test_a_killed_backup_leaves_nothing_that_looks_like_a_backup(
    encrypted: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, base = encrypted
    backup_dir = db.parent / "data" / "backups"
    before = sorted(p.name for p in backup_dir.iterdir())
    run_killed("backup:written", [*base, "db", "backup"])
    left = sorted(p.name for p in backup_dir.iterdir() if p.name not in before)
    assert left
    assert all(".db.deel" in name for name in left)
    capsys.readouterr()

    assert cli.main([*base, "db", "restore"]) == 0
    listing = capsys.readouterr().out
    assert "NIET BRUIKBAAR" not in listing
    assert "  2. " in listing  # the two real backups, nothing else
    assert "  3. " not in listing

    assert cli.main([*base, "db", "backup"]) == 0  # its rotation removes the leftover
    assert not any(".deel" in p.name for p in backup_dir.iterdir())


def test_a_backup_cut_off_by_an_older_version_is_not_listed_and_is_removed(
    encrypted: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """An older version wrote under the final name: killed, it left that file and its
    rollback journal; `db restore` listed it as 'another passphrase', rotation kept it."""
    db, base = encrypted
    backup_dir = db.parent / "data" / "backups"
    real = sorted(backup_dir.iterdir())[0]
    cut = backup_dir / "gebiedsapp-20260101-120000-000000-start.db"
    cut.write_bytes(real.read_bytes()[:8192])
    cut.with_name(cut.name + "-journal").write_bytes(b"\x00" * 512)
    capsys.readouterr()

    assert cli.main([*base, "db", "restore"]) == 0
    assert cut.name not in capsys.readouterr().out
    assert cli.main([*base, "db", "backup"]) == 0
    assert not cut.exists()
    assert not cut.with_name(cut.name + "-journal").exists()


def test_the_kill_hook_does_nothing_without_its_variable(
    encrypted: tuple[Path, list[str]],
) -> None:
    """The hook is inert in normal use: a real `db passphrase` runs through every step."""
    db, base = encrypted
    env = {k: v for k, v in os.environ.items() if k != KILL_AT_ENV}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    env["GEBIEDSAPP_NEW_PASSPHRASE"] = NEW
    done = subprocess.run(
        [sys.executable, "-m", "gebiedsapp", *base, "db", "passphrase"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not rekey.marker_of(db).exists()
    assert _rounds_in(db, DatabaseKey.for_file(NEW, db)) == 3
    with pytest.raises(WrongPassphraseError):
        _rounds_in(db, DatabaseKey.for_file(OLD, db))
