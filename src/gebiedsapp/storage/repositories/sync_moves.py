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
from gebiedsapp.storage.server_moves import MOVE_LOG, PRUNED
from gebiedsapp.storage.server_rights import ABOUT_COLUMNS, RESIDENT_TABLES
from gebiedsapp.storage.sync_tables import SyncTable

CURSOR = MOVE_LOG  # sync_cursor's row for the move log (no synced table has this name)
KEPT_SETTING = "sync.moved_away"  # app_setting: {table: [row_key]} moved away, kept here
# app_setting: {table: [row_key]} changes waiting here, not moved themselves, that refer to
# rows kept in KEPT_SETTING (a new history line of a moved signal) or that such a change
# refers to and the server does not hold yet (the new resident a new conversation names)
HELD_SETTING = "sync.moved_held"


def has_log(connection: Connection) -> bool:
    """Whether the server keeps the move log (`server setup` of this version ran)."""
    return connection.scalar(text(f"SELECT to_regclass('{MOVE_LOG}')")) is not None


def pruned_through(connection: Connection) -> int:
    """The highest seq the server pruned from its move log (0: never, or a server set up
    before the log was pruned). A cursor below it may have missed lines."""
    if connection.scalar(text(f"SELECT to_regclass('{PRUNED}')")) is None:
        return 0
    return int(connection.scalar(text(f"SELECT seq FROM {PRUNED} WHERE id = 1")) or 0)


def agreed(connection: Connection, table: str, keys: Sequence[str]) -> set[str]:
    """Which of these rows have a merge base here: they were on the server once (pulled or
    pushed), unlike a row made here that waits for its first push."""
    found: set[str] = set()
    for part in chunks(list(keys)):
        marks = ", ".join("?" * len(part))
        rows = connection.exec_driver_sql(
            f"SELECT row_key FROM sync_base WHERE table_name = ? AND row_key IN ({marks})",
            (table, *part),
        )
        found |= {row[0] for row in rows}
    return found


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


def _with_keys(table: SyncTable, keys: Sequence[str]) -> Any:
    """WHERE the row's key is one of `keys`."""
    columns = [table.table.c[name] for name in table.key]
    values = [table.key_values(k) for k in keys]
    if len(columns) == 1:
        return columns[0].in_([v[0] for v in values])
    return tuple_(*columns).in_(values)


def shown(connection: Connection, table: SyncTable, keys: Sequence[str]) -> set[str]:
    """Which of these rows of `table` the connection sees (on the server: its rights)."""
    found: set[str] = set()
    columns = [table.table.c[name] for name in table.key]
    for part in chunks(list(keys)):
        for row in connection.execute(select(*columns).where(_with_keys(table, part))):
            found.add(table.key_of(dict(row._mapping)))
    return found


def referring(
    connection: Connection, table: SyncTable, target: SyncTable, keys: Sequence[str]
) -> set[str]:
    """The rows of `table` here that refer to these rows of `target`: by a foreign key, or
    (history, conflicts) by the columns that say which record they are about."""
    own = [table.table.c[name] for name in table.key]
    found: set[str] = set()

    def collect(condition: Any) -> None:
        for row in connection.execute(select(*own).where(condition)):
            found.add(table.key_of(dict(row._mapping)))

    if len(target.key) == 1:
        values = [target.key_values(k)[0] for k in keys]
        for fk in table.table.foreign_keys:
            single = fk.constraint is not None and len(fk.constraint.columns) == 1
            if fk.column.table.name == target.name and single:
                for part in chunks(values):
                    collect(fk.parent.in_(part))
    if table.name in ABOUT_COLUMNS:
        kind, about = ABOUT_COLUMNS[table.name]
        ids: list[Any] = list(keys)
        if table.name != "sync_conflict":
            try:
                ids = [uuid.UUID(k) for k in keys]
            except ValueError:
                ids = []  # a record with a key of more columns has no history
        for part in chunks(ids):
            collect((table.table.c[kind] == target.name) & table.table.c[about].in_(part))
    return found


def referred(
    connection: Connection, table: SyncTable, keys: Sequence[str], column: str
) -> set[str]:
    """The values of `column` (a single-column reference) in these rows of `table`, as row
    keys."""
    found: set[str] = set()
    for part in chunks(list(keys)):
        rows = connection.execute(select(table.table.c[column]).where(_with_keys(table, part)))
        found |= {
            value.hex if isinstance(value, uuid.UUID) else str(value)
            for (value,) in rows
            if value is not None
        }
    return found


def held(connection: Connection, table: SyncTable, keys: Sequence[str]) -> set[str]:
    """Which of these rows of `table` are here (the same question, on the laptop)."""
    return shown(connection, table, keys)


def kept(connection: Connection, setting: str = KEPT_SETTING) -> dict[str, set[str]]:
    """{table: keys} of the moved rows kept here for a change of this user's that waits
    (HELD_SETTING: the changes held back with them)."""
    value = connection.scalar(select(AppSetting.value).where(AppSetting.key == setting))
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(name): {str(k) for k in keys} for name, keys in found.items()}


def keep(connection: Connection, rows: Mapping[str, set[str]], setting: str = KEPT_SETTING) -> None:
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    value = json.dumps({n: sorted(k) for n, k in sorted(rows.items()) if k}, sort_keys=True)
    statement = sqlite_insert(AppSetting).values(key=setting, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
    )


def waiting_moved(connection: Connection, mine: Sequence[str], area_of: Any) -> int:
    """The changes waiting here in rows that moved to an area the user does not see, or held
    back with them, whose area here is still one of `mine` (uuid hex; those elsewhere are
    counted by their area). `area_of(connection, table, keys)`: {key: area hex} as the
    server's rights find it. Reads only the outbox entries of those rows (a few)."""
    from gebiedsapp.storage.repositories.sync_local import outbox_keys
    from gebiedsapp.storage.sync_tables import by_name

    rows = kept(connection)
    for name, keys in kept(connection, HELD_SETTING).items():
        rows.setdefault(name, set()).update(keys)
    count = 0
    for name, keys in rows.items():
        table = by_name().get(name)
        if table is None:
            continue
        waiting = sorted(outbox_keys(connection, name, sorted(keys)))
        if not waiting:
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
