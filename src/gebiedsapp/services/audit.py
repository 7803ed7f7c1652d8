"""The audit log: entering what the session hook cannot see (exports, prints, imports, the
opening of the database) and checking that the chain is whole.

Creates, updates and deletes of records are entered by `storage.audit.record_changes` on every
flush, so no service can forget them. Entries never hold the values of fields, only their names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction, AuditEntry, AuditHead
from gebiedsapp.domain.audit import GENESIS
from gebiedsapp.storage.audit import Event, append, entry_hash

# how many entries `verify_chain` reads per round trip
_BATCH = 2000


def note(
    session: Session,
    action: AuditAction,
    *,
    record_type: str = "",
    record_id: str = "",
    fields: Sequence[str] = (),
    detail: str = "",
) -> None:
    """Enter one event in the session's transaction (committed with the unit of work)."""
    append(session, [Event(action, record_type, record_id, tuple(fields), detail)])


@dataclass(frozen=True)
class ChainCheck:
    entries: int  # entries read
    broken_at: int | None  # seq of the first entry that does not fit; None when whole
    reason: str  # Dutch, for the user; "" when whole

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session) -> ChainCheck:
    """Walk the log in order: each entry must name the hash of the one before it and hash to
    its own; the head must name the last entry and count them all.

    The head is read first and only the entries it counts are checked: another instance may
    append while this runs, and its new entries are not damage."""
    head = session.get(AuditHead, 1)
    head_entries, head_hash = (head.entries, head.hash) if head else (0, GENESIS)
    previous = GENESIS
    last_seq = 0
    count = 0
    query = (
        select(AuditEntry)
        .order_by(AuditEntry.seq)
        .limit(head_entries)
        .execution_options(yield_per=_BATCH)
    )
    for entry in session.scalars(query):
        count += 1
        if entry.prev_hash != previous:
            what = "de regel ervoor ontbreekt of is gewijzigd" if count > 1 else "het begin"
            return ChainCheck(
                count,
                entry.seq,
                f"Regel {entry.seq} past niet op de vorige ({what}).",
            )
        expected = entry_hash(
            entry.prev_hash,
            entry.at,
            entry.actor,
            str(entry.action.value),
            entry.record_type,
            entry.record_id,
            entry.fields,
            entry.detail,
        )
        if expected != entry.hash:
            return ChainCheck(count, entry.seq, f"Regel {entry.seq} is na het schrijven gewijzigd.")
        previous = entry.hash
        last_seq = entry.seq
    if head_entries != count or head_hash != previous:
        missing = head_entries - count
        reason = (
            f"Na regel {last_seq} ontbreken {missing} regel(s)."
            if missing > 0
            else "Het einde van het auditlog klopt niet met de kop."
        )
        return ChainCheck(count, last_seq + 1, reason)
    return ChainCheck(count, None, "")


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: str
    fields: tuple[str, ...]
    detail: str


def entries_for(session: Session, record_type: str, record_id: str) -> list[AuditLine]:
    """What happened to one record, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.seq)
    )
    return [
        AuditLine(
            e.seq,
            e.at,
            e.actor,
            e.action,
            e.record_type,
            e.record_id,
            tuple(f for f in e.fields.split(",") if f),
            e.detail,
        )
        for e in session.scalars(query)
    ]
