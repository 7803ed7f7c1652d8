"""What the demo generators share: the sizes, one random stream, and the rows made so far.

Every generator draws from the world's single `rng` in a fixed order, so the same seed and
anchor give the same rows byte for byte; a change in the order of draws changes every row after
it (tests/services/test_demo_fingerprint.py pins the rows of seed 1).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from gebiedsapp.domain import Area, Handling

DEMO_ACTOR = "demo-data"


@dataclass(frozen=True)
class DemoSize:
    sessions: int
    conversations_per_session: tuple[int, int]
    contacts: int
    meedenkers: int  # each also a resident with consent; half as many want contact only
    drafts: int
    signals: int  # top-level signals; some are split into two or three children
    initiatives: int  # residents' initiatives, each with two or three milestones
    activities: int  # bewonersavonden, dorpsschouwen, ...; one in ten planned after the anchor


# `large` is about 100,000 records: ~2,800 rounds, ~42,000 conversations, 10,500 contacts,
# ~11,500 actions, ~6,500 residents, consents and register entries, ~8,900 signals (children
# included) with ~22,000 history entries and ~1,300 feedback entries.
SIZES = {
    "small": DemoSize(
        sessions=150,
        conversations_per_session=(4, 12),
        contacts=120,
        meedenkers=24,
        drafts=3,
        signals=400,
        initiatives=24,
        activities=40,
    ),
    "large": DemoSize(
        sessions=2_800,
        conversations_per_session=(10, 20),
        contacts=10_500,
        meedenkers=1_500,
        drafts=12,
        signals=8_200,
        initiatives=400,
        activities=700,
    ),
}


def new_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def stamp(day: date, at: time | None = None) -> datetime:
    return datetime.combine(day, at or time(12, 0), tzinfo=UTC)


def tracked(rng: random.Random, day: date, at: time | None = None) -> dict[str, Any]:
    """The id and audit columns every tracked record has, as made by the demo."""
    moment = stamp(day, at)
    return {
        "id": new_uuid(rng),
        "created_at": moment,
        "updated_at": moment,
        "created_by": DEMO_ACTOR,
        "updated_by": DEMO_ACTOR,
        "version": 1,
        "deleted_at": None,
    }


def working_day(rng: random.Random, anchor: date) -> date:
    """A working day in the two years up to `anchor`."""
    day = anchor - timedelta(days=rng.randrange(0, 730))
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


@dataclass
class World:
    """What the generators share; rows are collected per table and inserted at the end."""

    rng: random.Random
    anchor: date
    areas: list[Area]
    weights: list[int]
    staff: dict[uuid.UUID, list[uuid.UUID]]  # [regisseur, opbouwwerker] per area
    buurten: dict[uuid.UUID, list[str]]
    theme_ids: list[uuid.UUID]
    theme_keys: list[str]
    partner_ids: list[uuid.UUID]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    said: list[tuple[uuid.UUID, date, Handling]] = field(default_factory=list)  # per conversation
    by_area: dict[uuid.UUID, list[int]] = field(default_factory=dict)  # conversation indexes
    meedenkers: dict[uuid.UUID, list[tuple[uuid.UUID, date]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(table, []).append(row)
        return row

    def area(self) -> Area:
        return self.rng.choices(self.areas, weights=self.weights)[0]

    def themes(self, owner: str, owner_id: uuid.UUID, table: str, k: int) -> list[int]:
        picked = self.rng.sample(range(len(self.theme_ids)), k=k)
        for i in picked:
            self.add(table, {owner: owner_id, "theme_id": self.theme_ids[i]})
        return picked
