"""Demo activities: bewonersavonden, dorpsschouwen and meetings with a dorpsvereniging over the
two years before the anchor, a few planned in the weeks after it, with attendance, themes and
links to the area's signals, actions and initiatives of that time.

Drawn from a random stream of their own, after everything else, so the rows of every other
table stay exactly what they were before activities existed.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from gebiedsapp.domain import ActivityKind, DraftKind
from gebiedsapp.services.demo.world import DEMO_ACTOR, World, new_uuid, stamp

# kind: (weight, start, end, subjects, places)
KINDS: dict[ActivityKind, tuple[int, time, time, tuple[str, ...], tuple[str, ...]]] = {
    ActivityKind.BEWONERSAVOND: (
        5,
        time(19, 30),
        time(21, 30),
        (
            "Verkeer en parkeren in het dorp",
            "Plannen voor het dorpshuis",
            "Aardbevingen en versterking: vragen en zorgen",
            "Wat kan er beter in de buurt?",
            "Energie besparen: samen aan de slag",
            "Jongeren en ontmoeting",
        ),
        ("Dorpshuis", "Buurthuis", "Basisschool", "Kerkzaal"),
    ),
    ActivityKind.DORPSSCHOUW: (
        2,
        time(10, 0),
        time(12, 0),
        (
            "Schouw openbare ruimte",
            "Schouw speelplekken",
            "Schouw met de wijkagent en de woningcorporatie",
        ),
        ("Start bij het dorpshuis", "Start bij de kerk", "Start bij de school"),
    ),
    ActivityKind.DORPSVERENIGING: (
        3,
        time(20, 0),
        time(22, 0),
        (
            "Overleg met het bestuur van de dorpsvereniging",
            "Jaarvergadering dorpsvereniging",
            "Overleg over het leefbaarheidsbudget",
        ),
        ("Dorpshuis", "Kantine van de sportclub", "Gemeentehuis"),
    ),
    ActivityKind.ANDERS: (
        1,
        time(14, 0),
        time(16, 0),
        ("Inloopmiddag ouderen", "Buurtbarbecue", "Open dag van het buurthuis"),
        ("Buurthuis", "Speeltuin", "Dorpshuis"),
    ),
}
OUTCOMES = (
    "Afspraak om over drie maanden terug te komen.",
    "Vragen doorgezet naar de gemeente; antwoord volgt per brief.",
    "Werkgroep van vijf bewoners opgericht.",
    "Meldingen opgenomen als signaal.",
    "",
)
NOTES = (
    "Goede opkomst, veel vragen over de planning.",
    "Sfeer was positief; zorgen over onderhoud.",
    "Weinig jongeren aanwezig; volgende keer anders uitnodigen.",
    "",
)
PLANNED_DAYS = 60  # some activities are planned in the weeks after the anchor


def _by_area(rows: list[dict[str, Any]], day_key: str) -> dict[uuid.UUID, list[tuple[date, Any]]]:
    found: defaultdict[uuid.UUID, list[tuple[date, Any]]] = defaultdict(list)
    for row in rows:
        value = row[day_key]
        found[row["area_id"]].append((value.date() if hasattr(value, "date") else value, row))
    return found


def _near(
    rng: random.Random, rows: list[tuple[date, Any]], day: date, days: int
) -> uuid.UUID | None:
    """The id of a random row of the area dated from `day` to `days` later, if any."""
    close = [row["id"] for at, row in rows if day <= at <= day + timedelta(days=days)]
    return rng.choice(close) if close else None


def add_activities(world: World, count: int, *, seed: int) -> None:
    rng = random.Random(f"activities-{seed}")
    anchor = world.anchor
    signals = _by_area(world.rows.get("signal", []), "reported_on")
    actions = _by_area(world.rows.get("follow_up", []), "created_at")
    initiatives = _by_area(world.rows.get("initiative", []), "started_on")
    kinds = list(KINDS)
    weights = [KINDS[k][0] for k in kinds]
    for _ in range(count):
        area = rng.choices(world.areas, weights=world.weights)[0]
        kind = rng.choices(kinds, weights=weights)[0]
        _weight, start, end, subjects, places = KINDS[kind]
        planned = rng.random() < 0.1
        if planned:
            day = anchor + timedelta(days=rng.randrange(1, PLANNED_DAYS))
        else:
            day = anchor - timedelta(days=rng.randrange(0, 720))
        # a held one written up that evening; a planned one put in the agenda on the anchor
        moment = stamp(anchor, time(9, 0)) if planned else stamp(day, time(22, 30))
        row = world.add(
            "activity",
            {
                "id": new_uuid(rng),
                "created_at": moment,
                "updated_at": moment,
                "created_by": DEMO_ACTOR,
                "updated_by": DEMO_ACTOR,
                "version": 1,
                "deleted_at": None,
                "area_id": area.id,
                "kind": kind.value,
                "date": day,
                "start_time": start,
                "end_time": end,
                "place": f"{rng.choice(places)} {area.name}",
                "subject": rng.choice(subjects),
                "attendance": None if planned else rng.randrange(6, 90),
                "notes": "" if planned else rng.choice(NOTES),
                "outcomes": "" if planned else rng.choice(OUTCOMES),
            },
        )
        for i in rng.sample(range(len(world.theme_ids)), k=rng.choice((1, 2, 2, 3))):
            world.add("activity_theme", {"activity_id": row["id"], "theme_id": world.theme_ids[i]})
        if planned:
            continue
        for table, column, rows, days in (
            ("activity_signal", "signal_id", signals, 21),
            ("activity_action", "follow_up_id", actions, 14),
            ("activity_initiative", "initiative_id", initiatives, 90),
        ):
            if rng.random() < 0.6:
                linked = _near(rng, rows.get(area.id, []), day, days)
                if linked is not None:
                    world.add(table, {"activity_id": row["id"], column: linked})


def add_activity_draft(world: World, *, seed: int) -> None:
    """One bewonersavond half written up, saved the evening before the anchor (so 'Herstel je
    werk?' shows every kind of draft on demo data)."""
    rng = random.Random(f"activity-draft-{seed}")
    area = rng.choices(world.areas, weights=world.weights)[0]
    moment = datetime.combine(world.anchor - timedelta(days=1), time(21, 45), tzinfo=UTC)
    payload: dict[str, Any] = {
        "day": moment.date().isoformat(),
        "start_time": "19:30:00",
        "end_time": "",
        "kind": ActivityKind.BEWONERSAVOND.value,
        "area_id": str(area.id),
        "place": f"Dorpshuis {area.name}",
        "attendance": None,
        "subject": "Verkeer en parkeren in het dorp",
        "notes": "Veel zorgen over hardrijders op de doorgaande weg; ",
        "outcomes": "",
        "theme_ids": [],
        "signal_ids": [],
        "action_ids": [],
        "initiative_ids": [],
    }
    world.add(
        "draft",
        {
            "id": new_uuid(rng),
            "kind": DraftKind.ACTIVITY.value,
            "actor": DEMO_ACTOR,
            "target_id": None,
            "session_id": None,
            "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
            "created_at": moment,
            "updated_at": moment,
        },
    )
