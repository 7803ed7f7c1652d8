"""Queries for inzage and verwijdering (services.subject_access): finding a person by name,
phone or e-mail, and everything that refers to them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from gebiedsapp.domain import (
    Area,
    AuditEntry,
    Consent,
    Contact,
    Conversation,
    FollowUp,
    KoffiekarSession,
    Meedenker,
    Resident,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalPhoto,
    SyncConflict,
    Theme,
    meedenker_theme,
)
from gebiedsapp.storage.search import folded, like_pattern


class RegisterEntry(NamedTuple):
    entry: Meedenker
    area_name: str
    themes: list[str]  # names, alphabetical


class HeardConversation(NamedTuple):
    conversation: Conversation
    round: KoffiekarSession
    area_name: str


class MetContact(NamedTuple):
    contact: Contact
    area_name: str


class LinkedSignal(NamedTuple):
    signal: Signal
    category_name: str


class PeopleRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, name: str, digits: str, email: str, limit: int = 200) -> list[Resident]:
        """Residents whose name contains `name` (accents and case ignored), whose phone has
        `digits`, or whose e-mail is `email`; anonymised ones are left out."""
        conditions = []
        if name:
            conditions.append(folded(Resident.name).like(like_pattern(name), escape="\\"))
        if digits:
            conditions.append(_digits(Resident.phone).like(f"%{digits}%"))
        if email:
            conditions.append(Resident.email.ilike(email))
        if not conditions:
            return []
        query = (
            select(Resident)
            .where(Resident.anonymised_at.is_(None), Resident.deleted_at.is_(None))
            .where(or_(*conditions))
            .order_by(Resident.name, Resident.created_at)
            .limit(limit)
        )
        return list(self.session.scalars(query))

    def get(self, resident_id: uuid.UUID) -> Resident | None:
        return self.session.get(Resident, resident_id)

    def consents(self, resident_id: uuid.UUID) -> list[Consent]:
        query = select(Consent).where(Consent.resident_id == resident_id)
        return list(self.session.scalars(query.order_by(Consent.given_on)))

    def meedenkers(self, resident_id: uuid.UUID) -> list[RegisterEntry]:
        query = (
            select(Meedenker, Area.name)
            .join(Area, Area.id == Meedenker.area_id)
            .where(Meedenker.resident_id == resident_id)
            .order_by(Meedenker.since)
        )
        out = []
        for entry, area in self.session.execute(query):
            themes = self.session.scalars(
                select(Theme.name)
                .join(meedenker_theme, meedenker_theme.c.theme_id == Theme.id)
                .where(meedenker_theme.c.meedenker_id == entry.id)
                .order_by(Theme.name)
            )
            out.append(RegisterEntry(entry, area, list(themes)))
        return out

    def delete_sync_conflicts(self, resident_id: uuid.UUID) -> None:
        """Sync conflicts about the resident's own rows (they hold both sides' values of
        their details): gone with them, here and, as a tracked delete, everywhere."""
        keys = [resident_id.hex]
        keys += [c.id.hex for c in self.consents(resident_id)]
        keys += [
            m.hex
            for m in self.session.scalars(
                select(Meedenker.id).where(Meedenker.resident_id == resident_id)
            )
        ]
        self.session.execute(
            delete(SyncConflict).where(
                SyncConflict.table_name.in_(("resident", "consent", "meedenker")),
                SyncConflict.row_key.in_(keys),
            )
        )

    def delete_meedenkers(self, resident_id: uuid.UUID) -> None:
        """The resident's register entries and their themes (plain statements: the ORM would
        load the theme collections to delete them)."""
        entries = select(Meedenker.id).where(Meedenker.resident_id == resident_id)
        self.session.execute(
            delete(meedenker_theme).where(meedenker_theme.c.meedenker_id.in_(entries))
        )
        self.session.execute(delete(Meedenker).where(Meedenker.resident_id == resident_id))

    def conversations(self, resident_id: uuid.UUID) -> list[HeardConversation]:
        query = (
            select(Conversation, KoffiekarSession, Area.name)
            .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
            .join(Area, Area.id == KoffiekarSession.area_id)
            .where(Conversation.resident_id == resident_id)
            .order_by(KoffiekarSession.date, Conversation.created_at)
        )
        return [HeardConversation(c, s, a) for c, s, a in self.session.execute(query)]

    def contacts(self, resident_id: uuid.UUID) -> list[MetContact]:
        query = (
            select(Contact, Area.name)
            .join(Area, Area.id == Contact.area_id)
            .where(Contact.resident_id == resident_id)
            .order_by(Contact.date, Contact.created_at)
        )
        return [MetContact(c, a) for c, a in self.session.execute(query)]

    def actions(
        self, conversation_ids: Sequence[uuid.UUID], contact_ids: Sequence[uuid.UUID]
    ) -> list[FollowUp]:
        if not conversation_ids and not contact_ids:
            return []
        query = select(FollowUp).where(
            or_(
                FollowUp.conversation_id.in_(list(conversation_ids)),
                FollowUp.contact_id.in_(list(contact_ids)),
            )
        )
        return list(self.session.scalars(query.order_by(FollowUp.created_at)))

    def signals(
        self, conversation_ids: Sequence[uuid.UUID], contact_ids: Sequence[uuid.UUID]
    ) -> list[LinkedSignal]:
        if not conversation_ids and not contact_ids:
            return []
        query = (
            select(Signal, SignalCategory.name)
            .join(SignalCategory, SignalCategory.id == Signal.category_id)
            .where(
                or_(
                    Signal.conversation_id.in_(list(conversation_ids)),
                    Signal.contact_id.in_(list(contact_ids)),
                )
            )
            .order_by(Signal.reported_on)
        )
        return [LinkedSignal(s, c) for s, c in self.session.execute(query)]

    def feedback(self, signal_ids: Sequence[uuid.UUID]) -> list[SignalFeedback]:
        if not signal_ids:
            return []
        query = select(SignalFeedback).where(SignalFeedback.signal_id.in_(list(signal_ids)))
        return list(self.session.scalars(query.order_by(SignalFeedback.given_on)))

    def photos(self, signal_ids: Sequence[uuid.UUID]) -> list[SignalPhoto]:
        if not signal_ids:
            return []
        query = select(SignalPhoto).where(SignalPhoto.signal_id.in_(list(signal_ids)))
        return list(self.session.scalars(query))

    def audit_of(self, record_type: str, record_id: uuid.UUID) -> list[AuditEntry]:
        query = select(AuditEntry).where(
            AuditEntry.record_type == record_type, AuditEntry.record_id == record_id.hex
        )
        return list(self.session.scalars(query.order_by(AuditEntry.seq)))


def _digits(column: InstrumentedAttribute[str]) -> ColumnElement[str]:
    """The phone column without the separators people type (spaces, dashes, brackets)."""
    result: ColumnElement[str] = func.coalesce(column, "")
    for sign in (" ", "-", "(", ")", ".", "/"):
        result = func.replace(result, sign, "")
    return result
