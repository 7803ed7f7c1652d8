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

from gebiedsapp.services.sync.context import Run
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_server as server
from gebiedsapp.storage.repositories import sync_visibility as visibility
from gebiedsapp.storage.server_rights import REFERENCE_TABLES
from gebiedsapp.storage.sync_tables import BOOKKEEPING, digest, digests

log = logging.getLogger(__name__)


def settle(run: Run) -> None:
    """Settle the reference rows waiting here against the server's, for a team member."""
    with run.local.connect() as connection:
        box = local.outbox(connection)
    waiting = {name: ticks for name, ticks in box.items() if name in REFERENCE_TABLES}
    if not waiting:
        return
    tables = [t for t in run.tables() if t.name in waiting]
    with run.server.connect() as remote, remote.begin():
        if visibility.rights_now(remote, run.readable)["beheerder"]:
            return  # a beheerder's changes to reference data go out as any other
        theirs = {
            t.name: visibility.data_rows(remote, t, run.columns(t), sorted(waiting[t.name]))
            for t in tables
        }
        versions = {
            t.name: server.versions(remote, t.name, sorted(waiting[t.name])) for t in tables
        }
    with run.local.begin() as connection:
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        local.set_applying(connection, True)
        for table in tables:
            ticks = waiting[table.name]
            columns = run.columns(table)
            here = local.rows(connection, table, sorted(ticks))
            fields = [c for c in columns if c not in BOOKKEEPING]
            settled, bases, rows = {}, [], []
            for key, tick in ticks.items():
                row = theirs[table.name].get(key)
                if row is None:
                    if key in here:
                        run.held.add((table.name, key))  # only here: waits for a beheerder
                    else:
                        settled[key] = tick  # deleted here, never on the server: nothing
                    continue
                mine = here.get(key)
                if mine is None or any(
                    digest(run.key, mine.get(c)) != digest(run.key, row[c]) for c in fields
                ):
                    run.counts.reference_replaced += 1
                rows.append(row)
                version = versions[table.name].get(key, (0, False))[0]
                bases.append((key, version, digests(run.key, row, columns)))
                settled[key] = tick
            local.upsert(connection, table, rows)
            local.put_bases(connection, table.name, bases)
            local.clear_confirmed(connection, table.name, settled)
        local.set_applying(connection, False)
    run.counts.reference_held = len(run.held)
    if run.counts.reference_replaced or run.held:
        log.info(
            "sync: reference data: %d replaced by the server's, %d only here",
            run.counts.reference_replaced,
            len(run.held),
        )
