"""Demo residents' initiatives: older ones mostly ended, recent ones still being prepared or
carried out, with milestones, budgets, themes and partners."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from gebiedsapp.domain import InitiativeStatus
from gebiedsapp.services.demo.world import World, tracked

# (title, what the team does, the milestones in order)
INITIATIVES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Speeltuin opknappen",
        "Meedenken over het ontwerp; contact met de afdeling openbare ruimte.",
        ("Ontwerp met de kinderen", "Aanvraag leefbaarheidsbudget", "Opening"),
    ),
    (
        "Moestuin bij de school",
        "Hulp bij de aanvraag en bij het vinden van vrijwilligers.",
        ("Grond geregeld", "Eerste zaaidag", "Oogstfeest"),
    ),
    (
        "Buurtfeest",
        "Vergunning aanvragen samen met de organisatoren.",
        ("Vergunning rond", "Feest"),
    ),
    (
        "Jeu-de-boulesbaan",
        "Contact met de woningcorporatie over de plek.",
        ("Plek gekozen", "Baan aangelegd"),
    ),
    (
        "Ontmoetingsplek in het dorpshuis",
        "Ondersteuning bij het opzetten van een wekelijkse inloop.",
        ("Vrijwilligers gevonden", "Eerste inloopochtend", "Evaluatie na drie maanden"),
    ),
    (
        "Bloembakken langs de hoofdstraat",
        "Afspraken over onderhoud met de gemeente.",
        ("Bakken besteld", "Planten"),
    ),
    (
        "Energiecafé",
        "Energiecoach geregeld; zaal en koffie betaald.",
        ("Eerste avond", "Tweede avond"),
    ),
    (
        "AED en reanimatiecursus",
        "Aanvraag bij het dorpsfonds begeleid.",
        ("AED opgehangen", "Cursus gegeven"),
    ),
)
BUDGET_SOURCES = ("Leefbaarheidsbudget", "Dorpsfonds", "Initiatievenfonds Oldambt", "")


def add_initiatives(world: World, count: int) -> None:
    """`count` initiatives over the two years before the world's anchor."""
    rng, anchor = world.rng, world.anchor
    for _ in range(count):
        area = world.area()
        title, support, steps = rng.choice(INITIATIVES)
        started = anchor - timedelta(days=rng.randrange(0, 720))
        age = (anchor - started).days
        status, lasted = _status(rng.random(), age)
        ended = None if lasted is None else min(anchor, started + timedelta(days=lasted))
        row = tracked(rng, started, time(10))
        requested = rng.choice((None, 250, 750, 1_500, 2_500, 5_000, 12_000))
        granted = None
        if requested is not None and status is not InitiativeStatus.IDEE and rng.random() < 0.8:
            granted = requested if rng.random() < 0.6 else requested // 2
        row.update(
            title=title,
            area_id=area.id,
            status=status.value,
            started_on=started,
            ended_on=ended,
            carried_by=rng.choice(("Dorpsvereniging {a}", "Bewonersgroep {a}", "")).format(
                a=area.name
            ),
            supporter_id=world.staff[area.id][1],  # the area's opbouwwerker
            description="",
            support=support,
            budget_requested=None if requested is None else requested * 100,
            budget_granted=None if granted is None else granted * 100,
            budget_source=rng.choice(BUDGET_SOURCES) if requested else "",
        )
        world.add("initiative", row)
        world.themes("initiative_id", row["id"], "initiative_theme", k=rng.choice((1, 1, 2)))
        if world.partner_ids and rng.random() < 0.5:
            partner = {"initiative_id": row["id"], "partner_id": rng.choice(world.partner_ids)}
            world.add("initiative_partner", partner)
        _milestones(world, row, steps)


def _status(roll: float, age: int) -> tuple[InitiativeStatus, int | None]:
    """The status now, and after how many days it ended (None while running)."""
    if age > 365:
        if roll < 0.7:
            return InitiativeStatus.AFGEROND, 120 + int(roll * 300)
        if roll < 0.85:
            return InitiativeStatus.GESTOPT, 60 + int(roll * 200)
        return InitiativeStatus.UITVOERING, None
    if age > 120:
        if roll < 0.35:
            return InitiativeStatus.AFGEROND, 90 + int(roll * 100)
        if roll < 0.45:
            return InitiativeStatus.GESTOPT, 30 + int(roll * 100)
        return InitiativeStatus.UITVOERING, None
    return (InitiativeStatus.IDEE if roll < 0.4 else InitiativeStatus.VOORBEREIDING), None


def _milestones(world: World, initiative: dict[str, Any], steps: tuple[str, ...]) -> None:
    """The steps in order, each one to four months after the last; reached ones not after the
    initiative ended."""
    rng, anchor = world.rng, world.anchor
    started: date = initiative["started_on"]
    ended: date | None = initiative["ended_on"]
    done = initiative["status"] == InitiativeStatus.AFGEROND.value
    due = started
    for text in steps:
        due = due + timedelta(days=rng.randrange(30, 120))
        reached = None
        if due <= anchor and (done or (ended is None and rng.random() < 0.7)):
            reached = min(anchor, due + timedelta(days=rng.randrange(-10, 20)))
            if ended is not None:
                reached = min(reached, ended)
        row = tracked(rng, started, time(10))
        row.update(
            initiative_id=initiative["id"],
            description=text,
            due_on=due,
            reached_on=max(started, reached) if reached is not None else None,
        )
        world.add("initiative_milestone", row)
