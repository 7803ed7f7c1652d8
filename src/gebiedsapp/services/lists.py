"""The lists of sessions, conversations and contacts per area and period, with filters and
full-text search (FTS5 on SQLite: accent-insensitive, any typed text is safe to search).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import Handling
from gebiedsapp.services.contacts import ContactView, contact_view
from gebiedsapp.services.taxonomy import theme_with_children
from gebiedsapp.storage.repositories.contacts import ContactRepository
from gebiedsapp.storage.repositories.search import THEME_SEPARATOR, SearchRepository

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


@dataclass(frozen=True)
class ConversationRow:
    id: uuid.UUID
    day: date
    area_name: str
    summary: str
    quote: str
    themes: str
    handling: Handling
    author: str
    quote_reportable: bool


def list_conversations(
    session: Session, filters: ListFilter, *, limit: int = DEFAULT_LIMIT
) -> list[ConversationRow]:
    repo = SearchRepository(session)
    matching = repo.matching_ids("conversation", filters.text) if filters.text.strip() else None
    if filters.text.strip() and matching is None:
        return []  # only punctuation typed: nothing can match
    rows = repo.conversations(
        area_ids=filters.area_ids,
        start=filters.start,
        end=filters.end,
        theme_ids=_themes(session, filters),
        author=filters.author,
        handling=filters.handling,
        matching=matching,
        limit=limit,
    )
    return [
        ConversationRow(
            id=cid,
            day=day,
            area_name=area,
            summary=summary,
            quote=quote,
            themes=", ".join(sorted(themes.split(THEME_SEPARATOR))) if themes else "",
            handling=handling,
            author=author,
            quote_reportable=reportable,
        )
        for cid, day, area, summary, quote, handling, author, reportable, themes in rows
    ]


def _themes(session: Session, filters: ListFilter) -> set[uuid.UUID] | None:
    """A chosen top-level theme also matches its sub-themes."""
    if filters.theme_id is None:
        return None
    return theme_with_children(session, filters.theme_id)


def list_contacts(
    session: Session, filters: ListFilter, *, limit: int = DEFAULT_LIMIT
) -> list[ContactView]:
    matching = None
    if filters.text.strip():
        matching = SearchRepository(session).matching_ids("contact", filters.text)
        if matching is None:
            return []
    rows = ContactRepository(session).contacts(
        area_ids=filters.area_ids,
        start=filters.start,
        end=filters.end,
        ids=matching.ids if matching else None,
        theme_ids=_themes(session, filters),
        author=filters.author,
        limit=limit,
    )
    return [contact_view(row) for row in rows]


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
    repo = SearchRepository(session)
    matching = None
    if filters.text.strip():
        matching = repo.matching_ids("koffiekar_session", filters.text)
        if matching is None:
            return []
    rows = repo.sessions(
        area_ids=filters.area_ids,
        start=filters.start,
        end=filters.end,
        theme_ids=_themes(session, filters),
        author=filters.author,
        matching=matching,
        limit=limit,
    )
    return [SessionRow(*row) for row in rows]


def authors(session: Session) -> list[str]:
    """Everyone who recorded conversations, for the author filter."""
    return [a for a in SearchRepository(session).authors() if a]
