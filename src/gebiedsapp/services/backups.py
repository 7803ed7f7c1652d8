"""Backups the user asks for (automatic ones before migrations live in storage.migrate)."""

from __future__ import annotations

from pathlib import Path

from gebiedsapp.storage.backup import backup_sqlite_file
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import BackupError


def make_backup(database: Database, backup_dir: Path) -> Path:
    """A consistent copy of the open database in `backup_dir`; BackupError (Dutch) otherwise."""
    path = database.file
    if path is None:
        raise BackupError(
            f"no backup of {database.describe()}: not an SQLite file",
            "Van deze database kan de app geen reservekopie maken; vraag de beheerder van de "
            "databaseserver.",
        )
    return backup_sqlite_file(path, backup_dir, reason="handmatig")
