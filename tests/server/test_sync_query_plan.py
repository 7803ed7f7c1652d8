"""A pull's query, run as a team member (row-level security on), finds each data row through
its table's primary key (issue 16, benchmarks). With sync_row's key cast inside the join,
PostgreSQL could not use that index under row-level security (the cast is not leakproof) and
compared every pair of rows: four seconds for a batch of 2,000 conversations. No timing here:
the plan itself shows it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from gebiedsapp.domain import Assignment, Role, TeamMember, reference_id
from gebiedsapp.services import server as rights
from gebiedsapp.storage.repositories import sync_server
from gebiedsapp.storage.sync_tables import by_name

sync_world: Any = pytest.importorskip("support.sync_world")

PASSWORD = "een-lang-wachtwoord-16"


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Any]:
    yield from sync_world.make_team(tmp_path, migrated_template, pg_url)


def _scans(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _scans(child)


def test_a_pull_as_a_team_member_finds_the_data_rows_by_their_key(team: Any, pg_url: str) -> None:
    url = make_url(pg_url)
    login = f"{url.database}_anna"
    rights.set_up(team.server)
    rights.add_user(team.server, account=login, role="opbouwwerker", password=PASSWORD)
    with team.server.unit_of_work("it") as session:
        member = TeamMember(name="anna", account=login, active=True)
        session.add(member)
        session.flush()
        session.add(
            Assignment(
                member_id=member.id,
                area_id=reference_id("area", "beerta"),
                role=Role.OPBOUWWERKER,
                start_date=date(2024, 1, 1),
            )
        )
    table = by_name()["conversation"]
    query = sync_server.changes_query(
        table, [c.name for c in table.table.columns], after=0, limit=2000
    )
    engine = create_engine(url.set(username=login, password=PASSWORD))
    try:
        with engine.connect() as connection:
            sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
            connection.exec_driver_sql("SET enable_seqscan = off")  # an index when it can
            plan = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {sql}").scalar()
    finally:
        engine.dispose()
    nodes = list(_scans((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]))
    reads = [n for n in nodes if n.get("Relation Name") == "conversation"]
    assert reads, nodes
    assert all("id =" in n.get("Index Cond", "") for n in reads), reads
