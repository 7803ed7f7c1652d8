"""Queries on contacts, follow-up actions and the meedenker register."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload, selectinload

from gebiedsapp.domain import (
    ActionStatus,
    Contact,
    FollowUp,
    Meedenker,
    TeamMember,
)


class ContactRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _contacts(self) -> Select[Contact]:
        return select(Contact).options(
            selectinload(Contact.themes), joinedload(Contact.area), joinedload(Contact.partner)
        )

    def get(self, contact_id: uuid.UUID) -> Contact | None:
        return self.session.scalars(self._contacts().where(Contact.id == contact_id)).one_or_none()

    def contacts(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None,
        end: date | None,
        ids: Collection[uuid.UUID] | None = None,
    ) -> Sequence[Contact]:
        query = self._contacts().where(Contact.deleted_at.is_(None))
        if area_ids is not None:
            query = query.where(Contact.area_id.in_(area_ids))
        if start is not None:
            query = query.where(Contact.date >= start)
        if end is not None:
            query = query.where(Contact.date <= end)
        if ids is not None:
            query = query.where(Contact.id.in_(ids))
        return self.session.scalars(query.order_by(Contact.date.desc())).all()

    def follow_up(self, action_id: uuid.UUID) -> FollowUp | None:
        return self.session.scalars(
            select(FollowUp)
            .options(joinedload(FollowUp.owner), joinedload(FollowUp.area))
            .where(FollowUp.id == action_id)
        ).one_or_none()

    def follow_ups(
        self,
        *,
        owner_account: str | None = None,
        area_ids: Collection[uuid.UUID] | None = None,
        statuses: Collection[ActionStatus] | None = None,
    ) -> Sequence[FollowUp]:
        query = (
            select(FollowUp)
            .options(joinedload(FollowUp.owner), joinedload(FollowUp.area))
            .where(FollowUp.deleted_at.is_(None))
        )
        if owner_account is not None:
            query = query.join(TeamMember, TeamMember.id == FollowUp.owner_id).where(
                TeamMember.account == owner_account
            )
        if area_ids is not None:
            query = query.where(FollowUp.area_id.in_(area_ids))
        if statuses is not None:
            query = query.where(FollowUp.status.in_(statuses))
        query = query.order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.created_at)
        return self.session.scalars(query).all()

    def meedenkers(self, *, area_ids: Collection[uuid.UUID] | None = None) -> Sequence[Meedenker]:
        query = (
            select(Meedenker)
            .options(
                joinedload(Meedenker.resident),
                joinedload(Meedenker.area),
                selectinload(Meedenker.themes),
            )
            .where(Meedenker.deleted_at.is_(None), Meedenker.active.is_(True))
        )
        if area_ids is not None:
            query = query.where(Meedenker.area_id.in_(area_ids))
        return self.session.scalars(query.order_by(Meedenker.since.desc())).all()
