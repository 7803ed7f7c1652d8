"""A consistent backup copy at the speed of a file copy (issue 19): the database file and its
WAL copied byte for byte under a read snapshot, instead of SQLite's backup API, which decrypts
and encrypts every page of an encrypted database (nine times a file copy)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from gebiedsapp.storage.change_mark import change_mark
from gebiedsapp.storage.crypto import DatabaseKey, connect_file

LOCK_BYTE_OFFSET = 0x40000000  # SQLite's lock-byte page: 1 GiB into the file


def raw_copy_possible(source: Path) -> bool:
    """Windows locks are mandatory: from 1 GiB on, a file read meets the bytes SQLite locks
    while any connection reads, so a file that large is copied through SQLite there."""
    return os.name != "nt" or source.stat().st_size < LOCK_BYTE_OFFSET


def copy_raw(source: Path, target: Path, key: DatabaseKey | None) -> str:
    """A consistent copy at the speed of a file copy: the bytes of the database and its WAL,
    copied while a read transaction is open on it, then the copy's WAL applied to it.

    Why this is consistent: while a reader holds its snapshot, SQLite's checkpoint never moves
    a page newer than that snapshot into the database file, and never restarts the WAL under
    it; so the file holds no page newer than the snapshot, and the WAL holds every frame up to
    it (later commits may follow: replaying them gives a later committed state, never a torn
    one, as a half-written frame fails its checksum). An encrypted file is copied encrypted, so
    the copy has the same key and salt, as with the backup API, without decrypting and
    encrypting every page (which made a backup nine times a file copy). One race is left: when
    the snapshot needs no WAL frame at all, a writer may start the WAL afresh while it is being
    copied; its header then changes, and the copied WAL is dropped (the file alone is the
    snapshot then). Returns the change mark of the snapshot (never newer than the copy)."""
    wal = source.with_name(source.name + "-wal")
    copied_wal = target.with_name(target.name + "-wal")
    src = connect_file(f"{source.as_uri()}?mode=ro", key, uri=True)
    try:
        src.isolation_level = None  # BEGIN by hand: the snapshot stays for the whole copy
        src.execute("BEGIN")
        mark = change_mark(src, key.salt if key is not None else None)  # the first read
        shutil.copyfile(source, target)
        if wal.exists():  # our open snapshot keeps it from being removed meanwhile
            header = _wal_header(wal)
            shutil.copyfile(wal, copied_wal)
            if not header or _wal_header(wal) != header or _wal_header(copied_wal) != header:
                copied_wal.unlink()  # started afresh meanwhile: not needed, maybe torn
        src.execute("COMMIT")
    finally:
        src.close()
    dst = connect_file(target, key)  # opening replays the copied WAL
    try:
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()  # the last connection: the copy's WAL and -shm go
    return mark


def _wal_header(wal: Path) -> bytes:
    """The WAL's header: its salts and checkpoint count change when it is started afresh."""
    with wal.open("rb") as handle:
        return handle.read(32)
