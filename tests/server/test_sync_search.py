"""The search index after a pull (issue 16): a pull writes a search table's rows in one
statement from a temporary table (sync_local.upsert), so FTS5's triggers run once per batch
instead of once per row. The index must stay exact: pulled rows are found, an edit pulled
later replaces the old words, a pull killed half-way and run again leaves it exact, and the
laptop's own edits after a pull are still indexed (the triggers are untouched)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import text, update

from gebiedsapp.domain import Conversation
from gebiedsapp.services import koffiekar
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.lists import ListFilter, list_conversations
from gebiedsapp.storage.crash_point import KILL_AT_ENV
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories.sync_local import STAGE_FROM
from support.dbfile import TEST_PASSPHRASE
from support.sync_world import BEERTA, EENZAAMHEID, Team, differences, make_team

SRC = Path(__file__).resolve().parents[2] / "src"
MANY = STAGE_FROM + 10  # enough for a batch to go through the temporary table


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def record_many(team: Team, laptop: str, word: str) -> None:
    with team.laptop(laptop).unit_of_work(laptop) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place=word),
        )
        for number in range(MANY):
            koffiekar.record_conversation(
                session,
                session_id=round_.id,
                data=ConversationInput(
                    summary=f"Gesprek {number} over het {word}", theme_ids=[EENZAAMHEID]
                ),
                today=date(2026, 11, 23),
            )


def found(database: Database, word: str) -> int:
    with database.read_session() as session:
        return len(list_conversations(session, ListFilter(text=word), limit=10 * MANY))


def assert_index_exact(database: Database) -> None:
    """FTS5's own check of an external-content index against its table (raises when an
    entry is missing, left over or holds other words)."""
    with database.engine.begin() as connection:
        for table in ("conversation", "koffiekar_session", "contact"):
            connection.execute(
                text(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)")
            )


def sync_killed(team: Team, laptop: str, step: str) -> bool:
    """`gebiedsapp sync` of `laptop` in a child that SIGKILLs itself at `step`."""
    team.laptop(laptop)
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        KILL_AT_ENV: step,
        "GEBIEDSAPP_PASSPHRASE": TEST_PASSPHRASE,
        "GEBIEDSAPP_TEAMSERVER_PASSWORD": team.password,
        "GEBIEDSAPP_USER": laptop,
    }
    child = subprocess.run(
        [sys.executable, "-m", "gebiedsapp", "--data-dir", str(team.folder / f"cli-{laptop}"),
         "--database", str(team.folder / f"{laptop}.db"), "sync", "--server", team.address],
        env=environment, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if child.returncode == 0:
        return False
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    return True


def test_pulled_rows_are_found_and_a_pulled_edit_replaces_their_words(team: Team) -> None:
    team.sync("bert")
    record_many(team, "anna", "fietspad")
    team.sync("anna")
    team.sync("bert")
    bert = team.laptop("bert")
    assert found(bert, "fietspad") == MANY
    assert_index_exact(bert)

    with team.laptop("anna").engine.begin() as connection:  # a tracked write: it goes out
        connection.execute(
            update(Conversation).values(
                summary=Conversation.summary.op("||")(" en de bushalte"),
                quote="Het dorpshuis",
            )
        )
    team.sync("anna")
    team.sync("bert")
    assert found(bert, "bushalte") == MANY
    assert found(bert, "dorpshuis") == MANY
    assert found(bert, "fietspad") == MANY
    assert_index_exact(bert)
    assert team.server is not None
    assert differences(bert, team.server) == []

    with bert.unit_of_work("bert") as session:  # the laptop's own edit after the pull
        one = list_conversations(session, ListFilter(text="bushalte"), limit=1)[0]
        koffiekar.edit_conversation(
            session,
            one.id,
            ConversationInput(summary="Over de speeltuin", theme_ids=[EENZAAMHEID]),
        )
    assert found(bert, "speeltuin") == 1
    assert found(bert, "bushalte") == MANY - 1
    assert_index_exact(bert)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
@pytest.mark.parametrize(
    ("step", "before"),
    [("sync:pull-written#2", 0), ("sync:pulled#2", MANY)],  # the conversations' batch
)
def test_a_pull_killed_half_way_leaves_the_index_exact(team: Team, step: str, before: int) -> None:
    team.sync("anna")  # the reference data first: bert's pull below is the round's only
    team.sync("bert")
    record_many(team, "anna", "fietspad")
    team.sync("anna")
    assert sync_killed(team, "bert", step)
    bert = team.laptop("bert")
    assert found(bert, "fietspad") == before  # killed before or after its commit
    assert_index_exact(bert)  # as the kill left it
    team.sync("bert")
    assert found(bert, "fietspad") == MANY
    assert_index_exact(bert)
    assert team.server is not None
    assert differences(bert, team.server) == []
