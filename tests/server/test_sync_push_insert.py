"""A push's cheaper paths on the server (docs/sync-design.md, "Push"), with no right weakened:
new rows of a table whose INSERT policy implies its SELECT policy go as a plain insert (the
SELECT policy's check of each new row was half a team member's insert); a row that was there
after all is written over as before; rows of an area that is not the user's are refused
with nothing written. The history wake-up trigger finds the history that waits for its
record through a partial index, made by `server setup` and by `db upgrade` alike."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import event, func, insert, select, update
from sqlalchemy.engine import Engine

from gebiedsapp.domain import Conversation, KoffiekarSession, Role, reference_id
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import koffiekar, sync
from gebiedsapp.services import server as rights
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import alembic_config, upgrade
from gebiedsapp.storage.server_functions import WAITING_HISTORY_WHERE
from support.rights_world import build_world
from support.sync_world import (
    BEERTA,
    EENZAAMHEID,
    RightsWorld,
    Team,
    differences,
    make_team,
    with_rights,
)

WINSCHOTEN = reference_id("area", "winschoten")
ROLES = {
    "bea": ("beheerder", None, None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
}


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def _round(database: Database, who: str, *, area: uuid.UUID, count: int) -> uuid.UUID:
    """A koffiekar round in `area` with `count` conversations; the round's id."""
    with database.unit_of_work(who) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=area, day=date(2026, 11, 23), start_time=time(9), place=who),
        )
        for index in range(count):
            koffiekar.record_conversation(
                session,
                session_id=round_.id,
                data=ConversationInput(summary=f"Gesprek {index}", theme_ids=[EENZAAMHEID]),
                today=date(2026, 11, 23),
            )
        return round_.id


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """The SQL every engine sends meanwhile (the push's own engine is made by the run)."""
    seen: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", keep)


def _conversation_writes(statements: list[str]) -> list[str]:
    """The push's writes of conversations (one statement per batch)."""
    return [s for s in statements if s.startswith("INSERT INTO conversation ")]


def test_new_rows_go_as_a_plain_insert_and_another_areas_are_still_refused(
    team: Team, statements: list[str]
) -> None:
    world: RightsWorld = with_rights(team, ROLES)
    world.sync("anna")
    anna = team.laptop("anna")
    _round(anna, "anna", area=BEERTA, count=3)
    statements.clear()

    result = world.sync("anna")

    writes = _conversation_writes(statements)
    assert writes
    assert all(s.endswith("ON CONFLICT DO NOTHING") for s in writes), writes
    assert result.pushed >= 4
    # Winschoten is not Anna's: her new round there and its conversations are refused, as
    # new rows (the plain insert) and row by row after; nothing of them is written
    theirs = _round(anna, "anna", area=WINSCHOTEN, count=2)
    result = world.sync("anna", clean=False)
    assert result.refused >= 1
    assert sync.sync_status(anna).pending >= 3
    assert team.server is not None
    with team.server.read_session() as session:
        assert session.get(KoffiekarSession, theirs) is None
        found = session.scalar(
            select(func.count()).select_from(Conversation).where(Conversation.session_id == theirs)
        )
        assert found == 0


def test_a_new_row_already_on_the_server_is_written_over_as_before(
    team: Team, statements: list[str]
) -> None:
    """A row with no sync_row may be on the server all the same (written there by hand, or
    the reference data `db upgrade` loads): the plain insert leaves it, so the push writes
    them all again as the upsert it always was."""
    team.sync("anna")
    anna = team.laptop("anna")
    round_id = _round(anna, "anna", area=BEERTA, count=2)
    assert team.server is not None
    with anna.engine.connect() as here, team.server.engine.begin() as there:
        for model in (KoffiekarSession, Conversation):
            table = model.__table__
            column = table.c.id if model is KoffiekarSession else table.c.session_id
            rows = [dict(r._mapping) for r in here.execute(select(table).where(column == round_id))]
            there.execute(insert(table), rows)
        there.execute(update(Conversation).values(summary="op de server gezet"))
    statements.clear()

    result = team.sync("anna")

    assert (result.refused, result.conflicts, result.waiting) == (0, 0, 0)
    assert any(s.endswith("ON CONFLICT DO NOTHING") for s in _conversation_writes(statements))
    with team.server.read_session() as session:
        summaries = set(session.scalars(select(Conversation.summary)))
    assert summaries == {"Gesprek 0", "Gesprek 1"}
    assert differences(anna, team.server) == []


def test_waiting_history_has_its_partial_index_after_setup_and_after_an_upgrade(
    pg_url: str, app_paths: AppPaths, tmp_path: Path
) -> None:
    """The wake-up trigger asks first whether any history waits for its record (mostly
    none): that index comes with `server setup` (IT runs it after every update) and with a
    `db upgrade` that migrates a server whose rights are set up."""
    build_world(pg_url, app_paths, tmp_path / "data")
    query = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_sync_row_waiting_history'"
    database = Database.connect(pg_url)
    try:
        for again in ("setup", "upgrade"):
            with psycopg.connect(pg_url) as owner:
                found = owner.execute(query).fetchall()
                assert len(found) == 1, again
                assert "WHERE" in found[0][0]
                assert "record_version" in found[0][0]
                owner.execute("DROP INDEX ix_sync_row_waiting_history")
            if again == "setup":
                rights.set_up(database)
            else:
                with database.engine.begin() as connection:
                    config = alembic_config()
                    config.attributes["connection"] = connection
                    command.downgrade(config, "0016")
                upgrade(database.engine, backup_dir=None)
    finally:
        database.dispose()
    with psycopg.connect(pg_url, autocommit=True) as owner:
        assert len(owner.execute(query).fetchall()) == 1
        owner.execute("SET enable_seqscan = off")
        plan = owner.execute(f"EXPLAIN SELECT 1 FROM sync_row h WHERE {WAITING_HISTORY_WHERE}")
        assert "ix_sync_row_waiting_history" in " ".join(row[0] for row in plan.fetchall())


def test_a_push_writes_every_kind_of_value_as_the_laptop_holds_it(team: Team) -> None:
    """A batch's columns with one value in every row (its round, authors, stamps, empty
    fields) go as one parameter, the others as arrays: the server holds exactly what the
    laptop does, for every kind of column of the demo data."""
    from gebiedsapp.services import demo

    anna = team.laptop("anna")
    with anna.unit_of_work("anna") as session:
        demo.generate(session, size="small", seed=1, account="anna")
    _round(anna, "anna", area=BEERTA, count=5)
    result = team.sync("anna")
    assert (result.refused, result.waiting) == (0, 0)
    assert team.server is not None
    assert differences(anna, team.server) == []
