"""The laptop's side of team sync: its outbox, merge base, pull cursors and state, and the
synced tables' rows read and written by key (Core, on one connection: the caller's
transaction). See docs/sync-design.md."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from gebiedsapp.storage.repositories.sync_convert import converted, writer
from gebiedsapp.storage.repositories.sync_write import staged, write_many
from gebiedsapp.storage.search import SEARCH_TABLES
from gebiedsapp.storage.sync_base_form import pack, unpack
from gebiedsapp.storage.sync_tables import SyncTable, unlinked
from gebiedsapp.storage.sync_tracking import (
    sync_base,
    sync_cursor,
    sync_outbox,
    sync_state,
)

CHUNK = 400  # keys per IN (...): under SQLite's limit of bound parameters for any key width


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- state -----------------------------------------------------------------------------------


def device_id(connection: Connection) -> uuid.UUID:
    """This laptop's id for the server's records, made at its first sync."""
    found = connection.scalar(select(sync_state.c.device_id).where(sync_state.c.id == 1))
    if found is None:
        found = uuid.uuid4()
        connection.execute(update(sync_state).where(sync_state.c.id == 1).values(device_id=found))
    return found


def state(connection: Connection) -> tuple[datetime | None, str]:
    row = connection.execute(
        select(sync_state.c.last_sync_at, sync_state.c.server).where(sync_state.c.id == 1)
    ).one()
    return row[0], row[1]


def set_applying(connection: Connection, applying: bool) -> None:
    """Inside a pull's own transaction only: what it writes is not a local change."""
    connection.execute(
        update(sync_state).where(sync_state.c.id == 1).values(applying=int(applying))
    )


def finished(connection: Connection, *, at: datetime, server: str) -> None:
    connection.execute(
        update(sync_state).where(sync_state.c.id == 1).values(last_sync_at=at, server=server)
    )


# --- outbox ----------------------------------------------------------------------------------


def outbox(connection: Connection) -> dict[str, dict[str, int]]:
    """{table: {row_key: tick}}: what this laptop changed since it last agreed."""
    result: dict[str, dict[str, int]] = {}
    rows = connection.execute(
        select(sync_outbox.c.table_name, sync_outbox.c.row_key, sync_outbox.c.tick)
    )
    for table, key, tick in rows:
        result.setdefault(table, {})[key] = tick
    return result


def outbox_of(connection: Connection, tables: Iterable[str]) -> dict[str, dict[str, int]]:
    """outbox() of these tables only (by its key's index: not the whole outbox)."""
    result: dict[str, dict[str, int]] = {}
    for table in sorted(tables):
        rows = connection.exec_driver_sql(
            "SELECT row_key, tick FROM sync_outbox WHERE table_name = ?", (table,)
        )
        found = {row[0]: row[1] for row in rows}
        if found:
            result[table] = found
    return result


def outbox_keys(connection: Connection, table: str, keys: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    query = "SELECT row_key, tick FROM sync_outbox WHERE table_name = ? AND row_key IN "
    for listed, params in _key_lists(keys):
        rows = connection.exec_driver_sql(query + listed, (table, *params))
        found.update({row[0]: row[1] for row in rows})
    return found


def _marks(values: Sequence[Any]) -> str:
    """(?, ?, …): plain SQL for a look-up by many keys (a pull makes one per batch and
    table; SQLAlchemy's expanding IN compiled its parameters anew each time)."""
    return f"({', '.join('?' * len(values))})"


def _key_lists(keys: Sequence[Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(SQL after `IN `, its parameters) for a look-up by many keys: ASCII texts (hex keys,
    a pull's) as one JSON array, unpacked by SQLite's json_each (a pull looks up its bases,
    outbox entries and rows per batch: 400 parameters a statement, each looked at by the
    engine's text guard); any other keys as (?, ?, …) in chunks."""
    if keys and all(type(k) is str for k in keys) and "".join(keys).isascii():
        yield "(SELECT value FROM json_each(?))", (json.dumps(list(keys)),)
        return
    for part in chunks(keys):
        yield _marks(part), tuple(part)


def pending(connection: Connection, *, up_to: int | None = None) -> int:
    """The changes waiting for the server; with `up_to`, counted no further than up_to + 1
    (the status bar's count after every save must not read an outbox of millions of rows)."""
    if up_to is None:
        return int(connection.scalar(select(func.count()).select_from(sync_outbox)) or 0)
    first = select(sync_outbox.c.tick).limit(up_to + 1).subquery()
    return int(connection.scalar(select(func.count()).select_from(first)) or 0)


def clear_confirmed(connection: Connection, table: str, ticks: Mapping[str, int]) -> None:
    """Remove the entries the server confirmed, unless changed since (their tick moved). One
    executemany of plain parameters on the driver's cursor (write_many): a push clears every
    row it sent; a look-up by the primary key each, 17-30 ms for 10,000 rows, where one
    statement over the pairs as a JSON parameter (a list probed per row) took 50-90."""
    table = str(table)  # a plain str: the driver asks a quoted_name how to store it, per row
    write_many(
        connection,
        "DELETE FROM sync_outbox WHERE table_name = ? AND row_key = ? AND tick = ?",
        [(table, key, tick) for key, tick in ticks.items()],
    )


def drop_outbox(connection: Connection, table: str, keys: Iterable[str]) -> None:
    for part in chunks(list(keys)):
        connection.execute(
            delete(sync_outbox).where(
                sync_outbox.c.table_name == table, sync_outbox.c.row_key.in_(part)
            )
        )


# --- base ------------------------------------------------------------------------------------


def bases(
    connection: Connection, table: str, keys: Sequence[str]
) -> dict[str, tuple[int, dict[str, str]]]:
    """{row_key: (server version, {column: digest})} as last agreed with the server."""
    found: dict[str, tuple[int, dict[str, str]]] = {}
    query = (
        "SELECT row_key, server_version, data FROM sync_base WHERE table_name = ? AND row_key IN "
    )
    for listed, params in _key_lists(keys):
        rows = connection.exec_driver_sql(query + listed, (table, *params))
        found.update({k: (v, unpack(d)) for k, v, d in rows})
    return found


_PUT_BASE = (
    "INSERT INTO sync_base (table_name, row_key, server_version, data) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (table_name, row_key) DO UPDATE SET "
    "server_version = excluded.server_version, data = excluded.data"
)


def put_bases(
    connection: Connection, table: str, rows: Sequence[tuple[str, int, Mapping[str, str]]]
) -> None:
    """Plain parameters (text, int and the base's blob, nothing to convert)."""
    put_base_texts(connection, table, [(key, version, pack(data)) for key, version, data in rows])


def put_base_texts(
    connection: Connection, table: str, rows: Sequence[tuple[str, int, bytes]]
) -> None:
    """put_bases() with the digests already in their stored form (storage.sync_base_form;
    sync_tables.digest_rows_text, pack_stored_rows): a push or pull writes one per row, by
    one executemany of plain parameters."""
    table = str(table)  # a plain str: the driver asks a quoted_name how to store it, per row
    if rows:
        write_many(
            connection, _PUT_BASE, [(table, key, version, data) for key, version, data in rows]
        )


def drop_bases(connection: Connection, table: str, keys: Iterable[str]) -> None:
    for part in chunks(list(keys)):
        connection.execute(
            delete(sync_base).where(sync_base.c.table_name == table, sync_base.c.row_key.in_(part))
        )


# --- cursors ---------------------------------------------------------------------------------


def cursors(connection: Connection) -> dict[str, int]:
    query = select(sync_cursor.c.table_name, sync_cursor.c.seq)
    return {row[0]: row[1] for row in connection.execute(query)}


def set_cursor(connection: Connection, table: str, seq: int) -> None:
    statement = sqlite_insert(sync_cursor).values(table_name=table, seq=seq)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[sync_cursor.c.table_name], set_={"seq": statement.excluded.seq}
        )
    )


# --- the synced tables' rows -----------------------------------------------------------------


def _where_keys(table: SyncTable, keys: Sequence[str]) -> Any:
    values = [table.key_values(k) for k in keys]
    columns = [table.table.c[name] for name in table.key]
    if len(columns) == 1:
        return columns[0].in_([v[0] for v in values])
    return tuple_(*columns).in_(values)


def rows(
    connection: Connection, table: SyncTable, keys: Sequence[str], *, as_stored: bool = False
) -> dict[str, dict[str, Any]]:
    """{row_key: {column: value}} of the rows that exist here. A one-column key is matched
    as stored (the row_key is the stored text, as the triggers write it) and the values are
    converted by the columns' own types: a push or pull reads every row through here.
    `as_stored`: the values as SQLite holds them (hex uuids, ISO stamps, 0/1), unconverted
    (a push sends them so; the row_key is the same either way)."""
    found: dict[str, dict[str, Any]] = {}
    names, convert = _readers(connection, table)
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    head = f"SELECT {', '.join(map(quote, names))} FROM {quote(table.name)} WHERE "
    width = len(table.key)
    # a wider key (a link table) as row values, each part converted by its column's type
    to_db = [table.table.c[name].type._cached_bind_processor(dialect) for name in table.key]
    one = "(" + ", ".join("?" * width) + ")"
    queries: Iterable[tuple[str, tuple[Any, ...]]]
    if width == 1:
        queries = ((f"{head}{quote(table.key[0])} IN {q}", p) for q, p in _key_lists(keys))
    else:
        listed = ", ".join(map(quote, table.key))
        queries = (
            (
                f"{head}({listed}) IN (VALUES {', '.join([one] * len(part))})",
                tuple(
                    value if process is None else process(value)
                    for key in part
                    for process, value in zip(to_db, table.key_values(key), strict=True)
                ),
            )
            for part in chunks(keys)
        )
    for query, params in queries:
        for raw in connection.exec_driver_sql(query, params).fetchall():
            if as_stored:
                values = dict(zip(names, raw, strict=True))
            else:
                values = {
                    name: value if process is None else process(value)
                    for name, process, value in zip(names, convert, raw, strict=True)
                }
            found[table.key_of(values)] = values
    return found


def _readers(connection: Connection, table: SyncTable) -> tuple[list[str], list[Any]]:
    """The columns' names and result processors (None: as stored), as SQLAlchemy reads."""
    dialect = connection.dialect
    columns = list(table.table.columns)
    convert = [c.type._cached_result_processor(dialect, None) for c in columns]
    return [c.name for c in columns], convert


def keys_referring(
    connection: Connection, table: SyncTable, column: str, values: Sequence[Any]
) -> dict[str, dict[str, Any]]:
    """The rows of `table` whose `column` is one of `values`."""
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(list(values)):
        query = select(table.table).where(table.table.c[column].in_(part))
        for row in connection.execute(query):
            mapping = dict(row._mapping)
            found[table.key_of(mapping)] = mapping
    return found


def existing_stored(connection: Connection, table: SyncTable, values: Sequence[Any]) -> set[Any]:
    """existing() of key values as the file stores them (a pull's rows come so)."""
    quote = connection.dialect.identifier_preparer.quote
    name = quote(table.key[0])
    head = f"SELECT {name} FROM {quote(table.name)} WHERE {name} IN "
    found: set[Any] = set()
    for listed, params in _key_lists(list(values)):
        found.update(raw for (raw,) in connection.exec_driver_sql(head + listed, params))
    return found


def existing(connection: Connection, table: SyncTable, values: Sequence[Any]) -> set[Any]:
    """Which of these single-column key values have a row here. Plain SQL on the stored
    values (a pull asks this per batch and reference; SQLAlchemy's expanding IN was
    compiled anew each time)."""
    column = table.table.c[table.key[0]]
    dialect = connection.dialect
    to_db = column.type._cached_bind_processor(dialect)
    stored = {value if to_db is None else to_db(value): value for value in values}
    quote = dialect.identifier_preparer.quote
    head = f"SELECT {quote(column.name)} FROM {quote(table.name)} WHERE {quote(column.name)} IN "
    found: set[Any] = set()
    for part in chunks(list(stored)):
        rows = connection.exec_driver_sql(head + _marks(part), tuple(part))
        found.update(stored[raw] for (raw,) in rows)
    return found


# Rows per upsert from which a table with a full-text index is written through a staging
# table (see upsert); fewer go by executemany.
STAGE_FROM = 50


def upsert(
    connection: Connection,
    table: SyncTable,
    values: Sequence[Mapping[str, Any]],
    *,
    stored: bool = False,
) -> None:
    """Write rows as given (insert, or update the columns given of an existing row), the
    values converted by the columns' own types (`stored`: given as the file stores them
    already, as a pull reads them: written as they are); one statement per set of columns.

    A table with a full-text index (storage.search) is written by one INSERT … SELECT from a
    temporary table: its FTS5 triggers fired per statement of an executemany cost two thirds
    of a pull's writing (FTS5 flushes its pending terms per statement), in one statement they
    cost what a rebuild would. The triggers still keep the index, so it is exact whatever
    was written and whenever a kill comes (it is one transaction with the rows)."""
    groups: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
    for row in values:
        groups.setdefault(tuple(row), []).append(row)
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    for given, rows in groups.items():
        # a column not given (one this user may not read) takes its default on an insert,
        # as SQLAlchemy's own insert fills it in; an update leaves it as it is
        defaults = [c for c in table.table.columns if c.name not in given and _has_default(c)]
        names = (*given, *(c.name for c in defaults))
        convert = [
            None if stored and n in given else writer(table.table.c[n], dialect) for n in names
        ]
        others = [quote(n) for n in given if n not in table.key]
        action = (
            "DO UPDATE SET " + ", ".join(f"{n} = excluded.{n}" for n in others)
            if others
            else "DO NOTHING"
        )
        target = f"{quote(table.name)} ({', '.join(map(quote, names))})"
        conflict = f"ON CONFLICT ({', '.join(map(quote, table.key))}) {action}"
        # column by column: map() over each column's converter, not a call per value
        columns = [[row[n] for row in rows] for n in given]
        columns += [[_default(c) for _ in rows] for c in defaults]
        columns = [
            column if process is None else converted(process, column)
            for process, column in zip(convert, columns, strict=True)
        ]
        if len(rows) >= STAGE_FROM and table.name in SEARCH_TABLES:
            staged(connection, table, names, columns, f"INSERT INTO {target} {{}} {conflict}")
        else:
            marks = ", ".join("?" * len(names))
            params = list(zip(*columns, strict=True))
            connection.exec_driver_sql(f"INSERT INTO {target} VALUES ({marks}) {conflict}", params)


def _has_default(column: Any) -> bool:
    default = column.default
    return default is not None and bool(default.is_scalar or default.is_callable)


def _default(column: Any) -> Any:
    """A column's Python-side default for one new row."""
    default = column.default
    return default.arg(None) if default.is_callable else default.arg


def set_null(connection: Connection, table: SyncTable, column: str, values: Sequence[Any]) -> None:
    for part in chunks(list(values)):
        connection.execute(
            update(table.table)
            .where(table.table.c[column].in_(part))
            .values(unlinked(table, column))
        )


def delete_rows(connection: Connection, table: SyncTable, keys: Sequence[str]) -> None:
    for part in chunks(keys):
        connection.execute(delete(table.table).where(_where_keys(table, part)))


def insert_row(connection: Connection, table: SyncTable, values: Mapping[str, Any]) -> None:
    connection.execute(insert(table.table).values(**values))
