"""Backup copies of an SQLite database through SQLite's online backup API.

The online API gives a consistent copy even while the app has the database open in WAL mode;
a plain file copy would not. Copies rotate: the newest `keep` per database are kept. The copy of
an encrypted database is encrypted with the same key (and salt), so the same passphrase opens it.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from gebiedsapp.storage.change_mark import MARK_SUFFIX, change_mark, mark_path, write_mark
from gebiedsapp.storage.crash_point import crash_point
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
    fsync_folder,
    read_salt,
    unreadable_errors,
)
from gebiedsapp.storage.errors import (
    BackupError,
    DatabaseUnavailableError,
    explain_write_error,
    read_only_folder,
)
from gebiedsapp.storage.raw_copy import copy_raw, raw_copy_possible

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10
PARTIAL_SUFFIX = ".deel"  # a backup being written; renamed to its real name once complete
_SIDE_FILES = ("-journal", "-wal", "-shm")
_writing: set[Path] = set()  # partial copies this process is writing now


def backup_sqlite_file(
    source: Path,
    backup_dir: Path,
    *,
    reason: str,
    keep: int = DEFAULT_KEEP,
    rotate: bool = True,
    key: DatabaseKey | None = None,
    create_folder: bool = True,
    fast: bool = True,
) -> Path:
    """Copy `source` into `backup_dir` as `<stem>-<timestamp>-<reason>.db`; return the copy.

    The copy is written under a temporary name (PARTIAL_SUFFIX), flushed to the disk and only
    then renamed: a kill or a full disk never leaves a file that looks like a backup.
    Copies rotate per reason: the newest `keep` made for the same reason stay, so a day of
    starts cannot push out the copy made before an upgrade or an import. `rotate=False` keeps
    every copy (the one made before a restore, which must not delete the copy being restored).
    `create_folder=False` (a folder the user chose, a network share): a missing folder is an
    error, never made here behind the user's back. `fast=False` reads every page through
    SQLite (a database that may be damaged: a damaged one then fails instead of being copied)."""
    if not source.exists():
        raise BackupError(
            f"cannot back up {source}: file does not exist",
            f"Er is geen database om te bewaren op {source}.",
        )
    if not create_folder and not backup_dir.is_dir():
        raise BackupError(
            f"backup folder {backup_dir} does not exist (offline?)",
            f"De map voor reservekopieën {backup_dir} is niet bereikbaar (is de netwerkmap "
            "verbonden?). Er is geen reservekopie gemaakt. Verbind de map, of kies een andere "
            "map (Bestand → Map voor reservekopieën…).",
        )
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backup_dir / f"{source.stem}-{stamp}-{reason}.db"
        _write_whole(source, target, key, fast=fast)
    except unreadable_errors() as exc:
        raise BackupError(
            f"backup of {source} to {backup_dir} failed: {exc}",
            f"De reservekopie kon niet worden gemaakt in {backup_dir}. {_why(exc, backup_dir)}",
        ) from exc
    log.info("backup of %s written to %s", source, target)
    if rotate:
        _rotate(backup_dir, source.stem, keep, reason, key)
    return target


def _why(error: BaseException, folder: Path) -> str:
    """Why writing in `folder` failed, in Dutch (a full disk, a read-only folder, ...)."""
    if read_only_folder(folder):
        return (
            "De map is alleen-lezen: de app mag er niet schrijven. Kies een map waarin u mag "
            "schrijven, of vraag de beheerder om schrijfrechten."
        )
    return explain_write_error(error) or f"Technische melding: {error}"


def _write_whole(source: Path, target: Path, key: DatabaseKey | None, *, fast: bool) -> None:
    """The copy under a temporary name beside `target`, flushed, then renamed to `target`;
    whatever fails (a full disk, a kill of this process) leaves no file under `target`'s name,
    and a failure here removes the partial copy too. `fast`: a raw copy of the file's bytes
    (see storage.raw_copy); else SQLite's online backup API, which reads every page."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    _writing.add(partial)
    try:
        if fast and raw_copy_possible(source):
            mark = copy_raw(source, partial, key)
        else:
            mark = _copy(f"{source.as_uri()}?mode=ro", partial, key)
        fsync_file(partial)
        crash_point("backup:written")
        os.replace(partial, target)
        fsync_folder(target.parent)
        write_mark(target, mark)  # after the rename: a mark never names a partial copy
    except BaseException:
        _remove_partial(partial)
        raise
    finally:
        _writing.discard(partial)


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, *(partial.with_name(partial.name + s) for s in _SIDE_FILES)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("partial backup %s not removed: %s", leftover, exc)


def _in_use(path: Path) -> bool:
    """Whether a backup is being written now: by this process, or (POSIX) by another one that
    holds SQLite's lock on it. On Windows an open file cannot be removed anyway."""
    if path in _writing:
        return True
    try:
        import fcntl
    except ImportError:
        return False
    try:
        with path.open("rb") as handle:
            fcntl.lockf(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return path.exists()
    return False


def remove_leftovers(backup_dir: Path, stem: str) -> list[Path]:
    """Remove what killed backups left in `backup_dir`: partial copies (PARTIAL_SUFFIX) and
    copies with a rollback journal beside them (an earlier version wrote under the final
    name). Never a copy being written now. Returns what was removed."""
    if not backup_dir.is_dir():
        return []
    removed = []
    listed = _backup_name(stem)
    for path in backup_dir.glob(f"{stem}-*"):
        name = path.name
        partial = name.endswith(PARTIAL_SUFFIX) and listed.fullmatch(name[: -len(PARTIAL_SUFFIX)])
        unfinished = listed.fullmatch(name) and _unfinished(path)
        if name.endswith(MARK_SUFFIX) and not path.with_name(name[: -len(MARK_SUFFIX)]).exists():
            path.unlink(missing_ok=True)  # the mark of a copy removed by hand
            continue
        if not (partial or unfinished) or _in_use(path):
            continue
        _remove_partial(path)
        log.info("leftover of an interrupted backup %s removed", path)
        removed.append(path)
    return removed


def _backup_name(stem: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{6}}-[^/]*\.db")


def _unfinished(path: Path) -> bool:
    return path.with_name(path.name + "-journal").exists()


def _copy(
    source_uri: str, target: Path, key: DatabaseKey | None, *, checkpoint: bool = False
) -> str:
    """The online backup API from a read-only source onto `target` (whole, consistent); both
    with `key` when the database is encrypted. Returns the change mark of what was copied:
    read in the same read transaction as the copy, so it is never newer than the copy."""
    src = connect_file(source_uri, key, uri=True)
    try:
        src.isolation_level = None  # BEGIN by hand: one snapshot for the mark and the copy
        src.execute("BEGIN")
        mark = change_mark(src, key.salt if key is not None else None)
        dst = connect_file(target, key)
        try:
            src.backup(dst)
            if checkpoint:  # a restore: leave no stale log of the replaced database
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return mark


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """Backups of the database called `stem`, newest first (not those of `stem-2.db`, nor
    copies that were never finished: a partial one, or one with a rollback journal beside it,
    which an earlier version left when it was killed while copying)."""
    if not backup_dir.is_dir():
        return []
    pattern = _backup_name(stem)
    return sorted(
        (
            p
            for p in backup_dir.glob(f"{stem}-*.db")
            if pattern.fullmatch(p.name) and not _unfinished(p)
        ),
        reverse=True,
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
        remove_backup(old, why=f"keeping {keep}")
    remove_leftovers(backup_dir, stem)


def remove_backup(path: Path, *, why: str) -> bool:
    """Remove an old backup and its mark; a locked copy stays (it must not stop the app)."""
    try:
        path.unlink()
    except OSError as exc:
        log.warning("could not remove old backup %s: %s", path, exc)
        return False
    mark_path(path).unlink(missing_ok=True)
    log.info("old backup %s removed (%s)", path, why)
    return True


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
    last_change: datetime | None = None  # the newest change of a counted record (UTC)

    @property
    def usable(self) -> bool:
        return not self.problem

    @property
    def other_key(self) -> bool:
        """Encrypted under another key: the passphrase of the time may still open it."""
        return self.problem == OTHER_KEY


_NAME = re.compile(r".*-(\d{8}-\d{6})-\d{6}-(?P<reason>[^/]*)\.db")


def inspect_backup(path: Path, key: DatabaseKey | None = None, *, live: bool = False) -> BackupInfo:
    """Read a backup without changing it: when it was made, why, its schema version, its
    counts and its last change. A file that is not a sound Gebiedsapp database, or that `key`
    (the database's) does not open, gets a Dutch `problem`. A plain backup is read without the
    key. `live`: the database itself, whose log (-wal) is read too."""
    try:
        info = _from_file_name(path)
    except OSError as exc:
        return BackupInfo(path, datetime.min, "", 0, None, (), f"Niet te lezen: {exc}")
    try:
        state = file_state(path)
    except OSError as exc:
        return replace(info, problem=f"Niet te lezen: {exc}")
    encrypted = state == ENCRYPTED
    if state not in (PLAIN, ENCRYPTED):
        return replace(info, problem="Geen database.")
    if encrypted and key is None:
        return replace(info, problem="Versleuteld; deze database is dat niet.", encrypted=True)
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if live and wal.exists() else "mode=ro&immutable=1"
    try:
        connection = connect_file(f"{path.as_uri()}?{flags}", key if encrypted else None, uri=True)
    except WrongKeyError:
        return replace(info, problem=OTHER_KEY, encrypted=True)
    except driver_errors() as exc:
        return replace(info, problem=f"Niet te openen: {exc}")
    return _read_contents(connection, replace(info, encrypted=encrypted))


def _from_file_name(path: Path) -> BackupInfo:
    """When and why the backup was made (from its name, else its file time), and its size."""
    match = _NAME.fullmatch(path.name)
    made_at = (
        datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        if match
        else datetime.fromtimestamp(path.stat().st_mtime)
    )
    size = path.stat().st_size
    reason = match.group("reason") if match else ""
    return BackupInfo(path, made_at, reason, size, None, ())


def _read_contents(connection: Any, info: BackupInfo) -> BackupInfo:
    """`info` with the schema version, counts and last change read through the open
    `connection` (closed here), or with the problem that kept them from being read."""
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            return replace(info, problem="Beschadigd.")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return replace(info, problem="Geen reservekopie van de Gebiedsapp.")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = _live_counts(connection, tables)
        last_change = _last_change(connection, tables)
    except database_errors() as exc:
        return replace(info, problem=f"Beschadigd: {exc}")
    finally:
        connection.close()
    return replace(info, revision=row[0] if row else None, counts=counts, last_change=last_change)


def _live_counts(connection: Any, tables: set[str]) -> tuple[tuple[str, int], ...]:
    """Per counted kind of record (its Dutch word), the rows that are not deleted."""
    return tuple(
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


def _last_change(connection: Any, tables: set[str]) -> datetime | None:
    """The newest `updated_at` of the counted records (a deletion is a change too)."""
    found = []
    for table, _word in COUNTED:
        if table in tables:
            value = connection.execute(f"SELECT max(updated_at) FROM {table}").fetchone()[0]
            if value:
                found.append(datetime.fromisoformat(str(value)).replace(tzinfo=None))
    return max(found, default=None)


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
