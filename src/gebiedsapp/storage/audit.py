"""Writing and checking the hash-chained audit log (see `domain.audit`).

`record_changes` runs before every flush and enters each created, changed and deleted record
(a soft delete counts as a delete) with the names of the fields that changed, never their
values. `append` is the one writer: it takes the chain's head row first (in SQLite that is the
write lock, so no other process extends the chain meanwhile), then inserts the entries, each
hashed over the one before, and moves the head on, all in the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import instance_state

from gebiedsapp.domain.audit import AuditEntry, AuditHead
from gebiedsapp.domain.base import Tracked, utcnow
from gebiedsapp.domain.enums import AuditAction
from gebiedsapp.storage.crypto import driver_errors

# Not entered: the log itself, drafts (typing in progress, saved every few seconds) and the
# earlier versions of records (themselves a trail of the edits that are entered).
NOT_AUDITED = frozenset({"audit_log", "audit_head", "draft", "record_version"})
# Bookkeeping columns every record has: changing them is not what anybody did.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "created_by", "updated_by", "version"})

NO_HEAD = "audit_head has no row: the database was not migrated (0006 makes it)"
_log = cast(Table, AuditEntry.__table__)
_head = cast(Table, AuditHead.__table__)
# Built once: this runs on every save (the koffiekar hot path included).
_TAKE_HEAD = (
    update(_head)
    .where(_head.c.id == 1)
    .values(entries=_head.c.entries)
    .returning(_head.c.entries, _head.c.hash)
)
_INSERT_ENTRIES = insert(_log)
_MOVE_HEAD = (
    update(_head)
    .where(_head.c.id == 1)
    .values(entries=bindparam("new_entries"), hash=bindparam("new_hash"))
)


@dataclass(frozen=True)
class Event:
    """One thing to enter in the log."""

    action: AuditAction
    record_type: str = ""
    record_id: str = ""
    fields: Sequence[str] = ()
    detail: str = ""


def entry_hash(
    prev_hash: str,
    at: datetime,
    actor: str,
    action: str,
    record_type: str,
    record_id: str,
    fields: str,
    detail: str,
) -> str:
    """SHA-256 over the previous hash and every column of the entry, in a fixed encoding."""
    payload = json.dumps(
        [prev_hash, at.isoformat(), actor, action, record_type, record_id, fields, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def take_write_lock(session: Session) -> None:
    """Start writing now (a no-op update of the audit head): in SQLite this takes the write
    lock, so what the caller reads next is not changed by another instance before it writes."""
    session.connection().execute(
        update(_head).where(_head.c.id == 1).values(entries=_head.c.entries)
    )


def append(session: Session, events: Iterable[Event]) -> int:
    """Enter `events` at the end of the chain, in the session's transaction; how many."""
    items = list(events)
    if not items:
        return 0
    connection = session.connection()
    actor = str(session.info.get("actor", ""))
    at = utcnow()
    if connection.dialect.name == "sqlite":
        return _append_sqlite(connection.connection.driver_connection, items, actor, at)
    # one statement takes the write lock and reads the head under it
    head = connection.execute(_TAKE_HEAD).first()
    if head is None:
        raise RuntimeError(NO_HEAD)
    rows = _chained(items, str(head[1]), actor, at)
    connection.execute(_INSERT_ENTRIES, [row._asdict() for row in rows])
    connection.execute(
        _MOVE_HEAD, {"new_entries": int(head[0]) + len(rows), "new_hash": rows[-1].hash}
    )
    return len(rows)


class _Row(NamedTuple):
    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: str
    fields: str
    detail: str
    prev_hash: str
    hash: str


def _chained(items: Sequence[Event], previous: str, actor: str, at: datetime) -> list[_Row]:
    rows: list[_Row] = []
    for event in items:
        fields = ",".join(sorted(set(event.fields)))
        digest = entry_hash(
            previous,
            at,
            actor,
            event.action.value,
            event.record_type,
            event.record_id,
            fields,
            event.detail,
        )
        rows.append(
            _Row(
                at,
                actor,
                event.action,
                event.record_type,
                event.record_id,
                fields,
                event.detail,
                previous,
                digest,
            )
        )
        previous = digest
    return rows


# SQLite, the laptops' database: the same three statements straight on the driver, as every
# save of the koffiekar afternoon pays for them (bench save_conversation). `at` is written as
# SQLAlchemy writes a DateTime there (naive UTC, microseconds), so both read back the same.
_SQLITE_TAKE = "UPDATE audit_head SET entries = entries WHERE id = 1 RETURNING entries, hash"
_SQLITE_INSERT = (
    "INSERT INTO audit_log (at, actor, action, record_type, record_id, fields, detail, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SQLITE_MOVE = "UPDATE audit_head SET entries = ?, hash = ? WHERE id = 1"


def _append_sqlite(driver: Any, items: Sequence[Event], actor: str, at: datetime) -> int:
    cursor = driver.cursor()
    statement = _SQLITE_TAKE
    try:
        head = cursor.execute(statement).fetchone()
        if head is None:
            raise RuntimeError(NO_HEAD)
        rows = _chained(items, str(head[1]), actor, at)
        stamp = at.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        statement = _SQLITE_INSERT
        cursor.executemany(
            statement,
            [
                (
                    stamp,
                    r.actor,
                    r.action.value,
                    r.record_type,
                    r.record_id,
                    r.fields,
                    r.detail,
                    r.prev_hash,
                    r.hash,
                )
                for r in rows
            ],
        )
        statement = _SQLITE_MOVE
        cursor.execute(statement, (int(head[0]) + len(rows), rows[-1].hash))
    except driver_errors() as error:
        # as SQLAlchemy would have raised it: callers handle OperationalError and kin (locked
        # database, disk full, read-only file) the same way for every statement
        base = next(kind for kind in driver_errors() if isinstance(error, kind))
        raise DBAPIError.instance(statement, None, error, base) from error
    finally:
        cursor.close()
    return len(rows)


def _record_id(obj: Any) -> str:
    """The primary key as text (uuid hex); set before the insert, so known for new records."""
    values = instance_state(obj).mapper.primary_key_from_instance(obj)
    return ",".join(v.hex if isinstance(v, uuid.UUID) else str(v) for v in values if v is not None)


def _changed_fields(obj: Any) -> list[str]:
    state = instance_state(obj)
    return [
        attr.key
        for attr in state.attrs
        if attr.key not in BOOKKEEPING and attr.history.has_changes()
    ]


def _changes(session: Session) -> Iterator[Event]:
    for obj in session.new:
        table = getattr(obj, "__tablename__", "")
        if not table or table in NOT_AUDITED:
            continue
        if isinstance(obj, Tracked) and getattr(obj, "id", None) is None:
            obj.id = uuid.uuid4()  # what the column default would do at insert, now
        fields = [f for f in _changed_fields(obj) if f != "deleted_at"]
        yield Event(AuditAction.CREATE, table, _record_id(obj), fields)
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", "")
        if not table or table in NOT_AUDITED or not session.is_modified(obj):
            continue
        fields = _changed_fields(obj)
        if not fields:
            continue
        deleted = "deleted_at" in fields and getattr(obj, "deleted_at", None) is not None
        action = AuditAction.DELETE if deleted else AuditAction.UPDATE
        yield Event(action, table, _record_id(obj), fields)
    for obj in session.deleted:
        table = getattr(obj, "__tablename__", "")
        if table and table not in NOT_AUDITED:
            yield Event(AuditAction.DELETE, table, _record_id(obj))


def record_changes(session: Session, _context: Any, _instances: Any) -> None:
    """The before_flush hook: every record created, changed or deleted in this flush.

    An erasure on request (services.subject_access) sets `audit_suppress` for its own flushes:
    the log then says that an erasure happened, not which records it touched."""
    if session.info.get("audit_suppress"):
        return
    with session.no_autoflush:
        append(session, list(_changes(session)))
