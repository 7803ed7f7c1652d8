"""The opbouwwerkers' demo contact log, with themes and, for some, an agreed action."""

from __future__ import annotations

from datetime import time

from gebiedsapp.domain import ContactType, ContactWith
from gebiedsapp.services.demo.actions import add_follow_up
from gebiedsapp.services.demo.texts import (
    CONTACT_SUBJECTS,
    CONTACT_TYPE_WEIGHTS,
    CONTACT_WITH_WEIGHTS,
    GROUPS,
    NOTES,
    SAYINGS,
)
from gebiedsapp.services.demo.world import DemoSize, World, tracked, working_day


def add_contacts(world: World, spec: DemoSize) -> None:
    rng, anchor = world.rng, world.anchor
    types, withs = tuple(ContactType), tuple(ContactWith)
    for _ in range(spec.contacts):
        area = world.area()
        day = working_day(rng, anchor)
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
        row = tracked(rng, day, time(rng.choice((9, 11, 14, 16, 19))))
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
            add_follow_up(
                world,
                area_id=area.id,
                day=day,
                owner_id=opbouwwerker if rng.random() < 0.75 else regisseur,
                contact_id=row["id"],
            )
