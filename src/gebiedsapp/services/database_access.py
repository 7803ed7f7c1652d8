"""What the window needs of the database file itself: where it is, its key, its lock, whether
it can be encrypted, and the types it is handed (the open database, a backup's description).

The UI reaches storage only through services (an import-linter contract forbids `ui` importing
`gebiedsapp.storage`, bar its error types in `storage.errors`). Opening, unlocking and restoring
are services of their own (`gebiedsapp.startup`, `services.encryption`, `services.backups`);
this module is the narrow rest, so the window never needs storage's modules to hold them.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from gebiedsapp.services.before_open import window_lock
from gebiedsapp.storage.backup import BackupInfo
from gebiedsapp.storage.crypto import EMPTY, ENCRYPTED, DatabaseKey, cipher_available
from gebiedsapp.storage.crypto import database_errors as _database_errors
from gebiedsapp.storage.database import Database, sqlite_file
from gebiedsapp.storage.lock import WINDOW, DatabaseLock, LockHolder

__all__ = [
    "EMPTY",
    "ENCRYPTED",
    "WINDOW",
    "BackupInfo",
    "Database",
    "DatabaseKey",
    "DatabaseLock",
    "LockHolder",
    "cipher_available",
    "database_file",
    "file_errors",
    "key_of",
    "passphrase_opens",
    "window_lock",
]


def database_file(url: str) -> Path | None:
    """The file behind a database URL; None for a server or in-memory database. A URL that is
    not one raises SQLAlchemy's ArgumentError (the window says so in Dutch)."""
    return sqlite_file(make_url(url))


def key_of(found: object) -> DatabaseKey | None:
    """The key a damaged-database error carries (to open its backups with), if it is one."""
    return found if isinstance(found, DatabaseKey) else None


def passphrase_opens(key: DatabaseKey, passphrase: str) -> bool:
    """True when `passphrase` derives `key` (the current passphrase, asked before a change)."""
    return DatabaseKey.derive(passphrase, key.salt) == key


def file_errors() -> tuple[type[BaseException], ...]:
    """What rewriting the database file can raise besides StorageError: the drivers' errors
    and the operating system's."""
    return (OSError, *_database_errors())
