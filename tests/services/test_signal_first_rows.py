"""Signalen's first page (issue 19): the database sorts and cuts the list to its first rows,
which must be the whole list's first rows, whatever the labels, closings and filters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import Priority, SignalSource, reference_id
from gebiedsapp.domain import SignalStatus as S
from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.domain.signal_workflow import OPEN
from gebiedsapp.services import signals
from gebiedsapp.services.signal_views import SignalFilter, first_signal_rows, list_signals
from gebiedsapp.services.signals import SignalInput

BEERTA = reference_id("area", "beerta")
CATEGORIES = [
    reference_id("signal_category", "afval/zwerfvuil"),  # 5 werkdagen
    reference_id("signal_category", "wegen-verkeer-straatmeubilair/gladheid"),  # 1 kalenderdag
    reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting"),
    reference_id("signal_category", "sociaal/eenzaamheid"),
]
TODAY = date(2026, 11, 26)


def _signals(session: Session) -> None:
    """Open and closed signals of every label: closed in time, late and far too late, open
    within, past and far past their deadline, a deadline on the day of the report (a term
    under a day), ties on the deadline and day that only the id breaks."""
    for n in range(36):
        reported = TODAY - timedelta(days=(n * 7) % 61)
        made = signals.create_signal(
            session,
            SignalInput(
                area_id=BEERTA,
                description=f"Signaal {n}",
                source=SignalSource.TELEFOON,
                reported_on=reported,
                category_id=CATEGORIES[n % len(CATEGORIES)],
            ),
            today=reported,
        )
        if n % 5 == 0:
            signals.change_deadline(session, made.id, reported, note="Vandaag")  # same-day term
        if n % 3 == 0:
            signals.change_priority(session, made.id, Priority.HOOG)
        if n % 4 == 1:
            closed = min(reported + timedelta(days=n % 17), TODAY)
            signals.transition(session, made.id, S.IN_BEHANDELING, today=closed)
            signals.transition(session, made.id, S.AFGEHANDELD, today=closed)
    session.flush()


@pytest.mark.parametrize(
    "filters",
    [
        SignalFilter(),
        SignalFilter(area_ids=frozenset({BEERTA})),
        SignalFilter(statuses=OPEN),
        SignalFilter(statuses=frozenset({S.AFGEHANDELD})),
        SignalFilter(priority=Priority.HOOG),
        SignalFilter(start=TODAY - timedelta(days=20)),
        SignalFilter(category_id=CATEGORIES[1]),
        *[SignalFilter(label=label) for label in DeadlineLabel],
        *[SignalFilter(statuses=OPEN, label=label) for label in DeadlineLabel],
    ],
)
def test_the_first_page_is_the_whole_lists_first_rows(
    session: Session, filters: SignalFilter
) -> None:
    _signals(session)
    whole = list_signals(session, filters, today=TODAY).rows
    assert whole or filters.label is not None  # the filters choose something
    for limit in (1, 5, 13, len(whole), len(whole) + 3):
        assert first_signal_rows(session, filters, today=TODAY, limit=limit) == whole[:limit]


def test_every_label_occurs(session: Session) -> None:
    """The test above compares lists of every label, open and closed (so it can fail)."""
    _signals(session)
    rows = list_signals(session, SignalFilter(), today=TODAY).rows
    assert {(row.label, row.closed_on is None) for row in rows} == {
        (label, is_open) for label in DeadlineLabel for is_open in (True, False)
    }
