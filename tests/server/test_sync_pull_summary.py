"""A pull's bulk write skips the summaries' per-row version triggers and changes the version
once instead (storage.pull_bulk, migration 0020): the next summary still counts every row
pulled. Against a real PostgreSQL server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from gebiedsapp.domain import Conversation, KoffiekarSession
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import area_summary
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.pull_bulk import SKIP
from gebiedsapp.storage.repositories.sync_local import STAGE_FROM
from support.sync_world import BEERTA, Team, make_team

JUNE = Period.month(2026, 6)
TODAY = date(2026, 6, 30)


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def _round(database: Database) -> uuid.UUID:
    now = datetime.now(UTC)
    stamps = {"created_at": now, "updated_at": now, "created_by": "anna", "updated_by": "anna"}
    round_id = uuid.uuid4()
    with database.engine.begin() as connection:
        connection.execute(
            insert(KoffiekarSession).values(
                id=round_id, area_id=BEERTA, date=date(2026, 6, 1), place="Dorpsplein",
                **stamps,
            )
        )  # fmt: skip
    return round_id


def _conversations(database: Database, round_id: uuid.UUID, count: int) -> None:
    now = datetime.now(UTC)
    stamps = {"created_at": now, "updated_at": now, "created_by": "anna", "updated_by": "anna"}
    with database.engine.begin() as connection:
        connection.execute(
            insert(Conversation),
            [
                {"id": uuid.uuid4(), "session_id": round_id, "summary": f"Gesprek {i}", **stamps}
                for i in range(count)
            ],
        )


def _talks(database: Database) -> int:
    with database.read_session() as session:
        return area_summary(session, [BEERTA], JUNE, today=TODAY).current.conversations


def test_a_bulk_pull_is_counted_in_the_next_summary(team: Team) -> None:
    anna, bob = team.laptop("anna"), team.laptop("bob")
    with bob.engine.connect() as connection:  # the triggers skip a pull's bulk write
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'summary_version_conversation_insert'"
        ).scalar()
    assert sql is not None
    assert SKIP in sql
    round_id = _round(anna)
    team.sync("anna")
    team.sync("bob")
    assert _talks(bob) == 0  # counted, and kept for this data version
    _conversations(anna, round_id, STAGE_FROM + 10)  # enough for the pull's bulk write
    team.sync("anna")

    pulled = team.sync("bob")

    assert pulled.pulled == STAGE_FROM + 10  # only the conversations: the round was here
    assert _talks(bob) == STAGE_FROM + 10
