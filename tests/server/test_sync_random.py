"""Random sequences of edits, deletes and syncs on three laptops (Hypothesis, issue 16):
after everyone has synced, every laptop holds what the server holds, and no committed edit
was lost: each one is the value in the end, or kept in a conflict, or was overwritten by a
laptop that had seen it. Few examples: each is a team of its own on the server."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time
from itertools import count
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from gebiedsapp.domain import Area, Conversation, reference_id
from gebiedsapp.services import koffiekar, sync
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from support.pg_server import PostgresServer
from support.sync_world import EENZAAMHEID, Team, content, differences, make_team

LAPTOPS = ("anna", "bert", "carla")
AREAS = (reference_id("area", "beerta"), reference_id("area", "nieuwolda"))
_numbers = count(1)


@dataclass
class Start:
    """Three laptops and a server that agreed once, to copy for each example."""

    folder: Path
    database: str  # the server's template database
    round_id: uuid.UUID


@pytest.fixture(scope="module")
def start(
    pg_server: PostgresServer, migrated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Start:
    folder = tmp_path_factory.mktemp("sync-start")
    name = f"sync_start_{next(_numbers)}_{uuid.uuid4().hex[:6]}"
    url = pg_server.create_database(name)
    for team in make_team(folder, migrated_template, url):
        with team.laptop("anna").unit_of_work("anna") as session:
            round_id = koffiekar.start_session(
                session, SessionInput(area_id=AREAS[0], day=date(2026, 11, 2), start_time=time(9))
            ).id
        for laptop in (*LAPTOPS, "anna"):
            team.sync(laptop)
    return Start(folder=folder, database=name, round_id=round_id)


def copy_team(start: Start, pg_server: PostgresServer, folder: Path) -> Iterator[Team]:
    name = f"sync_example_{next(_numbers)}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(pg_server.url(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{start.database}"')
    folder.mkdir()
    for laptop in LAPTOPS:
        for suffix in ("", "-wal"):
            source = start.folder / f"{laptop}.db{suffix}"
            if source.exists():
                shutil.copyfile(source, folder / source.name)
    yield from make_team(folder, start.folder / "anna.db", pg_server.url(name))


@dataclass
class Edit:
    laptop: str
    target: tuple[str, str, str]  # table, row_key, field
    value: Any


@dataclass
class Ledger:
    """Who has seen which edits: a laptop its own and what the server had at its syncs."""

    edits: list[Edit] = field(default_factory=list)
    seen: dict[str, set[int]] = field(default_factory=lambda: {n: set() for n in LAPTOPS})
    on_server: set[int] = field(default_factory=set)
    overwritten: set[int] = field(default_factory=set)

    def edit(self, laptop: str, target: tuple[str, str, str], value: Any) -> None:
        self.overwritten |= {i for i in self.seen[laptop] if self.edits[i].target == target}
        self.edits.append(Edit(laptop, target, value))
        self.seen[laptop].add(len(self.edits) - 1)

    def synced(self, laptop: str) -> None:
        self.seen[laptop] |= self.on_server
        self.on_server |= self.seen[laptop]


operations = st.lists(
    st.one_of(
        st.tuples(st.just("describe"), st.sampled_from(LAPTOPS), st.integers(0, 1)),
        st.tuples(st.just("order"), st.sampled_from(LAPTOPS), st.integers(0, 1)),
        st.tuples(st.just("record"), st.sampled_from(LAPTOPS), st.just(0)),
        st.tuples(st.just("summary"), st.sampled_from(LAPTOPS), st.integers(0, 3)),
        st.tuples(st.just("delete"), st.sampled_from(LAPTOPS), st.integers(0, 3)),
        st.tuples(st.just("sync"), st.sampled_from(LAPTOPS), st.just(0)),
    ),
    min_size=3,
    max_size=9,
)


def apply(team: Team, start: Start, ledger: Ledger, step: tuple[str, str, int]) -> None:
    kind, laptop, index = step
    value = f"{laptop}-{len(ledger.edits)}"
    if kind == "sync":
        team.sync(laptop)
        ledger.synced(laptop)
        return
    with team.laptop(laptop).unit_of_work(laptop) as session:
        if kind in ("describe", "order"):
            column = "description" if kind == "describe" else "sort_order"
            written: Any = value if kind == "describe" else len(ledger.edits) + 100
            session.execute(update(Area).where(Area.id == AREAS[index]).values({column: written}))
            ledger.edit(laptop, ("area", AREAS[index].hex, column), written)
            return
        if kind == "record":
            recorded = koffiekar.record_conversation(
                session,
                session_id=start.round_id,
                data=ConversationInput(summary=value, theme_ids=[EENZAAMHEID]),
            )
            ledger.edit(laptop, ("conversation", recorded.id.hex, "summary"), value)
            return
        known = sorted(session.query(Conversation).all(), key=lambda c: c.created_at)
        if not known:
            return
        conversation = known[index % len(known)]
        if kind == "summary":
            conversation.summary = value
            ledger.edit(laptop, ("conversation", conversation.id.hex, "summary"), value)
        elif conversation.deleted_at is None:
            conversation.soft_delete()
            ledger.edit(laptop, ("conversation", conversation.id.hex, "deleted_at"), "deleted")


def everyone_syncs(team: Team, ledger: Ledger) -> None:
    for _pass in range(4):
        moved = 0
        for laptop in LAPTOPS:
            result = team.sync(laptop)
            ledger.synced(laptop)
            moved += result.pulled + result.pushed
        if not moved:
            return
    raise AssertionError("still moving after four rounds of everyone syncing")


def kept(edit: Edit, final: dict[str, Any], conflicts: list[sync.ConflictView]) -> bool:
    table, key, column = edit.target
    now = final[table][key][column]
    if column == "deleted_at":
        if now is not None:
            return True
    elif now == edit.value:
        return True
    for conflict in conflicts:
        if (conflict.table_name, conflict.row_key) != (table, key) or column not in conflict.fields:
            continue
        for side in (conflict.local_values, conflict.server_values):
            if column == "deleted_at" and side[column] is not None:
                return True
            if side[column] == edit.value:
                return True
    return False


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=operations)
# the classic clashes, whatever the random draw: the same field on two laptops, an edit
# against a delete, a record made, changed elsewhere and changed here
@example(steps=[("describe", "anna", 0), ("describe", "bert", 0), ("sync", "anna", 0)])
@example(
    steps=[
        ("record", "anna", 0),
        ("sync", "anna", 0),
        ("sync", "carla", 0),
        ("delete", "anna", 0),
        ("summary", "carla", 1),
        ("order", "carla", 1),
        ("sync", "anna", 0),
    ]
)
def test_random_edits_and_syncs_converge_and_lose_nothing(
    steps: list[tuple[str, str, int]], start: Start, pg_server: PostgresServer, tmp_path: Path
) -> None:
    for team in copy_team(start, pg_server, tmp_path / f"example-{next(_numbers)}"):
        ledger = Ledger()
        for step in steps:
            apply(team, start, ledger, step)
        everyone_syncs(team, ledger)

        assert team.server is not None
        for laptop in LAPTOPS:
            assert differences(team.laptop(laptop), team.server) == [], laptop
        final = content(team.server)
        with team.server.read_session() as session:
            conflicts = sync.list_conflicts(session, include_resolved=True)
        lost = [
            e
            for i, e in enumerate(ledger.edits)
            if i not in ledger.overwritten and not kept(e, final, conflicts)
        ]
        assert lost == []
