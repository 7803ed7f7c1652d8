"""Checking, backing up and upgrading a database before the app uses it.

Order matters: a file is inspected read-only first (header, schema revision), so that a file that
is not ours, not a database, or from a newer app is refused without a single byte changed. Only
then is a backup made and the schema upgraded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from gebiedsapp.storage.backup import backup_sqlite_file
from gebiedsapp.storage.crypto import (
    ENCRYPTED,
    PLAIN,
    DatabaseKey,
    WrongKeyError,
    connect_file,
    database_errors,
    file_state,
)
from gebiedsapp.storage.database import sqlite_file
from gebiedsapp.storage.errors import (
    DamagedDatabaseError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    EmptyDatabaseFileError,
    ForeignDatabaseError,
    MigrationError,
    NotADatabaseError,
    WrongPassphraseError,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

# The newest migration in migrations/versions. Kept here so that opening an up-to-date
# database (every start but the first after an update) needs no Alembic import at all;
# tests/storage/test_migrations.py fails when a migration is added without bumping this.
SCHEMA_HEAD = "0021"

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return SCHEMA_HEAD


@cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this version knows (a database or backup at one of them can be
    brought to head)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


@dataclass(frozen=True)
class DatabaseState:
    """What a read-only look at a database found."""

    exists: bool  # holds any tables at all
    revision: str | None

    @property
    def is_current(self) -> bool:
        return self.revision == head_revision()


CREATING_SUFFIX = ".wordt-gemaakt"  # beside a new database until its first start completes


def creating_marker(path: Path) -> Path:
    return path.with_name(path.name + CREATING_SUFFIX)


def refuse_empty_file(path: Path) -> None:
    """A database file of zero bytes is refused (EmptyDatabaseFileError, Dutch), unless it is
    the app's own new database whose first start was interrupted (its marker is beside it):
    a disk, sync or copy fault emptied it, and a new empty database in its place would hide
    that every record is gone. A missing file is a new database."""
    try:
        empty = path.exists() and path.stat().st_size == 0
    except OSError:
        return  # the check that follows explains it
    if empty and not creating_marker(path).exists():
        raise EmptyDatabaseFileError(
            f"{path} is an empty file (0 bytes); refused rather than replaced",
            f"Het databasebestand {path} is leeg (0 bytes): de gegevens zijn verloren gegaan, "
            "bijvoorbeeld door een schijf- of synchronisatiefout. De Gebiedsapp maakt er geen "
            "nieuwe, lege database van. Zet de nieuwste reservekopie terug ('gebiedsapp db "
            "restore', of vraag de beheerder); die kopie staat in de map met reservekopieën. "
            "Er is niets gewijzigd.",
            path,
        )


def inspect_sqlite_file(path: Path, key: DatabaseKey | None = None) -> DatabaseState:
    """Look at an SQLite file without changing it; raise when it is not one we may open.
    An encrypted (SQLCipher) file is read with `key`; a plain one without."""
    refuse_empty_file(path)
    if not path.exists() or path.stat().st_size == 0:
        if not path.parent.is_dir():
            raise DatabaseUnavailableError(
                f"folder {path.parent} does not exist",
                f"De map {path.parent} bestaat niet. Kies een bestaande map voor de database.",
            )
        return DatabaseState(exists=False, revision=None)
    try:
        state = file_state(path)
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"cannot read {path}: {exc}",
            f"Het bestand {path} kan niet worden gelezen: {exc.strerror or exc}.",
        ) from exc
    if state not in (PLAIN, ENCRYPTED) or (state == ENCRYPTED and key is None):
        raise NotADatabaseError(
            f"{path} is not an SQLite database (state {state})",
            f"Het bestand {path} is geen Gebiedsapp-database (of het is beschadigd, of "
            "versleuteld zonder dat er een wachtwoord is gegeven). Het bestand is niet gewijzigd.",
        )
    # A WAL database opened even read-only makes -wal/-shm files next to it. Without a -wal
    # file there is nothing in flight, and `immutable=1` reads the file without creating any;
    # with one (another instance is running, or it crashed), the log must be read too.
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = connect_file(
            f"{path.as_uri()}?{flags}", key if state == ENCRYPTED else None, uri=True
        )
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except WrongKeyError as exc:
        raise WrongPassphraseError(
            f"{path}: the key does not open it",
            f"Het wachtwoord is onjuist, of {path} is geen Gebiedsapp-database. Er is niets "
            "gewijzigd.",
        ) from exc
    except database_errors() as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_CORRUPT":
            raise NotADatabaseError(
                f"{path} cannot be read as SQLite: {exc}",
                f"Het bestand {path} is beschadigd of geen Gebiedsapp-database. "
                "Het bestand is niet gewijzigd.",
            ) from exc
        raise DamagedDatabaseError(
            f"{path} cannot be read as SQLite: {exc}",
            f"De database {path} is beschadigd ({exc}). Er is niets aan gewijzigd. Zet de "
            "nieuwste goede reservekopie terug (Bestand → Reservekopie terugzetten, of "
            "'gebiedsapp db restore').",
            path,
        ) from exc
    _check_revision(str(path), tables - {"alembic_version"}, revision)
    return DatabaseState(exists=bool(tables), revision=revision)


def inspect_engine(engine: Engine) -> DatabaseState:
    """The same check for a database reached through an engine (PostgreSQL, in-memory SQLite)."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = _stored_revision(connection) if "alembic_version" in tables else None
    _check_revision(engine.url.render_as_string(hide_password=True), tables, revision)
    return DatabaseState(exists=bool(tables), revision=revision)


def _stored_revision(connection: Connection) -> str | None:
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def _check_revision(where: str, tables: set[str], revision: str | None) -> None:
    if revision is None:
        if tables - {"alembic_version"}:
            raise ForeignDatabaseError(
                f"{where} holds tables {sorted(tables)[:5]} but no Gebiedsapp schema version",
                f"{where} is een database van een ander programma. Gebiedsapp opent hem niet en "
                "heeft niets gewijzigd.",
            )
        return
    if revision == SCHEMA_HEAD:
        return
    known = {rev.revision for rev in script_directory().walk_revisions()}
    if revision not in known:
        raise DatabaseTooNewError(
            f"{where} has schema revision {revision}, unknown to this version",
            f"Deze database is gemaakt met een nieuwere versie van Gebiedsapp. Werk Gebiedsapp "
            f"bij om hem te openen. De database is niet gewijzigd ({where}).",
        )


def check_database(url: str, key: DatabaseKey | None = None) -> DatabaseState:
    path = sqlite_file(make_url(url))
    if path is not None:
        return inspect_sqlite_file(path, key)
    from gebiedsapp.storage.database import create_app_engine

    engine = create_app_engine(url)
    try:
        return inspect_engine(engine)
    except OperationalError as exc:  # the first contact with a server: say what failed
        if engine.dialect.name == "sqlite":
            raise
        where = engine.url.render_as_string(hide_password=True)
        told = str(exc.orig or exc).strip().splitlines()[0][:300]
        raise DatabaseUnavailableError(
            f"cannot reach {where}: {told}",
            f"De databaseserver is niet bereikbaar of weigert de verbinding ({where}). "
            "Controleer het adres, de poort, de gebruikersnaam en het wachtwoord, en of de "
            f"server draait. Er is niets gewijzigd. Technische melding: {told}",
        ) from exc
    finally:
        engine.dispose()


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def upgrade(
    engine: Engine, *, backup_dir: Path | None, key: DatabaseKey | None = None
) -> UpgradeResult:
    """Bring the schema to head; back up first when an existing database will change.

    Call `check_database` before opening the engine: this assumes the database is ours.
    """
    state = inspect_engine(engine)
    head = head_revision()
    backup = None
    if state.revision == head:
        return UpgradeResult(state.revision, head, None)
    path = sqlite_file(engine.url)
    if state.exists and path is not None and backup_dir is not None:
        backup = backup_sqlite_file(
            path, backup_dir, reason=f"voor-upgrade-{state.revision}", key=key
        )
    _run_migrations(engine, "head")
    log.info("database upgraded from %s to %s", state.revision, head)
    return UpgradeResult(state.revision, head, backup)


def _run_migrations(engine: Engine, target: str) -> None:
    """Run Alembic in one transaction.

    On SQLite, foreign keys are off while migrating: batch mode rebuilds a table by copying it
    and dropping the original, and with foreign keys on that drop would fail, or worse, cascade
    deletes into the tables that point at it (conversation_theme lost its links before this).
    `PRAGMA foreign_key_check` afterwards refuses a migration that left a dangling reference;
    the transaction is then rolled back and the database stays as it was.
    """
    from alembic import command

    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection  # sqlite3.Connection on SQLite
        if sqlite:
            # Python's sqlite3 (before 3.12) runs DDL outside any transaction, so a failing
            # migration would leave half its tables behind: take over, and BEGIN explicitly.
            raw.isolation_level = None
            raw.execute("PRAGMA foreign_keys = OFF")  # honoured only outside a transaction
        try:
            with connection.begin():
                if sqlite:
                    raw.execute("BEGIN")  # committed or rolled back by connection.begin()
                config.attributes["connection"] = connection
                rights = _lift_server_rights(connection)
                command.upgrade(config, target)
                if rights:  # in the same transaction: never a moment without them
                    from gebiedsapp.storage import server_roles

                    server_roles.set_up(connection)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise MigrationError(
                            f"migration to {target} left dangling references: {broken[:5]}",
                            "Het bijwerken van de database is mislukt en teruggedraaid; de "
                            "database is niet gewijzigd. Neem contact op met de beheerder.",
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")
                raw.isolation_level = ""  # back to the driver's default for the pool


def _lift_server_rights(connection: Connection) -> bool:
    """On a team server with its rights set up (storage.server_rights): drop the policies
    and functions before migrating, since PostgreSQL refuses to change or drop a column a
    policy uses; True when they were there (and are to be set up again after)."""
    if connection.dialect.name != "postgresql":
        return False
    from gebiedsapp.storage import server_roles

    return server_roles.lift_rights(connection)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return _stored_revision(connection)
