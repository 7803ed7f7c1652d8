"""Reference data on a team member's laptop (docs/sync-design.md, "Reference data"). Themes,
categories, partners, areas, the team: the uuid5 rows `gebiedsapp db upgrade` loads on every
laptop and on the server, which only a beheerder may change on the server. A laptop's own
load of them lands in its outbox like any write; a team member's push of them was refused
row by row, on every sync.

So, for a user who is no beheerder on the server, before anything else in a run: each
reference row waiting here is compared with the server's own row (read from the data table:
`db upgrade` loads it there without a `sync_row`). Equal (bookkeeping aside): no change, the
entry goes. Different, or deleted here: the server's row is written here (it is the truth
for a team member), the entry goes, and the run reports it once. Not on the server at all
(a newer app version's row, say): it stays here and waits, is not sent (the server would
refuse it), and each run says so, until a beheerder has it on the server, when it is
compared as above. Reference data holds no resident's words, so nothing a resident said is
ever replaced.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from gebiedsapp.services.sync.context import Run
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_server as server
from gebiedsapp.storage.repositories import sync_visibility as visibility
from gebiedsapp.storage.server_rights import REFERENCE_TABLES
from gebiedsapp.storage.sync_tables import BOOKKEEPING, SyncTable, digest, digests

log = logging.getLogger(__name__)


@dataclass
class Settled:
    """What settling one reference table's waiting rows comes to."""

    rows: list[dict[str, Any]] = field(default_factory=list)  # the server's, written here
    bases: list[tuple[str, int, dict[str, str]]] = field(default_factory=list)
    settled: dict[str, int] = field(default_factory=dict)  # {key: tick}: the entry goes
    held: set[str] = field(default_factory=set)  # only here: waits for a beheerder
    replaced: int = 0  # here differed from (or was deleted against) the server's


@dataclass
class Theirs:
    """The server's side of one reference table's waiting rows, read before the laptop's
    file is locked: {row_key: data row} (missing: not on the server) and their versions."""

    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    versions: dict[str, tuple[int, bool]] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)  # the keys asked about (found or not)


def fetch(
    remote: Connection,
    *,
    tables: Sequence[SyncTable],
    columns: Callable[[SyncTable], list[str]],
    wanted: Mapping[str, Iterable[str]],
) -> dict[str, Theirs] | None:
    """The server's rows and versions of these reference rows (None: the user is a
    beheerder, whose changes go out as any other). Reads the server only."""
    if visibility.rights_now(remote, {})["beheerder"]:
        return None
    result: dict[str, Theirs] = {}
    for table in tables:
        keys = sorted(wanted.get(table.name, ()))
        if keys:
            result[table.name] = Theirs(
                rows=visibility.data_rows(remote, table, columns(table), keys),
                versions=server.versions(remote, table.name, keys),
                keys=set(keys),
            )
    return result


def compare(
    theirs: Mapping[str, Theirs],
    here: Connection,
    *,
    tables: Sequence[SyncTable],
    columns: Callable[[SyncTable], list[str]],
    waiting: Mapping[str, Mapping[str, int]],
    key: bytes,
) -> dict[str, Settled]:
    """How the reference rows waiting here settle against the server's (`fetch`). Reads the
    laptop's rows only; the dry run's plan too. A waiting key the server was not asked about
    (saved after the fetch) is left out: it is neither settled nor held."""
    result: dict[str, Settled] = {}
    for table in tables:
        known = theirs.get(table.name, Theirs())
        ticks = {k: t for k, t in waiting[table.name].items() if k in known.keys}
        chosen = columns(table)
        mine = local.rows(here, table, sorted(ticks))
        fields = [c for c in chosen if c not in BOOKKEEPING]
        done = result[table.name] = Settled()
        for row_key, tick in ticks.items():
            row = known.rows.get(row_key)
            if row is None:
                if row_key in mine:
                    done.held.add(row_key)
                else:
                    done.settled[row_key] = tick  # deleted here, never on the server: nothing
                continue
            own = mine.get(row_key)
            if own is None or any(digest(key, own.get(c)) != digest(key, row[c]) for c in fields):
                done.replaced += 1
            done.rows.append(row)
            version = known.versions.get(row_key, (0, False))[0]
            done.bases.append((row_key, version, digests(key, row, chosen)))
            done.settled[row_key] = tick
    return result


def unasked(
    theirs: Mapping[str, Theirs], waiting: Mapping[str, Mapping[str, int]]
) -> dict[str, set[str]]:
    """{table: keys} waiting here that the server was not asked about yet."""
    found = {name: set(ticks) - theirs.get(name, Theirs()).keys for name, ticks in waiting.items()}
    return {name: keys for name, keys in found.items() if keys}


def waiting_here(box: Mapping[str, Mapping[str, int]]) -> dict[str, Mapping[str, int]]:
    """The outbox's reference rows."""
    return {name: ticks for name, ticks in box.items() if name in REFERENCE_TABLES and ticks}


ATTEMPTS = 3  # reads of the server when a new reference row was saved meanwhile


def settle(run: Run) -> None:
    """Settle the reference rows waiting here against the server's, for a team member.

    The server is read first, without holding the laptop's file (a slow server must not
    make a save in the window fail with "database is locked"). Then one local transaction
    takes the write lock with its first write and compares the laptop's rows as they are now
    with the server's: an edit saved meanwhile is compared (and reported) in this run, one
    saved during the write waits for it and is compared at the next sync; never overwritten
    unreported. A reference row saved after the server was read is asked about again
    (a few times; then it waits, not sent, for the next run)."""
    theirs: dict[str, Theirs] = {}
    for attempt in range(ATTEMPTS):
        with run.local.connect() as connection:
            waiting = waiting_here(local.outbox_of(connection, REFERENCE_TABLES))
        missing = unasked(theirs, waiting)
        if not waiting:
            return
        if missing:
            tables = [t for t in run.tables() if t.name in missing]
            with run.server.connect() as remote, remote.begin():
                read = fetch(remote, tables=tables, columns=run.columns, wanted=missing)
            if read is None:
                return  # a beheerder: their reference changes go out as any other
            for name, part in read.items():
                known = theirs.setdefault(name, Theirs())
                known.rows.update(part.rows)
                known.versions.update(part.versions)
                known.keys |= part.keys
        with run.local.connect() as connection, connection.begin() as transaction:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            local.set_applying(connection, True)  # the first write: from here on nobody else's
            waiting = waiting_here(local.outbox_of(connection, REFERENCE_TABLES))
            later = unasked(theirs, waiting)
            if later and attempt < ATTEMPTS - 1:
                transaction.rollback()  # saved since the server was read: ask about it too
                continue
            run.held |= {(name, k) for name, keys in later.items() for k in keys}
            tables = [t for t in run.tables() if t.name in waiting]
            found = compare(
                theirs, connection, tables=tables, columns=run.columns, waiting=waiting,
                key=run.key,
            )  # fmt: skip
            for table in tables:
                done = found[table.name]
                local.upsert(connection, table, done.rows)
                local.put_bases(connection, table.name, done.bases)
                local.clear_confirmed(connection, table.name, done.settled)
                run.held |= {(table.name, k) for k in done.held}
                run.counts.reference_replaced += done.replaced
            local.set_applying(connection, False)
        break
    run.counts.reference_held = len(run.held)
    if run.counts.reference_replaced or run.held:
        log.info(
            "sync: reference data: %d replaced by the server's, %d only here",
            run.counts.reference_replaced,
            len(run.held),
        )
