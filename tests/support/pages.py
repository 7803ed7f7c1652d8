"""Every page of a database file and of its write-ahead log, decrypted: what an attacker with
the passphrase (or a forensic tool) could read, free pages and old log frames included.

SQLite's own reading (a query, `VACUUM INTO`, `sqlcipher_export`) only shows live rows, so
erased text left in free space or in old frames would go unseen. The pages are decrypted here
as SQLCipher 4 writes them: AES-256-CBC over each page, with the page's own IV in the 80
reserved bytes at its end (16 bytes IV, 64 bytes HMAC); page 1 starts with the file's salt.
A plain (unencrypted) file is returned as it is.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from gebiedsapp.storage.crypto import SALT_BYTES, SQLITE_HEADER, DatabaseKey

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(page: bytes, number: int, key: DatabaseKey) -> bytes:
    start = SALT_BYTES if number == 1 else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key.key), modes.CBC(iv)).decryptor()
    body = decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()
    return (SQLITE_HEADER if number == 1 else b"") + body


def database_pages(path: Path, key: DatabaseKey | None) -> Iterator[bytes]:
    data = path.read_bytes()
    if key is None:
        yield data
        return
    for offset in range(0, len(data) - PAGE + 1, PAGE):
        yield decrypt_page(data[offset : offset + PAGE], offset // PAGE + 1, key)


def wal_pages(path: Path, key: DatabaseKey | None) -> Iterator[bytes]:
    """Every frame of the log, the overwritten and uncommitted ones too."""
    if not path.exists():
        return
    data = path.read_bytes()
    if key is None:
        yield data
        return
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        (number,) = struct.unpack(">I", data[offset : offset + 4])
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
        yield decrypt_page(page, number, key)
        offset += FRAME_HEADER + PAGE


def readable(path: Path, key: DatabaseKey | None) -> bytes:
    """The database file's and its log's pages, decrypted, one after the other."""
    wal = path.with_name(path.name + "-wal")
    return b"".join([*database_pages(path, key), *wal_pages(wal, key)])
