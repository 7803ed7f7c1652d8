"""The laptop's bulk writes of team sync (a pull's batch, a push's bookkeeping): plain
executemany on the driver's own cursor with the text guard in one go, and a search table's
batch by way of a temporary table (docs/sync-design.md, "Pull")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import DBAPIError

from gebiedsapp.storage import pull_bulk
from gebiedsapp.storage.repositories.sync_convert import one_value
from gebiedsapp.storage.sync_tables import SyncTable
from gebiedsapp.storage.sync_tracking import sync_state
from gebiedsapp.storage.text_guard import BROKEN


def write_many(connection: Connection, statement: str, params: Sequence[tuple[Any, ...]]) -> None:
    """executemany on the driver's own cursor, in the caller's transaction. The engine's
    text guard (storage.text_guard) looks at every value of every row with a Python call (a
    pull's batch: 130,000 of them); here the batch's texts are looked at in one go, and a
    broken one is refused there as always, before anything is written."""
    texts = "".join([value for row in params for value in row if type(value) is str])
    if not texts.isascii() and BROKEN.search(texts):
        connection.exec_driver_sql(statement, list(params))  # refused by the guard
    dialect = connection.dialect
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(statement, params)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(
            statement,
            list(params),
            exc,
            dialect.loaded_dbapi.Error,
            hide_parameters=True,
            dialect=dialect,
            ismulti=True,
        ) from exc
    finally:
        cursor.close()


def staged(
    connection: Connection,
    table: SyncTable,
    names: Sequence[str],
    columns: Sequence[list[Any]],
    statement: str,
) -> None:
    """Write the rows (`columns`: each column's values, converted) by way of a temporary
    table (in memory: SQLCipher's TEMP_STORE=2): executemany into it, one INSERT … SELECT
    into the table, and empty it again. Its columns have no type, so a value is passed on
    exactly as converted (no affinity of its own). A column with one value in every row (a
    batch's stamps, authors, flags, empty fields) is not staged but bound once in the
    SELECT: the executemany's cost is per value bound."""
    quote = connection.dialect.identifier_preparer.quote
    stage = quote(f"sync_stage_{table.name}")
    every = [c.name for c in table.table.columns]
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {stage} ({', '.join(map(quote, every))})"
    )
    same = [one_value(column) for column in columns]
    if all(same):  # nothing would be staged (no rows differ): stage them all
        same = [False] * len(columns)
    staged = [i for i, one in enumerate(same) if not one]
    listed = ", ".join(quote(names[i]) for i in staged)
    marks = ", ".join("?" * len(staged))
    params = list(zip(*(columns[i] for i in staged), strict=True))
    chosen = ", ".join("?" if one else quote(name) for name, one in zip(names, same, strict=True))
    bound = tuple(column[0] for column, one in zip(columns, same, strict=True) if one)
    applying = connection.execute(select(sync_state.c.applying)).scalar()
    bulk = applying == pull_bulk.APPLYING  # a pull's write (not a local one: that is tracked)
    try:
        write_many(connection, f"INSERT INTO temp.{stage} ({listed}) VALUES ({marks})", params)
        # WHERE true: an upsert's SELECT must not end in a join's ON (SQLite's parser)
        picked = f"SELECT {chosen} FROM temp.{stage} WHERE true ORDER BY rowid"
        if bulk:  # the summaries' per-row version triggers skip; one change of it instead
            _set_applying_to(connection, pull_bulk.BULK)
        connection.exec_driver_sql(statement.format(picked), bound)
        if bulk:
            pull_bulk.bump(connection)
    finally:
        if bulk:
            _set_applying_to(connection, pull_bulk.APPLYING)
        connection.exec_driver_sql(f"DELETE FROM temp.{stage}")


def _set_applying_to(connection: Connection, value: int) -> None:
    connection.execute(update(sync_state).where(sync_state.c.id == 1).values(applying=value))
