"""A push's rows written on the team server as the laptop's SQLite file stores them
(docs/sync-design.md, "Push"): the server parses each column's values, not Python."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Boolean, Connection, Table
from sqlalchemy.exc import DBAPIError

from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories.sync_local import CHUNK, _marks
from gebiedsapp.storage.repositories.sync_server import (
    _RECORD_STAMPED,
    _array_type,
    _parts,
)
from gebiedsapp.storage.server_stamps import GIVEN_TRIGGER, STAMPED, laptop_stamps_sql
from gebiedsapp.storage.sync_base_form import unpack
from gebiedsapp.storage.sync_tables import SyncTable

log = logging.getLogger(__name__)

# (area as stored: hex uuid or None, personal) of a row, as the laptop finds it
Stamp = tuple[str | None, bool]


def write_stored_rows(
    connection: Connection,
    table: SyncTable,
    names: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    *,
    new_only: bool = False,
) -> int:
    """write_rows() of rows as the laptop's SQLite file holds them (hex uuids, ISO stamps,
    0/1 flags; `names` the columns that go): each column goes as a binary array of its
    stored values and the server parses them to the column's type in the statement (in C,
    per value), instead of Python typing every value on the laptop and the driver dumping
    the typed values again.

    `new_only`: a plain insert that leaves a row already there as it is (ON CONFLICT DO
    NOTHING); the number of rows it wrote tells the caller whether all were new. (An upsert
    also checks a new row against the table's SELECT policy, a plain insert only against its
    INSERT policy: services.sync.push uses it only where that one implies the other.)"""
    if not rows:
        return 0
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    others = [quote(n) for n in names if n not in table.key]
    target = f"({', '.join(map(quote, table.key))})"
    if new_only:
        # no conflict target: naming one needs the SELECT right on its columns, and with it
        # each new row is checked against the SELECT policy as well
        action = "ON CONFLICT DO NOTHING"
    elif others:
        action = f"ON CONFLICT {target} DO UPDATE SET " + ", ".join(
            f"{n} = excluded.{n}" for n in others
        )
    else:
        action = f"ON CONFLICT {target} DO NOTHING"
    written = 0
    for part in _parts(table, names, rows):
        params: dict[str, Any] = {}
        casts: list[str] = []  # the arrays unnested
        columns: list[str] = []  # what each column's value is in the SELECT
        for index, name in enumerate(names):
            values, sent = _stored_array(table.table.c[name].type, [row[name] for row in part])
            kind = _array_type(table, name, dialect)
            if index > 0 and _one_value(values):
                # the same in every row (a batch's stamps, authors, round, empty fields): one
                # parameter cast once, not an array of 10,000 equal values dumped and cast
                params[f"p{index}"] = values[0]
                cast_sql = f"CAST(%(p{index})s AS {sent[:-2]})"
                same = cast_sql if sent == kind else f"CAST({cast_sql} AS {kind[:-2]})"
                columns.append(same)
                continue
            params[f"p{index}"] = values
            cast_sql = f"CAST(%(p{index})b AS {sent})"
            casts.append(cast_sql if sent == kind else f"CAST({cast_sql} AS {kind})")
            columns.append(f"u.c{len(casts) - 1}")
        aliases = ", ".join(f"c{i}" for i in range(len(casts)))
        statement = (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) "
            f"SELECT {', '.join(columns)} FROM unnest({', '.join(casts)}) AS u({aliases}) "
            f"{action}"
        )
        written += connection.exec_driver_sql(statement, params).rowcount
    return written


def _one_value(values: list[Any]) -> bool:
    """Every value the same, as stored: of one type (1, 1.0 and True are equal in Python,
    not as text) and, for a float, one text (0.0 == -0.0)."""
    first = values[0]
    kind = type(first)
    if kind is float:
        return all(type(v) is float and repr(v) == repr(first) for v in values)
    return all(type(v) is kind and v == first for v in values)


def _stored_array(kind: Any, values: list[Any]) -> tuple[list[Any], str]:
    """A column's stored values and the array type they are sent as: as they are when they
    share one Python type the driver sends natively (text, integer, real, bytes), else as
    text (the server's parsing of a column's text is its input function, as a COPY's)."""
    types = {type(v) for v in values if v is not None}
    if isinstance(kind, Boolean):
        return [None if v is None else bool(v) for v in values], "BOOLEAN[]"
    if not types or types == {str}:
        return values, "TEXT[]"
    if types == {int}:
        return values, "BIGINT[]"
    if types <= {int, float}:
        return [None if v is None else float(v) for v in values], "DOUBLE PRECISION[]"
    if types == {bytes}:
        return values, "BYTEA[]"
    return [None if v is None else str(v) for v in values], "TEXT[]"


def outbox_rows(
    connection: Connection, table: SyncTable, keys: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """sync_local.rows(…, as_stored=True) of `keys` (entries of the outbox): for a table
    with a one-column key, its rows with an outbox entry in one statement, joined on the key
    as stored (the row_key is the stored text), instead of a look-up per part of 400 keys;
    the rows of other keys of the outbox (held back) are left out."""
    if len(table.key) != 1:
        return local.rows(connection, table, keys, as_stored=True)
    quote = connection.dialect.identifier_preparer.quote
    names = list(table.table.columns.keys())
    key = table.key[0]
    # the row_key is the key as stored (the join says so): no key_of per row
    query = (
        f"SELECT o.row_key, {', '.join(f't.{quote(n)}' for n in names)} FROM sync_outbox o "
        f"JOIN {quote(table.name)} t ON t.{quote(key)} = o.row_key WHERE o.table_name = ?"
    )
    wanted = set(keys)
    return {
        raw[0]: dict(zip(names, raw[1:], strict=True))
        for raw in connection.exec_driver_sql(query, (table.name,)).fetchall()
        if raw[0] in wanted
    }


def outbox_bases(
    connection: Connection, table: SyncTable, keys: Sequence[str]
) -> dict[str, tuple[int, dict[str, str]]]:
    """sync_local.bases() of `keys` (entries of the outbox) in one statement joined on the
    outbox, instead of a look-up per part of 400 keys (a push of new rows has none)."""
    query = (
        "SELECT b.row_key, b.server_version, b.data FROM sync_outbox o JOIN sync_base b "
        "ON b.table_name = o.table_name AND b.row_key = o.row_key WHERE o.table_name = ?"
    )
    wanted = set(keys)
    return {
        k: (v, unpack(d))
        for k, v, d in connection.exec_driver_sql(query, (table.name,)).fetchall()
        if k in wanted
    }


# --- the stamps the laptop sends (docs/sync-design.md, "Push") ------------------------------


def laptop_stamps(
    connection: Connection, table: Table, rows: Mapping[str, Mapping[str, Any]]
) -> dict[str, Stamp] | None:
    """{row_key: stamp} of a push's rows of a table whose area is its own or its parent's,
    as the laptop's copy says (its `area_id`; the parent's area read once per parent, not
    per row); None where the laptop does not say (another table, or a personal flag that
    depends on the row): the server reads them itself then. The server believes none of it:
    its statement check compares every stamp with its own rows."""
    found = laptop_stamps_sql(table)
    if found is None:
        return None
    personal, via, parent_query = found
    if parent_query is None:
        return {key: (row["area_id"], personal) for key, row in rows.items()}
    parents = list({row[via] for row in rows.values() if row[via] is not None})
    areas: dict[Any, Any] = {}
    for start in range(0, len(parents), CHUNK):
        part = parents[start : start + CHUNK]
        areas.update(connection.exec_driver_sql(parent_query + _marks(part), tuple(part)).all())
    return {key: (areas.get(row[via]), personal) for key, row in rows.items()}


# record()'s upsert with the stamps the laptop sent (no read of gebiedsapp_stamps_of here:
# the statement check reads them once, and refuses the statement when one differs). `seq`:
# the mark (STAMPED) for the stamp trigger to keep the stamps and give the seq; or, where the
# server's insert trigger lets the statement give them (server_stamps.stamp_triggers), the
# seq itself: then the trigger is not called for the row at all. The table, and an area or
# flag that is the same in every row (a batch of one round's conversations), go as one
# parameter each, not an array of 10,000 equal values dumped here and cast there
_MARKED = "CAST(%(stamped)s AS bigint)"
_OWN_SEQ = "nextval('sync_seq')"
_CONFLICT = _RECORD_STAMPED[_RECORD_STAMPED.index("ON CONFLICT") :]


@functools.cache
def _record_given_sql(*, own_seq: bool, one_area: bool, one_flag: bool, fresh: bool) -> str:
    """The statement of record_given(): with `fresh` (none of the rows has a sync_row yet,
    under the push lock) a plain insert, version 1 each (an upsert's speculative insertion
    and its RETURNING were a sixth of the statement; a row there after all refuses it with a
    unique violation and the upsert follows), else the upsert."""
    arrays = ["CAST(%(keys)b AS text[])"]
    names = ["k"]
    if not one_area:
        arrays.append("CAST(CAST(%(areas)b AS text[]) AS uuid[])")
        names.append("a")
    if not one_flag:
        arrays.append("CAST(%(personal)b AS boolean[])")
        names.append("p")
    area = "CAST(%(area)s AS uuid)" if one_area else "r.a"
    flag = "CAST(%(flag)s AS boolean)" if one_flag else "r.p"
    statement = (
        "INSERT INTO sync_row (table_name, row_key, erased, seq, version, origin_device, "
        "pushed_by, pushed_at, area_id, personal) "
        f"SELECT CAST(%(table)s AS text), r.k, false, {_OWN_SEQ if own_seq else _MARKED}, 1, "
        f"CAST(%(device)s AS uuid), current_user, now(), {area}, {flag} "
        f"FROM unnest({', '.join(arrays)}) WITH ORDINALITY AS r({', '.join(names)}, n) "
        "ORDER BY r.n"
    )
    return statement if fresh else f"{statement} {_CONFLICT}"


_SERVER_STAMPS = (
    "SELECT to_regprocedure('gebiedsapp_stamps_of(text, text[])') IS NOT NULL, "
    "EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('sync_row') "
    f"AND tgname = '{GIVEN_TRIGGER}')"
)


def server_stamps(connection: Connection) -> tuple[bool, bool]:
    """(whether the server checks a push's own stamps: sync_server.stamps_known; whether its
    insert trigger lets the statement give the seq and pusher as well)."""
    known, own_seq = connection.exec_driver_sql(_SERVER_STAMPS).one()
    return bool(known), bool(known and own_seq)


def record_given(
    connection: Connection,
    table: str,
    keys: Sequence[str],
    stamps: Mapping[str, Stamp],
    *,
    device: uuid.UUID,
    fresh: bool = False,
) -> dict[tuple[str, str], int] | None:
    """sync_server.record() of written (not erased) rows of one table with the laptop's
    stamps, in a savepoint; their new versions, or None when the server stamps them
    otherwise (it refused the statement, nothing written: the caller records them as
    before, the server reading the stamps itself) or cannot check them (an older server).
    `fresh`: none of them had a sync_row when the push looked (under its lock)."""
    if not keys:
        return None
    known, own_seq = server_stamps(connection)
    if not known:
        return None
    areas = [stamps[k][0] for k in keys]
    flags = [stamps[k][1] for k in keys]
    one_area, one_flag = len(set(areas)) == 1, len(set(flags)) == 1
    params = {
        "stamped": STAMPED,
        "device": device,
        "table": table,
        "keys": list(keys),
        "areas": areas,
        "personal": flags,
        "area": areas[0],
        "flag": flags[0],
    }
    statement = _record_given_sql(
        own_seq=own_seq, one_area=one_area, one_flag=one_flag, fresh=fresh
    )
    try:
        with connection.begin_nested():
            if fresh:
                connection.exec_driver_sql(statement, params)
                return {(table, k): 1 for k in keys}
            rows = connection.exec_driver_sql(statement, params).all()
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) not in ("42501", "23505"):
            raise
        log.info("sync: %s stamped otherwise on the server, read there (%s)", table, exc.orig)
        return None
    return {(t, k): v for t, k, v in rows}
