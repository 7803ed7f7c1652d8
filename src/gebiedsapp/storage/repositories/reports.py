"""Aggregate queries for the summaries (services.summary).

Every figure is counted in SQL and grouped by area, so one query serves one area, a group of
areas or every area of the municipality at once (`area_ids=None`: no area filter at all, which
lets SQLite use the date indexes; the rounds excepted, see `report_sql.rounds_in`). The service
adds the per-area numbers up over a subtree. Soft-deleted rows never count; lists carry names
only, never a resident's data.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    CbsBuurt,
    Meedenker,
    SignalStatus,
    area_buurt,
)
from gebiedsapp.storage.repositories import report_signal_sql as signal_sql
from gebiedsapp.storage.repositories import report_talks as talk_sql
from gebiedsapp.storage.repositories.report_rows import (
    ActionOrder,
    AreaBuurtRow,
    BuurtTally,
    CategoryTally,
    CloseTimes,
    FeedbackTally,
    MonthTally,
    OpenActionRow,
    OpenSignalRow,
    OrderedAction,
    OrderedQuote,
    QuoteOrder,
    QuoteRow,
    SessionTally,
    SignalTally,
    StatusTally,
    ThemePeriods,
)
from gebiedsapp.storage.repositories.report_sql import (
    PRIORITY_OF,
    STATUS_OF,
    area_counts,
    day_end,
    in_areas,
)
from gebiedsapp.storage.repositories.report_sql import (
    AreaIds as AreaIds,
)
from gebiedsapp.storage.repositories.report_talks import params


def _month_ends(area_ids: AreaIds, months: Sequence[tuple[date, date, date]]) -> dict[str, Any]:
    """`report_signal_sql.still_open`'s parameters: each month's day and its Dutch end."""
    values = params(area_ids, last=max(max(end, as_of) for _start, end, as_of in months))
    for i, (_start, _end, as_of) in enumerate(months):
        values[f"as_of_{i}"] = as_of
        values[f"next_day_{i}"] = day_end(as_of)
    return values


class ReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- koffiekar, contacts, register ------------------------------------------------------

    def session_counts(
        self, area_ids: AreaIds, start: date, end: date
    ) -> dict[uuid.UUID, SessionTally]:
        """Rounds and their conversations per area for rounds held from `start` to `end`."""
        found = self.session.execute(
            talk_sql.session_counts(area_ids is None),
            params(area_ids, start=start, end=end),
        )
        return {a: SessionTally(int(s), int(c)) for a, s, c in found}

    def trend_counts(
        self,
        area_ids: AreaIds,
        months: Sequence[tuple[date, date, date]],
        *,
        talks: bool = True,
        signals: bool = True,
    ) -> list[dict[uuid.UUID, MonthTally]]:
        """Per (start, end, as_of) month, per area: (conversations in it, signals reported in it,
        signals open on `as_of`), each counted as `session_counts` and `signal_counts` count
        them; without `talks` the conversations are 0, without `signals` the signals (a kept
        summary recounts one part of an area). Conversations and new signals are counted per
        day in SQL and put in their months here (a CASE per row and month cost SQLite five
        times as much); the open ones take one query for all months (a query per month cost
        four times as much)."""
        if not months:
            return []
        first, last_day = months[0][0], months[-1][1]

        found: dict[date, list[int]] = {}  # a day's months, once per day (rows repeat it per area)

        def month_of(day: date) -> list[int]:
            if day not in found:
                found[day] = [i for i, (start, end, _) in enumerate(months) if start <= day <= end]
            return found[day]

        per_day: list[tuple[int, Any, dict[str, Any]]] = []
        if talks:
            per_day.append(
                (
                    0,
                    talk_sql.said_per_day(area_ids is None),
                    params(area_ids, start=first, end=last_day),
                )
            )
        if signals:
            values = params(area_ids, start=first, end=last_day)
            per_day.append((1, signal_sql.reported_per_day(area_ids is None), values))
        out: list[dict[uuid.UUID, list[int]]] = [{} for _ in months]
        for column, query, bound in per_day:
            for area_id, day, n in self.session.execute(query, bound):
                for i in month_of(day):
                    out[i].setdefault(area_id, [0, 0, 0])[column] += int(n)
        if signals:
            query = signal_sql.still_open(area_ids is None, len(months))
            for area_id, *counts in self.session.execute(query, _month_ends(area_ids, months)):
                for i, n in enumerate(counts):
                    out[i].setdefault(area_id, [0, 0, 0])[2] = int(n)
        return [{a: MonthTally(*c) for a, c in month.items() if any(c)} for month in out]

    def passers_by(self, area_ids: AreaIds, start: date, end: date) -> dict[uuid.UUID, int]:
        """Passers-by counted at the rounds held from `start` to `end`, per area."""
        query = talk_sql.passers_by(area_ids is None)
        return area_counts(self.session.execute(query, params(area_ids, start=start, end=end)))

    def contact_counts(self, area_ids: AreaIds, start: date, end: date) -> dict[uuid.UUID, int]:
        query = talk_sql.contact_counts(area_ids is None)
        return area_counts(self.session.execute(query, params(area_ids, start=start, end=end)))

    def meedenkers_added(self, area_ids: AreaIds, start: date, end: date) -> dict[uuid.UUID, int]:
        """Register entries with `since` in the period (also those no longer active)."""
        query = (
            select(Meedenker.area_id, func.count())
            .where(
                Meedenker.since.between(start, end),
                Meedenker.deleted_at.is_(None),
                *in_areas(Meedenker.area_id, area_ids),
            )
            .group_by(Meedenker.area_id)
        )
        return area_counts(self.session.execute(query))

    def theme_counts(
        self, area_ids: AreaIds, periods: Sequence[tuple[date, date]]
    ) -> list[ThemePeriods]:
        """Per area and theme: conversations + contacts with that theme in each period.

        A plain count per period (conversations and contacts grouped apart, then added up):
        one pass over both periods with a CASE per row and period cost SQLite about twice as
        much (measured on `large`: a summary's costliest query)."""
        counted: dict[tuple[uuid.UUID, str], list[int]] = {}
        query = talk_sql.theme_counts(area_ids is None)
        for index, (start, end) in enumerate(periods):
            values = params(area_ids, start=start, end=end)
            for area_id, name, n in self.session.execute(query, values):
                counted.setdefault((area_id, name), [0] * len(periods))[index] += int(n)
        return [ThemePeriods(area_id, name, tuple(ns)) for (area_id, name), ns in counted.items()]

    def quotes(self, area_ids: AreaIds, start: date, end: date) -> list[OrderedQuote]:
        """The quotes marked reportable in rounds of the period, newest first, each with what
        orders it (the kept facts merge a recounted area's quotes in by it)."""
        query = talk_sql.quotes(area_ids is None)
        return [
            OrderedQuote(QuoteRow(*row[:6]), QuoteOrder(*row[6:]))
            for row in self.session.execute(query, params(area_ids, start=start, end=end))
        ]

    # --- signals ----------------------------------------------------------------------------

    def signal_counts(
        self, area_ids: AreaIds, start: date, end: date, as_of: date
    ) -> dict[uuid.UUID, SignalTally]:
        """Per area: reported in the period, closed in the period, open on `as_of` and, of
        those, past their deadline on `as_of`. Grouped by area and "past its deadline" too, so
        that each signal's status is replayed once (as a second CASE it was replayed twice)."""
        values = params(
            area_ids,
            start=start,
            end=end,
            as_of=as_of,
            next_day=day_end(as_of),
            last=max(end, as_of),
        )
        found = self.session.execute(signal_sql.signal_counts(area_ids is None), values)
        tally: dict[uuid.UUID, list[int]] = {}
        for area_id, past, new, closed, open_ in found:
            counts = tally.setdefault(area_id, [0, 0, 0, 0])
            counts[0] += int(new)
            counts[1] += int(closed)
            counts[2] += int(open_)
            if past:
                counts[3] += int(open_)
        return {a: SignalTally(*counts) for a, counts in tally.items()}

    def feedback_counts(
        self, area_ids: AreaIds, start: date, end: date
    ) -> dict[uuid.UUID, FeedbackTally]:
        """Per area: signals closed in the period whose reporter asked for
        feedback, and of those the ones with feedback recorded (closing the loop)."""
        query = signal_sql.feedback_counts(area_ids is None)
        found = self.session.execute(query, params(area_ids, start=start, end=end))
        return {a: FeedbackTally(int(n), int(g)) for a, n, g in found}

    def closed_in(self, area_ids: AreaIds, start: date, end: date) -> list[CloseTimes]:
        """How long the signals closed in the period took, per area; counted per number of
        days in SQL (thousands of signals, a few hundred rows)."""
        query = signal_sql.closed_in(area_ids is None)
        found = self.session.execute(query, params(area_ids, start=start, end=end))
        return [CloseTimes(a, int(d), int(n)) for a, d, n in found]

    def by_main_category(self, area_ids: AreaIds, start: date, end: date) -> list[CategoryTally]:
        """Per area and main category: the signals reported in the period."""
        query = signal_sql.by_main_category(area_ids is None)
        found = self.session.execute(query, params(area_ids, start=start, end=end))
        return [CategoryTally(a, name, int(n)) for a, name, n in found]

    def by_status(self, area_ids: AreaIds, start: date, end: date) -> list[StatusTally]:
        """Per area and current status: the signals reported in the period."""
        query = signal_sql.by_status(area_ids is None)
        found = self.session.execute(query, params(area_ids, start=start, end=end))
        return [StatusTally(a, SignalStatus(s), int(n)) for a, s, n in found]

    def open_signals(self, area_ids: AreaIds, as_of: date) -> list[OpenSignalRow]:
        """The signals open on `as_of`."""
        query = signal_sql.open_signals(area_ids is None)
        found = self.session.execute(query, params(area_ids, as_of=as_of, next_day=day_end(as_of)))
        status, priority = STATUS_OF.__getitem__, PRIORITY_OF.__getitem__
        return [
            OpenSignalRow(a, an, main, sub, buurt, rep, partner, dl, status(st), priority(pr))
            for a, an, main, sub, buurt, rep, partner, dl, st, pr in found
        ]

    def open_by_buurt(
        self, area_ids: AreaIds, as_of: date, *, leave_out_main: Collection[str] = ()
    ) -> list[BuurtTally]:
        """Per area and buurt: the signals open on `as_of` (those with a buurt), without those
        whose main category is one of `leave_out_main`."""
        query = signal_sql.open_by_buurt(area_ids is None, tuple(sorted(leave_out_main)))
        found = self.session.execute(query, params(area_ids, as_of=as_of, next_day=day_end(as_of)))
        return [BuurtTally(a, code, int(n)) for a, code, n in found if code]

    def buurten(self, area_ids: AreaIds) -> list[AreaBuurtRow]:
        """Every CBS buurt linked to the areas."""
        query = (
            select(area_buurt.c.area_id, CbsBuurt.code, CbsBuurt.name)
            .join(CbsBuurt, CbsBuurt.code == area_buurt.c.buurt_code)
            .where(*in_areas(area_buurt.c.area_id, area_ids))
        )
        return [AreaBuurtRow(a, code, name) for a, code, name in self.session.execute(query)]

    # --- agreed actions ---------------------------------------------------------------------

    def open_action_counts(self, area_ids: AreaIds, as_of: date) -> dict[uuid.UUID, int]:
        query = signal_sql.open_action_counts(area_ids is None)
        values = params(area_ids, as_of=as_of, next_day=day_end(as_of))
        return area_counts(self.session.execute(query, values))

    def open_actions(self, area_ids: AreaIds, as_of: date) -> list[OrderedAction]:
        """The actions open on `as_of`, due first, then those without a date; each with what
        orders it (as `quotes`)."""
        query = signal_sql.open_actions(area_ids is None)
        values = params(area_ids, as_of=as_of, next_day=day_end(as_of))
        return [
            OrderedAction(OpenActionRow(*row[:6]), ActionOrder(*row[6:]))
            for row in self.session.execute(query, values)
        ]
