"""Demo drafts: a few forms left half typed, as the forms save them."""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from gebiedsapp.domain import Area, ContactType, ContactWith, DraftKind
from gebiedsapp.services.contact_record import ContactDraft
from gebiedsapp.services.conversation_record import ConversationDraft
from gebiedsapp.services.demo.texts import CONTACT_SUBJECTS, PLACES, SAYINGS, WEATHER
from gebiedsapp.services.demo.world import DEMO_ACTOR, DemoSize, World, new_uuid


def add_drafts(world: World, spec: DemoSize) -> None:
    """A conversation, contact and round draft in turn, saved in the two weeks before the
    anchor; a conversation draft belongs to one of the latest rounds."""
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
            session_id, payload = conversation_draft(rng, latest)
        elif kind is DraftKind.CONTACT:
            payload = _contact_draft(rng, area=area, day=moment.date())
        else:
            payload = _round_draft(rng, area=area, day=moment.date(), staff=world.staff[area.id])
        world.add(
            "draft",
            {
                "id": new_uuid(rng),
                "kind": kind.value,
                "actor": DEMO_ACTOR,
                "target_id": None,
                "session_id": session_id,
                "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
                "created_at": moment,
                "updated_at": moment,
            },
        )


def conversation_draft(
    rng: random.Random, latest: list[dict[str, Any]]
) -> tuple[uuid.UUID, dict[str, Any]]:
    """(round id, payload) of a conversation half typed in one of the `latest` rounds, in the
    form's own draft type."""
    round_ = rng.choice(latest)
    saying = rng.choice(rng.choice(list(SAYINGS.values())))
    payload = ConversationDraft(summary=saying[: rng.randint(12, len(saying))]).to_json()
    session_id: uuid.UUID = round_["id"]
    return session_id, payload


def _contact_draft(rng: random.Random, *, area: Area, day: date) -> dict[str, Any]:
    """A contact half typed, in the contact form's own draft type."""
    contact_type = rng.choice(tuple(ContactType))
    return ContactDraft(
        day=day,
        area_id=area.id,
        contact_type=contact_type,
        with_kind=ContactWith.ANONIEM,
        subject=rng.choice(CONTACT_SUBJECTS[contact_type]),
        notes="Nog uitwerken",
    ).to_json()


def _round_draft(
    rng: random.Random, *, area: Area, day: date, staff: list[uuid.UUID]
) -> dict[str, Any]:
    return {
        "area_id": str(area.id),
        "place": rng.choice(PLACES),
        "day": day.isoformat(),
        "start_time": "10:00:00",
        "staff_ids": [str(m) for m in staff],
        "weather": rng.choice(WEATHER),
        "notes": "",
    }
