"""A pull's bulk write changes the summaries' data version once, not per row.

The summaries' version triggers (`storage.summary_version`, migration 0017) run four small
statements for every row written: measured on a pull of 10,000 conversations they were
about a quarter of the laptop's own time, more than the full-text index, the indexes and the
sync triggers together. While a pull writes a batch by its one INSERT … SELECT
(`sync_write.staged`) it sets `sync_state.applying` to `BULK` (2); migration 0020 gives
those triggers a WHEN that skips them then, and the pull changes the global version once
instead, which is part of every reading (`summary_version.read_version`): every kept figure
is counted again at its next reading, as after any other write, only coarser. The sync
triggers (`applying = 0`) are skipped at 1 and 2 alike; the full-text triggers always run.

The rewrite works on the triggers' SQL as stored, so whatever body a migration gave them is
kept; only the WHEN is added (or taken away on a downgrade). `summary_version.install` adds it
to every trigger it makes, so a later migration's triggers skip too.
"""

from __future__ import annotations

from typing import Any

APPLYING = 1  # sync_state.applying inside a pull's transaction (the triggers record nothing)
BULK = 2  # ... during its one-statement bulk write (the summaries' triggers skip too)
SKIP = f"coalesce((SELECT applying FROM sync_state WHERE id = 1), 0) < {BULK}"
PREFIX = "summary_version_"  # storage.summary_version.trigger_name


def with_skip(sql: str) -> str:
    """A trigger's CREATE statement with the bulk skip in its WHEN (unchanged if there). A WHEN
    of its own is bracketed first: `a OR b AND skip` would still run on `a`."""
    if SKIP in sql:
        return sql
    head, sep, body = sql.partition(" BEGIN ")
    if not sep:
        raise ValueError(f"not a trigger with a body: {sql[:80]}")
    at = head.upper().find(" WHEN ")
    if at < 0:
        return f"{head} WHEN {SKIP}" + sep + body
    return f"{head[:at]} WHEN ({head[at + 6 :]}) AND {SKIP}" + sep + body


def without_skip(sql: str) -> str:
    """The statement as it was before `with_skip`."""
    head, sep, body = sql.partition(" BEGIN ")
    if head.endswith(f" WHEN {SKIP}") and not head.endswith(f") AND {SKIP}"):
        return head[: -len(f" WHEN {SKIP}")] + sep + body
    suffix = f") AND {SKIP}"
    at = head.upper().find(" WHEN (")
    if head.endswith(suffix) and at >= 0:
        return f"{head[:at]} WHEN {head[at + 7 : -len(suffix)]}" + sep + body
    return sql


def rewrite(connection: Any, *, skip: bool) -> int:
    """Give the summaries' version triggers the bulk skip (or take it away); SQLite only.
    `connection`: a SQLAlchemy Connection. The number of triggers rewritten."""
    if connection.dialect.name != "sqlite":
        return 0
    rows = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).all()
    changed = 0
    for name, sql in rows:
        if not str(name).startswith(PREFIX):
            continue
        new = with_skip(sql) if skip else without_skip(sql)
        if new != sql:
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
            connection.exec_driver_sql(new)
            changed += 1
    return changed


def bump(connection: Any) -> None:
    """Change the global summary version once (after a bulk write that skipped the per-row
    triggers); nothing where the version table does not exist."""
    present = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'summary_version'"
    ).first()
    if present is not None:
        connection.exec_driver_sql("UPDATE summary_version SET version = random() WHERE id = 1")
