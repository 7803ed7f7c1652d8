"""The one write path of a new signal: the form's (`create_signal`), a split's children and
the import's rows all go through `write_signals`.

It is a plain INSERT of all rows at once (an import may bring 200,000), so it does what the
session's flush hook would have done: the stamps (created/updated at and by), the row version
and the audit. One signal, or a few children, are entered one by one with the names of the
fields they were given; an import is entered once, for the lot (`import_detail`). The sync's
change tracking (SQLite triggers) sees every row. Changes after creation go through the ORM
(`services.signals`' change functions), which the flush hook enters and which append to the
signal's history.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction, Signal, SignalStatus, utcnow
from gebiedsapp.services import audit
from gebiedsapp.storage.repositories.signals import SignalRepository

RECORD_TYPE = "signal"
BOOKKEEPING = ("id", "created_at", "updated_at", "created_by", "updated_by", "version")
# The columns a new signal is given (the rest keep their defaults), in the table's order.
COLUMNS: tuple[str, ...] = tuple(
    c.name for c in Signal.__table__.columns if c.name not in (*BOOKKEEPING, "deleted_at")
)
NEW: dict[str, Any] = {
    "status": SignalStatus.GEMELD,
    "closed_on": None,
    "parent_id": None,
    "conversation_id": None,
    "contact_id": None,
    "buurt_code": None,
    "location": "",
    "latitude": None,
    "longitude": None,
    "partner_id": None,
    "wants_feedback": False,
}


def write_signals(
    session: Session,
    rows: Sequence[Mapping[str, Any]],
    *,
    import_detail: str | None = None,
) -> list[uuid.UUID]:
    """Insert new signals (Gemeld) from checked, cleaned values; their ids, in order.

    Each row gives the signal's columns (area_id, description, category_id, source, priority,
    reported_on and deadline at least); the checks are the caller's. With `import_detail` the
    audit log has one IMPORT entry with that text, else one CREATE entry per signal.
    """
    if not rows:
        return []
    session.flush()  # ORM changes still pending go first (a split's parent, say)
    actor = str(session.info.get("actor", ""))
    stamp = utcnow()
    stamps = {"created_by": actor, "updated_by": actor, "version": 1}
    values = []
    for number, row in enumerate(rows):
        unknown = set(row) - set(COLUMNS)
        if unknown:
            raise KeyError(f"not a signal column: {sorted(unknown)}")
        # one microsecond apart: lists ordered by creation keep the order they were given in
        # (a split's parts as typed, an import's rows as in the file)
        at = stamp + timedelta(microseconds=number)
        values.append(
            {"id": uuid.uuid4(), "created_at": at, "updated_at": at, **stamps, **NEW, **row}
        )
    SignalRepository(session).insert_signals(values)
    if import_detail is not None:
        audit.note(session, AuditAction.IMPORT, record_type=RECORD_TYPE, detail=import_detail)
    else:
        for row, written in zip(rows, values, strict=True):
            names = [c for c in COLUMNS if c in row or c == "status"]
            audit.note(
                session, AuditAction.CREATE, record_type=RECORD_TYPE,
                record_id=written["id"].hex, fields=names,
            )  # fmt: skip
    return [v["id"] for v in values]
