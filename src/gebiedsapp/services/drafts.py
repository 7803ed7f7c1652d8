"""Drafts: every form saves what is typed, complete or not, so nothing is ever lost.

A draft is the form's field values as a JSON object. The UI saves it on every change (debounced)
and on focus loss; each save is its own small transaction. Finalising a record deletes its
draft in the same transaction that writes the record, so after a crash there is either the
record or the draft, never neither.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import Draft, DraftKind, utcnow
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage.database import KEEPS_PERSONAL_DATA
from gebiedsapp.storage.repositories.drafts import DraftRepository

MAX_PAYLOAD = 200_000  # characters; a form never legitimately holds more


@dataclass(frozen=True)
class DraftView:
    id: uuid.UUID
    kind: DraftKind
    target_id: uuid.UUID | None
    session_id: uuid.UUID | None
    payload: dict[str, Any]
    updated_at: datetime

    def summary(self) -> str:
        """A line that tells the user which draft this is, for 'Herstel je werk?'."""
        for key in ("summary", "subject", "place", "notes"):
            value = str(self.payload.get(key, "")).strip()
            if value:
                return value if len(value) <= 80 else value[:77] + "…"
        return "(nog leeg)"


def _view(draft: Draft) -> DraftView:
    try:
        payload = json.loads(draft.payload)
    except json.JSONDecodeError:
        payload = {}
    return DraftView(
        draft.id,
        draft.kind,
        draft.target_id,
        draft.session_id,
        payload if isinstance(payload, dict) else {},
        draft.updated_at,
    )


CONTACT_DETAILS = frozenset({"name", "phone", "email"})  # a resident's, in a conversation form


def save_draft(
    session: Session,
    *,
    draft_id: uuid.UUID | None,
    kind: DraftKind,
    payload: dict[str, Any],
    target_id: uuid.UUID | None = None,
    session_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Create or overwrite a draft of the current actor; returns its id."""
    if not session.info.get(KEEPS_PERSONAL_DATA, True):
        # an unencrypted database file: the resident's contact details typed so far are not
        # kept in the draft either (storage.database refuses them in the record itself)
        payload = {k: "" if k in CONTACT_DETAILS else v for k, v in payload.items()}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
    if len(text) > MAX_PAYLOAD:
        raise ValidationError("Dit concept is te groot om te bewaren; kort de tekst in.")
    repo = DraftRepository(session)
    draft = repo.get(draft_id) if draft_id is not None else None
    if draft is None:
        draft = Draft(
            id=draft_id or uuid.uuid4(),
            kind=kind,
            actor=str(session.info.get("actor", "")),
            target_id=target_id,
            session_id=session_id,
        )
        session.add(draft)
    draft.payload = text
    draft.updated_at = utcnow()
    session.flush()
    return draft.id


def list_drafts(session: Session, *, kind: DraftKind | None = None) -> list[DraftView]:
    """The current actor's drafts, oldest first."""
    actor = str(session.info.get("actor", ""))
    return [_view(d) for d in DraftRepository(session).for_actor(actor, kind)]


def get_draft(session: Session, draft_id: uuid.UUID) -> DraftView | None:
    draft = DraftRepository(session).get(draft_id)
    return _view(draft) if draft is not None else None


def discard_draft(session: Session, draft_id: uuid.UUID) -> None:
    DraftRepository(session).delete(draft_id)


def purge_old_drafts(session: Session, *, older_than: timedelta) -> int:
    """Remove drafts nobody touched for `older_than` (retention; the privacy issue sets it)."""
    repo = DraftRepository(session)
    old = repo.older_than(utcnow() - older_than)
    for draft in old:
        repo.delete(draft.id)
    return len(old)
