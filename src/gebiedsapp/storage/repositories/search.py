"""Full-text and list queries over conversations, contacts and sessions (see storage.search)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    String,
    Table,
    and_,
    column,
    func,
    literal_column,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from gebiedsapp.domain import (
    Area,
    Contact,
    Conversation,
    Handling,
    KoffiekarSession,
    Partner,
    Theme,
    Tracked,
    contact_theme,
    conversation_theme,
)
from gebiedsapp.storage.repositories.report_sql import stored_id, unindexed
from gebiedsapp.storage.search import SEARCH_TABLES, folded, fts_query, like_pattern, words

THEME_SEPARATOR = "\x1f"  # cannot occur in a theme name (", " does: "Sport, cultuur en ...")

Ts = TypeVarTuple("Ts")

_MODELS: dict[str, type[Tracked]] = {
    "conversation": Conversation,
    "contact": Contact,
    "koffiekar_session": KoffiekarSession,
}


class ConversationListRow(NamedTuple):
    """A row of the conversation list. Its id stays as the database gives it (32 hex digits
    in SQLite) and its themes joined, until asked: a search shows thousands of rows, a UUID
    and a sorted theme text per row cost more Python than the SQL, and a view shows a few
    dozen rows and opens only the one clicked."""

    key: str | uuid.UUID  # the id as stored (a UUID already where the driver makes one)
    day: date  # its round's
    area_name: str
    summary: str
    quote: str
    handling_value: str  # as stored; the Handling when asked (`handling`)
    author: str
    quote_reportable: bool
    theme_names: str | None  # joined by THEME_SEPARATOR; None without themes

    @property
    def id(self) -> uuid.UUID:
        return stored_id(self.key)

    @property
    def handling(self) -> Handling:
        return Handling(self.handling_value)

    @property
    def themes(self) -> str:
        """Sorted and comma-separated, as the lists show them."""
        joined = self.theme_names
        return ", ".join(sorted(joined.split(THEME_SEPARATOR))) if joined else ""


class RoundListRow(NamedTuple):
    id: uuid.UUID
    day: date
    area_name: str
    place: str
    passers_by: int
    conversations: int


@dataclass(frozen=True)
class Match:
    """What a search text selects: the ids of `kind`, and the FTS query when there is one."""

    kind: str
    ids: Select[uuid.UUID]
    fts: str | None


def _restrict(query: Select[*Ts], matching: Match) -> Select[*Ts]:
    """Keep the rows that match. With FTS, join the index directly: an `id IN (subquery)`
    looked every match up again by its (text) primary key."""
    if matching.fts is not None:
        fts = table(f"{matching.kind}_fts", column("rowid"))
        return query.join(fts, literal_column(f"{matching.kind}.rowid") == fts.c.rowid).where(
            text(f"{matching.kind}_fts MATCH :match").bindparams(match=matching.fts)
        )
    return query.where(_MODELS[matching.kind].id.in_(matching.ids))


# The list screens' queries, shared with the exports (storage.repositories.exports): an export
# holds exactly what its screen lists. Each takes a select of whatever columns the caller wants.


def _theme_names(
    link: Table, link_owner: ColumnElement[uuid.UUID], owner: type[Tracked]
) -> ScalarSelect[str]:
    return (
        select(func.aggregate_strings(Theme.name, THEME_SEPARATOR))
        .join(link, link.c.theme_id == Theme.id)
        .where(link_owner == owner.id)
        .correlate(owner)
        .scalar_subquery()
    )


def conversation_theme_names() -> ScalarSelect[str]:
    """A conversation's theme names joined by THEME_SEPARATOR (NULL without themes)."""
    return _theme_names(conversation_theme, conversation_theme.c.conversation_id, Conversation)


def contact_theme_names() -> ScalarSelect[str]:
    """A contact's theme names joined by THEME_SEPARATOR (NULL without themes)."""
    return _theme_names(contact_theme, contact_theme.c.contact_id, Contact)


def contact_shown_columns() -> tuple[Any, ...]:
    """What the contact lists and the contact export show of a contact: date, area, type,
    with kind, group, organisation, subject, notes, themes, author (joined: Area, Partner)."""
    return (
        Contact.date,
        Area.name,
        Contact.contact_type,
        Contact.with_kind,
        Contact.group_name,
        Partner.name,
        Contact.subject,
        Contact.notes,
        contact_theme_names(),
        Contact.created_by,
    )


def conversation_count() -> ScalarSelect[int]:
    """The number of (not deleted) conversations of a round."""
    return (
        select(func.count(Conversation.id))
        .where(
            Conversation.session_id == KoffiekarSession.id,
            Conversation.deleted_at.is_(None),
        )
        .scalar_subquery()
    )


def _by(author: str, model: type[Tracked]) -> ColumnElement[bool]:
    """Recorded by `author`, not looked up in the created_by index (migration 0015, for the
    author filter's names): a team has a few authors, each with a large share of the records,
    and SQLite (no statistics) would take that index over the area's and date's and read all
    of the author's records (1.3 s instead of 16 ms for the first 100 conversations at 10x)."""
    return unindexed(model.created_by) == author


def _in_areas_and_period(
    query: Select[*Ts],
    area_id: InstrumentedAttribute[uuid.UUID],
    day: InstrumentedAttribute[date],
    area_ids: Collection[uuid.UUID] | None,
    start: date | None,
    end: date | None,
) -> Select[*Ts]:
    """Within the areas (None: any) and the period (either end open)."""
    if area_ids is not None:
        query = query.where(area_id.in_(list(area_ids)))
    return _in_period(query, day, start, end)


def _in_period(
    query: Select[*Ts], day: InstrumentedAttribute[date], start: date | None, end: date | None
) -> Select[*Ts]:
    if start is not None:
        query = query.where(day >= start)
    if end is not None:
        query = query.where(day <= end)
    return query


def filtered_conversations(
    query: Select[*Ts],
    *,
    area_ids: Collection[uuid.UUID] | None,
    start: date | None,
    end: date | None,
    theme_ids: Collection[uuid.UUID] | None,
    author: str | None,
    handling: Handling | None,
    matching: Match | None,
    by_date: bool = False,
) -> Select[*Ts]:
    """The conversations list: from the conversations with their round and its area (none of
    them deleted), filtered, newest first (the id orders those of one moment alike in every
    plan). `by_date` (SQLite): read the rounds in date order, not per area, so that a page
    stops at its last row instead of sorting the whole year of many areas first."""
    query = (
        query.select_from(Conversation)
        .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
        .join(Area, Area.id == KoffiekarSession.area_id)
        .where(Conversation.deleted_at.is_(None), KoffiekarSession.deleted_at.is_(None))
    )
    if by_date and area_ids is not None:  # '+area_id': SQLite then takes the date's index
        not_indexed = literal_column("+koffiekar_session.area_id", KoffiekarSession.area_id.type)
        query = query.where(not_indexed.in_(list(area_ids)))
        query = _in_period(query, KoffiekarSession.date, start, end)
    else:
        query = _in_areas_and_period(
            query, KoffiekarSession.area_id, KoffiekarSession.date, area_ids, start, end
        )
    if theme_ids is not None:
        themed = select(conversation_theme.c.conversation_id).where(
            conversation_theme.c.theme_id.in_(list(theme_ids))
        )
        query = query.where(Conversation.id.in_(themed))
    if author:
        query = query.where(_by(author, Conversation))
    if handling is not None:
        query = query.where(Conversation.handling == handling)
    if matching is not None:
        query = _restrict(query, matching)
    return query.order_by(
        KoffiekarSession.date.desc(), Conversation.created_at.desc(), Conversation.id.desc()
    )


def filtered_sessions(
    query: Select[*Ts],
    *,
    area_ids: Collection[uuid.UUID] | None,
    start: date | None,
    end: date | None,
    theme_ids: Collection[uuid.UUID] | None,
    author: str | None,
    matching: Match | None,
) -> Select[*Ts]:
    """The rounds list: from the rounds with their area (not deleted), filtered (a theme means
    'a conversation about it'), newest first."""
    query = (
        query.select_from(KoffiekarSession)
        .join(Area, Area.id == KoffiekarSession.area_id)
        .where(KoffiekarSession.deleted_at.is_(None))
    )
    query = _in_areas_and_period(
        query, KoffiekarSession.area_id, KoffiekarSession.date, area_ids, start, end
    )
    if theme_ids is not None:
        themed = (
            select(Conversation.session_id)
            .join(conversation_theme, conversation_theme.c.conversation_id == Conversation.id)
            .where(conversation_theme.c.theme_id.in_(list(theme_ids)))
        )
        query = query.where(KoffiekarSession.id.in_(themed))
    if author:
        query = query.where(_by(author, KoffiekarSession))
    if matching is not None:
        query = _restrict(query, matching)
    return query.order_by(
        KoffiekarSession.date.desc(),
        KoffiekarSession.start_time.desc(),
        KoffiekarSession.created_at.desc(),
    )


def filtered_contacts(
    query: Select[*Ts],
    *,
    area_ids: Collection[uuid.UUID] | None,
    start: date | None,
    end: date | None,
    ids: Select[uuid.UUID] | None,
    theme_ids: Collection[uuid.UUID] | None,
    author: str | None,
    by_date: bool = False,
) -> Select[*Ts]:
    """The contacts list: the contacts (not deleted), filtered, newest first (the id orders
    those of one moment alike in every plan). Joins nothing: `query` brings whatever it
    selects besides the contact (area, partner, ...). `by_date` (SQLite): read them in date
    order, not per area, so that a page stops at its last row (see filtered_conversations)."""
    query = query.where(Contact.deleted_at.is_(None))
    if theme_ids is not None:
        themed = select(contact_theme.c.contact_id).where(
            contact_theme.c.theme_id.in_(list(theme_ids))
        )
        query = query.where(Contact.id.in_(themed))
    if author:
        query = query.where(_by(author, Contact))
    if by_date and area_ids is not None:  # '+area_id': SQLite then takes the date's index
        not_indexed = literal_column("+contact.area_id", Contact.area_id.type)
        query = _in_period(query.where(not_indexed.in_(list(area_ids))), Contact.date, start, end)
    else:
        query = _in_areas_and_period(query, Contact.area_id, Contact.date, area_ids, start, end)
    if ids is not None:
        query = query.where(Contact.id.in_(ids))
    return query.order_by(Contact.date.desc(), Contact.created_at.desc(), Contact.id.desc())


def _distinct_authors(model: type[Tracked]) -> Select[tuple[str]]:
    """The distinct created_by of `model`'s rows as a skip scan of its index: the smallest
    name, then each time the smallest one after it (SQLite has no skip scan for DISTINCT
    without ANALYZE's statistics, and would read the whole index)."""
    author = model.created_by
    first = select(func.min(author).label("name")).cte("names", recursive=True)
    following = select(func.min(author)).where(author > first.c.name).scalar_subquery()
    names = first.union_all(select(following).where(first.c.name.is_not(None)))
    return select(names.c.name).where(names.c.name.is_not(None))


class SearchRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def has_fts(self) -> bool:
        bind = self.session.get_bind()
        return bind.dialect.name == "sqlite"

    def matching_ids(self, kind: str, query: str) -> Match | None:
        """A subquery of the ids of `kind` records matching every word; None for no words."""
        model = _MODELS[kind]
        if self.has_fts:
            match = fts_query(query)
            if match is None:
                return None
            fts = table(f"{kind}_fts", column("rowid"))
            ids = (
                select(model.id)
                .select_from(fts)
                .join(model, literal_column(f"{kind}.rowid") == fts.c.rowid)
                .where(text(f"{kind}_fts MATCH :match").bindparams(match=match))
            )
            return Match(kind, ids, match)
        found = words(query)
        if not found:
            return None
        columns = [getattr(model, name) for name in SEARCH_TABLES[kind]]
        haystack = folded(columns[0])
        for extra in columns[1:]:
            haystack = haystack + " " + folded(extra)
        conditions: list[ColumnElement[bool]] = [
            haystack.like(like_pattern(w), escape="\\") for w in found
        ]
        return Match(kind, select(model.id).where(and_(*conditions)), None)

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
        limit: int,
    ) -> list[ConversationListRow]:
        """Rows for the list, with their theme names in the same statement (a query per chunk
        of ids cost as much as the search itself). The page is chosen and ordered first on
        narrow rows; only its rows get their texts and theme names (issue 19: sorting every
        match with them took 1.6 s for the first 100 rows of a year on ten times the data)."""
        page = (
            filtered_conversations(
                select(
                    Conversation.id,
                    KoffiekarSession.date.label("day"),
                    Conversation.created_at.label("at"),
                ),
                area_ids=area_ids,
                start=start,
                end=end,
                theme_ids=theme_ids,
                author=author,
                handling=handling,
                matching=matching,
                by_date=self.has_fts and matching is None,  # a search: the index finds it
            )
            .limit(limit)
            .subquery()
        )
        query = (
            select(
                type_coerce(Conversation.id, String),  # made a UUID when asked (`id`)
                KoffiekarSession.date,
                Area.name,
                Conversation.summary,
                Conversation.quote,
                type_coerce(Conversation.handling, String),  # made a Handling when asked
                Conversation.created_by,
                Conversation.quote_reportable,
                conversation_theme_names(),
            )
            .select_from(page)
            .join(Conversation, Conversation.id == page.c.id)
            .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
            .join(Area, Area.id == KoffiekarSession.area_id)
            .order_by(page.c.day.desc(), page.c.at.desc(), page.c.id.desc())
        )
        # Core, not the ORM's loading (rows of plain columns need none of it); each row
        # made from the driver's tuple at C speed
        rows = self.session.connection().execute(query).all()
        return list(map(ConversationListRow._make, rows))

    def authors(self) -> list[str]:
        """Everyone who recorded conversations, contacts or rounds (sorted, each once): per
        table the distinct names by one seek per name in its created_by index (migration 0015),
        not a read of every record (issue 19: 2.4 s at ten times the data)."""
        names: set[str] = set()
        for model in _MODELS.values():
            names.update(self.session.scalars(_distinct_authors(model)))
        return sorted(names)

    def sessions(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None,
        end: date | None,
        theme_ids: Collection[uuid.UUID] | None,
        author: str | None,
        matching: Match | None,
        limit: int,
    ) -> list[RoundListRow]:
        """Rounds, with their number of conversations."""
        query = filtered_sessions(
            _round_columns(),
            area_ids=area_ids,
            start=start,
            end=end,
            theme_ids=theme_ids,
            author=author,
            matching=matching,
        )
        return [RoundListRow(*row) for row in self.session.execute(query.limit(limit))]

    def session_row(self, session_id: uuid.UUID, area_id: uuid.UUID) -> RoundListRow | None:
        """One round of the area as `sessions` lists it (None: gone, or not in that area): the
        row of a round just written, without reading the area's others again."""
        query = filtered_sessions(
            _round_columns(),
            area_ids=[area_id],
            start=None,
            end=None,
            theme_ids=None,
            author=None,
            matching=None,
        ).where(KoffiekarSession.id == session_id)
        row = self.session.execute(query).first()
        return None if row is None else RoundListRow(*row)


def _round_columns() -> Select[uuid.UUID, date, str, str, int, int]:
    """What the rounds list shows of a round."""
    return select(
        KoffiekarSession.id,
        KoffiekarSession.date,
        Area.name,
        KoffiekarSession.place,
        KoffiekarSession.passers_by,
        conversation_count(),
    )
