"""Upgrading a database that holds data: nothing lost, links intact, and all-or-nothing.

The migration tests that start from an empty database cannot see these: SQLite rebuilds a table
in batch mode by copy-and-drop, which with foreign keys on cascades into the tables that point at
it, and Python's sqlite3 used to run DDL outside any transaction, so a failing migration left half
its tables behind.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from gebiedsapp.paths import app_paths as make_app_paths
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import create_app_engine
from gebiedsapp.storage.migrate import alembic_config, head_revision

STAMP = "2025-05-01 10:00:00.000000"
TRACKED = "created_at, updated_at, created_by, updated_by, version"
TRACKED_VALUES = f"'{STAMP}', '{STAMP}', 'oud', 'oud', 1"


def _database_at_0001_with_data(path: Path) -> dict[str, int]:
    """A file at revision 0001 (as the first release left it) with rounds and conversations."""
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    area, theme, other_theme = (uuid.uuid4().hex for _ in range(3))
    db = sqlite3.connect(path)
    db.execute(
        f"INSERT INTO area (id, name, kind, description, sort_order, {TRACKED}) "
        f"VALUES (?, 'Beerta', 'kern', '', 0, {TRACKED_VALUES})",
        (area,),
    )
    for theme_id, name in ((theme, "Eenzaamheid"), (other_theme, "Ouderen")):
        db.execute(
            f"INSERT INTO theme (id, name, description, sort_order, retired, {TRACKED}) "
            f"VALUES (?, ?, '', 0, 0, {TRACKED_VALUES})",
            (theme_id, name),
        )
    for r in range(3):
        session_id = uuid.uuid4().hex
        db.execute(
            f"INSERT INTO koffiekar_session (id, area_id, place, date, weather, passers_by, notes, "
            f"{TRACKED}) VALUES (?, ?, 'bij de kerk', '2025-05-0{r + 1}', '', 10, '', "
            f"{TRACKED_VALUES})",
            (session_id, area),
        )
        for c in range(4):
            conversation = uuid.uuid4().hex
            db.execute(
                f"INSERT INTO conversation (id, session_id, summary, quote, quote_reportable, "
                f"handling, {TRACKED}) VALUES (?, ?, ?, '', 0, 'ter_plekke', {TRACKED_VALUES})",
                (conversation, session_id, f"Eén gesprek over de bushalte nummer {r}-{c}"),
            )
            db.executemany(
                "INSERT INTO conversation_theme (conversation_id, theme_id) VALUES (?, ?)",
                [(conversation, theme), (conversation, other_theme)],
            )
    db.commit()
    db.close()
    return {"koffiekar_session": 3, "conversation": 12, "conversation_theme": 24}


def _count(path: Path, table: str) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def test_upgrade_keeps_every_row_and_link(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    expected = _database_at_0001_with_data(path)
    opened = open_database(f"sqlite:///{path}", make_app_paths(tmp_path / "data"), actor="t")
    try:
        assert opened.upgrade.from_revision == "0001"
        assert opened.upgrade.to_revision == head_revision()
        assert opened.upgrade.backup is not None
        with opened.database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        opened.database.dispose()
    for table, count in expected.items():
        assert _count(path, table) == count, table
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # the full-text index covers what was there before the upgrade (diacritics folded)
        found = db.execute(
            "SELECT count(*) FROM conversation_fts WHERE conversation_fts MATCH 'een AND bushalte'"
        ).fetchone()
        assert found == (12,)
    finally:
        db.close()
    # and the backup is the database as it was
    assert _count(opened.upgrade.backup, "conversation_theme") == 24


def test_a_failing_upgrade_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    _database_at_0001_with_data(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE follow_up (x INTEGER)")  # in the way of migration 0002
    db.commit()
    db.close()
    engine = create_app_engine(f"sqlite:///{path}")
    try:
        from gebiedsapp.storage.migrate import upgrade

        with pytest.raises(Exception, match="follow_up"):
            upgrade(engine, backup_dir=None)
    finally:
        engine.dispose()
    db = sqlite3.connect(path)
    try:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        # tables 0002 made before it failed were rolled back with it
        assert "resident" not in tables
        assert "record_version" not in tables
        assert db.execute("SELECT count(*) FROM conversation_theme").fetchone() == (24,)
    finally:
        db.close()
