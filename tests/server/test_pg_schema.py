"""The team's PostgreSQL store: the app's own models and Alembic migrations build it, through
`gebiedsapp db upgrade --database postgresql://...`, on a real (throwaway) server.

On the server the SQLite-only parts are left out: the FTS5 search tables and their triggers
(search is local), the SQLite pragmas and the foreign-key check around a migration; batch
table rebuilds become plain ALTER TABLE statements there.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script
from sqlalchemy import Engine, Table, delete, insert, inspect, select
from sqlalchemy.orm import Session

from gebiedsapp import cli
from gebiedsapp.domain import (
    Area,
    AuditHead,
    Base,
    Conversation,
    Handling,
    KoffiekarSession,
    Partner,
    Resident,
    Signal,
    SignalCategory,
    SignalSource,
    SignalStatus,
    Theme,
    reference_id,
)
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import demo, koffiekar, signals
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    script_directory,
    upgrade,
)
from gebiedsapp.storage.sync_tracking import SERVER_TABLES, is_bookkeeping_table
from support.pg_server import PostgresServer

REVISIONS: list[Script] = list(script_directory().walk_revisions())
BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")


def _cli(
    capsys: pytest.CaptureFixture[str], data_dir: Path, url: str, *args: str, code: int = 0
) -> str:
    returned = cli.main(["--data-dir", str(data_dir), "--database", url, *args])
    out, err = capsys.readouterr()
    assert returned == code, err
    return out + err


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def _schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would put in a new migration for this server: must be nothing."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return [
            diff
            for diff in compare_metadata(context, Base.metadata)
            # the server's sync bookkeeping is made by Core tables of migration 0009
            if not (
                (diff[0] == "remove_table" and is_bookkeeping_table(diff[1].name))
                or (diff[0] == "remove_index" and is_bookkeeping_table(diff[1].table.name))
            )
        ]


def _alembic(engine: Engine, action: str, target: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs}


@pytest.mark.usefixtures("cli_environment")
def test_db_upgrade_builds_the_server_schema_from_empty(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    assert "Schemaversie van de database: leeg" in _cli(capsys, data_dir, pg_url, "db", "current")

    out = _cli(capsys, data_dir, pg_url, "db", "upgrade")

    assert f"Database bijgewerkt van leeg naar {head_revision()}" in out
    assert "Reservekopie" not in out  # a server is backed up by its own administrators
    assert f"Schemaversie van de database: {head_revision()}" in _cli(
        capsys, data_dir, pg_url, "db", "current"
    )
    again = _cli(capsys, data_dir, pg_url, "db", "upgrade")
    assert f"Database is al bij: {head_revision()}" in again
    # the audit chain (hashes over the rows as stored) holds on the server as on a laptop
    assert "de keten is heel" in _cli(capsys, data_dir, pg_url, "audit", "verify")
    # a server's copies are its administrators' (pg_dump): no file copy of it is attempted
    refused = _cli(capsys, data_dir, pg_url, "db", "backup", code=2)
    assert "pg_dump" in refused
    database = Database.connect(pg_url)
    try:
        assert database.engine.dialect.name == "postgresql"
        assert database.engine.dialect.driver == "psycopg"
        # every model's table and nothing else: no FTS5 tables, no SQLite leftovers
        assert (
            _tables(database.engine)
            == set(Base.metadata.tables) | {"alembic_version"} | SERVER_TABLES
        )
        assert _schema_differences(database.engine) == []
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()
    assert not list(data_dir.glob("**/*.db"))  # no local file was made instead


@pytest.mark.usefixtures("cli_environment")
def test_a_wrong_password_or_another_programs_database_is_refused(
    pg_server: PostgresServer, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    wrong = pg_url.replace(f":{pg_server.password}@", ":fout@")
    refused = _cli(capsys, data_dir, wrong, "db", "upgrade", code=2)
    assert "niet bereikbaar of weigert de verbinding" in refused
    assert "password authentication failed" in refused

    with psycopg.connect(pg_url, autocommit=True) as connection:
        connection.execute("CREATE TABLE klant (nummer integer PRIMARY KEY)")
    foreign = _cli(capsys, data_dir, pg_url, "db", "upgrade", code=2)
    assert "een database van een ander programma" in foreign
    server = Database.connect(pg_url)
    try:
        assert _tables(server.engine) == {"klant"}  # nothing was added
    finally:
        server.dispose()


def test_reference_data_has_the_same_ids_as_on_a_laptop(
    pg_url: str, database: Database, app_paths: AppPaths
) -> None:
    """uuid5 ids from the keys: the server's areas and themes are the laptops' own rows."""
    server = open_database(pg_url, app_paths, actor="test")
    try:
        assert server.reference_counts["area"] > 0
        for model in (Area, Theme, SignalCategory, Partner):
            query = select(model.key, model.id).where(model.key.is_not(None))
            with database.read_session() as local, server.database.read_session() as remote:
                on_laptop = {tuple(row) for row in local.execute(query)}
                on_server = {tuple(row) for row in remote.execute(query)}
            assert on_server == on_laptop, model.__name__
            assert on_server
    finally:
        server.database.dispose()


def _write(session: Session) -> list[Any]:
    """A round, a conversation with a resident and a theme, and a signal from it, moved once."""
    round_ = koffiekar.start_session(
        session,
        SessionInput(
            area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9, 30), place="Dorpsplein"
        ),
    )
    recorded = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=ConversationInput(
            summary="Mevrouw voelt zich eenzaam sinds de bus niet meer rijdt; één keer per week "
            "koffie zou helpen ☕",
            theme_ids=[EENZAAMHEID],
            handling=Handling.DOORVERWIJZEN,
            quote="„Ik zie hier niemand meer”",
            quote_reportable=True,
            resident=ResidentInput(
                name="Geertje Ödön-Bakker", phone="0597 123 456", wants_contact=True, consent=True
            ),
        ),
        today=date(2026, 11, 23),
    )
    session.flush()
    conversation = session.get(Conversation, recorded.id)
    assert conversation is not None
    assert conversation.resident_id is not None
    resident = session.get(Resident, conversation.resident_id)
    signal = signals.create_signal(
        session,
        SignalInput(
            area_id=BEERTA,
            description="Zwerfvuil bij de bushalte, Hoofdstraat",
            source=SignalSource.KOFFIEKAR,
            reported_on=date(2026, 11, 23),
            category_id=ZWERFVUIL,
            latitude=53.1234567,
            longitude=7.0987654,
            conversation_id=conversation.id,
            wants_feedback=True,
        ),
        today=date(2026, 11, 24),
    )
    signals.transition(session, signal.id, SignalStatus.IN_BEHANDELING, today=date(2026, 11, 24))
    session.flush()
    return [round_, conversation, resident, signal]


def test_records_round_trip_through_the_services(pg_url: str, app_paths: AppPaths) -> None:
    server = open_database(pg_url, app_paths, actor="test").database
    try:
        with server.unit_of_work("regisseur") as session:
            written = _write(session)
            expected = {(type(r), r.id): _columns(r) for r in written}

        with server.read_session() as session:
            for (model, row_id), columns in expected.items():
                row = session.get(model, row_id)
                assert row is not None
                assert _columns(row) == columns, model.__name__
            resident = session.get(Resident, written[2].id)
            assert resident is not None
            assert (resident.name, resident.phone) == ("Geertje Ödön-Bakker", "0597 123 456")
            view = koffiekar.get_conversation(session, written[1].id)
            assert view.summary.endswith("helpen ☕")
            assert view.themes == ("Eenzaamheid",)
            assert view.has_resident
            signal = signals.get_signal(session, written[3].id)
            assert signal.status == SignalStatus.IN_BEHANDELING
            assert signal.conversation_id == written[1].id
            assert [h.new for h in signals.signal_history(session, signal.id)][-1] == (
                SignalStatus.IN_BEHANDELING
            )
            assert session.scalar(select(KoffiekarSession.place)) == "Dorpsplein"
            assert session.scalars(select(Conversation.id)).all() == [written[1].id]
            assert session.scalars(select(Signal.id)).all() == [written[3].id]
    finally:
        server.dispose()


def _rows(engine: Engine, table: Table) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """A table's rows by primary key, in the order the database hands them out (parents
    before children in the self-referencing trees: the order they were inserted)."""
    key = [table.columns.keys().index(c.name) for c in table.primary_key.columns]
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(select(table))]
    return {tuple(row[i] for i in key): row for row in rows}


def test_a_laptops_whole_database_fits_the_server_schema(pg_url: str, database: Database) -> None:
    """Every row of a filled laptop database (demo data: residents, rounds, signals, audit)
    goes into the server's tables as it is, and reads back the same: no text too long for a
    column, no type or constraint that only SQLite lets through. What sync will move."""
    with database.unit_of_work("regisseur") as session:
        counts = demo.generate(session, size="small", seed=16, anchor=date(2026, 11, 30))
    assert sum(counts.values()) > 1000
    server = Database.connect(pg_url)
    try:
        upgrade(server.engine, backup_dir=None)
        with server.engine.begin() as connection:
            connection.execute(delete(AuditHead))  # the laptop's head comes with its log
            for table in Base.metadata.sorted_tables:
                names = table.columns.keys()
                rows = [
                    dict(zip(names, row, strict=True))
                    for row in _rows(database.engine, table).values()
                ]
                if rows:
                    connection.execute(insert(table), rows)
        for table in Base.metadata.sorted_tables:
            assert _rows(server.engine, table) == _rows(database.engine, table), table.name
    finally:
        server.dispose()


@pytest.mark.parametrize("script", REVISIONS, ids=[s.revision for s in REVISIONS])
def test_upgrade_from_previous_revision_on_the_server(
    script: Script, pg_url: str, tmp_path: Path
) -> None:
    """A server left at an earlier release's schema reaches head (as on a laptop)."""
    database = Database.connect(pg_url)
    try:
        previous = script.down_revision
        assert previous is None or isinstance(previous, str)
        if previous is not None:
            _alembic(database.engine, "upgrade", previous)
        result = upgrade(database.engine, backup_dir=tmp_path / "backups")

        assert (result.from_revision, result.to_revision) == (previous, head_revision())
        assert result.backup is None  # a server is not copied as a file
        assert _schema_differences(database.engine) == []
    finally:
        database.dispose()
    assert not (tmp_path / "backups").exists()


def test_every_migration_downgrades_to_empty_and_up_again(pg_url: str) -> None:
    database = Database.connect(pg_url)
    try:
        upgrade(database.engine, backup_dir=None)
        _alembic(database.engine, "downgrade", "base")
        assert _tables(database.engine) == {"alembic_version"}
        assert current_revision(database.engine) is None

        upgrade(database.engine, backup_dir=None)
        assert current_revision(database.engine) == head_revision()
        assert _schema_differences(database.engine) == []
    finally:
        database.dispose()
