"""A pull's rows of one table, read ahead (docs/sync-design.md, "Pull"): one server-side
cursor per table, the driver's own (psycopg), in the pull's transaction; a worker thread
fetches the next batch while the laptop writes the one before: the wait for the server (its
policy, its join, the transfer) was not overlapped with the laptop's writing. The values
come in the laptop's stored form (sync_stored_form): nothing to type per value, and no
SQLAlchemy Row per row.

The worker uses the same connection and transaction as the pull (psycopg serialises the
statements of one connection: a look-up the pull makes between batches waits for a fetch
under way), so it reads the same snapshot as the same user's role: nothing is read past
row-level security, and there is no second connection to keep in step."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from gebiedsapp.storage.repositories.sync_server import ServerRow, _server_row, changes_query
from gebiedsapp.storage.sync_tables import SyncTable

log = logging.getLogger(__name__)


def changes_read_ahead(
    connection: Connection,
    table: SyncTable,
    columns: Sequence[str],
    *,
    after: int,
    size: int,
) -> ReadAhead:
    """Every row of `table` changed on the server after sequence `after`, oldest first, in
    lists of at most `size` (sync_server.changes_query, read in batches), the next list fetched
    while the caller works on this one; the first is asked for at once."""
    return ReadAhead(connection, table, columns, after=after, size=size)


class ReadAhead:
    """An iterator of a table's batches, the next one fetched by a worker thread. Close it
    (contextlib.closing) before the transaction ends: that waits for a fetch under way and
    closes the server's cursor (closing twice is harmless)."""

    def __init__(
        self,
        connection: Connection,
        table: SyncTable,
        columns: Sequence[str],
        *,
        after: int,
        size: int,
    ) -> None:
        dialect = connection.dialect
        query = changes_query(table, columns, after=after, limit=None)
        compiled = query.compile(dialect=dialect)
        binds = compiled._bind_processors
        self.params = {
            name: binds[name](value) if name in binds else value
            for name, value in compiled.construct_params().items()
        }
        self.statement = compiled.string
        self.dialect = dialect
        self.error: type[Exception] = dialect.loaded_dbapi.Error
        self.columns, self.size = list(columns), size
        driver: Any = connection.connection.driver_connection
        try:
            self.cursor = driver.cursor(name=f"gebiedsapp_pull_{table.name}")
            self.cursor.execute(self.statement, self.params)
        except self.error as exc:
            raise self._wrapped(exc) from exc
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull-read")
        self.pending: Future[list[ServerRow]] | None = self.worker.submit(self._fetch)
        self.closed = False

    def _fetch(self) -> list[ServerRow]:
        return [_server_row(row, self.columns) for row in self.cursor.fetchmany(self.size)]

    def _wrapped(self, exc: Exception) -> Exception:
        """The driver's error as SQLAlchemy's (the sync's Dutch messages catch those)."""
        return DBAPIError.instance(
            self.statement, self.params, exc, self.error, hide_parameters=True,
            dialect=self.dialect,
        )  # fmt: skip

    def __iter__(self) -> ReadAhead:
        return self

    def __next__(self) -> list[ServerRow]:
        while self.pending is not None:
            fetched, self.pending = self.pending, None
            try:
                batch = fetched.result()
            except self.error as exc:
                raise self._wrapped(exc) from exc
            # a short batch is the last: no round trip to hear that nothing follows
            if len(batch) == self.size:
                self.pending = self.worker.submit(self._fetch)
            if batch:
                return batch
        raise StopIteration

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.pending is not None:  # the caller stopped early (an error, a cancel)
            self.pending.cancel()
            try:
                self.pending.result()
            except Exception:  # the caller's own error is the one to see; this one is logged
                log.warning("sync: the batch read ahead failed too", exc_info=True)
            self.pending = None
        self.worker.shutdown(wait=True)
        try:
            self.cursor.close()  # a no-op on a connection in error: the rollback closes it
        except self.error as exc:
            raise self._wrapped(exc) from exc
