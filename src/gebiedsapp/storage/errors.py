"""Errors the storage layer raises when a database cannot be opened as asked.

Each carries a Dutch message for the user (`user_message`) and an English one for the log (str).
"""

from __future__ import annotations


class StorageError(Exception):
    def __init__(self, log_message: str, user_message: str) -> None:
        super().__init__(log_message)
        self.user_message = user_message


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or it is damaged beyond its header)."""


class ForeignDatabaseError(StorageError):
    """An SQLite database, but made by another program: not ours to migrate."""


class DatabaseTooNewError(StorageError):
    """Made by a newer Gebiedsapp; this version does not know its schema."""


class DatabaseUnavailableError(StorageError):
    """Cannot be reached or opened (missing folder, no permission, server down)."""


class BackupError(StorageError):
    """A backup could not be made; nothing that depends on it was done."""


class MigrationError(StorageError):
    """A schema upgrade failed; it was rolled back."""
