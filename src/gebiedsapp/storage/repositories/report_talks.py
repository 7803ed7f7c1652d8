"""The summary's statements of the talks (rounds, conversations, contacts and their themes),
built once with parameters: the first brief after a conversation was saved counts its area's
talks again (services.summary_parts), and building these statements anew each time cost more
than SQLite's counting of one area (issue 15). The same queries as before, from
`reports.ReportRepository`; `every`: no area filter (the areas' parameter left out)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, func, select, union_all

from gebiedsapp.domain import (
    Area,
    Contact,
    Conversation,
    KoffiekarSession,
    Theme,
    contact_theme,
    conversation_theme,
)
from gebiedsapp.storage.repositories.report_lists import QUOTE_ORDER, quote_rows, quotes_in
from gebiedsapp.storage.repositories.report_sql import AreaIds, area_column

_START: Any = bindparam("start")
_END: Any = bindparam("end")
_AREAS: Any = bindparam("areas", expanding=True)


def params(area_ids: AreaIds, **values: Any) -> dict[str, Any]:
    """The statements' parameters: the areas (none for every area) and `values`."""
    if area_ids is not None:
        values["areas"] = list(area_ids)
    return values


def _area_filter(column: Any, every: bool) -> list[ColumnElement[bool]]:
    return [] if every else [column.in_(_AREAS)]


def _rounds_in(every: bool) -> ColumnElement[bool]:
    """`rounds_in` with the areas as a parameter (every area: every area's id, see there)."""
    return KoffiekarSession.area_id.in_(select(Area.id) if every else _AREAS)


@cache
def session_counts(every: bool) -> Any:
    return (
        select(
            KoffiekarSession.area_id,
            func.count(func.distinct(KoffiekarSession.id)),
            func.count(Conversation.id),
        )
        .outerjoin(
            Conversation,
            and_(
                Conversation.session_id == KoffiekarSession.id,
                Conversation.deleted_at.is_(None),
            ),
        )
        .where(
            KoffiekarSession.date.between(_START, _END),
            KoffiekarSession.deleted_at.is_(None),
            *_area_filter(KoffiekarSession.area_id, every),
        )
        .group_by(KoffiekarSession.area_id)
    )


@cache
def passers_by(every: bool) -> Any:
    return (
        select(KoffiekarSession.area_id, func.coalesce(func.sum(KoffiekarSession.passers_by), 0))
        .where(
            KoffiekarSession.date.between(_START, _END),
            KoffiekarSession.deleted_at.is_(None),
            *_area_filter(KoffiekarSession.area_id, every),
        )
        .group_by(KoffiekarSession.area_id)
    )


@cache
def contact_counts(every: bool) -> Any:
    return (
        select(Contact.area_id, func.count())
        .where(
            Contact.date.between(_START, _END),
            Contact.deleted_at.is_(None),
            *_area_filter(Contact.area_id, every),
        )
        .group_by(Contact.area_id)
    )


@cache
def said_per_day(every: bool) -> Any:
    return (
        select(area_column(KoffiekarSession.area_id), KoffiekarSession.date, func.count())
        .join(Conversation, Conversation.session_id == KoffiekarSession.id)
        .where(
            Conversation.deleted_at.is_(None),
            KoffiekarSession.deleted_at.is_(None),
            KoffiekarSession.date.between(_START, _END),
            _rounds_in(every),
        )
        .group_by(KoffiekarSession.area_id, KoffiekarSession.date)
    )


@cache
def theme_counts(every: bool) -> Any:
    """Per area and theme, the conversations and contacts with it in a period."""
    said = (
        select(
            KoffiekarSession.area_id.label("area_id"),
            conversation_theme.c.theme_id.label("theme_id"),
            func.count().label("n"),
        )
        .select_from(KoffiekarSession)
        .join(Conversation, Conversation.session_id == KoffiekarSession.id)
        .join(conversation_theme, conversation_theme.c.conversation_id == Conversation.id)
        .where(
            KoffiekarSession.date.between(_START, _END),
            KoffiekarSession.deleted_at.is_(None),
            Conversation.deleted_at.is_(None),
            _rounds_in(every),
        )
        .group_by(KoffiekarSession.area_id, conversation_theme.c.theme_id)
    )
    contacted = (
        select(
            Contact.area_id.label("area_id"),
            contact_theme.c.theme_id.label("theme_id"),
            func.count().label("n"),
        )
        .select_from(Contact)
        .join(contact_theme, contact_theme.c.contact_id == Contact.id)
        .where(
            Contact.date.between(_START, _END),
            Contact.deleted_at.is_(None),
            *_area_filter(Contact.area_id, every),
        )
        .group_by(Contact.area_id, contact_theme.c.theme_id)
    )
    links = union_all(said, contacted).subquery()
    return select(area_column(links.c.area_id), Theme.name, links.c.n).join(
        Theme, Theme.id == links.c.theme_id
    )


@cache
def quotes(every: bool) -> Any:
    return (
        quote_rows(select())
        .add_columns(KoffiekarSession.start_time, Conversation.created_at, Conversation.id)
        .where(*quotes_in(None, _START, _END), *_area_filter(KoffiekarSession.area_id, every))
        .order_by(*QUOTE_ORDER)
    )
