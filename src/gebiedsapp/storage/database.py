"""Engine and session factory: SQLite by default (WAL, foreign keys, busy timeout), any SQLAlchemy
URL otherwise (PostgreSQL comes with the sync issue).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from gebiedsapp.domain.base import Tracked
from gebiedsapp.storage.audit import record_changes
from gebiedsapp.storage.search import rebuild_search_index

BUSY_TIMEOUT_MS = 5000


def sqlite_file(url: URL) -> Path | None:
    """The file behind an SQLite URL, or None for in-memory and non-SQLite URLs."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in {"", ":memory:"} or database.startswith("file::memory:"):
        return None
    return Path(database)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    assert isinstance(dbapi_connection, sqlite3.Connection)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # deleted and changed content is overwritten, not left in free pages (erasure, AVG)
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def create_app_engine(url: str | URL) -> Engine:
    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _stamp_author(session: Session, _context: Any, _instances: Any) -> None:
    """Fill created_by/updated_by from the session's actor, so no service can forget them."""
    actor = str(session.info.get("actor", ""))
    for obj in session.new:
        if isinstance(obj, Tracked):
            if not obj.created_by:
                obj.created_by = actor
            obj.updated_by = actor
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj):
            obj.updated_by = actor


@dataclass
class Database:
    """An open database: its URL, engine and the factory for units of work."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str | URL) -> Database:
        engine = create_app_engine(url)
        sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(sessions, "before_flush", _stamp_author)
        event.listen(sessions, "before_flush", record_changes)  # after the stamps
        return cls(url=engine.url, engine=engine, sessions=sessions)

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    def describe(self) -> str:
        """Where the data lives, for the status bar: a path, or the URL without password."""
        path = self.file
        if path is not None:
            return str(path)
        if self.url.get_backend_name() == "sqlite":
            return "tijdelijke database in het geheugen"
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self, actor: str) -> Iterator[Session]:
        """One user action: commits when the block ends normally, rolls back on any error."""
        with self.sessions() as session:
            session.info["actor"] = actor
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def read_session(self, actor: str = "") -> Session:
        session = self.sessions()
        session.info["actor"] = actor
        return session

    def purge_traces(self) -> None:
        """After an erasure: rebuild the search index (FTS keeps old terms in its segments
        until they merge) and move the WAL into the database file, so the erased words are
        left nowhere in the database's own files. Backups made before keep them until they
        rotate out."""
        if self.url.get_backend_name() != "sqlite":
            return
        with self.engine.begin() as connection:
            rebuild_search_index(connection)
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def dispose(self) -> None:
        self.engine.dispose()
