"""The pull's bulk writes on the laptop (storage.repositories.sync_local): a search table's
batch goes through a temporary table in one statement, every write of a batch on the
driver's own cursor. The search index stays exact, the change tracking stays quiet while a
pull applies, and the text guard still refuses a broken character with nothing written."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, insert, select, text

from gebiedsapp.domain import Conversation, KoffiekarSession, reference_id
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_convert as convert
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.sync_tables import by_name
from gebiedsapp.storage.sync_tracking import sync_base, sync_outbox
from gebiedsapp.storage.text_guard import BrokenTextError

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
STAMPS = {"created_at": NOW, "updated_at": NOW, "created_by": "anna", "updated_by": "anna"}


def _round(database: Database) -> uuid.UUID:
    round_id = uuid.uuid4()
    with database.engine.begin() as connection:
        connection.execute(
            insert(KoffiekarSession).values(
                id=round_id, area_id=reference_id("area", "beerta"), date=date(2026, 11, 23),
                place="Dorpsplein", **STAMPS,
            )
        )  # fmt: skip
    return round_id


def _rows(round_id: uuid.UUID, words: str, count: int) -> list[dict[str, object]]:
    return [
        {"id": uuid.uuid4(), "session_id": round_id, "summary": f"{words} {n}", "quote": "",
         "quote_reportable": False, "handling": "ter_plekke", "resident_id": None,
         "deleted_at": None, "version": 1, **STAMPS}
        for n in range(count)
    ]  # fmt: skip


def _found(database: Database, word: str) -> int:
    with database.engine.connect() as connection:
        return int(
            connection.scalar(
                text("SELECT count(*) FROM conversation_fts WHERE conversation_fts MATCH :w"),
                {"w": word},
            )
            or 0
        )


def _check_index(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO conversation_fts(conversation_fts, rank) VALUES ('integrity-check', 1)"
            )
        )


def _outbox(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(sync_outbox)) or 0)


def test_a_batch_through_the_temporary_table_is_indexed_and_not_tracked(
    database: Database,
) -> None:
    round_id = _round(database)
    waiting = _outbox(database)
    rows = _rows(round_id, "bushalte", local.STAGE_FROM + 5)
    table = by_name()["conversation"]
    with database.engine.begin() as connection:
        local.set_applying(connection, True)
        local.upsert(connection, table, rows)
        local.set_applying(connection, False)
    assert _found(database, "bushalte") == len(rows)
    assert _outbox(database) == waiting  # a pull's writes are no local change
    _check_index(database)

    changed = [{**row, "summary": f"fietspad {n}"} for n, row in enumerate(rows)]
    with database.engine.begin() as connection:
        local.set_applying(connection, True)
        local.upsert(connection, table, changed)  # the same keys: updates
        local.set_applying(connection, False)
    assert (_found(database, "bushalte"), _found(database, "fietspad")) == (0, len(rows))
    _check_index(database)

    with database.engine.begin() as connection:  # the laptop's own edit: tracked, indexed
        connection.execute(
            Conversation.__table__.update()
            .where(Conversation.__table__.c.id == rows[0]["id"])
            .values(summary="speeltuin")
        )
    assert _found(database, "speeltuin") == 1
    assert _outbox(database) == waiting + 1
    _check_index(database)


def _written_then_failed(database: Database, rows: list[dict[str, object]]) -> None:
    with database.engine.begin() as connection:
        local.set_applying(connection, True)
        local.upsert(connection, by_name()["conversation"], rows)
        raise RuntimeError("killed before the commit")


def test_a_batch_rolled_back_leaves_neither_rows_nor_index_entries(database: Database) -> None:
    rows = _rows(_round(database), "bushalte", local.STAGE_FROM)
    with pytest.raises(RuntimeError):
        _written_then_failed(database, rows)
    assert _found(database, "bushalte") == 0
    _check_index(database)


def test_a_broken_character_is_refused_and_nothing_is_written(database: Database) -> None:
    round_id = _round(database)
    rows = _rows(round_id, "bushalte", local.STAGE_FROM)
    rows[7]["summary"] = "de bus \ud83d rijdt"  # half an emoji
    table = by_name()["conversation"]
    with pytest.raises(BrokenTextError), database.engine.begin() as connection:
        local.upsert(connection, table, rows)
    with pytest.raises(BrokenTextError), database.engine.begin() as connection:
        local.put_bases(connection, "conversation", [("\ud83d", 1, {})])
    with database.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Conversation)) == 0
        assert connection.scalar(select(func.count()).select_from(sync_base)) == 0


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 11, 23, 9, 30, tzinfo=UTC),  # no microseconds: still six digits
        datetime(2026, 11, 23, 9, 30, 5, 123, tzinfo=UTC),
        datetime(2026, 3, 29, 2, 30, 0, 999999, tzinfo=timezone(timedelta(hours=2))),
        datetime(999, 1, 1, tzinfo=timezone(timedelta(hours=-5))),
        None,
    ],
)
def test_a_pulled_time_is_stored_as_sqlalchemy_stores_it(
    database: Database, value: datetime | None
) -> None:
    column = Conversation.__table__.c.created_at
    assert convert.utc_text(value) == column.type._cached_bind_processor(database.engine.dialect)(
        value
    )


def test_a_naive_time_is_refused_as_before() -> None:
    with pytest.raises(ValueError, match="naive"):
        convert.utc_text(datetime(2026, 11, 23, 9, 30))


def test_a_column_converted_once_per_distinct_value_is_converted_as_value_by_value(
    database: Database,
) -> None:
    """sync_convert.converted: repeated values (a round, stamps, kinds, flags) are converted
    once; equal values of another form (the same instant in another zone, an enum and its
    text, True and 1) give the same stored value."""
    from gebiedsapp.domain import Handling

    dialect = database.engine.dialect
    table = Conversation.__table__
    stamp = datetime(2026, 11, 23, 9, 30, 5, 123, tzinfo=UTC)
    member = next(iter(Handling))
    columns = {
        "created_at": [stamp, stamp.astimezone(timezone(timedelta(hours=2))), None] * 4,
        "handling": [member, member.value] * 4,
        "quote_reportable": [True, 1, False, 0] * 3,
        "session_id": [uuid.UUID(int=7)] * 5 + [None],
        "id": [uuid.uuid4() for _ in range(6)],  # distinct: mapped as they are
    }
    for name, values in columns.items():
        process = convert.writer(table.c[name], dialect)
        assert convert.converted(process, values) == [process(v) for v in values], name


def test_columns_of_one_value_bound_once_store_what_each_row_would(database: Database) -> None:
    """A staged batch binds a column with one value in every row once, in its SELECT (the
    stamps, authors and empty fields a pull's batch shares): the rows stored are those the
    row-by-row statement stores, a column of one value but in one row included, and a
    broken character in such a column is still refused with nothing written."""
    table = by_name()["conversation"]
    round_id = _round(database)
    rows = _rows(round_id, "bushalte", local.STAGE_FROM + 5)
    rows[0]["quote"] = "anders"  # one value but in the first row
    others = [c.name for c in table.table.columns if c.name not in ("id", "summary")]
    few = _rows(round_id, "bushalte", 3)  # fewer than STAGE_FROM: row by row
    with database.engine.begin() as connection:
        local.upsert(connection, table, rows)
        local.upsert(connection, table, few)
        stored = {
            r[0]: r[1:]  # all but the id and the summary
            for r in connection.exec_driver_sql(
                f"SELECT id, {', '.join(others)} FROM conversation WHERE summary LIKE 'bushalte%'"
            )
        }
    one = stored[few[0]["id"].hex]
    assert all(stored[row["id"].hex] == one for row in rows[1:])
    first = stored[rows[0]["id"].hex]
    assert first[others.index("quote")] == "anders" != one[others.index("quote")]
    broken = _rows(round_id, "kapot", local.STAGE_FROM)
    for row in broken:
        row["created_by"] = "anna\udc80"  # one value in every row: bound once, still guarded
    with pytest.raises(BrokenTextError), database.engine.begin() as connection:
        local.upsert(connection, table, broken)
    with database.engine.connect() as connection:
        assert not connection.exec_driver_sql(
            "SELECT 1 FROM conversation WHERE summary LIKE 'kapot%'"
        ).all()


def test_one_value_only_for_values_that_store_alike() -> None:
    assert convert.one_value(["a", "a"])
    assert convert.one_value([None, None])
    assert convert.one_value([1, 1])
    assert convert.one_value([b"x", b"x"])
    assert not convert.one_value([1, True])  # equal in Python, stored otherwise
    assert not convert.one_value([0.0, -0.0])
    assert not convert.one_value([1.5, 1.5])  # floats are never bound once
    assert not convert.one_value(["a", "b"])


def test_look_ups_by_many_keys_find_them_as_json_or_as_a_list(database: Database) -> None:
    """A pull looks up its batch's bases and outbox entries by key: hex keys go as one JSON
    array (json_each), other keys (a link table's parts, a text with accents) as a list of
    parameters; either way the same rows are found, and a key given twice is found once."""
    keys = ["a" * 32, "b" * 32, "één|1"]
    digest = "0f" * 12  # a base holds digests (storage.sync_base_form)
    with database.engine.begin() as connection:
        local.put_bases(connection, "theme", [(k, 3, {"name": digest}) for k in keys])
        ascii_only = local.bases(connection, "theme", [keys[0], keys[1], keys[0], "c" * 32])
        mixed = local.bases(connection, "theme", [*keys, "zzz"])
    assert set(ascii_only) == set(keys[:2])
    assert set(mixed) == set(keys)
    assert mixed[keys[2]] == (3, {"name": digest})
