"""Backup copies of an SQLite database through SQLite's online backup API.

The online API gives a consistent copy even while the app has the database open in WAL mode;
a plain file copy would not. Copies rotate: the newest `keep` per database are kept. The copy of
an encrypted database is encrypted with the same key (and salt), so the same passphrase opens it.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gebiedsapp.storage.crypto import (
    ENCRYPTED,
    PLAIN,
    DatabaseKey,
    WrongKeyError,
    connect_file,
    database_errors,
    driver_errors,
    file_state,
    fsync_file,
    read_salt,
    unreadable_errors,
)
from gebiedsapp.storage.errors import BackupError, DatabaseUnavailableError

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10


def backup_sqlite_file(
    source: Path,
    backup_dir: Path,
    *,
    reason: str,
    keep: int = DEFAULT_KEEP,
    rotate: bool = True,
    key: DatabaseKey | None = None,
) -> Path:
    """Copy `source` into `backup_dir` as `<stem>-<timestamp>-<reason>.db`; return the copy.

    Copies rotate per reason: the newest `keep` made for the same reason stay, so a day of
    starts cannot push out the copy made before an upgrade or an import. `rotate=False` keeps
    every copy (the one made before a restore, which must not delete the copy being restored)."""
    if not source.exists():
        raise BackupError(
            f"cannot back up {source}: file does not exist",
            f"Er is geen database om te bewaren op {source}.",
        )
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backup_dir / f"{source.stem}-{stamp}-{reason}.db"
        _copy(f"{source.as_uri()}?mode=ro", target, key)
    except unreadable_errors() as exc:
        raise BackupError(
            f"backup of {source} to {backup_dir} failed: {exc}",
            f"De reservekopie kon niet worden gemaakt in {backup_dir}: {exc}",
        ) from exc
    log.info("backup of %s written to %s", source, target)
    if rotate:
        _rotate(backup_dir, source.stem, keep, reason, key)
    return target


def _copy(
    source_uri: str, target: Path, key: DatabaseKey | None, *, checkpoint: bool = False
) -> None:
    """The online backup API from a read-only source onto `target` (whole, consistent); both
    with `key` when the database is encrypted."""
    src = connect_file(source_uri, key, uri=True)
    try:
        dst = connect_file(target, key)
        try:
            src.backup(dst)
            if checkpoint:  # a restore: leave no stale log of the replaced database
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """Backups of the database called `stem`, newest first (not those of `stem-2.db`)."""
    if not backup_dir.is_dir():
        return []
    pattern = re.compile(rf"{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{6}}-[^/]*\.db")
    return sorted(
        (p for p in backup_dir.glob(f"{stem}-*.db") if pattern.fullmatch(p.name)), reverse=True
    )


def _rotate(backup_dir: Path, stem: str, keep: int, reason: str, key: DatabaseKey | None) -> None:
    """Keep the newest `keep` copies made for `reason` with this key (its salt; or plain ones
    for a plain database). Copies under another key (the database was lost and made anew) are
    never rotated away: they may be the only copy of the old data."""
    salt = key.salt if key is not None else None
    same = [
        p
        for p in list_backups(backup_dir, stem)
        if p.name.endswith(f"-{reason}.db") and _salt_or_none(p) == salt
    ]
    for old in same[keep:]:
        try:
            old.unlink()
            log.info("old backup %s removed (keeping %d)", old, keep)
        except OSError as exc:  # a locked old copy must not stop the app
            log.warning("could not remove old backup %s: %s", old, exc)


def _salt_or_none(path: Path) -> bytes | None:
    try:
        return read_salt(path)
    except OSError:
        return b"?"  # unreadable now: not ours to remove


# What the preview of a backup counts: the records users know (table -> Dutch word).
COUNTED = (
    ("koffiekar_session", "koffiekarrondes"),
    ("conversation", "gesprekken"),
    ("contact", "contacten"),
    ("signal", "signalen"),
    ("resident", "bewoners"),
)


OTHER_KEY = "Met een ander wachtwoord versleuteld dan deze database."


@dataclass(frozen=True)
class BackupInfo:
    """A backup as the restore dialog shows it; `problem` is set when it cannot be restored."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    revision: str | None
    counts: tuple[tuple[str, int], ...]  # (Dutch word, live rows)
    problem: str = ""
    encrypted: bool = False

    @property
    def usable(self) -> bool:
        return not self.problem

    @property
    def other_key(self) -> bool:
        """Encrypted under another key: the passphrase of the time may still open it."""
        return self.problem == OTHER_KEY


_NAME = re.compile(r".*-(\d{8}-\d{6})-\d{6}-(?P<reason>[^/]*)\.db")


def inspect_backup(path: Path, key: DatabaseKey | None = None) -> BackupInfo:
    """Read a backup without changing it: when it was made, why, its schema version and its
    counts. A file that is not a sound Gebiedsapp database, or that `key` (the database's)
    does not open, gets a Dutch `problem`. A plain backup is read without the key."""
    match = _NAME.fullmatch(path.name)
    try:
        made_at = (
            datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            if match
            else datetime.fromtimestamp(path.stat().st_mtime)
        )
        size = path.stat().st_size
    except OSError as exc:
        return BackupInfo(path, datetime.min, "", 0, None, (), f"Niet te lezen: {exc}")
    reason = match.group("reason") if match else ""
    try:
        state = file_state(path)
    except OSError as exc:
        return BackupInfo(path, made_at, reason, size, None, (), f"Niet te lezen: {exc}")
    encrypted = state == ENCRYPTED
    if state not in (PLAIN, ENCRYPTED):
        return BackupInfo(path, made_at, reason, size, None, (), "Geen database.")
    if encrypted and key is None:
        return BackupInfo(
            path, made_at, reason, size, None, (), "Versleuteld; deze database is dat niet.", True
        )
    try:
        connection = connect_file(
            f"{path.as_uri()}?mode=ro&immutable=1", key if encrypted else None, uri=True
        )
    except WrongKeyError:
        return BackupInfo(
            path,
            made_at,
            reason,
            size,
            None,
            (),
            OTHER_KEY,
            True,
        )
    except driver_errors() as exc:
        return BackupInfo(path, made_at, reason, size, None, (), f"Niet te openen: {exc}")
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            return BackupInfo(path, made_at, reason, size, None, (), "Beschadigd.", encrypted)
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return BackupInfo(
                path,
                made_at,
                reason,
                size,
                None,
                (),
                "Geen reservekopie van de Gebiedsapp.",
                encrypted,
            )
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = tuple(
            (
                word,
                int(
                    connection.execute(
                        f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
                    ).fetchone()[0]
                ),
            )
            for table, word in COUNTED
            if table in tables
        )
    except database_errors() as exc:
        return BackupInfo(path, made_at, reason, size, None, (), f"Beschadigd: {exc}", encrypted)
    finally:
        connection.close()
    return BackupInfo(
        path, made_at, reason, size, row[0] if row else None, counts, encrypted=encrypted
    )


def restore_sqlite_file(backup: Path, target: Path, key: DatabaseKey | None = None) -> None:
    """Put `backup` in place of the database at `target`: the online backup API writes it to a
    new file beside the target, which then replaces the target in one rename, after its stale
    WAL is removed. Nothing is read from the target, so a damaged one (which SQLCipher cannot
    even open) is replaced as well. The caller has closed every connection to `target`, made a
    backup of it first, and checked that `key` opens the backup."""
    fresh = target.with_name(target.name + ".terugzetten")
    try:
        fresh.unlink(missing_ok=True)  # left by an interrupted earlier restore
        _copy(f"{backup.as_uri()}?mode=ro&immutable=1", fresh, key, checkpoint=True)
        fsync_file(fresh)
        for suffix in ("-wal", "-shm"):  # a stale log would be replayed onto the new file
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        os.replace(fresh, target)
    except unreadable_errors() as exc:
        fresh.unlink(missing_ok=True)
        raise BackupError(
            f"restore of {backup} onto {target} failed: {exc}",
            f"De reservekopie kon niet worden teruggezet: {exc}. De database is niet gewijzigd.",
        ) from exc
    log.info("backup %s restored onto %s", backup, target)


def quick_check(path: Path, key: DatabaseKey | None = None) -> str:
    """'ok', or what SQLite's quick integrity check found wrong (first line), read-only.

    Only damage is reported: an error that says nothing about the file's state (locked,
    an I/O error on a flaky network share, no permission) raises DatabaseUnavailableError,
    so nobody is offered a restore over a sound file."""
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = connect_file(f"{path.as_uri()}?{flags}", key, uri=True)
        try:
            row = connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()
    except database_errors() as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return str(exc)
        raise DatabaseUnavailableError(
            f"integrity check of {path} could not run: {exc}",
            f"De database {path} kon niet worden gecontroleerd ({exc}). Is de schijf of "
            "netwerkmap bereikbaar, en is de Gebiedsapp niet al geopend? Er is niets gewijzigd.",
        ) from exc
    return str(row[0]) if row else "geen antwoord"
