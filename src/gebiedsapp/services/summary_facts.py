"""The facts a summary is added up from: every figure per area, for all areas asked, from one
set of queries (`gather_facts`). `services.summary` sums them over an area's subtree, so the
municipality's summary and each of its areas' pages share one read of the database."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import Role, SignalStatus
from gebiedsapp.services.geo import area_code, area_outlines
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_model import (
    ACTION_ROWS,
    QUOTE_ROWS,
    SENSITIVE_MAIN_CATEGORIES,
    SIGNAL_ROWS,
    Packed,
    area_of,
    sensitive,
)
from gebiedsapp.services.summary_order import action_key, quote_key
from gebiedsapp.services.summary_rows import (
    action_of,
    initiative_rows,
    open_signal_rows,
    quote_of,
    team_of,
)
from gebiedsapp.storage.repositories.activities import ActivityRepository
from gebiedsapp.storage.repositories.geo import GeoRepository
from gebiedsapp.storage.repositories.initiatives import InitiativeRepository
from gebiedsapp.storage.repositories.reports import AreaIds, ReportRepository


@dataclass(frozen=True)
class Facts:
    """What the summaries need, per area, for every area asked (one set of queries): a summary
    of any group of those areas is then a sum over its area ids."""

    current: dict[uuid.UUID, Counter[str]]  # KeyFigures field name -> count
    previous: dict[uuid.UUID, Counter[str]]
    year_before: dict[uuid.UUID, Counter[str]]
    feedback: dict[uuid.UUID, Counter[str]]  # "asked", "given"
    trend: list[tuple[Period, dict[uuid.UUID, Counter[str]]]]  # per month, oldest first
    passers_by: dict[uuid.UUID, Counter[str]]  # "passers_by"
    themes: dict[uuid.UUID, Counter[str]]
    previous_themes: dict[uuid.UUID, Counter[str]]
    activity_themes: dict[uuid.UUID, Counter[str]]
    categories: dict[uuid.UUID, Counter[str]]
    statuses: dict[uuid.UUID, Counter[SignalStatus]]
    days_to_close: dict[uuid.UUID, list[int]]
    buurten: dict[uuid.UUID, dict[str, str]]  # code -> name
    open_by_buurt: dict[uuid.UUID, Counter[str]]
    # the lists' rows packed (summary_model.Packing: SIGNAL_ROWS, QUOTE_ROWS, ACTION_ROWS,
    # INITIATIVE_ROWS), each with its area's id as a number first
    open_signals: list[Packed]  # in table order
    quotes: list[Packed]  # newest first
    actions: list[Packed]  # due first
    initiatives: list[Packed]  # in table order
    team: dict[uuid.UUID, list[tuple[Role, str]]]
    # the summaries added up from these facts (services.summary), kept with them
    added: dict[Hashable, object] = field(default_factory=dict, compare=False, repr=False)
    # each list's rows' order keys, in its order (summary_order): a kept summary merges a
    # recounted area's rows in by them (services.summary_parts)
    orders: dict[str, list[Any]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def where(self) -> dict[str, dict[int, list[int]]]:
        """Each list's rows per area (its id's number; built once, for the summaries of many
        areas)."""
        return {
            "open_signals": positions(self.open_signals),
            "quotes": positions(self.quotes),
            "actions": positions(self.actions),
            "initiatives": positions(self.initiatives),
        }


def positions(rows: Sequence[Packed]) -> dict[int, list[int]]:
    where: defaultdict[int, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        where[area_of(row)].append(index)
    return dict(where)


def _as_of(period: Period, today: date) -> date:
    return min(period.end, today)


# The parts of an area's facts, each counted from its own tables (storage.summary_version's
# PART_OF): a write changes one part of one area, and kept facts recount only that.
PARTS = ("talks", "signals", "actions", "initiatives", "activities", "register")
# the key figures (KeyFigures' fields) and the trend's counts of each part
FIGURES_OF = {
    "talks": ("sessions", "conversations", "contacts"),
    "signals": ("signals_new", "signals_closed", "signals_open", "signals_overdue"),
    "actions": ("open_actions",),
    "initiatives": ("initiatives_new", "initiatives_running", "initiatives_done"),
    "activities": ("activities", "activity_attendance"),
    "register": ("meedenkers_added",),
}
TREND_OF = {"talks": ("conversations",), "signals": ("signals_new", "signals_open")}
# the per-area facts and the lists that one part alone fills
FIELDS_OF = {
    "talks": ("passers_by", "themes", "previous_themes"),
    "signals": ("feedback", "categories", "statuses", "days_to_close", "open_by_buurt"),
    "activities": ("activity_themes",),
}
LIST_OF = {
    "talks": "quotes",
    "signals": "open_signals",
    "actions": "actions",
    "initiatives": "initiatives",
}


def _figures(
    repo: ReportRepository,
    scope: AreaIds,
    period: Period,
    today: date,
    parts: Sequence[str] = PARTS,
) -> dict[uuid.UUID, Counter[str]]:
    result: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for part in parts:
        for area_id, counts in part_figures(repo, part, scope, period, today).items():
            result[area_id].update(counts)
    return dict(result)


def part_figures(
    repo: ReportRepository, part: str, scope: AreaIds, period: Period, today: date
) -> dict[uuid.UUID, Counter[str]]:
    """The key figures of one part (FIGURES_OF) per area."""
    as_of = _as_of(period, today)
    start, end = period.start, period.end
    result: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    if part == "talks":
        for area_id, held in repo.session_counts(scope, start, end).items():
            result[area_id].update(sessions=held.rounds, conversations=held.conversations)
        for area_id, n in repo.contact_counts(scope, start, end).items():
            result[area_id]["contacts"] = n
    elif part == "register":
        for area_id, n in repo.meedenkers_added(scope, start, end).items():
            result[area_id]["meedenkers_added"] = n
    elif part == "signals":
        for area_id, signals in repo.signal_counts(scope, start, end, as_of).items():
            result[area_id].update(
                signals_new=signals.new,
                signals_closed=signals.closed,
                signals_open=signals.open,
                signals_overdue=signals.overdue,
            )
    elif part == "actions":
        for area_id, n in repo.open_action_counts(scope, as_of).items():
            result[area_id]["open_actions"] = n
    elif part == "initiatives":
        initiatives = InitiativeRepository(repo.session)
        for area_id, tally in initiatives.counts(scope, start, end, as_of).items():
            result[area_id].update(
                initiatives_new=tally.started,
                initiatives_running=tally.running,
                initiatives_done=tally.completed,
            )
    elif part == "activities":
        gatherings = ActivityRepository(repo.session)
        for area_id, gathered in gatherings.counts(scope, start, min(end, as_of)).items():
            result[area_id].update(
                activities=gathered.held, activity_attendance=gathered.attendance
            )
    return dict(result)


def trend_months(period: Period) -> list[Period]:
    """The 12 calendar months up to and including the one the period ends in."""
    last = Period.month(period.end.year, period.end.month)
    months = [last]
    for _ in range(11):
        months.append(months[-1].previous())
    return months[::-1]


def _trend(
    repo: ReportRepository, scope: AreaIds, period: Period, today: date, part: str
) -> list[tuple[Period, dict[uuid.UUID, Counter[str]]]]:
    """Per month, the counts of one part (TREND_OF): conversations in it (talks); new signals
    in it and those open at its end (signals). Two queries for the twelve months, on the same
    indexes as the period's figures."""
    months = [Period(month.start, min(month.end, period.end)) for month in trend_months(period)]
    talks = part == "talks"
    counted = repo.trend_counts(
        scope,
        [(m.start, m.end, min(m.end, today)) for m in months],
        talks=talks,
        signals=not talks,
    )
    out = []
    for month, counts in zip(months, counted, strict=True):
        per_area: dict[uuid.UUID, Counter[str]] = {
            area_id: (
                Counter(conversations=talked)
                if talks
                else Counter(signals_new=new, signals_open=open_)
            )
            for area_id, (talked, new, open_) in counts.items()
        }
        out.append((month, per_area))
    return out


def _themes(
    repo: ReportRepository, scope: AreaIds, periods: Sequence[Period]
) -> list[dict[uuid.UUID, Counter[str]]]:
    """Per period, per area, conversations and contacts per theme (one query for all)."""
    result: list[defaultdict[uuid.UUID, Counter[str]]] = [defaultdict(Counter) for _ in periods]
    spans = [(period.start, period.end) for period in periods]
    for area_id, name, counts in repo.theme_counts(scope, spans):
        for index, n in enumerate(counts):
            if n:
                result[index][area_id][name] += n
    return [dict(per_area) for per_area in result]


def _activity_themes(
    session: Session, scope: AreaIds, period: Period, as_of: date
) -> dict[uuid.UUID, Counter[str]]:
    result: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for row in ActivityRepository(session).theme_counts(
        scope, period.start, min(period.end, as_of)
    ):
        result[row.area_id][row.theme] += row.activities
    return dict(result)


def first_facts(
    session: Session, scope: AreaIds, period: Period, previous: Period, today: date
) -> Facts:
    """Only the key figures of both periods and the team, the rest left empty: what the
    Samenvatting screen shows first. On ten times today's data the whole of `gather_facts`
    takes seconds (the lists, the trend, the year before); these few counts a fraction."""
    repo = ReportRepository(session)
    return _first_only(
        current=_figures(repo, scope, period, today),
        previous=_figures(repo, scope, previous, today),
        team=team_of(session, period),
    )


def first_of(facts: Facts) -> Facts:
    """The first facts (`first_facts`) within the full ones: the same figures and team."""
    return _first_only(current=facts.current, previous=facts.previous, team=facts.team)


def _first_only(
    *,
    current: dict[uuid.UUID, Counter[str]],
    previous: dict[uuid.UUID, Counter[str]],
    team: dict[uuid.UUID, list[tuple[Role, str]]],
) -> Facts:
    return Facts(
        current=current,
        previous=previous,
        year_before={},
        trend=[],
        passers_by={},
        feedback={},
        themes={},
        previous_themes={},
        activity_themes={},
        categories={},
        statuses={},
        days_to_close={},
        buurten={},
        open_by_buurt={},
        open_signals=[],
        quotes=[],
        actions=[],
        initiatives=[],
        team=team,
    )


Piece = dict[str, Any]  # one part's facts of some areas, by Facts' field names


def part_facts(
    session: Session,
    part: str,
    scope: AreaIds,
    period: Period,
    previous: Period,
    today: date,
    *,
    figures: bool = True,
) -> Piece:
    """The facts of one part (PARTS) of the areas `scope`: its key figures (unless not
    `figures`: the caller has them), its trend counts, its own per-area facts (FIELDS_OF) and
    its list (LIST_OF) as (packed row, order key) in the list's order."""
    repo = ReportRepository(session)
    as_of = _as_of(period, today)
    piece: Piece = {}
    if figures:
        piece["current"] = part_figures(repo, part, scope, period, today)
        piece["previous"] = part_figures(repo, part, scope, previous, today)
        earlier = period.year_earlier()  # for a year the same as the previous period
        piece["year_before"] = (
            piece["previous"]
            if earlier == previous
            else part_figures(repo, part, scope, earlier, today)
        )
    if part in TREND_OF:
        piece["trend"] = _trend(repo, scope, period, today, part)
    if part == "talks":
        piece["passers_by"] = {
            area_id: Counter(passers_by=n)
            for area_id, n in repo.passers_by(scope, period.start, period.end).items()
        }
        piece["themes"], piece["previous_themes"] = _themes(repo, scope, [period, previous])
        piece["quotes"] = [
            (QUOTE_ROWS.pack(q.row.area_id, quote_of(q.row)), quote_key(q))
            for q in repo.quotes(scope, period.start, period.end)
        ]
    elif part == "signals":
        piece.update(_signal_facts(session, repo, scope, period, as_of))
    elif part == "actions":
        piece["actions"] = [
            (ACTION_ROWS.pack(a.row.area_id, action_of(a.row, as_of)), action_key(a))
            for a in repo.open_actions(scope, as_of)
        ]
    elif part == "initiatives":
        piece["initiatives"] = initiative_rows(session, scope, period, as_of)
    elif part == "activities":
        piece["activity_themes"] = _activity_themes(session, scope, period, as_of)
    return piece


def _signal_facts(
    session: Session, repo: ReportRepository, scope: AreaIds, period: Period, as_of: date
) -> Piece:
    feedback = {
        area_id: Counter(asked=loop.asked, given=loop.given)
        for area_id, loop in repo.feedback_counts(scope, period.start, period.end).items()
    }
    categories: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for category in repo.by_main_category(scope, period.start, period.end):
        categories[category.area_id][category.main_category] += category.signals
    statuses: defaultdict[uuid.UUID, Counter[SignalStatus]] = defaultdict(Counter)
    for status in repo.by_status(scope, period.start, period.end):
        statuses[status.area_id][status.status] += status.signals
    days: defaultdict[uuid.UUID, list[int]] = defaultdict(list)
    for took in repo.closed_in(scope, period.start, period.end):
        days[took.area_id].extend([took.days] * took.signals)
    by_buurt: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    # a sensitive signal (Sociaal) is printed only as a count per area and month: the buurt
    # map leaves it out, since a tiny buurt can point at one household
    for area_id, code, n in repo.open_by_buurt(
        scope, as_of, leave_out_main=SENSITIVE_MAIN_CATEGORIES
    ):
        by_buurt[area_id][code] += n
    open_rows = open_signal_rows(repo, scope, as_of)
    outlines = area_outlines()
    # counted once: per area without a buurt, a pass over every open signal cost seconds on
    # ten times today's data (the municipality has dozens of such areas)
    open_shown = Counter(
        area_of(row) for row, _key in open_rows if not sensitive(SIGNAL_ROWS.value(row, "category"))
    )
    for area_id, key, _name in GeoRepository(session).areas_without_buurt(area_ids=scope):
        # an area without a CBS buurt is drawn by its own (approximate) outline, which holds
        # all its open signals: they have no buurt of their own
        if key in outlines:
            by_buurt[area_id][area_code(key)] = open_shown[area_id.int]
    return {
        "feedback": feedback,
        "categories": dict(categories),
        "statuses": dict(statuses),
        "days_to_close": dict(days),
        "open_by_buurt": dict(by_buurt),
        "open_signals": open_rows,
    }


def _buurten(session: Session, repo: ReportRepository, scope: AreaIds) -> dict[uuid.UUID, Any]:
    """Per area its CBS buurten, or its own outline where it has none (reference data)."""
    buurten: defaultdict[uuid.UUID, dict[str, str]] = defaultdict(dict)
    for buurt in repo.buurten(scope):
        buurten[buurt.area_id][buurt.buurt_code] = buurt.buurt_name
    outlines = area_outlines()
    for area_id, key, name in GeoRepository(session).areas_without_buurt(area_ids=scope):
        if key in outlines:
            buurten[area_id][area_code(key)] = name
    return dict(buurten)


def gather_facts(
    session: Session,
    scope: AreaIds,
    period: Period,
    previous: Period,
    today: date,
    *,
    first: Facts | None = None,
) -> Facts:
    """Every fact of the summary: each part's (`part_facts`) put together. `first`: the first
    facts of the same areas, periods and day, already computed (the Samenvatting screen shows
    them first): their key figures and team are taken as they are, not counted again."""
    pieces = [
        part_facts(session, part, scope, period, previous, today, figures=first is None)
        for part in PARTS
    ]
    figures: dict[str, defaultdict[uuid.UUID, Counter[str]]] = {
        name: defaultdict(Counter) for name in ("current", "previous", "year_before")
    }
    months = trend_months(period)
    trend: list[defaultdict[uuid.UUID, Counter[str]]] = [defaultdict(Counter) for _ in months]
    whole: dict[str, Any] = {}
    for piece in pieces:
        for name, value in piece.items():
            if name in figures:
                for area_id, counts in value.items():
                    figures[name][area_id].update(counts)
            elif name == "trend":
                for index, (_month, per_area) in enumerate(value):
                    for area_id, counts in per_area.items():
                        trend[index][area_id].update(counts)
            else:
                whole[name] = value
    if first is not None:
        current, before = first.current, first.previous
        earlier = period.year_earlier()
        repo = ReportRepository(session)
        year_before = before if earlier == previous else _figures(repo, scope, earlier, today)
    else:
        current, before = dict(figures["current"]), dict(figures["previous"])
        year_before = before if period.year_earlier() == previous else dict(figures["year_before"])
    lists = {name: whole.pop(name) for name in LIST_OF.values()}
    rows: dict[str, Any] = {name: [row for row, _key in found] for name, found in lists.items()}
    return Facts(
        current=current,
        previous=before,
        year_before=year_before,
        trend=[
            (Period(month.start, min(month.end, period.end)), dict(per_area))
            for month, per_area in zip(months, trend, strict=True)
        ],
        **whole,
        **rows,
        buurten=_buurten(session, ReportRepository(session), scope),
        team=first.team if first is not None else team_of(session, period),
        orders={name: [key for _row, key in found] for name, found in lists.items()},
    )
