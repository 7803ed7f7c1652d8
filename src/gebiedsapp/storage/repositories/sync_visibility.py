"""Queries for the rows a laptop may have passed while it could not see them
(docs/sync-design.md, "Rows that become visible later"): a row's dependents that its cursor
passed, and what the connected user may see today (their areas, role and columns), kept on
the laptop to notice when that grows."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select, text

from gebiedsapp.domain import AppSetting
from gebiedsapp.storage.repositories.sync_local import chunks
from gebiedsapp.storage.repositories.sync_server import ServerRow, _picked, _select, _server_row
from gebiedsapp.storage.sync_tables import SyncTable
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
