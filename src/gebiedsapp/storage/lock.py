"""One Gebiedsapp at a time on a database file: a lock file beside it.

A second window on the same file would offer 'Herstel je werk?' for the drafts the first one
is still typing, and a command that replaces or rewrites the file (restore, encrypt, a new
passphrase) would pull it from under an open window. The window holds the lock while it runs;
those commands hold it while they work and refuse when someone else has it.

The lock is the operating system's own (flock on Linux and macOS, a byte-range lock on
Windows), so it dies with its process: a killed or crashed app never leaves a lock that blocks
the next start. Who holds it (program, user, computer, since when) is written after the first
byte, so that the refusal can say so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gebiedsapp.storage.errors import DatabaseInUseError

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
SYNC_LOCK_SUFFIX = ".sync-lock"
WINDOW = "venster"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


@dataclass(frozen=True)
class LockHolder:
    program: str  # WINDOW, or the command ("db restore")
    user: str
    host: str
    pid: int
    since: str  # ISO time

    def describe(self) -> str:
        """'in het venster van anna op LAPTOP-12 (sinds 06-12-2026 09:15)', in Dutch."""
        what = "in het venster" if self.program == WINDOW else f"door '{self.program}'"
        try:
            since = f" (sinds {datetime.fromisoformat(self.since):%d-%m-%Y %H:%M})"
        except ValueError:
            since = ""
        return f"{what} van {self.user or 'onbekend'} op {self.host or 'onbekend'}{since}"


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _host_name() -> str:
    """socket.gethostname() without importing socket (with selectors, about a tenth of a bare
    window's start) before the passphrase dialog: on POSIX it is uname's node name."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


class DatabaseLock:
    """Held by this process while `held`; `acquire()` never waits."""

    def __init__(self, database: Path, *, program: str, user: str) -> None:
        self.path = lock_path(database)
        self.database = database
        self.program = program
        self.user = user
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock, or when no lock can be made here at all
        (a read-only folder: SQLite cannot write there either); False when another holds it."""
        for _attempt in range(5):
            try:
                flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)  # Windows: no \r\n
                fd = os.open(self.path, flags, 0o644)
            except OSError as exc:
                log.warning("no lock beside %s: %s", self.database, exc)
                return True
            if not _try_lock(fd):
                os.close(fd)
                return False
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if not same:  # removed by a holder that was just leaving: lock the new one
                os.close(fd)
                continue
            self._fd = fd
            self._write_holder(fd)
            return True
        return False

    def _write_holder(self, fd: int) -> None:
        holder = {
            "program": self.program,
            "user": self.user,
            "host": _host_name(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        data = b"\n" + json.dumps(holder).encode("utf-8")
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
            os.ftruncate(fd, len(data))
        except OSError as exc:  # who holds it is a courtesy; the lock itself is what counts
            log.warning("cannot note the lock's holder in %s: %s", self.path, exc)

    def holder(self) -> LockHolder | None:
        """Who holds the lock, as they wrote it (None when unknown)."""
        try:
            with self.path.open("rb") as file:
                file.seek(1)  # the first byte is the locked one (Windows refuses to read it)
                data = json.loads(file.read().decode("utf-8"))
            return LockHolder(
                program=str(data.get("program", "")),
                user=str(data.get("user", "")),
                host=str(data.get("host", "")),
                pid=int(data.get("pid", 0)),
                since=str(data.get("since", "")),
            )
        except (OSError, ValueError, AttributeError):
            return None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":  # an open file cannot be removed there
            os.close(fd)
            self._remove()
        else:  # removed while still locked, so nobody locks a file that is on its way out
            self._remove()
            os.close(fd)

    def _remove(self) -> None:
        with contextlib.suppress(OSError):  # another start has it open (Windows): it stays
            self.path.unlink()

    def refuse(self) -> DatabaseInUseError:
        """The error for a command that may not run while another holds the database."""
        holder = self.holder()
        where = holder.describe() if holder is not None else "in een ander venster"
        return DatabaseInUseError(
            f"{self.database} is locked by {holder}",
            f"De database {self.database} is nu geopend {where}. Sluit dat eerst en probeer "
            "het dan opnieuw. Er is niets gewijzigd.",
        )

    def __enter__(self) -> DatabaseLock:
        if not self.acquire():
            raise self.refuse()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


class SyncLock(DatabaseLock):
    """One team sync at a time on a database file (the window's attempt in the background and
    a `gebiedsapp sync` on the command line): a lock file of its own beside the database, so
    a sync runs beside an open window but never beside another sync."""

    def __init__(self, database: Path, *, program: str, user: str) -> None:
        super().__init__(database, program=program, user=user)
        self.path = database.with_name(database.name + SYNC_LOCK_SUFFIX)

    def busy_message(self) -> str:
        """Dutch: a sync is running already, by whom and since when where known."""
        holder = self.holder()
        who = ""
        if holder is not None:
            who = f" (door {holder.user or 'onbekend'} op {holder.host or 'onbekend'}"
            with contextlib.suppress(ValueError):
                who += f", sinds {datetime.fromisoformat(holder.since):%H:%M}"
            who += ")"
        return (
            f"Er loopt al een synchronisatie van deze database{who}, in het venster of op de "
            "opdrachtregel. Wacht tot die klaar is en probeer het dan opnieuw."
        )
