"""A push sends the area stamps of its rows as the laptop finds them (a table whose area is
its own or its parent's), so the server reads them once, in its statement check, not twice
(docs/sync-design.md, "Push"). The server believes none of it: a stamp that differs from
what it finds refuses the statement, and the push then has the server read them itself, as
for an older laptop; nothing is refused for it and nothing is stamped wrong."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import Engine

from gebiedsapp.domain import Role, reference_id
from gebiedsapp.services import koffiekar, sync
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_stored as stored
from gebiedsapp.storage.sync_tracking import sync_row
from support.sync_world import (
    BEERTA,
    EENZAAMHEID,
    TEAM_PASSWORD,
    Team,
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


def _records(statements: list[str]) -> list[str]:
    return [s for s in statements if s.startswith("INSERT INTO sync_row ")]


def _conversation(database: Database, session_id: uuid.UUID, summary: str) -> None:
    with database.unit_of_work("anna") as session:
        koffiekar.record_conversation(
            session,
            session_id=session_id,
            data=ConversationInput(summary=summary, theme_ids=[EENZAAMHEID]),
            today=date(2026, 11, 23),
        )


def _stamps(team: Team, table: str) -> set[tuple[Any, ...]]:
    assert team.server is not None
    url = team.server.engine.url.set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False)) as owner:
        rows = owner.execute(
            "SELECT area_id, personal FROM sync_row WHERE table_name = %s", (table,)
        )
        return set(rows.fetchall())


def test_the_laptop_sends_its_stamps_and_the_server_reads_them_once(
    team: Team, statements: list[str]
) -> None:
    world = with_rights(team, ROLES)
    world.sync("anna")
    anna = team.laptop("anna")
    with anna.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place="x"),
        )
    for index in range(3):
        _conversation(anna, round_.id, f"Gesprek {index}")
    statements.clear()

    result = world.sync("anna")

    assert result.pushed >= 4
    records = _records(statements)
    assert records
    # the push's own sync_row statements name no read of the stamps: the laptop sent them;
    # all new rows: a plain insert each
    assert not any("gebiedsapp_stamps_of" in s for s in records), records
    assert not any("ON CONFLICT" in s for s in records), records
    assert _stamps(team, "conversation") == {(BEERTA, False)}
    assert _stamps(team, "koffiekar_session") >= {(BEERTA, False)}


def test_stamps_that_differ_from_the_servers_are_read_there_and_nothing_is_refused(
    team: Team, statements: list[str]
) -> None:
    """The laptop believes the round is Winschoten's (its copy says so), the server knows it
    as Beerta's: the laptop's stamps of the round's new conversation are refused, the server
    stamps them itself, and the push takes them all."""
    world = with_rights(team, ROLES)
    world.sync("anna")
    anna = team.laptop("anna")
    with anna.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place="x"),
        )
    world.sync("anna")
    with anna.engine.begin() as connection:  # behind the change tracking's back
        connection.execute(
            text("UPDATE koffiekar_session SET area_id = :area WHERE id = :id"),
            {"area": WINSCHOTEN.hex, "id": round_.id.hex},
        )
        connection.execute(text("DELETE FROM sync_outbox"))
    _conversation(anna, round_.id, "Gesprek op het plein")
    statements.clear()

    result = world.sync("anna")

    # the conversation and its theme's link (its area: the conversation's round's)
    assert (result.pushed, result.refused, result.waiting) == (2, 0, 0)
    assert sync.sync_status(anna).pending == 0
    records = _records(statements)
    # per table first with the laptop's stamps (refused by the server's check), then read there
    given = [s for s in records if "gebiedsapp_stamps_of" not in s]
    read = [s for s in records if "gebiedsapp_stamps_of" in s]
    assert len(given) == len(read) == 2, records
    assert _stamps(team, "conversation") == {(BEERTA, False)}
    assert _stamps(team, "conversation_theme") == {(BEERTA, False)}


def test_rows_taken_for_new_that_have_a_sync_row_after_all_are_left_to_the_upsert(
    team: Team,
) -> None:
    """The plain insert of new rows' sync_row (none when the push looked, under its lock)
    meets one there after all (a row the user cannot see, a writer without the lock): the
    server refuses the statement, nothing of it is written, and the caller's upsert
    follows in the same transaction."""
    world = with_rights(team, ROLES)
    world.sync("anna")
    anna = team.laptop("anna")
    with anna.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place="x"),
        )
    world.sync("anna")
    key = round_.id.hex
    address = world.address("anna").replace("@", f":{TEAM_PASSWORD}@", 1)
    engine = create_engine(address.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as connection:
            count = select(func.count()).select_from(sync_row)
            before = connection.scalar(count)
            found = stored.record_given(
                connection,
                "koffiekar_session",
                [key],
                {key: (BEERTA.hex, False)},
                device=uuid.uuid4(),
                fresh=True,
            )
            assert found is None
            assert connection.scalar(count) == before  # the transaction goes on
            found = stored.record_given(
                connection,
                "koffiekar_session",
                [key],
                {key: (BEERTA.hex, False)},
                device=uuid.uuid4(),
            )
            assert found == {("koffiekar_session", key): 2}
    finally:
        engine.dispose()


def test_a_stamp_the_same_in_every_row_goes_once_and_mixed_stamps_per_row(
    team: Team, statements: list[str]
) -> None:
    """A batch whose rows share their area (one round's conversations) sends it as one
    parameter, not an array of equal values; a batch of rows of two areas (the beheerder's
    rounds in Beerta and Winschoten) sends each row's own, and each is stamped so."""
    world = with_rights(team, ROLES)
    world.sync("bea")
    bea = team.laptop("bea")
    rounds = {}
    with bea.unit_of_work("bea") as session:
        for area in (BEERTA, WINSCHOTEN):
            rounds[area] = koffiekar.start_session(
                session,
                SessionInput(area_id=area, day=date(2026, 11, 23), start_time=time(9), place="x"),
            ).id
    with bea.unit_of_work("bea") as session:
        for index in range(3):
            koffiekar.record_conversation(
                session,
                session_id=rounds[BEERTA],
                data=ConversationInput(summary=f"Gesprek {index}", theme_ids=[EENZAAMHEID]),
                today=date(2026, 11, 23),
            )
    statements.clear()

    result = world.sync("bea")

    # two rounds, three conversations and their themes' links
    assert (result.pushed, result.refused, result.waiting) == (8, 0, 0)
    records = _records(statements)
    assert not any("gebiedsapp_stamps_of" in s for s in records), records
    # the conversations and their links: one area each batch; the rounds: one per row
    assert len([s for s in records if "%(area)s" in s]) == 2, records
    assert len([s for s in records if "%(areas)b" in s]) == 1, records
    assert _stamps(team, "conversation") == {(BEERTA, False)}
    assert _stamps(team, "conversation_theme") == {(BEERTA, False)}
    assert team.server is not None
    with team.server.engine.connect() as connection:
        found = connection.execute(
            text("SELECT row_key, area_id FROM sync_row WHERE table_name = 'koffiekar_session'")
        )
        stamped = dict(found.all())
    assert {stamped[key.hex] for key in rounds.values()} == {BEERTA, WINSCHOTEN}
    assert all(stamped[key.hex] == area for area, key in rounds.items())
