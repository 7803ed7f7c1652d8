"""The summary's lists (open signals, quotes, open actions, initiatives) a page at a time, for
the Samenvatting screen: the database sorts and cuts each list, this reads only the page the
view shows and the list's length (issue 19). On ten times today's data `services.summary`
built every row of Winschoten's year in Python before the first could show (seconds); a page
is the same rows, in the same order, with the same content (masked text included), so the
screen shows the full list as the view scrolls. The PDF and the export still use the full
summary."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain import AreaKind
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_rows import (
    action_of,
    initiative_lines,
    open_signal_of,
    quote_of,
)
from gebiedsapp.storage.repositories.summary_pages import SummaryPages

PAGE = 200  # rows a page holds unless asked otherwise
# the first page of a list on screen: its table shows some ten rows, and the next page comes
# as the view scrolls; on ten times today's data the first 200 open signals' rows and
# histories were a third of the first page's read, cold (issue 19)
FIRST_PAGE = 50
R = TypeVar("R")

OPEN_SIGNALS = "open_signals"
QUOTES = "quotes"
ACTIONS = "actions"
INITIATIVES = "initiatives"
LISTS = (OPEN_SIGNALS, QUOTES, ACTIONS, INITIATIVES)


@dataclass(frozen=True)
class ListScope:
    """What a list's pages are read for: the areas (None: every area), the period, and the day
    "open" is measured on (the period's end, or today while it runs)."""

    area_ids: frozenset[uuid.UUID] | None
    period: Period
    as_of: date


@dataclass(frozen=True)
class ListOrder:
    """A list's records in its order (ids only, as ints: `uuid.int`, which the garbage
    collector does not walk, issue 19): its length is the list's. Not `complete`: only the
    list's first ids (its first page's, `first_page`), the list being longer; `list_order`
    reads the whole order after."""

    name: str
    scope: ListScope
    ids: tuple[int, ...]
    complete: bool = True

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Page(Generic[R]):
    """The rows of places `offset` to `end` of a list of `total` rows (fewer rows when some
    were removed since the list's order was read)."""

    rows: tuple[R, ...]
    offset: int
    end: int
    total: int


def list_scope(session: Session, area_id: uuid.UUID, period: Period, *, today: date) -> ListScope:
    """The area with its sub-areas (every area for the municipality), as `area_summary`."""
    nodes = area_tree(session)
    node = next((n for n in nodes if n.id == area_id), None)
    if node is None:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    ids = None if node.kind is AreaKind.GEMEENTE else frozenset(subtree_ids(nodes, area_id))
    return ListScope(ids, period, min(period.end, today))


def list_order(session: Session, scope: ListScope, name: str) -> ListOrder:
    """The records of the list `name` (one of LISTS) in the full summary's order."""
    return ListOrder(name, scope, tuple(_order_ids(session, scope, name, limit=None)))


def _order_ids(session: Session, scope: ListScope, name: str, *, limit: int | None) -> list[int]:
    pages, period, as_of = SummaryPages(session), scope.period, scope.as_of
    area_ids = scope.area_ids
    if name == OPEN_SIGNALS:
        return pages.open_signal_order(area_ids, as_of, limit=limit)
    if name == QUOTES:
        return pages.quote_order(area_ids, period.start, period.end, limit=limit)
    if name == ACTIONS:
        return pages.open_action_order(area_ids, as_of, limit=limit)
    if name == INITIATIVES:
        return pages.initiative_order(area_ids, period.start, as_of, limit=limit)
    raise ValueError(f"unknown summary list {name!r}")


def first_page(
    session: Session, scope: ListScope, name: str, *, limit: int = PAGE
) -> tuple[ListOrder, Page[object]]:
    """The list's first `limit` rows, from its order cut to them (one more tells whether the
    list is longer): on ten times today's data Samenvatting's open signals for the whole
    municipality sorted all 13,710 of them before the first row could show, three times the
    time of the first 200 (issue 19). The order is then not `complete` when the list is
    longer: `list_order` reads it whole for the next pages (its first ids are these)."""
    ids = _order_ids(session, scope, name, limit=limit + 1)
    order = ListOrder(name, scope, tuple(ids[:limit]), complete=len(ids) <= limit)
    return order, list_page(session, order, limit=limit)


def _open_signals(session: Session, scope: ListScope, ids: Sequence[int]) -> list[object]:
    return [open_signal_of(found, scope.as_of) for found in SummaryPages(session).open_signals(ids)]


def _quotes(session: Session, scope: ListScope, ids: Sequence[int]) -> list[object]:
    return [quote_of(row) for row in SummaryPages(session).quotes(ids)]


def _actions(session: Session, scope: ListScope, ids: Sequence[int]) -> list[object]:
    return [action_of(row, scope.as_of) for row in SummaryPages(session).open_actions(ids)]


def _initiatives(session: Session, scope: ListScope, ids: Sequence[int]) -> list[object]:
    return list(initiative_lines(session, SummaryPages(session).initiatives(ids), scope.as_of))


_READERS = {
    OPEN_SIGNALS: _open_signals,
    QUOTES: _quotes,
    ACTIONS: _actions,
    INITIATIVES: _initiatives,
}


def list_page(
    session: Session, order: ListOrder, *, offset: int = 0, limit: int = PAGE
) -> Page[object]:
    """Rows `offset`.. (at most `limit`) of the list `order` holds, in its order, as the full
    summary builds them (masked text included). The page's total is the order's length (of
    an order not `complete`, its first ids only)."""
    offset = max(offset, 0)
    ids = order.ids[offset : offset + max(limit, 0)]
    rows = _READERS[order.name](session, order.scope, ids) if ids else []
    return Page(tuple(rows), offset, offset + len(ids), len(order))


def first_pages(
    session: Session, area_id: uuid.UUID, period: Period, *, today: date, limit: int = PAGE
) -> dict[str, tuple[ListOrder, Page[object]]]:
    """Every list's order and first page."""
    scope = list_scope(session, area_id, period, today=today)
    pages = {}
    for name in LISTS:
        order = list_order(session, scope, name)
        pages[name] = (order, list_page(session, order, limit=limit))
    return pages
