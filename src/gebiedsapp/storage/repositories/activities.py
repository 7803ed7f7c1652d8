"""Queries on activities (bewonersavonden, dorpsschouwen, ...), their links, and the visits
(koffiekar rounds and activities) that the agenda shows."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date, time
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from gebiedsapp.domain import (
    ActionStatus,
    Activity,
    ActivityKind,
    Area,
    FollowUp,
    Initiative,
    InitiativeStatus,
    KoffiekarSession,
    Signal,
    SignalCategory,
    activity_theme,
)
from gebiedsapp.domain.signal_workflow import OPEN
from gebiedsapp.domain.taxonomy import Theme

# The rows returned, named (each a tuple too, so a caller may still unpack one).


class SignalOption(NamedTuple):
    id: uuid.UUID
    reported_on: date
    category: str
    location: str


class ActionOption(NamedTuple):
    id: uuid.UUID
    description: str
    due: date | None


class InitiativeOption(NamedTuple):
    id: uuid.UUID
    title: str


class RoundRow(NamedTuple):
    id: uuid.UUID
    day: date
    start: time | None
    end: time | None
    area_id: uuid.UUID
    area_name: str
    place: str


class ActivityRow(NamedTuple):
    id: uuid.UUID
    day: date
    start: time | None
    end: time | None
    area_id: uuid.UUID
    area_name: str
    place: str
    kind: ActivityKind
    subject: str


class ActivityTally(NamedTuple):
    held: int
    attendance: int  # added up over those with a count


class ActivityThemeTally(NamedTuple):
    area_id: uuid.UUID
    theme: str
    activities: int


class ActivityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _activities(self) -> Select[Activity]:
        return select(Activity).options(
            joinedload(Activity.area),
            selectinload(Activity.themes),
            selectinload(Activity.signals).joinedload(Signal.category),
            selectinload(Activity.actions),
            selectinload(Activity.initiatives),
        )

    def get(self, activity_id: uuid.UUID) -> Activity | None:
        query = self._activities().where(Activity.id == activity_id)
        return self.session.scalars(query).one_or_none()

    def activities(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None = None,
        end: date | None = None,
    ) -> Sequence[Activity]:
        """Not removed, of these areas (None: all), in [start, end]; newest first."""
        query = self._activities().where(Activity.deleted_at.is_(None), *_in(area_ids))
        if start is not None:
            query = query.where(Activity.date >= start)
        if end is not None:
            query = query.where(Activity.date <= end)
        order = (Activity.date.desc(), Activity.start_time.desc(), Activity.subject)
        return self.session.scalars(query.order_by(*order)).all()

    # --- what a form may link to ----------------------------------------------------------

    def signal_options(
        self, area_ids: Collection[uuid.UUID] | None, since: date
    ) -> list[SignalOption]:
        """(id, reported on, category, location) of the area's signals still open or reported
        since `since`; newest first."""
        query = (
            select(Signal.id, Signal.reported_on, SignalCategory.name, Signal.location)
            .join(SignalCategory, SignalCategory.id == Signal.category_id)
            .where(
                Signal.deleted_at.is_(None),
                or_(Signal.status.in_(list(OPEN)), Signal.reported_on >= since),
                *([] if area_ids is None else [Signal.area_id.in_(list(area_ids))]),
            )
            .order_by(Signal.reported_on.desc(), SignalCategory.name)
            .limit(300)
        )
        return [SignalOption(*row) for row in self.session.execute(query)]

    def action_options(self, area_ids: Collection[uuid.UUID] | None) -> list[ActionOption]:
        """(id, description, due) of the area's open actions, the first due first."""
        query = (
            select(FollowUp.id, FollowUp.description, FollowUp.due_date)
            .where(
                FollowUp.deleted_at.is_(None),
                FollowUp.status == ActionStatus.OPEN,
                *([] if area_ids is None else [FollowUp.area_id.in_(list(area_ids))]),
            )
            .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.description)
            .limit(300)
        )
        return [ActionOption(*row) for row in self.session.execute(query)]

    def initiative_options(self, area_ids: Collection[uuid.UUID] | None) -> list[InitiativeOption]:
        """(id, title) of the area's initiatives not ended, by title."""
        ended = [InitiativeStatus.AFGEROND, InitiativeStatus.GESTOPT]
        query = (
            select(Initiative.id, Initiative.title)
            .where(
                Initiative.deleted_at.is_(None),
                Initiative.status.not_in(ended),
                *([] if area_ids is None else [Initiative.area_id.in_(list(area_ids))]),
            )
            .order_by(Initiative.title)
        )
        return [InitiativeOption(*row) for row in self.session.execute(query)]

    # --- the agenda -----------------------------------------------------------------------

    def rounds(
        self, area_ids: Collection[uuid.UUID] | None, start: date, end: date
    ) -> list[RoundRow]:
        """(id, day, start, end, area, area name, place) of the koffiekar rounds in the span."""
        query = (
            select(
                KoffiekarSession.id,
                KoffiekarSession.date,
                KoffiekarSession.start_time,
                KoffiekarSession.end_time,
                KoffiekarSession.area_id,
                Area.name,
                KoffiekarSession.place,
            )
            .join(Area, Area.id == KoffiekarSession.area_id)
            .where(
                KoffiekarSession.deleted_at.is_(None),
                KoffiekarSession.date >= start,
                KoffiekarSession.date <= end,
                *([] if area_ids is None else [KoffiekarSession.area_id.in_(list(area_ids))]),
            )
        )
        return [RoundRow(*row) for row in self.session.execute(query)]

    def agenda_activities(
        self, area_ids: Collection[uuid.UUID] | None, start: date, end: date
    ) -> list[ActivityRow]:
        """(id, day, start, end, area, area name, place, kind, subject) in the span."""
        query = (
            select(
                Activity.id,
                Activity.date,
                Activity.start_time,
                Activity.end_time,
                Activity.area_id,
                Area.name,
                Activity.place,
                Activity.kind,
                Activity.subject,
            )
            .join(Area, Area.id == Activity.area_id)
            .where(
                Activity.deleted_at.is_(None),
                Activity.date >= start,
                Activity.date <= end,
                *_in(area_ids),
            )
        )
        return [ActivityRow(*row) for row in self.session.execute(query)]

    def last_visits(self, on_or_before: date) -> dict[uuid.UUID, date]:
        """Per area: the last day on or before `on_or_before` with a koffiekar round or an
        activity there (the area itself, not its sub-areas)."""
        found: dict[uuid.UUID, date] = {}
        for model in (KoffiekarSession, Activity):
            table: Any = model
            query = (
                select(table.area_id, func.max(table.date))
                .where(table.deleted_at.is_(None), table.date <= on_or_before)
                .group_by(table.area_id)
            )
            for area_id, day in self.session.execute(query):
                if day is not None and (area_id not in found or day > found[area_id]):
                    found[area_id] = day
        return found

    # --- for the summaries ------------------------------------------------------------------

    def counts(
        self, area_ids: Collection[uuid.UUID] | None, start: date, end: date
    ) -> dict[uuid.UUID, ActivityTally]:
        """Per area: the activities held in the span and their attendance added up."""
        query = (
            select(Activity.area_id, func.count(), func.coalesce(func.sum(Activity.attendance), 0))
            .where(
                Activity.deleted_at.is_(None),
                Activity.date >= start,
                Activity.date <= end,
                *_in(area_ids),
            )
            .group_by(Activity.area_id)
        )
        return {
            a: ActivityTally(int(n), int(people or 0))
            for a, n, people in self.session.execute(query)
        }

    def theme_counts(
        self, area_ids: Collection[uuid.UUID] | None, start: date, end: date
    ) -> list[ActivityThemeTally]:
        """Per area and theme: the activities with it in the span."""
        query = (
            select(Activity.area_id, Theme.name, func.count())
            .join(activity_theme, activity_theme.c.activity_id == Activity.id)
            .join(Theme, Theme.id == activity_theme.c.theme_id)
            .where(
                Activity.deleted_at.is_(None),
                Activity.date >= start,
                Activity.date <= end,
                *_in(area_ids),
            )
            .group_by(Activity.area_id, Theme.name)
        )
        return [ActivityThemeTally(a, name, int(n)) for a, name, n in self.session.execute(query)]


def _in(area_ids: Collection[uuid.UUID] | None) -> list[ColumnElement[bool]]:
    return [] if area_ids is None else [Activity.area_id.in_(list(area_ids))]
