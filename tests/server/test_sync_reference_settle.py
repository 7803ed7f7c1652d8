"""A team member's reference rows are settled without holding the laptop's file across a
server query (issue 16, docs/sync-design.md "Reference data on a team member's laptop"): the
server is read first, then one local transaction compares and writes. A server slow to
answer (here held back by a real lock on one of its tables) never makes a save in the
window fail with "database is locked". Against a real PostgreSQL server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from gebiedsapp.domain import Theme
from gebiedsapp.services import server as rights
from gebiedsapp.storage.database import BUSY_TIMEOUT_MS, Database
from support.sync_world import EENZAAMHEID, TEAM_PASSWORD, RightsWorld, make_team


@pytest.fixture
def early(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[RightsWorld]:
    """The server set up and anna's login made; anna's laptop has the reference data of its
    own load waiting, as every laptop has before its first sync."""
    for team in make_team(tmp_path, migrated_template, pg_url):
        assert team.server is not None
        login = f"{make_url(pg_url).database}_anna"
        rights.set_up(team.server)
        rights.add_user(team.server, account=login, role="opbouwwerker", password=TEAM_PASSWORD)
        yield RightsWorld(team, {"anna": login}, {})


def _save(database: Database, statement: str, parameters: tuple[Any, ...]) -> str:
    """A save as the window makes it, without waiting for the file: 'opgeslagen' or
    'database is locked'."""
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA busy_timeout = 0")
        try:
            connection.exec_driver_sql(statement, parameters)
            connection.commit()
            return "opgeslagen"
        except OperationalError:
            connection.rollback()
            return "database is locked"
        finally:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _sync_while_the_server_holds(
    world: RightsWorld, table: str, meanwhile: Callable[[], None]
) -> Any:
    """Anna's sync, while the server holds `table` locked: once her sync waits for it,
    `meanwhile` runs, then the server lets go. The sync's result."""
    owner = create_engine(world.team.server_url)
    outcome: dict[str, Any] = {}

    def sync_now() -> None:
        try:
            outcome["result"] = world.sync("anna", clean=False)
        except Exception as exc:  # handed to the test's thread
            outcome["error"] = exc

    waiting = text(
        "SELECT count(*) FROM pg_stat_activity WHERE usename = :login "
        "AND wait_event_type = 'Lock' AND query ILIKE :table"
    )
    try:
        with owner.connect() as holder, owner.connect() as watcher:
            holder.exec_driver_sql(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")  # held
            running = threading.Thread(target=sync_now)
            running.start()
            deadline = time.monotonic() + 120  # a guard against hanging, not a measurement
            asked = {"login": world.logins["anna"], "table": f"%{table}%"}
            while not watcher.execute(waiting, asked).scalar():
                watcher.rollback()
                assert running.is_alive(), outcome
                assert time.monotonic() < deadline, f"the sync never asked for {table}"
                time.sleep(0.02)
            meanwhile()
            holder.rollback()  # the server answers
            running.join()
    finally:
        owner.dispose()
    assert "error" not in outcome, outcome
    return outcome["result"]


def test_a_save_goes_through_while_the_server_is_slow_to_answer_the_settling(
    early: RightsWorld,
) -> None:
    anna = early.team.laptop("anna")
    saves: list[str] = []

    result = _sync_while_the_server_holds(
        early,
        "theme",
        lambda: saves.append(
            _save(
                anna, "UPDATE theme SET name = 'Eenzaam en stil' WHERE id = ?", (EENZAAMHEID.hex,)
            )
        ),
    )

    assert saves == ["opgeslagen"]
    assert (result.refused, result.reference_replaced) == (0, 1)
    with anna.read_session() as session:  # compared in the same run: replaced, and said
        assert session.get(Theme, EENZAAMHEID).name == "Eenzaamheid"  # type: ignore[union-attr]


def test_a_reference_row_saved_during_the_server_read_is_asked_about_too(
    early: RightsWorld,
) -> None:
    """A theme saved after the server was asked about the waiting rows: the settling asks
    about it as well (and replaces it, said), instead of holding it back unasked."""
    anna = early.team.laptop("anna")
    early.sync("anna", clean=False)  # her own load settled: nothing waits
    with anna.read_session() as session:
        other = session.scalars(select(Theme.id).where(Theme.id != EENZAAMHEID)).first()
    assert other is not None
    _save(anna, "UPDATE theme SET name = 'Eenzaam' WHERE id = ?", (EENZAAMHEID.hex,))
    saves: list[str] = []

    result = _sync_while_the_server_holds(
        early,
        "theme",  # the server is asked about Eenzaamheid only; the other theme is new
        lambda: saves.append(
            _save(anna, "UPDATE theme SET name = 'Iets anders' WHERE id = ?", (other.hex,))
        ),
    )

    assert saves == ["opgeslagen"]
    assert (result.refused, result.reference_replaced, result.reference_held) == (0, 2, 0)
    with anna.read_session() as session:
        assert session.get(Theme, other).name != "Iets anders"  # type: ignore[union-attr]
        assert session.get(Theme, EENZAAMHEID).name == "Eenzaamheid"  # type: ignore[union-attr]
