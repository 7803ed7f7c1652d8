"""Writing and checking the hash-chained audit log (see `domain.audit`).

`record_changes` runs before every flush and enters each created, changed and deleted record
(a soft delete counts as a delete) with the names of the fields that changed, never their
values. `append` is the one writer: it takes the chain's head row first (in SQLite that is the
write lock, so no other process extends the chain meanwhile), then inserts the entries, each
hashed over the one before, and moves the head on, all in the caller's transaction.

A head that does not fit the rows (deleted, rewritten, or rows slipped in after it outside the
app) is damage. Writing then goes on: refusing every save would stop the team's work (and its
logging) until someone repairs the file by hand, which is what an auditor wants least. Instead
the first entry written is a DAMAGE entry that says what was found (the head's count and hash
against the rows'), chained onto the last row that is really there, and the head is set on
it; `services.audit.verify_chain` reports that entry for good, so the damage can never be
healed quietly, and the listeners of `on_damage` (the window, the command line) tell the user.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history, instance_state
from sqlalchemy.orm.base import PASSIVE_NO_INITIALIZE

from gebiedsapp.domain.audit import GENESIS, AuditEntry, AuditHead
from gebiedsapp.domain.base import Tracked, utcnow
from gebiedsapp.domain.enums import AuditAction
from gebiedsapp.storage.crypto import driver_errors
from gebiedsapp.storage.text_guard import readable

# Not entered: the log itself, drafts (typing in progress, saved every few seconds) and the
# earlier versions of records (themselves a trail of the edits that are entered).
NOT_AUDITED = frozenset({"audit_log", "audit_head", "draft", "record_version"})
# Bookkeeping columns every record has: changing them is not what anybody did.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "created_by", "updated_by", "version"})

log = logging.getLogger(__name__)
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
_LAST = select(_log.c.seq, _log.c.hash).order_by(_log.c.seq.desc()).limit(1)
_COUNT = select(func.count()).select_from(_log)
MISSING = -1  # the entries of the placeholder head written when the head row is gone

_listeners: list[Callable[[str], None]] = []
_listeners_lock = threading.Lock()


def on_damage(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call `listener` with a Dutch message when a write finds the log damaged (from the
    writing thread, inside its flush: keep it short); returns the function that stops it."""
    with _listeners_lock:
        _listeners.append(listener)

    def stop() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return stop


def damage_message(found: str) -> str:
    return (
        f"Het auditlog is beschadigd aangetroffen: {found}. Dit is in het auditlog vastgelegd "
        "en het werk gaat gewoon door. Meld het aan de beheerder: die kan met 'gebiedsapp "
        "audit verify' nagaan wat er is gebeurd."
    )


def _tell(found: str) -> None:
    log.warning("audit log damaged: %s", found)
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(damage_message(found))
        except Exception:  # a listener never stops the write that found the damage
            log.exception("audit damage listener failed")


def _check_head(
    head: tuple[Any, Any], last: tuple[Any, Any] | None, count: Callable[[], int]
) -> tuple[int, str, str]:
    """(entries, hash) to chain on, and what is wrong with the head ("" when it fits)."""
    entries, head_hash = int(head[0]), str(head[1])
    last_seq, last_hash = (int(last[0]), str(last[1])) if last is not None else (0, GENESIS)
    if entries != MISSING and head_hash == last_hash:
        return entries, head_hash, ""
    total = count()
    if entries == MISSING:
        found = f"de kop ontbrak; er zijn {total} regel(s), de laatste is regel {last_seq}"
    else:
        found = (
            f"de kop telde {entries} regel(s) tot hash {head_hash[:12]}, maar er zijn {total} "
            f"regel(s) en de laatste, regel {last_seq}, heeft hash {last_hash[:12]}"
        )
    return total, last_hash, found


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
    if head is None:  # the head row is gone: a placeholder, which also takes the lock
        connection.execute(insert(_head).values(id=1, entries=MISSING, hash=""))
        head = connection.execute(_TAKE_HEAD).one()
    last = connection.execute(_LAST).first()
    entries, previous, found = _check_head(
        (head[0], head[1]),
        None if last is None else (last[0], last[1]),
        lambda: int(connection.execute(_COUNT).scalar_one()),
    )
    if found:
        items = [Event(AuditAction.DAMAGE, "audit_log", detail=found), *items]
    rows = _chained(items, previous, actor, at)
    connection.execute(_INSERT_ENTRIES, [row._asdict() for row in rows])
    connection.execute(_MOVE_HEAD, {"new_entries": entries + len(rows), "new_hash": rows[-1].hash})
    if found:
        _tell(found)
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
        if not event.detail.isascii():  # a file name the system could not decode, say
            event = replace(event, detail=readable(event.detail))
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
_SQLITE_LAST = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
_SQLITE_COUNT = "SELECT count(*) FROM audit_log"
_SQLITE_PLACEHOLDER = (
    f"INSERT OR IGNORE INTO audit_head (id, entries, hash) VALUES (1, {MISSING}, '')"
)


def _append_sqlite(driver: Any, items: Sequence[Event], actor: str, at: datetime) -> int:
    cursor = driver.cursor()
    statement = _SQLITE_TAKE
    found = ""
    try:
        head = cursor.execute(statement).fetchone()
        if head is None:  # the head row is gone: a placeholder, which also takes the lock
            statement = _SQLITE_PLACEHOLDER
            cursor.execute(statement)
            statement = _SQLITE_TAKE
            head = cursor.execute(statement).fetchone()
        statement = _SQLITE_LAST
        last = cursor.execute(statement).fetchone()
        statement = _SQLITE_COUNT
        entries, previous, found = _check_head(
            head, last, lambda: int(cursor.execute(_SQLITE_COUNT).fetchone()[0])
        )
        if found:
            items = [Event(AuditAction.DAMAGE, "audit_log", detail=found), *items]
        rows = _chained(items, previous, actor, at)
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
        cursor.execute(statement, (entries + len(rows), rows[-1].hash))
    except driver_errors() as error:
        # as SQLAlchemy would have raised it: callers handle OperationalError and kin (locked
        # database, disk full, read-only file) the same way for every statement
        base = next(kind for kind in driver_errors() if isinstance(error, kind))
        raise DBAPIError.instance(statement, None, error, base) from error
    finally:
        cursor.close()
    if found:
        _tell(found)
    return len(rows)


def _record_id(obj: Any) -> str:
    """The primary key as text (uuid hex); set before the insert, so known for new records."""
    values = instance_state(obj).mapper.primary_key_from_instance(obj)
    return ",".join(v.hex if isinstance(v, uuid.UUID) else str(v) for v in values if v is not None)


def _changed_fields(obj: Any) -> list[str]:
    """The fields changed, in the mapping's order. Each history is asked of the attribute
    itself: `inspect(obj).attrs` keeps an AttributeState per field that points back at the
    object's state, a reference cycle that only a garbage collection frees; a flush of 5690
    residents (a retention) left 110k such objects for the GUI thread's collection (issue 19)."""
    state = instance_state(obj)
    return [
        key
        for key in state.manager
        if key not in BOOKKEEPING and get_history(obj, key, PASSIVE_NO_INITIALIZE).has_changes()
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
