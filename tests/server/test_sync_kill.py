"""A `gebiedsapp sync` killed with SIGKILL (issue 16) at a step of the pull or the push (the
crash points in services.sync) and run again converges with the server: nothing committed
is lost, nothing is there twice. A few kills here; many more in the slow test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from gebiedsapp.domain import Conversation, Role, Signal
from gebiedsapp.storage.crash_point import KILL_AT_ENV
from gebiedsapp.storage.sync_tracking import sync_outbox
from support.dbfile import TEST_PASSPHRASE
from support.sync_world import (
    BEERTA,
    TEAM_PASSWORD,
    Team,
    differences,
    make_team,
    record_round,
    with_rights,
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def sync_killed(
    team: Team, laptop: str, step: str, *, address: str | None = None, password: str | None = None
) -> bool:
    """`gebiedsapp sync` of `laptop` in a child that SIGKILLs itself at `step`; whether it
    was killed there (False: it finished without reaching the step). `address`, `password`:
    a member's own login (the owner's by default)."""
    team.laptop(laptop)
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        KILL_AT_ENV: step,
        "GEBIEDSAPP_PASSPHRASE": TEST_PASSPHRASE,
        "GEBIEDSAPP_TEAMSERVER_PASSWORD": password or team.password,
        "GEBIEDSAPP_USER": laptop,
    }
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "gebiedsapp",
            "--data-dir",
            str(team.folder / f"cli-{laptop}"),
            "--database",
            str(team.folder / f"{laptop}.db"),
            "sync",
            "--server",
            address or team.address,
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if child.returncode == 0:
        return False
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    return True


def counts(team: Team, laptop: str) -> tuple[int, int, int]:
    with team.laptop(laptop).engine.connect() as connection:
        return (
            int(connection.scalar(select(func.count()).select_from(Conversation)) or 0),
            int(connection.scalar(select(func.count()).select_from(Signal)) or 0),
            int(connection.scalar(select(func.count()).select_from(sync_outbox)) or 0),
        )


def killed_and_rerun(team: Team, step: str) -> bool:
    record_round(team, "anna", "Anna's gesprek")
    team.sync("anna")
    record_round(team, "bert", "Bert's gesprek")
    killed = sync_killed(team, "bert", step)
    team.sync("bert")
    team.sync("anna")
    assert team.server is not None
    for name in ("anna", "bert"):
        assert differences(team.laptop(name), team.server) == [], name
        assert counts(team, name) == (2, 2, 0)  # both rounds, once; nothing left waiting
    return killed


@pytest.mark.parametrize(
    "step",
    ["sync:pull-written", "sync:pulled#3", "sync:push-written#2", "sync:pushed#4"],
)
def test_a_killed_sync_run_again_converges(team: Team, step: str) -> None:
    assert killed_and_rerun(team, step)


@pytest.mark.parametrize("step", ["sync:push-written#1", "sync:pushed#1"])
def test_a_members_push_killed_and_run_again_converges(team: Team, step: str) -> None:
    """A team member's push (rights set up): its new rows' seq, pusher and stamps are given by
    the statement (storage.server_stamps), not the per-row trigger; killed before or after the
    server's commit and run again, each row is there once, and the other laptop pulls it."""
    world = with_rights(
        team,
        {
            "bea": ("beheerder", None, None),
            "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
        },
    )
    world.sync("anna")
    record_round(team, "anna", "Anna's gesprek")
    assert sync_killed(team, "anna", step, address=world.address("anna"), password=TEAM_PASSWORD)
    world.sync("anna")
    world.sync("bea")
    assert team.server is not None
    with psycopg.connect(team.server_url) as owner:
        given = owner.execute(
            "SELECT count(*), count(DISTINCT seq) FROM sync_row WHERE table_name = 'conversation'"
        ).fetchone()
    assert given == (1, 1)
    for name in ("anna", "bea"):
        assert differences(team.laptop(name), team.server) == [], name
        assert counts(team, name) == (1, 1, 0)


@pytest.mark.slow
def test_killed_at_many_points_in_a_row(team: Team) -> None:
    """One team, killed again and again at other steps and batches: every rerun converges."""
    rounds = 0
    for step in ("sync:pull-written", "sync:pulled", "sync:push-written", "sync:pushed"):
        for time in (1, 2, 5):
            rounds += 1
            record_round(team, "bert", f"Bert {rounds}")
            record_round(team, "anna", f"Anna {rounds}")
            team.sync("anna")
            sync_killed(team, "bert", f"{step}#{time}")
            team.sync("bert")
            team.sync("anna")
            assert team.server is not None
            for name in ("anna", "bert"):
                assert differences(team.laptop(name), team.server) == [], (name, step, time)
                assert counts(team, name) == (2 * rounds, 2 * rounds, 0)
