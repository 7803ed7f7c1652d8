"""The server's side of team sync (PostgreSQL): what changed since a cursor, the rows a push
writes, `sync_row`'s versions and sequence, the push log. Core statements on the caller's
connection and transaction. See docs/sync-design.md."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    LargeBinary,
    and_,
    cast,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import ProgrammingError

from gebiedsapp.storage.repositories.sync_local import chunks
from gebiedsapp.storage.repositories.sync_stored_form import stored_form
from gebiedsapp.storage.server_stamps import STAMPED
from gebiedsapp.storage.sync_tables import SyncTable, by_name, references_to, unlinked
from gebiedsapp.storage.sync_tracking import KEY_SEPARATOR, sync_push_log, sync_row

PUSH_LOCK = 0x6765626965  # pg_advisory_xact_lock's key: one push at a time, seq = commit order


@dataclass(slots=True)
class ServerRow:
    """One row of `sync_row` with its data row (None: erased, or hidden from this user), the
    data's values in the laptop's stored form (sync_stored_form). Not frozen: a frozen
    dataclass sets each field through object.__setattr__, and a pull makes one per row."""

    seq: int
    row_key: str
    version: int
    erased: bool
    pushed_by: str
    data: dict[str, Any] | None


def revision(connection: Connection) -> str | None:
    """The server's schema revision (None: no Gebiedsapp schema there)."""
    try:
        with connection.begin_nested():
            found = connection.scalar(text("SELECT version_num FROM alembic_version"))
            return None if found is None else str(found)
    except ProgrammingError:
        return None


def readable_columns(connection: Connection) -> dict[str, frozenset[str]]:
    """{table: the columns the connected role may read} (a wethouder's role lacks the
    residents' personal columns: they are neither pulled nor pushed)."""
    rows = connection.execute(
        text(
            "SELECT c.relname, a.attname FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
            "AND a.attnum > 0 AND NOT a.attisdropped "
            "AND has_column_privilege(c.oid, a.attnum, 'SELECT')"
        )
    )
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in found.items()}


def _key_parts(table: SyncTable) -> list[Any]:
    """sync_row.row_key as the data row's key columns' values (uuid hex, or parts joined
    with '|'), labelled k0, k1, …"""
    if len(table.key) == 1:
        column = table.table.c[table.key[0]]
        return [cast(sync_row.c.row_key, column.type).label("k0")]
    return [
        cast(
            func.split_part(sync_row.c.row_key, KEY_SEPARATOR, index + 1),
            table.table.c[name].type,
        ).label(f"k{index}")
        for index, name in enumerate(table.key)
    ]


def _select(table: SyncTable, columns: Sequence[str], picked: Any) -> Any:
    """The rows of `sync_row` that `picked` (a query of sync_row with its where, order and
    limit) chooses, with their data rows. The keys are cast inside that query, so the join
    compares values of the same type: under row-level security a cast in the join (not
    leakproof) kept the data table's index out and matched every pair of rows. (OFFSET 0
    keeps the planner from folding the query back into the join.) The data's values come
    in the laptop's stored form (sync_stored_form)."""
    inner = picked.add_columns(*_key_parts(table)).offset(0).subquery("s")
    data = [stored_form(table.table.c[c]).label(f"d_{c}") for c in columns]
    marker = table.table.c[table.key[0]].label("d__present")
    on = and_(*(table.table.c[name] == inner.c[f"k{i}"] for i, name in enumerate(table.key)))
    return (
        select(
            inner.c.seq,
            inner.c.row_key,
            inner.c.version,
            inner.c.erased,
            inner.c.pushed_by,
            marker,
            *data,
        )
        .select_from(inner.outerjoin(table.table, on))
        .order_by(inner.c.seq)
    )


def _picked() -> Any:
    return select(
        sync_row.c.seq,
        sync_row.c.row_key,
        sync_row.c.version,
        sync_row.c.erased,
        sync_row.c.pushed_by,
    )


def _server_row(row: Any, columns: Sequence[str]) -> ServerRow:
    """By position, in _select's order (a pull reads every row through here)."""
    seq, row_key, version, erased, pushed_by, present, *values = row
    return ServerRow(
        seq=seq,
        row_key=row_key,
        version=version,
        erased=erased,
        pushed_by=pushed_by,
        data=None if present is None else dict(zip(columns, values, strict=True)),
    )


def changes(
    connection: Connection,
    table: SyncTable,
    columns: Sequence[str],
    *,
    after: int,
    limit: int,
) -> list[ServerRow]:
    """The next rows of `table` changed on the server after sequence `after`, oldest first."""
    query = changes_query(table, columns, after=after, limit=limit)
    return [_server_row(row, columns) for row in connection.execute(query).all()]


def changes_in_batches(
    connection: Connection,
    table: SyncTable,
    columns: Sequence[str],
    *,
    after: int,
    size: int,
) -> Iterator[list[ServerRow]]:
    """Every row of `table` changed on the server after sequence `after`, oldest first, in
    lists of at most `size`: one statement per table, read through a server-side cursor.
    A statement per batch (ORDER BY seq LIMIT n) filtered and sorted all the rows after the
    cursor each time: under row-level security the policy ran on every remaining row for
    every batch (quadratic in a table's changes). The caller may run other statements on
    the same connection between batches (the cursor stays open in the transaction)."""
    query = changes_query(table, columns, after=after, limit=None)
    result = connection.execute(query, execution_options={"yield_per": size})
    try:
        for part in result.partitions(size):
            yield [_server_row(row, columns) for row in part]
    finally:
        result.close()


def changes_query(
    table: SyncTable, columns: Sequence[str], *, after: int, limit: int | None
) -> Any:
    """changes()'s query (its plan is checked in tests/server/test_sync_query_plan.py)."""
    picked = (
        _picked()
        .where(sync_row.c.table_name == table.name, sync_row.c.seq > after)
        .order_by(sync_row.c.seq)
        .limit(limit)
    )
    return _select(table, columns, picked)


def tables_changed(connection: Connection, cursors: Mapping[str, int]) -> set[str]:
    """The tables with a row changed on the server after their cursor, in one look-up (a
    query per table cost a round trip and a compile each, most of a sync with nothing new)."""
    names = list(cursors)
    rows = connection.execute(
        text(
            "SELECT t.name FROM unnest(CAST(:names AS text[]), CAST(:after AS bigint[])) "
            "AS t(name, after) WHERE EXISTS (SELECT 1 FROM sync_row s "
            "WHERE s.table_name = t.name AND s.seq > t.after)"
        ),
        {"names": names, "after": [cursors[n] for n in names]},
    )
    return {row[0] for row in rows}


def count_changes(connection: Connection, cursors: Mapping[str, int]) -> dict[str, int]:
    """{table: rows changed on the server after its cursor} (for a dry run)."""
    found: dict[str, int] = {}
    for name in by_name():
        count = connection.scalar(
            select(func.count())
            .select_from(sync_row)
            .where(sync_row.c.table_name == name, sync_row.c.seq > cursors.get(name, 0))
        )
        if count:
            found[name] = int(count)
    return found


def rows_by_key(
    connection: Connection, table: SyncTable, columns: Sequence[str], keys: Sequence[str]
) -> dict[str, ServerRow]:
    """The server's rows for these keys (a missing parent of a pulled row)."""
    found: dict[str, ServerRow] = {}
    for part in chunks(list(keys)):
        picked = _picked().where(sync_row.c.table_name == table.name, sync_row.c.row_key.in_(part))
        query = _select(table, columns, picked)
        for row in connection.execute(query):
            server_row = _server_row(row, columns)
            found[server_row.row_key] = server_row
    return found


# --- push ------------------------------------------------------------------------------------


def lock(connection: Connection) -> None:
    connection.execute(select(func.pg_advisory_xact_lock(PUSH_LOCK)))


SERVER_CHUNK = 5000  # keys per array parameter


def versions(
    connection: Connection, table: str, keys: Sequence[str]
) -> dict[str, tuple[int, bool]]:
    """{row_key: (version, erased)} of these rows in `sync_row` (missing: never pushed).
    The keys go as one array joined to the table: an IN list of hundreds of keys was
    matched against every row (sync_row is young and unanalysed during a first push)."""
    found: dict[str, tuple[int, bool]] = {}
    # the keys as a binary array (a text array literal was quoted in Python, key by key)
    query = (
        "SELECT s.row_key, s.version, s.erased FROM unnest(CAST(%(keys)b AS text[])) AS k(key) "
        "JOIN sync_row s ON s.table_name = %(table)s AND s.row_key = k.key"
    )
    for part in chunks(list(keys), SERVER_CHUNK):
        rows = connection.exec_driver_sql(query, {"keys": list(part), "table": table})
        found.update({row[0]: (row[1], row[2]) for row in rows})
    return found


def write_row(
    connection: Connection, table: SyncTable, values: Mapping[str, Any], *, insert_only: bool
) -> bool:
    """Insert or overwrite a data row (only the columns given); False when `insert_only` and
    the row was there already (somebody else made it: stale)."""
    statement = pg_insert(table.table).values(**values)
    others = {c: statement.excluded[c] for c in values if c not in table.key}
    if insert_only or not others:
        statement = statement.on_conflict_do_nothing(index_elements=list(table.key))
        return bool(connection.execute(statement).rowcount) or not insert_only
    connection.execute(statement.on_conflict_do_update(index_elements=list(table.key), set_=others))
    return True


def _key_clause(table: SyncTable, row_key: str) -> Any:
    values = table.key_values(row_key)
    return and_(
        *(table.table.c[name] == value for name, value in zip(table.key, values, strict=True))
    )


def erase(connection: Connection, table: SyncTable, row_key: str) -> list[tuple[str, str, bool]]:
    """Hard-delete a row as an erasure does: rows that refer to it lose the reference
    (nullable) or go too (required). [(table, row_key, erased)] of every row changed."""
    changed: list[tuple[str, str, bool]] = []
    if len(table.key) == 1:
        value = table.key_values(row_key)[0]
        for reference in references_to(table.name):
            child = by_name()[reference.table]
            column = child.table.c[reference.column]
            keys = [
                child.key_of(dict(row._mapping))
                for row in connection.execute(
                    select(*(child.table.c[n] for n in child.key)).where(column == value)
                )
            ]
            if not keys:
                continue
            if reference.nullable:
                connection.execute(
                    update(child.table)
                    .where(column == value)
                    .values(unlinked(child, reference.column))
                )
                changed.extend((child.name, key, False) for key in keys)
            else:
                for key in keys:
                    changed.extend(erase(connection, child, key))
    connection.execute(delete(table.table).where(_key_clause(table, row_key)))
    changed.append((table.name, row_key, True))
    return changed


def write_rows(connection: Connection, table: SyncTable, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert or overwrite many data rows with the same columns, in one statement: the rows
    go as one array per column, unnested on the server (an executemany cost a round of the
    pipeline and a parameter dump per row: most of a push's time). Photos go in parts of at
    most BLOB_PART bytes, not a whole batch's in one message."""
    if not rows:
        return
    names = list(rows[0])
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    others = [quote(n) for n in names if n not in table.key]
    action = (
        "DO UPDATE SET " + ", ".join(f"{n} = excluded.{n}" for n in others)
        if others
        else "DO NOTHING"
    )
    unnest = ", ".join(
        f"CAST(%(p{index})b AS {_array_type(table, name, dialect)})"
        for index, name in enumerate(names)
    )
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) "
        f"SELECT * FROM unnest({unnest}) ON CONFLICT ({', '.join(map(quote, table.key))}) {action}"
    )
    convert = [table.table.c[name].type._cached_bind_processor(dialect) for name in names]
    for part in _parts(table, names, rows):
        arrays: dict[str, list[Any]] = {}
        for index, (name, process) in enumerate(zip(names, convert, strict=True)):
            values = [row[name] for row in part]
            arrays[f"p{index}"] = values if process is None else [process(v) for v in values]
        connection.exec_driver_sql(statement, arrays)


BLOB_PART = 16 * 1024 * 1024


def _parts(
    table: SyncTable, names: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> Iterator[Sequence[Mapping[str, Any]]]:
    blobs = [n for n in names if isinstance(table.table.c[n].type, LargeBinary)]
    if not blobs:
        yield rows
        return
    part: list[Mapping[str, Any]] = []
    size = 0
    for row in rows:
        weight = sum(len(row[n] or b"") for n in blobs)
        if part and size + weight > BLOB_PART:
            yield part
            part, size = [], 0
        part.append(row)
        size += weight
    if part:
        yield part


def _array_type(table: SyncTable, name: str, dialect: Any) -> str:
    """The array type of a column's values, without a length (VARCHAR(32)[] would cut a
    long text short; the insert's own cast refuses it instead, as a plain insert does)."""
    return re.sub(r"\(.*\)", "", table.table.c[name].type.compile(dialect=dialect)) + "[]"


# record()'s upsert for many rows as one statement (the rows as arrays, in their order): a
# statement per row cost a round of the pipeline each; the stamp trigger still runs per row.
_RECORD_ALL = (
    "INSERT INTO sync_row "
    "(table_name, row_key, erased, seq, version, origin_device, pushed_by, pushed_at) "
    "SELECT r.t, r.k, r.e, nextval('sync_seq'), 1, CAST(%(device)s AS uuid), current_user, now() "
    "FROM unnest(CAST(%(tables)b AS text[]), CAST(%(keys)b AS text[]), "
    "CAST(%(erased)b AS boolean[])) "
    "WITH ORDINALITY AS r(t, k, e, n) ORDER BY r.n "
    "ON CONFLICT (table_name, row_key) DO UPDATE SET seq = excluded.seq, "
    "version = sync_row.version + 1, erased = excluded.erased, "
    "origin_device = excluded.origin_device, pushed_by = excluded.pushed_by, "
    "pushed_at = excluded.pushed_at RETURNING table_name, row_key, version"
)


# _RECORD_ALL for one table's rows, with their area and personal flag read set-based from the
# data rows the push has just written (gebiedsapp_stamps_of, made by `server setup`) and the
# mark that it stamped them (seq < 0, storage.server_stamps): the server checks them once per
# statement instead of asking for each row's scope in its stamp trigger.
_RECORD_STAMPED = (
    "INSERT INTO sync_row (table_name, row_key, erased, seq, version, origin_device, "
    "pushed_by, pushed_at, area_id, personal) "
    "SELECT r.t, r.k, r.e, CASE WHEN s.o_present AND NOT r.e THEN CAST(%(stamped)s AS bigint) "
    "ELSE 0 END, 1, CAST(%(device)s AS uuid), current_user, now(), s.o_area, "
    "coalesce(s.o_personal, false) "
    "FROM unnest(CAST(%(tables)b AS text[]), CAST(%(keys)b AS text[]), "
    "CAST(%(erased)b AS boolean[])) "
    "WITH ORDINALITY AS r(t, k, e, n) "
    "LEFT JOIN gebiedsapp_stamps_of(%(table)s, CAST(%(keys)b AS text[])) AS s ON s.o_key = r.k "
    "ORDER BY r.n "
    # the proposed row went through the stamp trigger (its seq is a real one now): a row the
    # push stamped is marked again for the update (a row with no data row has no area)
    "ON CONFLICT (table_name, row_key) DO UPDATE SET seq = CASE WHEN excluded.area_id IS NOT "
    "NULL AND NOT excluded.erased THEN CAST(%(stamped)s AS bigint) ELSE excluded.seq END, "
    "version = sync_row.version + 1, erased = excluded.erased, "
    "origin_device = excluded.origin_device, pushed_by = excluded.pushed_by, "
    "pushed_at = excluded.pushed_at, area_id = excluded.area_id, personal = excluded.personal "
    "RETURNING table_name, row_key, version"
)


def stamps_known(connection: Connection) -> bool:
    """Whether the server stamps a push's rows set-based (its `server setup` is of this
    version or later); else they are stamped per row by its trigger, or not at all."""
    found = connection.scalar(
        text("SELECT to_regprocedure('gebiedsapp_stamps_of(text, text[])') IS NOT NULL")
    )
    return bool(found)


def record(
    connection: Connection, rows: Sequence[tuple[str, str, bool]], *, device: uuid.UUID
) -> dict[tuple[str, str], int]:
    """Enter accepted changes in `sync_row` (a new seq, version + 1); their new versions.
    area_id and personal are left to the server's own trigger (rights)."""
    if not rows:
        return {}
    statement = pg_insert(sync_row).values(
        seq=func.nextval("sync_seq"),
        version=1,
        origin_device=device,
        pushed_by=func.current_user(),
        pushed_at=func.now(),
    )
    upsert = statement.on_conflict_do_update(
        index_elements=[sync_row.c.table_name, sync_row.c.row_key],
        set_={
            "seq": statement.excluded.seq,
            "version": sync_row.c.version + 1,
            "erased": statement.excluded.erased,
            "origin_device": statement.excluded.origin_device,
            "pushed_by": statement.excluded.pushed_by,
            "pushed_at": statement.excluded.pushed_at,
        },
    )
    unique = list(dict.fromkeys(rows))
    if len({(t, k) for t, k, _e in unique}) == len(unique):
        # the new versions come back from the upsert itself (no second look-up of every key)
        tables = {t for t, _k, _e in unique}
        one_table = len(tables) == 1 and stamps_known(connection)
        rows_back = connection.exec_driver_sql(
            _RECORD_STAMPED if one_table else _RECORD_ALL,
            {
                "table": next(iter(tables)),
                "stamped": STAMPED,
                "tables": [t for t, _k, _e in unique],
                "keys": [k for _t, k, _e in unique],
                "erased": [e for _t, _k, e in unique],
                "device": device,
            },
        )
        return {(t, k): v for t, k, v in rows_back}
    # a row twice (changed by an erasure, then erased): one version step each
    connection.execute(upsert, [{"table_name": t, "row_key": k, "erased": e} for t, k, e in unique])
    result: dict[tuple[str, str], int] = {}
    for table in {t for t, _k, _e in unique}:
        keys = [k for t, k, _e in unique if t == table]
        result.update({(table, k): v for k, (v, _e) in versions(connection, table, keys).items()})
    return result


def log_push(connection: Connection, *, device: uuid.UUID, rows: int) -> None:
    connection.execute(
        insert(sync_push_log).values(
            at=func.now(), pushed_by=func.current_user(), device_id=device, rows=rows
        )
    )
