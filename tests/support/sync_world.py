"""Laptops and a team server for the sync tests: each laptop a copy of the migrated template
(an encrypted file of its own), the server a new database on the test cluster built as IT
builds it (`open_database`: migrations and reference data)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from gebiedsapp.domain import Handling, SignalSource, reference_id
from gebiedsapp.paths import app_paths
from gebiedsapp.services import koffiekar, signals, sync
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.sync_tables import plain, synced_tables
from support.dbfile import TEST_KEY

BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")


@dataclass
class Team:
    folder: Path
    template: Path
    server_url: str  # with its password, for the tests' own look at the server
    laptops: dict[str, Database] = field(default_factory=dict)
    server: Database | None = None

    @property
    def address(self) -> str:
        """The address a user stores: no password."""
        url = make_url(self.server_url)
        return f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}"

    @property
    def password(self) -> str:
        return str(make_url(self.server_url).password)

    def laptop(self, name: str) -> Database:
        if name not in self.laptops:
            path = self.folder / f"{name}.db"
            if not path.exists():  # a laptop made before (a copy of a synced one) is kept
                shutil.copyfile(self.template, path)
            opened = open_database(
                f"sqlite:///{path}",
                app_paths(self.folder / f"data-{name}"),
                actor=name,
                key=TEST_KEY,
            )
            self.laptops[name] = opened.database
        return self.laptops[name]

    def sync(self, name: str, **options: Any) -> sync.SyncResult:
        return sync.run_sync(
            self.laptop(name), server_url=self.address, password=self.password, **options
        )

    def close(self) -> None:
        for database in self.laptops.values():
            database.dispose()
        if self.server is not None:
            self.server.dispose()


def make_team(folder: Path, template: Path, server_url: str) -> Iterator[Team]:
    server = open_database(server_url, app_paths(folder / "data-server"), actor="it").database
    team = Team(folder=folder, template=template, server_url=server_url, server=server)
    try:
        yield team
    finally:
        team.close()


def content(database: Database) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced table's rows by key, as plain values, without the local row counter."""
    result: dict[str, dict[str, dict[str, Any]]] = {}
    with database.engine.connect() as connection:
        for table in synced_tables():
            rows = {}
            for row in connection.execute(select(table.table)):
                values = {
                    k: plain(v)
                    for k, v in row._mapping.items()
                    if not (table.tracked and k == "version")
                }
                rows[table.key_of(row._mapping)] = values
            result[table.name] = rows
    return result


def differences(one: Database, other: Database) -> list[str]:
    """What differs between two databases' synced content (empty: converged)."""
    a, b = content(one), content(other)
    found = []
    for table in a:
        for key in sorted(set(a[table]) | set(b[table])):
            if a[table].get(key) != b[table].get(key):
                left, right = a[table].get(key), b[table].get(key)
                if left is None or right is None:
                    found.append(f"{table} {key}: only in {'first' if right is None else 'second'}")
                else:
                    diff = sorted(c for c in left if left[c] != right.get(c))
                    mine, theirs = [left[c] for c in diff], [right.get(c) for c in diff]
                    found.append(f"{table} {key}: {diff} {mine} != {theirs}")
    return found


def record_round(team: Team, laptop: str, summary: str) -> None:
    with team.laptop(laptop).unit_of_work(laptop) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place=laptop),
        )
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                summary=summary, theme_ids=[EENZAAMHEID], handling=Handling.DOORVERWIJZEN
            ),
            today=date(2026, 11, 23),
        )
        signals.create_signal(
            session,
            SignalInput(
                area_id=BEERTA,
                description=f"Zwerfvuil ({laptop})",
                source=SignalSource.KOFFIEKAR,
                reported_on=date(2026, 11, 23),
                category_id=ZWERFVUIL,
                conversation_id=recorded.id,
            ),
            today=date(2026, 11, 24),
        )


TEAM_PASSWORD = "een-lang-wachtwoord-16"  # every test login's server password


@dataclass
class RightsWorld:
    """A team whose members each sync with their own server login, under the rights IT sets
    up (`gebiedsapp server setup`, `server user add`)."""

    team: Team
    logins: dict[str, str]
    members: dict[str, Any]  # who -> team_member id

    def address(self, who: str) -> str:
        server = make_url(self.team.server_url)
        return f"postgresql://{self.logins[who]}@{server.host}:{server.port}/{server.database}"

    def sync(self, who: str, *, clean: bool = True) -> Any:
        """`clean`: nothing may be refused or left waiting."""
        result = sync.run_sync(
            self.team.laptop(who), server_url=self.address(who), password=TEAM_PASSWORD
        )
        if clean:
            assert (result.refused, result.waiting) == (0, 0), who
        return result


def with_rights(team: Team, roles: dict[str, tuple[str, Any, Any]]) -> RightsWorld:
    """`roles`: who -> (server role, assignment role or None, assigned area or None). Each gets
    a login; Bea's laptop (the beheerder's) enters the team and assignments and syncs them."""
    from gebiedsapp.domain import Assignment, TeamMember
    from gebiedsapp.services import server as rights

    assert team.server is not None
    prefix = make_url(team.server_url).database
    logins = {who: f"{prefix}_{who}" for who in roles}
    rights.set_up(team.server)
    for who, (role, _assigned, _area) in roles.items():
        rights.add_user(team.server, account=logins[who], role=role, password=TEAM_PASSWORD)
    members = {}
    with team.laptop("bea").unit_of_work("bea") as session:
        for who, (role, assigned, area) in roles.items():
            beheerder = role == "beheerder"
            member = TeamMember(name=who, account=logins[who], active=True, beheerder=beheerder)
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
    world = RightsWorld(team, logins, members)
    world.sync("bea")
    return world


def also_assign(world: RightsWorld, who: str, area_id: Any) -> None:
    """Give `who` a second area (as opbouwwerker, since 2024), entered by the beheerder `bea`
    and synced to the server."""
    from gebiedsapp.domain import Assignment, Role

    with world.team.laptop("bea").unit_of_work("bea") as session:
        session.add(
            Assignment(
                member_id=world.members[who], area_id=area_id,
                role=Role.OPBOUWWERKER, start_date=date(2024, 1, 1),
            )
        )  # fmt: skip
    world.sync("bea")


def beerta_signal(database: Database, who: str, text_: str) -> Any:
    """A new signal in Beerta (zwerfvuil, by telephone, 20 November 2026); its id."""
    with database.unit_of_work(who) as session:
        signal = signals.create_signal(
            session,
            SignalInput(
                area_id=BEERTA, description=text_, source=SignalSource.TELEFOON,
                reported_on=date(2026, 11, 20), category_id=ZWERFVUIL,
            ),
            today=date(2026, 11, 20),
        )  # fmt: skip
        return signal.id
