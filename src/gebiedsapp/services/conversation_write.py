"""The one write path of a conversation: create and edit go through `write_conversation`.

Both are plain statements (a prepared INSERT or UPDATE on the session's connection, the koffiekar
afternoon's hot path: bench save_conversation), built from the field definitions in
`services.conversation_record`. Because plain statements pass the session's flush hooks, this
is where the bookkeeping happens for both: the stamps (created/updated at and by), the row
version (+1 on every change, and only if nobody changed the row in between), the earlier
version in the history, and the audit entry with the names of the fields that were written.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from gebiedsapp.domain import AuditAction, Conversation, utcnow
from gebiedsapp.services import audit
from gebiedsapp.services.conversation_record import RECORD_FIELDS, InputKind
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.history import changed_fields, keep_version
from gebiedsapp.storage.repositories.drafts import DraftRepository
from gebiedsapp.storage.repositories.koffiekar import KoffiekarRepository

RECORD_TYPE = "conversation"
THEMES_NAME = "themes"
COLUMNS: tuple[str, ...] = tuple(d.column for d in RECORD_FIELDS if d.column is not None)


def _empty(kind: InputKind) -> Any:
    return {InputKind.THEMES: [], InputKind.HANDLING: None, InputKind.LINE: ""}.get(kind, False)


# A new conversation is compared with this: what it was given is what its audit entry names.
EMPTY: dict[str, Any] = {
    d.record_name: _empty(d.kind) for d in RECORD_FIELDS if d.record_name is not None
}


@dataclass(frozen=True)
class Written:
    """What a write did: the record, its version now, and the names of the fields written."""

    id: uuid.UUID
    version: int
    fields: tuple[str, ...]


def _stamps(actor: str, *, new: bool) -> dict[str, Any]:
    now = utcnow()
    stamps: dict[str, Any] = {"updated_at": now, "updated_by": actor}
    if new:
        stamps.update(created_at=now, created_by=actor, version=1, deleted_at=None)
    return stamps


def write_conversation(
    session: Session,
    *,
    conversation_id: uuid.UUID | None,
    values: Mapping[str, Any],
    theme_ids: Sequence[uuid.UUID],
    links: Mapping[str, uuid.UUID | None] | None = None,
    draft_id: uuid.UUID | None = None,
) -> Written:
    """Create (no `conversation_id`) or change a conversation; the checks are the caller's.

    `values` holds each column of RECORD_FIELDS (cleaned), `links` the columns a new record is
    tied with (session_id, resident_id), which an edit never changes. The form's draft is
    deleted in the same transaction.
    """
    repo = KoffiekarRepository(session)
    actor = str(session.info.get("actor", ""))
    after = {**values, THEMES_NAME: list(theme_ids)}
    if conversation_id is None:
        new_id = uuid.uuid4()
        tied = dict(links or {})
        names = [*changed_fields(EMPTY, after), *(k for k, v in tied.items() if v is not None)]
        repo.insert_conversation(
            {"id": new_id, **tied, **values, **_stamps(actor, new=True)}, list(theme_ids)
        )
        audit.note(
            session, AuditAction.CREATE, record_type=RECORD_TYPE, record_id=new_id.hex,
            fields=names,
        )  # fmt: skip
        written = Written(new_id, 1, tuple(names))
    else:
        written = _change(session, repo, conversation_id, after=after, actor=actor)
    if draft_id is not None:
        DraftRepository(session).delete(draft_id)
    return written


def _change(
    session: Session,
    repo: KoffiekarRepository,
    conversation_id: uuid.UUID,
    *,
    after: dict[str, Any],
    actor: str,
) -> Written:
    session.flush()  # ORM changes still pending are written before the row is read
    found = repo.conversation_values(conversation_id, COLUMNS)
    if found is None:
        raise NotFoundError("Dit gesprek bestaat niet (meer).")
    version, before = found.version, found.values
    before[THEMES_NAME] = found.theme_ids
    changes = changed_fields(before, after)
    if not changes:
        return Written(conversation_id, version, ())
    keep_version(
        session,
        record_type=RECORD_TYPE,
        record_id=conversation_id,
        version=version,
        changes=changes,
    )
    columns = {c: after[c] for c in COLUMNS if c in changes}
    if not repo.update_conversation(
        conversation_id,
        version=version,
        values={**columns, **_stamps(actor, new=False), "version": version + 1},
    ):
        raise ValidationError(
            "Dit gesprek is intussen door iemand anders gewijzigd. Open het opnieuw; er is "
            "niets opgeslagen."
        )
    if THEMES_NAME in changes:
        old, new = set(before[THEMES_NAME]), set(after[THEMES_NAME])
        repo.unlink_themes(conversation_id, old - new)
        repo.link_themes(conversation_id, [t for t in after[THEMES_NAME] if t not in old])
    audit.note(
        session, AuditAction.UPDATE, record_type=RECORD_TYPE, record_id=conversation_id.hex,
        fields=list(changes),
    )  # fmt: skip
    _forget(session, conversation_id)
    return Written(conversation_id, version + 1, tuple(changes))


def _forget(session: Session, conversation_id: uuid.UUID) -> None:
    """A loaded copy of the row is out of date now: the next read loads it again."""
    loaded = session.identity_map.get(identity_key(Conversation, conversation_id))
    if loaded is not None:
        session.expire(loaded)
