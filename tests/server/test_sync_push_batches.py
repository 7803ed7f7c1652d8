"""A push in several server transactions (services.sync.push): the laptop's side of each
confirmed batch (base, outbox) is written after the server's commit. Every batch is confirmed
before the push returns, and a failure there stops the push and surfaces; a rerun converges
with nothing lost or duplicated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from gebiedsapp.domain import Conversation
from gebiedsapp.services.sync import push
from gebiedsapp.storage.repositories import sync_local
from gebiedsapp.storage.sync_tracking import sync_base, sync_outbox, sync_row
from support.sync_world import Team, differences, make_team, record_round


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def _record(team: Team, count: int) -> None:
    for index in range(count):
        record_round(team, "anna", f"Gesprek {index}: de bus rijdt niet meer")


def test_every_batch_of_a_push_is_confirmed_before_it_returns(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.sync("anna")
    _record(team, 4)
    monkeypatch.setattr(push, "PUSH_BATCH", 2)

    result = team.sync("anna")

    assert (result.waiting, result.refused, result.conflicts) == (0, 0, 0)
    assert result.pushed > 8  # rounds, conversations, themes, signals, history: many batches
    assert team.server is not None
    with team.server.engine.connect() as connection:
        query = select(sync_row.c.row_key, sync_row.c.version)
        versions = {row[0]: row[1] for row in connection.execute(query)}
    with team.laptop("anna").engine.connect() as connection:
        query = select(sync_base.c.row_key, sync_base.c.server_version)
        bases = {row[0]: row[1] for row in connection.execute(query)}
        assert connection.scalar(select(func.count()).select_from(sync_outbox)) == 0
    assert bases == {key: versions[key] for key in bases}
    assert set(versions) <= set(bases)
    again = team.sync("anna")
    assert (again.pulled, again.pushed, again.waiting) == (0, 0, 0)
    assert differences(team.laptop("anna"), team.server) == []


def test_a_failure_on_the_laptop_side_stops_the_push_and_a_rerun_converges(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.sync("anna")
    _record(team, 4)
    monkeypatch.setattr(push, "PUSH_BATCH", 2)
    calls: list[str] = []
    clear = sync_local.clear_confirmed

    def failing(connection: Any, table: str, ticks: Any) -> None:
        calls.append(table)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        clear(connection, table, ticks)

    monkeypatch.setattr(sync_local, "clear_confirmed", failing)

    with pytest.raises(RuntimeError, match="disk full"):
        team.sync("anna")

    assert len(calls) == 2  # the push stopped at the failed batch
    monkeypatch.setattr(sync_local, "clear_confirmed", clear)
    rerun = team.sync("anna")
    assert (rerun.waiting, rerun.conflicts, rerun.refused) == (0, 0, 0)
    assert team.server is not None
    assert differences(team.laptop("anna"), team.server) == []
    with team.server.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Conversation)) == 4


def test_a_push_runs_without_the_cyclic_collector_and_turns_it_on_again(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A push's batch set off a full collection of the heap (0.1 s of 10,000 rows, nothing
    to collect): the collector is off while it runs (as during a pull), on again after, also
    after a failure."""
    import gc

    # The collector may have been left off by an earlier test in this worker (the window's
    # tests run with it off): this test is about a caller that has it on.
    was_on = gc.isenabled()
    gc.enable()
    team.sync("anna")
    _record(team, 2)
    seen: list[tuple[str, bool]] = []
    team.sync("anna", progress=lambda p: seen.append((p.stage, gc.isenabled())))

    assert {on for stage, on in seen if stage == "versturen"} == {False}
    assert seen[-1] == ("klaar", True)
    assert gc.isenabled()

    _record(team, 2)
    clear = sync_local.clear_confirmed

    def failing(connection: Any, table: str, ticks: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sync_local, "clear_confirmed", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        team.sync("anna")
    assert gc.isenabled()
    monkeypatch.setattr(sync_local, "clear_confirmed", clear)
    gc.disable()
    try:
        team.sync("anna")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
        if not was_on:
            gc.disable()
