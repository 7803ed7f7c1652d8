"""The server's rights with the real sync engine (issue 16): each laptop syncs as its user's
own role, made with `server user add`, against rights made with `server setup`. An
opbouwwerker of Beerta sends and receives Beerta's work, the wethouder receives it without
residents' details, a regisseur of Winschoten receives none of it, and an erasure by the
beheerder reaches the laptops that held the resident. Nothing is refused on the way.

(Runs where the sync engine is: services.sync and tests/support/sync_world.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from gebiedsapp.domain import Assignment, Conversation, Resident, Role, TeamMember, reference_id
from gebiedsapp.services import erasure, koffiekar
from gebiedsapp.services import server as rights
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput

sync: Any = pytest.importorskip("gebiedsapp.services.sync")
sync_world: Any = pytest.importorskip("support.sync_world")

BEERTA = reference_id("area", "beerta")
WINSCHOTEN = reference_id("area", "winschoten")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
PASSWORD = "een-lang-wachtwoord-16"
ROLES = {
    "bea": ("beheerder", None, None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
    "willem": ("gebiedswethouder", Role.GEBIEDSWETHOUDER, BEERTA),
    "rob": ("gebiedsregisseur", Role.GEBIEDSREGISSEUR, WINSCHOTEN),
}


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Any]:
    yield from sync_world.make_team(tmp_path, migrated_template, pg_url)


def test_each_role_syncs_what_it_may_and_nothing_is_refused(team: Any, pg_url: str) -> None:
    prefix = make_url(pg_url).database
    logins = {who: f"{prefix}_{who}" for who in ROLES}
    rights.set_up(team.server)
    for who, (role, _assigned, _area) in ROLES.items():
        rights.add_user(team.server, account=logins[who], role=role, password=PASSWORD)
    server = make_url(pg_url)

    def run(who: str) -> Any:
        address = f"postgresql://{logins[who]}@{server.host}:{server.port}/{server.database}"
        result = sync.run_sync(team.laptop(who), server_url=address, password=PASSWORD)
        assert (result.refused, result.waiting) == (0, 0), who
        return result

    # the beheerder's laptop brings the team and its assignments
    with team.laptop("bea").unit_of_work("bea") as session:
        for who, (_role, assigned, area) in ROLES.items():
            member = TeamMember(name=who, account=logins[who], active=True, beheerder=who == "bea")
            session.add(member)
            session.flush()
            if assigned is not None:
                session.add(
                    Assignment(
                        member_id=member.id,
                        area_id=area,
                        role=assigned,
                        start_date=date(2024, 1, 1),
                    )
                )
    run("bea")

    # the opbouwwerker records a conversation with a resident, corrects it, syncs
    with team.laptop("anna").unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 25), start_time=time(9), place="Kerk"),
        )
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                summary="Wil een bankje bij de bushalte",
                theme_ids=[EENZAAMHEID],
                resident=ResidentInput(
                    name="Hendrik Mulder", phone="0597 999 888", wants_contact=True, consent=True
                ),
            ),
            today=date(2026, 11, 25),
        )
    with team.laptop("anna").unit_of_work("anna") as session:
        koffiekar.edit_conversation(
            session,
            recorded.id,
            ConversationInput(
                summary="Wil een bankje bij de bushalte, en een afdak", theme_ids=[EENZAAMHEID]
            ),
        )
    assert run("anna").pushed > 0

    run("willem")
    with team.laptop("willem").read_session() as session:
        summaries = session.scalars(select(Conversation.summary)).all()
        residents = [(r.name, r.phone) for r in session.scalars(select(Resident))]
    assert summaries == ["Wil een bankje bij de bushalte, en een afdak"]
    assert residents == [("", "")]  # the link, never the details

    run("rob")
    with team.laptop("rob").read_session() as session:
        assert session.scalars(select(Conversation.id)).all() == []
        assert session.scalars(select(Resident.id)).all() == []

    # the beheerder erases the resident; the laptops that held them drop them
    run("bea")
    with team.laptop("bea").read_session() as session:
        resident_id = session.scalar(
            select(Conversation.resident_id).where(Conversation.id == recorded.id)
        )
    assert resident_id is not None
    with team.laptop("bea").unit_of_work(logins["bea"]) as session:
        erasure.erase_person(session, resident_id)
    run("bea")
    for who in ("anna", "willem"):
        run(who)
        with team.laptop(who).read_session() as session:
            assert session.get(Resident, resident_id) is None, who
            assert session.get(Conversation, recorded.id) is not None, who
