"""Backups the user asks for, the one made on every start and before an import, and putting a
backup back (automatic ones before migrations live in storage.migrate).

Restoring replaces the database file, so it runs with the database closed: from the CLI, or
from the app, which then closes. The current database is backed up first, so a restore can
itself be undone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.orm import Session

from gebiedsapp.domain import AppSetting
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage.backup import (
    BackupInfo,
    backup_sqlite_file,
    inspect_backup,
    list_backups,
    restore_sqlite_file,
)
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
    return backup_sqlite_file(path, backup_dir, reason=reason)


def backup_dir_of(session: Session, default: Path) -> Path:
    """Where backups go: the folder the user chose (a network share, say), else the default."""
    row = session.get(AppSetting, BACKUP_DIR_KEY)
    return Path(row.value) if row is not None and row.value.strip() else default


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


def backups(database_file: Path, backup_dir: Path) -> list[BackupInfo]:
    """The backups of this database, newest first, each with its preview."""
    infos = []
    for path in list_backups(backup_dir, database_file.stem):
        info = inspect_backup(path)
        if info.usable and info.revision not in known_revisions():
            info = BackupInfo(
                info.path,
                info.made_at,
                info.reason,
                info.size,
                info.revision,
                info.counts,
                "Gemaakt door een nieuwere Gebiedsapp; werk de app eerst bij.",
            )
        infos.append(info)
    return infos


def newest_good(database_file: Path, backup_dir: Path) -> BackupInfo | None:
    return next((b for b in backups(database_file, backup_dir) if b.usable), None)


def restore_backup(
    database_file: Path, backup: Path, backup_dir: Path, *, damaged: bool = False
) -> Path | None:
    """Put `backup` back in place of `database_file` (every connection to it closed). The
    current file is backed up first, and the copy's path returned; when that copy cannot be
    made nothing is restored, unless the database is `damaged` (then it may not copy at all,
    and None is returned)."""
    info = inspect_backup(backup)
    if not info.usable:
        raise BackupError(
            f"backup {backup} cannot be restored: {info.problem}",
            f"Deze reservekopie kan niet worden teruggezet: {info.problem}",
        )
    if info.revision not in known_revisions():
        raise BackupError(
            f"backup {backup} has unknown revision {info.revision}",
            "Deze reservekopie is gemaakt door een nieuwere Gebiedsapp; werk de app eerst bij.",
        )
    safety = None
    if database_file.exists() and database_file.stat().st_size:
        try:
            # not rotated: rotation could delete the very copy about to be restored
            safety = backup_sqlite_file(
                database_file, backup_dir, reason="voor-terugzetten", rotate=False
            )
        except BackupError as error:
            if not damaged:
                raise BackupError(
                    f"no safety copy before restoring: {error}",
                    "Er is niets teruggezet: eerst moet de huidige database als reservekopie "
                    f"worden bewaard, en dat lukte niet. {error.user_message}",
                ) from error
            log.warning("damaged %s could not be copied before restoring", database_file)
    restore_sqlite_file(backup, database_file)
    return safety
