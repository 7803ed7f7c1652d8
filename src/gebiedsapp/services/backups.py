"""Backups the user asks for, the one made on every start and before an import, and putting a
backup back (automatic ones before migrations live in storage.migrate).

Restoring replaces the database file, so it runs with the database closed: from the CLI, or
from the app, which then closes. The current database is backed up first, so a restore can
itself be undone.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import replace
from datetime import datetime
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
from gebiedsapp.storage.crypto import DatabaseKey, read_salt
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import BackupError
from gebiedsapp.storage.migrate import known_revisions

log = logging.getLogger(__name__)

BACKUP_DIR_KEY = "backup.dir"


def make_backup(database: Database, backup_dir: Path, *, reason: str = "handmatig") -> Path:
    """A consistent copy of the open database in `backup_dir`; BackupError (Dutch) otherwise."""
    path = database.file
    if path is None:
        raise BackupError(
            f"no backup of {database.describe()}: not an SQLite file",
            "Van deze database kan de app geen reservekopie maken; vraag de beheerder van de "
            "databaseserver.",
        )
    return backup_sqlite_file(path, backup_dir, reason=reason, key=database.key)


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
) -> Path | None:
    """Put `backup` back in place of `database_file` (every connection to it closed; `key`
    opens both when the database is encrypted). The current file is backed up first, and the
    copy's path returned; when that copy cannot be made nothing is restored, unless the
    database is `damaged` (then it may not copy at all, and None is returned). With the
    `passphrase`, a backup with its own salt is restored with that salt (see backup_key)."""
    info = preview(backup, key, passphrase)
    if not info.usable:
        raise BackupError(
            f"backup {backup} cannot be restored: {info.problem}",
            f"Deze reservekopie kan niet worden teruggezet: {info.problem}",
        )
    safety = None
    if database_file.exists() and database_file.stat().st_size:
        try:
            # not rotated: rotation could delete the very copy about to be restored
            safety = backup_sqlite_file(
                database_file, backup_dir, reason="voor-terugzetten", rotate=False, key=key
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
