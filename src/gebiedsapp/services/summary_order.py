"""The summary lists' orders as Python keys, equal to their SQL orders (`report_lists`'s
QUOTE_ORDER, ACTION_ORDER, INITIATIVE_ORDER): kept facts merge the recounted rows of one area
into the rows of the others by them (services.summary_parts), and the merged list must be the
one a fresh count would read. SQLite's order is reproduced: NULL is the smallest value (first
ascending, last descending), text compares by code point (BINARY, as UTF-8 bytes do). A key is
one flat tuple of plain values (a value's pair spread in it: the pairs are all of two, so the
order is the same): the facts keep it, and the garbage collector stops tracking such a tuple
at its first collection, a tuple of tuples only at a later one (issue 19).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from gebiedsapp.storage.repositories.initiatives import InitiativeInPeriod
from gebiedsapp.storage.repositories.report_rows import OrderedAction, OrderedQuote

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def _number(value: date | time | datetime) -> int:
    """A whole number in the value's order (exact: microseconds, not a float)."""
    if isinstance(value, datetime):
        return (value - _EPOCH) // _MICRO
    if isinstance(value, date):
        return value.toordinal()
    return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond


def _descending(value: date | time | datetime | None) -> tuple[int, int]:
    return (1, 0) if value is None else (0, -_number(value))


def _ascending(value: date | time | datetime | None) -> tuple[int, int]:
    return (0, 0) if value is None else (1, _number(value))


def quote_key(found: OrderedQuote) -> tuple[Any, ...]:
    """QUOTE_ORDER: newest day, start and entry first; alike: by id."""
    order = found.order
    return (
        *_descending(found.row.day),
        *_descending(order.start_time),
        *_descending(order.created_at),
        order.id.int,
    )


def action_key(found: OrderedAction) -> tuple[Any, ...]:
    """ACTION_ORDER: due first (soonest first), then undated; then area name, made, id."""
    row, order = found.row, found.order
    return (
        int(row.due_date is None),
        *_ascending(row.due_date),
        row.area_name,
        *_ascending(order.created_at),
        order.id.int,
    )


def initiative_key(found: InitiativeInPeriod) -> tuple[Any, ...]:
    """INITIATIVE_ORDER: not yet ended first, then by start and title; alike: by id."""
    return (
        int(found.ended_on is not None),
        *_ascending(found.started_on),
        found.title,
        found.id.int,
    )
