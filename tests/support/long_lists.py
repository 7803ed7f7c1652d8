"""`long_lists`: an area whose summary lists are longer than a page (issue 19: Samenvatting
reads its lists a page at a time), with open signals of every deadline label, categories,
buurten, partners, priorities and statuses, quotes (some with a phone number to mask),
actions with and without a due day, and initiatives running and ended."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import InitiativeStatus, Priority, Signal, reference_id
from gebiedsapp.domain import SignalStatus as S
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_lists import PAGE
from gebiedsapp.storage.database import Database
from support.summary_world import GROFVUIL, LICHT, OUDEREN, SOCIAAL, ZWERFVUIL, Builder

ROWS = PAGE + 37  # more than a page of each list
PERIOD = Period.year(2024)
TODAY = date(2024, 12, 20)


@dataclass(frozen=True)
class LongLists:
    area: uuid.UUID  # Midwolda, with its sub-area Ekamp
    period: Period
    today: date


def build_long_lists(session: Session) -> LongLists:
    b = Builder(session)
    midwolda = reference_id("area", "midwolda")
    ekamp = reference_id("area", "ekamp")
    categories = [ZWERFVUIL, GROFVUIL, LICHT, SOCIAAL]
    priorities = [Priority.HOOG, Priority.NORMAAL, Priority.LAAG]
    start = date(2024, 1, 1)
    for n in range(ROWS):
        reported = start + timedelta(days=n % 130)  # up to the builder's today
        # on TODAY: within the deadline, past it, and far past it (more than 3 times the term)
        deadline = (
            date(2024, 12, 31),
            reported + timedelta(days=150 + n % 7),
            reported + timedelta(days=n % 40),
        )[(n // 2) % 3]
        moves = [([S.IN_BEHANDELING], reported + timedelta(days=1))] if n % 3 == 0 else []
        made = b.signal(
            ekamp if n % 5 == 0 else midwolda,
            reported,
            categories[n % 4],
            deadline,
            moves,
        )
        row = session.get_one(Signal, made)
        row.priority = priorities[n % 3]
    session.flush()
    for n in range(ROWS // 10 + 1):
        quotes = [f"Zin {n}-{k}" for k in range(10)]
        quotes[3] = f"Uitspraak {n}: bel me op 06-1234{n:04d}"  # masked in the summary
        said = [([OUDEREN], quote, True) for quote in quotes]
        b.round(ekamp if n % 4 == 0 else midwolda, start + timedelta(days=n * 3), said)
    for n in range(ROWS):
        due = start + timedelta(days=n) if n % 4 else None
        b.action(midwolda if n % 2 else ekamp, start + timedelta(days=n % 200), due=due)
    for n in range(ROWS):
        ended = start + timedelta(days=90 + n % 40) if n % 3 == 0 else None
        b.initiative(
            midwolda,
            f"Initiatief {n:03d}",
            start + timedelta(days=n % 90),
            status=InitiativeStatus.AFGEROND if ended else InitiativeStatus.UITVOERING,
            ended=ended,
            steps=[(f"Stap van {n}", start + timedelta(days=200 + n), None)],
        )
    return LongLists(midwolda, PERIOD, TODAY)


@pytest.fixture
def long_lists(database: Database) -> LongLists:
    """The long lists, committed."""
    with database.unit_of_work("test") as session:
        return build_long_lists(session)
