"""Team sync (issue 16) against a real PostgreSQL server: laptops that edit offline and sync
in different orders converge to the same content as the server, and a second sync moves
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from gebiedsapp.domain import Area, Conversation, reference_id
from gebiedsapp.storage.sync_tracking import sync_push_log, sync_row
from support.sync_world import Team, differences, make_team, record_round

BEERTA = reference_id("area", "beerta")
NIEUWOLDA = reference_id("area", "nieuwolda")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def describe(team: Team, laptop: str, area: object, text: str) -> None:
    with team.laptop(laptop).unit_of_work(laptop) as session:
        session.execute(update(Area).where(Area.id == area).values(description=text))


def assert_converged(team: Team) -> None:
    assert team.server is not None
    for name, database in team.laptops.items():
        assert differences(database, team.server) == [], name


def test_laptops_that_edit_offline_converge_whatever_the_order(team: Team) -> None:
    record_round(team, "anna", "Mevrouw mist de bus")
    record_round(team, "bert", "Meneer wil een bankje")
    record_round(team, "carla", "Jongeren zoeken een plek")
    describe(team, "bert", NIEUWOLDA, "Dorp aan het water")
    describe(team, "carla", BEERTA, "Dorp met een plein")

    first = team.sync("anna")
    assert first.pushed > 0
    assert first.conflicts == 0
    team.sync("carla")
    team.sync("bert")
    team.sync("anna")
    team.sync("carla")

    assert_converged(team)
    with team.laptop("anna").read_session() as session:
        summaries = set(session.scalars(select(Conversation.summary)))
    assert summaries == {"Mevrouw mist de bus", "Meneer wil een bankje", "Jongeren zoeken een plek"}


def test_a_second_sync_moves_nothing(team: Team) -> None:
    record_round(team, "anna", "Mevrouw mist de bus")
    team.sync("anna")
    team.sync("bert")

    assert team.server is not None
    with team.server.engine.connect() as connection:
        pushes = connection.execute(select(sync_push_log.c.pushed_by)).scalars().all()
        who = set(connection.execute(select(sync_row.c.pushed_by)).scalars())
    assert pushes  # one row per push transaction, by the connected role
    assert who == set(pushes) == {"gebiedsapp"}

    again = team.sync("anna")
    other = team.sync("bert")

    assert (again.pulled, again.pushed, again.conflicts, again.waiting) == (0, 0, 0, 0)
    assert (other.pulled, other.pushed, other.conflicts, other.waiting) == (0, 0, 0, 0)
    with team.server.engine.connect() as connection:  # and no push was logged
        assert len(connection.execute(select(sync_push_log.c.id)).all()) == len(pushes)
    assert_converged(team)


def test_changes_that_travelled_by_file_reach_the_server_once(team: Team, tmp_path: Path) -> None:
    """Anna never reaches the server: her round goes to Bert by an exchange file, Bert syncs;
    when Anna syncs at last, her own copy of the same changes duplicates nothing."""
    from gebiedsapp.services.sync import exchange

    team.sync("anna")  # both laptops start from the server's picture
    team.sync("bert")
    record_round(team, "anna", "Mevrouw mist de bus")
    describe(team, "anna", NIEUWOLDA, "Dorp aan het water")
    file = exchange.export_changes(
        team.laptop("anna"), tmp_path / "anna.gbu", "vier woorden wachtwoord", actor="anna"
    ).path
    exchange.import_changes(team.laptop("bert"), file, "vier woorden wachtwoord", actor="bert")
    team.sync("bert")

    result = team.sync("anna")

    assert result.conflicts == 0
    assert_converged(team)
    assert team.server is not None
    with team.server.read_session() as session:
        summaries = list(session.scalars(select(Conversation.summary)))
    assert summaries.count("Mevrouw mist de bus") == 1
