"""One sync at a time per database (issue 16): while the window's sync runs, a `gebiedsapp
sync` on the command line (another process) says in Dutch that a sync is running and changes
nothing; once the first is done, the command syncs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gebiedsapp.services import sync
from support.dbfile import TEST_PASSPHRASE
from support.sync_world import Team, make_team, record_round

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def command_line_sync(team: Team, laptop: str) -> subprocess.CompletedProcess[str]:
    """`gebiedsapp sync` of `laptop`'s database in a process of its own."""
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        "GEBIEDSAPP_PASSPHRASE": TEST_PASSPHRASE,
        "GEBIEDSAPP_TEAMSERVER_PASSWORD": team.password,
        "GEBIEDSAPP_USER": laptop,
    }
    return subprocess.run(
        [
            sys.executable, "-m", "gebiedsapp",
            "--data-dir", str(team.folder / f"cli-{laptop}"),
            "--database", str(team.folder / f"{laptop}.db"),
            "sync", "--server", team.address,
        ],
        env=environment, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_a_second_sync_of_the_same_database_says_one_is_running(team: Team) -> None:
    record_round(team, "anna", "Anna's gesprek")
    during: list[subprocess.CompletedProcess[str]] = []

    def progress(step: sync.SyncProgress) -> None:
        if step.stage == "ophalen" and not during:  # the first sync holds its lock here
            during.append(command_line_sync(team, "anna"))

    first = team.sync("anna", progress=progress)

    (second,) = during
    assert second.returncode == 2, second.stderr[-2000:]
    assert "Er loopt al een synchronisatie van deze database" in second.stderr
    assert first.pushed > 0  # the first did all the work
    assert first.waiting == 0
    after = command_line_sync(team, "anna")  # its turn now
    assert after.returncode == 0, after.stderr[-2000:]
    assert "Gesynchroniseerd: 0 opgehaald, 0 verstuurd" in after.stdout
