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


def outbox_keys(connection: Connection, table: str, keys: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in chunks(keys):
        rows = connection.execute(
            select(sync_outbox.c.row_key, sync_outbox.c.tick).where(
                sync_outbox.c.table_name == table, sync_outbox.c.row_key.in_(part)
            )
        )
        found.update({row[0]: row[1] for row in rows})
    return found


def pending(connection: Connection) -> int:
    return int(connection.scalar(select(func.count()).select_from(sync_outbox)) or 0)


def clear_confirmed(connection: Connection, table: str, ticks: Mapping[str, int]) -> None:
    """Remove the entries the server confirmed, unless changed since (their tick moved)."""
    if ticks:
        connection.exec_driver_sql(
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
    for part in chunks(keys):
        rows = connection.execute(
            select(sync_base.c.row_key, sync_base.c.server_version, sync_base.c.data).where(
                sync_base.c.table_name == table, sync_base.c.row_key.in_(part)
            )
        )
        found.update({k: (v, json.loads(d)) for k, v, d in rows})
    return found


def put_bases(
    connection: Connection, table: str, rows: Sequence[tuple[str, int, Mapping[str, str]]]
) -> None:
    """Plain parameters (text and int, nothing to convert): a push or pull writes one per row."""
    if not rows:
        return
    dumps = json.JSONEncoder(sort_keys=True).encode
    connection.exec_driver_sql(
        "INSERT INTO sync_base (table_name, row_key, server_version, data) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (table_name, row_key) DO UPDATE SET "
        "server_version = excluded.server_version, data = excluded.data",
        [(table, key, version, dumps(data)) for key, version, data in rows],
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
    connection: Connection, table: SyncTable, keys: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """{row_key: {column: value}} of the rows that exist here. A one-column key is matched
    as stored (the row_key is the stored text, as the triggers write it) and the values are
    converted by the columns' own types: a push or pull reads every row through here."""
    found: dict[str, dict[str, Any]] = {}
    if len(table.key) != 1:
        for part in chunks(keys):
            for row in connection.execute(select(table.table).where(_where_keys(table, part))):
                values = dict(row._mapping)
                found[table.key_of(values)] = values
        return found
    names, convert = _readers(connection, table)
    quote = connection.dialect.identifier_preparer.quote
    head = f"SELECT {', '.join(map(quote, names))} FROM {quote(table.name)} WHERE "
    for part in chunks(keys):
        marks = ", ".join("?" * len(part))
        query = f"{head}{quote(table.key[0])} IN ({marks})"
        for raw in connection.exec_driver_sql(query, tuple(part)).fetchall():
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


def existing(connection: Connection, table: SyncTable, values: Sequence[Any]) -> set[Any]:
    """Which of these single-column key values have a row here."""
    column = table.table.c[table.key[0]]
    found: set[Any] = set()
    for part in chunks(list(values)):
        found.update(connection.scalars(select(column).where(column.in_(part))))
    return found


def upsert(connection: Connection, table: SyncTable, values: Sequence[Mapping[str, Any]]) -> None:
    """Write rows as given (insert, or update the columns given of an existing row); one
    executemany per set of columns, the values converted by the columns' own types."""
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
        convert = [table.table.c[n].type._cached_bind_processor(dialect) for n in names]
        others = [quote(n) for n in given if n not in table.key]
        action = (
            "DO UPDATE SET " + ", ".join(f"{n} = excluded.{n}" for n in others)
            if others
            else "DO NOTHING"
        )
        statement = (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) "
            f"VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT ({', '.join(map(quote, table.key))}) {action}"
        )
        params = [
            tuple(
                value if process is None else process(value)
                for process, value in zip(
                    convert, (*(row[n] for n in given), *map(_default, defaults)), strict=True
                )
            )
            for row in rows
        ]
        connection.exec_driver_sql(statement, params)


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
