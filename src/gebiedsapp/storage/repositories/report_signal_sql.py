"""The summary's statements of the signals and the agreed actions, built once with parameters
(as `report_talks`):
the first brief after a signal was written counts its area's signals again
(services.summary_parts), and building these statements, each "open on a day" a correlated
replay of the status history, cost about three times SQLite's counting of one area. The same
queries as `reports.ReportRepository` ran before; `every`: no area filter. Parameters: the
period (`start`, `end`), the day (`as_of`) and its Dutch end (`next_day`, `report_sql.day_end`),
`last` (the last day reported), per trend month `as_of_<i>` and `next_day_<i>`."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, func, select
from sqlalchemy.orm import aliased

from gebiedsapp.domain import FollowUp, Signal, SignalCategory, SignalFeedback
from gebiedsapp.storage.repositories.report_lists import ACTION_ORDER, SignalNames, action_rows
from gebiedsapp.storage.repositories.report_sql import (
    action_open_at,
    area_column,
    days_between,
    open_at,
    unindexed,
)

_START: Any = bindparam("start")
_END: Any = bindparam("end")
_AS_OF: Any = bindparam("as_of")
_NEXT_DAY: Any = bindparam("next_day")
_LAST: Any = bindparam("last")
_AREAS: Any = bindparam("areas", expanding=True)


def _area_filter(every: bool) -> list[ColumnElement[bool]]:
    return [] if every else [Signal.area_id.in_(_AREAS)]


def _flag(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@cache
def signal_counts(every: bool) -> Any:
    """Per area and "past its deadline on `as_of`": reported and closed in the period, open
    on `as_of` (each signal's status replayed once)."""
    late = case((Signal.deadline < _AS_OF, 1), else_=0)
    return (
        select(
            Signal.area_id,
            late,
            _flag(Signal.reported_on.between(_START, _END)),
            _flag(Signal.closed_on.between(_START, _END)),
            _flag(open_at(_AS_OF, _NEXT_DAY)),
        )
        .where(Signal.deleted_at.is_(None), Signal.reported_on <= _LAST, *_area_filter(every))
        .group_by(Signal.area_id, late)
    )


@cache
def feedback_counts(every: bool) -> Any:
    given = select(SignalFeedback.id).where(SignalFeedback.signal_id == Signal.id).exists()
    return (
        select(Signal.area_id, func.count(), func.coalesce(func.sum(case((given, 1), else_=0)), 0))
        .where(
            Signal.deleted_at.is_(None),
            Signal.wants_feedback.is_(True),
            Signal.closed_on.between(_START, _END),
            *_area_filter(every),
        )
        .group_by(Signal.area_id)
    )


@cache
def closed_in(every: bool) -> Any:
    days = days_between(Signal.reported_on, Signal.closed_on)
    return (
        select(area_column(Signal.area_id), days, func.count())
        .where(
            Signal.deleted_at.is_(None),
            Signal.closed_on.between(_START, _END),
            *_area_filter(every),
        )
        .group_by(Signal.area_id, days)
    )


@cache
def by_main_category(every: bool) -> Any:
    parent = aliased(SignalCategory)
    main = func.coalesce(parent.name, SignalCategory.name)
    return (
        select(area_column(Signal.area_id), main, func.count())
        .join(SignalCategory, SignalCategory.id == Signal.category_id)
        .outerjoin(parent, parent.id == SignalCategory.parent_id)
        .where(
            Signal.deleted_at.is_(None),
            Signal.reported_on.between(_START, _END),
            *_area_filter(every),
        )
        .group_by(Signal.area_id, main)
    )


@cache
def by_status(every: bool) -> Any:
    return (
        select(area_column(Signal.area_id), Signal.status, func.count())
        .where(
            Signal.deleted_at.is_(None),
            Signal.reported_on.between(_START, _END),
            *_area_filter(every),
        )
        .group_by(Signal.area_id, Signal.status)
    )


@cache
def open_signals(every: bool) -> Any:
    names = SignalNames()
    return names.joined(select(*names.row_columns())).where(
        Signal.deleted_at.is_(None), open_at(_AS_OF, _NEXT_DAY), *_area_filter(every)
    )


@cache
def open_by_buurt(every: bool, leave_out_main: tuple[str, ...]) -> Any:
    category = aliased(SignalCategory)
    parent = aliased(SignalCategory)
    query = (
        select(area_column(Signal.area_id), Signal.buurt_code, func.count())
        .join(category, category.id == Signal.category_id)
        .outerjoin(parent, parent.id == category.parent_id)
        .where(
            Signal.deleted_at.is_(None),
            Signal.buurt_code.is_not(None),
            open_at(_AS_OF, _NEXT_DAY),
            *_area_filter(every),
        )
        .group_by(Signal.area_id, Signal.buurt_code)
    )
    if leave_out_main:
        main = func.coalesce(parent.name, category.name)
        query = query.where(main.not_in(list(leave_out_main)))
    return query


@cache
def reported_per_day(every: bool) -> Any:
    return (
        select(area_column(Signal.area_id), Signal.reported_on, func.count())
        .where(
            Signal.deleted_at.is_(None),
            Signal.reported_on.between(_START, _END),
            *_area_filter(every),
        )
        .group_by(Signal.area_id, Signal.reported_on)
    )


@cache
def still_open(every: bool, months: int) -> Any:
    """Per area, the signals open on each month's `as_of_<i>` (one query for all months)."""
    return (
        select(
            area_column(Signal.area_id),
            *(
                _flag(open_at(bindparam(f"as_of_{i}"), bindparam(f"next_day_{i}")))
                for i in range(months)
            ),
        )
        .where(Signal.deleted_at.is_(None), Signal.reported_on <= _LAST, *_area_filter(every))
        .group_by(Signal.area_id)
    )


def _action_filter(every: bool) -> list[ColumnElement[bool]]:
    return [] if every else [FollowUp.area_id.in_(_AREAS)]


@cache
def open_action_counts(every: bool) -> Any:
    return (
        select(FollowUp.area_id, func.count())
        .where(action_open_at(_AS_OF, _NEXT_DAY), *_action_filter(every))
        .group_by(unindexed(FollowUp.area_id))  # a straight read beats the area index
    )


@cache
def open_actions(every: bool) -> Any:
    return (
        action_rows(select())
        .add_columns(FollowUp.created_at, FollowUp.id)
        .where(action_open_at(_AS_OF, _NEXT_DAY), *_action_filter(every))
        .order_by(*ACTION_ORDER)
    )
