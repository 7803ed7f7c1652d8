"""The server's move log is pruned (issue 16, docs/sync-design.md "Records that move away"):
lines older than the horizon go when a row moves, and a laptop that did not sync for that
long still lets go of what moved away meanwhile (it checks every row it holds once), while
a laptop that kept up reads the log as before. Against a real PostgreSQL server with the
rights IT sets up."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from gebiedsapp.domain import Role, Signal, reference_id
from gebiedsapp.storage.database import Database
from support.sync_world import (
    BEERTA,
    RightsWorld,
    also_assign,
    beerta_signal,
    make_team,
    with_rights,
)

WINSCHOTEN = reference_id("area", "winschoten")
ROLES = {
    "bea": ("beheerder", None, None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),  # Beerta only, long offline
    "bob": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),  # Beerta only, keeps up
    "wim": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),  # Beerta and (below) Winschoten
}
MOVES = "gebiedsapp.services.sync.moved"


@pytest.fixture
def world(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[RightsWorld]:
    for team in make_team(tmp_path, migrated_template, pg_url):
        world = with_rights(team, ROLES)
        also_assign(world, "wim", WINSCHOTEN)
        yield world


def _move(database: Database, who: str, signal_id: uuid.UUID) -> None:
    with database.unit_of_work(who) as session:
        row = session.get(Signal, signal_id)
        assert row is not None
        row.area_id = WINSCHOTEN


def _signals(database: Database) -> set[uuid.UUID]:
    with database.read_session() as session:
        return set(session.scalars(select(Signal.id)))


def _server(world: RightsWorld, query: str) -> list[tuple[object, ...]]:
    assert world.team.server is not None
    with world.team.server.engine.begin() as connection:  # the owner, as IT
        result = connection.execute(text(query))
        return [tuple(row) for row in result] if result.returns_rows else []


def test_old_move_lines_are_pruned_and_a_laptop_behind_them_still_lets_go(
    world: RightsWorld, caplog: pytest.LogCaptureFixture
) -> None:
    bea, anna, bob, wim = (world.team.laptop(n) for n in ("bea", "anna", "bob", "wim"))
    early = beerta_signal(bea, "bea", "Kapotte lantaarn Oostereinde")
    later = beerta_signal(bea, "bea", "Losliggende stoeptegels")
    stays = beerta_signal(bea, "bea", "Zwerfvuil bij de school")
    for who in ("bea", "anna", "bob", "wim"):
        world.sync(who)
    _move(wim, "wim", early)
    world.sync("wim")
    world.sync("bob")  # bob keeps up: he lets go of it by the log
    assert early not in _signals(bob)
    early_lines = _server(world, f"SELECT seq FROM sync_left WHERE row_key = '{early.hex}'")
    assert early_lines
    # months pass: the log's lines of that move are older than the horizon
    _server(world, "UPDATE sync_left SET at = at - interval '100 days'")
    # anna, offline all that time, makes a new signal of her own
    mine = beerta_signal(anna, "anna", "Bankje kapot bij de kerk")
    _move(wim, "wim", later)  # the next move prunes the old lines
    world.sync("wim")

    assert _server(world, f"SELECT seq FROM sync_left WHERE row_key = '{early.hex}'") == []
    assert _server(world, f"SELECT count(*) FROM sync_left WHERE row_key = '{later.hex}'") == [(1,)]
    [(pruned,)] = _server(world, "SELECT seq FROM sync_left_pruned")
    assert pruned == max(seq for (seq,) in early_lines)

    with caplog.at_level(logging.INFO, logger=MOVES):
        behind = world.sync("anna")

    assert early not in _signals(anna)  # its log line is gone, yet she let go of it
    assert later not in _signals(anna)
    assert {stays, mine} <= _signals(anna)  # her own new signal was sent, not held
    assert behind.pushed >= 1
    assert behind.removed >= 2
    assert "every row held is checked" in caplog.text
    caplog.clear()

    with caplog.at_level(logging.INFO, logger=MOVES):
        kept_up = world.sync("bob")

    assert later not in _signals(bob)  # by the log, as before
    assert {stays, mine} <= _signals(bob)
    assert kept_up.removed >= 1
    assert "every row held is checked" not in caplog.text
    again = world.sync("anna")  # checked once: her cursor is past the pruned lines now
    assert again.removed == 0
    assert "every row held is checked" not in caplog.text


def test_the_owner_prunes_the_log_at_once_and_a_new_laptop_checks_nothing(
    world: RightsWorld, caplog: pytest.LogCaptureFixture
) -> None:
    bea, wim = world.team.laptop("bea"), world.team.laptop("wim")
    moved = beerta_signal(bea, "bea", "Kapotte lantaarn Oostereinde")
    world.sync("bea")
    world.sync("wim")
    _move(wim, "wim", moved)
    world.sync("wim")
    _server(world, "UPDATE sync_left SET at = at - interval '100 days'")

    [(upto,)] = _server(world, "SELECT gebiedsapp_prune_move_log()")

    assert upto is not None
    assert _server(world, "SELECT count(*) FROM sync_left") == [(0,)]
    assert _server(world, "SELECT gebiedsapp_prune_move_log()") == [(None,)]  # nothing due
    with caplog.at_level(logging.INFO, logger=MOVES):
        first = world.sync("anna")  # never synced: holds nothing that could have moved
    assert moved not in _signals(world.team.laptop("anna"))
    assert first.removed == 0
    assert "every row held is checked" not in caplog.text
