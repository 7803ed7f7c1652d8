"""After an erasure: leave the erased words nowhere in the database's own files.

Three places can still hold them once the erasure is committed:
- free space inside pages and free pages: `secure_delete` (storage.database) overwrites them;
- the full-text index, which keeps old words in its segments until they merge: rebuilt here;
- the write-ahead log (`-wal`) and, until the log is copied back, the main file's old pages: a
  TRUNCATE checkpoint copies the log into the file and empties it. It cannot finish while
  another connection (another window, a backup) still reads an older state, so it is tried
  again with a short back-off; when readers stay, a marker file beside the database says the
  work is pending and the next start (or the next erasure) finishes it.

The marker is written before the erasure starts, so a crash in between is covered as well.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from gebiedsapp.storage.database import BUSY_TIMEOUT_MS, sqlite_file
from gebiedsapp.storage.search import rebuild_search_index

log = logging.getLogger(__name__)

PENDING_SUFFIX = "-wissen-afronden"
FIRST_WAIT_S = 0.05
TOTAL_WAIT_S = 3.0  # a reader that just finishes a screen's query is gone well within this
CHECKPOINT_BUSY_MS = 50  # per try; the back-off does the waiting


def marker(path: Path) -> Path:
    return path.with_name(path.name + PENDING_SUFFIX)


def mark_pending(engine: Engine) -> None:
    """Before an erasure: note that traces must be purged (survives a crash)."""
    path = sqlite_file(engine.url)
    if path is None:
        return
    try:
        marker(path).touch()
    except OSError as error:  # a read-only folder: the erasure itself will fail there too
        log.warning("cannot write the purge marker beside %s: %s", path, error)


def is_pending(engine: Engine) -> bool:
    path = sqlite_file(engine.url)
    return path is not None and marker(path).exists()


def purge(engine: Engine, *, wait: Callable[[float], None] = time.sleep) -> bool:
    """Rebuild the search index and checkpoint the log until it is empty; True when done
    (the marker is then removed), False when other connections kept reading throughout."""
    path = sqlite_file(engine.url)
    if engine.url.get_backend_name() != "sqlite":
        return True
    with engine.begin() as connection:
        rebuild_search_index(connection)
    done = _checkpoint(engine, wait) if path is not None else True
    if done and path is not None:
        with contextlib.suppress(FileNotFoundError):
            marker(path).unlink()
    return done


def _checkpoint(engine: Engine, wait: Callable[[float], None]) -> bool:
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {CHECKPOINT_BUSY_MS}")
        try:
            delay, waited = FIRST_WAIT_S, 0.0
            while True:
                busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
                if not busy:
                    return True
                if waited >= TOTAL_WAIT_S:
                    log.warning("checkpoint after erasure pending: other connections read")
                    return False
                wait(delay)
                waited += delay
                delay = min(delay * 2, 1.0)
        finally:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
