"""Encryption at rest (issue 6): residents' data never on disk in plain text, a wrong
passphrase changes nothing, a plain database is converted on request and its plain files
removed, the passphrase can be changed, and without encryption no contact details are kept."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import func, select

from gebiedsapp.domain import AuditEntry, DraftKind, Resident, reference_id
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import audit, backups, drafts, encryption
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.startup import open_database
from gebiedsapp.storage import crypto
from gebiedsapp.storage.crypto import DatabaseKey
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import (
    DamagedDatabaseError,
    PersonalDataRefusedError,
    WrongPassphraseError,
)
from support.people import EMAIL, NAME, OTHER, PHONE, Person

PASSPHRASE = "paard kaas fiets lantaarn"
NEW_PASSPHRASE = "kroket wolk trombone dijk"
BEERTA = reference_id("area", "beerta")


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _open(path: Path, paths: AppPaths, passphrase: str = PASSPHRASE) -> Database:
    key = encryption.key_for(_url(path), passphrase)
    return open_database(_url(path), paths, actor="anna", key=key).database


def _markers() -> list[bytes]:
    """The resident's details as they could land on disk: UTF-8 and UTF-16 (Qt, Windows)."""
    found = []
    for text in (NAME, "Bewonérsma", PHONE, EMAIL, OTHER):
        found += [text.encode("utf-8"), text.encode("utf-16-le")]
    return found


def _files_with_markers(folder: Path) -> list[str]:
    hits = []
    for file in folder.rglob("*"):
        if file.is_file():
            content = file.read_bytes()
            hits += [f"{file.name}: {m!r}" for m in _markers() if m in content]
    return hits


def test_names_are_nowhere_on_disk_in_plain_text(tmp_path: Path, app_paths: AppPaths) -> None:
    path = tmp_path / "versleuteld.db"
    database = _open(path, app_paths)
    try:
        Person(database)  # names, phone and e-mail through the services into every table
        backups.make_backup(database, app_paths.backup_dir, reason="test")
        with database.unit_of_work("anna") as session:
            audit.note(session, audit.AuditAction.EXPORT, detail="test")
        # while the app is open: the WAL holds the newest pages, encrypted as well
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()
        assert wal.stat().st_size > 0
        assert _files_with_markers(tmp_path) == []
    finally:
        database.dispose()
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.db"))
    assert len(written) == 2  # the database and its backup, both scanned
    assert _files_with_markers(tmp_path) == []
    for file in (path, *app_paths.backup_dir.glob("*.db")):
        plain = sqlite3.connect(file)
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        plain.close()
    # and the passphrase does open them, with the names in it
    again = _open(path, app_paths)
    try:
        with again.sessions() as session:
            assert session.scalar(select(Resident.name).where(Resident.name == NAME)) == NAME
    finally:
        again.dispose()


def test_the_file_is_standard_sqlcipher_opened_by_the_passphrase(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    """The key is derived once by the app; any SQLCipher 4 tool opens the file with the
    passphrase itself (DB Browser for SQLite, the sqlcipher shell), so the data is never
    locked into this app."""
    path = tmp_path / "standaard.db"
    _open(path, app_paths).dispose()
    connection = sqlcipher.connect(str(path))
    try:
        connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert {"resident", "alembic_version", "audit_log"} <= tables


def test_a_wrong_passphrase_changes_nothing(tmp_path: Path, app_paths: AppPaths) -> None:
    path = tmp_path / "slot.db"
    _open(path, app_paths).dispose()
    before = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in tmp_path.glob("*")
        if p.is_file()
    }
    with pytest.raises(WrongPassphraseError) as refused:
        _open(path, app_paths, passphrase="niet het goede wachtwoord")
    assert "wachtwoord is onjuist" in refused.value.user_message
    after = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in tmp_path.glob("*")
        if p.is_file()
    }
    assert after == before  # not a byte changed, no -wal or -shm left behind


def test_a_plain_database_file_takes_no_contact_details(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    database = open_database(_url(tmp_path / "plat.db"), app_paths, actor="anna").database
    try:
        assert not database.encrypted
        assert not database.keeps_personal_data
        entries = _count(database, AuditEntry)
        with (
            pytest.raises(PersonalDataRefusedError) as refused,
            database.unit_of_work("anna") as session,
        ):
            register_resident(
                session,
                ResidentInput(name=NAME, phone=PHONE, wants_contact=True, consent=True),
                area_id=BEERTA,
                today=date(2026, 3, 2),
            )
        assert "niet versleuteld" in refused.value.user_message
        assert _count(database, Resident) == 0
        assert _count(database, AuditEntry) == entries  # nothing written, not even the log
        with database.unit_of_work("anna") as session:  # without contact details: fine
            assert (
                register_resident(session, ResidentInput(), area_id=BEERTA, today=date.today())
                is None
            )
            draft_id = drafts.save_draft(  # a form being typed: the draft keeps the rest
                session,
                draft_id=None,
                kind=DraftKind.CONVERSATION,
                payload={"summary": "Over de bus", "name": NAME, "phone": PHONE, "email": EMAIL},
            )
        with database.read_session("anna") as session:
            draft = drafts.get_draft(session, draft_id)
            assert draft is not None
            assert draft.payload == {"summary": "Over de bus", "name": "", "phone": "", "email": ""}
    finally:
        database.dispose()
    assert _files_with_markers(tmp_path) == []


def test_an_in_memory_database_keeps_contact_details() -> None:
    database = Database.connect("sqlite://")
    assert database.keeps_personal_data  # nothing reaches the disk


def _count(database: Database, model: type[object]) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _plain_database_with_a_name(path: Path, paths: AppPaths) -> None:
    """A database of an earlier version: plain, with a resident's name in it (written straight
    into the file, as the guard of this version refuses it), and a plain backup."""
    open_database(_url(path), paths, actor="anna").database.dispose()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO resident (id, name, phone, email, created_at, updated_at, created_by, "
        "updated_by, version) VALUES (?, ?, ?, '', '2026-01-01', '2026-01-01', 'x', 'x', 1)",
        ("0" * 32, NAME, PHONE),
    )
    connection.commit()
    connection.close()
    database = open_database(_url(path), paths, actor="anna").database
    backups.make_backup(database, paths.backup_dir, reason="oud")
    database.dispose()


def test_a_plain_database_is_encrypted_on_request_and_the_plain_files_removed(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "oud.db"
    _plain_database_with_a_name(path, app_paths)
    assert _files_with_markers(tmp_path)  # the test can fail: the name is there in plain text
    counts = _table_counts(path, None)

    key = encryption.encrypt_database(path, PASSPHRASE, [app_paths.backup_dir]).key

    assert _files_with_markers(tmp_path) == []  # database and backup: no plain name anywhere
    assert crypto.file_state(path) == crypto.ENCRYPTED
    assert [p.name for p in tmp_path.glob(f"*{encryption.PENDING_SUFFIX}*")] == []
    assert _table_counts(path, key) == counts
    database = _open(path, app_paths)  # the passphrase opens it, the name is still in it
    try:
        assert database.keeps_personal_data
        with database.sessions() as session:
            assert session.scalar(select(Resident.phone)) == PHONE
        old = backups.backups(path, app_paths.backup_dir, database.key)
        assert old
        assert all(info.usable and info.encrypted for info in old)
    finally:
        database.dispose()


def test_an_interrupted_encryption_is_finished_on_the_next_start(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    """A crash after the encrypted copy took the plain file's place, before the plain original
    was overwritten: the next start removes it."""
    path = tmp_path / "half.db"
    _plain_database_with_a_name(path, app_paths)
    pending = path.with_name(path.name + encryption.PENDING_SUFFIX)
    key = DatabaseKey.new(PASSPHRASE)
    crypto.export_encrypted(path, tmp_path / "copy.db", key)
    path.rename(pending)
    (tmp_path / "copy.db").rename(path)
    assert _files_with_markers(tmp_path)
    database = open_database(_url(path), app_paths, actor="anna", key=key).database
    database.dispose()
    assert not pending.exists()
    assert [f for f in _files_with_markers(tmp_path) if "backups" not in f and "oud" not in f] == []


def test_changing_the_passphrase_rekeys_the_database_and_its_backups(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "wissel.db"
    database = _open(path, app_paths)
    key = database.key
    assert key is not None
    backups.make_backup(database, app_paths.backup_dir, reason="test")
    database.dispose()

    new = encryption.change_passphrase(path, key, NEW_PASSPHRASE, [app_paths.backup_dir]).key

    assert new != key
    assert new.salt == key.salt
    with pytest.raises(WrongPassphraseError):
        _open(path, app_paths)
    reopened = _open(path, app_paths, passphrase=NEW_PASSPHRASE)
    try:
        copies = backups.backups(path, app_paths.backup_dir, reopened.key)
        assert copies
        assert all(info.usable for info in copies)
    finally:
        reopened.dispose()
    old = backups.backups(path, app_paths.backup_dir, key)
    assert old
    assert not any(info.usable for info in old)


def test_reopen_swaps_the_key_under_the_same_database_object(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "ter-plekke.db"
    database = open_database(_url(path), app_paths, actor="anna").database
    database.engine.dispose()
    key = encryption.encrypt_database(path, PASSPHRASE, [app_paths.backup_dir]).key
    database.reopen(key)
    try:
        assert database.encrypted
        assert database.keeps_personal_data
        with database.unit_of_work("anna") as session:  # the guard is gone with the plain file
            register_resident(
                session,
                ResidentInput(name=NAME, phone=PHONE, wants_contact=True, consent=True),
                area_id=BEERTA,
                today=date(2026, 3, 2),
            )
        assert _count(database, Resident) == 1
    finally:
        database.dispose()
    assert _files_with_markers(tmp_path) == []


@pytest.mark.parametrize(
    ("passphrase", "acceptable"),
    [
        ("welkom01", False),
        ("Winschoten2026", False),
        ("oldambt123456", False),
        ("aaaaaaaaaaaa", False),
        ("qwertyuiop123", False),
        # Dutch words, which zxcvbn does not know by itself (issue 17)
        ("Zomer2026!", False),
        ("Winschoten1!", False),
        ("Oktober2025", False),
        ("Maandag2026!", False),
        ("Heiligerlee2024", False),
        (PASSPHRASE, True),
        ("fiets regenjas molen zevenblad", True),
        ("Mijn-fiets_staat*bij*de-Blauwe.Stad", True),
    ],
)
def test_strength_of_a_new_passphrase(passphrase: str, acceptable: bool) -> None:
    found = encryption.strength(passphrase)
    assert found.acceptable is acceptable
    assert found.hint
    assert found.label
    assert (encryption.check_new_passphrase(passphrase, passphrase) == "") is acceptable


def test_two_different_new_passphrases_are_refused() -> None:
    assert "niet gelijk" in encryption.check_new_passphrase(PASSPHRASE, PASSPHRASE + " ")


def test_the_key_is_never_printed() -> None:
    key = DatabaseKey.new(PASSPHRASE)
    assert key.key.hex() not in repr(key)
    assert key.key.hex() not in str(key)


def _table_counts(path: Path, key: DatabaseKey | None) -> dict[str, int]:
    connection = crypto.connect_file(path, key)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE "
                "VIRTUAL%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


# --- what the review of the first version found ------------------------------------------


def _plain_rows(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM resident").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.parametrize("left", ["path-gone", "swap-failed"])
def test_a_crash_before_the_swap_loses_nothing(
    tmp_path: Path, app_paths: AppPaths, left: str
) -> None:
    """Step 2 done (the plain original linked under the pending name), step 3 not: the next
    start has the plain database back, with its data, and no pending name beside it."""
    path = tmp_path / "half.db"
    _plain_database_with_a_name(path, app_paths)
    pending = path.with_name(path.name + encryption.PENDING_SUFFIX)
    os.link(path, pending)
    if left == "path-gone":  # the earlier, unsafe order: moved away, crashed before the swap
        path.unlink()
    database = open_database(_url(path), app_paths, actor="anna").database
    database.dispose()
    assert not pending.exists()
    assert crypto.file_state(path) == crypto.PLAIN
    assert _plain_rows(path) == 1  # the name is still there: nothing was zeroed


def test_the_plain_original_waits_for_the_right_passphrase(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "wacht.db"
    _plain_database_with_a_name(path, app_paths)
    pending = path.with_name(path.name + encryption.PENDING_SUFFIX)
    key = DatabaseKey.new(PASSPHRASE)
    crypto.export_encrypted(path, tmp_path / "copy.db", key)
    os.link(path, pending)
    os.replace(tmp_path / "copy.db", path)
    with pytest.raises(WrongPassphraseError):
        open_database(_url(path), app_paths, actor="x", key=DatabaseKey.derive("fout", key.salt))
    assert _plain_rows(pending) == 1  # untouched by a wrong passphrase
    open_database(_url(path), app_paths, actor="x", key=key).database.dispose()
    assert not pending.exists()


def test_backups_in_the_default_and_the_chosen_folder_are_encrypted(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "twee.db"
    _plain_database_with_a_name(path, app_paths)  # a plain backup in the default folder
    share = tmp_path / "netwerkschijf"
    database = open_database(_url(path), app_paths, actor="anna").database
    backups.make_backup(database, share, reason="handmatig")
    database.dispose()
    done = encryption.encrypt_database(path, PASSPHRASE, [app_paths.backup_dir, share])
    assert done.skipped == ()
    assert _files_with_markers(tmp_path) == []
    for folder in (app_paths.backup_dir, share):
        (copy,) = folder.glob("twee-*.db")
        assert crypto.file_state(copy) == crypto.ENCRYPTED


def test_a_backup_that_cannot_be_encrypted_is_kept_and_named(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "rest.db"
    _plain_database_with_a_name(path, app_paths)
    broken = app_paths.backup_dir / "rest-20260101-120000-000000-handmatig.db"
    broken.write_bytes(crypto.SQLITE_HEADER + b"\xee" * 8000)  # plain, and unreadable
    before = broken.read_bytes()
    done = encryption.encrypt_database(path, PASSPHRASE, [app_paths.backup_dir])
    assert done.skipped == (broken.resolve(),)
    assert broken.name in done.summary()
    assert broken.read_bytes() == before  # kept as it was, not zeroed
    assert crypto.file_state(path) == crypto.ENCRYPTED


def test_a_backup_that_cannot_be_rekeyed_does_not_undo_the_change(
    tmp_path: Path, app_paths: AppPaths, memory_keyring: Any
) -> None:
    path = tmp_path / "deels.db"
    database = _open(path, app_paths)
    key = database.key
    assert key is not None
    good = backups.make_backup(database, app_paths.backup_dir, reason="goed")
    bad = backups.make_backup(database, app_paths.backup_dir, reason="kapot")
    database.dispose()
    data = bytearray(bad.read_bytes())
    data[4096 + 100 : 4096 + 140] = b"\xff" * 40  # its second page fails its HMAC
    bad.write_bytes(bytes(data))
    encryption.remember_passphrase(path, PASSPHRASE)

    done = encryption.change_passphrase(path, key, NEW_PASSPHRASE, [app_paths.backup_dir])

    assert done.skipped == (bad.resolve(),)
    assert encryption.remembered_passphrase(path) == NEW_PASSPHRASE
    _open(path, app_paths, passphrase=NEW_PASSPHRASE).dispose()
    assert backups.preview(good, done.key).usable


def test_damage_on_the_first_page_is_damage_not_a_wrong_passphrase(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = tmp_path / "kop.db"
    database = _open(path, app_paths)
    backups.make_backup(database, app_paths.backup_dir, reason="start")
    database.dispose()
    data = bytearray(path.read_bytes())
    data[200:240] = b"\x00" * 40
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError) as refused:
        _open(path, app_paths)
    assert refused.value.key is not None  # so the restore can open the backups
    with pytest.raises(WrongPassphraseError):  # a wrong passphrase is still that
        _open(path, app_paths, passphrase="niet het goede wachtwoord")


@pytest.mark.usefixtures("cli_environment")
def test_a_lost_database_comes_back_from_its_backup_on_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gebiedsapp import cli

    db = tmp_path / "weg.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "backup"]) == 0
    db.unlink()  # the laptop's disk failed; the backups were on a share
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    capsys.readouterr()
    assert cli.main([*base, "db", "restore"]) == 0
    assert "NIET BRUIKBAAR" not in capsys.readouterr().out
    assert cli.main([*base, "db", "restore", "1", "--yes"]) == 0
    assert "Teruggezet" in capsys.readouterr().out
    assert cli.main([*base, "areas"]) == 0  # the same passphrase opens it again
    assert "Oldambt" in capsys.readouterr().out


@pytest.mark.usefixtures("cli_environment")
def test_without_sqlcipher_a_new_database_is_plain_and_takes_no_contact_details(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A computer where the SQLCipher module is missing (a broken installation): the app says
    so, makes a plain database, refuses residents' contact details in it, and refuses to open
    an encrypted one rather than guess."""
    from gebiedsapp import cli

    encrypted = tmp_path / "versleuteld.db"
    _open(encrypted, app_paths_for(tmp_path)).dispose()
    monkeypatch.setattr(crypto, "cipher_module", lambda: None)
    db = tmp_path / "zonder.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "areas"]) == 0
    assert "SQLCipher ontbreekt" in capsys.readouterr().err
    assert crypto.file_state(db) == crypto.PLAIN
    database = open_database(_url(db), app_paths_for(tmp_path), actor="anna").database
    try:
        assert not database.keeps_personal_data
    finally:
        database.dispose()
    assert (
        cli.main(["--data-dir", str(tmp_path / "data"), "--database", str(encrypted), "areas"]) == 2
    )
    assert "niet beschikbaar" in capsys.readouterr().err


def app_paths_for(tmp_path: Path) -> AppPaths:
    from gebiedsapp.paths import app_paths

    return app_paths(tmp_path / "data")
