"""Lijsten's author filter reads its names through migration 0015's created_by indexes, one
seek per distinct name (EXPLAIN QUERY PLAN on the statements SearchRepository really runs),
never a read of every record (issue 19: 2.4 s at ten times the data); and the lists' own
author filter does not take those indexes (a team has a few authors with many records each)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import delete, event, insert, text
from sqlalchemy.orm import Session

from gebiedsapp.domain import Contact, ContactType, ContactWith, Conversation, reference_id
from gebiedsapp.services import contacts, koffiekar
from gebiedsapp.services.lists import ListFilter, authors, list_contacts, list_conversations
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories.search import SearchRepository

BEERTA = reference_id("area", "beerta")
OUDEREN = reference_id("theme", "ouderen")
TABLES = ("conversation", "contact", "koffiekar_session")


@contextmanager
def _statements(session: Session) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def _plans(session: Session, run: Callable[[Session], object]) -> list[str]:
    """The query plan lines of every statement `run` executes."""
    with _statements(session) as seen:
        run(session)
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    assert seen
    return [
        str(row[3])
        for statement, parameters in seen
        for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
    ]


def _authors_plans(session: Session) -> list[str]:
    return _plans(session, lambda s: SearchRepository(s).authors())


def _not_through_the_index(plans: list[str]) -> list[str]:
    """The record tables the names were read from other than by seeks in their created_by
    index: a record table that is not sought the next name in it (`created_by>?`) or read
    otherwise (SQLite calls a min() over a whole table a SEARCH too)."""
    wrong = []
    for table in TABLES:
        reads = [line for line in plans if line.split()[1:2] == [table]]
        seeks = [line for line in reads if f"COVERING INDEX ix_{table}_created_by" in line]
        if not reads or seeks != reads or not any("(created_by>?)" in s for s in seeks):
            wrong.append(table)
    return wrong


def test_the_author_names_are_index_seeks_not_scans(session: Session) -> None:
    plans = _authors_plans(session)
    assert _not_through_the_index(plans) == [], plans


def test_without_the_index_the_names_are_read_from_the_table(session: Session) -> None:
    """What the test above guards against (a database before migration 0015)."""
    session.execute(text("DROP INDEX ix_contact_created_by"))
    assert _not_through_the_index(_authors_plans(session)) == ["contact"]


def _say(session: Session, summary: str) -> None:
    round_ = koffiekar.start_session(
        session, koffiekar.SessionInput(area_id=BEERTA, day=date(2026, 5, 1), start_time=time(10))
    )
    said = koffiekar.ConversationInput(summary, theme_ids=(OUDEREN,))
    koffiekar.record_conversation(session, session_id=round_.id, data=said)


def _log(session: Session, subject: str) -> uuid.UUID:
    return contacts.record_contact(
        session,
        contacts.ContactInput(
            day=date(2026, 5, 2), area_id=BEERTA, contact_type=ContactType.TELEFOON, subject=subject
        ),
    ).id


def _raw_contact(session: Session, author: str) -> uuid.UUID:
    """A contact as the sync pull writes a teammate's row: Core, no ORM, its own author."""
    key, now = uuid.uuid4(), datetime.now(UTC)
    session.execute(
        insert(Contact).values(
            id=key, created_at=now, updated_at=now, created_by=author, updated_by=author,
            version=1, date=date(2026, 5, 3), area_id=BEERTA, contact_type=ContactType.BIJEENKOMST,
            with_kind=ContactWith.GROEP, group_name="Buurtvereniging", subject="gepulld",
        )
    )  # fmt: skip
    return key


def test_the_filter_lists_exactly_who_recorded(database: Database) -> None:
    with database.unit_of_work("bram") as session:
        _say(session, "bram's gesprek")
    with database.unit_of_work("anna") as session:
        anna_contact = _log(session, "anna's contact")
    with database.unit_of_work("test") as session:
        carla = _raw_contact(session, "carla")  # a teammate's record, pulled
    with database.read_session() as session:
        assert authors(session) == ["anna", "bram", "carla"]

    with database.unit_of_work("test") as session:  # erased on the server, and here by the pull
        session.execute(delete(Contact).where(Contact.id.in_([carla, anna_contact])))
    with database.read_session() as session:
        assert authors(session) == ["bram"]  # bram's round and conversation remain


def test_authors_are_sorted_and_each_once(database: Database) -> None:
    for name in ("zoë", "Anna", "anna", "bram"):
        with database.unit_of_work(name) as session:
            _say(session, f"{name} 1")
            _say(session, f"{name} 2")
            _log(session, f"{name} 3")
    with database.read_session() as session:
        assert authors(session) == sorted({"zoë", "Anna", "anna", "bram"})
        assert authors(session) == ["Anna", "anna", "bram", "zoë"]


def test_the_lists_author_filter_does_not_read_the_author_index(session: Session) -> None:
    """Without statistics SQLite took ix_conversation_created_by over the date's index and
    read all of the author's records: the first 100 of a year 1.3 s instead of 16 ms (10x)."""
    day = date(2026, 5, 1)
    filters = ListFilter(area_ids=frozenset({BEERTA}), start=day, end=day, author="anna")
    for run in (
        lambda s: list_conversations(s, filters, limit=100),
        lambda s: list_contacts(s, filters, limit=100),
        lambda s: list_conversations(s, ListFilter(author="anna"), limit=100),
    ):
        plans = _plans(session, run)
        assert not [line for line in plans if "created_by" in line], plans


def test_conversations_rows_of_an_author(database: Database) -> None:
    with database.unit_of_work("anna") as session:
        _say(session, "van anna")
    with database.unit_of_work("bram") as session:
        _say(session, "van bram")
    with database.read_session() as session:
        rows = list_conversations(session, ListFilter(author="bram"))
        assert [(r.summary, r.author) for r in rows] == [("van bram", "bram")]
        assert session.query(Conversation).count() == 2
