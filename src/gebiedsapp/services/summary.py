"""The figures of a summary for the wethouder: one source of numbers for the PDF and the dashboard.

An `AreaSummary` is computed for one area (with its sub-areas) or a group of areas, over a
`Period`, with the previous period of equal length beside it. It holds only counts, names of
areas, buurten, categories, partners and team members, and quotes marked reportable: never a
resident's name, address, phone, e-mail or notes. Free text (quotes, actions) is masked
(`services.masking`): e-mail addresses, phone numbers and the linked resident's name. The PDF
writer and the dashboard render it; neither queries the database itself. The facts behind it
are kept per data version (`services.summary_cache`, docs/summary-aggregates.md): asked again
with no write in between, a summary is not counted again.

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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from datetime import date
from statistics import median
from typing import TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain import AreaKind, Role, SignalStatus
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.services.period import Period
from gebiedsapp.services.population import population
from gebiedsapp.services.summary_cache import summary_areas, summary_facts
from gebiedsapp.services.summary_facts import Facts
from gebiedsapp.services.summary_facts import trend_months as trend_months
from gebiedsapp.services.summary_model import (
    ACTION_ROWS,
    INITIATIVE_ROWS,
    QUOTE_ROWS,
    SIGNAL_ROWS,
    Packed,
    Packing,
    Rows,
)
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

# --- adding up -----------------------------------------------------------------------------

_FIGURES = tuple(f.name for f in fields(KeyFigures))
K = TypeVar("K")
R = TypeVar("R")


def _rows_of(facts: Facts, name: str, packing: Packing[R], ids: frozenset[uuid.UUID]) -> Rows[R]:
    """The rows of the list `name` of the areas `ids`, in the list's order, found through
    `Facts.where` (the rows' places per area): the municipality asks for every area's rows,
    and testing each row's area for each area hashed a UUID some 70,000 times. Still packed
    (summary_model.Rows)."""
    rows: list[Packed] = getattr(facts, name)
    where = facts.where[name]
    numbers = {a.int for a in ids}
    if where.keys() <= numbers:  # every row's area asked (an area's own facts): the whole list
        return Rows(packing, tuple(rows))
    places = sorted(i for a in numbers for i in where.get(a, ()))
    return Rows(packing, tuple(rows[i] for i in places))


def _total(counters: Iterable[Counter[K]]) -> Counter[K]:
    total: Counter[K] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def _key_figures(per_area: dict[uuid.UUID, Counter[str]], ids: frozenset[uuid.UUID]) -> KeyFigures:
    total = _total(per_area[a] for a in ids if a in per_area)
    return KeyFigures(**{name: total[name] for name in _FIGURES})


def _summary(
    facts: Facts,
    *,
    title: str,
    roots: Sequence[uuid.UUID],
    ids: frozenset[uuid.UUID],
    period: Period,
    made_on: date,
) -> AreaSummary:
    """Add up the facts of the areas `ids`; the team is that of the `roots` themselves. Kept
    with the facts (`Facts.added`): the facts may be kept, and adding up Winschoten's dozens
    of sub-areas cost more than reading the kept facts."""
    key = (title, tuple(roots), ids, period, made_on)
    found = facts.added.get(key)
    if found is None:
        found = _add_up(facts, title=title, roots=roots, ids=ids, period=period, made_on=made_on)
        facts.added[key] = found
    assert isinstance(found, AreaSummary)
    return found


def _add_up(
    facts: Facts,
    *,
    title: str,
    roots: Sequence[uuid.UUID],
    ids: frozenset[uuid.UUID],
    period: Period,
    made_on: date,
) -> AreaSummary:

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
        open_signals=_rows_of(facts, "open_signals", SIGNAL_ROWS, ids),
        median_days_to_close=float(median(days)) if days else None,
        buurten=tuple(
            BuurtCount(code, name, open_by_buurt[code])
            for code, name in sorted(names.items(), key=lambda b: (b[1], b[0]))
        ),
        quotes=_rows_of(facts, "quotes", QUOTE_ROWS, ids),
        open_action_list=_rows_of(facts, "actions", ACTION_ROWS, ids),
        initiatives=_rows_of(facts, "initiatives", INITIATIVE_ROWS, ids),
    )


def _areas_asked(
    session: Session, area_ids: Sequence[uuid.UUID]
) -> tuple[list[uuid.UUID], dict[uuid.UUID, AreaNode], set[uuid.UUID]]:
    """The roots asked for, every area by id, and the roots' areas with their sub-areas."""
    roots = list(dict.fromkeys(area_ids))
    if not roots:
        raise ValidationError("Kies ten minste één gebied.")
    nodes = summary_areas(session)
    by_id = {node.id: node for node in nodes}
    ids: set[uuid.UUID] = set()
    for root in roots:
        node = by_id.get(root)
        if node is None:
            raise NotFoundError("Dit gebied bestaat niet (meer).")
        ids |= set(by_id) if node.kind is AreaKind.GEMEENTE else subtree_ids(nodes, root)
    return roots, by_id, ids


def area_summary(
    session: Session, area_ids: Sequence[uuid.UUID], period: Period, *, today: date
) -> AreaSummary:
    """The summary of these areas (each with its sub-areas) over `period`."""
    return _area_summary(session, area_ids, period, today=today, full=True)


def area_first_figures(
    session: Session, area_ids: Sequence[uuid.UUID], period: Period, *, today: date
) -> AreaSummary:
    """`area_summary` with only its title, team, inhabitants and the key figures of the period
    and the one before (the same numbers, added up the same way); its lists, charts, trend
    and year before left empty. What the Samenvatting screen shows first: on ten times today's
    data the whole summary takes seconds, these counts a fraction of that (issue 19)."""
    return _area_summary(session, area_ids, period, today=today, full=False)


def _area_summary(
    session: Session,
    area_ids: Sequence[uuid.UUID],
    period: Period,
    *,
    today: date,
    full: bool,
) -> AreaSummary:
    roots, by_id, ids = _areas_asked(session, area_ids)
    scope = None if ids == set(by_id) else ids  # everything: no area filter in the queries
    facts = summary_facts(session, scope, period, today, full=full)
    summary = _summary(
        facts,
        title=", ".join(by_id[root].name for root in roots),
        roots=roots,
        ids=frozenset(ids),
        period=period,
        made_on=today,
    )
    whole = any(by_id[root].kind is AreaKind.GEMEENTE for root in roots)
    survey = tuple(survey_lines(session, ids, period)) if full else ()
    people = population(session, ids, municipality=whole, up_to=period.end.year)
    return replace(
        summary,
        municipality=whole,
        coverage=coverage_note(session) if full else "",
        survey=survey,
        population=people,
    )


def municipality_summary(session: Session, period: Period, *, today: date) -> MunicipalitySummary:
    """The whole municipality and each area right below it, from one set of queries."""
    nodes = summary_areas(session)
    root = next((n for n in nodes if n.parent_id is None and n.kind is AreaKind.GEMEENTE), None)
    if root is None:
        raise NotFoundError("De gebiedsindeling heeft geen gemeente.")
    facts = summary_facts(session, None, period, today, full=True)
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
