"""Queries on residents' initiatives and their milestones."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, String, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session, joinedload, selectinload

from gebiedsapp.domain import (
    Area,
    Initiative,
    InitiativeMilestone,
    InitiativeStatus,
    TeamMember,
    Theme,
)
from gebiedsapp.domain.initiatives import initiative_theme
from gebiedsapp.storage.repositories.report_lists import (
    INITIATIVE_COLUMNS,
    INITIATIVE_ORDER,
    initiatives_in,
)


class InitiativeTally(NamedTuple):
    """Started in the period, running on the day asked, completed (afgerond) in the period."""

    started: int
    running: int
    completed: int


class InitiativeInPeriod(NamedTuple):
    area_id: uuid.UUID
    id: uuid.UUID
    title: str
    area_name: str
    status: InitiativeStatus
    started_on: date
    ended_on: date | None
    budget_granted: int | None


class OpenMilestone(NamedTuple):
    initiative_id: uuid.UUID
    description: str
    due_on: date | None


class InitiativeListRow(NamedTuple):
    """An initiative as Initiatieven's list shows it: plain columns, no ORM object (at ten
    times today's data loading them left thousands of objects for the GUI thread's garbage
    collections, issue 19). `key` is the id as stored (32 hex digits in SQLite)."""

    key: str | uuid.UUID
    title: str
    status: InitiativeStatus
    area_name: str
    started_on: date
    ended_on: date | None
    carried_by: str
    supporter_name: str | None
    budget_granted: int | None


class ListedTheme(NamedTuple):
    initiative_key: str | uuid.UUID
    name: str


class ListedMilestone(NamedTuple):
    """A milestone of a listed initiative, in the form's order (by due day, undated last,
    then as entered)."""

    initiative_key: str | uuid.UUID
    description: str
    due_on: date | None
    reached_on: date | None


class InitiativeListing(NamedTuple):
    """The listed initiatives, with their themes and milestones."""

    rows: list[InitiativeListRow]
    themes: list[ListedTheme]
    milestones: list[ListedMilestone]


def _stored(column: Any) -> Any:
    """An id column as stored: no UUID object per row."""
    return type_coerce(column, String)


class InitiativeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def listed(
        self, *, area_ids: Collection[uuid.UUID] | None, include_ended: bool
    ) -> InitiativeListing:
        """The rows of `initiatives(area_ids=..., include_ended=...)` in its order, with their
        themes and milestones (not removed), in three plain queries."""
        where = [Initiative.deleted_at.is_(None), *_in(area_ids)]
        if not include_ended:
            where.append(
                Initiative.status.not_in([InitiativeStatus.AFGEROND, InitiativeStatus.GESTOPT])
            )
        query = (
            select(
                _stored(Initiative.id),
                Initiative.title,
                Initiative.status,
                Area.name,
                Initiative.started_on,
                Initiative.ended_on,
                Initiative.carried_by,
                TeamMember.name,
                Initiative.budget_granted,
            )
            .join(Area, Area.id == Initiative.area_id)
            .outerjoin(TeamMember, TeamMember.id == Initiative.supporter_id)
            .where(*where)
            .order_by(Initiative.started_on.desc(), Initiative.title)
        )
        rows = [InitiativeListRow(*row) for row in self.session.execute(query)]
        chosen = select(Initiative.id).where(*where)
        themes = (
            select(_stored(initiative_theme.c.initiative_id), Theme.name)
            .join(Theme, Theme.id == initiative_theme.c.theme_id)
            .where(initiative_theme.c.initiative_id.in_(chosen))
        )
        steps = (
            select(
                _stored(InitiativeMilestone.initiative_id),
                InitiativeMilestone.description,
                InitiativeMilestone.due_on,
                InitiativeMilestone.reached_on,
            )
            .where(
                InitiativeMilestone.deleted_at.is_(None),
                InitiativeMilestone.initiative_id.in_(chosen),
            )
            .order_by(
                InitiativeMilestone.due_on.is_(None),
                InitiativeMilestone.due_on,
                InitiativeMilestone.created_at,
            )
        )
        return InitiativeListing(
            rows,
            [ListedTheme(*row) for row in self.session.execute(themes)],
            [ListedMilestone(*row) for row in self.session.execute(steps)],
        )

    def _initiatives(self) -> Select[Initiative]:
        return select(Initiative).options(
            joinedload(Initiative.area),
            joinedload(Initiative.supporter),
            selectinload(Initiative.themes),
            selectinload(Initiative.partners),
            selectinload(Initiative.milestones),
        )

    def get(self, initiative_id: uuid.UUID) -> Initiative | None:
        return self.session.scalars(
            self._initiatives().where(Initiative.id == initiative_id)
        ).one_or_none()

    def initiatives(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        include_ended: bool = True,
        active_from: date | None = None,
        active_to: date | None = None,
    ) -> Sequence[Initiative]:
        """Not removed; of these areas (None: all); with `include_ended` False only those not
        ended; with `active_from`/`active_to` only those running at some day of that span
        (started on or before its end, not ended before its start). Newest start first."""
        query = self._initiatives().where(Initiative.deleted_at.is_(None), *_in(area_ids))
        if not include_ended:
            ends = [InitiativeStatus.AFGEROND, InitiativeStatus.GESTOPT]
            query = query.where(Initiative.status.not_in(ends))
        if active_to is not None:
            query = query.where(Initiative.started_on <= active_to)
        if active_from is not None:
            query = query.where(
                or_(Initiative.ended_on.is_(None), Initiative.ended_on >= active_from)
            )
        query = query.order_by(Initiative.started_on.desc(), Initiative.title)
        return self.session.scalars(query).all()

    # --- for the summaries (services.summary): grouped by area, names only ------------------

    def counts(
        self, area_ids: Collection[uuid.UUID] | None, start: date, end: date, as_of: date
    ) -> dict[uuid.UUID, InitiativeTally]:
        """Per area: started in the period, running on `as_of`, completed in the period.

        Running: started on or before `as_of` and not ended on or before it. Completed: ended
        in the period with the status afgerond (a stopped one is not completed)."""
        started = and_(Initiative.started_on >= start, Initiative.started_on <= end)
        running = and_(
            Initiative.started_on <= as_of,
            or_(Initiative.ended_on.is_(None), Initiative.ended_on > as_of),
        )
        done = and_(
            Initiative.status == InitiativeStatus.AFGEROND,
            Initiative.ended_on >= start,
            Initiative.ended_on <= end,
        )

        def flag(condition: ColumnElement[bool]) -> Any:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        query = (
            select(Initiative.area_id, flag(started), flag(running), flag(done))
            .where(Initiative.deleted_at.is_(None), *_in(area_ids))
            .group_by(Initiative.area_id)
        )
        return {
            a: InitiativeTally(int(s), int(r), int(d)) for a, s, r, d in self.session.execute(query)
        }

    def in_period(
        self, area_ids: Collection[uuid.UUID] | None, start: date, as_of: date
    ) -> list[InitiativeInPeriod]:
        """Every initiative started on or before `as_of` and not ended before `start` (running
        in the period, or ended in it): not yet ended ones first, then by start."""
        query = (
            select(*INITIATIVE_COLUMNS)
            .join(Area, Area.id == Initiative.area_id)
            .where(*initiatives_in(start, as_of), *_in(area_ids))
            .order_by(*INITIATIVE_ORDER)
        )
        return [InitiativeInPeriod(*row) for row in self.session.execute(query)]

    def open_milestones(self, initiative_ids: Collection[uuid.UUID]) -> list[OpenMilestone]:
        """The milestones not reached yet, per initiative the first due first (undated last)."""
        if not initiative_ids:
            return []
        query = (
            select(
                InitiativeMilestone.initiative_id,
                InitiativeMilestone.description,
                InitiativeMilestone.due_on,
            )
            .where(
                InitiativeMilestone.deleted_at.is_(None),
                InitiativeMilestone.reached_on.is_(None),
                InitiativeMilestone.initiative_id.in_(list(initiative_ids)),
            )
            .order_by(
                InitiativeMilestone.initiative_id,
                InitiativeMilestone.due_on.is_(None),
                InitiativeMilestone.due_on,
                InitiativeMilestone.created_at,
            )
        )
        return [OpenMilestone(*row) for row in self.session.execute(query)]


def _in(area_ids: Collection[uuid.UUID] | None) -> list[ColumnElement[bool]]:
    return [] if area_ids is None else [Initiative.area_id.in_(list(area_ids))]
