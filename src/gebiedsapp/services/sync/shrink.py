"""Rows a laptop may no longer hold (docs/sync-design.md, "Rights that shrink"). When the
beheerder ends a user's assignment to an area, or their role loses the right to residents'
personal data (a wethouder), the server stops showing them those rows; the laptop must
then let go of its copies too, as the server's rights say, and of the words in them.

Mirrors the re-pull when rights grow (services.sync.reveal): in one snapshot the laptop
reads what its user may see now (`sync_visibility.rights_now`) and, when that is less than
at the last complete pull (or not known on a laptop that pulled before), the keys of every
row the user may still read. A row here that the server no longer shows is removed — not
as a delete: with `applying = 1`, so no outbox entry, nothing pushed, the server keeps it —
with its merge base; a column the role may no longer read goes back to its default. Never
removed: this laptop's own changes still waiting (the server refuses them: they stay, and
the user is told how many, `sync_visibility.waiting_elsewhere`), and rows such a change or
a draft still refers to. Reference data is seen by all and stays. The words go from the
file's pages as an erasure's do (`storage.traces`, after the run).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from gebiedsapp.services.sync.context import Run
from gebiedsapp.storage import traces
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_visibility as visibility
from gebiedsapp.storage.server_rights import REFERENCE_TABLES
from gebiedsapp.storage.sync_tables import SyncTable, synced_tables

log = logging.getLogger(__name__)


def needed(then: Mapping[str, Any] | None, now: Mapping[str, Any], synced: bool) -> bool:
    """Whether this laptop may hold rows its user may no longer see: less than at the last
    complete pull, or not known while it pulled before (once, as reveal.start_over)."""
    if then is None:
        return synced
    return visibility.lost(then, now)


def let_go(run: Run) -> None:
    """Remove here what the server no longer shows this user (before the pull, which keeps
    the rights it finds after a complete pull)."""
    with run.local.connect() as connection:
        then = visibility.rights_then(connection)
        synced = any(local.cursors(connection).values())
    snapshot = run.server.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot as remote, remote.begin():
        remote.exec_driver_sql("SET TRANSACTION READ ONLY")
        now = visibility.rights_now(remote, run.readable)
        if not needed(then, now, synced):
            return
        readable = {t.name for t in run.tables()}
        shown = {
            t.name: visibility.keys_of(remote, t)
            for t in held_tables(synced_tables())
            if t.name in readable
        }
    log.info("sync: the user may see less than before: letting go of what is hidden now")
    with run.local.begin() as connection:
        box = local.outbox(connection)
        gone = {
            t.name: visibility.keys_of(connection, t)
            - shown.get(t.name, set())
            - set(box.get(t.name, {}))
            for t in held_tables(synced_tables())
        }
        keep_referred(connection, gone)
        removed = sum(len(keys) for keys in gone.values())
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        local.set_applying(connection, True)
        if removed:
            traces.mark_pending(run.local)  # purged after the run, or at the next start
        for table in reversed(synced_tables()):
            keys = sorted(gone.get(table.name, ()))
            if keys:
                local.delete_rows(connection, table, keys)
                local.drop_bases(connection, table.name, keys)
        for table in held_tables(run.tables()):
            hidden = [c.name for c in table.table.columns if c.name not in run.columns(table)]
            removed += visibility.blank(connection, table, hidden)
        local.set_applying(connection, False)
    run.counts.removed += removed
    log.info("sync: %d rows let go of", removed)


def held_tables(tables: Any) -> list[SyncTable]:
    """The tables whose rows depend on the user's rights (reference data is seen by all)."""
    return [t for t in tables if t.name not in REFERENCE_TABLES]


def keep_referred(connection: Any, gone: dict[str, set[str]]) -> None:
    """Keep the rows that a row which stays refers to (a waiting change, a draft), and what
    those refer to in turn: a reference is never left dangling."""
    changed = True
    while changed:
        changed = False
        for table in held_tables(synced_tables()):
            keys = gone.get(table.name, set())
            kept = visibility.referred(connection, table, keys, gone) if keys else set()
            if kept:
                gone[table.name] = keys - kept
                changed = True
