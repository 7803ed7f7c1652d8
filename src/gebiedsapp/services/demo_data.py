"""Deterministic, obviously fake demo data for demos, tests and benchmarks.

The same `seed` and `anchor` give the same rows, byte for byte. People get names nobody has
(Testema, Voorbeeldstra, ...), phone numbers like 06-12345678 and addresses @voorbeeld.invalid.
Bulk rows go in through Core `insert()` with lists of dicts, not ORM objects: for 100,000 rows
that is the difference between seconds and minutes. On SQLite the FTS triggers of migration 0002
index every inserted conversation, contact and round, so search works on demo data too.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    Area,
    AreaKind,
    Assignment,
    Consent,
    ConsentPurpose,
    Contact,
    ContactType,
    ContactWith,
    Conversation,
    Draft,
    DraftKind,
    FollowUp,
    Handling,
    Initiative,
    InitiativeMilestone,
    KoffiekarSession,
    Meedenker,
    Partner,
    Priority,
    Resident,
    Role,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalField,
    SignalHistory,
    SignalSource,
    SignalStatus,
    TeamMember,
    TermUnit,
    Theme,
    area_buurt,
    contact_theme,
    conversation_theme,
    initiative_partner,
    initiative_theme,
    meedenker_theme,
    session_staff,
)
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.domain.signal_workflow import CLOSED, START
from gebiedsapp.services.demo_initiatives import add_initiatives
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.geo import Point, bbox, interior_point, parse_rings, point_in_rings
from gebiedsapp.storage.repositories.geo import GeoRepository

DEMO_ACTOR = "demo-data"
COORDINATE_SHARE = 1 / 3  # of the top-level signals with a buurt; children share the parent's


@dataclass(frozen=True)
class DemoSize:
    sessions: int
    conversations_per_session: tuple[int, int]
    contacts: int
    meedenkers: int  # each also a resident with consent; half as many want contact only
    drafts: int
    signals: int  # top-level signals; some are split into two or three children
    initiatives: int  # residents' initiatives, each with two or three milestones


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
    ),
    "large": DemoSize(
        sessions=2_800,
        conversations_per_session=(10, 20),
        contacts=10_500,
        meedenkers=1_500,
        drafts=12,
        signals=8_200,
        initiatives=400,
    ),
}

FIRST_NAMES = (
    "Anna", "Bram", "Carla", "Daan", "Eline", "Freek", "Gerda", "Hidde", "Ineke", "Jelle",
    "Karin", "Luuk", "Marieke", "Niels", "Olga", "Pieter", "Roelie", "Sjoerd", "Tineke", "Wubbo",
)  # fmt: skip
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


# The opbouwwerker's contact log: what contacts of each type are typically about.
CONTACT_SUBJECTS: dict[ContactType, tuple[str, ...]] = {
    ContactType.HUISBEZOEK: (
        "Kennismaking na verhuizing",
        "Huisbezoek na zorgen van de buren",
        "Vervolgbezoek",
        "Keukentafelgesprek",
    ),
    ContactType.TELEFOON: ("Terugbellen over een vraag", "Vraag over energietoeslag", "Afspraak"),
    ContactType.BIJEENKOMST: (
        "Overleg met het bestuur",
        "Bewonersavond",
        "Werkgroep speeltuin",
        "Plannen voor het dorpsfeest",
    ),
    ContactType.EMAIL: ("Vraag over subsidie voor een bewonersinitiatief", "Verslag toegestuurd"),
    ContactType.SPREEKUUR: ("Inloopspreekuur in het dorpshuis", "Vraag over wonen en zorg"),
    ContactType.ANDERS: ("Ontmoeting op straat", "Gesprek bij de supermarkt"),
}
CONTACT_TYPE_WEIGHTS = (30, 25, 15, 12, 12, 6)  # in the order of ContactType
CONTACT_WITH_WEIGHTS = (50, 10, 20, 20)  # in the order of ContactWith
GROUPS = (
    "Dorpsvereniging {area}",
    "Buurtvereniging {area}",
    "Speeltuinvereniging {area}",
    "Moestuinclub {area}",
    "Jongerengroep {area}",
    "Ouderensoos {area}",
    "Werkgroep verkeer {area}",
    "Bewonerscommissie {area}",
)
NOTES = (
    "",
    "Afgesproken om over twee weken terug te bellen.",
    "Doorverwezen naar het sociaal team.",
    "Bewoners willen zelf iets organiseren.",
    "Vraag uitgezet bij de gemeente.",
)
ACTIONS = (
    "Terugbellen met antwoord",
    "Navragen bij de gemeente",
    "Melding doorzetten naar beheer openbare ruimte",
    "Afspraak maken voor een huisbezoek",
    "Informatie over subsidie sturen",
    "Contact leggen met de woningcorporatie",
    "Bespreken in het gebiedsteam",
    "Wijkagent inlichten",
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
    session: Session,
    rng: random.Random,
    areas: Sequence[Area],
    anchor: date,
    counts: Counter[str],
    *,
    account: str | None = None,
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Fake staff with current and past assignments; returns the current staff per area.

    Every member has an account (the local part of their address); the first regisseur has
    `account` instead, the login of whoever made the demo, so their 'Mijn acties' and koffiekar
    rounds show that regisseur's work."""
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
            account=local,
        )
        members.append(row)
        member_id: uuid.UUID = row["id"]
        return member_id

    wethouders = [new_member("Gemeente Oldambt (college)") for _ in range(4)]
    regisseurs = [new_member("Gemeente Oldambt") for _ in range(5)]
    opbouwwerkers = [new_member("Welzijnsorganisatie") for _ in range(7)]
    former = [new_member("Gemeente Oldambt") for _ in range(2)]
    if account and account.strip():
        mine = account.strip()
        for row in members:  # accounts are unique: a fake one equal to the login gives way
            if str(row["account"]).casefold() == mine.casefold():
                row["account"] = None
        next(row for row in members if row["id"] == regisseurs[0])["account"] = mine
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


def _working_day(rng: random.Random, anchor: date) -> date:
    """A working day in the two years up to `anchor`."""
    day = anchor - timedelta(days=rng.randrange(0, 730))
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


@dataclass
class _World:
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


def _rounds(world: _World, spec: DemoSize) -> None:
    """Koffiekar rounds on working days, each with a handful of conversations."""
    rng = world.rng
    handlings = (Handling.TER_PLEKKE, Handling.DOORVERWIJZEN, Handling.ACTIE_NODIG)
    for area in rng.choices(world.areas, weights=world.weights, k=spec.sessions):
        day = _working_day(rng, world.anchor)
        start = time(rng.choice((9, 10, 13, 14)), rng.choice((0, 30)))
        row = world.add("koffiekar_session", _tracked(rng, day, start))
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
            conversation = _tracked(rng, day, start)
            picked = world.themes(
                "conversation_id", conversation["id"], "conversation_theme",
                k=rng.choice((1, 1, 1, 2, 2, 3)),
            )  # fmt: skip
            saying_key = next(
                (world.theme_keys[i] for i in picked if world.theme_keys[i] in SAYINGS), None
            )
            summary = (
                rng.choice(SAYINGS[saying_key])
                if saying_key
                else f"Gesprek over {world.theme_keys[picked[0]].replace('-', ' ')}."
            )
            quoted = rng.random() < 0.08
            handling = rng.choices(handlings, weights=(6, 2, 2))[0]
            conversation.update(
                session_id=row["id"],
                summary=summary,
                quote=rng.choice(QUOTES) if quoted else "",
                quote_reportable=quoted,
                handling=handling.value,
                resident_id=None,
            )
            world.by_area.setdefault(area.id, []).append(len(world.said))
            world.said.append((area.id, day, handling))
            world.add("conversation", conversation)


def _residents(world: _World, spec: DemoSize) -> None:
    """Meedenkers (with consent, themes, mostly met at the koffiekar) and residents who only
    wanted to be called back; fake names, 06-numbers and @voorbeeld.invalid addresses."""
    rng, anchor = world.rng, world.anchor
    linked: set[int] = set()
    for number in range(spec.meedenkers + spec.meedenkers // 2):
        meedenken = number < spec.meedenkers
        area = world.area()
        candidates = world.by_area.get(area.id, [])
        index = None
        if candidates and (not meedenken or rng.random() < 0.6):
            index = rng.choice(candidates)
            if index in linked or (not meedenken and world.said[index][2] is Handling.TER_PLEKKE):
                index = None  # keep it simple: no second resident, no call-back on the spot
        since = world.said[index][1] if index is not None else _working_day(rng, anchor)
        first, last = rng.choice(FIRST_NAMES), rng.choice(FAKE_SURNAMES)
        phone = f"06-{rng.randrange(10_000_000, 100_000_000)}" if rng.random() < 0.8 else ""
        email = f"{first}.{last}{number}@voorbeeld.invalid".lower()
        resident = world.add("resident", _tracked(rng, since))
        resident.update(
            name=f"{first} {last}",
            phone=phone,
            email=email if not phone or rng.random() < 0.6 else "",
            anonymised_at=None,
        )
        if index is not None:
            linked.add(index)
            world.rows["conversation"][index]["resident_id"] = resident["id"]
        purposes = [ConsentPurpose.CONTACT]
        if meedenken:
            purposes = [ConsentPurpose.MEEDENKEN]
            if rng.random() < 0.3:  # some meedenkers also want to be called back
                purposes.append(ConsentPurpose.CONTACT)
        withdrawn = (
            min(anchor, since + timedelta(days=rng.randrange(30, 400)))
            if meedenken and rng.random() < 0.03
            else None
        )
        for purpose in purposes:
            consent = world.add("consent", _tracked(rng, since))
            consent.update(
                resident_id=resident["id"],
                purpose=purpose.value,
                given_on=since,
                recorded_by=DEMO_ACTOR,
                note="",
                withdrawn_on=withdrawn if purpose is ConsentPurpose.MEEDENKEN else None,
            )
            if purpose is not ConsentPurpose.MEEDENKEN:
                continue
            entry = world.add("meedenker", _tracked(rng, since))
            entry.update(
                resident_id=resident["id"],
                area_id=area.id,
                consent_id=consent["id"],
                since=since,
                active=withdrawn is None,
            )
            world.themes("meedenker_id", entry["id"], "meedenker_theme", k=rng.randint(1, 3))
            if withdrawn is None:
                world.meedenkers.setdefault(area.id, []).append((resident["id"], since))


def _follow_up(
    world: _World,
    *,
    area_id: uuid.UUID,
    day: date,
    owner_id: uuid.UUID,
    conversation_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
) -> None:
    """An agreed action: most old ones done, some overdue, recent ones mostly open."""
    rng, anchor = world.rng, world.anchor
    due = day + timedelta(days=rng.choice((7, 14, 14, 21, 28, 42)))
    roll = rng.random()
    if due < anchor - timedelta(days=60):
        status = (
            ActionStatus.GEDAAN
            if roll < 0.92
            else ActionStatus.VERVALLEN
            if roll < 0.97
            else ActionStatus.OPEN
        )
    elif due < anchor:
        status = ActionStatus.GEDAAN if roll < 0.55 else ActionStatus.OPEN  # open: overdue
    else:
        status = ActionStatus.GEDAAN if roll < 0.1 else ActionStatus.OPEN
    done_on = None
    row = world.add("follow_up", _tracked(rng, day))
    if status is ActionStatus.GEDAAN:
        done_on = min(anchor, day + timedelta(days=rng.randrange(1, (due - day).days + 10)))
        row["updated_at"] = _stamp(done_on)
    row.update(
        description=rng.choice(ACTIONS),
        area_id=area_id,
        owner_id=owner_id,
        due_date=due,
        status=status.value,
        done_on=done_on,
        conversation_id=conversation_id,
        contact_id=contact_id,
    )


def _conversation_actions(world: _World) -> None:
    for index, (area_id, day, handling) in enumerate(world.said):
        if handling is Handling.ACTIE_NODIG:
            regisseur, opbouwwerker = world.staff[area_id]
            _follow_up(
                world,
                area_id=area_id,
                day=day,
                owner_id=regisseur if world.rng.random() < 0.6 else opbouwwerker,
                conversation_id=world.rows["conversation"][index]["id"],
            )


def _contacts(world: _World, spec: DemoSize) -> None:
    """The opbouwwerkers' contact log, with themes and, for some, an agreed action."""
    rng, anchor = world.rng, world.anchor
    types, withs = tuple(ContactType), tuple(ContactWith)
    for _ in range(spec.contacts):
        area = world.area()
        day = _working_day(rng, anchor)
        contact_type = rng.choices(types, weights=CONTACT_TYPE_WEIGHTS)[0]
        with_kind = rng.choices(withs, weights=CONTACT_WITH_WEIGHTS)[0]
        resident_id, group, partner_id = None, "", None
        if with_kind is ContactWith.MEEDENKER and world.meedenkers.get(area.id):
            resident_id, since = rng.choice(world.meedenkers[area.id])
            day = max(day, since)
        elif with_kind is ContactWith.GROEP:
            group = rng.choice(GROUPS).format(area=area.name)
        elif with_kind is ContactWith.ORGANISATIE and world.partner_ids:
            partner_id = rng.choice(world.partner_ids)
        else:
            with_kind = ContactWith.ANONIEM
        row = _tracked(rng, day, time(rng.choice((9, 11, 14, 16, 19))))
        picked = world.themes("contact_id", row["id"], "contact_theme", k=rng.choice((1, 1, 2)))
        key = world.theme_keys[picked[0]]
        notes = rng.choice(SAYINGS[key]) if key in SAYINGS and rng.random() < 0.5 else ""
        row.update(
            date=day,
            area_id=area.id,
            contact_type=contact_type.value,
            with_kind=with_kind.value,
            resident_id=resident_id,
            group_name=group,
            partner_id=partner_id,
            subject=rng.choice(CONTACT_SUBJECTS[contact_type]),
            notes=" ".join(filter(None, (notes, rng.choice(NOTES)))),
        )
        world.add("contact", row)
        if rng.random() < 0.3:
            regisseur, opbouwwerker = world.staff[area.id]
            _follow_up(
                world,
                area_id=area.id,
                day=day,
                owner_id=opbouwwerker if rng.random() < 0.75 else regisseur,
                contact_id=row["id"],
            )


def _drafts(world: _World, spec: DemoSize) -> None:
    """A few forms left half typed, as the UI saves them (see ui/*/…form.py payload())."""
    rng, anchor = world.rng, world.anchor
    latest = sorted(world.rows["koffiekar_session"], key=lambda r: (r["date"], r["id"]))[-5:]
    evening = datetime.combine(anchor, time(17), tzinfo=UTC)
    for number in range(spec.drafts):
        kind = (DraftKind.CONVERSATION, DraftKind.CONTACT, DraftKind.SESSION)[number % 3]
        moment = evening - timedelta(minutes=rng.randrange(10, 14 * 24 * 60))
        area = world.area()
        session_id = None
        payload: dict[str, Any]
        if kind is DraftKind.CONVERSATION:
            round_ = rng.choice(latest)
            session_id = round_["id"]
            saying = rng.choice(rng.choice(list(SAYINGS.values())))
            payload = {
                "summary": saying[: rng.randint(12, len(saying))],
                "theme_ids": [],
                "handling": Handling.TER_PLEKKE.value,
                "quote": "",
                "quote_reportable": False,
                "wants_contact": False,
                "wants_meedenken": False,
                "consent": False,
            }
        elif kind is DraftKind.CONTACT:
            contact_type = rng.choice(tuple(ContactType))
            payload = {
                "day": moment.date().isoformat(),
                "area_id": str(area.id),
                "contact_type": contact_type.value,
                "with_kind": ContactWith.ANONIEM.value,
                "subject": rng.choice(CONTACT_SUBJECTS[contact_type]),
                "notes": "Nog uitwerken",
                "theme_ids": [],
            }
        else:
            payload = {
                "area_id": str(area.id),
                "place": rng.choice(PLACES),
                "day": moment.date().isoformat(),
                "start_time": "10:00:00",
                "staff_ids": [str(m) for m in world.staff[area.id]],
                "weather": rng.choice(WEATHER),
                "notes": "",
            }
        world.add(
            "draft",
            {
                "id": _uuid(rng),
                "kind": kind.value,
                "actor": DEMO_ACTOR,
                "target_id": None,
                "session_id": session_id,
                "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
                "created_at": moment,
                "updated_at": moment,
            },
        )


# --- signals --------------------------------------------------------------------------------

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
_RECENT_WEIGHTS = (20, 20, 12, 8, 3, 4, 2, 1, 1, 14, 5, 5, 2, 2, 2, 1)
_OLD_WEIGHTS = (1, 2, 1, 1, 1, 1, 1, 1, 1, 40, 15, 15, 6, 5, 5, 3)
OTHER_SOURCES = (
    SignalSource.TELEFOON,
    SignalSource.EMAIL,
    SignalSource.BEWONERSAVOND,
    SignalSource.ENQUETE,
    SignalSource.EIGEN_WAARNEMING,
)
FEEDBACK_WAYS = ("telefoon", "e-mail", "brief", "persoonlijk")


@dataclass(frozen=True)
class _Category:
    id: uuid.UUID
    name: str
    term: int
    unit: TermUnit
    partner_id: uuid.UUID | None  # the default partner while it is offered


@dataclass
class _Event:
    day: date
    field: SignalField
    old: str
    new: str
    note: str = ""


def _signal_categories(session: Session) -> list[_Category]:
    """The categories offered for new signals that have no offered subcategories."""
    rows = session.execute(
        select(
            SignalCategory.id,
            SignalCategory.parent_id,
            SignalCategory.name,
            SignalCategory.term,
            SignalCategory.term_unit,
            SignalCategory.default_partner_id,
        )
        .where(SignalCategory.deleted_at.is_(None), SignalCategory.retired.is_(False))
        .order_by(SignalCategory.id)
    ).all()
    offered_partners = set(
        session.scalars(
            select(Partner.id).where(Partner.deleted_at.is_(None), Partner.retired.is_(False))
        )
    )
    parents = {row.parent_id for row in rows if row.parent_id is not None}
    return [
        _Category(
            id=row.id,
            name=row.name,
            term=row.term,
            unit=row.term_unit,
            partner_id=row.default_partner_id
            if row.default_partner_id in offered_partners
            else None,
        )
        for row in rows
        if row.id not in parents
    ]


def _route_days(
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


def _status_events(route: Sequence[SignalStatus], days: Sequence[date]) -> list[_Event]:
    events = []
    old = START
    for new, day in zip(route, days, strict=True):
        note = "Opnieuw gemeld door de bewoner." if new is _S.HEROPEND else ""
        events.append(_Event(day, SignalField.STATUS, old.value, new.value, note))
        old = new
    return events


class _SignalMaker:
    """Builds signal rows with their history and feedback into the world's rows."""

    def __init__(
        self,
        world: _World,
        categories: list[_Category],
        rings: dict[str, list[list[Point]]] | None = None,
    ) -> None:
        self.world = world
        self.categories = categories
        self.rings = rings or {}
        self.rng = world.rng
        rounds = {row["id"]: row for row in world.rows.get("koffiekar_session", [])}
        self.conversations: dict[uuid.UUID, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        for conversation in world.rows.get("conversation", []):
            if conversation["handling"] in (
                Handling.ACTIE_NODIG.value,
                Handling.DOORVERWIJZEN.value,
            ):
                round_ = rounds[conversation["session_id"]]
                self.conversations.setdefault(round_["area_id"], []).append((conversation, round_))
        self.contacts: dict[uuid.UUID, list[dict[str, Any]]] = {}
        for contact in world.rows.get("contact", []):
            self.contacts.setdefault(contact["area_id"], []).append(contact)
        self.number = 0

    def _place(self, signal_id: uuid.UUID, buurt_code: str | None) -> tuple[Any, Any]:
        """(lon, lat) inside the buurt for about a third of the signals, else (None, None).

        Drawn from the signal's own id, so the main random stream (and with it every other
        demo row) is the same with or without coordinates."""
        rings = self.rings.get(buurt_code or "")
        rng = random.Random(signal_id.int)
        if not rings or rng.random() >= COORDINATE_SHARE:
            return None, None
        min_lon, min_lat, max_lon, max_lat = bbox(rings)
        for _ in range(40):
            lon = round(rng.uniform(min_lon, max_lon), 6)
            lat = round(rng.uniform(min_lat, max_lat), 6)
            if point_in_rings(lon, lat, rings):
                return lon, lat
        lon, lat = interior_point(rings)  # a very thin buurt: its widest middle
        return lon, lat

    def _take(self, pool: list[Any]) -> Any:
        """A random element, removed (each conversation or contact yields one signal)."""
        index = self.rng.randrange(len(pool))
        pool[index], pool[-1] = pool[-1], pool[index]
        return pool.pop()

    def top_level(self) -> None:
        world, rng = self.world, self.rng
        area = world.area()
        category = self.categories[self.number % len(self.categories)]
        if self.number >= len(self.categories):
            category = rng.choice(self.categories)
        buurten: list[str | None] = [*world.buurten.get(area.id, [])] or [None]
        roll = rng.random()
        row = _tracked(rng, world.anchor)
        wants = rng.random() < 0.2
        if roll < 0.5 and self.conversations.get(area.id):
            conversation, round_ = self._take(self.conversations[area.id])
            reported_on, source = round_["date"], SignalSource.KOFFIEKAR
            row.update(
                buurt_code=round_["buurt_code"],
                location=round_["place"],
                description=conversation["summary"],
                conversation_id=conversation["id"],
                contact_id=None,
            )
            wants = conversation["resident_id"] is not None or wants
        elif roll < 0.7 and self.contacts.get(area.id):
            contact = self._take(self.contacts[area.id])
            reported_on, source = contact["date"], SignalSource.CONTACT
            text = "\n\n".join(p for p in (contact["subject"], contact["notes"]) if p)
            row.update(
                buurt_code=rng.choice(buurten),
                location="",
                description=text,
                conversation_id=None,
                contact_id=contact["id"],
            )
            wants = contact["resident_id"] is not None or wants
        else:
            reported_on, source = _working_day(rng, world.anchor), rng.choice(OTHER_SOURCES)
            place = rng.choice(PLACES)
            row.update(
                buurt_code=rng.choice(buurten),
                location=place,
                description=f"{category.name} {place}.",
                conversation_id=None,
                contact_id=None,
            )
        longitude, latitude = self._place(row["id"], row["buurt_code"])
        row.update(
            area_id=area.id,
            source=source,
            wants_feedback=wants,
            latitude=latitude,
            longitude=longitude,
        )
        split = self.number >= len(SIGNAL_ROUTES) and rng.random() < 0.04
        route_index = self.number if self.number < len(SIGNAL_ROUTES) else None
        self.number += 1
        self._signal(row, category, reported_on, route_index=route_index, split=split)

    def _signal(
        self,
        row: dict[str, Any],
        category: _Category,
        reported_on: date,
        *,
        route_index: int | None = None,
        split: bool = False,
        start: date | None = None,
        parent_id: uuid.UUID | None = None,
    ) -> list[_Event]:
        world, rng, anchor = self.world, self.rng, self.world.anchor
        deadline = compute_deadline(reported_on, category.term, category.unit)
        priority = rng.choices(tuple(Priority), weights=(2, 6, 2))[0]
        partner_id = category.partner_id
        row.update(
            latitude=row.get("latitude"),
            longitude=row.get("longitude"),
            description=row["description"][:4_000] or category.name,
            category_id=category.id,
            reported_on=reported_on,
            deadline=deadline,
            parent_id=parent_id,
            created_at=_stamp(reported_on, time(9)),
            updated_at=_stamp(reported_on, time(9)),
        )
        world.add("signal", row)
        begin = start or reported_on
        if split:
            route: tuple[SignalStatus, ...] = (_S.IN_BEHANDELING,)
        elif route_index is not None:
            route = SIGNAL_ROUTES[route_index]
        else:
            recent = (anchor - reported_on).days < 60
            weights = list(_RECENT_WEIGHTS if recent else _OLD_WEIGHTS)
            if parent_id is not None:  # reopening a child would reopen its parent too
                weights[7] = weights[8] = weights[15] = 0
            route = rng.choices(SIGNAL_ROUTES, weights=weights)[0]
        closes = bool(route) and route[-1] in CLOSED
        days = _route_days(rng, begin, len(route), deadline=deadline, anchor=anchor, closes=closes)
        events = _status_events(route, days)
        if events and rng.random() < 0.06:
            new_priority = rng.choice([p for p in Priority if p is not priority])
            events.insert(
                0,
                _Event(
                    events[0].day,
                    SignalField.PRIORITY,
                    priority.value,
                    new_priority.value,
                    "Bewoner belde nog eens.",
                ),
            )
            priority = new_priority
        for index, event in enumerate(events):
            if event.new == _S.DOORGEZET.value and world.partner_ids and rng.random() < 0.4:
                other = rng.choice(world.partner_ids)
                if other != partner_id:
                    note = "Doorgezet naar de juiste partner."
                    old = "" if partner_id is None else str(partner_id)
                    events.insert(
                        index + 1, _Event(event.day, SignalField.PARTNER, old, str(other), note)
                    )
                    partner_id = other
                break
        if split:
            self._children(row, reported_on, days[0], events)
        status = next(
            (SignalStatus(e.new) for e in reversed(events) if e.field is SignalField.STATUS),
            START,
        )
        closed_on = (
            max(e.day for e in events if e.field is SignalField.STATUS)
            if status in CLOSED
            else None
        )
        row.update(priority=priority, partner_id=partner_id, status=status, closed_on=closed_on)
        self._history(row, events)
        if row["wants_feedback"]:
            self._feedback(row, closed_on, route)
        return events

    def _children(
        self, parent: dict[str, Any], reported_on: date, day: date, events: list[_Event]
    ) -> None:
        """Two or three children from the day the parent was taken into handling; when all are
        closed the parent closes with them, as services.signals does."""
        rng = self.rng
        made: list[dict[str, Any]] = []
        closing: list[tuple[SignalStatus, date]] = []
        for category in rng.sample(self.categories, k=rng.choice((2, 2, 3))):
            child = _tracked(rng, reported_on)
            copied = ("area_id", "buurt_code", "location", "latitude", "longitude", "source")
            child.update({key: parent[key] for key in (*copied, "conversation_id", "contact_id")})
            child.update(description=f"{category.name}: {parent['description']}"[:4_000])
            child["wants_feedback"] = False
            self._signal(child, category, reported_on, start=day, parent_id=parent["id"])
            made.append(child)
            status = child["status"]
            if status in CLOSED:
                closing.append((status, child["closed_on"]))
        ids = ",".join(str(child["id"]) for child in made)
        events.append(_Event(day, SignalField.SPLIT, "", ids))
        if len(closing) == len(made):
            done = any(status is _S.AFGEHANDELD for status, _ in closing)
            target = _S.AFGEHANDELD if done else _S.GEANNULEERD
            last = max(day for _, day in closing)
            note = "Alle deelsignalen zijn afgesloten."
            old = _S.IN_BEHANDELING.value
            events.append(_Event(last, SignalField.STATUS, old, target.value, note))

    def _history(self, row: dict[str, Any], events: list[_Event]) -> None:
        for seq, event in enumerate(events, start=1):
            at = _stamp(event.day, time(9)) + timedelta(minutes=7 * seq)
            self.world.add(
                "signal_history",
                {
                    "id": _uuid(self.rng),
                    "signal_id": row["id"],
                    "seq": seq,
                    "at": at,
                    "by": DEMO_ACTOR,
                    "field": event.field,
                    "old": event.old,
                    "new": event.new,
                    "note": event.note,
                },
            )
        if events:
            row["updated_at"] = _stamp(events[-1].day, time(9)) + timedelta(minutes=7 * len(events))

    def _feedback(
        self, row: dict[str, Any], closed_on: date | None, route: Sequence[SignalStatus]
    ) -> None:
        rng, anchor = self.rng, self.world.anchor
        given: list[tuple[date, str]] = []
        if _S.DOORGEZET in route and rng.random() < 0.3:
            given.append((row["reported_on"], "We hebben uw melding doorgezet."))
        if closed_on is not None and rng.random() < 0.75:
            day = min(anchor, closed_on + timedelta(days=rng.randint(0, 10)))
            given.append((day, "Laten weten hoe het is afgehandeld."))
        for day, note in given:
            self.world.add(
                "signal_feedback",
                {
                    "id": _uuid(rng),
                    "signal_id": row["id"],
                    "given_on": day,
                    "how": rng.choice(FEEDBACK_WAYS),
                    "by": DEMO_ACTOR,
                    "note": note,
                    "created_at": _stamp(day, time(15)),
                },
            )


def _signals(
    world: _World,
    spec: DemoSize,
    categories: list[_Category],
    rings: dict[str, list[list[Point]]] | None = None,
) -> None:
    """Signals in every category and status, many heard at the koffiekar or in a contact;
    about a third has coordinates inside its buurt."""
    if not categories:
        return
    maker = _SignalMaker(world, categories, rings)
    for _ in range(spec.signals):
        maker.top_level()


# Tables generate() fills after the team, in foreign-key order.
INSERT_ORDER: tuple[Table, ...] = (
    _table(KoffiekarSession),
    session_staff,
    _table(Resident),
    _table(Consent),
    _table(Meedenker),
    meedenker_theme,
    _table(Conversation),
    conversation_theme,
    _table(Contact),
    contact_theme,
    _table(FollowUp),
    _table(Initiative),
    initiative_theme,
    initiative_partner,
    _table(InitiativeMilestone),
    _table(Draft),
    _table(Signal),
    _table(SignalHistory),
    _table(SignalFeedback),
)


def generate(
    session: Session,
    *,
    size: str,
    seed: int,
    anchor: date | None = None,
    account: str | None = None,
) -> Counter[str]:
    """Fill the database with fake data for two years up to `anchor` (default: today).

    `account` (the login of whoever runs the demo) becomes the account of one regisseur, so
    'Mijn acties' shows their actions. Returns the number of rows per table.
    """
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
    staff = _team(session, rng, areas, anchor, counts, account=account)
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
    partners = session.scalars(
        select(Partner.id)
        .where(Partner.deleted_at.is_(None), Partner.retired.is_(False))
        .order_by(Partner.id)
    ).all()
    world = _World(
        rng=rng,
        anchor=anchor,
        areas=areas,
        # Winschoten and its wijken see more activity than a small village, as in real life.
        weights=[
            3 if area.kind is AreaKind.GEBIED else 2 if area.key == "winschoten" else 1
            for area in areas
        ],
        staff=staff,
        buurten=buurten,
        theme_ids=[theme_id for theme_id, _ in themes],
        theme_keys=[key or "" for _, key in themes],
        partner_ids=list(partners),
    )
    _rounds(world, spec)
    _residents(world, spec)
    _conversation_actions(world)
    _contacts(world, spec)
    add_initiatives(world, spec.initiatives, _tracked)
    _drafts(world, spec)
    rings = {
        code: parse_rings(geometry)
        for code, _name, geometry in GeoRepository(session).buurt_geometries()
    }
    _signals(world, spec, _signal_categories(session), {k: v for k, v in rings.items() if v})
    for table in INSERT_ORDER:
        rows = world.rows.get(table.name, [])
        if rows:
            session.execute(insert(table), rows)
        counts[table.name] += len(rows)
    return counts
