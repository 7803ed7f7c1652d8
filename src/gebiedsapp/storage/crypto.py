"""Encryption at rest with SQLCipher: keys, opening encrypted files, converting and re-keying.

A database file is encrypted with SQLCipher 4's defaults (AES-256, page HMAC, PBKDF2-HMAC-SHA512
with 256,000 iterations over the passphrase and the file's own 16-byte salt, which SQLCipher keeps
in the first 16 bytes). The key is derived here once per file and handed to SQLCipher as a raw
key with that salt (`x'<key><salt>'`), so that the many connections of one run (checks, the
pool, the worker, backups) do not each pay the quarter second of key stretching. The file stays
a standard SQLCipher 4 file: the passphrase opens it in any SQLCipher tool.

Backups of an encrypted database are written with the same key and salt, so the same passphrase
opens them; re-keying re-encrypts the backups as well.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

KDF_ITERATIONS = 256_000  # SQLCipher 4 default
KEY_BYTES = 32
SALT_BYTES = 16
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4's default, which every file of the app has
PLAIN, ENCRYPTED, EMPTY, FOREIGN = "plain", "encrypted", "empty", "foreign"


def cipher_module() -> ModuleType | None:
    """The SQLCipher driver (`sqlcipher3.dbapi2`), or None where it is not installed."""
    try:
        return importlib.import_module("sqlcipher3.dbapi2")
    except ImportError:
        return None


def cipher_available() -> bool:
    return cipher_module() is not None


def driver_errors() -> tuple[type[Exception], ...]:
    """The base Error classes of every SQLite driver in use (sqlite3 and SQLCipher's)."""
    driver = cipher_module()
    return (sqlite3.Error,) if driver is None else (sqlite3.Error, driver.Error)


def unreadable_errors() -> tuple[type[BaseException], ...]:
    """What reading a database file can raise: the OS, a key that does not fit, the drivers."""
    return (OSError, WrongKeyError, *driver_errors())


def database_errors() -> tuple[type[Exception], ...]:
    driver = cipher_module()
    if driver is None:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, driver.DatabaseError)


@dataclass(frozen=True, repr=False)
class DatabaseKey:
    """The derived key of one encrypted file and that file's salt. Never printed or logged."""

    key: bytes = field(repr=False)
    salt: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("a database key is 32 bytes of key and 16 of salt")

    def __repr__(self) -> str:
        return "DatabaseKey(<verborgen>)"

    @property
    def pragma_value(self) -> str:
        """The value of `PRAGMA key`: a raw key with its salt (hex only, so nothing to quote)."""
        return f"x'{(self.key + self.salt).hex()}'"

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> DatabaseKey:
        """PBKDF2-HMAC-SHA512 as SQLCipher 4 does it. Remembered for the run (by a digest, not
        the passphrase): a CLI run, a restore or a test opens the same file several times."""
        tag = hashlib.sha256(salt + passphrase.encode()).digest()
        key = _derived.get(tag)
        if key is None:
            key = hashlib.pbkdf2_hmac(
                "sha512", passphrase.encode(), salt, KDF_ITERATIONS, KEY_BYTES
            )
            if len(_derived) >= 16:
                _derived.clear()
            _derived[tag] = key
        return cls(key, salt)

    @classmethod
    def new(cls, passphrase: str) -> DatabaseKey:
        """The key for a new file: a fresh random salt."""
        return cls.derive(passphrase, os.urandom(SALT_BYTES))

    @classmethod
    def for_file(cls, passphrase: str, path: Path) -> DatabaseKey:
        """The key for the encrypted file at `path` (its salt read from it), or for a new file
        (a fresh random salt) when it does not exist or is empty."""
        salt = read_salt(path)
        return cls.derive(passphrase, salt) if salt else cls.new(passphrase)


_derived: dict[bytes, bytes] = {}


def file_state(path: Path) -> str:
    """EMPTY (missing or zero bytes), PLAIN (an SQLite header) or ENCRYPTED (anything else that
    could be an SQLCipher file: whole pages of what looks like noise), else FOREIGN. Raises
    OSError when the file cannot be read."""
    if not path.exists() or path.stat().st_size == 0:
        return EMPTY
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return PLAIN
    size = path.stat().st_size
    if size % 512 or size < 512:  # SQLCipher writes whole pages (4096 bytes by default)
        return FOREIGN
    return ENCRYPTED


def read_salt(path: Path) -> bytes | None:
    """The salt of an encrypted file (its first 16 bytes), None for a missing or empty file."""
    if file_state(path) != ENCRYPTED:
        return None
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES)


class WrongKeyError(Exception):
    """The key does not open the file (or the file is not a database at all)."""


def connect_file(target: str | Path, key: DatabaseKey | None, *, uri: bool = False) -> Any:
    """A DB-API connection to an SQLite file: plain `sqlite3` without a key, SQLCipher with one.
    With a key the connection is checked at once; a key that does not fit raises WrongKeyError
    (SQLCipher cannot tell a wrong key from a file that is not a database)."""
    if key is None:
        return sqlite3.connect(target, uri=uri)
    driver = cipher_module()
    if driver is None:
        raise RuntimeError("SQLCipher (sqlcipher3) is not installed")
    connection = driver.connect(str(target), uri=uri)
    try:
        apply_key(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection


def apply_key(connection: Any, key: DatabaseKey) -> None:
    """`PRAGMA key` on a fresh SQLCipher connection, then read page 1 to prove the key fits."""
    connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr
    connection.execute(f'PRAGMA key = "{key.pragma_value}"')
    check_key(connection)


def check_key(connection: Any, *_event_args: Any) -> None:
    """Read page 1 of a keyed connection, so that a key that does not fit fails here, as
    WrongKeyError, and not later as a puzzling error in some query. Also the engine's
    "connect" listener, after the dialect's `PRAGMA key`."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors() as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise WrongKeyError(str(exc)) from exc
        raise


def export_encrypted(source: Path, target: Path, key: DatabaseKey) -> None:
    """Write an encrypted copy of the plain database `source` to the new file `target`
    (sqlcipher_export: every table, index, trigger and virtual table, in one transaction)."""
    driver = cipher_module()
    if driver is None:
        raise RuntimeError("SQLCipher (sqlcipher3) is not installed")
    if target.exists():
        raise FileExistsError(target)
    connection = driver.connect(str(source))
    try:
        connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key.pragma_value))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()


def rekey(connection: Any, new: DatabaseKey) -> None:
    """Re-encrypt every page of the open, keyed database with `new` (same salt: the raw key
    alone is given, so SQLCipher keeps the file's salt)."""
    if new.salt != read_salt_of(connection):
        raise ValueError("re-keying keeps the file's salt")
    connection.execute(f"PRAGMA rekey = \"x'{new.key.hex()}'\"")


def read_salt_of(connection: Any) -> bytes:
    row = connection.execute("PRAGMA cipher_salt").fetchone()
    return bytes.fromhex(str(row[0]))


def rekeyed_copy(source: Path, target: Path, current: DatabaseKey, new: DatabaseKey) -> None:
    """Write a copy of the encrypted database `source` (opened with `current`) to the new file
    `target`, encrypted with `new` and the same salt (sqlcipher_export: every table, index,
    trigger and virtual table in one transaction), and flush it to the disk. The source is
    only read."""
    if new.salt != current.salt:
        raise ValueError("re-keying keeps the file's salt")
    if target.exists():
        raise FileExistsError(target)
    connection = connect_file(source, current)
    try:
        connection.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), new.pragma_value))
        connection.execute("SELECT sqlcipher_export('rekeyed')")
        connection.execute("DETACH DATABASE rekeyed")
    finally:
        connection.close()
    fsync_file(target)


def key_fits_other_pages(path: Path, key: DatabaseKey) -> bool:
    """Whether `key` is this file's key although it does not open it: every page carries its
    own HMAC, so when a page after the first checks out, the key is right and the first page
    is damaged. False when no page checks out (another key: an old or a new passphrase) or the
    file has no second page to tell by."""
    driver = cipher_module()
    if driver is None:
        return False
    try:
        pages = path.stat().st_size // PAGE_SIZE
        if pages < 2:
            return False
        connection = driver.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f'PRAGMA key = "{key.pragma_value}"')
            failed = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        finally:
            connection.close()
    except unreadable_errors():
        return False
    return len(failed) < pages


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to the disk; Windows has no such call."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk (opened for writing: Windows refuses to flush a file
    opened only for reading)."""
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def overwrite_and_remove(path: Path) -> None:
    """Remove a file that held plain personal data: overwrite it with zeros, flush to the
    disk, then unlink. (On SSDs and copy-on-write file systems the drive may still keep old
    blocks; full-disk encryption such as BitLocker covers those.)"""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b", buffering=0) as handle:
        block = b"\x00" * 65536
        written = 0
        while written < size:
            written += handle.write(block[: min(len(block), size - written)])
        os.fsync(handle.fileno())
    path.unlink()
    log.info("plain file %s overwritten and removed", path)
