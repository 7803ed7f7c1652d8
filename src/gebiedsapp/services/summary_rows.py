"""The rows of the summary's lists and its team, made from the repositories' rows: the open
signals in the table's order, initiatives with their next step, quotes and actions masked
(services.masking). Kept apart from `summary_facts`, which puts them in the facts."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import DeadlineLabel, Priority, Role, SignalStatus
from gebiedsapp.domain.deadlines import deadline_label
from gebiedsapp.services.masking import mask
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_model import (
    INITIATIVE_ROWS,
    SIGNAL_ROWS,
    InitiativeRow,
    OpenAction,
    OpenSignal,
    Packed,
    Quote,
)
from gebiedsapp.services.summary_order import initiative_key
from gebiedsapp.storage.repositories.initiatives import (
    InitiativeInPeriod,
    InitiativeRepository,
    OpenMilestone,
)
from gebiedsapp.storage.repositories.report_rows import OpenActionRow, QuoteRow
from gebiedsapp.storage.repositories.reports import AreaIds, ReportRepository
from gebiedsapp.storage.repositories.teams import TeamRepository

# The order of the open-signals table: worst deadline label first (as the signals screen).
_LABEL_ORDER = {DeadlineLabel.RUIM_BUITEN: 0, DeadlineLabel.BUITEN: 1, DeadlineLabel.BINNEN: 2}
_PRIORITY_ORDER = {Priority.HOOG: 0, Priority.NORMAAL: 1, Priority.LAAG: 2}
_STATUS_ORDER = {status: place for place, status in enumerate(SignalStatus)}  # the workflow's


def table_order(row: OpenSignal) -> tuple[int, date, date, str, str, str, str, int, int]:
    """Overdue first (ruim buiten, then buiten), then the oldest; signals alike in those in an
    order of their own (buurt, partner, priority, status), not in the order the database
    happened to read them (which a new index changed, and with it the brief's top ten)."""
    return (
        _LABEL_ORDER[row.label],
        row.since,
        row.deadline,
        row.area,
        row.category,
        row.buurt,
        row.partner,
        _PRIORITY_ORDER[row.priority],
        _STATUS_ORDER[row.status],
    )


def open_signal_of(found: Any, as_of: date) -> OpenSignal:
    """An open signal's line as the summaries show it (the brief's list and Samenvatting's
    pages alike), from a row of the reports' or the pages' query (the same columns)."""
    main, sub = found.main_category, found.sub_category
    return OpenSignal(
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


def open_signal_rows(
    repo: ReportRepository, scope: AreaIds, as_of: date
) -> list[tuple[Packed, tuple[Any, ...]]]:
    """The open signals packed (SIGNAL_ROWS) with their order keys, in the table's order."""
    rows = []
    for found in repo.open_signals(scope, as_of):
        row = open_signal_of(found, as_of)
        area = found.area_id
        # then the area's id: rows alike in all of the key are alike in every field shown
        rows.append((SIGNAL_ROWS.pack(area, row), (*table_order(row), area.int)))
    rows.sort(key=itemgetter(1))
    return rows


def initiative_rows(
    session: Session, scope: AreaIds, period: Period, as_of: date
) -> list[tuple[Packed, tuple[Any, ...]]]:
    """The initiatives packed (INITIATIVE_ROWS) with their order keys, in the table's order."""
    found = InitiativeRepository(session).in_period(scope, period.start, as_of)
    return [
        (INITIATIVE_ROWS.pack(initiative.area_id, row), initiative_key(initiative))
        for initiative, row in zip(found, initiative_lines(session, found, as_of), strict=True)
    ]


def initiative_lines(
    session: Session, found: Sequence[InitiativeInPeriod], as_of: date
) -> list[InitiativeRow]:
    """The initiatives' lines as the summaries show them, with their next step (the first
    milestone not reached), in their order."""
    steps: dict[uuid.UUID, OpenMilestone] = {}
    for milestone in InitiativeRepository(session).open_milestones([i.id for i in found]):
        steps.setdefault(milestone.initiative_id, milestone)  # the first not reached
    rows = []
    for initiative in found:
        step = steps.get(initiative.id)
        ended = initiative.ended_on
        later = ended if ended is not None and ended > as_of else None
        rows.append(
            InitiativeRow(
                title=initiative.title,
                area=initiative.area_name,
                status=initiative.status,
                since=initiative.started_on,
                ended=None if later is not None else ended,  # ended later: it ran at the end
                next_step=step.description if step is not None else "",
                next_due=step.due_on if step is not None else None,
                budget_granted=initiative.budget_granted,
                ended_later=later,
            )
        )
    return rows


def quote_of(row: QuoteRow) -> Quote:
    return Quote(
        text=mask(row.quote, [row.resident_name]),
        day=row.day,
        area=row.area_name,
        buurt=row.buurt_name,
    )


def action_of(row: OpenActionRow, as_of: date) -> OpenAction:
    due = row.due_date
    return OpenAction(
        what=mask(row.description, [row.resident_name]),
        owner=row.owner_name,
        due=due,
        area=row.area_name,
        overdue=due is not None and due < as_of,
    )


def team_of(session: Session, period: Period) -> dict[uuid.UUID, list[tuple[Role, str]]]:
    team: defaultdict[uuid.UUID, list[tuple[Role, str]]] = defaultdict(list)
    for assignment in TeamRepository(session).assignments(on=period.end):
        team[assignment.area_id].append((assignment.role, assignment.member.name))
    return dict(team)
