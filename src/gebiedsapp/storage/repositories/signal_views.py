"""Read-only queries for the signals screen: lean rows for the list, counts per status, and
the names a signal's detail shows (conversation, contact, feedback, children)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, NamedTuple, TypeVarTuple

from sqlalchemy import Row, String, and_, case, exists, func, literal, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from gebiedsapp.domain import (
    Area,
    CbsBuurt,
    Contact,
    Conversation,
    KoffiekarSession,
    Partner,
    Priority,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalStatus,
)
from gebiedsapp.domain.deadlines import RUIM_FACTOR
from gebiedsapp.storage.repositories.report_sql import days_between

Ts = TypeVarTuple("Ts")
# Positional on purpose: the list is read 100k rows at a time, and a named tuple per row would
# add about as much again as services.signal_views's own view per row (bench: ~0.15 s).
ListRow = Row[
    str,
    date,
    str,
    str | None,
    str | None,
    SignalStatus,
    Priority,
    str | None,
    date,
    date | None,
    str,
    str,
    bool,
]

# what the list's order needs of every matching signal (the rest is read for the rows shown)
OrderRow = Row[str, date, date, date | None, str | None]


class HeardIn(NamedTuple):
    """The conversation a signal came from, as its detail names it."""

    day: date
    place: str
    summary: str


class MetIn(NamedTuple):
    """The contact a signal came from, as its detail names it."""

    day: date
    subject: str


class SignalViewRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _where(
        self,
        query: Select[*Ts],
        *,
        area_ids: Collection[uuid.UUID] | None,
        category_ids: Collection[uuid.UUID] | None,
        partner_id: uuid.UUID | None,
        priority: Priority | None,
        start: date | None,
        end: date | None,
        buurt_code: str | None,
        awaiting_feedback: Collection[SignalStatus] | None,
    ) -> Select[*Ts]:
        query = query.where(Signal.deleted_at.is_(None))
        if area_ids is not None:
            query = query.where(Signal.area_id.in_(list(area_ids)))
        if category_ids is not None:
            query = query.where(Signal.category_id.in_(list(category_ids)))
        if partner_id is not None:
            query = query.where(Signal.partner_id == partner_id)
        if priority is not None:
            query = query.where(Signal.priority == priority)
        if start is not None:
            query = query.where(Signal.reported_on >= start)
        if end is not None:
            query = query.where(Signal.reported_on <= end)
        if buurt_code is not None:
            query = query.where(Signal.buurt_code == buurt_code)
        if awaiting_feedback is not None:
            given = exists().where(
                and_(
                    SignalFeedback.signal_id == Signal.id,
                    SignalFeedback.given_on >= Signal.closed_on,
                )
            )
            query = query.where(
                Signal.wants_feedback.is_(True),
                Signal.status.in_(list(awaiting_feedback)),
                ~given,
            )
        return query

    def rows(
        self,
        *,
        statuses: Collection[SignalStatus] | None,
        **filters: Any,
    ) -> Sequence[ListRow]:
        """(id, reported_on, category, buurt code, buurt name, status, priority, partner,
        deadline, closed_on, area name, description start, is a child) per matching signal."""
        query = self._row_query()
        query = self._where(query, **filters)
        if statuses is not None:
            query = query.where(Signal.status.in_(list(statuses)))
        # Core, not ORM, execution: these are plain columns, and the ORM's row loading costs
        # about a third of the time on a large list.
        return self.session.connection().execute(query).all()

    def _row_query(self) -> Any:
        """The columns of `rows` and their joins."""
        return (
            select(
                # the id as text: turning 100k of them into UUIDs is a third of the time, and
                # the list needs only the few the user opens
                type_coerce(Signal.id, String),
                Signal.reported_on,
                SignalCategory.name,
                Signal.buurt_code,
                CbsBuurt.name,
                Signal.status,
                Signal.priority,
                Partner.name,
                Signal.deadline,
                Signal.closed_on,
                Area.name,
                func.substr(Signal.description, 1, 300),  # for a tooltip; the detail has it all
                Signal.parent_id.is_not(None),
            )
            .join(SignalCategory, SignalCategory.id == Signal.category_id)
            .join(Area, Area.id == Signal.area_id)
            .outerjoin(Partner, Partner.id == Signal.partner_id)
            .outerjoin(CbsBuurt, CbsBuurt.code == Signal.buurt_code)
        )

    def order_rows(
        self, *, statuses: Collection[SignalStatus] | None, **filters: Any
    ) -> Sequence[OrderRow]:
        """(id as text, reported_on, deadline, closed_on, buurt code) per matching signal: what
        the list's order and its map's counts need, without the joins and texts of `rows`."""
        query = select(
            type_coerce(Signal.id, String),
            Signal.reported_on,
            Signal.deadline,
            Signal.closed_on,
            Signal.buurt_code,
        )
        query = self._where(query, **filters)
        if statuses is not None:
            query = query.where(Signal.status.in_(list(statuses)))
        return self.session.connection().execute(query).all()

    def first_keys(
        self,
        *,
        today: date,
        limit: int,
        label_place: int | None = None,
        statuses: Collection[SignalStatus] | None,
        **filters: Any,
    ) -> list[str]:
        """The ids (as text) of the first `limit` matching signals in the list's order (the
        deadline label's place, deadline, reported_on, id; `label_place`: that label's only),
        sorted by the database and cut there: the list's first page without reading and
        ordering all of them in Python (62,000 for Winschoten on ten times today's data)."""
        place = label_place_on(today)
        query = self._where(select(type_coerce(Signal.id, String)), **filters)
        if statuses is not None:
            query = query.where(Signal.status.in_(list(statuses)))
        if label_place is not None:
            query = query.where(place == label_place)
        query = query.order_by(place, Signal.deadline, Signal.reported_on, Signal.id).limit(limit)
        return list(self.session.connection().execute(query).scalars())

    def rows_of(self, keys: Collection[str]) -> Sequence[ListRow]:
        """`rows`' columns of these signals (ids as text, as `order_rows` gives them)."""
        if not keys:
            return []
        # compared as stored: no UUID object per key (SQLAlchemy's statement cache keeps the
        # last statement's values alive)
        query = self._row_query().where(type_coerce(Signal.id, String).in_(list(keys)))
        return self.session.connection().execute(query).all()

    def status_counts(self, **filters: Any) -> dict[SignalStatus, int]:
        query = self._where(select(Signal.status, func.count()).group_by(Signal.status), **filters)
        return {SignalStatus(status): count for status, count in self.session.execute(query)}

    def conversation(self, conversation_id: uuid.UUID) -> HeardIn | None:
        row = self.session.execute(
            select(KoffiekarSession.date, KoffiekarSession.place, Conversation.summary)
            .join(KoffiekarSession, Conversation.session_id == KoffiekarSession.id)
            .where(Conversation.id == conversation_id)
        ).first()
        return HeardIn(*row) if row is not None else None

    def contact(self, contact_id: uuid.UUID) -> MetIn | None:
        row = self.session.execute(
            select(Contact.date, Contact.subject).where(Contact.id == contact_id)
        ).first()
        return MetIn(*row) if row is not None else None

    def names(self, model: type[Partner] | type[SignalCategory]) -> dict[uuid.UUID, str]:
        return {row[0]: row[1] for row in self.session.execute(select(model.id, model.name))}

    def area_name(self, area_id: uuid.UUID) -> str:
        return self.session.scalar(select(Area.name).where(Area.id == area_id)) or ""

    def buurt_name(self, code: str) -> str:
        return self.session.scalar(select(CbsBuurt.name).where(CbsBuurt.code == code)) or ""


def label_place_on(today: date) -> Any:
    """`deadline_label` on `today` as its place in the list (ruim buiten 0, buiten 1, binnen
    2), in SQL: binnen while the day it was closed (or today) is not past the deadline; ruim
    buiten when the days taken exceed RUIM_FACTOR times the term (of at least a day)."""
    end = func.coalesce(Signal.closed_on, literal(today, Signal.closed_on.type))
    term = days_between(Signal.reported_on, Signal.deadline)
    taken = days_between(Signal.reported_on, end)
    return case(
        (end <= Signal.deadline, 2),
        (taken > RUIM_FACTOR * case((term < 1, 1), else_=term), 0),
        else_=1,
    )
