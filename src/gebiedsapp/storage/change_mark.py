"""A cheap mark of a database's content, kept beside each backup, so that a start can tell
whether the database changed since a backup without reading (or hashing) the whole file.

The mark is a digest of what moves whenever records change, each read through an index in
well under a millisecond whatever the size:

- the newest audit entry that is not a mere reading (every create, update, delete, import,
  erasure, retention and re-encryption is entered; the app's opening, exports and prints are
  not changes of the data, and every start enters an opening);
- the newest row of the sync outbox (its triggers see every write of a synced table, also the
  bulk ones that bypass the audit hook: demo data), the sync state (a sync's end) and the
  pull's cursors (each batch a pull writes moves one: it writes below the audit and the
  outbox, and a sync that stops halfway has not written its end);
- the schema (its revision and SQLite's schema counter) and the settings (a few rows);
- the key's salt (a re-encrypted or new database).

Drafts (typing in progress) are not part of it: they alone are no reason for a new copy.
A mark that cannot be read (an older schema without some of these tables) reads as None for
that part; a backup without a mark file is never taken as current.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from gebiedsapp.domain.enums import AuditAction
from gebiedsapp.storage.crypto import DatabaseKey, connect_file, database_errors

log = logging.getLogger(__name__)

MARK_SUFFIX = ".merk"  # beside `<backup>.db`: `<backup>.db.merk`, one line, the digest
_READING = tuple(a.value for a in (AuditAction.OPEN, AuditAction.EXPORT, AuditAction.PRINT))
_PARTS = (
    "SELECT version_num FROM alembic_version",
    "PRAGMA schema_version",
    "SELECT seq, hash FROM audit_log WHERE action NOT IN "
    f"({', '.join(repr(a) for a in _READING)}) ORDER BY seq DESC LIMIT 1",
    "SELECT max(rowid) FROM sync_outbox",
    "SELECT * FROM sync_state",
    "SELECT table_name, seq FROM sync_cursor ORDER BY table_name",
    "SELECT key, value FROM app_setting ORDER BY key",
)


def change_mark(connection: Any, salt: bytes | None) -> str:
    """The mark of what `connection` (a DB-API connection, read transaction open or not) sees."""
    parts: list[Any] = [salt.hex() if salt else None]
    for sql in _PARTS:
        try:
            parts.append([list(row) for row in connection.execute(sql).fetchall()])
        except database_errors():  # a table this schema does not have yet
            parts.append(None)
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()


def mark_of_file(path: Path, key: DatabaseKey | None) -> str:
    """The mark of the database file at `path` (read-only; its WAL is read too)."""
    connection = connect_file(f"{path.as_uri()}?mode=ro", key, uri=True)
    try:
        return change_mark(connection, key.salt if key is not None else None)
    finally:
        connection.close()


def mark_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MARK_SUFFIX)


def write_mark(backup: Path, mark: str) -> None:
    """Keep `mark` beside `backup`. Best effort: without it, the next start makes a copy."""
    try:
        mark_path(backup).write_text(mark + "\n", encoding="ascii")
    except OSError as exc:
        log.warning("mark of backup %s not written: %s", backup, exc)


def read_mark(backup: Path) -> str | None:
    try:
        return mark_path(backup).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None
