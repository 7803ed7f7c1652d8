"""One merge into a laptop's database at a time: a team sync and an exchange file's import both
read the outbox and bases and write rows, so they take the same OS lock beside the database
(`<file>.sync-lock`, storage.lock.SyncLock); the second one is told in Dutch and changes
nothing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from gebiedsapp.identity import current_actor
from gebiedsapp.services.sync.model import SyncBusy
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.lock import SyncLock


@contextlib.contextmanager
def one_sync_at_a_time(database: Database, *, program: str, skip: bool = False) -> Iterator[None]:
    """The file's sync lock for the whole block (`skip`: a dry run, which changes nothing);
    SyncBusy when another process or window syncs or imports into this database now."""
    if skip or database.file is None:  # in memory: no other process can open it
        yield
        return
    lock = SyncLock(database.file, program=program, user=current_actor())
    if not lock.acquire():
        raise SyncBusy(lock.busy_message())
    try:
        yield
    finally:
        lock.release()
