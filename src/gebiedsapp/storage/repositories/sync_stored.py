"""A push's rows written on the team server as the laptop's SQLite file stores them
(docs/sync-design.md, "Push"): the server parses each column's values, not Python."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Boolean, Connection

from gebiedsapp.storage.repositories.sync_server import _array_type, _parts
from gebiedsapp.storage.sync_tables import SyncTable


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
        arrays: dict[str, list[Any]] = {}
        casts = []
        for index, name in enumerate(names):
            values, sent = _stored_array(table.table.c[name].type, [row[name] for row in part])
            arrays[f"p{index}"] = values
            kind = _array_type(table, name, dialect)
            cast_sql = f"CAST(%(p{index})b AS {sent})"
            casts.append(cast_sql if sent == kind else f"CAST({cast_sql} AS {kind})")
        statement = (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) "
            f"SELECT * FROM unnest({', '.join(casts)}) {action}"
        )
        written += connection.exec_driver_sql(statement, arrays).rowcount
    return written


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
