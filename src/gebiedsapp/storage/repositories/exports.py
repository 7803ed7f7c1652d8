"""Streaming queries for exports: the list screens' queries (repositories.search), no row cap.

Rows come from the cursor in batches (`yield_per`), so exporting 100k conversations never holds
them all. Residents' contact details are selected only when the caller asks for them (the
service decides who may), so by default they never leave the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from gebiedsapp.domain import (
    Area,
    Consent,
    ConsentPurpose,
    Contact,
    Conversation,
    Handling,
    KoffiekarSession,
    Partner,
    Resident,
    Signal,
)
from gebiedsapp.storage.repositories.search import (
    Match,
    contact_shown_columns,
    conversation_count,
    conversation_theme_names,
    filtered_contacts,
    filtered_conversations,
    filtered_sessions,
)

BATCH = 1_000
LOOKUP_CHUNK = 500  # ids per IN (...) (SQLite allows many more; this keeps statements small)

Query = Select[*tuple[Any, ...]]  # rows of any width: personal columns come and go


# Purpose limitation (AVG): contact details go into a working export only where the resident
# consented to be contacted, and that consent still stands; a meedenker's details also serve a
# contact with them. Without such a consent the columns stay empty.
FOLLOW_UP = (ConsentPurpose.CONTACT,)
WITH_MEEDENKER = (ConsentPurpose.CONTACT, ConsentPurpose.MEEDENKEN)


def _resident_columns(
    resident: Any, purposes: Sequence[ConsentPurpose]
) -> list[ColumnElement[Any]]:
    consented = (
        select(Consent.id)
        .where(
            Consent.resident_id == resident.id,
            Consent.purpose.in_(purposes),
            Consent.withdrawn_on.is_(None),
            Consent.deleted_at.is_(None),
        )
        .exists()
    )
    return [
        case((consented, column), else_=None)
        for column in (resident.name, resident.phone, resident.email)
    ]


def _with_resident(
    query: Query,
    resident_id: InstrumentedAttribute[uuid.UUID | None],
    purposes: Sequence[ConsentPurpose],
) -> Query:
    """`query` with the name, phone and e-mail of the resident `resident_id` refers to, where
    a standing consent for one of `purposes` allows it."""
    return query.add_columns(*_resident_columns(Resident, purposes)).outerjoin(
        Resident, Resident.id == resident_id
    )


class ExportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _stream(self, query: Query) -> Iterator[Sequence[Any]]:
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
        columns: Sequence[str | None],
    ) -> Iterator[Sequence[Any]]:
        """(date, area, place, each of `columns` (None: the themes joined by THEME_SEPARATOR),
        author[, resident name, phone, email]), newest first as in the list."""
        table = Conversation.__table__
        query: Query = filtered_conversations(
            select(
                KoffiekarSession.date,
                Area.name,
                KoffiekarSession.place,
                *(conversation_theme_names() if c is None else table.c[c] for c in columns),
                Conversation.created_by,
            ),
            area_ids=area_ids,
            start=start,
            end=end,
            theme_ids=theme_ids,
            author=author,
            handling=handling,
            matching=matching,
        )
        if personal:
            query = _with_resident(query, Conversation.resident_id, FOLLOW_UP)
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
        query = filtered_sessions(
            select(
                KoffiekarSession.date,
                KoffiekarSession.start_time,
                KoffiekarSession.end_time,
                Area.name,
                KoffiekarSession.place,
                KoffiekarSession.weather,
                KoffiekarSession.passers_by,
                conversation_count(),
                KoffiekarSession.created_by,
            ),
            area_ids=area_ids,
            start=start,
            end=end,
            theme_ids=theme_ids,
            author=author,
            matching=matching,
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
        query: Query = filtered_contacts(
            select(*contact_shown_columns())
            .select_from(Contact)
            .join(Area, Area.id == Contact.area_id)
            .outerjoin(Partner, Partner.id == Contact.partner_id),
            area_ids=area_ids,
            start=start,
            end=end,
            ids=ids,
            theme_ids=theme_ids,
            author=author,
        )
        if personal:
            query = _with_resident(query, Contact.resident_id, WITH_MEEDENKER)
        return self._stream(query)

    def signal_extras(
        self, ids: Sequence[uuid.UUID], *, personal: bool
    ) -> dict[uuid.UUID, tuple[Any, ...]]:
        """Per signal id: (full description, source, latitude, longitude[, location, reporter
        name, phone, email]).

        The reporter is the resident of the conversation or contact the signal came from."""
        via_conversation = aliased(Resident)
        via_contact = aliased(Resident)
        columns: list[Any] = [
            Signal.id,
            Signal.description,
            Signal.source,
            Signal.latitude,
            Signal.longitude,
        ]
        if personal:
            columns += [
                Signal.location,
                *(
                    func.coalesce(a, b)
                    for a, b in zip(
                        _resident_columns(via_conversation, FOLLOW_UP),
                        _resident_columns(via_contact, WITH_MEEDENKER),
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
