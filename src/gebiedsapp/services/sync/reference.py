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
from collections.abc import Callable, Mapping, Sequence
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


def compare(
    remote: Connection,
    here: Connection,
    *,
    tables: Sequence[SyncTable],
    columns: Callable[[SyncTable], list[str]],
    waiting: Mapping[str, Mapping[str, int]],
    key: bytes,
) -> dict[str, Settled] | None:
    """How the reference rows waiting here settle against the server's (None: the user is a
    beheerder, whose changes go out as any other). Reads only: the dry run's plan too."""
    if visibility.rights_now(remote, {})["beheerder"]:
        return None
    result: dict[str, Settled] = {}
    for table in tables:
        ticks = waiting[table.name]
        wanted = sorted(ticks)
        chosen = columns(table)
        theirs = visibility.data_rows(remote, table, chosen, wanted)
        versions = server.versions(remote, table.name, wanted)
        mine = local.rows(here, table, wanted)
        fields = [c for c in chosen if c not in BOOKKEEPING]
        done = result[table.name] = Settled()
        for row_key, tick in ticks.items():
            row = theirs.get(row_key)
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
            version = versions.get(row_key, (0, False))[0]
            done.bases.append((row_key, version, digests(key, row, chosen)))
            done.settled[row_key] = tick
    return result


def waiting_here(box: Mapping[str, Mapping[str, int]]) -> dict[str, Mapping[str, int]]:
    """The outbox's reference rows."""
    return {name: ticks for name, ticks in box.items() if name in REFERENCE_TABLES and ticks}


def settle(run: Run) -> None:
    """Settle the reference rows waiting here against the server's, for a team member. The
    comparison reads this laptop's rows inside the transaction that writes the server's over
    them, after its first write (so holding the file's write lock): an edit saved meanwhile
    waits for it and is compared at the next sync, never overwritten unreported."""
    with run.local.connect() as connection:
        if not local.outbox_of(connection, REFERENCE_TABLES):
            return
    with run.server.connect() as remote, remote.begin(), run.local.begin() as connection:
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        local.set_applying(connection, True)  # the first write: from here on nobody else's
        waiting = waiting_here(local.outbox_of(connection, REFERENCE_TABLES))
        tables = [t for t in run.tables() if t.name in waiting]
        found = compare(
            remote, connection, tables=tables, columns=run.columns, waiting=waiting, key=run.key
        )
        for table in tables if found is not None else ():
            done = found[table.name]  # type: ignore[index]
            local.upsert(connection, table, done.rows)
            local.put_bases(connection, table.name, done.bases)
            local.clear_confirmed(connection, table.name, done.settled)
            run.held |= {(table.name, k) for k in done.held}
            run.counts.reference_replaced += done.replaced
        local.set_applying(connection, False)
    run.counts.reference_held = len(run.held)
    if run.counts.reference_replaced or run.held:
        log.info(
            "sync: reference data: %d replaced by the server's, %d only here",
            run.counts.reference_replaced,
            len(run.held),
        )
