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
still waiting (and the rows they refer to), and the changes that refer to a moved row (a new
history line of a moved signal, a new conversation in a moved round, with the new resident
it names): those are not sent (the server moved on and would take them back to the old area,
or refuse them), counted as "niet te versturen", and asked about again at every sync until
the server shows them again or the change is gone. Cost: the log's new lines (a move is
rare) and one look-up per table with moved rows held here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from gebiedsapp.services.sync.context import Run
from gebiedsapp.services.sync.shrink import held_tables, keep_referred
from gebiedsapp.storage import traces
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_moves as moves
from gebiedsapp.storage.repositories import sync_visibility as visibility
from gebiedsapp.storage.server_rights import REFERENCE_TABLES
from gebiedsapp.storage.sync_tables import SyncTable, references_from

log = logging.getLogger(__name__)


def first_pull(cursors: Mapping[str, int]) -> bool:
    """Whether these cursors (as a pull began) are those of a laptop that never pulled: it
    holds nothing the server showed it, so nothing can have moved away from it."""
    return not any(seq for name, seq in cursors.items() if name != moves.CURSOR)


def hidden_here(
    remote: Connection, here: Connection, tables: Sequence[SyncTable], *, first: bool = False
) -> tuple[dict[str, set[str]], int, bool]:
    """({table: keys} held here that moved out of the user's sight, the move log's last seq,
    whether anything was kept for a waiting change before). Reads only (the dry run too).

    A laptop whose log cursor is below what the server pruned (it did not sync for longer
    than the log's horizon) may have missed lines: it asks the server which of all the rows
    it holds it still shows, once (`first`: a laptop that never pulled holds none)."""
    after = local.cursors(here).get(moves.CURSOR, 0)
    pruned = moves.pruned_through(remote)
    behind = after < pruned and not first
    before = moves.kept(here)
    left, last = moves.left_since(remote, after)
    last = max(last, pruned)
    for name, keys in before.items():
        left.setdefault(name, set()).update(keys)
    hidden: dict[str, set[str]] = {}
    for table in held_tables(tables):
        if table.name not in left:
            continue
        held = moves.held(here, table, sorted(left[table.name]))
        if held:
            hidden[table.name] = held - moves.shown(remote, table, sorted(held))
    if behind:
        log.info("sync: the move log was pruned past this laptop: every row held is checked")
        for name, keys in _unseen(remote, here, tables).items():
            hidden.setdefault(name, set()).update(keys)
    _residents(remote, here, tables, hidden)
    was_held = bool(moves.kept(here, moves.HELD_SETTING))  # to be cleared once let go
    changed = last != after or bool(before) or was_held or any(hidden.values())
    return hidden, last, changed


def _unseen(
    remote: Connection, here: Connection, tables: Sequence[SyncTable]
) -> dict[str, set[str]]:
    """{table: keys} of every row held here that the server does not show this user, but
    for the rows made here that wait for their first push (no merge base: the server never
    had them). What a pruned move log can no longer tell, found by comparing all keys."""
    found: dict[str, set[str]] = {}
    box = local.outbox(here)
    for table in held_tables(tables):
        mine = visibility.keys_of(here, table)
        if not mine:
            continue
        unseen = mine - visibility.keys_of(remote, table)
        waiting = sorted(unseen & set(box.get(table.name, {})))
        unseen -= set(waiting) - moves.agreed(here, table.name, waiting)
        if unseen:
            found[table.name] = unseen
    return found


def held_back(
    remote: Connection,
    here: Connection,
    *,
    tables: Sequence[SyncTable],
    hidden: dict[str, set[str]],
    box: dict[str, dict[str, int]],
) -> dict[str, set[str]]:
    """{table: keys} of the changes waiting here that may not go out while the `hidden` rows
    are out of the user's sight: those to hidden rows; those that refer to a hidden or held
    row, directly or in turn (a new history line of a moved signal; a new conversation in a
    moved round, its themes); and the rows not yet on the server that a held row refers to
    (the new resident that conversation names), with what refers to those (their consent).
    Reads only (the dry run too)."""
    readable = {t.name: t for t in tables if t.name not in REFERENCE_TABLES}
    held = {n: keys & set(box.get(n, {})) for n, keys in hidden.items()}
    blocked = {n: set(keys) for n, keys in hidden.items() if keys}
    fresh = dict(blocked)
    while fresh:
        found: dict[str, set[str]] = {}
        for name, entries in box.items():  # rows waiting that refer to a blocked row
            table = readable.get(name)
            if table is None:
                continue
            for target, keys in fresh.items():
                if target in readable:
                    rows = moves.referring(here, table, readable[target], sorted(keys))
                    found.setdefault(name, set()).update(rows & set(entries))
        for name, keys in fresh.items():  # rows a held one refers to, not on the server yet
            ours = sorted(keys & held.get(name, set()))
            for ref in references_from(name) if ours else ():
                if ref.target not in readable or ref.target not in box:
                    continue
                named = moves.referred(here, readable[name], ours, ref.column)
                named &= set(box[ref.target])
                named -= blocked.get(ref.target, set())
                if named:
                    named -= moves.shown(remote, readable[ref.target], sorted(named))
                    found.setdefault(ref.target, set()).update(named)
        fresh = {}
        for name, keys in found.items():
            new = keys - blocked.get(name, set())
            if new:
                fresh[name] = new
                blocked.setdefault(name, set()).update(new)
                held.setdefault(name, set()).update(new)
    return {name: keys for name, keys in held.items() if keys}


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


def let_go_of_moved(run: Run, remote: Connection, *, first: bool = False) -> None:
    """Remove here the rows that moved out of the user's sight (`remote`: the pull's
    snapshot); keep and hold back the ones with a change of this user's waiting. `first`:
    this pull began with no cursors (the laptop never pulled)."""
    if not moves.has_log(remote):
        return  # a server whose set-up is older than this version: nothing logged
    with run.local.connect() as connection:
        hidden, last, changed = hidden_here(remote, connection, run.tables(), first=first)
    if not changed:
        return
    removed = 0
    with run.local.begin() as connection:
        box = local.outbox(connection)
        waiting = held_back(remote, connection, tables=run.tables(), hidden=hidden, box=box)
        gone = {n: keys - waiting.get(n, set()) for n, keys in hidden.items()}
        keep_referred(connection, gone)
        # every resident kept after all (their own change waits, or a row that stays names
        # them) keeps their consents and history
        _keep_with_residents(connection, gone, set(hidden.get("resident", ())), run.tables())
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
        # every moved row kept here is asked about again at the next sync; the changes held
        # back only for them are counted as "niet te versturen" with them
        moves.keep(connection, {n: keys - gone.get(n, set()) for n, keys in hidden.items()})
        moves.keep(
            connection,
            {n: keys - hidden.get(n, set()) for n, keys in waiting.items()},
            moves.HELD_SETTING,
        )
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
