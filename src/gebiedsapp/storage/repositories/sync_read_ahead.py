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

from collections.abc import Generator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from gebiedsapp.storage.repositories.sync_server import ServerRow, _server_row, changes_query
from gebiedsapp.storage.sync_tables import SyncTable


def changes_read_ahead(
    connection: Connection,
    table: SyncTable,
    columns: Sequence[str],
    *,
    after: int,
    size: int,
) -> Generator[list[ServerRow], None, None]:
    """Every row of `table` changed on the server after sequence `after`, oldest first, in
    lists of at most `size` (as sync_server.changes_in_batches), the next list fetched
    while the caller works on this one. Close the iterator (contextlib.closing) before the
    transaction ends: that waits for a fetch under way and closes the server's cursor."""
    dialect = connection.dialect
    compiled = changes_query(table, columns, after=after, limit=None).compile(dialect=dialect)
    binds = compiled._bind_processors
    params = {
        name: binds[name](value) if name in binds else value
        for name, value in compiled.construct_params().items()
    }
    statement = compiled.string
    driver: Any = connection.connection.driver_connection
    error = dialect.loaded_dbapi.Error

    def wrapped(exc: Exception) -> Exception:
        return DBAPIError.instance(
            statement, params, exc, error, hide_parameters=True, dialect=dialect
        )

    try:
        cursor = driver.cursor(name=f"gebiedsapp_pull_{table.name}")
        cursor.execute(statement, params)
    except error as exc:
        raise wrapped(exc) from exc

    def fetch() -> list[ServerRow]:
        return [_server_row(row, columns) for row in cursor.fetchmany(size)]

    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull-read")
    pending: Future[list[ServerRow]] | None = worker.submit(fetch)
    try:
        while pending is not None:
            try:
                batch = pending.result()
            except error as exc:
                pending = None
                raise wrapped(exc) from exc
            # a short batch is the last: no round trip to hear that nothing follows
            pending = worker.submit(fetch) if len(batch) == size else None
            if batch:
                yield batch
    finally:
        if pending is not None:  # the caller stopped early (an error, a cancel)
            pending.cancel()
            with suppress(Exception):  # the caller's own error is the one to see
                pending.result()
        worker.shutdown(wait=True)
        cursor.close()  # a no-op on a connection in error: the rollback closes it
