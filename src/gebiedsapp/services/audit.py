"""The audit log: entering what the session hook cannot see (exports, prints, imports, the
opening of the database) and checking that the chain is whole.

Creates, updates and deletes of records are entered by `storage.audit.record_changes` on every
flush, so no service can forget them. Entries never hold the values of fields, only their names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from gebiedsapp.domain.audit import GENESIS, AuditEntry
from gebiedsapp.domain.enums import AuditAction
from gebiedsapp.storage.audit import Event, append, entry_hash, on_damage

__all__ = ["on_damage"]  # re-exported: the window and the command line listen through here

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


@contextmanager
def damage_notices(listener: Callable[[str], None]) -> Iterator[None]:
    """While the block runs, tell `listener` (Dutch) when a write finds the log damaged."""
    stop = on_damage(listener)
    try:
        yield
    finally:
        stop()


@dataclass(frozen=True)
class ChainCheck:
    entries: int  # entries read
    broken_at: int | None  # seq of the first entry that does not fit; None when whole
    reason: str  # Dutch, for the user; "" when whole
    damage: tuple[str, ...] = ()  # damage found by an earlier write and entered (Dutch)

    @property
    def whole(self) -> bool:
        return self.broken_at is None

    @property
    def ok(self) -> bool:
        """Whole, and never found damaged: what an auditor may sign off without asking."""
        return self.whole and not self.damage


# Head and rows read in one statement: one snapshot, also while another instance appends.
_SNAPSHOT = text(
    "SELECT (SELECT entries FROM audit_head WHERE id = 1), "
    "(SELECT hash FROM audit_head WHERE id = 1), (SELECT max(seq) FROM audit_log)"
)


def _damage_line(entry: AuditEntry) -> str:
    when = entry.at.astimezone().strftime("%d-%m-%Y %H:%M")
    return f"regel {entry.seq} ({when}): {entry.detail}"


def verify_chain(session: Session) -> ChainCheck:
    """Walk the log in order: each entry must name the hash of the one before it and hash to
    its own; the head must be there, count every entry and name the last one. Entries that
    an earlier write made when it found the log damaged are reported as well.

    The head and the last entry are read in one snapshot and only the entries up to it are
    checked: another instance may append while this runs, and its new entries are no damage.
    """
    head_entries, head_hash, last = session.execute(_SNAPSHOT).one()
    previous = GENESIS
    last_seq = 0
    count = 0
    at_head: int | None = None  # the seq of the entry the head counts up to
    damage: list[str] = []
    query = (
        select(AuditEntry)
        .where(AuditEntry.seq <= (last or 0))
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=_BATCH)
    )
    for entry in session.scalars(query):
        count += 1
        if entry.prev_hash != previous:
            what = "de regel ervoor ontbreekt of is gewijzigd" if count > 1 else "het begin"
            return ChainCheck(
                count, entry.seq, f"Regel {entry.seq} past niet op de vorige ({what}).",
                tuple(damage),
            )  # fmt: skip
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
            return ChainCheck(
                count,
                entry.seq,
                f"Regel {entry.seq} is na het schrijven gewijzigd.",
                tuple(damage),
            )
        if entry.action is AuditAction.DAMAGE:
            damage.append(_damage_line(entry))
        previous = entry.hash
        last_seq = entry.seq
        if count == head_entries:
            at_head = entry.seq
    found = tuple(damage)
    if head_entries is None:
        return ChainCheck(
            count,
            last_seq + 1,
            f"De kop van het auditlog ontbreekt (er zijn {count} regels); de keten kan niet "
            "worden nagelopen tot het einde.",
            found,
        )
    if head_entries < count:
        extra = count - head_entries
        return ChainCheck(
            count,
            (at_head or 0) + 1,
            f"Na regel {at_head or 0} staan {extra} regel(s) die de kop niet kent: buiten de "
            "app om toegevoegd.",
            found,
        )
    if head_entries > count:
        missing = head_entries - count
        return ChainCheck(
            count, last_seq + 1, f"Na regel {last_seq} ontbreken {missing} regel(s).", found
        )
    if head_hash != previous:
        return ChainCheck(
            count, last_seq + 1, "Het einde van het auditlog klopt niet met de kop.", found
        )
    return ChainCheck(count, None, "", found)


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
