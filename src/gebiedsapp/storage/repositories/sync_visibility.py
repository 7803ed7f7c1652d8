"""Queries for the rows a laptop may have passed while it could not see them
(docs/sync-design.md, "Rows that become visible later"): a row's dependents that its cursor
passed, and what the connected user may see today (their areas, role and columns), kept on
the laptop to notice when that grows or shrinks; for a shrink, the keys the user may still
read, what stays referred to, and the changes waiting for an area that is not theirs."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select, text, tuple_
from sqlalchemy.dialects import sqlite

from gebiedsapp.domain import AppSetting, Base
from gebiedsapp.storage.repositories import sync_moves
from gebiedsapp.storage.repositories.sync_local import chunks
from gebiedsapp.storage.repositories.sync_server import ServerRow, _picked, _select, _server_row
from gebiedsapp.storage.server_rights import ABOUT_COLUMNS, area_sql, rule_of
from gebiedsapp.storage.sync_tables import SyncTable, by_name
from gebiedsapp.storage.sync_tracking import sync_row

RIGHTS_SETTING = "sync.rights"  # app_setting: what this laptop's user could see at its last pull


def passed_rows(
    connection: Connection,
    table: SyncTable,
    columns: Sequence[str],
    *,
    upto: int,
    column: str,
    values: Sequence[Any],
    match: Mapping[str, Any] | None = None,
) -> list[ServerRow]:
    """The rows of `table` whose `column` is one of `values` (and whose columns equal
    `match`), stamped at or before sequence `upto`, as the caller sees them; oldest first."""
    found: list[ServerRow] = []
    data = table.table.c
    picked = _picked().where(sync_row.c.table_name == table.name, sync_row.c.seq <= upto)
    for part in chunks(list(values), 2000):
        query = _select(table, columns, picked).where(
            data[column].in_(part),
            *(data[name] == value for name, value in (match or {}).items()),
        )
        found.extend(_server_row(row, columns) for row in connection.execute(query))
    found.sort(key=lambda row: row.seq)
    return [row for row in found if row.data is not None]


def rights_now(connection: Connection, readable: Mapping[str, frozenset[str]]) -> dict[str, Any]:
    """What the connected user may see, in the caller's snapshot: their areas (None: no
    rights set up on this server, the user sees everything), staff and beheerder, and the
    columns per table."""
    areas: list[str] | None = None
    staff = beheerder = True
    withheld: str | None = None
    if connection.scalar(text("SELECT to_regprocedure('gebiedsapp_withheld_rows()')")):
        withheld = connection.scalar(text("SELECT gebiedsapp_withheld_rows()"))
    installed = connection.scalar(text("SELECT to_regprocedure('gebiedsapp_my_areas()')"))
    if installed is not None:
        areas = sorted(
            str(a) for a in connection.scalars(text("SELECT gebiedsapp_my_areas()")) if a
        )
        staff = bool(connection.scalar(text("SELECT gebiedsapp_is_staff()")))
        beheerder = bool(connection.scalar(text("SELECT gebiedsapp_is_beheerder()")))
    return {
        "areas": areas,
        "staff": staff,
        "beheerder": beheerder,
        "columns": {name: sorted(cols) for name, cols in sorted(readable.items())},
        "withheld": withheld,
    }


def rights_then(connection: Connection) -> dict[str, Any] | None:
    """What the user could see at this laptop's last complete pull (None: not known)."""
    value = connection.scalar(select(AppSetting.value).where(AppSetting.key == RIGHTS_SETTING))
    if not value:
        return None
    try:
        found = json.loads(value)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def keep_rights(connection: Connection, rights: Mapping[str, Any]) -> None:
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    value = json.dumps(rights, sort_keys=True)
    statement = sqlite_insert(AppSetting).values(key=RIGHTS_SETTING, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
    )


def gained(then: Mapping[str, Any], now: Mapping[str, Any]) -> bool:
    """Whether the user may see more now than then: an area, a role, a column."""
    if then.get("areas") is not None and (
        now.get("areas") is None or set(now["areas"]) - set(then["areas"])
    ):
        return True
    if (now.get("staff") and not then.get("staff")) or (
        now.get("beheerder") and not then.get("beheerder")
    ):
        return True
    old = then.get("columns") or {}
    return any(set(cols) - set(old.get(name, ())) for name, cols in now["columns"].items())


# --- rights that shrink (services.sync.shrink) ------------------------------------------------


def lost(then: Mapping[str, Any], now: Mapping[str, Any]) -> bool:
    """Whether the user may see less now than then: an area, a role, a column or a table, or
    rows a newer rule of the server withholds from a wethouder (a photo's history)."""
    if not now.get("staff") and now.get("withheld") not in (None, then.get("withheld")):
        return True
    if now.get("areas") is not None and (
        then.get("areas") is None or set(then["areas"]) - set(now["areas"])
    ):
        return True
    if (then.get("staff") and not now.get("staff")) or (
        then.get("beheerder") and not now.get("beheerder")
    ):
        return True
    columns = now.get("columns") or {}
    return any(set(cols) - set(columns.get(name, ())) for name, cols in then["columns"].items())


def keys_of(connection: Connection, table: SyncTable) -> set[str]:
    """Every row key of `table` as the connection may see it (on the server: its rights)."""
    query = select(*(table.table.c[name] for name in table.key))
    return {table.key_of(dict(row._mapping)) for row in connection.execute(query)}


def referred(
    connection: Connection, table: SyncTable, keys: set[str], gone: Mapping[str, set[str]]
) -> set[str]:
    """Which of `keys` (rows of `table`, one-column key) a row that stays still refers to:
    a row of another table not in `gone`, or a row of a table that is not synced (a draft)."""
    if not keys or len(table.key) != 1:
        return set()
    key = table.key[0]
    values = [table.key_values(k)[0] for k in keys]
    kept: set[str] = set()
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table.name != table.name or fk.constraint is None:
                continue
            if len(fk.constraint.columns) != 1:
                continue
            synced = by_name().get(child.name)
            leaving = gone.get(child.name, set())
            own = [child.c[n] for n in synced.key] if synced is not None else []
            for part in chunks(values):
                rows = connection.execute(select(fk.parent, *own).where(fk.parent.in_(part)))
                for row in rows:
                    if synced is not None and synced.key_of(dict(row._mapping)) in leaving:
                        continue
                    kept.add(table.key_of({key: row[0]}))
    return kept & keys


def blank(connection: Connection, table: SyncTable, columns: Sequence[str]) -> int:
    """Put `columns` (that the user may no longer read) back to their defaults in the rows
    that are not waiting to be sent; how many rows held something there."""
    if not columns or len(table.key) != 1:
        return 0
    quote = connection.dialect.identifier_preparer.quote
    waiting = (
        f"{quote(table.key[0])} NOT IN (SELECT row_key FROM sync_outbox "
        f"WHERE table_name = '{table.name}')"
    )
    defaults = {name: _default(table.table.c[name]) for name in columns}
    held = " OR ".join(f"{quote(n)} IS NOT ?" for n in columns)
    result = connection.exec_driver_sql(
        f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(n)} = ?' for n in columns)} "
        f"WHERE {waiting} AND ({held})",
        (*defaults.values(), *defaults.values()),
    )
    return int(result.rowcount or 0)


def _default(column: Any) -> Any:
    default = column.default
    if default is None or not (default.is_scalar or default.is_callable):
        return None
    value = default.arg(None) if default.is_callable else default.arg
    process = column.type._cached_bind_processor(sqlite.dialect())
    return value if process is None else process(value)


def areas_here(connection: Connection, table: SyncTable, keys: Sequence[str]) -> dict[str, str]:
    """{row_key: area (uuid hex)} of these rows of `table` on the laptop, as the server's
    rights find a row's area (its own, its parent's, or the record's it is about); rows
    without an area here (residents, reference data) are left out."""
    rule = rule_of(table.table)
    found: dict[str, str] = {}
    if len(table.key) != 1 or rule.kind in ("reference", "resident"):
        return found
    key = table.table.c[table.key[0]]
    if rule.kind == "about":
        kind, about_key = ABOUT_COLUMNS[table.name]
        own = table.table.c.area_id if "area_id" in table.table.c else None
        records: dict[tuple[str, str], list[str]] = {}
        for part in chunks(list(keys)):
            wanted = [table.key_values(k)[0] for k in part]
            columns = [key, table.table.c[kind], table.table.c[about_key]]
            for row in connection.execute(
                select(*columns, *([own] if own is not None else [])).where(key.in_(wanted))
            ):
                row_key = table.key_of({key.name: row[0]})
                if own is not None and row[3] is not None:
                    found[row_key] = row[3].hex
                    continue
                target = row[2].hex if isinstance(row[2], uuid.UUID) else str(row[2])
                records.setdefault((row[1], target), []).append(row_key)
        for name in {name for name, _target in records}:
            about = by_name().get(name)
            if about is None:
                continue
            targets = [t for n, t in records if n == name]
            for target, area in areas_here(connection, about, targets).items():
                for row_key in records.get((name, target), []):
                    found[row_key] = area
        return found
    area = area_sql(table.table, "t")
    quote = connection.dialect.identifier_preparer.quote
    for part in chunks(list(keys)):
        marks = ", ".join("?" * len(part))
        query = (
            f"SELECT t.{quote(key.name)}, {area} FROM {quote(table.name)} t "
            f"WHERE t.{quote(key.name)} IN ({marks})"
        )
        for row_key, value in connection.exec_driver_sql(query, tuple(part)):
            if value is not None:
                found[str(row_key)] = uuid.UUID(str(value)).hex
    return found


def waiting_elsewhere(connection: Connection) -> int:
    """The changes waiting here for an area the user is not assigned to (by the rights kept
    at the last complete pull): the server refuses them until the user is assigned again."""
    return counted_elsewhere(connection)[0]


def counted_elsewhere(connection: Connection, *, up_to: int | None = None) -> tuple[int, bool]:
    """(waiting_elsewhere's count, whether more may wait). With `up_to` (the status bar after
    every save) no more than up_to + 1 outbox entries are looked at, in pages per table, and
    the count is at most `up_to`; `True` then says it is a lower bound. Without, exact (the
    CLI)."""
    rights = rights_then(connection)
    if rights is None or rights.get("areas") is None or rights.get("beheerder"):
        return 0, False
    mine = sorted({uuid.UUID(a).hex for a in rights["areas"]})
    # rows moved to an area the user does not see, with a change of theirs (sync_moves)
    count = sync_moves.waiting_moved(connection, mine, areas_here)
    budget = -1 if up_to is None else up_to + 1  # outbox entries still to look at (-1: all)
    quote = connection.dialect.identifier_preparer.quote
    for table in by_name().values():
        if up_to is not None and (budget <= 0 or count > up_to):
            return min(count, up_to), True
        kind = rule_of(table.table).kind
        if len(table.key) != 1 or kind not in ("own", "parent", "about"):
            continue
        entries = "SELECT row_key FROM sync_outbox WHERE table_name = ? LIMIT ?"
        if kind in ("own", "parent"):  # one count on the laptop's file (the status bar's)
            area = area_sql(table.table, "t")
            marks = ", ".join("?" * len(mine)) or "NULL"
            seen, found = connection.exec_driver_sql(
                f"SELECT count(*), coalesce(sum({area} IS NOT NULL AND {area} NOT IN ({marks})),"
                f" 0) FROM ({entries}) o LEFT JOIN {quote(table.name)} t "
                f"ON t.{quote(table.key[0])} = o.row_key",
                (*mine, table.name, budget),
            ).one()
        else:
            keys = list(connection.exec_driver_sql(entries, (table.name, budget)).scalars())
            areas = areas_here(connection, table, keys)
            seen, found = len(keys), sum(1 for a in areas.values() if a not in mine)
        count += int(found or 0)
        if up_to is not None:
            budget -= int(seen or 0)
    if up_to is not None and count > up_to:
        return up_to, True
    return count, False


def data_rows(
    connection: Connection, table: SyncTable, columns: Sequence[str], keys: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """{row_key: {column: value}} of the data rows with these keys as the connection sees
    them, whether or not the server has a `sync_row` for them (reference data that
    `gebiedsapp db upgrade` loaded has none until a beheerder pushes it)."""
    found: dict[str, dict[str, Any]] = {}
    names = list(dict.fromkeys([*table.key, *columns]))
    key_columns = [table.table.c[name] for name in table.key]
    for part in chunks(list(keys)):
        values = [table.key_values(k) for k in part]
        where = (
            key_columns[0].in_([v[0] for v in values])
            if len(key_columns) == 1
            else tuple_(*key_columns).in_(values)
        )
        query = select(*(table.table.c[name] for name in names)).where(where)
        for row in connection.execute(query):
            mapping = dict(row._mapping)
            found[table.key_of(mapping)] = {c: mapping[c] for c in columns}
    return found
