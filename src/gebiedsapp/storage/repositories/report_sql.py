"""The SQL pieces the summary queries (`reports.ReportRepository`) share: the area filter, the
Dutch day's end, "open on a day" for signals and actions, and reading area ids back cheaply.
Kept apart so that the repository reads as its queries."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Dialect,
    Integer,
    String,
    and_,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

from gebiedsapp.domain import (
    ActionStatus,
    Area,
    FollowUp,
    KoffiekarSession,
    Priority,
    Signal,
    SignalField,
    SignalHistory,
    SignalStatus,
)

AreaIds = Collection[uuid.UUID] | None  # None: every area

# The municipality's days: "open at the end of a day" cuts at Dutch local midnight, not UTC's
# (on Windows the time zone data comes from the `tzdata` package).
LOCAL = ZoneInfo("Europe/Amsterdam")


def day_end(day: date) -> datetime:
    """The first moment after `day` in Dutch time, in UTC: a timestamp before it lies on or before
    `day` (an action made on 30 September 22:30 UTC was made on 1 October)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=LOCAL).astimezone(UTC)


class days_between(FunctionElement[int]):  # noqa: N801 - reads as the SQL function it is
    """Whole days from the first date column to the second, in SQL (no portable form exists):
    SQLite's julianday difference, PostgreSQL's date subtraction."""

    type = Integer()
    inherit_cache = True


@compiles(days_between)
def _days_between_default(element: days_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"({compiler.process(end, **kw)} - {compiler.process(start, **kw)})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)}) AS INTEGER)"
    )


class unindexed(FunctionElement[Any]):  # noqa: N801 - reads as the column it is
    """A column SQLite may not read through an index (`+column`, its documented way): grouping
    the open actions by area made it walk `ix_follow_up_area_id` and look up every action
    ever made, three to seven times the CPU of reading the table straight through (10x data).
    Elsewhere the column as it is."""

    inherit_cache = True


@compiles(unindexed)
def _unindexed_default(element: unindexed, compiler: Any, **kw: Any) -> str:
    (column,) = list(element.clauses)
    return str(compiler.process(column, **kw))


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    (column,) = list(element.clauses)
    return f"+{compiler.process(column, **kw)}"


def stored_id(key: str | uuid.UUID) -> uuid.UUID:
    """A record's id from a compact row's key: the 32 hex digits SQLite stores, or a UUID
    where the driver made one already (rows keep the key and make the UUID when asked)."""
    return key if isinstance(key, uuid.UUID) else uuid.UUID(hex=key)


@cache
def _uuid_of(value: str) -> uuid.UUID:
    return uuid.UUID(value)


class _AreaId(TypeDecorator[uuid.UUID]):
    """An area's id read back through a cache: a summary reads thousands of rows of a few
    dozen areas, and making a new UUID of each row's text cost more than some of its queries."""

    impl = String
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> uuid.UUID | None:
        if value is None or isinstance(value, uuid.UUID):  # PostgreSQL gives a UUID already
            return value
        return _uuid_of(value)


def area_column(column: Any) -> Any:
    """`column` (an area id) in a select list, read through `_AreaId`."""
    return type_coerce(column, _AreaId())


def in_areas(column: Any, area_ids: AreaIds) -> list[ColumnElement[bool]]:
    return [] if area_ids is None else [column.in_(list(area_ids))]


def rounds_in(area_ids: AreaIds) -> ColumnElement[bool]:
    """The rounds of these areas, also when that is every area: without a filter on the area
    SQLite (no statistics) reads a join of rounds, conversations and their themes from the
    conversations' side, all of them, and looks up each one's round: twice the time."""
    every: Any = select(Area.id) if area_ids is None else list(area_ids)
    return KoffiekarSession.area_id.in_(every)


def area_counts(rows: Any) -> dict[uuid.UUID, int]:
    return {area_id: int(n) for area_id, n in rows}


# a value's enum member from a dict: calling the enum class per row cost ~0.4 s for the open
# signals of ten times today's data
STATUS_OF = {status.value: status for status in SignalStatus}
PRIORITY_OF = {priority.value: priority for priority in Priority}

_CLOSED_VALUES = [SignalStatus.AFGEHANDELD.value, SignalStatus.GEANNULEERD.value]


def open_on(as_of: date) -> ColumnElement[bool]:
    """Reported on or before `as_of` and not closed at the end of that (Dutch) day.

    `closed_on` is the last day a signal was closed, so a signal closed then is closed on
    `as_of`. Otherwise its history is replayed: the last status it was moved to before the end
    of `as_of` decides, so a signal closed in the period and reopened after it counts as closed
    at the period's end (and one reopened before it as open)."""
    return open_at(as_of, day_end(as_of))


def open_at(as_of: Any, next_day: Any) -> ColumnElement[bool]:
    """`open_on` of a day `as_of` whose (Dutch) end is `next_day` (values or parameters: the
    built-once statements, `report_signal_sql`, bind both)."""
    # Written as three plain conditions (equal to "not (closed_on <= as_of or the last status is
    # a closed one)" with SQL's NULLs): SQLite then skips the history lookup for a signal reported
    # later or closed by then, where a NOT COALESCE(... OR ...) made it look up every signal.
    return and_(not_closed_by(as_of), last_status_open(next_day))


def not_closed_by(as_of: Any) -> ColumnElement[bool]:
    """`open_at`'s conditions on the signal's own columns: reported by `as_of` and not closed
    on or before it."""
    return and_(
        Signal.reported_on <= as_of,
        or_(Signal.closed_on.is_(None), Signal.closed_on > as_of),
    )


def last_status_open(next_day: Any) -> ColumnElement[bool]:
    """`open_at`'s look-up in the history: the last status a signal was moved to before
    `next_day` is not a closed one (or it was never moved)."""
    last_status = (
        select(SignalHistory.new)
        .where(
            SignalHistory.signal_id == Signal.id,
            SignalHistory.field == SignalField.STATUS,
            SignalHistory.at < next_day,
        )
        .order_by(SignalHistory.seq.desc())
        .limit(1)
        .correlate(Signal)
        .scalar_subquery()
    )
    return func.coalesce(last_status, "").not_in(_CLOSED_VALUES)


def action_open_on(as_of: date) -> ColumnElement[bool]:
    """Made on or before `as_of` (a Dutch day) and not done by then. A 'vervallen' action has no
    date of lapsing, so it never counts as open."""
    return action_open_at(as_of, day_end(as_of))


def action_open_at(as_of: Any, next_day: Any) -> ColumnElement[bool]:
    """`action_open_on` of a day `as_of` whose (Dutch) end is `next_day` (values or
    parameters, as `open_at`)."""
    return and_(
        FollowUp.deleted_at.is_(None),
        FollowUp.created_at < next_day,
        or_(
            FollowUp.status == ActionStatus.OPEN,
            and_(FollowUp.status == ActionStatus.GEDAAN, FollowUp.done_on > as_of),
        ),
    )
