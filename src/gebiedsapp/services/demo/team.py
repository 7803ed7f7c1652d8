"""The demo team: fake staff with accounts, and their current and past assignments."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gebiedsapp.domain import Area, Role
from gebiedsapp.services.demo.texts import FAKE_SURNAMES, FIRST_NAMES
from gebiedsapp.services.demo.world import tracked


@dataclass
class Team:
    """The rows of `team_member` and `assignment`, and the current staff per area."""

    members: list[dict[str, Any]] = field(default_factory=list)
    assignments: list[dict[str, Any]] = field(default_factory=list)
    staff: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)  # [regisseur, opb.]

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        return {"team_member": self.members, "assignment": self.assignments}


@dataclass
class _Roles:
    wethouders: list[uuid.UUID]
    regisseurs: list[uuid.UUID]
    opbouwwerkers: list[uuid.UUID]
    former: list[uuid.UUID]  # regisseurs who left a year ago


def make_team(
    rng: random.Random, *, areas: Sequence[Area], anchor: date, account: str | None = None
) -> Team:
    """Fake staff with current and past assignments.

    Every member has an account (the local part of their address); the first regisseur has
    `account` instead, the login of whoever made the demo, so their 'Mijn acties' and koffiekar
    rounds show that regisseur's work."""
    team = Team()
    roles = _members(rng, anchor=anchor, members=team.members)
    if account and account.strip():
        _give_account(team.members, member_id=roles.regisseurs[0], login=account.strip())
    _assign(rng, areas=areas, anchor=anchor, roles=roles, team=team)
    for row in team.members[-len(roles.former) :]:
        row["active"] = False
    return team


def _members(rng: random.Random, *, anchor: date, members: list[dict[str, Any]]) -> _Roles:
    people = [f"{first} {last}" for last in FAKE_SURNAMES for first in FIRST_NAMES]
    rng.shuffle(people)

    def new_member(organisation: str) -> uuid.UUID:
        name = people[len(members)]
        row = tracked(rng, anchor - timedelta(days=800))
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

    return _Roles(
        wethouders=[new_member("Gemeente Oldambt (college)") for _ in range(4)],
        regisseurs=[new_member("Gemeente Oldambt") for _ in range(5)],
        opbouwwerkers=[new_member("Welzijnsorganisatie") for _ in range(7)],
        former=[new_member("Gemeente Oldambt") for _ in range(2)],
    )


def _give_account(members: list[dict[str, Any]], *, member_id: uuid.UUID, login: str) -> None:
    for row in members:  # accounts are unique: a fake one equal to the login gives way
        if str(row["account"]).casefold() == login.casefold():
            row["account"] = None
    next(row for row in members if row["id"] == member_id)["account"] = login


def _assign(
    rng: random.Random, *, areas: Sequence[Area], anchor: date, roles: _Roles, team: Team
) -> None:
    """A regisseur, opbouwwerker and wethouder per area; every third area changed regisseur a
    year ago, so the overview must show only the new one."""
    start = anchor - timedelta(days=730)
    switch = anchor - timedelta(days=365)
    for index, area in enumerate(areas):
        regisseur = roles.regisseurs[index % len(roles.regisseurs)]
        opbouwwerker = roles.opbouwwerkers[index % len(roles.opbouwwerkers)]
        wethouder = roles.wethouders[index % len(roles.wethouders)]
        plan = [(regisseur, Role.GEBIEDSREGISSEUR), (opbouwwerker, Role.OPBOUWWERKER)]
        plan.append((wethouder, Role.GEBIEDSWETHOUDER))
        for member_id, role in plan:
            began = start
            if role is Role.GEBIEDSREGISSEUR and index % 3 == 0:
                old = tracked(rng, start)
                old.update(
                    member_id=roles.former[index % 2],
                    area_id=area.id,
                    role=role,
                    start_date=start,
                    end_date=switch - timedelta(days=1),
                    note="",
                )
                team.assignments.append(old)
                began = switch
            row = tracked(rng, began)
            row.update(
                member_id=member_id,
                area_id=area.id,
                role=role,
                start_date=began,
                end_date=None,
                note="",
            )
            team.assignments.append(row)
        team.staff[area.id] = [regisseur, opbouwwerker]
