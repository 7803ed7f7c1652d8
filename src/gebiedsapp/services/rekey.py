"""Changing the passphrase so that a crash at any moment (a kill, an empty battery) leaves the
database and its backups readable under one passphrase, and the next start knows which.

Nothing is re-keyed in place. A marker file beside the database says what is under way:

1. the marker says PREPARING; a re-keyed copy of every backup that the current key opens, and
   of the database, is written beside it (NEW_SUFFIX), checked and flushed to the disk;
2. the marker says SWITCHING, with the list of copies (the commit point: one atomic rename);
3. each copy is renamed over its file, the database first; then the marker goes.

A crash before 2 leaves every file under the old passphrase: the next start removes the copies
(rolled back). After 2 it renames the copies that are left (finished): every file is under the
new passphrase. Neither needs a passphrase, so the start can do it before it asks for one, and
then says which passphrase holds now.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from gebiedsapp.services.before_open import MARKER_SUFFIX
from gebiedsapp.storage.backup import list_backups
from gebiedsapp.storage.crash_point import crash_point
from gebiedsapp.storage.crypto import (
    DatabaseKey,
    connect_file,
    fsync_file,
    fsync_folder,
    read_salt,
    rekeyed_copy,
)
from gebiedsapp.storage.errors import StorageError

log = logging.getLogger(__name__)

NEW_SUFFIX = ".nieuw-wachtwoord"
PREPARING, SWITCHING = "voorbereiden", "omzetten"

ROLLED_BACK = (
    "Het wijzigen van het wachtwoord is de vorige keer onderbroken en is teruggedraaid: het "
    "OUDE wachtwoord geldt nog, voor de database en de reservekopieën."
)
FINISHED = (
    "Het wijzigen van het wachtwoord is de vorige keer onderbroken en is nu afgerond: het "
    "NIEUWE wachtwoord geldt, voor de database en de reservekopieën."
)


def marker_of(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + MARKER_SUFFIX)


def backups_in(folders: Iterable[Path], stem: str) -> list[Path]:
    """The backups of the database `stem` in `folders`, each once (a folder may be given twice)."""
    seen: dict[Path, None] = {}
    for folder in folders:
        for backup in list_backups(folder, stem):
            seen.setdefault(backup.resolve(), None)
    return list(seen)


def rekey_files(
    database_file: Path, current: DatabaseKey, new: DatabaseKey, backup_dirs: Iterable[Path]
) -> tuple[Path, ...]:
    """Re-key the closed database and every backup in `backup_dirs` that `current` opens (same
    salt), crash-safe as the module says. Returns the backups that could not be re-keyed (an
    unreachable share, a damaged copy): they are left as they were."""
    marker = marker_of(database_file)
    if marker.exists():
        raise StorageError(
            f"{marker} exists: an earlier change of passphrase was interrupted",
            "Een eerdere wijziging van het wachtwoord is onderbroken; start de Gebiedsapp "
            "opnieuw om die af te ronden. Er is niets gewijzigd.",
        )
    _checkpoint(database_file, current)  # no WAL left to outlive the rename
    skipped: list[Path] = []
    planned = [(_fresh(database_file), database_file)]
    for backup in backups_in(backup_dirs, database_file.stem):
        try:
            if read_salt(backup) == current.salt:
                planned.append((_fresh(backup), backup))
        except OSError as exc:
            log.warning("backup %s not re-keyed: %s", backup, exc)
            skipped.append(backup)
    _write_marker(marker, PREPARING, planned)  # what a roll-back removes
    copies: list[tuple[Path, Path]] = []
    try:
        for fresh, backup in planned[1:]:
            try:
                fresh.unlink(missing_ok=True)
                rekeyed_copy(backup, fresh, current, new)
            except Exception:  # after the database: best effort, said to the user
                log.exception("backup %s not re-keyed; left as it was", backup)
                _unlink_quietly(fresh)
                skipped.append(backup)
                continue
            copies.append((fresh, backup))
            crash_point("rekey:backup-copied")
        fresh, _database = planned[0]
        fresh.unlink(missing_ok=True)
        rekeyed_copy(database_file, fresh, current, new)
        _same_counts(database_file, current, fresh, new)
        copies.insert(0, planned[0])
        crash_point("rekey:prepared")
        _write_marker(marker, SWITCHING, copies)  # the commit point
    except BaseException:
        _roll_back(marker, planned)
        raise
    crash_point("rekey:committed")
    _switch(marker, copies)
    return tuple(skipped)


def finish_interrupted(database_file: Path) -> str:
    """Before anything looks at the database: finish or roll back a change of passphrase that
    stopped half-way (no passphrase needed). Returns what the user should know (Dutch), or ''
    when nothing was interrupted."""
    marker = marker_of(database_file)
    _unlink_quietly(marker.with_name(marker.name + ".deel"))  # a marker cut off while written
    if not marker.exists():
        return ""
    try:
        phase, copies = _read_marker(marker)
    except (OSError, ValueError) as exc:  # cut off while written: the copies were not listed
        log.warning("unreadable marker %s (%s): rolling back", marker, exc)
        phase, copies = PREPARING, []
    if phase == SWITCHING:
        _switch(marker, copies)
        log.warning("interrupted change of passphrase of %s finished", database_file)
        return FINISHED
    _roll_back(marker, [(_fresh(database_file), database_file), *copies])
    log.warning("interrupted change of passphrase of %s rolled back", database_file)
    return ROLLED_BACK


def _fresh(path: Path) -> Path:
    return path.with_name(path.name + NEW_SUFFIX)


def _roll_back(marker: Path, planned: list[tuple[Path, Path]]) -> None:
    """Remove the re-keyed copies (every file keeps the old passphrase), then the marker."""
    for fresh, _target in planned:
        _unlink_quietly(fresh)
    _unlink_quietly(marker)


def _switch(marker: Path, copies: list[tuple[Path, Path]]) -> None:
    """Rename every re-keyed copy over its file; a copy on an unreachable share stays listed in
    the marker for the next start."""
    left = []
    for fresh, target in copies:
        if not fresh.exists():
            continue  # renamed before a crash
        try:
            for suffix in ("-wal", "-shm", "-journal"):  # an old log would be replayed on it
                target.with_name(target.name + suffix).unlink(missing_ok=True)
            os.replace(fresh, target)
            fsync_folder(target.parent)
        except OSError as exc:
            log.warning("re-keyed copy %s not put in place yet: %s", fresh, exc)
            left.append((fresh, target))
            continue
        crash_point("rekey:switched-one")
    if left:
        _write_marker(marker, SWITCHING, left)
    else:
        _unlink_quietly(marker)


def _checkpoint(path: Path, key: DatabaseKey) -> None:
    connection = connect_file(path, key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _same_counts(source: Path, key: DatabaseKey, copy: Path, new: DatabaseKey) -> None:
    check_copy(
        source,
        key,
        copy,
        new,
        what="re-keyed",
        failure="Het wijzigen van het wachtwoord is mislukt; er is niets gewijzigd.",
    )


def check_copy(
    source: Path,
    key: DatabaseKey | None,
    copy: Path,
    copy_key: DatabaseKey | None,
    *,
    what: str,
    failure: str,
) -> None:
    """Raise a StorageError (`failure` for the user) unless the `what` copy (encrypted,
    re-keyed) holds as many rows per table as `source` and passes SQLite's quick check."""
    original, fresh = connect_file(source, key), connect_file(copy, copy_key)
    try:
        tables = [
            row[0]
            for row in original.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                "'CREATE VIRTUAL TABLE%'"
            )
        ]
        for table in tables:
            count = f'SELECT count(*) FROM "{table}"'
            if original.execute(count).fetchone() != fresh.execute(count).fetchone():
                raise StorageError(f"{what} copy of {source} differs in table {table}", failure)
        check = fresh.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise StorageError(
                f"{what} copy of {source} fails the integrity check: {check}", failure
            )
    finally:
        original.close()
        fresh.close()


def _write_marker(marker: Path, phase: str, copies: list[tuple[Path, Path]]) -> None:
    """Replace the marker in one rename, flushed: it is never half old, half new."""
    partial = marker.with_name(marker.name + ".deel")
    body = {"fase": phase, "kopieen": [[str(f), str(t)] for f, t in copies]}
    partial.write_text(json.dumps(body, indent=1), encoding="utf-8")
    fsync_file(partial)
    os.replace(partial, marker)
    fsync_folder(marker.parent)


def _read_marker(marker: Path) -> tuple[str, list[tuple[Path, Path]]]:
    body = json.loads(marker.read_text(encoding="utf-8"))
    copies = [(Path(f), Path(t)) for f, t in body["kopieen"]]
    phase = body["fase"]
    if phase not in (PREPARING, SWITCHING):
        raise ValueError(f"unknown phase {phase!r}")
    return str(phase), copies


def _unlink_quietly(path: Path) -> None:
    try:
        if path.exists():  # a read-only file system refuses even to remove nothing
            path.unlink()
    except OSError as exc:
        log.warning("%s not removed: %s", path, exc)
