"""Keeping the earlier version of a finalised record when it is edited.

A correction never destroys what was recorded: before the fields change, the old and new value
of each changed field are written to `record_version`, with who and when. History is append-only.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import RecordVersion, Tracked, utcnow
from gebiedsapp.storage.repositories.drafts import DraftRepository


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(_plain(v) for v in value)
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for each field whose plain value differs."""
    return {
        key: [_plain(before.get(key)), _plain(after[key])]
        for key in after
        if _plain(before.get(key)) != _plain(after[key])
    }


def keep_version(
    session: Session,
    *,
    record_type: str,
    record_id: uuid.UUID,
    version: int,
    changes: dict[str, list[Any]],
) -> RecordVersion | None:
    """Write one history entry; nothing when nothing changed."""
    if not changes:
        return None
    entry = RecordVersion(
        record_type=record_type,
        record_id=record_id,
        version=version,
        changed_by=str(session.info.get("actor", "")),
        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
    )
    session.add(entry)
    return entry


def finish_edit(
    session: Session,
    row: Tracked,
    *,
    record_type: str,
    version: int,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    draft_id: uuid.UUID | None,
) -> None:
    """The end of every edit of a finalised record: keep what changed, drop the form's draft
    (in the same transaction), write. A change only to linked rows (themes, milestones) still
    gives the record a new version and time of change, so sync and the form see it changed."""
    changes = changed_fields(before, after)
    keep_version(
        session, record_type=record_type, record_id=row.id, version=version, changes=changes
    )
    if changes:
        row.updated_at = utcnow()  # an UPDATE of the row itself, which raises its version
    if draft_id is not None:
        DraftRepository(session).delete(draft_id)
    session.flush()


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    changed_at: datetime
    changed_by: str
    changes: dict[str, list[Any]]


def history(session: Session, record_type: str, record_id: uuid.UUID) -> list[HistoryEntry]:
    """Every earlier version of a record, oldest first."""
    return [
        HistoryEntry(v.version, v.changed_at, v.changed_by, json.loads(v.changes))
        for v in DraftRepository(session).versions(record_type, record_id)
    ]
