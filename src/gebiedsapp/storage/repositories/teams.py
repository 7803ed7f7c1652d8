"""Queries on team members and their assignments."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.teams import Assignment, TeamMember


class TeamRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def members(self, *, active_only: bool = False) -> Sequence[TeamMember]:
        query = select(TeamMember).where(TeamMember.deleted_at.is_(None)).order_by(TeamMember.name)
        if active_only:
            query = query.where(TeamMember.active.is_(True))
        return self.session.scalars(query).all()

    def member(self, member_id: uuid.UUID) -> TeamMember | None:
        return self.session.get(TeamMember, member_id)

    def member_by_account(self, account: str) -> TeamMember | None:
        return self.session.scalars(
            select(TeamMember).where(TeamMember.account == account, TeamMember.deleted_at.is_(None))
        ).one_or_none()

    def beheerders(self) -> Sequence[TeamMember]:
        """Active members with the beheerder role."""
        return self.session.scalars(
            select(TeamMember).where(
                TeamMember.beheerder.is_(True),
                TeamMember.active.is_(True),
                TeamMember.deleted_at.is_(None),
            )
        ).all()

    def assignment(self, assignment_id: uuid.UUID) -> Assignment | None:
        return self.session.scalars(
            select(Assignment)
            .options(joinedload(Assignment.member), joinedload(Assignment.area))
            .where(Assignment.id == assignment_id)
        ).one_or_none()

    def assignments(
        self,
        *,
        on: date | None = None,
        area_id: uuid.UUID | None = None,
        member_id: uuid.UUID | None = None,
    ) -> Sequence[Assignment]:
        """Assignments with member and area loaded; `on` keeps those active on that day."""
        query = (
            select(Assignment)
            .join(Area, Area.id == Assignment.area_id)
            .join(TeamMember, TeamMember.id == Assignment.member_id)
            .options(joinedload(Assignment.member), joinedload(Assignment.area))
            .where(
                Assignment.deleted_at.is_(None),
                Area.deleted_at.is_(None),
                TeamMember.deleted_at.is_(None),
            )
            .order_by(Assignment.start_date)
        )
        if on is not None:
            query = query.where(
                Assignment.start_date <= on,
                or_(Assignment.end_date.is_(None), Assignment.end_date >= on),
            )
        if area_id is not None:
            query = query.where(Assignment.area_id == area_id)
        if member_id is not None:
            query = query.where(Assignment.member_id == member_id)
        return self.session.scalars(query).all()
