"""Privacy travels (issue 16): an erasure on one laptop removes the resident from the server
and every other laptop at their next sync, leaves their words in no page of the other
laptop's file, and an older local copy is never pushed back; retention's anonymisation wins
over an older copy of the personal fields on either side."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from gebiedsapp.domain import Conversation, Resident
from gebiedsapp.services import erasure, retention
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.storage.database import Database
from support.dbfile import key_of
from support.pages import readable
from support.people import BEERTA, EMAIL, NAME, PHONE, Person
from support.sync_world import Team, content, differences, make_team, record_round

TRACES = (NAME, PHONE, EMAIL, "Bewonersma", "0612345678")


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def traces_in(database: Database) -> list[str]:
    path = database.file
    assert path is not None
    pages = readable(path, key_of(path))
    return [t for t in TRACES if t.encode() in pages]


def converged(team: Team) -> None:
    assert team.server is not None
    for name, database in team.laptops.items():
        assert differences(database, team.server) == [], name


def test_an_erasure_on_one_laptop_reaches_the_server_and_the_others(team: Team) -> None:
    person = Person(team.laptop("anna"))
    team.sync("anna")
    team.sync("bert")
    assert traces_in(team.laptop("bert"))  # bert has them, as the team does
    # meanwhile, offline, bert corrects the phone number and adds to the conversation
    with team.laptop("bert").unit_of_work("bert") as session:
        resident = session.get(Resident, person.resident)
        assert resident is not None
        resident.phone = "06-99 88 77 66"
        conversation = session.get(Conversation, person.conversation)
        assert conversation is not None
        conversation.quote = "Het is hier nog steeds donker"

    erasure.prepare(team.laptop("anna"))
    with team.laptop("anna").unit_of_work("anna") as session:
        erasure.erase_person(session, person.resident)
    erasure.purge(team.laptop("anna"))
    team.sync("anna")
    team.sync("bert")
    team.sync("anna")

    assert team.server is not None
    for database in (team.server, *team.laptops.values()):
        rows = content(database)
        assert person.resident.hex not in rows["resident"]
        assert rows["conversation"][person.conversation.hex]["resident_id"] is None
    with team.laptop("anna").read_session() as session:
        conversation = session.get(Conversation, person.conversation)
        assert conversation is not None
        assert conversation.quote == "Het is hier nog steeds donker"  # bert's edit kept
    assert traces_in(team.laptop("bert")) == []  # nor in any page of bert's file
    assert traces_in(team.laptop("anna")) == []
    assert b"06-99 88 77 66" not in readable(
        team.laptop("bert").file,
        key_of(team.laptop("bert").file),  # type: ignore[arg-type]
    )
    converged(team)


def test_anonymisation_wins_over_an_older_copy_of_the_details(team: Team) -> None:
    with team.laptop("anna").unit_of_work("anna") as session:
        resident = register_resident(
            session,
            ResidentInput(
                name="Klaasje Oud", phone="0598 765 432", wants_contact=True, consent=True
            ),
            area_id=BEERTA,
            today=date(2024, 1, 1),
        )
        assert resident is not None
        resident_id = resident.id
    team.sync("anna")
    team.sync("bert")
    with team.laptop("bert").unit_of_work("bert") as session:  # an edit, offline
        found = session.get(Resident, resident_id)
        assert found is not None
        found.phone = "0598 111 222"
    with team.laptop("anna").unit_of_work("anna") as session:
        done = retention.apply(session, today=date(2030, 1, 1))
        assert resident_id in {r.resident_id for r in done.residents}

    team.sync("anna")
    result = team.sync("bert")
    team.sync("anna")

    assert result.conflicts == 0
    assert team.server is not None
    for database in (team.server, *team.laptops.values()):
        with database.read_session() as session:
            found = session.get(Resident, resident_id)
            assert found is not None
            assert (found.name, found.phone, found.email) == ("", "", "")
            assert found.anonymised_at is not None
    converged(team)


def test_a_record_linked_elsewhere_to_an_erased_resident_loses_the_link(team: Team) -> None:
    person = Person(team.laptop("anna"))
    team.sync("anna")
    team.sync("bert")
    record_round(team, "bert", "Later gesprek met dezelfde bewoner")
    with team.laptop("bert").unit_of_work("bert") as session:
        later = session.scalars(
            select(Conversation).where(Conversation.summary == "Later gesprek met dezelfde bewoner")
        ).one()
        later.resident_id = person.resident
    team.sync("bert")  # anna has not seen this one when she erases

    erasure.prepare(team.laptop("anna"))
    with team.laptop("anna").unit_of_work("anna") as session:
        erasure.erase_person(session, person.resident)
    erasure.purge(team.laptop("anna"))
    team.sync("anna")
    team.sync("bert")

    assert team.server is not None
    for database in (team.server, *team.laptops.values()):
        rows = content(database)
        assert person.resident.hex not in rows["resident"]
        assert rows["conversation"][later.id.hex]["resident_id"] is None
    converged(team)
