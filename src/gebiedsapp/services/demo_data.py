"""Deterministic, obviously fake demo data for demos, tests and benchmarks.

The same `seed` and `anchor` give the same rows, byte for byte. People get names nobody has
(Testema, Voorbeeldstra, ...). Bulk rows go in through Core `insert()` with lists of dicts, not
ORM objects: for 100,000 rows that is the difference between seconds and minutes.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Area,
    AreaKind,
    Assignment,
    Conversation,
    Handling,
    KoffiekarSession,
    Role,
    TeamMember,
    Theme,
    area_buurt,
    conversation_theme,
    session_staff,
)
from gebiedsapp.services.errors import ValidationError

DEMO_ACTOR = "demo-data"


@dataclass(frozen=True)
class DemoSize:
    sessions: int
    conversations_per_session: tuple[int, int]


SIZES = {
    "small": DemoSize(sessions=150, conversations_per_session=(4, 12)),
    "large": DemoSize(sessions=5_000, conversations_per_session=(12, 26)),
}

FIRST_NAMES = (
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Eline",
    "Freek",
    "Gerda",
    "Hidde",
    "Ineke",
    "Jelle",
    "Karin",
    "Luuk",
    "Marieke",
    "Niels",
    "Olga",
    "Pieter",
    "Roelie",
    "Sjoerd",
    "Tineke",
    "Wubbo",
)
FAKE_SURNAMES = (
    "Testema",
    "Voorbeeldstra",
    "Fictiefsma",
    "Demoer",
    "Proefhuis",
    "Nepkema",
    "Oefenga",
    "Probeersma",
    "Verzinsma",
    "Schijnhof",
)
PLACES = (
    "bij de supermarkt",
    "op het dorpsplein",
    "bij het dorpshuis",
    "bij de school",
    "bij de kerk",
    "bij de bushalte",
    "op de markt",
    "bij de speeltuin",
    "bij de sporthal",
)
WEATHER = ("zonnig", "bewolkt", "lichte regen", "harde wind", "koud maar droog", "warm")

# Short things residents say, per theme key; the summary is one of these, sometimes two.
SAYINGS: dict[str, tuple[str, ...]] = {
    "eenzaamheid": (
        "Sinds mijn man overleden is zie ik bijna niemand meer.",
        "Er is geen plek meer om elkaar te ontmoeten nu het café dicht is.",
    ),
    "jeugd-en-jongeren": (
        "Jongeren hebben hier niets te doen en hangen bij de bushalte.",
        "Graag een trapveldje voor de kinderen.",
    ),
    "ouderen": ("Ik wil in het dorp blijven wonen, maar mijn huis is te groot.",),
    "verkeer-en-parkeren": (
        "Er wordt veel te hard gereden door de hoofdstraat.",
        "Vrachtwagens parkeren 's nachts in de berm.",
    ),
    "openbare-ruimte-en-groen": (
        "Het gras bij de speeltuin wordt te weinig gemaaid.",
        "Er ligt veel zwerfvuil langs het fietspad.",
    ),
    "aardbevingen-en-versterking": (
        "We wachten al jaren op de versterking van ons huis.",
        "De scheuren in de muur worden groter.",
    ),
    "armoede-en-schulden": ("De energierekening is niet meer op te brengen.",),
    "winkels-en-dagelijkse-voorzieningen": (
        "De pinautomaat is weg, nu moet ik naar Winschoten.",
        "Blij dat de bakker er nog is.",
    ),
    "openbaar-vervoer": ("De bus rijdt 's avonds niet meer.",),
    "communicatie-met-de-gemeente": (
        "Ik weet niet bij wie ik terecht kan bij de gemeente.",
        "Fijn dat jullie hier gewoon staan.",
    ),
    "duurzaamheid-en-energie": ("Is er subsidie voor isolatie van oude huizen?",),
    "overlast": ("Hondenpoep op de stoep, elke dag weer.",),
    "ontmoeting-en-activiteiten": ("Het dorpsfeest was weer prachtig, dat moet blijven.",),
    "bewonersinitiatieven": ("We willen een moestuin beginnen bij de school.",),
    "zorg-en-welzijn": ("Mijn buurvrouw krijgt te weinig hulp in huis.",),
}
QUOTES = (
    "Het dorp is goed, maar we moeten het wel samen doen.",
    "Je ziet de gemeente eindelijk weer eens in het dorp.",
    "Als de bakker verdwijnt, verdwijnt het hart van het dorp.",
    "Wij willen best helpen, maar vraag het ons dan ook.",
)


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _stamp(day: date, at: time | None = None) -> datetime:
    return datetime.combine(day, at or time(12, 0), tzinfo=UTC)


def _tracked(rng: random.Random, day: date, at: time | None = None) -> dict[str, Any]:
    stamp = _stamp(day, at)
    return {
        "id": _uuid(rng),
        "created_at": stamp,
        "updated_at": stamp,
        "created_by": DEMO_ACTOR,
        "updated_by": DEMO_ACTOR,
        "version": 1,
        "deleted_at": None,
    }


def _working_areas(session: Session) -> list[Area]:
    areas = session.scalars(
        select(Area).where(Area.deleted_at.is_(None)).order_by(Area.sort_order, Area.name)
    ).all()
    return [a for a in areas if a.kind in (AreaKind.KERN, AreaKind.GEBIED, AreaKind.WIJK)]


def _team(
    session: Session, rng: random.Random, areas: Sequence[Area], anchor: date, counts: Counter[str]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Fake staff with current and past assignments; returns the current staff per area."""
    people = [f"{first} {last}" for last in FAKE_SURNAMES for first in FIRST_NAMES]
    rng.shuffle(people)
    members: list[dict[str, Any]] = []

    def new_member(organisation: str) -> uuid.UUID:
        name = people[len(members)]
        row = _tracked(rng, anchor - timedelta(days=800))
        local = name.lower().replace(" ", ".")
        row.update(
            name=name,
            organisation=organisation,
            email=f"{local}@voorbeeld.invalid",
            phone=f"06-{rng.randrange(10_000_000, 99_999_999)}",
            active=True,
        )
        members.append(row)
        member_id: uuid.UUID = row["id"]
        return member_id

    wethouders = [new_member("Gemeente Oldambt (college)") for _ in range(4)]
    regisseurs = [new_member("Gemeente Oldambt") for _ in range(5)]
    opbouwwerkers = [new_member("Welzijnsorganisatie") for _ in range(7)]
    former = [new_member("Gemeente Oldambt") for _ in range(2)]
    assignments: list[dict[str, Any]] = []
    staff: dict[uuid.UUID, list[uuid.UUID]] = {}
    start = anchor - timedelta(days=730)
    switch = anchor - timedelta(days=365)
    for index, area in enumerate(areas):
        regisseur = regisseurs[index % len(regisseurs)]
        opbouwwerker = opbouwwerkers[index % len(opbouwwerkers)]
        wethouder = wethouders[index % len(wethouders)]
        plan = [(regisseur, Role.GEBIEDSREGISSEUR), (opbouwwerker, Role.OPBOUWWERKER)]
        plan.append((wethouder, Role.GEBIEDSWETHOUDER))
        for member_id, role in plan:
            began = start
            if role is Role.GEBIEDSREGISSEUR and index % 3 == 0:
                # the area changed regisseur a year ago: the overview must show only the new one
                old = _tracked(rng, start)
                old.update(
                    member_id=former[index % 2],
                    area_id=area.id,
                    role=role,
                    start_date=start,
                    end_date=switch - timedelta(days=1),
                    note="",
                )
                assignments.append(old)
                began = switch
            row = _tracked(rng, began)
            row.update(
                member_id=member_id,
                area_id=area.id,
                role=role,
                start_date=began,
                end_date=None,
                note="",
            )
            assignments.append(row)
        staff[area.id] = [regisseur, opbouwwerker]
    for row in members[-len(former) :]:
        row["active"] = False
    session.execute(insert(_table(TeamMember)), members)
    session.execute(insert(_table(Assignment)), assignments)
    counts["team_member"] += len(members)
    counts["assignment"] += len(assignments)
    return staff


def generate(session: Session, *, size: str, seed: int, anchor: date | None = None) -> Counter[str]:
    """Fill the database with fake data for two years up to `anchor` (default: today)."""
    if size not in SIZES:
        raise ValidationError(f"Onbekende omvang '{size}': kies small of large.")
    if session.scalar(select(TeamMember.id).where(TeamMember.created_by == DEMO_ACTOR).limit(1)):
        raise ValidationError(
            "Deze database bevat al voorbeeldgegevens. Gebruik een nieuwe database voor een "
            "andere set."
        )
    spec = SIZES[size]
    anchor = anchor or date.today()
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    areas = _working_areas(session)
    if not areas:
        raise ValidationError("Er zijn geen gebieden; laad eerst de referentiegegevens.")
    staff = _team(session, rng, areas, anchor, counts)
    buurten: dict[uuid.UUID, list[str]] = {}
    links = select(area_buurt.c.area_id, area_buurt.c.buurt_code).order_by(
        area_buurt.c.area_id, area_buurt.c.buurt_code
    )
    for area_id, code in session.execute(links):
        buurten.setdefault(area_id, []).append(code)
    themes = session.execute(
        select(Theme.id, Theme.key)
        .where(Theme.parent_id.is_not(None), Theme.retired.is_(False))
        .order_by(Theme.id)
    ).all()
    if not themes:
        raise ValidationError("Er zijn geen thema's; laad eerst de referentiegegevens.")
    theme_keys = [key or "" for _, key in themes]
    theme_ids = [theme_id for theme_id, _ in themes]
    # Winschoten and its wijken get more sessions than a small village, as in real life.
    weights = [
        3 if area.kind is AreaKind.GEBIED else 2 if area.key == "winschoten" else 1
        for area in areas
    ]

    sessions: list[dict[str, Any]] = []
    staff_links: list[dict[str, Any]] = []
    conversations: list[dict[str, Any]] = []
    theme_links: list[dict[str, Any]] = []
    handlings = (Handling.TER_PLEKKE, Handling.DOORVERWIJZEN, Handling.ACTIE_NODIG)
    for area in rng.choices(areas, weights=weights, k=spec.sessions):
        day = anchor - timedelta(days=rng.randrange(0, 730))
        while day.weekday() >= 5:  # koffiekar rounds are on working days
            day -= timedelta(days=1)
        start = time(rng.choice((9, 10, 13, 14)), rng.choice((0, 30)))
        row = _tracked(rng, day, start)
        row.update(
            area_id=area.id,
            buurt_code=rng.choice(buurten[area.id]) if buurten.get(area.id) else None,
            place=f"{rng.choice(PLACES)}",
            date=day,
            start_time=start,
            end_time=time(start.hour + 2, start.minute),
            weather=rng.choice(WEATHER),
            passers_by=rng.randrange(10, 80),
            notes="",
        )
        sessions.append(row)
        staff_links.extend({"session_id": row["id"], "member_id": m} for m in staff[area.id])
        for _ in range(rng.randint(*spec.conversations_per_session)):
            picked = rng.sample(range(len(theme_ids)), k=rng.choice((1, 1, 1, 2, 2, 3)))
            saying_key = next((theme_keys[i] for i in picked if theme_keys[i] in SAYINGS), None)
            summary = (
                rng.choice(SAYINGS[saying_key])
                if saying_key
                else f"Gesprek over {theme_keys[picked[0]].replace('-', ' ')}."
            )
            quoted = rng.random() < 0.08
            conversation = _tracked(rng, day, start)
            conversation.update(
                session_id=row["id"],
                summary=summary,
                quote=rng.choice(QUOTES) if quoted else "",
                quote_reportable=quoted,
                handling=rng.choices(handlings, weights=(6, 2, 2))[0].value,
            )
            conversations.append(conversation)
            theme_links.extend(
                {"conversation_id": conversation["id"], "theme_id": theme_ids[i]} for i in picked
            )
    session.execute(insert(_table(KoffiekarSession)), sessions)
    session.execute(insert(session_staff), staff_links)
    session.execute(insert(_table(Conversation)), conversations)
    session.execute(insert(conversation_theme), theme_links)
    counts["koffiekar_session"] += len(sessions)
    counts["koffiekar_session_staff"] += len(staff_links)
    counts["conversation"] += len(conversations)
    counts["conversation_theme"] += len(theme_links)
    return counts
