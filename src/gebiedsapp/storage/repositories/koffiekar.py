"""Queries on koffiekar sessions and conversations (the figures on an area's page, for now)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import (
    CursorResult,
    Select,
    String,
    Table,
    bindparam,
    cast,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session, joinedload, selectinload

from gebiedsapp.domain import (
    Area,
    Conversation,
    KoffiekarSession,
    Theme,
    conversation_theme,
)


def _table(model: type[Conversation]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


# Built once: constructing a statement costs more than running it on this path.
_OFFERED_THEMES = (
    select(func.count())
    .where(
        Theme.id.in_(bindparam("ids", expanding=True)),
        Theme.deleted_at.is_(None),
        Theme.retired.is_(False),
    )
    .scalar_subquery()
)
_SESSION_AREA = select(KoffiekarSession.area_id, KoffiekarSession.date, _OFFERED_THEMES).where(
    KoffiekarSession.id == bindparam("sid"), KoffiekarSession.deleted_at.is_(None)
)
_INSERT_CONVERSATION = insert(_table(Conversation))
_INSERT_CONVERSATION_THEME = insert(conversation_theme)
_UPDATE_CONVERSATION = (
    update(_table(Conversation))
    .where(
        _table(Conversation).c.id == bindparam("b_id"),
        _table(Conversation).c.version == bindparam("b_version"),
        _table(Conversation).c.deleted_at.is_(None),
    )
    .execution_options(synchronize_session=False)
)


class RoundCheck(NamedTuple):
    """A live round's area and day, and how many of the themes asked may be offered."""

    area_id: uuid.UUID
    day: date
    offered_themes: int


class StoredConversation(NamedTuple):
    version: int
    values: dict[str, Any]  # column name -> value, for the columns asked
    theme_ids: list[uuid.UUID]


class ThemeConversations(NamedTuple):
    theme: str
    conversations: int


class RecentRound(NamedTuple):
    day: date
    area_name: str
    place: str
    conversations: int


class KoffiekarRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_session(self, session_id: uuid.UUID) -> KoffiekarSession | None:
        return self.session.get(KoffiekarSession, session_id)

    def session_area(
        self, session_id: uuid.UUID, theme_ids: Collection[uuid.UUID]
    ) -> RoundCheck | None:
        """Area and date of a round that exists (not removed), and how many of `theme_ids` may
        be offered (exist, not removed, not retired): one light query for both checks."""
        row = (
            self.session.connection()
            .execute(_SESSION_AREA, {"sid": session_id, "ids": list(theme_ids)})
            .first()
        )
        return RoundCheck(row[0], row[1], int(row[2])) if row is not None else None

    def insert_conversation(
        self, values: Mapping[str, Any], theme_ids: Sequence[uuid.UUID]
    ) -> None:
        """Insert a conversation (every column in `values`) and its theme links as plain rows:
        prepared statements, no ORM unit of work. Through the session, so that the start's
        integrity check is waited for as before any write (storage.database)."""
        self.session.execute(_INSERT_CONVERSATION, dict(values))
        self.link_themes(values["id"], theme_ids)

    def link_themes(self, conversation_id: uuid.UUID, theme_ids: Collection[uuid.UUID]) -> None:
        if theme_ids:
            self.session.connection().execute(
                _INSERT_CONVERSATION_THEME,
                [{"conversation_id": conversation_id, "theme_id": t} for t in theme_ids],
            )

    def unlink_themes(self, conversation_id: uuid.UUID, theme_ids: Collection[uuid.UUID]) -> None:
        if theme_ids:
            self.session.connection().execute(
                delete(conversation_theme).where(
                    conversation_theme.c.conversation_id == conversation_id,
                    conversation_theme.c.theme_id.in_(list(theme_ids)),
                )
            )

    def conversation_values(
        self, conversation_id: uuid.UUID, columns: Sequence[str]
    ) -> StoredConversation | None:
        """A live conversation's version, `columns` and theme ids, read as plain rows."""
        table = _table(Conversation)
        connection = self.session.connection()
        row = connection.execute(
            select(table.c.version, *(table.c[c] for c in columns)).where(
                table.c.id == conversation_id, table.c.deleted_at.is_(None)
            )
        ).first()
        if row is None:
            return None
        themes = connection.execute(
            select(conversation_theme.c.theme_id).where(
                conversation_theme.c.conversation_id == conversation_id
            )
        ).scalars()
        return StoredConversation(
            int(row[0]), dict(zip(columns, row[1:], strict=True)), list(themes)
        )

    def update_conversation(
        self, conversation_id: uuid.UUID, *, version: int, values: Mapping[str, Any]
    ) -> bool:
        """Set `values` on the conversation if it is still at `version` (optimistic: False when
        someone else wrote it in between, or it was removed)."""
        result = self.session.execute(
            _UPDATE_CONVERSATION, {**values, "b_id": conversation_id, "b_version": version}
        )
        return isinstance(result, CursorResult) and result.rowcount == 1

    def session_with_staff(self, session_id: uuid.UUID) -> KoffiekarSession | None:
        return self.session.scalars(
            select(KoffiekarSession)
            .options(selectinload(KoffiekarSession.staff), joinedload(KoffiekarSession.area))
            .where(KoffiekarSession.id == session_id)
        ).one_or_none()

    def recent_places(self, area_id: uuid.UUID, *, limit: int) -> Sequence[str]:
        # the place of the latest round first: by date, then start time, then when recorded
        latest = (
            cast(KoffiekarSession.date, String)
            + " "
            + func.coalesce(cast(KoffiekarSession.start_time, String), "")
            + " "
            + cast(KoffiekarSession.created_at, String)
        )
        return self.session.scalars(
            select(KoffiekarSession.place)
            .where(
                KoffiekarSession.area_id == area_id,
                KoffiekarSession.place != "",
                KoffiekarSession.deleted_at.is_(None),
            )
            .group_by(KoffiekarSession.place)
            .order_by(func.max(latest).desc(), KoffiekarSession.place)
            .limit(limit)
        ).all()

    def _conversations(self) -> Select[Conversation]:
        return select(Conversation).options(
            selectinload(Conversation.themes),
            joinedload(Conversation.session).joinedload(KoffiekarSession.area),
        )

    def conversation_with_themes(self, conversation_id: uuid.UUID) -> Conversation | None:
        return self.session.scalars(
            self._conversations().where(Conversation.id == conversation_id)
        ).one_or_none()

    def conversations_of(self, session_id: uuid.UUID) -> Sequence[Conversation]:
        return self.session.scalars(
            self._conversations()
            .where(Conversation.session_id == session_id, Conversation.deleted_at.is_(None))
            .order_by(Conversation.created_at.desc())
        ).all()

    def count_conversations_of(self, session_id: uuid.UUID) -> int:
        return (
            self.session.scalar(
                select(func.count(Conversation.id)).where(
                    Conversation.session_id == session_id, Conversation.deleted_at.is_(None)
                )
            )
            or 0
        )

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
    ) -> list[ThemeConversations]:
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
        return [ThemeConversations(name, int(n)) for name, n in self.session.execute(query)]

    def recent_sessions(self, area_ids: Collection[uuid.UUID], *, limit: int) -> list[RecentRound]:
        """The latest rounds, with their number of conversations."""
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
        return [RecentRound(*row) for row in self.session.execute(query)]
