"""The open-signals table has an order of its own: signals alike in deadline label, age,
deadline, area and category follow buurt, partner, priority (high first) and status (in the
workflow's order), not the order in which the database happened to read them (an index
changed that order, and with it which ten the brief printed as the longest overdue)."""

from __future__ import annotations

import itertools
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import Priority, Signal, reference_id
from gebiedsapp.domain import SignalStatus as S
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import area_summary
from support.summary_world import ZWERFVUIL, Builder


def test_signals_alike_are_listed_by_priority_then_status(session: Session) -> None:
    b = Builder(session)
    midwolda = reference_id("area", "midwolda")
    reported, deadline = date(2024, 3, 4), date(2024, 3, 11)
    kinds = list(itertools.product([Priority.LAAG, Priority.HOOG, Priority.NORMAAL], [0, 1]))
    for priority, moved in kinds:
        moves = [([S.IN_BEHANDELING], date(2024, 3, 5))] if moved else []
        made = b.signal(midwolda, reported, ZWERFVUIL, deadline, moves)
        row = session.get(Signal, made)
        assert row is not None
        row.priority = priority
    session.flush()

    listed = area_summary(session, [midwolda], Period.month(2024, 3), today=date(2024, 3, 31))

    assert [(s.priority, s.status) for s in listed.open_signals] == [
        (Priority.HOOG, S.GEMELD),
        (Priority.HOOG, S.IN_BEHANDELING),
        (Priority.NORMAAL, S.GEMELD),
        (Priority.NORMAAL, S.IN_BEHANDELING),
        (Priority.LAAG, S.GEMELD),
        (Priority.LAAG, S.IN_BEHANDELING),
    ]
