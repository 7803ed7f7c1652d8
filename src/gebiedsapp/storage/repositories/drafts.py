"""Queries on drafts and record versions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Draft, DraftKind, RecordVersion


class DraftRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, draft_id: uuid.UUID) -> Draft | None:
        return self.session.get(Draft, draft_id)

    def for_actor(self, actor: str, kind: DraftKind | None = None) -> Sequence[Draft]:
        query = select(Draft).where(Draft.actor == actor).order_by(Draft.updated_at)
        if kind is not None:
            query = query.where(Draft.kind == kind)
        return self.session.scalars(query).all()

    def older_than(self, moment: datetime) -> Sequence[Draft]:
        return self.session.scalars(select(Draft).where(Draft.updated_at < moment)).all()

    def delete(self, draft_id: uuid.UUID) -> None:
        self.session.execute(delete(Draft).where(Draft.id == draft_id))

    def versions(self, record_type: str, record_id: uuid.UUID) -> Sequence[RecordVersion]:
        return self.session.scalars(
            select(RecordVersion)
            .where(RecordVersion.record_type == record_type, RecordVersion.record_id == record_id)
            .order_by(RecordVersion.version, RecordVersion.changed_at)
        ).all()
