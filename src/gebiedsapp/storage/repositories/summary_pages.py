"""The summary's lists a page at a time (Samenvatting's tables, issue 19). Each list's order is
read once as its records' ids, sorted by the database as the full list is sorted
(`ReportRepository` with the sorting of `services.summary_facts`); its length is the list's
length. A page's rows are then looked up by those ids, so a later page never sorts again. On
ten times today's data building every row of a full list in Python took seconds.

Ties in the full lists' order are broken by the record's id here, so pages never repeat or
skip a row. Texts compare as SQLite's BINARY collation (UTF-8 bytes), which is Python's order
of strings, so the open signals sort as `summary_facts._table_order` does.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, String, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Area,
    CbsBuurt,
    Conversation,
    FollowUp,
    Initiative,
    KoffiekarSession,
    Partner,
    Priority,
    Signal,
    SignalStatus,
)
from gebiedsapp.domain.deadlines import RUIM_FACTOR
from gebiedsapp.storage.repositories.initiatives import InitiativeInPeriod
from gebiedsapp.storage.repositories.report_lists import (
    ACTION_ORDER,
    INITIATIVE_COLUMNS,
    INITIATIVE_ORDER,
    QUOTE_ORDER,
    SignalNames,
    action_rows,
    initiatives_in,
    quote_rows,
    quotes_in,
)
from gebiedsapp.storage.repositories.report_rows import OpenActionRow, OpenSignalRow, QuoteRow
from gebiedsapp.storage.repositories.report_sql import (
    PRIORITY_OF,
    STATUS_OF,
    AreaIds,
    action_open_on,
    day_end,
    days_between,
    in_areas,
    last_status_open,
    not_closed_by,
    open_on,
    unindexed,
)

R = TypeVar("R")

_PRIORITY_PLACE = {Priority.HOOG: 0, Priority.NORMAAL: 1, Priority.LAAG: 2}


def _place(column: Any, places: dict[Any, int]) -> Any:
    """An enum column's place in a fixed order, as a number the database can sort on."""
    return case({member.value: place for member, place in places.items()}, value=column, else_=99)


def _label_place(as_of: date, of: Any = Signal) -> Any:
    """`deadline_label` on `as_of` as its place in the table (ruim buiten 0, buiten 1,
    binnen 2): within the deadline while `as_of` is not past it; ruim buiten when the days
    taken exceed RUIM_FACTOR times the term (of at least a day). Of the signal's columns, or
    of those of `of` (a subquery's `.c`)."""
    term = days_between(of.reported_on, of.deadline)
    taken = days_between(of.reported_on, literal(as_of))
    return case(
        (of.deadline >= as_of, 2),
        (taken > RUIM_FACTOR * case((term < 1, 1), else_=term), 0),
        else_=1,
    )


def _table_order(names: SignalNames, label: Any, of: Any = Signal) -> tuple[Any, ...]:
    """The open signals' order in the table (`summary_facts._table_order`): its first three
    keys (`label`, reported, deadline) are the signal's own, the next the names joined."""
    category, parent = names.category, names.parent
    return (
        label,
        of.reported_on,
        of.deadline,
        Area.name,
        case(
            (parent.id.is_(None), category.name),
            else_=parent.name + " › " + category.name,
        ),
        func.coalesce(CbsBuurt.name, ""),
        func.coalesce(Partner.name, ""),
        _place(of.priority, _PRIORITY_PLACE),
        _place(of.status, {s: i for i, s in enumerate(SignalStatus)}),
        of.id,
    )


def _raw(column: Any) -> Any:
    """An id column as the database keeps it (32 hex digits in SQLite): no UUID object made."""
    return type_coerce(column, String)


def _key(value: str | uuid.UUID) -> int:
    """A record's id as an int (`uuid.int`), from the stored text or a driver's UUID."""
    if isinstance(value, uuid.UUID):
        return value.int
    return int(value.replace("-", ""), 16)


def _uuids(ids: Sequence[int]) -> list[uuid.UUID]:
    return [uuid.UUID(int=i) for i in ids]


def _in_order(ids: Sequence[int], rows: Iterable[tuple[str | uuid.UUID, R]]) -> list[R]:
    """`rows` (each with its record's stored id first) in the order of `ids`."""
    found = {_key(i): row for i, row in rows}
    return [found[i] for i in ids if i in found]


class SummaryPages:
    """Each list's order as record ids (one query: its length is the list's length), and the
    rows of a page of those ids (a look-up by primary key, whatever the page's place). The ids
    are ints (`uuid.int`): the screen keeps an order as long as it shows the list, and a tuple
    of tens of thousands of UUID objects was walked by every garbage collection of the GUI
    thread, as long as a young one took (issue 19); a tuple of ints is not walked at all."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _ids(self, query: Select[Any], limit: int | None) -> list[int]:
        """The ids `query` sorts, only the first `limit` of them when given: SQLite then keeps
        only those while it sorts (a list's first page, issue 19)."""
        if limit is not None:
            query = query.limit(limit)
        return [_key(value) for value in self.session.scalars(query)]

    # --- open signals -------------------------------------------------------------------------

    def open_signal_order(
        self, area_ids: AreaIds, as_of: date, *, limit: int | None = None
    ) -> list[int]:
        """The signals open on `as_of`: overdue first (ruim buiten, buiten), then the oldest,
        then deadline, area, category, buurt, partner, priority and status (the table's
        order, `summary_facts._table_order`). With a `limit`, the first ones: see
        `_first_open_signals`."""
        if limit is not None:
            return self._first_open_signals(area_ids, as_of, limit)
        return self._ids(self._open_signals_sorted(area_ids, as_of, history=True), None)

    def _open_signals_sorted(self, area_ids: AreaIds, as_of: date, *, history: bool) -> Any:
        """The open signals' query in the table's order; without the `history` look-up, also
        the signals whose last status by then was a closed one though `closed_on` says not."""
        names = SignalNames()
        is_open = open_on(as_of) if history else not_closed_by(as_of)
        return (
            names.joined(select(_raw(Signal.id)))
            .where(Signal.deleted_at.is_(None), is_open, *in_areas(Signal.area_id, area_ids))
            .order_by(*_table_order(names, _label_place(as_of)))
        )

    def _candidates(self, area_ids: AreaIds, as_of: date, wanted: int) -> tuple[list[int], bool]:
        """The first of the signals that `closed_on` says are open, in the table's order: all
        of them when there are at most `wanted` (True), else a prefix of their order (False).

        Cut before the names are joined: the `wanted` first by the signal's own first three
        keys (label, reported, deadline; from the covering index, nothing joined), then only
        those joined and sorted by the whole order. On ten times today's data joining and
        sorting all 13,710 open signals of the municipality was half the first page's read
        (issue 19). Those alike in the three keys with the last candidate may go on past the
        cut: they are left out, so what remains is a prefix of the whole order."""
        label = _label_place(as_of).label("label")
        own = (
            select(
                _raw(Signal.id).label("id"),
                label,
                Signal.reported_on,
                Signal.deadline,
                Signal.area_id,
                Signal.category_id,
                Signal.buurt_code,
                Signal.partner_id,
                Signal.priority,
                Signal.status,
            )
            .where(
                Signal.deleted_at.is_(None),
                not_closed_by(as_of),
                *in_areas(Signal.area_id, area_ids),
            )
            .order_by(label, Signal.reported_on, Signal.deadline)
            .limit(wanted)
            .subquery()
        )
        c, names = own.c, SignalNames()
        query = names.joined(select(c.id, c.label, c.reported_on, c.deadline), of=c).order_by(
            *_table_order(names, c.label, of=c)
        )
        rows = self.session.execute(query).all()
        if len(rows) < wanted:
            return [_key(row[0]) for row in rows], True
        cut = tuple(rows[-1][1:])  # maybe not all alike in these keys made the cut: none then
        return [_key(row[0]) for row in rows if tuple(row[1:]) != cut], False

    def _first_open_signals(self, area_ids: AreaIds, as_of: date, limit: int) -> list[int]:
        """The first `limit` open signals, exactly as `open_signal_order`'s: the first of the
        signals that `closed_on` says are open (`_candidates`), then the history looked up
        for those only. On ten times today's data the history's look-up for all 13,710 open
        signals of the municipality was more than half the first page's read, its pages not
        yet in the cache (issue 19). When too many of those turn out closed after all (their
        history says so, `closed_on` not), or too many are alike with the last candidate,
        the whole query."""
        wanted = limit + max(limit, 50)  # room for some closed by their history only
        candidates, every = self._candidates(area_ids, as_of, wanted)
        if not candidates:
            if every:
                return []
            return self._ids(self._open_signals_sorted(area_ids, as_of, history=True), limit)
        still_open = set(
            self._ids(
                select(_raw(Signal.id)).where(
                    Signal.id.in_(_uuids(candidates)), last_status_open(day_end(as_of))
                ),
                None,
            )
        )
        first = [i for i in candidates if i in still_open]
        if len(first) >= limit or every:
            return first[:limit]  # a prefix of the whole order, or the whole order itself
        return self._ids(self._open_signals_sorted(area_ids, as_of, history=True), limit)

    def open_signals(self, ids: Sequence[int]) -> list[OpenSignalRow]:
        """The rows of these signals, in this order."""
        names = SignalNames()
        query = names.joined(select(_raw(Signal.id), *names.row_columns())).where(
            Signal.id.in_(_uuids(ids))
        )
        status, priority = STATUS_OF.__getitem__, PRIORITY_OF.__getitem__
        found = (
            (i, OpenSignalRow(a, an, main, sub, bu, rep, pa, dl, status(st), priority(pr)))
            for i, a, an, main, sub, bu, rep, pa, dl, st, pr in self.session.execute(query)
        )
        return _in_order(ids, found)

    # --- quotes -------------------------------------------------------------------------------

    def quote_order(
        self, area_ids: AreaIds, start: date, end: date, *, limit: int | None = None
    ) -> list[int]:
        """The conversations with a reportable quote in the period's rounds, newest first."""
        query = (
            select(_raw(Conversation.id))
            .join(KoffiekarSession, Conversation.session_id == KoffiekarSession.id)
            .where(*quotes_in(area_ids, start, end))
            .order_by(*QUOTE_ORDER)
        )
        return self._ids(query, limit)

    def quotes(self, ids: Sequence[int]) -> list[QuoteRow]:
        query = quote_rows(select(_raw(Conversation.id))).where(Conversation.id.in_(_uuids(ids)))
        return _in_order(ids, ((i, QuoteRow(*rest)) for i, *rest in self.session.execute(query)))

    # --- open actions -------------------------------------------------------------------------

    def open_action_order(
        self, area_ids: AreaIds, as_of: date, *, limit: int | None = None
    ) -> list[int]:
        """The actions open on `as_of`, due first, then those without a date. The area read
        straight through: its index made SQLite look up every action ever made."""
        query = (
            select(_raw(FollowUp.id))
            .join(Area, Area.id == FollowUp.area_id)
            .where(action_open_on(as_of), *in_areas(unindexed(FollowUp.area_id), area_ids))
            .order_by(*ACTION_ORDER)
        )
        return self._ids(query, limit)

    def open_actions(self, ids: Sequence[int]) -> list[OpenActionRow]:
        query = action_rows(select(_raw(FollowUp.id))).where(FollowUp.id.in_(_uuids(ids)))
        return _in_order(
            ids, ((i, OpenActionRow(*rest)) for i, *rest in self.session.execute(query))
        )

    # --- initiatives --------------------------------------------------------------------------

    def initiative_order(
        self, area_ids: AreaIds, start: date, as_of: date, *, limit: int | None = None
    ) -> list[int]:
        """Started on or before `as_of` and not ended before `start`: not ended ones first,
        then by start and title (`InitiativeRepository.in_period`)."""
        query = (
            select(_raw(Initiative.id))
            .where(*initiatives_in(start, as_of), *in_areas(Initiative.area_id, area_ids))
            .order_by(*INITIATIVE_ORDER)
        )
        return self._ids(query, limit)

    def initiatives(self, ids: Sequence[int]) -> list[InitiativeInPeriod]:
        query = (
            select(*INITIATIVE_COLUMNS)
            .join(Area, Area.id == Initiative.area_id)
            .where(Initiative.id.in_(_uuids(ids)))
        )
        rows = [InitiativeInPeriod(*row) for row in self.session.execute(query)]
        return _in_order(ids, ((row.id, row) for row in rows))
