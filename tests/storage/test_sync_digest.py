"""The merge base's field digests are stored on every laptop (sync_base): a faster digest
must give exactly the digests of before, or every row would look changed after an update."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import Enum

import pytest
from sqlalchemy import select

from gebiedsapp.services import demo
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.sync_base_form import pack
from gebiedsapp.storage.sync_tables import (
    digest,
    digest_rows,
    digest_rows_text,
    digest_stored_rows,
    digests,
    pack_stored_rows,
    synced_tables,
)

KEY = bytes(range(80))


class Colour(Enum):
    RED = "Gesprek één"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "72bd01aa8e3d03922a3363b1"),
        ("Gesprek één", "68b2c3665574808738110f6d"),
        (Colour.RED, "68b2c3665574808738110f6d"),
        (True, "1ab824cc0936534fa31a4b6e"),
        (0, "083bc24755d0a5ace60d94e1"),
        (1.5, "1eb464b97688ad59ae2c4f93"),
        (uuid.UUID(int=7), "1add1acee16b7df035066758"),
        (datetime(2026, 6, 1, 12, 30, tzinfo=UTC), "cbc47cb27b320840241b4a8b"),
        (datetime(2026, 6, 1, 12, 30), "dee289aa8cffc59880500c20"),
        (date(2026, 6, 1), "fbe42090f584488d1898ae6f"),
        (time(9, 15), "00a4d71e65267eb3817a990b"),
        (b"ab", "c06e2ab41ead861d0ec50067"),
        ({"a": [1]}, "5e84a3e16d4881ff3cfe6fc4"),
    ],
)
def test_digests_stay_as_they_were(value: object, expected: str) -> None:
    assert digest(KEY, value) == expected


def test_another_key_other_digests() -> None:
    row = {"summary": "Gesprek één", "id": uuid.UUID(int=7)}
    mine, theirs = digests(KEY, row, ["summary", "id"]), digests(b"k" * 64, row, ["summary", "id"])
    assert mine["summary"] == "68b2c3665574808738110f6d"
    assert mine["summary"] != theirs["summary"]
    assert mine["id"] != theirs["id"]


def test_digest_rows_as_digests_row_by_row() -> None:
    """A push digests its rows in bulk, each repeated value once: values that are equal in
    Python but print otherwise (True and 1, 0.0 and -0.0, one instant at two offsets) keep
    their own digests."""
    noon = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    values = [
        None, True, 1, 1.0, 0.0, -0.0, "1", Colour.RED, "Gesprek één", uuid.UUID(int=7),
        noon, noon.astimezone(timezone(timedelta(hours=2))), noon.replace(tzinfo=None),
        date(2026, 6, 1), b"ab", {"a": [1]}, time(9, 15),
    ]  # fmt: skip
    rows = [{"a": value, "b": values[-1 - i]} for i, value in enumerate(values)] * 2
    assert digest_rows(KEY, rows, ["a", "b", "c"]) == [
        digests(KEY, row, ["a", "b", "c"]) for row in rows
    ]


def test_digest_rows_text_is_the_base_as_stored() -> None:
    """A pull writes its bases straight from the digests: the same stored form as of
    digest_rows (fields in name order), a missing column left out, as the merge reads it."""
    from gebiedsapp.storage.sync_base_form import pack, tags_of, unpack

    rows = [
        {"summary": "Gesprek één", "id": uuid.UUID(int=7), "quote": None},
        {"summary": 'met "aanhalingstekens"', "quote": "x"},  # no id: left out
    ]
    texts = digest_rows_text(KEY, rows, ["summary", "quote", "id"])
    digested = digest_rows(KEY, rows, ["summary", "quote", "id"])
    assert texts == [pack(d) for d in digested]
    names = tags_of(["summary", "quote", "id"])
    assert [unpack(t, names=names) for t in texts] == digested


def test_digest_rows_text_column_by_column_as_row_by_row() -> None:
    """A pull's rows have every column: each column's distinct values are hashed once, and
    values equal in Python that print otherwise keep their own digests there too."""
    from gebiedsapp.storage.sync_base_form import pack

    noon = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    two = timezone(timedelta(hours=2))
    mixed = [None, True, 1, 1.0, 0.0, -0.0, "1", Colour.RED, noon, noon.astimezone(two)]
    columns = {
        "mixed": mixed,
        "text": ["Gesprek één", "Gesprek één", None, "x", Colour.RED, "", "a", "b", "c", "d"],
        "flag": [True, False, None, True, True, False, None, True, False, True],
        "count": [0, 1, 1, None, 2, 0, 5, 5, 5, 7],
        "utc": [noon, noon, None, noon.replace(hour=13), noon, noon, noon, noon, noon, noon],
        "naive": [noon.replace(tzinfo=None)] * 9 + [None],
        "zones": [noon, noon.astimezone(two)] * 5,  # equal instants, two offsets
        "id": [uuid.UUID(int=i % 3) for i in range(10)],
        "floats": [0.0, -0.0, 1.5, None, 0.0, -0.0, 2.0, 2.0, 0.0, -0.0],
    }
    rows = [{name: values[i] for name, values in columns.items()} for i in range(10)]
    texts = digest_rows_text(KEY, rows, list(columns))
    assert texts == [pack(digests(KEY, row, list(columns))) for row in rows]
    assert texts == digest_rows_text(KEY, [*rows, {"text": "x"}], list(columns))[:-1]


def test_a_push_digests_rows_as_stored_as_their_typed_values(database: Database) -> None:
    """A push reads its rows as SQLite stores them (hex uuids, ISO stamps, 0/1) and digests
    those: the bases must be exactly those of the typed rows (a pull's, a merge's), for every
    kind of column the synced tables have."""
    with database.unit_of_work("test") as session:
        demo.generate(session, size="small", seed=1, account="test")
    kinds: set[str] = set()
    with database.engine.connect() as connection:
        for table in synced_tables():
            keys = [
                table.key_of(dict(row._mapping))
                for row in connection.execute(
                    select(*(table.table.c[n] for n in table.key)).limit(200)
                )
            ]
            if not keys:
                continue
            typed = local.rows(connection, table, keys)
            stored = local.rows(connection, table, keys, as_stored=True)
            assert set(stored) == set(typed)
            columns = list(table.table.columns.keys())
            convert = {
                c.name: c.type._cached_result_processor(connection.dialect, None)
                for c in table.table.columns
            }
            order = sorted(typed)
            typed_digests = digest_rows(KEY, [typed[k] for k in order], columns)
            as_stored = [stored[k] for k in order]
            assert digest_stored_rows(KEY, as_stored, columns, convert) == typed_digests
            # and as the push writes its bases: their stored form
            assert pack_stored_rows(KEY, as_stored, columns, convert) == [
                pack(d) for d in typed_digests
            ]
            kinds |= {type(c.type).__name__ for c in table.table.columns}
    assert {"Uuid", "UTCDateTime", "Date", "Time", "Boolean", "Enum", "Float"} <= kinds


def test_a_pull_digests_its_rows_as_stored_as_their_typed_values(database: Database) -> None:
    """A pull reads the server's rows in the laptop's stored form and writes its bases'
    text from those: exactly the text of the typed rows' digests (an older base, a merge's
    digests), for every kind of column the synced tables have; floats that are equal but
    print otherwise (0.0, -0.0) keep their own digests."""
    from gebiedsapp.storage.sync_tables import digest_stored_rows_text

    with database.unit_of_work("test") as session:
        demo.generate(session, size="small", seed=1, account="test")
    kinds: set[str] = set()
    with database.engine.connect() as connection:
        for table in synced_tables():
            keys = [
                table.key_of(dict(row._mapping))
                for row in connection.execute(
                    select(*(table.table.c[n] for n in table.key)).limit(200)
                )
            ]
            if not keys:
                continue
            typed = local.rows(connection, table, keys)
            stored = local.rows(connection, table, keys, as_stored=True)
            columns = list(table.table.columns.keys())
            convert = {
                c.name: c.type._cached_result_processor(connection.dialect, None)
                for c in table.table.columns
            }
            order = sorted(typed)
            assert digest_stored_rows_text(
                KEY, [stored[k] for k in order], columns, convert
            ) == digest_rows_text(KEY, [typed[k] for k in order], columns)
            kinds |= {type(c.type).__name__ for c in table.table.columns}
    assert {"Uuid", "UTCDateTime", "Date", "Time", "Boolean", "Enum", "Float"} <= kinds
    floats = [{"x": 0.0}, {"x": -0.0}, {"x": 0.0}, {"x": None}]
    assert digest_stored_rows_text(KEY, floats, ["x"], {}) == digest_rows_text(KEY, floats, ["x"])
    assert digest_stored_rows_text(KEY, floats, [], {}) == [b""] * 4
