"""Queries for the retention of personal data (services.retention): per resident, what is still
open and when the last related thing was closed.

A resident is reached from the conversations and contacts that name them, the actions agreed
in those, the signals made from those, and their consents and register entries. Each query is
grouped by resident, so the whole database takes a handful of statements.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import case, cast, func, or_, select, union_all
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    Consent,
    ConsentPurpose,
    Contact,
    Conversation,
    Draft,
    FollowUp,
    KoffiekarSession,
    Meedenker,
    Resident,
    Signal,
)


def _links() -> Any:
    """(resident_id, conversation_id, contact_id, day) of every live conversation and contact
    that names a resident."""
    said = (
        select(
            Conversation.resident_id.label("resident_id"),
            Conversation.id.label("conversation_id"),
            cast(None, Conversation.id.type).label("contact_id"),
            KoffiekarSession.date.label("day"),
        )
        .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
        .where(Conversation.resident_id.is_not(None), Conversation.deleted_at.is_(None))
    )
    met = select(
        Contact.resident_id.label("resident_id"),
        cast(None, Contact.id.type).label("conversation_id"),
        Contact.id.label("contact_id"),
        Contact.date.label("day"),
    ).where(Contact.resident_id.is_not(None), Contact.deleted_at.is_(None))
    return union_all(said, met).subquery("links")


def _day(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


class RecordedResident(NamedTuple):
    resident_id: uuid.UUID
    recorded_on: date  # the day their details were recorded


class StillOpen(NamedTuple):
    """What runs for a resident (open actions, open signals, active register entries), and
    the last day one of those ended."""

    resident_id: uuid.UUID
    open_count: int
    last_closed: date | None


class OldDraft(NamedTuple):
    id: uuid.UUID
    updated_at: datetime


class RetentionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def residents(self) -> list[RecordedResident]:
        """Every resident whose details have not been anonymised."""
        query = select(Resident.id, Resident.created_at).where(
            Resident.anonymised_at.is_(None), Resident.deleted_at.is_(None)
        )
        return [RecordedResident(r, c.date()) for r, c in self.session.execute(query)]

    def last_contact(self) -> dict[uuid.UUID, date]:
        """The last conversation or contact that names each resident."""
        links = _links()
        query = select(links.c.resident_id, func.max(links.c.day)).group_by(links.c.resident_id)
        return {r: day for r, d in self.session.execute(query) if (day := _day(d)) is not None}

    def actions(self) -> Iterator[StillOpen]:
        """Per resident: open actions and the last done_on, over the actions of their
        conversations and contacts."""
        links = _links()
        open_ = func.sum(case((FollowUp.status == ActionStatus.OPEN, 1), else_=0))
        query = (
            select(links.c.resident_id, open_, func.max(FollowUp.done_on))
            .join(
                FollowUp,
                or_(
                    FollowUp.conversation_id == links.c.conversation_id,
                    FollowUp.contact_id == links.c.contact_id,
                ),
            )
            .where(FollowUp.deleted_at.is_(None))
            .group_by(links.c.resident_id)
        )
        for resident, n, done in self.session.execute(query):
            yield StillOpen(resident, int(n or 0), _day(done))

    def signals(self) -> Iterator[StillOpen]:
        """Per resident: open signals and the last closed_on, of the signals made from their
        conversations and contacts."""
        links = _links()
        open_ = func.sum(case((Signal.closed_on.is_(None), 1), else_=0))
        query = (
            select(links.c.resident_id, open_, func.max(Signal.closed_on))
            .join(
                Signal,
                or_(
                    Signal.conversation_id == links.c.conversation_id,
                    Signal.contact_id == links.c.contact_id,
                ),
            )
            .where(Signal.deleted_at.is_(None))
            .group_by(links.c.resident_id)
        )
        for resident, n, closed in self.session.execute(query):
            yield StillOpen(resident, int(n or 0), _day(closed))

    def participation(self) -> Iterator[StillOpen]:
        """Per resident: active register entries under a consent still given, and the last day
        one ended (its consent withdrawn, or the entry made inactive)."""
        query = (
            select(
                Meedenker.resident_id,
                Meedenker.active,
                Meedenker.updated_at,
                Consent.withdrawn_on,
            )
            .join(Consent, Consent.id == Meedenker.consent_id)
            .where(Meedenker.deleted_at.is_(None))
        )
        running: dict[uuid.UUID, int] = {}
        ended: dict[uuid.UUID, date | None] = {}
        for resident, active, updated_at, withdrawn_on in self.session.execute(query):
            running.setdefault(resident, 0)
            ended.setdefault(resident, None)
            if active and withdrawn_on is None:
                running[resident] += 1
                continue
            day = withdrawn_on or updated_at.date()
            last = ended[resident]
            ended[resident] = day if last is None or day > last else last
        for resident, n in running.items():
            yield StillOpen(resident, n, ended[resident])

    def withdrawn(self) -> dict[uuid.UUID, date]:
        """The last day a contact consent of each resident was withdrawn."""
        query = (
            select(Consent.resident_id, func.max(Consent.withdrawn_on))
            .where(
                Consent.purpose == ConsentPurpose.CONTACT,
                Consent.withdrawn_on.is_not(None),
                Consent.deleted_at.is_(None),
            )
            .group_by(Consent.resident_id)
        )
        return {r: d for r, d in self.session.execute(query) if d is not None}

    def residents_in(self, ids: list[uuid.UUID]) -> Iterator[Resident]:
        """The residents with these ids, read a few hundred at a time."""
        for chunk in _chunks(ids):
            yield from self.session.scalars(select(Resident).where(Resident.id.in_(chunk)))

    def meedenkers_of_all(self, resident_ids: list[uuid.UUID]) -> Iterator[Meedenker]:
        """The register entries of these residents, read a few hundred residents at a time."""
        for chunk in _chunks(resident_ids):
            yield from self.session.scalars(
                select(Meedenker).where(Meedenker.resident_id.in_(chunk))
            )

    def old_drafts(self, before: datetime) -> list[OldDraft]:
        query = select(Draft.id, Draft.updated_at).where(Draft.updated_at < before)
        return [OldDraft(d, u) for d, u in self.session.execute(query)]

    def delete_drafts(self, ids: list[uuid.UUID], *, before: datetime) -> list[uuid.UUID]:
        """Delete those of the drafts `ids` not saved since `before`; the ids deleted."""
        deleted = []
        for chunk in _chunks(ids):
            query = select(Draft).where(Draft.id.in_(chunk), Draft.updated_at < before)
            for draft in self.session.scalars(query):
                self.session.delete(draft)
                deleted.append(draft.id)
        return deleted


CHUNK = 500  # ids per IN (...): well below SQLite's limit on a statement's parameters


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
