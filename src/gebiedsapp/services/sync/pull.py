"""Pull: the server's changes into this laptop, table by table, in batches that each commit
with their cursor (a kill loses at most one batch; the rerun does it again).

One REPEATABLE READ, read-only server transaction for the whole pull (a consistent
snapshot). Each batch is written with `sync_state.applying = 1`, so the triggers do not take
it for a local change; rows changed here too are merged (services.sync.merge).
"""

from __future__ import annotations

import gc
import json
import logging
import uuid
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from typing import Any

from sqlalchemy import Connection, Table, delete, insert

from gebiedsapp.domain import Base, utcnow
from gebiedsapp.services.sync.context import Run
from gebiedsapp.services.sync.merge import merge
from gebiedsapp.services.sync.moved import first_pull, let_go_of_moved
from gebiedsapp.services.sync.reveal import fetch_passed, start_over
from gebiedsapp.storage import traces
from gebiedsapp.storage.crash_point import crash_point
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_server as server
from gebiedsapp.storage.repositories import sync_visibility as visibility
from gebiedsapp.storage.repositories.sync_convert import stored_row, typed_row
from gebiedsapp.storage.repositories.sync_read_ahead import ReadAhead, changes_read_ahead
from gebiedsapp.storage.sync_tables import (
    BOOKKEEPING,
    SyncTable,
    by_name,
    digest_stored_rows_text,
    digests,
    plain,
    references_from,
    references_to,
)

log = logging.getLogger(__name__)


# rows per local transaction: each commits with its cursor (a kill loses at most one), and
# each commit writes its pages through SQLCipher and waits for the disk (synchronous FULL)
PULL_BATCH = 5000


@contextmanager
def _collected_after() -> Iterator[None]:
    """Python's cyclic collector off while rows come in, as the window always has it (its
    GUI thread collects on a timer, ui.gc_guard): a pull's rows hold no cycles, yet each
    collection walked them (about a third of a 10,000-row pull's own time from the CLI)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def pull(run: Run) -> None:
    """Every table's changes since its cursor, parents' tables first; every table from zero
    when the user may see more than at the last complete pull (services.sync.reveal)."""
    with _collected_after():
        _pull(run)


def _pull(run: Run) -> None:
    tables = run.tables()
    with run.local.connect() as connection:
        cursors = local.cursors(connection)
        then = visibility.rights_then(connection)
    snapshot = run.server.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot as remote, remote.begin():
        remote.exec_driver_sql("SET TRANSACTION READ ONLY")
        now = visibility.rights_now(remote, run.readable)
        first = first_pull(cursors)
        refresh = start_over(then, now, any(cursors.values()))
        if refresh:
            log.info("sync: the user may see more than before: every table from zero")
            cursors = {}
        after = {table.name: cursors.get(table.name, 0) for table in tables}
        moved = server.tables_changed(remote, after)  # the snapshot's first look
        # a table with nothing new reveals nothing either; the next table's first batch is
        # asked for while this one's rows are written (the same snapshot: the same rows)
        todo = [t for t in tables if t.name in moved]
        with ExitStack() as readers:
            upcoming = _reader(run, remote, todo[0], cursors, readers) if todo else None
            for done, table in enumerate(tables):
                if table.name in moved:
                    assert upcoming is not None
                    reader, at = upcoming, todo.index(table) + 1
                    nxt = todo[at] if at < len(todo) else None
                    run.check()
                    upcoming = None if nxt is None else _reader(run, remote, nxt, cursors, readers)
                    _pull_table(run, remote, table, reader, cursors, refresh=refresh)
                run.tell("ophalen", done + 1, len(tables), f"Ophalen: {table.name}")
        let_go_of_moved(run, remote, first=first)  # rows moved out of the user's areas
    with run.local.begin() as connection:
        visibility.keep_rights(connection, now)


def _reader(
    run: Run, remote: Connection, table: SyncTable, passed: dict[str, int], stack: ExitStack
) -> ReadAhead:
    """A table's rows after its cursor, its first batch asked for now; closed (a fetch
    under way waited for) before the server's transaction ends, whatever happens."""
    after = passed.get(table.name, 0)
    reader = changes_read_ahead(remote, table, run.columns(table), after=after, size=PULL_BATCH)
    stack.callback(reader.close)
    return reader


def _pull_table(
    run: Run,
    remote: Connection,
    table: SyncTable,
    reader: ReadAhead,
    passed: dict[str, int],
    *,
    refresh: bool,
) -> None:
    """`passed`: every table's cursor when this pull began. The next batch is read while
    this one is written."""
    with closing(reader) as batches:
        for batch in batches:
            _write_batch(run, remote, table, batch, passed=passed, refresh=refresh)


def _write_batch(
    run: Run,
    remote: Connection,
    table: SyncTable,
    batch: Sequence[server.ServerRow],
    *,
    passed: dict[str, int],
    refresh: bool,
) -> None:
    """One batch in one local transaction that also moves the table's cursor."""
    with run.local.begin() as connection:
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        local.set_applying(connection, True)
        Applier(run, remote, connection, passed=passed, refresh=refresh).apply(table, batch)
        local.set_cursor(connection, table.name, batch[-1].seq)
        local.set_applying(connection, False)
        crash_point("sync:pull-written")  # written here, not committed
    crash_point("sync:pulled")
    run.check()


def merged_fields(table: SyncTable, columns: Sequence[str]) -> list[str]:
    """The fields the three-way merge compares with the base (services.sync.merge): a base
    needs digests of these only, not of the key and the bookkeeping columns."""
    return [c for c in columns if c not in BOOKKEEPING and c not in table.key]


class Applier:
    """Writes server rows into the laptop's transaction: tombstones, new rows, overwrites and
    merges; a parent missing here is fetched first from the same snapshot."""

    def __init__(
        self,
        run: Run,
        remote: Connection,
        connection: Connection,
        *,
        passed: dict[str, int] | None = None,
        refresh: bool = False,
    ) -> None:
        self.run, self.remote, self.connection = run, remote, connection
        self.passed = passed or {}  # the cursors when the pull began (services.sync.reveal)
        self.refresh = refresh  # a pull from zero: rows at the base's version are compared

    def apply(self, table: SyncTable, batch: Sequence[server.ServerRow]) -> set[str]:
        """Apply `batch`; the keys now present here."""
        keys = [r.row_key for r in batch]
        columns = self.run.columns(table)
        fields = merged_fields(table, columns)
        bases = local.bases(self.connection, table.name, keys)
        ticks = local.outbox_keys(self.connection, table.name, keys)
        present = local.rows(self.connection, table, keys)
        todo = []
        for row in batch:
            base = bases.get(row.row_key)
            if (
                base is not None
                and base[0] >= row.version
                and not self._wider(table, row, base, fields)
            ):
                continue  # this laptop has it already (its own push, or pulled before)
            if row.erased:
                self._tombstone(table, row, present.get(row.row_key), ticks)
            elif row.data is None:
                self.run.counts.skipped += 1  # hidden from this user: not a delete
            else:
                todo.append(row)
        blocked = self._parents(table, [r.data for r in todo if r.data is not None])
        writes: list[dict[str, Any]] = []
        written: list[server.ServerRow] = []
        for row in todo:
            assert row.data is not None
            if blocked and any(row.data.get(c) in values for c, values in blocked.items()):
                log.info("sync: %s %s skipped, its parent is hidden", table.name, row.row_key)
                self.run.counts.skipped += 1
                continue
            values = self._row(
                table, row, present.get(row.row_key), bases.get(row.row_key), ticks, columns
            )
            if values is not None:
                writes.append(values)
                written.append(row)
        local.upsert(self.connection, table, writes, stored=True)
        # the bases: the server's rows, only the fields the merge compares (not the key or
        # the bookkeeping), digested in bulk (each repeated value once)
        agreed = digest_stored_rows_text(
            self.run.key,
            [r.data for r in written if r.data is not None],
            fields,
            self._readers(table),
        )
        local.put_base_texts(
            self.connection,
            table.name,
            [(r.row_key, r.version, d) for r, d in zip(written, agreed, strict=True)],
        )
        new = [r.row_key for r in written if r.row_key not in present]
        fetch_passed(self, table, new, self.passed)
        return set(present) | {r.row_key for r in todo}

    def _readers(self, table: SyncTable) -> dict[str, Any]:
        """Each column's converter from its stored value to the model's (None: as stored)."""
        dialect = self.connection.dialect
        return {c.name: c.type._cached_result_processor(dialect, None) for c in table.table.columns}

    def _wider(
        self,
        table: SyncTable,
        row: server.ServerRow,
        base: tuple[int, dict[str, str]],
        fields: Sequence[str],
    ) -> bool:
        """In a pull from zero: the server's row at the base's version differs from what was
        agreed (columns this user may read now and did not then). Only the merged fields
        count: a base holds no others (an older one holds all columns: the same answer)."""
        if not self.refresh or row.data is None or row.erased:
            return False
        agreed = base[1]
        typed = typed_row(table, row.data, self.connection.dialect)
        return any(agreed.get(c) != d for c, d in digests(self.run.key, typed, fields).items())

    # --- parents -------------------------------------------------------------------------

    def _parents(self, table: SyncTable, rows: Sequence[dict[str, Any]]) -> dict[str, set[Any]]:
        """Fetch the parents these rows need that are not here; {column: stored values} of
        the parents that cannot be had (hidden from this user, or erased here: a required
        reference to one of those blocks the row, a nullable one is emptied)."""
        blocked: dict[str, set[Any]] = {}
        for reference in references_from(table.name):
            wanted = {r[reference.column] for r in rows if r.get(reference.column) is not None}
            if not wanted:
                continue
            parent = by_name()[reference.target]
            in_batch = {r[table.key[0]] for r in rows} if parent is table else set()
            here = local.existing_stored(self.connection, parent, list(wanted))
            missing = wanted - in_batch - here
            if not missing:
                continue
            keys = [parent.key_of({parent.key[0]: v}) for v in missing]
            erased_here = set(local.outbox_keys(self.connection, parent.name, keys))
            fetch = [k for k in keys if k not in erased_here]
            got = server.rows_by_key(self.remote, parent, self.run.columns(parent), fetch)
            found = self.apply(parent, [got[k] for k in fetch if k in got])
            unavailable = {v for v in missing if parent.key_of({parent.key[0]: v}) not in found}
            if not unavailable:
                continue
            if reference.nullable:
                for r in rows:
                    if r.get(reference.column) in unavailable:
                        r[reference.column] = None
            else:
                blocked[reference.column] = unavailable
        return blocked

    # --- one row -------------------------------------------------------------------------

    def _tombstone(
        self, table: SyncTable, row: server.ServerRow, here: dict[str, Any] | None, ticks: Any
    ) -> None:
        if here is not None and row.row_key in ticks and table.association:
            # a link removed there and made again here: this laptop's link goes out again
            local.put_bases(self.connection, table.name, [(row.row_key, row.version, {})])
            return
        if here is not None:
            if not self.run.counts.erased:
                traces.mark_pending(self.run.local)  # purged after the run, or at next start
            erase_here(self.connection, table, row.row_key)
            self.run.counts.erased += 1
            self.run.counts.pulled += 1
        local.drop_outbox(self.connection, table.name, [row.row_key])
        local.drop_bases(self.connection, table.name, [row.row_key])

    def _row(
        self,
        table: SyncTable,
        row: server.ServerRow,
        here: dict[str, Any] | None,
        base: tuple[int, dict[str, str]] | None,
        ticks: dict[str, int],
        columns: list[str],
    ) -> dict[str, Any] | None:
        """The values to write for one server row (None: nothing to write here)."""
        assert row.data is not None
        if here is None:
            if row.row_key in ticks:
                return None  # deleted here (an erasure): that delete goes out, not this in
            self.run.counts.pulled += 1
            return row.data  # new here: the server's row as it is (the commonest case)
        values = dict(row.data)
        if row.row_key in ticks:  # the few rows changed here too: typed for the merge
            theirs = typed_row(table, row.data, self.connection.dialect)
            merged = merge(
                table,
                columns=columns,
                base=base[1] if base else None,
                local=here,
                server=theirs,
                key=self.run.key,
            )
            values = stored_row(table, merged.row, self.connection.dialect)
            if merged.clash:
                self._conflict(table, row, theirs, here, merged.clash)
            if merged.same_as_server:
                local.drop_outbox(self.connection, table.name, [row.row_key])
        if table.tracked:
            values["version"] = here["version"] + 1  # an open form sees the row changed
        self.run.counts.pulled += 1
        return values

    def _conflict(
        self,
        table: SyncTable,
        row: server.ServerRow,
        theirs: dict[str, Any],
        here: dict[str, Any],
        fields: Sequence[str],
    ) -> None:
        """A conflict record (a tracked write: it goes to the server and the other laptops);
        `theirs`: the server's row, typed."""
        local.set_applying(self.connection, False)
        now = utcnow()
        self.connection.execute(
            insert(_conflicts()).values(
                id=uuid.uuid4(),
                table_name=table.name,
                row_key=row.row_key,
                area_id=theirs.get("area_id"),
                fields=",".join(fields),
                local_values=json.dumps(
                    {f: plain(here.get(f)) for f in fields}, ensure_ascii=False
                ),
                server_values=json.dumps(
                    {f: plain(theirs.get(f)) for f in fields}, ensure_ascii=False
                ),
                local_by=str(here.get("updated_by") or ""),
                server_by=row.pushed_by or str(theirs.get("updated_by") or ""),
                status="open",
                resolution="",
                resolved_by="",
                created_at=now,
                updated_at=now,
                created_by=self.run.actor,
                updated_by=self.run.actor,
                version=1,
            )
        )
        local.set_applying(self.connection, True)
        self.run.counts.conflicts += 1


def erase_here(connection: Connection, table: SyncTable, row_key: str) -> None:
    """Apply an erasure's hard delete here as the erasure service does: rows that refer to it
    lose the reference (nullable) or go too (required); its conflicts go (they may hold the
    erased person's words). Not entered in the outbox: the server did the same."""
    if len(table.key) == 1:
        value = table.key_values(row_key)[0]
        for reference in references_to(table.name):
            child = by_name()[reference.table]
            referring = local.keys_referring(connection, child, reference.column, [value])
            if not referring:
                continue
            if reference.nullable:
                local.set_null(connection, child, reference.column, [value])
            else:
                for child_key in referring:
                    erase_here(connection, child, child_key)
    conflicts = _conflicts()
    connection.execute(
        delete(conflicts).where(
            conflicts.c.table_name == table.name, conflicts.c.row_key == row_key
        )
    )
    local.delete_rows(connection, table, [row_key])
    local.drop_outbox(connection, table.name, [row_key])
    local.drop_bases(connection, table.name, [row_key])


def _conflicts() -> Table:
    return Base.metadata.tables["sync_conflict"]
