"""A sync cancelled by the user (the window's Annuleren, a threading.Event checked between
batches) stops with a Dutch message, keeps what it committed, and a rerun goes on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from gebiedsapp.services import sync
from support.sync_world import Team, differences, make_team, record_round


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def assert_converged(team: Team) -> None:
    assert team.server is not None
    for name, database in team.laptops.items():
        assert differences(database, team.server) == [], name


def test_a_cancelled_sync_keeps_what_it_did_and_a_rerun_goes_on(team: Team) -> None:
    record_round(team, "anna", "Mevrouw mist de bus")
    team.sync("anna")
    record_round(team, "bert", "Meneer wil een bankje")
    cancel = threading.Event()
    seen: list[sync.SyncProgress] = []

    def progress(step: sync.SyncProgress) -> None:
        seen.append(step)
        if step.stage == "ophalen" and step.done == 3:
            cancel.set()  # the user presses Annuleren while it pulls

    with pytest.raises(sync.SyncCancelled) as cancelled:
        team.sync("bert", progress=progress, cancel=cancel)

    assert "afgebroken" in cancelled.value.message
    assert [s.stage for s in seen][:2] == ["verbinden", "ophalen"]
    assert sync.sync_status(team.laptop("bert")).last_synced_at is None
    result = team.sync("bert")
    assert result.pushed > 0
    team.sync("anna")
    assert_converged(team)
