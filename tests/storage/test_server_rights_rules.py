"""The team server's rules per table (storage.server_rights), without a server: every synced
table has a decided way to its area, what the wethouder cannot read can be left out of a row,
and the decisions are written down for IT (docs/it-beheer.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, MetaData, Table, Uuid

from gebiedsapp.domain import Base
from gebiedsapp.storage import server_rights
from gebiedsapp.storage.server_rights import (
    ABOUT_COLUMNS,
    REFERENCE_TABLES,
    RESIDENT_TABLES,
    WETHOUDER_HIDDEN_COLUMNS,
    WETHOUDER_HIDDEN_TABLES,
    Rule,
    UnclassifiedTableError,
    rule_of,
    synced_tables,
)

DOCS = Path(__file__).parents[2] / "docs" / "it-beheer.md"


def test_every_synced_table_finds_its_area() -> None:
    rules = {table.name: rule_of(table) for table in synced_tables()}
    assert rules["conversation"] == Rule("parent", via="session_id", parent="koffiekar_session")
    assert rules["conversation_theme"] == Rule(
        "parent", via="conversation_id", parent="conversation"
    )
    assert rules["signal_photo"] == Rule("parent", via="signal_id", parent="signal")
    assert rules["initiative_milestone"] == Rule("parent", via="initiative_id", parent="initiative")
    assert rules["follow_up"] == Rule("own")
    assert rules["consent"] == Rule("resident")
    assert rules["record_version"] == Rule("about")
    # through the chain to the round's area
    conversation_theme = Base.metadata.tables["conversation_theme"]
    assert server_rights.area_sql(conversation_theme, "t") == (
        "(SELECT (SELECT tpp.area_id FROM koffiekar_session tpp WHERE tpp.id = tp.session_id) "
        "FROM conversation tp WHERE tp.id = t.conversation_id)"
    )


def test_a_new_table_without_a_way_to_an_area_is_refused() -> None:
    metadata = MetaData()
    Table("loose", metadata, Column("id", Uuid, primary_key=True))
    with pytest.raises(UnclassifiedTableError, match="loose"):
        rule_of(metadata.tables["loose"])
    # one with its own area_id needs no decision
    Table(
        "activity",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("area_id", Uuid, ForeignKey("area.id")),
    )
    assert rule_of(metadata.tables["activity"]) == Rule("own")


def test_the_named_tables_and_columns_exist() -> None:
    tables = Base.metadata.tables
    named = REFERENCE_TABLES | set(RESIDENT_TABLES) | set(ABOUT_COLUMNS) | WETHOUDER_HIDDEN_TABLES
    assert named <= set(tables)
    for table, columns in WETHOUDER_HIDDEN_COLUMNS.items():
        assert set(columns) <= set(tables[table].columns.keys()), table


def test_what_the_wethouder_cannot_read_has_a_default() -> None:
    """The engine pulls only the columns a role may read: the wethouder's laptop stores the
    row without the hidden ones, so each must be nullable or have a default."""
    for table, columns in WETHOUDER_HIDDEN_COLUMNS.items():
        for name in columns:
            column = Base.metadata.tables[table].columns[name]
            assert column.nullable or column.default is not None, f"{table}.{name}"


def test_the_decisions_are_written_down_for_it() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Wie ziet wat", 1)[1].split("\n## ", 1)[0]
    for table in synced_tables():
        assert f"`{table.name}`" in section, table.name
    for table, columns in WETHOUDER_HIDDEN_COLUMNS.items():
        for column in columns:
            assert f"`{table}.{column}`" in section or f"`{column}`" in section, column
