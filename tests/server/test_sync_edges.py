"""Team sync's edges (issue 16) against the real server, each laptop as its user's own login
with the rights as IT sets them up: a conflict follows its record to another area; a user
who loses an area (or the right to personal data) keeps on the laptop only what the server
still shows them, and never loses an unsent change; a team member's laptop takes the
server's reference data instead of pushing its own for ever."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from gebiedsapp.domain import (
    Assignment,
    Role,
    Signal,
    SignalField,
    SignalSource,
    SyncConflict,
    TeamMember,
    reference_id,
)
from gebiedsapp.services import server as rights
from gebiedsapp.services import signals, sync
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from support.sync_world import BEERTA, ZWERFVUIL, Team, make_team

WINSCHOTEN = reference_id("area", "winschoten")
PASSWORD = "een-lang-wachtwoord-16"
ROLES = {
    "bea": ("beheerder", None, None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
    "bob": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
    "willem": ("gebiedswethouder", Role.GEBIEDSWETHOUDER, BEERTA),
}


@dataclass
class World:
    team: Team
    logins: dict[str, str]
    members: dict[str, uuid.UUID]

    def address(self, who: str) -> str:
        server = make_url(self.team.server_url)
        return f"postgresql://{self.logins[who]}@{server.host}:{server.port}/{server.database}"

    def sync(self, who: str, *, clean: bool = True) -> sync.SyncResult:
        """`clean`: nothing may be refused or left waiting."""
        result = sync.run_sync(
            self.team.laptop(who), server_url=self.address(who), password=PASSWORD
        )
        if clean:
            assert (result.refused, result.waiting) == (0, 0), who
        return result


@pytest.fixture
def world(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[World]:
    for team in make_team(tmp_path, migrated_template, pg_url):
        assert team.server is not None
        prefix = make_url(pg_url).database
        logins = {who: f"{prefix}_{who}" for who in ROLES}
        rights.set_up(team.server)
        for who, (role, _assigned, _area) in ROLES.items():
            rights.add_user(team.server, account=logins[who], role=role, password=PASSWORD)
        members = {}
        with team.laptop("bea").unit_of_work("bea") as session:
            for who, (_role, assigned, area) in ROLES.items():
                member = TeamMember(name=who, account=logins[who], active=True)
                session.add(member)
                session.flush()
                members[who] = member.id
                if assigned is not None:
                    session.add(
                        Assignment(
                            member_id=member.id, area_id=area, role=assigned,
                            start_date=date(2024, 1, 1),
                        )
                    )  # fmt: skip
        found = World(team, logins, members)
        found.sync("bea")
        yield found


def _signal(database: Database, who: str, *, area: uuid.UUID, text: str) -> uuid.UUID:
    with database.unit_of_work(who) as session:
        signal = signals.create_signal(
            session,
            SignalInput(
                area_id=area, description=text, source=SignalSource.TELEFOON,
                reported_on=date(2026, 11, 20), category_id=ZWERFVUIL,
            ),
            today=date(2026, 11, 20),
        )  # fmt: skip
        signals.log_change(session, signal, SignalField.PRIORITY, "normaal", "hoog", "")
        return signal.id


def _conflicts(database: Database) -> dict[uuid.UUID, uuid.UUID | None]:
    """{conflict id: its area} on a laptop."""
    with database.read_session() as session:
        return {c.id: c.area_id for c in session.scalars(select(SyncConflict))}


# --- 2. a conflict follows its record ------------------------------------------------------


def test_a_conflict_follows_its_record_to_the_new_area(world: World) -> None:
    bea, bob = world.team.laptop("bea"), world.team.laptop("bob")
    moved = _signal(bea, "bea", area=WINSCHOTEN, text="Losliggende stoeptegels")
    with bea.unit_of_work("bea") as session:
        conflict = SyncConflict(
            table_name="signal", row_key=moved.hex, area_id=WINSCHOTEN, fields="description",
            local_values=json.dumps({"description": "Losliggende stoeptegels"}),
            server_values=json.dumps({"description": "Stoeptegels los"}),
            local_by="bea", server_by="anna",
        )  # fmt: skip
        session.add(conflict)
        session.flush()
        conflict_id = conflict.id
    world.sync("bea")
    world.sync("bob")
    assert conflict_id not in _conflicts(bob)  # Winschoten's business
    with bea.unit_of_work("bea") as session:
        row = session.get(Signal, moved)
        assert row is not None
        row.area_id = BEERTA
    world.sync("bea")

    world.sync("bob")
    world.sync("bea")

    assert _conflicts(bob).get(conflict_id) == BEERTA  # Beerta's team sees it, in Beerta
    assert _conflicts(bea)[conflict_id] == BEERTA  # the laptop that moved it takes the area
    assert world.team.server is not None
    with world.team.server.engine.connect() as connection:
        area = connection.scalar(
            text("SELECT area_id FROM sync_conflict WHERE id = :id"), {"id": conflict_id}
        )
    assert area == BEERTA
