"""A consistent backup copy at the speed of a file copy (issue 19): the database file and its
WAL copied byte for byte under a read snapshot, instead of SQLite's backup API, which decrypts
and encrypts every page of an encrypted database (nine times a file copy)."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from io import BufferedReader, BufferedWriter
from pathlib import Path

from gebiedsapp.storage.change_mark import change_mark
from gebiedsapp.storage.crypto import DatabaseKey, connect_file

LOCK_BYTE_OFFSET = 0x40000000  # SQLite's lock-byte page: 1 GiB into the file
# A copy is flushed to the disk every this many bytes (`copy_flushed`).
FLUSH_EVERY = 32 << 20
_BUFFER = 1 << 20


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
        copy_flushed(source, target)
        if wal.exists():  # our open snapshot keeps it from being removed meanwhile
            header = _wal_header(wal)
            # replayed into the copy and removed right after: not worth a flush
            copy_flushed(wal, copied_wal, flush=False)
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


def copy_flushed(
    source: Path, target: Path, *, every: int = FLUSH_EVERY, flush: bool = True
) -> None:
    """Copy `source` to `target` and flush it to the disk as it goes, every `every` bytes,
    the last piece too (the caller flushes the file's metadata). A copy written whole first
    leaves a gigabyte waiting in the OS's cache; the disk then writes it out in one go, and
    every commit meanwhile (the app's databases flush each one: synchronous FULL) waited
    behind it: a conversation saved while the start backup of ten times today's data was
    being written held the window 100-500 ms (issue 19). Flushed piece by piece, a commit
    waits for one piece at most; on Linux the copy took about as long. Not `flush`: a copy
    that is not kept, in pieces all the same."""
    with source.open("rb") as src, target.open("wb") as dst:
        for _piece in _pieces(src, dst, every):
            if flush:
                dst.flush()
                _flush_data(dst.fileno())


# sendfile's errors where it cannot copy between these two files (the target's file system,
# an old kernel): shutil's copy then reads and writes, and so does `_pieces`
_NO_SENDFILE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOTSOCK}


def _pieces(src: BufferedReader, dst: BufferedWriter, every: int) -> Iterator[int]:
    """Copy a piece of at most `every` bytes at a time, saying its size after each: by the
    kernel (sendfile, as shutil's copy on Linux; elsewhere it may want a socket to write to),
    or read and written through a buffer where sendfile cannot."""
    sent = 0
    if sys.platform.startswith("linux"):
        try:
            while piece := os.sendfile(dst.fileno(), src.fileno(), sent, every):
                sent += piece
                yield piece
            return
        except OSError as error:
            if sent or error.errno not in _NO_SENDFILE:
                raise
    yield from _pieces_read(src, dst, every)


def _pieces_read(src: BufferedReader, dst: BufferedWriter, every: int) -> Iterator[int]:
    """The copy read and written through a buffer, a piece at a time."""
    buffer = bytearray(min(_BUFFER, every))
    view = memoryview(buffer)
    unflushed = 0
    while read := src.readinto(buffer):
        dst.write(view[:read])
        unflushed += read
        if unflushed >= every:
            yield unflushed
            unflushed = 0
    if unflushed:
        yield unflushed


def _flush_data(fd: int) -> None:
    """The file's data to the disk: fdatasync where there is one (it leaves out what a read
    does not need, such as the time of the last change), else fsync."""
    sync = getattr(os, "fdatasync", os.fsync)
    sync(fd)


def _wal_header(wal: Path) -> bytes:
    """The WAL's header: its salts and checkpoint count change when it is started afresh."""
    with wal.open("rb") as handle:
        return handle.read(32)
