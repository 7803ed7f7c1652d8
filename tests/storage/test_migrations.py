"""Alembic: from empty to head, from every previous revision to head, and a no-op when current."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script
from sqlalchemy import Engine, inspect, text

from gebiedsapp.domain import Base
from gebiedsapp.paths import AppPaths, sqlite_url
from gebiedsapp.paths import app_paths as make_app_paths
from gebiedsapp.startup import OpenedDatabase, open_database
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    script_directory,
    upgrade,
)
from gebiedsapp.storage.search import is_search_table
from gebiedsapp.storage.sync_tracking import LAPTOP_TABLES, is_bookkeeping_table

REVISIONS: list[Script] = list(script_directory().walk_revisions())


def _schema_differences(engine: Engine) -> list[object]:
    """What autogenerate would put in a new migration: must be nothing.

    No diff kinds are filtered: UTCDateTime compares as its DateTime impl and the non-native
    enums compare as VARCHAR, so today there is no type noise to explain away. If a future
    SQLAlchemy/Alembic adds some, filter that exact kind here and say why.
    """
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return [
            diff
            for diff in compare_metadata(context, Base.metadata)
            # the FTS5 tables are made by SQL in migration 0002, sync's bookkeeping by 0009
            if not (
                diff[0] == "remove_table"
                and (is_search_table(diff[1].name) or is_bookkeeping_table(diff[1].name))
            )
        ]


def _upgrade_to(engine: Engine, target: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def _down_revisions(script: Script) -> tuple[str, ...]:
    down = script.down_revision
    if down is None:
        return ()
    return (down,) if isinstance(down, str) else tuple(down)


def test_there_is_exactly_one_head() -> None:
    assert len(script_directory().get_heads()) == 1
    assert head_revision() == script_directory().get_current_head()
    assert REVISIONS, "no migrations shipped"


@pytest.mark.fresh_database
def test_upgrade_from_empty_reaches_head(opened: OpenedDatabase) -> None:
    engine = opened.database.engine
    assert opened.upgrade.from_revision is None
    assert opened.upgrade.to_revision == head_revision()
    assert opened.upgrade.backup is None  # nothing to back up in an empty file
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        tables = {t for t in inspect(connection).get_table_names() if not is_search_table(t)}
    assert versions == [(head_revision(),)]
    assert tables == set(Base.metadata.tables) | {"alembic_version"} | LAPTOP_TABLES


def test_migrated_schema_matches_the_models(database: Database) -> None:
    assert _schema_differences(database.engine) == []


def test_schema_check_can_fail(tmp_path: Path) -> None:
    """The comparison does see a difference: an empty database lacks every table."""
    database = Database.connect(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        differences = _schema_differences(database.engine)
    finally:
        database.dispose()
    added = {
        diff[1].name for diff in differences if isinstance(diff, tuple) and diff[0] == "add_table"
    }
    assert added == set(Base.metadata.tables)


def test_upgrade_of_a_current_database_changes_nothing(
    opened: OpenedDatabase, db_url: str, app_paths: AppPaths
) -> None:
    opened.database.dispose()
    path = opened.database.file
    assert path is not None
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns

    database = Database.connect(db_url, opened.database.key)
    try:
        result = upgrade(database.engine, backup_dir=app_paths.backup_dir)
    finally:
        database.dispose()

    assert (result.from_revision, result.to_revision, result.backup) == (
        head_revision(),
        head_revision(),
        None,
    )
    assert list(app_paths.backup_dir.iterdir()) == []
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_reopening_a_current_database_neither_backs_up_nor_reloads(
    opened: OpenedDatabase, db_url: str, app_paths: AppPaths
) -> None:
    opened.database.dispose()
    again = open_database(db_url, app_paths, actor="test", key=opened.database.key)
    try:
        assert again.upgrade.backup is None
        assert again.upgrade.from_revision == head_revision()
        assert not again.reference_counts
    finally:
        again.database.dispose()
    assert list(app_paths.backup_dir.iterdir()) == []


@pytest.mark.parametrize("script", REVISIONS, ids=[s.revision for s in REVISIONS])
def test_upgrade_from_previous_revision(script: Script, tmp_path: Path) -> None:
    """Each revision's predecessor is a release a laptop may still run: it must reach head."""
    backup_dir = tmp_path / "backups"
    database = Database.connect(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        previous = _down_revisions(script)
        for revision in previous:
            _upgrade_to(database.engine, revision)
        result = upgrade(database.engine, backup_dir=backup_dir)

        assert result.to_revision == head_revision()
        assert current_revision(database.engine) == head_revision()
        assert _schema_differences(database.engine) == []
        if previous:
            assert result.from_revision in previous
            assert result.backup is not None
            assert result.backup.parent == backup_dir
            assert result.backup.stat().st_size > 0
        else:
            assert result.from_revision is None
            assert result.backup is None
    finally:
        database.dispose()


def test_first_start_with_the_default_database(tmp_path: Path) -> None:
    """A new laptop: neither the data folder nor the database exists yet."""
    paths = make_app_paths(tmp_path / "nieuw" / "gebiedsapp")
    opened = open_database(sqlite_url(paths.default_database), paths, actor="test")
    try:
        assert opened.upgrade.from_revision is None
        assert opened.reference_counts["area"] > 0
        assert opened.database.file == paths.default_database
    finally:
        opened.database.dispose()
    assert paths.backup_dir.is_dir()
    assert paths.log_dir.is_dir()
