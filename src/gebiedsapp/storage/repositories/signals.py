"""Queries on signals, their history and the feedback given to residents."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from typing import Any, NamedTuple, cast

from sqlalchemy import String, Table, and_, exists, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Contact,
    Conversation,
    KoffiekarSession,
    Partner,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalHistory,
    SignalStatus,
)


class HeardAt(NamedTuple):
    """A conversation with the koffiekar round it was held in."""

    conversation: Conversation
    round: KoffiekarSession


class PointRow(NamedTuple):
    """A signal with coordinates, for the map."""

    key: str  # the id as text, as the signal list has it
    longitude: float
    latitude: float
    category: str
    location: str
    status: SignalStatus


class SignalRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, signal_id: uuid.UUID) -> Signal | None:
        """A signal that exists and was not removed."""
        row = self.session.get(Signal, signal_id)
        return None if row is None or row.is_deleted else row

    def insert_signals(self, values: Sequence[Mapping[str, Any]]) -> None:
        """New signals in one statement (services.signal_write does the bookkeeping)."""
        self.session.execute(insert(cast(Table, Signal.__table__)), list(values))

    def category(self, category_id: uuid.UUID) -> SignalCategory | None:
        row = self.session.get(SignalCategory, category_id)
        return None if row is None or row.is_deleted else row

    def partner(self, partner_id: uuid.UUID) -> Partner | None:
        row = self.session.get(Partner, partner_id)
        return None if row is None or row.is_deleted else row

    def conversation_with_session(self, conversation_id: uuid.UUID) -> HeardAt | None:
        row = self.session.execute(
            select(Conversation, KoffiekarSession)
            .join(KoffiekarSession, Conversation.session_id == KoffiekarSession.id)
            .where(Conversation.id == conversation_id, Conversation.deleted_at.is_(None))
        ).first()
        return HeardAt(row[0], row[1]) if row is not None else None

    def contact(self, contact_id: uuid.UUID) -> Contact | None:
        row = self.session.get(Contact, contact_id)
        return None if row is None or row.is_deleted else row

    def children(self, parent_id: uuid.UUID) -> Sequence[Signal]:
        return self.session.scalars(
            select(Signal)
            .where(Signal.parent_id == parent_id, Signal.deleted_at.is_(None))
            .order_by(Signal.created_at, Signal.id)
        ).all()

    def count_children(
        self, parent_id: uuid.UUID, *, statuses: Collection[SignalStatus] | None = None
    ) -> int:
        query = select(func.count()).where(
            Signal.parent_id == parent_id, Signal.deleted_at.is_(None)
        )
        if statuses is not None:
            query = query.where(Signal.status.in_(list(statuses)))
        return self.session.scalar(query) or 0

    def history(self, signal_id: uuid.UUID) -> Sequence[SignalHistory]:
        """A signal's history, oldest first."""
        return self.session.scalars(
            select(SignalHistory)
            .where(SignalHistory.signal_id == signal_id)
            .order_by(SignalHistory.seq)
        ).all()

    def next_seq(self, signal_id: uuid.UUID) -> int:
        last = self.session.scalar(
            select(func.max(SignalHistory.seq)).where(SignalHistory.signal_id == signal_id)
        )
        return (last or 0) + 1

    def feedback(self, signal_id: uuid.UUID) -> Sequence[SignalFeedback]:
        return self.session.scalars(
            select(SignalFeedback)
            .where(SignalFeedback.signal_id == signal_id)
            .order_by(SignalFeedback.given_on, SignalFeedback.created_at)
        ).all()

    def awaiting_feedback(
        self,
        *,
        closed: Collection[SignalStatus],
        area_ids: Collection[uuid.UUID] | None = None,
    ) -> Sequence[Signal]:
        """Closed signals whose reporter wants feedback and got none since it was closed
        (feedback given earlier, e.g. "we passed it on", does not count), oldest closed first."""
        given = exists().where(
            and_(
                SignalFeedback.signal_id == Signal.id,
                SignalFeedback.given_on >= Signal.closed_on,
            )
        )
        query = select(Signal).where(
            Signal.deleted_at.is_(None),
            Signal.wants_feedback.is_(True),
            Signal.status.in_(list(closed)),
            ~given,
        )
        if area_ids is not None:
            query = query.where(Signal.area_id.in_(list(area_ids)))
        return self.session.scalars(query.order_by(Signal.closed_on, Signal.id)).all()

    def points(
        self,
        *,
        statuses: Collection[SignalStatus],
        area_ids: Collection[uuid.UUID] | None = None,
    ) -> list[PointRow]:
        """The signals with coordinates in these statuses (and areas), for the map."""
        query = (
            select(
                type_coerce(Signal.id, String),
                Signal.longitude,
                Signal.latitude,
                SignalCategory.name,
                Signal.location,
                Signal.status,
            )
            .join(SignalCategory, SignalCategory.id == Signal.category_id)
            .where(
                Signal.deleted_at.is_(None),
                Signal.latitude.is_not(None),
                Signal.longitude.is_not(None),
                Signal.status.in_(list(statuses)),
            )
        )
        if area_ids is not None:
            query = query.where(Signal.area_id.in_(list(area_ids)))
        return [
            PointRow(key, lon, lat, category, location, status)
            for key, lon, lat, category, location, status in self.session.connection().execute(
                query
            )
            if lon is not None and lat is not None  # always: the query asks for both
        ]
