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
from gebiedsapp.storage.repositories.contacts import ContactRepository
from gebiedsapp.storage.repositories.search import SearchRepository

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
        theme_id=filters.theme_id,
        author=filters.author,
        handling=filters.handling,
        matching=matching,
        limit=limit,
    )
    names = repo.theme_names([row[0] for row in rows])
    return [
        ConversationRow(
            id=cid,
            day=day,
            area_name=area,
            summary=summary,
            quote=quote,
            themes=", ".join(names.get(cid, [])),
            handling=handling,
            author=author,
            quote_reportable=reportable,
        )
        for cid, day, area, summary, quote, handling, author, reportable in rows
    ]


def list_contacts(session: Session, filters: ListFilter) -> list[ContactView]:
    ids = None
    if filters.text.strip():
        matching = SearchRepository(session).matching_ids("contact", filters.text)
        if matching is None:
            return []
        ids = set(session.scalars(matching))
    rows = ContactRepository(session).contacts(
        area_ids=filters.area_ids, start=filters.start, end=filters.end, ids=ids
    )
    views = [contact_view(row) for row in rows]
    if filters.theme_id is not None:
        views = [v for v in views if filters.theme_id in v.theme_ids]
    if filters.author:
        views = [v for v in views if v.author == filters.author]
    return views


def authors(session: Session) -> list[str]:
    """Everyone who recorded conversations, for the author filter."""
    return [a for a in SearchRepository(session).authors() if a]
