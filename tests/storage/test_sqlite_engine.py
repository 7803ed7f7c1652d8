"""The SQLite connection settings the app relies on, and what the Database object reports."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gebiedsapp.domain import Assignment, Role
from gebiedsapp.storage.database import BUSY_TIMEOUT_MS, Database, sqlite_file


def test_pragmas_on_every_connection(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert BUSY_TIMEOUT_MS == 5000


def test_foreign_keys_are_enforced(session: Session) -> None:
    session.add(
        Assignment(
            member_id=uuid.uuid4(),
            area_id=uuid.uuid4(),
            role=Role.OPBOUWWERKER,
            start_date=date(2026, 1, 1),
        )
    )
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        session.flush()


def test_wal_file_is_used_while_open(database: Database) -> None:
    path = database.file
    assert path is not None
    with database.engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM area")).scalar_one()
        assert Path(f"{path}-wal").exists()


def test_file_and_description(database: Database, tmp_path: Path) -> None:
    assert database.file == tmp_path / "test.db"
    assert database.describe() == str(tmp_path / "test.db")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:////tmp/a/b.db", Path("/tmp/a/b.db")),
        ("postgresql://u:p@host/db", None),
    ],
)
def test_sqlite_file(url: str, expected: Path | None) -> None:
    assert sqlite_file(make_url(url)) == expected


def test_memory_database_is_described_in_dutch() -> None:
    database = Database.connect("sqlite://")
    try:
        assert database.file is None
        assert database.describe() == "tijdelijke database in het geheugen"
    finally:
        database.dispose()


def test_a_closed_database_is_freed(tmp_path: Path) -> None:
    """Nothing global keeps a Database (and its engine and caches) alive once it is closed: a
    bound method as a session listener once tied it to the event registry of its session
    class, and every opening leaked (found when the suite slowed down)."""
    import gc
    import weakref

    from gebiedsapp.storage.database import Database

    database = Database.connect(f"sqlite:///{tmp_path / 'vrij.db'}")
    with database.unit_of_work("anna"):
        pass
    gone = weakref.ref(database)
    database.dispose()
    del database
    gc.collect()
    assert gone() is None


def test_the_connection_used_last_is_handed_out_first(database: Database) -> None:
    """Each connection keeps its own cache of decrypted pages: the one used last is the
    warmest (issue 19: Samenvatting's open signals on 10x, 290 ms of CPU instead of 480 from
    the least recently used one)."""
    engine = database.engine
    with engine.connect() as first, engine.connect() as second:
        first_raw = first.connection.dbapi_connection
        second_raw = second.connection.dbapi_connection
        second.close()  # back first
    # `first` went back last
    with engine.connect() as again:
        assert again.connection.dbapi_connection is first_raw
        assert again.connection.dbapi_connection is not second_raw
