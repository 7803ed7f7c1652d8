"""The figures of a summary for the wethouder: one source of numbers for the PDF and the dashboard.

An `AreaSummary` is computed for one area (with its sub-areas) or a group of areas, over a
`Period`, with the previous period of equal length beside it. It holds only counts, names of
areas, buurten, categories, partners and team members, and quotes marked reportable: never a
resident's name, address, phone, e-mail or notes. Free text (quotes, actions) is masked
(`services.masking`): e-mail addresses, phone numbers and the linked resident's name. The PDF
writer and the dashboard render it; neither queries the database itself.

What the figures mean (all over the areas with their sub-areas; removed records never count):

- "Open at the end of the period" is measured on `AreaSummary.as_of`: the period's end, or the
  day the summary is made while the period still runs. A signal is open then when it was
  reported on or before that day and not closed at the end of it: its status history is
  replayed up to Dutch local midnight, so a signal closed in the period and reopened after it
  counts as closed at the period's end. "Closed in the period" is `closed_on` (the last day a
  signal was closed): a signal closed and reopened since does not count as closed there.
- Days are Dutch days: timestamps (actions made, history) cut at Europe/Amsterdam midnight.
- Overdue: open and past its deadline on that day, i.e. not "binnen de termijn" by
  `deadline_label`. Median days to close: closed_on - reported_on of the signals closed in the
  period. Split signals count as their parent and each child.
- An agreed action is open on a day when it was made (created_at) on or before it and was not
  done by then; a "vervallen" action has no date of lapsing and never counts as open.
- Themes count conversations (by their round's date) plus contacts with the theme.
- Activities (bewonersavond, dorpsschouw, ...): held in the period (by their date; planned ones
  after `as_of` count once held), their attendance added up (an activity without a count adds
  nothing), and the themes heard there, kept apart from the conversations' themes.
- Initiatives: started in the period (started_on), running on `as_of` (started on or before it
  and not ended on or before it) and completed in the period (afgerond, ended_on in it; a
  stopped initiative is not completed). The table lists every initiative started on or
  before `as_of` and not ended before the period (so running in it, or ended in it: one
  completed on its first day is listed too), with its status at the period's end (one that
  ended after it is shown as still running) and its first milestone not reached yet.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cached_property
from statistics import median
from typing import TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    AreaKind,
    DeadlineLabel,
    Role,
    SignalStatus,
)
from gebiedsapp.domain.deadlines import deadline_label
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.geo import area_code, area_outlines
from gebiedsapp.services.masking import mask
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.services.period import Period
from gebiedsapp.services.population import population
from gebiedsapp.services.summary_model import (
    SENSITIVE_MAIN_CATEGORIES as SENSITIVE_MAIN_CATEGORIES,
)
from gebiedsapp.services.summary_model import (
    AreaSummary as AreaSummary,
)
from gebiedsapp.services.summary_model import (
    BuurtCount as BuurtCount,
)
from gebiedsapp.services.summary_model import (
    InitiativeRow as InitiativeRow,
)
from gebiedsapp.services.summary_model import (
    KeyFigures as KeyFigures,
)
from gebiedsapp.services.summary_model import (
    MonthPoint as MonthPoint,
)
from gebiedsapp.services.summary_model import (
    MunicipalitySummary as MunicipalitySummary,
)
from gebiedsapp.services.summary_model import (
    OpenAction as OpenAction,
)
from gebiedsapp.services.summary_model import (
    OpenSignal as OpenSignal,
)
from gebiedsapp.services.summary_model import (
    Quote as Quote,
)
from gebiedsapp.services.summary_model import (
    ThemeCount as ThemeCount,
)
from gebiedsapp.services.survey import survey_lines
from gebiedsapp.services.sync.coverage import coverage_note
from gebiedsapp.storage.repositories.activities import ActivityRepository
from gebiedsapp.storage.repositories.geo import GeoRepository
from gebiedsapp.storage.repositories.initiatives import InitiativeRepository, OpenMilestone
from gebiedsapp.storage.repositories.report_rows import OpenActionRow, QuoteRow
from gebiedsapp.storage.repositories.reports import AreaIds, ReportRepository
from gebiedsapp.storage.repositories.teams import TeamRepository

# --- computing ------------------------------------------------------------------------------

# The order of the open-signals table: worst deadline label first (as the signals screen).
_LABEL_ORDER = {DeadlineLabel.RUIM_BUITEN: 0, DeadlineLabel.BUITEN: 1, DeadlineLabel.BINNEN: 2}
_FIGURES = tuple(f.name for f in fields(KeyFigures))
K = TypeVar("K")


@dataclass(frozen=True)
class _Facts:
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
    open_signals: list[tuple[uuid.UUID, OpenSignal]]  # in table order
    quotes: list[tuple[uuid.UUID, Quote]]  # newest first
    actions: list[tuple[uuid.UUID, OpenAction]]  # due first
    initiatives: list[tuple[uuid.UUID, InitiativeRow]]  # in table order
    team: dict[uuid.UUID, list[tuple[Role, str]]]

    @cached_property
    def where(self) -> dict[str, dict[uuid.UUID, list[int]]]:
        """Each list's rows per area (built once, for the summaries of many areas)."""
        return {
            "open_signals": _positions(self.open_signals),
            "quotes": _positions(self.quotes),
            "actions": _positions(self.actions),
            "initiatives": _positions(self.initiatives),
        }


R = TypeVar("R")


def _positions(rows: Sequence[tuple[uuid.UUID, object]]) -> dict[uuid.UUID, list[int]]:
    where: defaultdict[uuid.UUID, list[int]] = defaultdict(list)
    for index, (area_id, _row) in enumerate(rows):
        where[area_id].append(index)
    return dict(where)


def _rows_of(
    rows: Sequence[tuple[uuid.UUID, R]], where: dict[uuid.UUID, list[int]], ids: Iterable[uuid.UUID]
) -> tuple[R, ...]:
    """The rows of the areas `ids`, in the list's order, found through `where` (the rows'
    places per area): the municipality asks for every area's rows, and testing each row's
    area for each area hashed a UUID some 70,000 times."""
    return tuple(rows[i][1] for i in sorted(i for a in ids for i in where.get(a, ())))


def _as_of(period: Period, today: date) -> date:
    return min(period.end, today)


def _figures(
    repo: ReportRepository, scope: AreaIds, period: Period, today: date
) -> dict[uuid.UUID, Counter[str]]:
    as_of = _as_of(period, today)
    start, end = period.start, period.end
    result: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for area_id, held in repo.session_counts(scope, start, end).items():
        result[area_id].update(sessions=held.rounds, conversations=held.conversations)
    for area_id, n in repo.contact_counts(scope, start, end).items():
        result[area_id]["contacts"] = n
    for area_id, n in repo.meedenkers_added(scope, start, end).items():
        result[area_id]["meedenkers_added"] = n
    for area_id, signals in repo.signal_counts(scope, start, end, as_of).items():
        result[area_id].update(
            signals_new=signals.new,
            signals_closed=signals.closed,
            signals_open=signals.open,
            signals_overdue=signals.overdue,
        )
    for area_id, n in repo.open_action_counts(scope, as_of).items():
        result[area_id]["open_actions"] = n
    initiatives = InitiativeRepository(repo.session)
    for area_id, tally in initiatives.counts(scope, start, end, as_of).items():
        result[area_id].update(
            initiatives_new=tally.started,
            initiatives_running=tally.running,
            initiatives_done=tally.completed,
        )
    gatherings = ActivityRepository(repo.session)
    for area_id, gathered in gatherings.counts(scope, start, min(end, as_of)).items():
        result[area_id].update(activities=gathered.held, activity_attendance=gathered.attendance)
    return dict(result)


def trend_months(period: Period) -> list[Period]:
    """The 12 calendar months up to and including the one the period ends in."""
    last = Period.month(period.end.year, period.end.month)
    months = [last]
    for _ in range(11):
        months.append(months[-1].previous())
    return months[::-1]


def _trend(
    repo: ReportRepository, scope: AreaIds, period: Period, today: date
) -> list[tuple[Period, dict[uuid.UUID, Counter[str]]]]:
    """Per month: conversations and new signals in it, signals open at its end (two queries
    for the twelve months, on the same indexes as the period's figures)."""
    months = [Period(month.start, min(month.end, period.end)) for month in trend_months(period)]
    counted = repo.trend_counts(scope, [(m.start, m.end, min(m.end, today)) for m in months])
    out = []
    for month, counts in zip(months, counted, strict=True):
        per_area: dict[uuid.UUID, Counter[str]] = {
            area_id: Counter(conversations=talks, signals_new=new, signals_open=open_)
            for area_id, (talks, new, open_) in counts.items()
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


def _table_order(row: OpenSignal) -> tuple[int, date, date, str, str]:
    """Overdue first (ruim buiten, then buiten), then the oldest."""
    return (_LABEL_ORDER[row.label], row.since, row.deadline, row.area, row.category)


def _open_signals(
    repo: ReportRepository, scope: AreaIds, as_of: date
) -> list[tuple[uuid.UUID, OpenSignal]]:
    rows = []
    for found in repo.open_signals(scope, as_of):
        main, sub = found.main_category, found.sub_category
        row = OpenSignal(
            category=f"{main} › {sub}" if sub else main,
            buurt=found.buurt_name,
            area=found.area_name,
            since=found.reported_on,
            partner=found.partner_name,
            deadline=found.deadline,
            label=deadline_label(found.reported_on, found.deadline, as_of),
            status=found.status,
            priority=found.priority,
        )
        rows.append((found.area_id, row))
    rows.sort(key=lambda r: _table_order(r[1]))
    return rows


def _initiatives(
    session: Session, scope: AreaIds, period: Period, as_of: date
) -> list[tuple[uuid.UUID, InitiativeRow]]:
    repo = InitiativeRepository(session)
    found = repo.in_period(scope, period.start, as_of)
    steps: dict[uuid.UUID, OpenMilestone] = {}
    for milestone in repo.open_milestones([initiative.id for initiative in found]):
        steps.setdefault(milestone.initiative_id, milestone)  # the first not reached
    rows = []
    for initiative in found:
        step = steps.get(initiative.id)
        ended = initiative.ended_on
        later = ended if ended is not None and ended > as_of else None
        row = InitiativeRow(
            title=initiative.title,
            area=initiative.area_name,
            status=initiative.status,
            since=initiative.started_on,
            ended=None if later is not None else ended,  # ended later: at the period's end it ran
            next_step=step.description if step is not None else "",
            next_due=step.due_on if step is not None else None,
            budget_granted=initiative.budget_granted,
            ended_later=later,
        )
        rows.append((initiative.area_id, row))
    return rows


def _quote(row: QuoteRow) -> Quote:
    return Quote(
        text=mask(row.quote, [row.resident_name]),
        day=row.day,
        area=row.area_name,
        buurt=row.buurt_name,
    )


def _action(row: OpenActionRow, as_of: date) -> OpenAction:
    due = row.due_date
    return OpenAction(
        what=mask(row.description, [row.resident_name]),
        owner=row.owner_name,
        due=due,
        area=row.area_name,
        overdue=due is not None and due < as_of,
    )


def _facts(
    session: Session, scope: AreaIds, period: Period, previous: Period, today: date
) -> _Facts:
    repo = ReportRepository(session)
    as_of = _as_of(period, today)
    categories: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for category in repo.by_main_category(scope, period.start, period.end):
        categories[category.area_id][category.main_category] += category.signals
    statuses: defaultdict[uuid.UUID, Counter[SignalStatus]] = defaultdict(Counter)
    for status in repo.by_status(scope, period.start, period.end):
        statuses[status.area_id][status.status] += status.signals
    days: defaultdict[uuid.UUID, list[int]] = defaultdict(list)
    for took in repo.closed_in(scope, period.start, period.end):
        days[took.area_id].extend([took.days] * took.signals)
    buurten: defaultdict[uuid.UUID, dict[str, str]] = defaultdict(dict)
    for buurt in repo.buurten(scope):
        buurten[buurt.area_id][buurt.buurt_code] = buurt.buurt_name
    by_buurt: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    # a sensitive signal (Sociaal) is printed only as a count per area and month: the buurt
    # map leaves it out, since a tiny buurt can point at one household
    for area_id, code, n in repo.open_by_buurt(
        scope, as_of, leave_out_main=SENSITIVE_MAIN_CATEGORIES
    ):
        by_buurt[area_id][code] += n
    open_rows = _open_signals(repo, scope, as_of)
    themes_now, themes_before = _themes(repo, scope, [period, previous])
    outlines = area_outlines()
    for area_id, key, name in GeoRepository(session).areas_without_buurt(area_ids=scope):
        # an area without a CBS buurt is drawn by its own (approximate) outline, which holds
        # all its open signals: they have no buurt of their own
        if key in outlines:
            buurten[area_id][area_code(key)] = name
            by_buurt[area_id][area_code(key)] = sum(
                1 for a, row in open_rows if a == area_id and not row.sensitive
            )
    team: defaultdict[uuid.UUID, list[tuple[Role, str]]] = defaultdict(list)
    for assignment in TeamRepository(session).assignments(on=period.end):
        team[assignment.area_id].append((assignment.role, assignment.member.name))
    before = _figures(repo, scope, previous, today)
    earlier = period.year_earlier()  # for a year the same as the previous period: counted once
    return _Facts(
        current=_figures(repo, scope, period, today),
        previous=before,
        year_before=before if earlier == previous else _figures(repo, scope, earlier, today),
        trend=_trend(repo, scope, period, today),
        passers_by={
            area_id: Counter(passers_by=n)
            for area_id, n in repo.passers_by(scope, period.start, period.end).items()
        },
        feedback={
            area_id: Counter(asked=loop.asked, given=loop.given)
            for area_id, loop in repo.feedback_counts(scope, period.start, period.end).items()
        },
        themes=themes_now,
        previous_themes=themes_before,
        activity_themes=_activity_themes(session, scope, period, as_of),
        categories=dict(categories),
        statuses=dict(statuses),
        days_to_close=dict(days),
        buurten=dict(buurten),
        open_by_buurt=dict(by_buurt),
        open_signals=open_rows,
        quotes=[(q.area_id, _quote(q)) for q in repo.quotes(scope, period.start, period.end)],
        actions=[(a.area_id, _action(a, as_of)) for a in repo.open_actions(scope, as_of)],
        initiatives=_initiatives(session, scope, period, as_of),
        team=dict(team),
    )


def _total(counters: Iterable[Counter[K]]) -> Counter[K]:
    total: Counter[K] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def _key_figures(per_area: dict[uuid.UUID, Counter[str]], ids: frozenset[uuid.UUID]) -> KeyFigures:
    total = _total(per_area[a] for a in ids if a in per_area)
    return KeyFigures(**{name: total[name] for name in _FIGURES})


def _summary(
    facts: _Facts,
    *,
    title: str,
    roots: Sequence[uuid.UUID],
    ids: frozenset[uuid.UUID],
    period: Period,
    made_on: date,
) -> AreaSummary:
    """Add up the facts of the areas `ids`; the team is that of the `roots` themselves."""

    def picked(mapping: dict[uuid.UUID, Counter[K]]) -> Counter[K]:
        return _total(mapping[a] for a in ids if a in mapping)

    now, before = picked(facts.themes), picked(facts.previous_themes)
    themes = sorted(
        (ThemeCount(name, now[name], before[name]) for name in now.keys() | before.keys()),
        key=lambda t: (-t.current, t.theme),
    )
    heard = picked(facts.activity_themes)
    categories = picked(facts.categories)
    statuses = picked(facts.statuses)
    days = [d for a in ids for d in facts.days_to_close.get(a, ())]
    names: dict[str, str] = {}
    for area_id in ids:
        names.update(facts.buurten.get(area_id, {}))
    open_by_buurt = picked(facts.open_by_buurt)
    members: dict[Role, set[str]] = {}
    for root in roots:
        for role, name in facts.team.get(root, ()):
            members.setdefault(role, set()).add(name)
    return AreaSummary(
        title=title,
        area_ids=ids,
        period=period,
        previous_period=period.previous(),
        made_on=made_on,
        team={role: tuple(sorted(members[role])) for role in Role if role in members},
        current=_key_figures(facts.current, ids),
        previous=_key_figures(facts.previous, ids),
        year_before=_key_figures(facts.year_before, ids),
        trend=tuple(
            MonthPoint(
                month.start,
                (total := picked(counts))["conversations"],
                total["signals_new"],
                total["signals_open"],
            )
            for month, counts in facts.trend
        ),
        passers_by=picked(facts.passers_by)["passers_by"],
        feedback_asked=picked(facts.feedback)["asked"],
        feedback_given=picked(facts.feedback)["given"],
        themes=tuple(themes),
        activity_themes=tuple(sorted(heard.items(), key=lambda t: (-t[1], t[0]))),
        signals_by_category=tuple(sorted(categories.items(), key=lambda c: (-c[1], c[0]))),
        signals_by_status=tuple((s, statuses[s]) for s in SignalStatus if statuses[s]),
        open_signals=_rows_of(facts.open_signals, facts.where["open_signals"], ids),
        median_days_to_close=float(median(days)) if days else None,
        buurten=tuple(
            BuurtCount(code, name, open_by_buurt[code])
            for code, name in sorted(names.items(), key=lambda b: (b[1], b[0]))
        ),
        quotes=_rows_of(facts.quotes, facts.where["quotes"], ids),
        open_action_list=_rows_of(facts.actions, facts.where["actions"], ids),
        initiatives=_rows_of(facts.initiatives, facts.where["initiatives"], ids),
    )


def area_summary(
    session: Session, area_ids: Sequence[uuid.UUID], period: Period, *, today: date
) -> AreaSummary:
    """The summary of these areas (each with its sub-areas) over `period`."""
    roots = list(dict.fromkeys(area_ids))
    if not roots:
        raise ValidationError("Kies ten minste één gebied.")
    nodes = area_tree(session)
    by_id = {node.id: node for node in nodes}
    ids: set[uuid.UUID] = set()
    for root in roots:
        node = by_id.get(root)
        if node is None:
            raise NotFoundError("Dit gebied bestaat niet (meer).")
        ids |= set(by_id) if node.kind is AreaKind.GEMEENTE else subtree_ids(nodes, root)
    scope = None if ids == set(by_id) else ids  # everything: no area filter in the queries
    facts = _facts(session, scope, period, period.previous(), today)
    summary = _summary(
        facts,
        title=", ".join(by_id[root].name for root in roots),
        roots=roots,
        ids=frozenset(ids),
        period=period,
        made_on=today,
    )
    whole = any(by_id[root].kind is AreaKind.GEMEENTE for root in roots)
    survey = tuple(survey_lines(session, ids, period))
    people = population(session, ids, municipality=whole, up_to=period.end.year)
    return replace(
        summary,
        municipality=whole,
        coverage=coverage_note(session),
        survey=survey,
        population=people,
    )


def municipality_summary(session: Session, period: Period, *, today: date) -> MunicipalitySummary:
    """The whole municipality and each area right below it, from one set of queries."""
    nodes = area_tree(session)
    root = next((n for n in nodes if n.parent_id is None and n.kind is AreaKind.GEMEENTE), None)
    if root is None:
        raise NotFoundError("De gebiedsindeling heeft geen gemeente.")
    facts = _facts(session, None, period, period.previous(), today)
    coverage = coverage_note(session)
    total = replace(
        _summary(
            facts,
            title=root.name,
            roots=[root.id],
            ids=frozenset(n.id for n in nodes),
            period=period,
            made_on=today,
        ),
        municipality=True,
        coverage=coverage,
        population=population(
            session, [n.id for n in nodes], municipality=True, up_to=period.end.year
        ),
    )
    below = sorted((n for n in nodes if n.parent_id == root.id), key=lambda n: n.name.casefold())
    areas = []
    for node in below:
        ids = frozenset(subtree_ids(nodes, node.id))
        summary = _summary(
            facts, title=node.name, roots=[node.id], ids=ids, period=period, made_on=today
        )
        areas.append(
            replace(
                summary,
                population=population(session, ids, up_to=period.end.year),
                coverage=coverage,
            )
        )
    return MunicipalitySummary(
        period=period, made_on=today, total=total, areas=tuple(areas), coverage=coverage
    )
