"""Demo residents: meedenkers (with consent and themes, mostly met at the koffiekar) and
residents who only wanted to be called back; fake names, 06-numbers, @voorbeeld.invalid."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from gebiedsapp.domain import Area, ConsentPurpose, Handling
from gebiedsapp.services.demo.texts import FAKE_SURNAMES, FIRST_NAMES
from gebiedsapp.services.demo.world import DEMO_ACTOR, DemoSize, World, tracked, working_day


def add_residents(world: World, spec: DemoSize) -> None:
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
        since = world.said[index][1] if index is not None else working_day(rng, anchor)
        first, last = rng.choice(FIRST_NAMES), rng.choice(FAKE_SURNAMES)
        phone = f"06-{rng.randrange(10_000_000, 100_000_000)}" if rng.random() < 0.8 else ""
        email = f"{first}.{last}{number}@voorbeeld.invalid".lower()
        resident = world.add("resident", tracked(rng, since))
        resident.update(
            name=f"{first} {last}",
            phone=phone,
            email=email if not phone or rng.random() < 0.6 else "",
            anonymised_at=None,
        )
        if index is not None:
            linked.add(index)
            world.rows["conversation"][index]["resident_id"] = resident["id"]
        _consents(world, resident, area=area, since=since, meedenken=meedenken)


def _consents(
    world: World, resident: dict[str, Any], *, area: Area, since: date, meedenken: bool
) -> None:
    """Consent to be called back, or to think along (and then an entry in the register); a
    few meedenkers withdrew later."""
    rng, anchor = world.rng, world.anchor
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
        consent = world.add("consent", tracked(rng, since))
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
        entry = world.add("meedenker", tracked(rng, since))
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
