"""Streaming queries for exports: the same filters as the list screens, without their row cap.

Rows come from the cursor in batches (`yield_per`), so exporting 100k conversations never holds
them all. Residents' contact details are selected only when the caller asks for them (the
service decides who may), so by default they never leave the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from gebiedsapp.domain import (
    Area,
    Contact,
    Conversation,
    Handling,
    KoffiekarSession,
    Partner,
    Resident,
    Signal,
    Theme,
    contact_theme,
    conversation_theme,
)
from gebiedsapp.storage.repositories.search import THEME_SEPARATOR, Match, SearchRepository

BATCH = 1_000
LOOKUP_CHUNK = 500  # ids per IN (...) (SQLite allows many more; this keeps statements small)


def _resident_columns(resident: Any) -> list[ColumnElement[Any]]:
    return [resident.name, resident.phone, resident.email]


class ExportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _stream(self, query: Select[Any]) -> Iterator[Sequence[Any]]:
        yield from self.session.execute(query.execution_options(yield_per=BATCH))

    def conversations(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None,
        end: date | None,
        theme_ids: Collection[uuid.UUID] | None,
        author: str | None,
        handling: Handling | None,
        matching: Match | None,
        personal: bool,
    ) -> Iterator[Sequence[Any]]:
        """(date, area, place, summary, quote, reportable, themes joined by THEME_SEPARATOR,
        handling, author[, resident name, phone, email]), newest first as in the list."""
        theme_names = (
            select(func.aggregate_strings(Theme.name, THEME_SEPARATOR))
            .join(conversation_theme, conversation_theme.c.theme_id == Theme.id)
            .where(conversation_theme.c.conversation_id == Conversation.id)
            .correlate(Conversation)
            .scalar_subquery()
        )
        columns: list[Any] = [
            KoffiekarSession.date,
            Area.name,
            KoffiekarSession.place,
            Conversation.summary,
            Conversation.quote,
            Conversation.quote_reportable,
            theme_names,
            Conversation.handling,
            Conversation.created_by,
        ]
        if personal:
            columns += _resident_columns(Resident)
        query = (
            select(*columns)
            .select_from(Conversation)
            .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
            .join(Area, Area.id == KoffiekarSession.area_id)
            .where(Conversation.deleted_at.is_(None), KoffiekarSession.deleted_at.is_(None))
        )
        if personal:
            query = query.outerjoin(Resident, Resident.id == Conversation.resident_id)
        if area_ids is not None:
            query = query.where(KoffiekarSession.area_id.in_(list(area_ids)))
        if start is not None:
            query = query.where(KoffiekarSession.date >= start)
        if end is not None:
            query = query.where(KoffiekarSession.date <= end)
        if theme_ids is not None:
            themed = select(conversation_theme.c.conversation_id).where(
                conversation_theme.c.theme_id.in_(list(theme_ids))
            )
            query = query.where(Conversation.id.in_(themed))
        if author:
            query = query.where(Conversation.created_by == author)
        if handling is not None:
            query = query.where(Conversation.handling == handling)
        if matching is not None:
            query = SearchRepository._restrict(query, matching)
        query = query.order_by(KoffiekarSession.date.desc(), Conversation.created_at.desc())
        return self._stream(query)

    def sessions(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None,
        end: date | None,
        theme_ids: Collection[uuid.UUID] | None,
        author: str | None,
        matching: Match | None,
    ) -> Iterator[Sequence[Any]]:
        """(date, start, end, area, place, weather, passers-by, conversations, author)."""
        conversations = (
            select(func.count(Conversation.id))
            .where(
                Conversation.session_id == KoffiekarSession.id,
                Conversation.deleted_at.is_(None),
            )
            .scalar_subquery()
        )
        query = (
            select(
                KoffiekarSession.date,
                KoffiekarSession.start_time,
                KoffiekarSession.end_time,
                Area.name,
                KoffiekarSession.place,
                KoffiekarSession.weather,
                KoffiekarSession.passers_by,
                conversations,
                KoffiekarSession.created_by,
            )
            .select_from(KoffiekarSession)
            .join(Area, Area.id == KoffiekarSession.area_id)
            .where(KoffiekarSession.deleted_at.is_(None))
        )
        if area_ids is not None:
            query = query.where(KoffiekarSession.area_id.in_(list(area_ids)))
        if start is not None:
            query = query.where(KoffiekarSession.date >= start)
        if end is not None:
            query = query.where(KoffiekarSession.date <= end)
        if theme_ids is not None:
            themed = (
                select(Conversation.session_id)
                .join(conversation_theme, conversation_theme.c.conversation_id == Conversation.id)
                .where(conversation_theme.c.theme_id.in_(list(theme_ids)))
            )
            query = query.where(KoffiekarSession.id.in_(themed))
        if author:
            query = query.where(KoffiekarSession.created_by == author)
        if matching is not None:
            query = SearchRepository._restrict(query, matching)
        query = query.order_by(
            KoffiekarSession.date.desc(),
            KoffiekarSession.start_time.desc(),
            KoffiekarSession.created_at.desc(),
        )
        return self._stream(query)

    def contacts(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None,
        end: date | None,
        ids: Select[uuid.UUID] | None,
        theme_ids: Collection[uuid.UUID] | None,
        author: str | None,
        personal: bool,
    ) -> Iterator[Sequence[Any]]:
        """(date, area, type, with kind, group, organisation, subject, notes, themes, author
        [, resident name, phone, email]), newest first."""
        theme_names = (
            select(func.aggregate_strings(Theme.name, THEME_SEPARATOR))
            .join(contact_theme, contact_theme.c.theme_id == Theme.id)
            .where(contact_theme.c.contact_id == Contact.id)
            .correlate(Contact)
            .scalar_subquery()
        )
        columns: list[Any] = [
            Contact.date,
            Area.name,
            Contact.contact_type,
            Contact.with_kind,
            Contact.group_name,
            Partner.name,
            Contact.subject,
            Contact.notes,
            theme_names,
            Contact.created_by,
        ]
        if personal:
            columns += _resident_columns(Resident)
        query = (
            select(*columns)
            .select_from(Contact)
            .join(Area, Area.id == Contact.area_id)
            .outerjoin(Partner, Partner.id == Contact.partner_id)
            .where(Contact.deleted_at.is_(None))
        )
        if personal:
            query = query.outerjoin(Resident, Resident.id == Contact.resident_id)
        if theme_ids is not None:
            themed = select(contact_theme.c.contact_id).where(
                contact_theme.c.theme_id.in_(list(theme_ids))
            )
            query = query.where(Contact.id.in_(themed))
        if author:
            query = query.where(Contact.created_by == author)
        if area_ids is not None:
            query = query.where(Contact.area_id.in_(list(area_ids)))
        if start is not None:
            query = query.where(Contact.date >= start)
        if end is not None:
            query = query.where(Contact.date <= end)
        if ids is not None:
            query = query.where(Contact.id.in_(ids))
        query = query.order_by(Contact.date.desc(), Contact.created_at.desc())
        return self._stream(query)

    def signal_extras(
        self, ids: Sequence[uuid.UUID], *, personal: bool
    ) -> dict[uuid.UUID, tuple[Any, ...]]:
        """Per signal id: (full description, source[, location, reporter name, phone, email]).

        The reporter is the resident of the conversation or contact the signal came from."""
        via_conversation = aliased(Resident)
        via_contact = aliased(Resident)
        columns: list[Any] = [Signal.id, Signal.description, Signal.source]
        if personal:
            columns += [
                Signal.location,
                *(
                    func.coalesce(a, b)
                    for a, b in zip(
                        _resident_columns(via_conversation),
                        _resident_columns(via_contact),
                        strict=True,
                    )
                ),
            ]
        found: dict[uuid.UUID, tuple[Any, ...]] = {}
        for first in range(0, len(ids), LOOKUP_CHUNK):
            chunk = list(ids[first : first + LOOKUP_CHUNK])
            query = select(*columns).where(Signal.id.in_(chunk))
            if personal:
                query = (
                    query.outerjoin(Conversation, Conversation.id == Signal.conversation_id)
                    .outerjoin(via_conversation, via_conversation.id == Conversation.resident_id)
                    .outerjoin(Contact, Contact.id == Signal.contact_id)
                    .outerjoin(via_contact, via_contact.id == Contact.resident_id)
                )
            for row in self.session.execute(query):
                found[row[0]] = tuple(row[1:])
        return found
