"""The summaries' data version: a number that changes whenever a row the summaries count is
written, whatever path wrote it (an ORM flush, the conversation's prepared statements, the
sync pull's INSERT ... SELECT, an erasure, retention, an import, demo data).

SQLite triggers on every table the summary's queries read (`COUNTED_TABLES`) set
`summary_version.version` to a new random number on each insert, update and delete. A summary's
facts computed while the version was V are the facts of every later read that still finds V
(`services.summary_cache`): exact by construction, since they are the same computation over the
same rows. Random rather than counted up: a write rolled back returns a counter to a value that
an uncommitted read may have seen; a random value is not seen twice.

Local only (SQLite): not a model table, not synced (`sync_tracking.NOT_SYNCED`), no sync
triggers; on PostgreSQL nothing is installed and the summaries are computed every time.
`tests/services/test_summary_cache.py` checks that every table the summary reads is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TABLE = "summary_version"

# Every table a summary's facts are read from (found with SQLite's authorizer in the test).
COUNTED_TABLES = (
    "activity",
    "activity_theme",
    "area",
    "area_buurt",
    "assignment",
    "cbs_buurt",
    "contact",
    "contact_theme",
    "conversation",
    "conversation_theme",
    "follow_up",
    "initiative",
    "initiative_milestone",
    "koffiekar_session",
    "meedenker",
    "partner",
    "resident",
    "signal",
    "signal_category",
    "signal_feedback",
    "signal_history",
    "team_member",
    "theme",
)
OPERATIONS = ("insert", "update", "delete")


def trigger_name(table: str, operation: str) -> str:
    return f"summary_version_{table}_{operation}"


def install(execute: Any, dialect: str, *, tables: Sequence[str] = COUNTED_TABLES) -> None:
    """The version table (one row) and the triggers of `tables`. SQLite only. `execute` runs
    one SQL string (op.execute); a migration names its tables (the list as it was then)."""
    if dialect != "sqlite":
        return
    execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)"
    )
    execute(f"INSERT OR REPLACE INTO {TABLE} (id, version) VALUES (1, random())")
    for table in tables:
        for operation in OPERATIONS:
            execute(
                f"CREATE TRIGGER IF NOT EXISTS {trigger_name(table, operation)} "
                f"AFTER {operation.upper()} ON {table} "
                f"BEGIN UPDATE {TABLE} SET version = random() WHERE id = 1; END"
            )


def uninstall(execute: Any, dialect: str, *, tables: Sequence[str] = COUNTED_TABLES) -> None:
    if dialect != "sqlite":
        return
    for table in tables:
        for operation in OPERATIONS:
            execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, operation)}")
    execute(f"DROP TABLE IF EXISTS {TABLE}")


def read_version(connection: Any) -> int | None:
    """The current version, or None where there is none (PostgreSQL, an older schema): then
    nothing may be taken from a cache. `connection` is a SQLAlchemy Connection."""
    if connection.dialect.name != "sqlite":
        return None
    present = connection.exec_driver_sql(
        f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}'"
    ).first()
    if present is None:
        return None
    version = connection.exec_driver_sql(f"SELECT version FROM {TABLE} WHERE id = 1").scalar()
    return None if version is None else int(version)
