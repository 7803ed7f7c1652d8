"""Push: this laptop's outbox to the server, parents' tables first, hard deletes last in
reverse order, in batches. Each batch is one server transaction that takes the push lock
first (so `seq` order is commit order) and writes each row in its own savepoint: a row the
server refuses (rights) or finds stale stays in the outbox and the batch goes on. After the
server's commit, one local transaction records the new base and clears the entries whose
tick did not move meanwhile (a change made during the push goes out next time)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from gebiedsapp.services.sync.context import Run
from gebiedsapp.storage.crash_point import crash_point
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_server as server
from gebiedsapp.storage.repositories import sync_stored as stored
from gebiedsapp.storage.server_rights import rule_of
from gebiedsapp.storage.sync_tables import (
    BOOKKEEPING,
    SyncTable,
    pack_stored_rows,
    references_from,
)

log = logging.getLogger(__name__)

REFUSED_STATES = frozenset({"42501", "23502", "23505", "23514", "22001", "22P02"})
RETRY_STATES = frozenset({"23503", "40001", "40P01"})  # a reference to a row gone meanwhile
# the tables (storage.server_rights' rule) whose INSERT policy implies their SELECT policy
# for the roles that may insert: their area in the user's areas (and its residents visible)
INSERT_IMPLIES_SELECT = frozenset({"own", "parent"})


@dataclass
class Outgoing:
    """One table's share of the outbox, read in one local read transaction."""

    table: SyncTable
    ticks: dict[str, int]
    # the rows that exist here (the others: hard deletes), as stored: hex uuids, ISO stamps
    rows: dict[str, dict[str, Any]]
    bases: dict[str, tuple[int, dict[str, str]]]
    upserts: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    # {row_key: (area, personal)} as the laptop finds them (None: the server reads them)
    stamps: dict[str, stored.Stamp] | None = None


def outgoing(run: Run) -> list[Outgoing]:
    """The outbox with the rows as they are now, per table in sorted order."""
    result = []
    with run.local.connect() as connection, connection.begin():
        box = local.outbox(connection)
        for table in run.tables():
            ticks = {
                k: t for k, t in box.get(table.name, {}).items() if (table.name, k) not in run.held
            }
            if not ticks:
                continue
            keys = sorted(ticks)
            item = Outgoing(
                table=table,
                ticks=ticks,
                rows=stored.outbox_rows(connection, table, keys),
                bases=stored.outbox_bases(connection, table, keys),
            )
            item.upserts = parents_first(table, [k for k in keys if k in item.rows], item.rows)
            item.stamps = stored.laptop_stamps(connection, table.table, item.rows)
            item.deletes = [k for k in keys if k not in item.rows]
            result.append(item)
    return result


def parents_first(table: SyncTable, keys: list[str], rows: dict[str, dict[str, Any]]) -> list[str]:
    """A table's rows with each row after the rows it refers to in the same table (a sub-area
    after its area, a follow-up signal after its signal): the server checks a reference at
    once, not at the commit."""
    columns = [r.column for r in references_from(table.name) if r.target == table.name]
    if not columns:
        return keys
    ordered: list[str] = []
    placed: set[str] = set()

    def place(key: str, path: frozenset[str]) -> None:
        if key in placed or key in path:
            return
        for column in columns:
            parent = rows[key].get(column)
            parent_key = None if parent is None else table.key_of({table.key[0]: parent})
            if parent_key in rows:
                place(parent_key, path | {key})
        placed.add(key)
        ordered.append(key)

    for key in keys:
        place(key, frozenset())
    return ordered


PUSH_BATCH = 10_000  # rows per server transaction (fewer round trips and commits per push)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a push runs, as it was after. A push makes
    a batch's rows, arrays and digests (tens of thousands of containers, freed by their
    reference counts, no cycles), which set off a full collection of the whole heap: 0.1 s of
    a 10,000-row push's laptop time here (bench/sync.py), for nothing to collect."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def push(run: Run) -> None:
    with collector_paused():
        _push(run)


def _push(run: Run) -> None:
    items = outgoing(run)
    steps = [(item, item.upserts, False) for item in items]
    steps += [(item, item.deletes, True) for item in reversed(items)]
    total = sum(len(keys) for _item, keys, _deleting in steps)
    done = 0
    # one helper thread makes a batch's bases while the server writes it (the driver lets go
    # of the interpreter while it waits): they are written here only after its commit
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as helper:
        for item, keys, deleting in steps:
            for start in range(0, len(keys), PUSH_BATCH):
                run.check()
                part = keys[start : start + PUSH_BATCH]
                bases = None if deleting else helper.submit(_bases_of, run, item, part)
                confirmed = _push_batch(run, item, part, deleting=deleting)
                _confirm(run, item, confirmed, deleting=deleting, bases=bases)
                run.counts.pushed += len(confirmed)
                done += len(part)
                run.tell("versturen", done, total, f"Versturen: {item.table.name}")


def _bases_of(run: Run, item: Outgoing, keys: Sequence[str]) -> dict[str, bytes]:
    """{row_key: its base as stored} of a batch's rows, as they go: only the fields the merge
    compares, as a pull's bases (not the key, bookkeeping); those the server confirms are
    written after its commit."""
    table = item.table
    fields = [c for c in run.columns(table) if c not in BOOKKEEPING and c not in table.key]
    rows = [item.rows[key] for key in keys]
    packed = pack_stored_rows(run.key, rows, fields, _readers(run, table))
    return dict(zip(keys, packed, strict=True))


def _push_batch(run: Run, item: Outgoing, keys: Sequence[str], *, deleting: bool) -> dict[str, int]:
    """One server transaction; {row_key: the server's new version} of the rows it took."""
    table = item.table
    columns = run.columns(table)
    confirmed: dict[str, int] = {}  # row_key -> the server's new version
    with run.server.begin() as remote:
        server.lock(remote)
        current = server.versions(remote, table.name, keys)
        changed: list[tuple[str, str, bool]] = []
        todo: list[tuple[str, dict[str, Any] | None]] = []
        for key in keys:
            version, erased = current.get(key, (0, False))
            if deleting:
                if erased or key not in current:
                    confirmed[key] = version  # gone there already, or never got there
                    continue
            elif version != item.bases.get(key, (0, {}))[0] or (erased and not table.association):
                run.counts.stale += 1  # moved on there (or erased: the pull applies it)
                continue
            todo.append((key, None if deleting else _sent(item.rows[key], columns)))
        # none of them on the server yet (no sync_row): most likely all new
        fresh = not any(key in current for key, _values in todo)
        changed = _write_all(run, remote, table, todo, fresh=fresh)
        versions = _record(run, remote, item, changed, fresh=fresh)
        if changed:
            server.log_push(remote, device=run.device, rows=len(changed))
        for key in keys:
            if (table.name, key) in versions:
                confirmed[key] = versions[(table.name, key)]
        crash_point("sync:push-written")  # written on the server, not committed
    crash_point("sync:pushed")  # committed on the server, not yet here
    return confirmed


def _record(
    run: Run,
    remote: Connection,
    item: Outgoing,
    changed: list[tuple[str, str, bool]],
    *,
    fresh: bool,
) -> dict[tuple[str, str], int]:
    """The written rows entered in `sync_row`: with the stamps the laptop found when it has
    them all (the server checks them once; when one differs, it refuses them and reads them
    itself, as for an older laptop), else stamped by the server alone."""
    stamps = item.stamps
    keys = [k for _t, k, _e in changed]
    if (
        stamps is not None
        and len(set(keys)) == len(keys)
        and all(t == item.table.name and not e and k in stamps for t, k, e in changed)
    ):
        found = stored.record_given(
            remote, item.table.name, keys, stamps, device=run.device, fresh=fresh
        )
        if found is not None:
            return found
    return server.record(remote, changed, device=run.device)


def _sent(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """The row's columns that go (all of them, unless this user may not read some)."""
    return row if len(columns) == len(row) else {c: row[c] for c in columns}


def _confirm(
    run: Run,
    item: Outgoing,
    confirmed: dict[str, int],
    *,
    deleting: bool,
    bases: Future[dict[str, bytes]] | None,
) -> None:
    """After the server's commit: the base := the pushed row and version (`bases`: the
    batch's, made meanwhile by _bases_of; None for deletes); the outbox entries whose tick
    did not move are cleared (a change made during the push goes out next time)."""
    table = item.table
    agreed = {} if bases is None else bases.result()
    with run.local.begin() as connection:
        if deleting:
            local.drop_bases(connection, table.name, list(confirmed))
        else:
            local.put_base_texts(
                connection, table.name, [(key, confirmed[key], agreed[key]) for key in confirmed]
            )
        local.clear_confirmed(connection, table.name, {key: item.ticks[key] for key in confirmed})


def _write_all(
    run: Run,
    remote: Connection,
    table: SyncTable,
    todo: list[tuple[str, dict[str, Any] | None]],
    *,
    fresh: bool = False,
) -> list[tuple[str, str, bool]]:
    """Upserts in one statement when the server takes them all; else (and for erasures)
    row by row, each in its own savepoint, so one refused row does not stop the others.
    `fresh` (no row has a sync_row there yet) in a table whose INSERT policy implies its
    SELECT policy: first a plain insert, which checks each row against the INSERT policy
    alone; when a row was there after all, the upsert of them all as before."""
    upserts = [values for _key, values in todo if values is not None]
    if upserts and len(upserts) == len(todo):
        names = run.columns(table)
        try:
            with remote.begin_nested():
                plain = fresh and rule_of(table.table).kind in INSERT_IMPLIES_SELECT
                if not plain or stored.write_stored_rows(
                    remote, table, names, upserts, new_only=True
                ) < len(upserts):
                    stored.write_stored_rows(remote, table, names, upserts)
            return [(table.name, key, False) for key, _values in todo]
        except DBAPIError as exc:
            log.info("sync: %s batch refused (%s), row by row", table.name, exc.orig)
    changed: list[tuple[str, str, bool]] = []
    for key, values in todo:
        changed.extend(_attempt(run, remote, table, key, values))
    return changed


def _attempt(
    run: Run, remote: Connection, table: SyncTable, key: str, values: dict[str, Any] | None
) -> list[tuple[str, str, bool]]:
    """One row's write (values) or erasure (None) in a savepoint: [(table, key, erased)] of
    the rows changed; [] when the server refused it or must be pulled first (left waiting)."""
    try:
        with remote.begin_nested():
            if values is None:
                return server.erase(remote, table, key)
            server.write_row(remote, table, _typed(run, table, values), insert_only=False)
            return [(table.name, key, False)]
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None) or ""
        if state in RETRY_STATES:
            run.counts.stale += 1
            log.info("sync: %s %s to retry after a pull (%s)", table.name, key, state)
            return []
        if state in REFUSED_STATES or state.startswith("42"):
            run.counts.refused += 1
            run.counts.refused_tables.add(table.name)
            log.warning("sync: %s %s refused by the server (%s)", table.name, key, state)
            return []
        raise


def _readers(run: Run, table: SyncTable) -> dict[str, Any]:
    """Each column's converter from its stored (SQLite) value to the model's value."""
    dialect = run.local.dialect
    return {c.name: c.type._cached_result_processor(dialect, None) for c in table.table.columns}


def _typed(run: Run, table: SyncTable, stored: dict[str, Any]) -> dict[str, Any]:
    """A stored row as the model's values (the row-by-row path writes through Core)."""
    convert = _readers(run, table)
    return {
        name: value if value is None or convert[name] is None else convert[name](value)
        for name, value in stored.items()
    }
