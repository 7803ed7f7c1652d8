"""The lists of sessions, conversations and contacts per area and period, with filters and
full-text search (FTS5 on SQLite: accent-insensitive, any typed text is safe to search).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from sqlalchemy.orm import Session

from gebiedsapp.domain import Handling
from gebiedsapp.services.taxonomy import theme_with_children
from gebiedsapp.storage.repositories.contacts import ContactListRow, ContactRepository
from gebiedsapp.storage.repositories.search import (
    THEME_SEPARATOR,
    ConversationListRow,
    Match,
    RoundListRow,
    SearchRepository,
)

DEFAULT_LIMIT = 5_000


@dataclass(frozen=True)
class ListFilter:
    area_ids: frozenset[uuid.UUID] | None = None
    start: date | None = None
    end: date | None = None
    theme_id: uuid.UUID | None = None
    author: str | None = None
    handling: Handling | None = None
    text: str = ""


def search_match(session: Session, kind: str, text: str) -> tuple[bool, Match | None]:
    """(anything can match, the match of `text` among the `kind` records); no text matches
    everything, only punctuation typed matches nothing."""
    if not text.strip():
        return True, None
    found = SearchRepository(session).matching_ids(kind, text)
    return found is not None, found


class Criteria(TypedDict):
    """The part of a ListFilter every list query (and its export) takes alike."""

    area_ids: frozenset[uuid.UUID] | None
    start: date | None
    end: date | None
    theme_ids: set[uuid.UUID] | None
    author: str | None


def criteria(session: Session, filters: ListFilter) -> Criteria:
    """`filters` for the queries: a chosen top-level theme also matches its sub-themes."""
    themes = None
    if filters.theme_id is not None:
        themes = theme_with_children(session, filters.theme_id)
    return Criteria(
        area_ids=filters.area_ids,
        start=filters.start,
        end=filters.end,
        theme_ids=themes,
        author=filters.author,
    )


def themes_text(joined: str | None) -> str:
    """Theme names joined by THEME_SEPARATOR as the lists show them: sorted, comma-separated."""
    return ", ".join(sorted(joined.split(THEME_SEPARATOR))) if joined else ""


# The lists' rows as the repositories read them: id and theme text made when asked
ConversationRow = ConversationListRow
ContactRow = ContactListRow


def list_conversations(
    session: Session, filters: ListFilter, *, limit: int = DEFAULT_LIMIT
) -> list[ConversationRow]:
    possible, matching = search_match(session, "conversation", filters.text)
    if not possible:
        return []
    return SearchRepository(session).conversations(
        **criteria(session, filters),
        handling=filters.handling,
        matching=matching,
        limit=limit,
    )


def list_contacts(
    session: Session, filters: ListFilter, *, limit: int = DEFAULT_LIMIT
) -> list[ContactRow]:
    """Contacts for the lists (Contacten, Lijsten): what they show; a contact opened is read
    whole (services.contacts.get_contact)."""
    possible, matching = search_match(session, "contact", filters.text)
    if not possible:
        return []
    return ContactRepository(session).contacts(
        **criteria(session, filters),
        ids=matching.ids if matching else None,
        limit=limit,
    )


@dataclass(frozen=True)
class SessionRow:
    id: uuid.UUID
    day: date
    area_name: str
    place: str
    passers_by: int
    conversations: int


def list_sessions(
    session: Session, filters: ListFilter, *, limit: int = DEFAULT_LIMIT
) -> list[SessionRow]:
    """Koffiekar rounds; text searches place and notes, theme means 'a conversation about it'."""
    possible, matching = search_match(session, "koffiekar_session", filters.text)
    if not possible:
        return []
    rows = SearchRepository(session).sessions(
        **criteria(session, filters),
        matching=matching,
        limit=limit,
    )
    return [_session_row(row) for row in rows]


def session_row(session: Session, session_id: uuid.UUID, area_id: uuid.UUID) -> SessionRow | None:
    """One round as `list_sessions` lists the area's; None when it is gone or elsewhere."""
    row = SearchRepository(session).session_row(session_id, area_id)
    return None if row is None else _session_row(row)


def _session_row(row: RoundListRow) -> SessionRow:
    return SessionRow(
        id=row.id,
        day=row.day,
        area_name=row.area_name,
        place=row.place,
        passers_by=row.passers_by,
        conversations=row.conversations,
    )


def authors(session: Session) -> list[str]:
    """Everyone who recorded conversations, for the author filter."""
    return [a for a in SearchRepository(session).authors() if a]
