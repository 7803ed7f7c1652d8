"""Records that moved to an area this laptop's user does not see (docs/sync-design.md,
"Records that move away"). When a colleague of two areas moves a signal from Beerta to
Winschoten, the server restamps it and its rows (storage.server_moves) and stops showing
them to a Beerta-only member; nothing in their pull would ever mention those rows again, so
their laptop kept them, with their words, for ever.

The server logs every row whose stamped area changes, with the area it LEFT (`sync_left`,
readable by that area's team). In the pull's own snapshot, after the tables' passes, the
laptop reads the log after its cursor, asks the server which of the listed rows it holds
are still shown to it (a move back, a second area), and lets go of the others as
services.sync.shrink does: with `applying = 1` (no outbox entry, never pushed as a delete),
with their merge bases, the words purged as an erasure's. Kept: this user's own changes
still waiting (and the rows they refer to); those are not sent (the server moved on and
would take them back to the old area), counted as "niet te versturen", and asked about
again at every sync until the server shows them again or the change is gone. Cost: the log's
new lines (a move is rare) and one look-up per table with moved rows held here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from gebiedsapp.services.sync.context import Run
from gebiedsapp.services.sync.shrink import held_tables, keep_referred
from gebiedsapp.storage import traces
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_moves as moves
from gebiedsapp.storage.sync_tables import SyncTable

log = logging.getLogger(__name__)


def hidden_here(
    remote: Connection, here: Connection, tables: Sequence[SyncTable]
) -> tuple[dict[str, set[str]], int, bool]:
    """({table: keys} held here that moved out of the user's sight, the move log's last seq,
    whether anything was kept for a waiting change before). Reads only (the dry run too)."""
    after = local.cursors(here).get(moves.CURSOR, 0)
    before = moves.kept(here)
    left, last = moves.left_since(remote, after)
    for name, keys in before.items():
        left.setdefault(name, set()).update(keys)
    hidden: dict[str, set[str]] = {}
    for table in held_tables(tables):
        if table.name not in left:
            continue
        held = moves.held(here, table, sorted(left[table.name]))
        if held:
            hidden[table.name] = held - moves.shown(remote, table, sorted(held))
    _residents(remote, here, tables, hidden)
    changed = last != after or bool(before) or any(hidden.values())
    return hidden, last, changed


def _residents(
    remote: Connection, here: Connection, tables: Sequence[SyncTable], hidden: dict[str, set[str]]
) -> None:
    """Add the residents named by the hidden rows whom the server no longer shows either (a
    resident has no area of their own: they are seen through the records that name them, so
    the log does not list them), with their consents and history. Those a row that stays
    here still names are kept when letting go (keep_referred)."""
    readable = {t.name: t for t in tables}
    residents = readable.get("resident")
    if residents is None or not hidden:
        return
    named: set[str] = set()
    for name, keys in hidden.items():
        named |= moves.residents_named(here, readable[name], sorted(keys))
    named = moves.held(here, residents, sorted(named)) if named else set()
    gone = named - moves.shown(remote, residents, sorted(named)) if named else set()
    if not gone:
        return
    hidden.setdefault("resident", set()).update(gone)
    for name, keys in moves.about_residents(here, readable, sorted(gone)).items():
        hidden.setdefault(name, set()).update(keys)


def let_go_of_moved(run: Run, remote: Connection) -> None:
    """Remove here the rows that moved out of the user's sight (`remote`: the pull's
    snapshot); keep and hold back the ones with a change of this user's waiting."""
    if not moves.has_log(remote):
        return  # a server whose set-up is older than this version: nothing logged
    with run.local.connect() as connection:
        hidden, last, changed = hidden_here(remote, connection, run.tables())
    if not changed:
        return
    removed = 0
    with run.local.begin() as connection:
        box = local.outbox(connection)
        waiting = {n: keys & set(box.get(n, {})) for n, keys in hidden.items()}
        gone = {n: keys - waiting[n] for n, keys in hidden.items()}
        keep_referred(connection, gone)
        _keep_with_residents(
            connection,
            gone,
            set(hidden.get("resident", ())) - waiting.get("resident", set()),
            run.tables(),
        )
        removed = sum(len(keys) for keys in gone.values())
        if removed:
            traces.mark_pending(run.local)  # purged after the run, or at the next start
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            local.set_applying(connection, True)
            for table in reversed(held_tables(run.tables())):
                ordered = sorted(gone.get(table.name, ()))
                if ordered:
                    local.delete_rows(connection, table, ordered)
                    local.drop_bases(connection, table.name, ordered)
            local.set_applying(connection, False)
        moves.keep(connection, waiting)
        local.set_cursor(connection, moves.CURSOR, last)
    run.held |= {(name, key) for name, keys in waiting.items() for key in keys}
    run.counts.removed += removed
    if removed or any(waiting.values()):
        log.info(
            "sync: %d rows moved out of this user's areas let go of, %d changes to them kept",
            removed,
            sum(len(keys) for keys in waiting.values()),
        )


def _keep_with_residents(
    connection: Connection, gone: dict[str, set[str]], candidates: set[str], tables: Any
) -> None:
    """A resident kept here after all (a row that stays names them) keeps their consents and
    history too."""
    kept = sorted(candidates - gone.get("resident", set()))
    if not kept:
        return
    readable = {t.name: t for t in tables}
    for name, keys in moves.about_residents(connection, readable, kept).items():
        gone[name] = gone.get(name, set()) - keys
