"""Queries for the records that moved to an area this laptop's user does not see
(services.sync.moved, docs/sync-design.md "Records that move away"): the server's move log
after a cursor, which held rows the server still shows, and the laptop's own list of moved
rows kept here because a change of this user's waits in them."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select, text, tuple_

from gebiedsapp.domain import AppSetting
from gebiedsapp.storage.repositories.sync_local import chunks
from gebiedsapp.storage.server_moves import MOVE_LOG
from gebiedsapp.storage.server_rights import ABOUT_COLUMNS, RESIDENT_TABLES
from gebiedsapp.storage.sync_tables import SyncTable

CURSOR = MOVE_LOG  # sync_cursor's row for the move log (no synced table has this name)
KEPT_SETTING = "sync.moved_away"  # app_setting: {table: [row_key]} moved away, change waiting


def has_log(connection: Connection) -> bool:
    """Whether the server keeps the move log (`server setup` of this version ran)."""
    return connection.scalar(text(f"SELECT to_regclass('{MOVE_LOG}')")) is not None


def left_since(connection: Connection, after: int) -> tuple[dict[str, set[str]], int]:
    """({table: keys} that left one of the user's areas after seq `after`, the last seq)."""
    found: dict[str, set[str]] = {}
    last = after
    rows = connection.execute(
        text(f"SELECT seq, table_name, row_key FROM {MOVE_LOG} WHERE seq > :after ORDER BY seq"),
        {"after": after},
    )
    for seq, table, key in rows:
        found.setdefault(table, set()).add(key)
        last = max(last, int(seq))
    return found, last


def shown(connection: Connection, table: SyncTable, keys: Sequence[str]) -> set[str]:
    """Which of these rows of `table` the connection sees (on the server: its rights)."""
    found: set[str] = set()
    columns = [table.table.c[name] for name in table.key]
    for part in chunks(list(keys)):
        values = [table.key_values(k) for k in part]
        where = (
            columns[0].in_([v[0] for v in values])
            if len(columns) == 1
            else tuple_(*columns).in_(values)
        )
        for row in connection.execute(select(*columns).where(where)):
            found.add(table.key_of(dict(row._mapping)))
    return found


def held(connection: Connection, table: SyncTable, keys: Sequence[str]) -> set[str]:
    """Which of these rows of `table` are here (the same question, on the laptop)."""
    return shown(connection, table, keys)


def kept(connection: Connection) -> dict[str, set[str]]:
    """{table: keys} of the moved rows kept here for a change of this user's that waits."""
    value = connection.scalar(select(AppSetting.value).where(AppSetting.key == KEPT_SETTING))
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(name): {str(k) for k in keys} for name, keys in found.items()}


def keep(connection: Connection, rows: Mapping[str, set[str]]) -> None:
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    value = json.dumps({n: sorted(k) for n, k in sorted(rows.items()) if k}, sort_keys=True)
    statement = sqlite_insert(AppSetting).values(key=KEPT_SETTING, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
    )


def waiting_moved(connection: Connection, mine: Sequence[str], area_of: Any) -> int:
    """The changes waiting here in rows that moved to an area the user does not see, whose
    area here is still one of `mine` (uuid hex; those elsewhere are counted by their area).
    `area_of(connection, table, keys)`: {key: area hex} as the server's rights find it."""
    from gebiedsapp.storage.repositories.sync_local import outbox
    from gebiedsapp.storage.sync_tables import by_name

    rows = kept(connection)
    if not rows:
        return 0
    box = outbox(connection)
    count = 0
    for name, keys in rows.items():
        table = by_name().get(name)
        waiting = sorted(keys & set(box.get(name, {})))
        if table is None or not waiting:
            continue
        areas = area_of(connection, table, waiting)
        count += sum(1 for key in waiting if areas.get(key) is None or areas[key] in mine)
    return count


def residents_named(connection: Connection, table: SyncTable, keys: Sequence[str]) -> set[str]:
    """The residents (row keys) that these rows of `table` name, here."""
    columns = [fk.parent for fk in table.table.foreign_keys if fk.column.table.name == "resident"]
    if not columns or len(table.key) != 1:
        return set()
    key = table.table.c[table.key[0]]
    found: set[str] = set()
    for part in chunks([table.key_values(k)[0] for k in keys]):
        for row in connection.execute(select(*columns).where(key.in_(part))):
            found |= {value.hex for value in row if isinstance(value, uuid.UUID)}
    return found


def about_residents(
    connection: Connection, tables: Mapping[str, SyncTable], residents: Sequence[str]
) -> dict[str, set[str]]:
    """{table: keys} of the rows here that belong to these residents: their consents (by
    the rights' RESIDENT_TABLES) and the history and conflicts about them."""
    found: dict[str, set[str]] = {}
    if not residents:
        return found
    ids = [uuid.UUID(k) for k in residents]
    for name, column in RESIDENT_TABLES.items():
        table = tables.get(name)
        if table is None or name == "resident":
            continue
        for part in chunks(ids):
            rows = connection.execute(
                select(*(table.table.c[n] for n in table.key)).where(
                    table.table.c[column].in_(part)
                )
            )
            found.setdefault(name, set()).update(table.key_of(dict(r._mapping)) for r in rows)
    for name, (kind, about) in ABOUT_COLUMNS.items():
        table = tables.get(name)
        if table is None:
            continue
        wanted: Sequence[Any] = list(residents) if name == "sync_conflict" else ids
        for part in chunks(list(wanted)):
            rows = connection.execute(
                select(*(table.table.c[n] for n in table.key)).where(
                    table.table.c[kind] == "resident", table.table.c[about].in_(part)
                )
            )
            found.setdefault(name, set()).update(table.key_of(dict(r._mapping)) for r in rows)
    return {name: keys for name, keys in found.items() if keys}
