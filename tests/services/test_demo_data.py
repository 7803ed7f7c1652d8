"""Demo data: deterministic for a seed, obviously fake, and counted honestly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from gebiedsapp.domain import Conversation, Handling, TeamMember
from gebiedsapp.paths import app_paths
from gebiedsapp.services import demo_data
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database

ANCHOR = date(2026, 6, 1)
DEMO_TABLES = (
    "team_member",
    "assignment",
    "koffiekar_session",
    "koffiekar_session_staff",
    "conversation",
    "conversation_theme",
)


@pytest.fixture
def fresh_database(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        result = open_database(
            f"sqlite:///{tmp_path / f'{name}.db'}", app_paths(tmp_path / name), actor="test"
        )
        opened.append(result.database)
        return result.database

    yield make
    for database in opened:
        database.dispose()


def _generate(database: Database, *, seed: int, size: str = "small") -> Counter[str]:
    with database.unit_of_work("test") as session:
        return demo_data.generate(session, size=size, seed=seed, anchor=ANCHOR)


def _rows(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    with database.engine.connect() as connection:
        return {
            table: sorted(tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}")))
            for table in DEMO_TABLES
        }


def _table_counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in DEMO_TABLES
        }


def test_same_seed_gives_identical_rows(fresh_database: Callable[[str], Database]) -> None:
    first, second = fresh_database("een"), fresh_database("twee")
    counts_first = _generate(first, seed=7)
    counts_second = _generate(second, seed=7)

    assert counts_first == counts_second
    rows = _rows(first)
    assert rows == _rows(second)  # ids, stamps and text included
    assert len(rows["conversation"]) > 0


def test_different_seed_gives_different_rows(fresh_database: Callable[[str], Database]) -> None:
    first, second = fresh_database("een"), fresh_database("twee")
    _generate(first, seed=7)
    _generate(second, seed=8)
    one, other = _rows(first), _rows(second)
    for table in ("team_member", "koffiekar_session", "conversation"):
        assert one[table] != other[table]


def test_counts_match_the_tables(database: Database) -> None:
    assert _table_counts(database) == dict.fromkeys(DEMO_TABLES, 0)
    counts = _generate(database, seed=7)
    assert set(counts) == set(DEMO_TABLES)
    assert dict(counts) == _table_counts(database)
    assert counts["koffiekar_session"] == demo_data.SIZES["small"].sessions
    low, high = demo_data.SIZES["small"].conversations_per_session
    assert low * 150 <= counts["conversation"] <= high * 150


def test_second_generation_is_refused(database: Database) -> None:
    _generate(database, seed=7)
    before = _table_counts(database)
    with pytest.raises(ValidationError, match="bevat al voorbeeldgegevens"):
        _generate(database, seed=8)
    assert _table_counts(database) == before


def test_unknown_size_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError, match="Onbekende omvang 'huge'"):
        demo_data.generate(session, size="huge", seed=1, anchor=ANCHOR)


def test_people_are_obviously_fake(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session() as session:
        members = session.scalars(select(TeamMember)).all()
    assert len(members) == 18
    for member in members:
        assert member.name.split()[-1] in demo_data.FAKE_SURNAMES
        assert member.email.endswith(".invalid")
        assert member.created_by == demo_data.DEMO_ACTOR
    assert sum(not m.active for m in members) == 2


def test_rows_read_back_through_the_models(database: Database) -> None:
    """Core inserts must produce rows the ORM reads: enums, UTC stamps, dates in range."""
    _generate(database, seed=7)
    with database.read_session() as session:
        conversations = session.scalars(select(Conversation).limit(200)).all()
        assert {c.handling for c in conversations} <= set(Handling)
        assert all(c.created_at.tzinfo is not None for c in conversations)
        first_day, last_day = session.execute(
            text("SELECT min(date), max(date) FROM koffiekar_session")
        ).one()
        weekend = session.scalar(
            text("SELECT count(*) FROM koffiekar_session WHERE strftime('%w', date) IN ('0','6')")
        )
        orphans = session.scalar(
            select(func.count())
            .select_from(Conversation)
            .where(~Conversation.session_id.in_(text("SELECT id FROM koffiekar_session")))
        )
    assert date.fromisoformat(last_day) <= ANCHOR
    # at most 729 days back, then moved off a weekend by at most two days
    assert date.fromisoformat(first_day) >= ANCHOR - timedelta(days=731)
    assert weekend == 0
    assert orphans == 0


@pytest.mark.slow
def test_large_generation(database: Database) -> None:
    counts = _generate(database, seed=1, size="large")
    assert counts["conversation"] + counts["koffiekar_session"] >= 90_000
    assert dict(counts) == _table_counts(database)
