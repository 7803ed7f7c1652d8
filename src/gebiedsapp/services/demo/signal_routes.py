"""How demo signals move: routes through the workflow from Gemeld to today's status, the days
of those steps, and the categories a signal can have."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from gebiedsapp.domain import SignalField, SignalSource, SignalStatus, TermUnit
from gebiedsapp.domain.signal_workflow import START
from gebiedsapp.storage.repositories.demo import CategoryRow

_S = SignalStatus
# Routes from Gemeld to the current status, each step allowed by domain.signal_workflow.
SIGNAL_ROUTES: tuple[tuple[SignalStatus, ...], ...] = (
    (),
    (_S.IN_BEHANDELING,),
    (_S.IN_BEHANDELING, _S.DOORGEZET),
    (_S.IN_BEHANDELING, _S.INGEPLAND),
    (_S.IN_BEHANDELING, _S.DOORGEZET, _S.INGEPLAND),
    (_S.IN_BEHANDELING, _S.ON_HOLD),
    (_S.IN_BEHANDELING, _S.INGEPLAND, _S.ON_HOLD),
    (_S.IN_BEHANDELING, _S.AFGEHANDELD, _S.HEROPEND),
    (_S.IN_BEHANDELING, _S.AFGEHANDELD, _S.HEROPEND, _S.IN_BEHANDELING),
    (_S.IN_BEHANDELING, _S.AFGEHANDELD),
    (_S.IN_BEHANDELING, _S.DOORGEZET, _S.AFGEHANDELD),
    (_S.IN_BEHANDELING, _S.INGEPLAND, _S.AFGEHANDELD),
    (_S.IN_BEHANDELING, _S.DOORGEZET, _S.INGEPLAND, _S.AFGEHANDELD),
    (_S.GEANNULEERD,),
    (_S.IN_BEHANDELING, _S.GEANNULEERD),
    (_S.IN_BEHANDELING, _S.AFGEHANDELD, _S.HEROPEND, _S.AFGEHANDELD),
)
# weights per route: recent signals are mostly open, old ones mostly closed (the rest: overdue)
RECENT_WEIGHTS = (20, 20, 12, 8, 3, 4, 2, 1, 1, 14, 5, 5, 2, 2, 2, 1)
OLD_WEIGHTS = (1, 2, 1, 1, 1, 1, 1, 1, 1, 40, 15, 15, 6, 5, 5, 3)
OTHER_SOURCES = (
    SignalSource.TELEFOON,
    SignalSource.EMAIL,
    SignalSource.BEWONERSAVOND,
    SignalSource.ENQUETE,
    SignalSource.EIGEN_WAARNEMING,
)
FEEDBACK_WAYS = ("telefoon", "e-mail", "brief", "persoonlijk")


@dataclass(frozen=True)
class Category:
    id: uuid.UUID
    name: str
    term: int
    unit: TermUnit
    partner_id: uuid.UUID | None  # the default partner while it is offered


@dataclass
class Event:
    day: date
    field: SignalField
    old: str
    new: str
    note: str = ""


def leaf_categories(rows: Sequence[CategoryRow]) -> list[Category]:
    """The offered categories that have no offered subcategories."""
    parents = {row.parent_id for row in rows if row.parent_id is not None}
    return [
        Category(id=row.id, name=row.name, term=row.term, unit=row.unit, partner_id=row.partner_id)
        for row in rows
        if row.id not in parents
    ]


def route_days(
    rng: random.Random, start: date, steps: int, *, deadline: date, anchor: date, closes: bool
) -> list[date]:
    """Sorted days for `steps` status changes from `start`, never after `anchor`."""
    if not steps:
        return []
    term = max((deadline - start).days, 1)
    if closes:
        roll = rng.random()
        span = term if roll < 0.7 else 3 * term if roll < 0.9 else 6 * term
    else:
        span = max((anchor - start).days, 0)
    last = min(anchor, start + timedelta(days=rng.randint(0, span)))
    width = (last - start).days
    return sorted(start + timedelta(days=rng.randint(0, width)) for _ in range(steps))


def status_events(route: Sequence[SignalStatus], days: Sequence[date]) -> list[Event]:
    events = []
    old = START
    for new, day in zip(route, days, strict=True):
        note = "Opnieuw gemeld door de bewoner." if new is _S.HEROPEND else ""
        events.append(Event(day, SignalField.STATUS, old.value, new.value, note))
        old = new
    return events
