"""Change tracking for team sync: which rows a laptop changed since it last agreed with the
server (docs/sync-design.md).

SQLite triggers on every synced table enter the changed row's key in `sync_outbox`, so every
write is seen whatever path it took (an ORM flush, the conversation's prepared statements, a
bulk import, demo data, an erasure). A pull sets `sync_state.applying` inside its own
transaction, so what it writes is not entered as a local change. Migrations call
`track_table` for each new synced table; `tests/storage/test_sync_tracking.py` checks that
every table of the model is either tracked or named in `NOT_SYNCED`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

# Device bookkeeping, typing in progress and the hash chain of this laptop's own log: never
# synced. (The server keeps its own audit of pushes: sync_push_log.)
NOT_SYNCED = frozenset(
    {
        "alembic_version",
        "app_setting",
        "audit_head",
        "audit_log",
        "draft",
        "sync_base",
        "sync_cursor",
        "sync_exchange_base",
        "sync_outbox",
        "sync_push_log",
        "sync_row",
        "sync_state",
        "summary_version",  # the summaries' data version (storage.summary_version)
        "summary_area_version",  # and per area (migration 0017)
        "summary_part_version",  # and per area and part (migration 0018)
        "summary_round_version",  # and per koffiekar round (migration 0021)
    }
)
KEY_SEPARATOR = "|"

# The bookkeeping tables of migration 0009, for Core statements. Not on the models' metadata:
# the laptop's exist only in SQLite, the server's only in PostgreSQL.
BOOKKEEPING = MetaData()
sync_state = Table(
    "sync_state",
    BOOKKEEPING,
    Column("id", Integer, primary_key=True),
    Column("device_id", Uuid),
    Column("applying", Integer, nullable=False),
    Column("last_sync_at", DateTime),
    Column("server", String(500), nullable=False),
)
sync_outbox = Table(
    "sync_outbox",
    BOOKKEEPING,
    Column("table_name", String(64), primary_key=True),
    Column("row_key", String(200), primary_key=True),
    Column("tick", Integer, nullable=False),
    Column("changed_at", String(32), nullable=False),
)
sync_base = Table(
    "sync_base",
    BOOKKEEPING,
    Column("table_name", String(64), primary_key=True),
    Column("row_key", String(200), primary_key=True),
    Column("server_version", Integer, nullable=False),
    Column("data", Text, nullable=False),
)
sync_cursor = Table(
    "sync_cursor",
    BOOKKEEPING,
    Column("table_name", String(64), primary_key=True),
    Column("seq", BigInteger, nullable=False),
)
sync_exchange_base = Table(
    "sync_exchange_base",
    BOOKKEEPING,
    Column("device", String(32), primary_key=True),
    Column("table_name", String(64), primary_key=True),
    Column("row_key", String(200), primary_key=True),
    Column("data", Text, nullable=False),
)
sync_row = Table(
    "sync_row",
    BOOKKEEPING,
    Column("table_name", String(64), primary_key=True),
    Column("row_key", String(200), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("version", Integer, nullable=False),
    Column("area_id", Uuid),
    Column("personal", Boolean, nullable=False),
    Column("erased", Boolean, nullable=False),
    Column("origin_device", Uuid),
    Column("pushed_by", String(120), nullable=False),
    Column("pushed_at", DateTime(timezone=True), nullable=False),
)
sync_push_log = Table(
    "sync_push_log",
    BOOKKEEPING,
    Column("id", BigInteger, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("pushed_by", String(120), nullable=False),
    Column("device_id", Uuid),
    Column("rows", Integer, nullable=False),
)
# (and the summaries' data versions, migrations 0016-0018: local, not models either)
LAPTOP_TABLES = frozenset(
    {
        "sync_state",
        "sync_outbox",
        "sync_base",
        "sync_cursor",
        "sync_exchange_base",
        "summary_version",
        "summary_part_version",  # (0017's summary_area_version: dropped by 0018)
        "summary_round_version",
    }
)
# sync_left: the move log, sync_left_pruned: how far it was pruned, both made by
# `server setup` (storage.server_moves)
SERVER_TABLES = frozenset({"sync_row", "sync_push_log", "sync_left", "sync_left_pruned"})


def is_bookkeeping_table(name: str) -> bool:
    """A table of migration 0009 (or the server's set-up) that the models do not describe
    (see BOOKKEEPING)."""
    return name in LAPTOP_TABLES or name in SERVER_TABLES


OPERATIONS = ("insert", "update", "delete")


def trigger_name(table: str, operation: str) -> str:
    return f"sync_track_{table}_{operation}"


def key_sql(alias: str, key_columns: Sequence[str]) -> str:
    """The SQL expression of a row's `row_key` (the key columns' text joined with '|')."""
    return f" || '{KEY_SEPARATOR}' || ".join(f"{alias}.{column}" for column in key_columns)


def row_key(values: Sequence[Any]) -> str:
    """A row's key as the triggers write it, from its key columns' values in key order
    (a uuid as its hex, as SQLAlchemy's Uuid type stores it in SQLite)."""
    return KEY_SEPARATOR.join(getattr(value, "hex", None) or str(value) for value in values)


def _trigger_sql(table: str, key_columns: Sequence[str], operation: str) -> str:
    row = "OLD" if operation == "delete" else "NEW"
    return (
        f"CREATE TRIGGER {trigger_name(table, operation)} AFTER {operation.upper()} ON {table} "
        "WHEN coalesce((SELECT applying FROM sync_state WHERE id = 1), 0) = 0 "
        "BEGIN "
        "INSERT INTO sync_outbox (table_name, row_key, tick, changed_at) "
        f"VALUES ('{table}', {key_sql(row, key_columns)}, 1, "
        "strftime('%Y-%m-%d %H:%M:%f', 'now')) "
        "ON CONFLICT (table_name, row_key) DO UPDATE SET tick = tick + 1, "
        "changed_at = excluded.changed_at; "
        "END"
    )


def track_table(execute: Any, dialect: str, table: str, key_columns: Sequence[str]) -> None:
    """Install the triggers of `table` and enter its existing rows as changes (so a laptop's
    first sync pushes what it recorded before sync existed). SQLite only: the server tracks
    changes in `sync_row` as they are pushed. `execute` runs one SQL string (op.execute)."""
    if dialect != "sqlite":
        return
    for operation in OPERATIONS:
        execute(_trigger_sql(table, key_columns, operation))
    execute(
        "INSERT OR IGNORE INTO sync_outbox (table_name, row_key, tick, changed_at) "
        f"SELECT '{table}', {key_sql(table, key_columns)}, 1, "
        f"strftime('%Y-%m-%d %H:%M:%f', 'now') FROM {table}"
    )


def untrack_table(execute: Any, dialect: str, table: str) -> None:
    if dialect != "sqlite":
        return
    for operation in OPERATIONS:
        execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, operation)}")
