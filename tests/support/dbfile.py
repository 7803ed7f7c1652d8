"""Reading a test database's file directly, as SQLite tools do: through SQLCipher with the
test passphrase when the file is encrypted (tests/conftest.py), plainly when it is not."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from gebiedsapp.storage import crypto
from gebiedsapp.storage.crypto import DatabaseKey

TEST_PASSPHRASE = "paard kaas fiets lantaarn"
# Every test database has this salt, so the quarter second of key stretching is paid once per
# run; the CLI, given TEST_PASSPHRASE in GEBIEDSAPP_PASSPHRASE, derives the same key for them.
TEST_KEY = DatabaseKey.derive(TEST_PASSPHRASE, b"gebiedsapp-tests")


def key_of(path: Path, passphrase: str = TEST_PASSPHRASE) -> DatabaseKey | None:
    salt = crypto.read_salt(path)
    return DatabaseKey.derive(passphrase, salt) if salt else None


def connect(path: Path, *, read_only: bool = False, timeout: float = 5.0) -> Any:
    """A DB-API connection to the file at `path` (read-only: no -wal or -shm of its own)."""
    key = key_of(path)
    target = f"{path.as_uri()}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, timeout=timeout)
    driver = crypto.cipher_module()
    assert driver is not None
    connection = driver.connect(target, uri=read_only, timeout=timeout)
    crypto.apply_key(connection, key)
    return connection
