"""A pull reads the server's values in the laptop's stored form (issue 16, benchmarks): the
server's query makes each value the text or number the laptop's file holds, and a new row
is written as read. That form must be exactly SQLAlchemy's on SQLite (a stamp with its six
digits of microseconds, a uuid's 32 hex digits, a flag as 0/1), or a pulled row would be
stored otherwise than the same row written here: look-ups by key, comparisons of stamps
as text and the merge's digests would go wrong."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Time,
    Uuid,
    cast,
    create_engine,
    literal,
    select,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DataError

from gebiedsapp.domain.base import UTCDateTime
from gebiedsapp.services import demo
from gebiedsapp.storage.repositories.sync_convert import writer
from gebiedsapp.storage.repositories.sync_stored_form import stored_form
from gebiedsapp.storage.sync_tables import synced_tables
from support.sync_world import Team, make_team

CASES: list[tuple[Any, list[Any]]] = [
    (Uuid(), [uuid.UUID(int=7), uuid.uuid4(), None]),
    (
        UTCDateTime(),
        [
            datetime(2026, 6, 1, 12, 0, tzinfo=UTC),  # no microseconds: still six digits
            datetime(2026, 6, 1, 12, 0, 0, 100000, tzinfo=UTC),  # no trailing zeros cut
            datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=UTC),  # a year of three digits
            None,
        ],
    ),
    (DateTime(), [datetime(2026, 12, 31, 23, 59, 59, 999999), None]),
    (Date(), [date(2026, 6, 1), date(5, 1, 9), None]),
    (Time(), [time(0, 0), time(9, 15), time(23, 59, 59, 999999), None]),
    (Boolean(), [True, False, None]),
]


@pytest.mark.parametrize(("kind", "values"), CASES, ids=lambda c: type(c).__name__)
def test_the_servers_stored_form_is_sqlites(pg_url: str, kind: Any, values: list[Any]) -> None:
    engine = create_engine(pg_url)
    to_file = writer(literal(None, kind), sqlite.dialect())  # as the laptop writes it
    try:
        with engine.connect() as connection:
            for value in values:
                expression = stored_form(literal(value, kind))
                got = connection.scalar(select(expression))
                assert got == (value if to_file is None else to_file(value)), value
    finally:
        engine.dispose()


def test_every_synced_column_has_a_stored_form() -> None:
    for table in synced_tables():
        for column in table.table.columns:
            stored_form(column)  # a type not known raises NotImplementedError


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def test_a_pulled_row_is_stored_as_on_the_laptop_that_made_it(team: Team) -> None:
    """Every synced table's rows of a demo world, pushed by one laptop and pulled by
    another: stored alike to the byte (the file's own values, not typed ones). Fails with a
    stamp read as the server's text (trailing zeros of its microseconds cut), a uuid with
    its dashes, a flag as true/false."""
    with team.laptop("anna").unit_of_work("anna") as session:
        demo.generate(session, size="small", seed=3, account="anna")
    team.sync("anna")
    assert team.sync("bert").pulled > 0
    compared = 0
    with (
        team.laptop("anna").engine.connect() as anna,
        team.laptop("bert").engine.connect() as bert,
    ):
        for table in synced_tables():
            # not `version`: a row both had (reference data) is overwritten as local + 1
            names = ", ".join(f'"{c.name}"' for c in table.table.columns if c.name != "version")
            order = ", ".join(f'"{k}"' for k in table.key)
            query = f'SELECT {names} FROM "{table.name}" ORDER BY {order}'
            mine = anna.exec_driver_sql(query).all()
            theirs = bert.exec_driver_sql(query).all()
            assert [tuple(r) for r in theirs] == [tuple(r) for r in mine], table.name
            compared += len(mine)
    assert compared > 500


OUT_OF_RANGE = [
    ("infinity", DateTime()),
    ("-infinity", DateTime()),
    ("0044-03-15 12:00 BC", DateTime()),
    ("infinity", Date()),
    ("0044-03-15 BC", Date()),
    ("24:00:00", Time()),
]
EDGES = [
    ("0001-01-01 00:00", DateTime()),
    ("0001-01-01", Date()),
    ("23:59:59.999999", Time()),
]


@pytest.mark.parametrize(("text", "kind"), OUT_OF_RANGE, ids=lambda c: str(c))
def test_a_value_the_laptop_cannot_hold_fails_the_read_not_stored_otherwise(
    pg_url: str, text: str, kind: Any
) -> None:
    """Only someone writing on the server directly makes these; the typed read refused them,
    and to_char would give NULL, the year AD or a time not read back."""
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection, pytest.raises(DataError, match="buiten bereik"):
            connection.scalar(select(stored_form(cast(literal(text), kind))))
    finally:
        engine.dispose()


@pytest.mark.parametrize(("text", "kind"), EDGES, ids=lambda c: str(c))
def test_the_edges_of_the_range_still_read(pg_url: str, text: str, kind: Any) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(stored_form(cast(literal(text), kind)))) is not None
    finally:
        engine.dispose()
