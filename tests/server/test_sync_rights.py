"""What the server's rights do to a sync (issue 16): a user connects with their own role;
columns the role may not read (a wethouder: the residents' details) are neither pulled nor
pushed, and a row the server refuses stays waiting on the laptop while the rest goes on.
(The roles and policies themselves are the rights work's; here a role is made by hand.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import update
from sqlalchemy.engine import make_url

from gebiedsapp.domain import Area, Resident
from gebiedsapp.services import sync
from gebiedsapp.services.residents import ResidentInput, register_resident
from support.sync_world import BEERTA, Team, make_team

PERSONAL = ("name", "phone", "email")


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def make_role(team: Team, role: str, *, hide: tuple[str, ...] = (), read_only: str = "") -> str:
    """A login role with every right on the team's tables except: no SELECT on resident's
    `hide` columns, only SELECT on table `read_only`. Its address (password 'geheim')."""
    url = make_url(team.server_url)
    with psycopg.connect(team.server_url, autocommit=True) as c:
        c.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'geheim'")
        c.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
        c.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        if hide:
            c.execute(f"REVOKE SELECT ON resident FROM {role}")
            shown = [
                row[0]
                for row in c.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'resident'"
                )
                if row[0] not in hide
            ]
            c.execute(f"GRANT SELECT ({', '.join(shown)}) ON resident TO {role}")
        if read_only:
            c.execute(f"REVOKE INSERT, UPDATE, DELETE ON {read_only} FROM {role}")
    return f"postgresql://{role}@{url.host}:{url.port}/{url.database}"


def test_a_role_without_the_personal_columns_never_receives_them(team: Team) -> None:
    with team.laptop("anna").unit_of_work("anna") as session:
        resident = register_resident(
            session,
            ResidentInput(
                name="Geertje Bakker", phone="0597 123 456", wants_contact=True, consent=True
            ),
            area_id=BEERTA,
            today=date(2026, 11, 2),
        )
        assert resident is not None
    team.sync("anna")
    address = make_role(team, "wethouder_w", hide=PERSONAL)
    wethouder = team.laptop("willem")

    result = sync.run_sync(wethouder, server_url=address, password="geheim")

    assert result.refused == 0
    with wethouder.read_session() as session:
        found = session.get(Resident, resident.id)
        assert found is not None  # the row, for the links to it, without the details
        assert (found.name, found.phone, found.email) == ("", "", "")
    # and the wethouder's own (empty) copy never overwrites the details on the server
    with wethouder.unit_of_work("willem") as session:
        row = session.get(Resident, resident.id)
        assert row is not None
        row.anonymised_at = None
        row.updated_by = "willem"
    sync.run_sync(wethouder, server_url=address, password="geheim")
    assert team.server is not None
    with team.server.read_session() as session:
        on_server = session.get(Resident, resident.id)
        assert on_server is not None
        assert on_server.name == "Geertje Bakker"


def test_a_refused_row_stays_waiting_and_the_rest_goes_on(team: Team) -> None:
    team.sync("anna")
    address = make_role(team, "opbouw_o", read_only="area")
    with team.laptop("anna").unit_of_work("anna") as session:
        session.execute(update(Area).where(Area.id == BEERTA).values(description="mag niet"))
        resident = register_resident(
            session,
            ResidentInput(name="Klaas", phone="0597 000 111", wants_contact=True, consent=True),
            area_id=BEERTA,
            today=date(2026, 11, 2),
        )
        assert resident is not None

    result = sync.run_sync(team.laptop("anna"), server_url=address, password="geheim")

    assert result.refused == 1
    assert result.pushed >= 2  # the resident and the consent
    status = sync.sync_status(team.laptop("anna"))
    assert status.pending == 1  # the area's change, kept for later
    assert team.server is not None
    with team.server.read_session() as session:
        assert session.get(Resident, resident.id) is not None
        area = session.get(Area, BEERTA)
        assert area is not None
        assert area.description != "mag niet"
