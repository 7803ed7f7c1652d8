"""Demo agreed actions (follow-ups) after a conversation or a contact."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from gebiedsapp.domain import ActionStatus, Handling
from gebiedsapp.services.demo.texts import ACTIONS
from gebiedsapp.services.demo.world import World, stamp, tracked


def add_follow_up(
    world: World,
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
    row = world.add("follow_up", tracked(rng, day))
    if status is ActionStatus.GEDAAN:
        done_on = min(anchor, day + timedelta(days=rng.randrange(1, (due - day).days + 10)))
        row["updated_at"] = stamp(done_on)
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


def add_conversation_actions(world: World) -> None:
    """An action for every conversation that needed one, mostly for the regisseur."""
    for index, (area_id, day, handling) in enumerate(world.said):
        if handling is Handling.ACTIE_NODIG:
            regisseur, opbouwwerker = world.staff[area_id]
            add_follow_up(
                world,
                area_id=area_id,
                day=day,
                owner_id=regisseur if world.rng.random() < 0.6 else opbouwwerker,
                conversation_id=world.rows["conversation"][index]["id"],
            )
