"""Backups the user asks for, the one made on every start and before an import, and putting a
backup back (automatic ones before migrations live in storage.migrate).

Restoring replaces the database file, so it runs with the database closed: from the CLI, or
from the app, which then closes. The current database is backed up first, so a restore can
itself be undone.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from gebiedsapp.domain import AppSetting
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.storage.backup import (
    BackupInfo,
    backup_sqlite_file,
    inspect_backup,
    list_backups,
    restore_sqlite_file,
)
from gebiedsapp.storage.backup_retention import start_backup
from gebiedsapp.storage.crypto import DatabaseKey, read_salt
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import BackupError
from gebiedsapp.storage.migrate import known_revisions

log = logging.getLogger(__name__)

BACKUP_DIR_KEY = "backup.dir"


def make_backup(
    database: Database, backup_dir: Path, *, reason: str = "handmatig", create_folder: bool = True
) -> Path:
    """A consistent copy of the open database in `backup_dir`; BackupError (Dutch) otherwise.
    `create_folder=False` for a folder the user chose: when it is missing (a network share
    that is offline) that is said, and no local folder is made in its place."""
    path = database.file
    if path is None:
        raise BackupError(
            f"no backup of {database.describe()}: not an SQLite file",
            "Van deze database kan de app geen reservekopie maken: een databaseserver maakt "
            "zijn eigen reservekopieën (bijvoorbeeld met pg_dump). Vraag de beheerder van de "
            "databaseserver.",
        )
    return backup_sqlite_file(
        path, backup_dir, reason=reason, key=database.key, create_folder=create_folder
    )


def backup_in_folder(database: Database, session: Session, default: Path, *, reason: str) -> Path:
    """A backup in the folder for backups: the chosen one (which must be there: it is never
    made behind the user's back), else the default one (made when missing)."""
    folder = backup_dir_of(session, default)
    return make_backup(database, folder, reason=reason, create_folder=folder == default)


def start_backup_in_folder(database: Database, session: Session, default: Path) -> Path | None:
    """The start's backup in the folder for backups: only when the database changed since a
    backup there (else None), and old start copies thinned by age (storage.backup_retention)."""
    if database.file is None:
        return None
    folder = backup_dir_of(session, default)
    return start_backup(database.file, folder, key=database.key, create_folder=folder == default)


def backup_dir_of(session: Session, default: Path) -> Path:
    """Where backups go: the folder the user chose (a network share, say), else the default."""
    row = session.get(AppSetting, BACKUP_DIR_KEY)
    return Path(row.value) if row is not None and row.value.strip() else default


@manages
def set_backup_dir(session: Session, folder: Path | None) -> Path | None:
    """Choose the backup folder (None: back to the default). It must exist and be writable."""
    row = session.get(AppSetting, BACKUP_DIR_KEY)
    if folder is None:
        if row is not None:
            session.delete(row)
        return None
    if not folder.is_dir():
        raise ValidationError(f"De map {folder} bestaat niet.", field="folder")
    probe = folder / ".gebiedsapp-schrijftest"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ValidationError(
            f"In de map {folder} kan de app niet schrijven ({exc.strerror or exc}).",
            field="folder",
        ) from exc
    if row is None:
        session.add(AppSetting(key=BACKUP_DIR_KEY, value=str(folder)))
    else:
        row.value = str(folder)
    return folder


def backup_key(
    backup: Path, key: DatabaseKey | None, passphrase: str | None = None
) -> DatabaseKey | None:
    """The key to read `backup` with: the database's `key` when the backup has its salt (the
    usual case), else the `passphrase` with the backup's own salt (the database was lost and
    made anew, so it has another salt), else `key` (which will not open it)."""
    salt = read_salt(backup) if backup.exists() else None
    if salt is None or (key is not None and key.salt == salt) or not passphrase:
        return key
    return DatabaseKey.derive(passphrase, salt)


def preview(backup: Path, key: DatabaseKey | None, passphrase: str | None = None) -> BackupInfo:
    """A backup as the restore dialog shows it; `problem` says why it cannot go back in place
    of the database that `key` opens (None: a plain or a missing database). With the
    `passphrase`, a backup with another salt than the database is read too."""
    own = backup_key(backup, key, passphrase)
    info = inspect_backup(backup, own)
    problem = ""
    if info.usable and info.revision not in known_revisions():
        problem = "Gemaakt door een nieuwere Gebiedsapp; werk de app eerst bij."
    elif info.usable and key is not None and not info.encrypted:
        problem = "Niet versleuteld, en de database wel: zo'n kopie wordt niet teruggezet."
    return replace(info, problem=problem) if problem else info


def backups(
    database_file: Path,
    backup_dir: Path,
    key: DatabaseKey | None = None,
    passphrase: str | None = None,
) -> list[BackupInfo]:
    """The backups of this database, newest first, each with its preview."""
    return [preview(path, key, passphrase) for path in list_backups(backup_dir, database_file.stem)]


def newest_good(
    database_file: Path, backup_dir: Path, key: DatabaseKey | None = None
) -> BackupInfo | None:
    return next((b for b in backups(database_file, backup_dir, key) if b.usable), None)


def restore_backup(
    database_file: Path,
    backup: Path,
    backup_dir: Path,
    *,
    damaged: bool = False,
    key: DatabaseKey | None = None,
    passphrase: str | None = None,
    replace_newer: bool = False,
) -> Path | None:
    """Put `backup` back in place of `database_file` (every connection to it closed; `key`
    opens both when the database is encrypted). The current file is backed up first, and the
    copy's path returned; when that copy cannot be made nothing is restored, unless the
    database is `damaged` (then it may not copy at all, and None is returned). With the
    `passphrase`, a backup with its own salt is restored with that salt (see backup_key).
    A database that holds records the backup lacks (what_would_be_lost) is only replaced with
    `replace_newer`, after the user saw what would be lost."""
    info = preview(backup, key, passphrase)
    if not info.usable:
        raise BackupError(
            f"backup {backup} cannot be restored: {info.problem}",
            f"Deze reservekopie kan niet worden teruggezet: {info.problem}",
        )
    loss = what_would_be_lost(database_file, info, key)
    if loss is not None and not replace_newer:
        raise BackupError(
            f"restore of {backup} refused: the database holds newer records",
            f"{loss.text()} Er is niets teruggezet; de huidige database is gebleven.",
        )
    safety = None
    if database_file.exists() and database_file.stat().st_size:
        try:
            # not rotated: rotation could delete the very copy about to be restored
            safety = backup_sqlite_file(
                database_file,
                backup_dir,
                reason="voor-terugzetten",
                rotate=False,
                key=key,
                fast=False,  # read through SQLite: a damaged database fails, and is kept as is
            )
        except BackupError as error:
            if not damaged:
                raise BackupError(
                    f"no safety copy before restoring: {error}",
                    "Er is niets teruggezet: eerst moet de huidige database als reservekopie "
                    f"worden bewaard, en dat lukte niet. {error.user_message}",
                ) from error
            safety = _copy_damaged(database_file, backup_dir)
    restore_sqlite_file(backup, database_file, backup_key(backup, key, passphrase))
    return safety


@dataclass(frozen=True)
class Loss:
    """What the database holds that a backup lacks: put the backup back, and this is gone."""

    more: tuple[tuple[str, int], ...]  # (Dutch word, how many more in the database)
    last_change: datetime | None  # the database's newest change (UTC)
    backup_change: datetime | None  # the backup's newest change (UTC)
    modified: datetime | None = None  # when the file was last written (local time)
    unreadable: bool = False  # the database could not be read with this key

    def text(self) -> str:
        """Dutch, for the confirmation before a restore."""
        if self.unreadable:
            when = f" (laatst gewijzigd {self.modified:%d-%m-%Y %H:%M})" if self.modified else ""
            return (
                f"Let op: de huidige database{when} is met dit wachtwoord niet te lezen, dus "
                "niet te zien wat erin staat. Misschien heeft hij een ander (nieuwer) "
                "wachtwoord en nieuwere gegevens dan deze reservekopie. Terugzetten vervangt "
                "hem; hij wordt eerst onveranderd als reservekopie bewaard."
            )
        parts = [f"{n} {word}" for word, n in self.more]
        what = f"{_join(parts)} meer dan deze reservekopie" if parts else "nieuwere wijzigingen"
        when = f"; laatste wijziging {_local(self.last_change)}" if self.last_change else ""
        then = f" (in de kopie: {_local(self.backup_change)})" if self.backup_change else ""
        return (
            f"Let op: de huidige database bevat {what}{when}{then}. Die gaan bij terugzetten "
            "verloren uit de database; de huidige database wordt eerst als reservekopie "
            "bewaard."
        )


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _local(moment: datetime) -> str:
    return f"{moment.replace(tzinfo=UTC).astimezone():%d-%m-%Y %H:%M}"


def what_would_be_lost(
    database_file: Path, backup: BackupInfo, key: DatabaseKey | None
) -> Loss | None:
    """What the current database holds that `backup` lacks (more records of a kind, or a
    change after the backup's last one), or None when nothing would be lost (a missing or
    empty database, one that holds nothing newer, or a damaged one, which is kept byte for
    byte)."""
    try:
        if not database_file.exists() or database_file.stat().st_size == 0:
            return None
        modified = datetime.fromtimestamp(database_file.stat().st_mtime)
    except OSError:
        return None
    current = inspect_backup(database_file, key, live=True)
    if current.other_key or (current.encrypted and key is None):  # another passphrase
        return Loss((), None, backup.last_change, modified, unreadable=True)
    if not current.usable:  # damaged: restoring keeps its bytes (see _copy_damaged)
        return None
    had = dict(backup.counts)
    more = tuple((word, n - had.get(word, 0)) for word, n in current.counts if n > had.get(word, 0))
    newer = current.last_change is not None and (
        backup.last_change is None or current.last_change > backup.last_change
    )
    if not more and not newer:
        return None
    return Loss(more, current.last_change, backup.last_change, modified)


def _copy_damaged(database_file: Path, backup_dir: Path) -> Path | None:
    """A damaged file that SQLite cannot read whole (an encrypted one fails on its first bad
    page) is kept byte for byte, still encrypted, for whoever can rescue pages from it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database_file.stem}-{stamp}-beschadigd.db"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(database_file, target)
        wal = database_file.with_name(database_file.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        log.warning("damaged %s could not be copied before restoring: %s", database_file, exc)
        return None
    log.info("damaged %s copied as it is to %s", database_file, target)
    return target
