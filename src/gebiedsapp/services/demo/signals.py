"""Demo signals in every category and status, many heard at the koffiekar or in a contact,
with their history and feedback; about a third has coordinates inside its buurt."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date, time, timedelta
from typing import Any

from gebiedsapp.domain import Handling, Priority, SignalField, SignalSource, SignalStatus
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.domain.signal_workflow import CLOSED, START
from gebiedsapp.services.demo.signal_routes import (
    FEEDBACK_WAYS,
    OLD_WEIGHTS,
    OTHER_SOURCES,
    RECENT_WEIGHTS,
    SIGNAL_ROUTES,
    Category,
    Event,
    route_days,
    status_events,
)
from gebiedsapp.services.demo.texts import PLACES
from gebiedsapp.services.demo.world import (
    DEMO_ACTOR,
    DemoSize,
    World,
    new_uuid,
    stamp,
    tracked,
    working_day,
)
from gebiedsapp.services.geo import Point, bbox, interior_point, point_in_rings

COORDINATE_SHARE = 1 / 3  # of the top-level signals with a buurt; children share the parent's
_S = SignalStatus


class SignalMaker:
    """Builds signal rows with their history and feedback into the world's rows."""

    def __init__(
        self,
        world: World,
        *,
        categories: list[Category],
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
        row = tracked(rng, world.anchor)
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
            reported_on, source = working_day(rng, world.anchor), rng.choice(OTHER_SOURCES)
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
        category: Category,
        reported_on: date,
        *,
        route_index: int | None = None,
        split: bool = False,
        start: date | None = None,
        parent_id: uuid.UUID | None = None,
    ) -> None:
        """Add the signal `row` with the events that brought it to its status today; a split
        signal gets its children."""
        rng, anchor = self.rng, self.world.anchor
        deadline = compute_deadline(reported_on, category.term, category.unit)
        priority = rng.choices(tuple(Priority), weights=(2, 6, 2))[0]
        row.update(
            latitude=row.get("latitude"),
            longitude=row.get("longitude"),
            description=row["description"][:4_000] or category.name,
            category_id=category.id,
            reported_on=reported_on,
            deadline=deadline,
            parent_id=parent_id,
            created_at=stamp(reported_on, time(9)),
            updated_at=stamp(reported_on, time(9)),
        )
        self.world.add("signal", row)
        begin = start or reported_on
        child = parent_id is not None
        route = self._route(reported_on, route_index=route_index, split=split, child=child)
        closes = bool(route) and route[-1] in CLOSED
        days = route_days(rng, begin, len(route), deadline=deadline, anchor=anchor, closes=closes)
        events = status_events(route, days)
        priority = self._reprioritise(events, priority)
        partner_id = self._forward(events, category.partner_id)
        if split:
            self._children(row, reported_on=reported_on, day=days[0], events=events)
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

    def _route(
        self, reported_on: date, *, route_index: int | None, split: bool, child: bool
    ) -> tuple[SignalStatus, ...]:
        """The statuses from Gemeld to today: the first signals walk every route once, a split
        one waits in handling for its children, the rest by age."""
        if split:
            return (_S.IN_BEHANDELING,)
        if route_index is not None:
            return SIGNAL_ROUTES[route_index]
        recent = (self.world.anchor - reported_on).days < 60
        weights = list(RECENT_WEIGHTS if recent else OLD_WEIGHTS)
        if child:  # reopening a child would reopen its parent too
            weights[7] = weights[8] = weights[15] = 0
        return self.rng.choices(SIGNAL_ROUTES, weights=weights)[0]

    def _reprioritise(self, events: list[Event], priority: Priority) -> Priority:
        """Now and then the resident calls again and the priority changes at the first step."""
        rng = self.rng
        if not events or rng.random() >= 0.06:
            return priority
        new_priority = rng.choice([p for p in Priority if p is not priority])
        note = "Bewoner belde nog eens."
        events.insert(
            0, Event(events[0].day, SignalField.PRIORITY, priority.value, new_priority.value, note)
        )
        return new_priority

    def _forward(self, events: list[Event], partner_id: uuid.UUID | None) -> uuid.UUID | None:
        """Sometimes a forwarded signal goes to another partner than the category's default."""
        rng, partner_ids = self.rng, self.world.partner_ids
        for index, event in enumerate(events):
            if event.new == _S.DOORGEZET.value and partner_ids and rng.random() < 0.4:
                other = rng.choice(partner_ids)
                if other != partner_id:
                    note = "Doorgezet naar de juiste partner."
                    old = "" if partner_id is None else str(partner_id)
                    events.insert(
                        index + 1, Event(event.day, SignalField.PARTNER, old, str(other), note)
                    )
                    partner_id = other
                break
        return partner_id

    def _children(
        self, parent: dict[str, Any], *, reported_on: date, day: date, events: list[Event]
    ) -> None:
        """Two or three children from the day the parent was taken into handling; when all are
        closed the parent closes with them, as services.signals does."""
        rng = self.rng
        made: list[dict[str, Any]] = []
        closing: list[tuple[SignalStatus, date]] = []
        for category in rng.sample(self.categories, k=rng.choice((2, 2, 3))):
            child = tracked(rng, reported_on)
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
        events.append(Event(day, SignalField.SPLIT, "", ids))
        if len(closing) == len(made):
            done = any(status is _S.AFGEHANDELD for status, _ in closing)
            target = _S.AFGEHANDELD if done else _S.GEANNULEERD
            last = max(day for _, day in closing)
            note = "Alle deelsignalen zijn afgesloten."
            old = _S.IN_BEHANDELING.value
            events.append(Event(last, SignalField.STATUS, old, target.value, note))

    def _history(self, row: dict[str, Any], events: list[Event]) -> None:
        for seq, event in enumerate(events, start=1):
            at = stamp(event.day, time(9)) + timedelta(minutes=7 * seq)
            self.world.add(
                "signal_history",
                {
                    "id": new_uuid(self.rng),
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
            row["updated_at"] = stamp(events[-1].day, time(9)) + timedelta(minutes=7 * len(events))

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
                    "id": new_uuid(rng),
                    "signal_id": row["id"],
                    "given_on": day,
                    "how": rng.choice(FEEDBACK_WAYS),
                    "by": DEMO_ACTOR,
                    "note": note,
                    "created_at": stamp(day, time(15)),
                },
            )


def add_signals(
    world: World,
    spec: DemoSize,
    *,
    categories: list[Category],
    rings: dict[str, list[list[Point]]] | None = None,
) -> None:
    """Signals in every category and status, many heard at the koffiekar or in a contact;
    about a third has coordinates inside its buurt."""
    if not categories:
        return
    maker = SignalMaker(world, categories=categories, rings=rings)
    for _ in range(spec.signals):
        maker.top_level()
