"""The talks counted per koffiekar round (migration 0021's round versions): a kept summary
brought up to date after a conversation saved counts its one round again and adds the
area's rounds up (services.summary_rounds), instead of counting the area's two years of talks
(issue 15). Built once with parameters, as `report_talks`; the same conditions as its
statements, per round instead of per area. Contacts have no round: they are counted per
area and period as before."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Column, Integer, MetaData, String, Table, bindparam, func, select
from sqlalchemy import type_coerce as as_type
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Contact,
    Conversation,
    KoffiekarSession,
    Theme,
    contact_theme,
    conversation_theme,
)
from gebiedsapp.storage.repositories.report_lists import quote_rows, quotes_in
from gebiedsapp.storage.repositories.report_rows import OrderedQuote, QuoteOrder, QuoteRow
from gebiedsapp.storage.repositories.report_sql import area_column

# migration 0021's table: local, no model (as sync_tracking's bookkeeping tables)
VERSIONS = MetaData()
round_version = Table(
    "summary_round_version",
    VERSIONS,
    Column("round_id", String, primary_key=True),
    Column("version", Integer, nullable=False),
)

_START: Any = bindparam("start")
_END: Any = bindparam("end")
_AREAS: Any = bindparam("areas", expanding=True)
_ROUNDS: Any = bindparam("rounds", expanding=True, type_=String)


def _raw(column: Any) -> Any:
    """A round's id as stored (32 hex digits): the kept facts' key, no UUID made per row."""
    return as_type(column, String)


@cache
def rounds() -> Any:
    """The live rounds of the areas from start to end: id, area, date, passers-by and the
    round's version (NULL: not changed since migration 0021)."""
    return (
        select(
            _raw(KoffiekarSession.id),
            area_column(KoffiekarSession.area_id),
            KoffiekarSession.date,
            KoffiekarSession.passers_by,
            round_version.c.version,
        )
        .outerjoin(round_version, round_version.c.round_id == KoffiekarSession.id)
        .where(
            KoffiekarSession.date.between(_START, _END),
            KoffiekarSession.deleted_at.is_(None),
            KoffiekarSession.area_id.in_(_AREAS),
        )
    )


@cache
def conversations() -> Any:
    """Per round, its live conversations."""
    return (
        select(_raw(Conversation.session_id), func.count())
        .where(_raw(Conversation.session_id).in_(_ROUNDS), Conversation.deleted_at.is_(None))
        .group_by(Conversation.session_id)
    )


@cache
def themes() -> Any:
    """Per round and theme name, its live conversations with that theme."""
    return (
        select(_raw(Conversation.session_id), Theme.name, func.count())
        .select_from(Conversation)
        .join(conversation_theme, conversation_theme.c.conversation_id == Conversation.id)
        .join(Theme, Theme.id == conversation_theme.c.theme_id)
        .where(_raw(Conversation.session_id).in_(_ROUNDS), Conversation.deleted_at.is_(None))
        .group_by(Conversation.session_id, Theme.name)
    )


@cache
def quotes() -> Any:
    """The rounds' reportable quotes (`report_lists`' one definition), with their order's
    columns and their round."""
    return (
        quote_rows(select())
        .add_columns(
            KoffiekarSession.start_time,
            Conversation.created_at,
            Conversation.id,
            _raw(Conversation.session_id),
        )
        .where(*quotes_in(None, _START, _END), _raw(Conversation.session_id).in_(_ROUNDS))
    )


@cache
def versions() -> Any:
    """The versions of some keys (rounds, or an area's contacts: summary_version.ROUND_OF)."""
    return select(round_version.c.round_id, round_version.c.version).where(
        round_version.c.round_id.in_(_ROUNDS)
    )


@cache
def contact_themes() -> Any:
    """Per area and theme name, the live contacts with that theme from start to end."""
    return (
        select(area_column(Contact.area_id), Theme.name, func.count())
        .select_from(Contact)
        .join(contact_theme, contact_theme.c.contact_id == Contact.id)
        .join(Theme, Theme.id == contact_theme.c.theme_id)
        .where(
            Contact.date.between(_START, _END),
            Contact.deleted_at.is_(None),
            Contact.area_id.in_(_AREAS),
        )
        .group_by(Contact.area_id, Theme.name)
    )


# SQLite's limit of a statement's parameters is far above this; a municipality's rounds of
# three years on ten times `large` are read in a few pieces.
_PIECE = 900


class RoundRow(NamedTuple):
    id: str  # as stored: 32 hex digits
    area_id: uuid.UUID
    day: date
    passers_by: int | None
    version: int | None  # None: not changed since migration 0021


class RoundTheme(NamedTuple):
    round_id: str
    theme: str
    conversations: int


class RoundQuote(NamedTuple):
    round_id: str
    quote: OrderedQuote


class AreaTheme(NamedTuple):
    area_id: uuid.UUID
    theme: str
    n: int


def _pieces(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + _PIECE] for i in range(0, len(ids), _PIECE)]


class RoundTalkRepository:
    """The statements above, read into named rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rounds(self, area_ids: Collection[uuid.UUID], start: date, end: date) -> list[RoundRow]:
        values = {"areas": list(area_ids), "start": start, "end": end}
        return [RoundRow(*row) for row in self.session.execute(rounds(), values)]

    def conversations(self, round_ids: Sequence[str]) -> dict[str, int]:
        return {
            r: int(n)
            for ids in _pieces(round_ids)
            for r, n in self.session.execute(conversations(), {"rounds": list(ids)})
        }

    def themes(self, round_ids: Sequence[str]) -> list[RoundTheme]:
        return [
            RoundTheme(r, name, int(n))
            for ids in _pieces(round_ids)
            for r, name, n in self.session.execute(themes(), {"rounds": list(ids)})
        ]

    def quotes(self, round_ids: Sequence[str], start: date, end: date) -> list[RoundQuote]:
        """The rounds' quotes (the rounds dated from start to end)."""
        found = []
        for ids in _pieces(round_ids):
            values = {"rounds": list(ids), "start": start, "end": end}
            for row in self.session.execute(quotes(), values):
                found.append(
                    RoundQuote(row[9], OrderedQuote(QuoteRow(*row[:6]), QuoteOrder(*row[6:9])))
                )
        return found

    def versions(self, keys: Sequence[str]) -> dict[str, int]:
        """The versions of `keys` that have one (none: not written since migration 0021)."""
        return {
            key: int(version)
            for piece in _pieces(keys)
            for key, version in self.session.execute(versions(), {"rounds": list(piece)})
        }

    def contact_themes(
        self, area_ids: Collection[uuid.UUID], start: date, end: date
    ) -> list[AreaTheme]:
        values = {"areas": list(area_ids), "start": start, "end": end}
        found = self.session.execute(contact_themes(), values)
        return [AreaTheme(a, name, int(n)) for a, name, n in found]
