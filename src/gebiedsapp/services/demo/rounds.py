"""Demo koffiekar rounds on working days, each with a handful of conversations."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from gebiedsapp.domain import Area, Handling
from gebiedsapp.services.demo.texts import PLACES, QUOTES, SAYINGS, WEATHER
from gebiedsapp.services.demo.world import DemoSize, World, tracked, working_day

HANDLINGS = (Handling.TER_PLEKKE, Handling.DOORVERWIJZEN, Handling.ACTIE_NODIG)


def add_rounds(world: World, spec: DemoSize) -> None:
    """Rounds with their staff and conversations; the world remembers what was said where."""
    rng = world.rng
    for area in rng.choices(world.areas, weights=world.weights, k=spec.sessions):
        day = working_day(rng, world.anchor)
        start = time(rng.choice((9, 10, 13, 14)), rng.choice((0, 30)))
        row = world.add("koffiekar_session", tracked(rng, day, start))
        row.update(
            area_id=area.id,
            buurt_code=rng.choice(world.buurten[area.id]) if world.buurten.get(area.id) else None,
            place=rng.choice(PLACES),
            date=day,
            start_time=start,
            end_time=time(start.hour + 2, start.minute),
            weather=rng.choice(WEATHER),
            passers_by=rng.randrange(10, 80),
            notes="",
        )
        for member in world.staff[area.id]:
            world.add("koffiekar_session_staff", {"session_id": row["id"], "member_id": member})
        for _ in range(rng.randint(*spec.conversations_per_session)):
            _conversation(world, round_=row, area=area, day=day, start=start)


def _conversation(
    world: World, *, round_: dict[str, Any], area: Area, day: date, start: time
) -> None:
    """One conversation with one to three themes; its summary is something a resident says
    about one of them."""
    rng = world.rng
    conversation = tracked(rng, day, start)
    picked = world.themes(
        "conversation_id", conversation["id"], "conversation_theme",
        k=rng.choice((1, 1, 1, 2, 2, 3)),
    )  # fmt: skip
    saying_key = next((world.theme_keys[i] for i in picked if world.theme_keys[i] in SAYINGS), None)
    summary = (
        rng.choice(SAYINGS[saying_key])
        if saying_key
        else f"Gesprek over {world.theme_keys[picked[0]].replace('-', ' ')}."
    )
    quoted = rng.random() < 0.08
    handling = rng.choices(HANDLINGS, weights=(6, 2, 2))[0]
    conversation.update(
        session_id=round_["id"],
        summary=summary,
        quote=rng.choice(QUOTES) if quoted else "",
        quote_reportable=quoted,
        handling=handling.value,
        resident_id=None,
    )
    world.by_area.setdefault(area.id, []).append(len(world.said))
    world.said.append((area.id, day, handling))
    world.add("conversation", conversation)
