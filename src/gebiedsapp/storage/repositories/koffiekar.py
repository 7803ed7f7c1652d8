"""Queries on koffiekar sessions and conversations (the figures on an area's page, for now)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, Conversation, KoffiekarSession, Theme, conversation_theme


class KoffiekarRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _sessions_in(
        self, area_ids: Collection[uuid.UUID], start: date, end: date
    ) -> Select[uuid.UUID]:
        return select(KoffiekarSession.id).where(
            KoffiekarSession.area_id.in_(area_ids),
            KoffiekarSession.date.between(start, end),
            KoffiekarSession.deleted_at.is_(None),
        )

    def count_sessions(self, area_ids: Collection[uuid.UUID], start: date, end: date) -> int:
        query = select(func.count()).select_from(self._sessions_in(area_ids, start, end).subquery())
        return self.session.scalar(query) or 0

    def count_conversations(self, area_ids: Collection[uuid.UUID], start: date, end: date) -> int:
        query = select(func.count(Conversation.id)).where(
            Conversation.session_id.in_(self._sessions_in(area_ids, start, end)),
            Conversation.deleted_at.is_(None),
        )
        return self.session.scalar(query) or 0

    def theme_counts(
        self, area_ids: Collection[uuid.UUID], start: date, end: date, *, limit: int
    ) -> list[tuple[str, int]]:
        """Themes by number of conversations in the period, most talked about first.

        Driven from the sessions in the period (index on area and date), then their
        conversations and theme links: starting from the link table scans all of it.
        """
        counts = (
            select(conversation_theme.c.theme_id, func.count().label("n"))
            .select_from(KoffiekarSession)
            .join(Conversation, Conversation.session_id == KoffiekarSession.id)
            .join(conversation_theme, conversation_theme.c.conversation_id == Conversation.id)
            .where(
                KoffiekarSession.area_id.in_(area_ids),
                KoffiekarSession.date.between(start, end),
                KoffiekarSession.deleted_at.is_(None),
                Conversation.deleted_at.is_(None),
            )
            .group_by(conversation_theme.c.theme_id)
            .subquery()
        )
        query = (
            select(Theme.name, counts.c.n)
            .join(counts, counts.c.theme_id == Theme.id)
            .order_by(counts.c.n.desc(), Theme.name)
            .limit(limit)
        )
        return [(name, int(n)) for name, n in self.session.execute(query)]

    def recent_sessions(
        self, area_ids: Collection[uuid.UUID], *, limit: int
    ) -> Sequence[Row[date, str, str, int]]:
        """The latest sessions: date, area name, place, number of conversations."""
        conversations = (
            select(func.count(Conversation.id))
            .where(
                Conversation.session_id == KoffiekarSession.id, Conversation.deleted_at.is_(None)
            )
            .scalar_subquery()
        )
        query = (
            select(KoffiekarSession.date, Area.name, KoffiekarSession.place, conversations)
            .join(Area, Area.id == KoffiekarSession.area_id)
            .where(KoffiekarSession.area_id.in_(area_ids), KoffiekarSession.deleted_at.is_(None))
            .order_by(KoffiekarSession.date.desc(), KoffiekarSession.start_time.desc())
            .limit(limit)
        )
        return self.session.execute(query).all()
