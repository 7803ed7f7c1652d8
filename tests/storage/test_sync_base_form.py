"""The merge base's stored form (storage.sync_base_form, migration 0022): per field a tag of
its column's name and its digest. The tags must name one column each, a base must read back as
the digests it was made of, and a laptop's bases of before (JSON) must be converted, not lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import create_engine

from gebiedsapp.domain import Base
from gebiedsapp.storage.migrate import alembic_config
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.sync_base_form import FIELD_BYTES, pack, tags_of, unpack
from gebiedsapp.storage.sync_tables import digests

KEY = bytes(range(64))


def test_every_column_name_has_its_own_tag() -> None:
    names = {column.name for table in Base.metadata.tables.values() for column in table.c}
    assert len(tags_of(names)) == len(names)


def test_a_base_reads_back_as_its_digests() -> None:
    found = digests(KEY, {"summary": "Gesprek", "area_id": None, "version": 3}, ["summary",
                    "area_id", "version"])  # fmt: skip
    stored = pack(found)
    assert len(stored) == 3 * FIELD_BYTES
    assert unpack(stored) == found
    assert unpack(pack({})) == {}
    # a base of before 0022, and a field no column has any more: left out
    assert unpack(json.dumps(found)) == found
    assert unpack(stored + pack({"gone_column": "00" * 12})) == found


def _upgraded(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_migration_0022_converts_the_bases_and_back(tmp_path: Path) -> None:
    path = tmp_path / "laptop.db"
    _upgraded(path, "0021")
    agreed = digests(KEY, {"summary": "Gesprek één", "place": "Kerk"}, ["summary", "place"])
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sync_base (table_name, row_key, server_version, data) VALUES "
            "('conversation', 'aa', 2, ?), ('conversation', 'bb', 1, '{}'), "
            "('conversation', 'cc', 1, '{\"summary\": \"abc\"}')",
            (json.dumps(agreed),),
        )
    engine.dispose()
    _upgraded(path, "0022")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        kinds = connection.exec_driver_sql("SELECT typeof(data) FROM sync_base").scalars().all()
        assert kinds == ["blob", "blob", "text"]  # an odd old base kept as it was
        assert local.bases(connection, "conversation", ["aa", "bb"]) == {
            "aa": (2, agreed),
            "bb": (1, {}),
        }
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0021")
        texts = dict(connection.exec_driver_sql("SELECT row_key, data FROM sync_base").all())
    engine.dispose()
    assert json.loads(texts["aa"]) == agreed
    assert json.loads(texts["bb"]) == {}


def test_a_push_keeps_the_digests_of_equal_floats_apart() -> None:
    """0.0 == -0.0 in Python, but they are stored and digested as different values."""
    from gebiedsapp.storage.sync_tables import digest_stored_rows, pack_stored_rows

    rows = [{"x": 0.0, "n": 1}, {"x": -0.0, "n": 1}, {"x": 1.0, "n": 2}, {"x": 1, "n": 2}]
    expected = [digests(KEY, row, ["x", "n"]) for row in rows]
    assert digest_stored_rows(KEY, rows, ["x", "n"], {}) == expected
    assert pack_stored_rows(KEY, rows, ["x", "n"], {}) == [pack(d) for d in expected]
    # a table whose only columns are its key and stamps: an empty base per row
    assert pack_stored_rows(KEY, rows, [], {}) == [b""] * len(rows)


def test_a_confirmed_entry_is_cleared_only_when_its_tick_did_not_move(database: Any) -> None:
    """The push clears what the server confirmed; an entry changed during the push (its tick
    moved) waits for the next one, and so does one of another table with the same key."""
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM sync_outbox")  # the reference data's
        connection.exec_driver_sql(
            "INSERT INTO sync_outbox (table_name, row_key, tick, changed_at) VALUES "
            "('conversation', 'aa', 1, 'x'), ('conversation', 'bb', 3, 'x'), "
            "('conversation', 'cc', 1, 'x'), ('theme', 'aa', 1, 'x')"
        )
        local.clear_confirmed(connection, "conversation", {"aa": 1, "bb": 2})
        local.clear_confirmed(connection, "conversation", {})
        left = connection.exec_driver_sql(
            "SELECT table_name, row_key, tick FROM sync_outbox ORDER BY table_name, row_key"
        ).all()
    assert [tuple(r) for r in left] == [("conversation", "bb", 3), ("conversation", "cc", 1),
                                        ("theme", "aa", 1)]  # fmt: skip
