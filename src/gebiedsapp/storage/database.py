"""Engine and session factory: SQLite by default (WAL, foreign keys, busy timeout), PostgreSQL
(psycopg 3, the optional `server` extra) for the team's shared store, any SQLAlchemy URL otherwise.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.pool import QueuePool

from gebiedsapp.domain.base import Tracked
from gebiedsapp.domain.people import Resident
from gebiedsapp.storage.audit import record_changes
from gebiedsapp.storage.crypto import DatabaseKey, check_key, cipher_module
from gebiedsapp.storage.errors import DatabaseUnavailableError, PersonalDataRefusedError
from gebiedsapp.storage.search import rebuild_search_index
from gebiedsapp.storage.text_guard import keep_drafts, refuse_broken_parameters
from gebiedsapp.threads import lower_this_thread

BUSY_TIMEOUT_MS = 5000
PAGE_CACHE_KIB = 64 * 1024
# FULL: a commit is on the disk before it returns, so an empty battery or a power cut loses
# nothing that was reported saved (NORMAL, in WAL mode, may roll back the last commits);
# bench/run.py measures what it costs, against a baseline with the same setting
SYNCHRONOUS = "FULL"


def sqlite_file(url: URL) -> Path | None:
    """The file behind an SQLite URL, or None for in-memory and non-SQLite URLs."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in {"", ":memory:"} or database.startswith("file::memory:"):
        return None
    if url.query.get("uri") == "true" and database.startswith("file:"):
        # a URI filename (read-only opening): file:///C:/x%20y.db -> C:\x y.db; imported here:
        # urllib.request imports http.client and email, which no start needs (issue 19)
        from urllib.request import url2pathname

        return Path(url2pathname(urlsplit(database).path))
    return Path(database)


def read_only_url(path: Path) -> str:
    """An SQLite URL that opens `path` read-only: SQLite refuses every write. Without a WAL
    beside it, `immutable` also keeps SQLite from making -wal and -shm files."""
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    # as_uri escapes ? # % and spaces for SQLite; quote once more, as the URL unquotes once
    return f"sqlite:///{quote(path.resolve().as_uri(), safe=':/')}?{flags}&uri=true"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        # deleted and changed content is overwritten, not left in free pages (erasure, AVG)
        cursor.execute("PRAGMA secure_delete = ON")
        # SQLCipher decrypts each page it reads into this cache: keep up to 64 MiB of them (the
        # `large` demo database is 60 MB), so a screen or report that reads again reads from
        # memory, as a plain file would from the OS cache. Filled only as pages are read.
        cursor.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    finally:
        cursor.close()


def create_app_engine(url: str | URL, key: DatabaseKey | None = None) -> Engine:
    """An engine with the app's settings. With a `key` the SQLite file is opened through
    SQLCipher (the `sqlite+pysqlcipher` dialect, the raw key as its password).

    `hide_parameters`: an error's message names the statement, never the values, so a
    resident's name cannot reach a log file through a failed insert."""
    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        url = url.set(drivername="sqlite", password=None)  # as given, or as a keyed engine had it
        options: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        if key is not None:
            if sqlite_file(url) is None:
                raise ValueError("only an SQLite file can be encrypted")
            if cipher_module() is None:
                raise RuntimeError("SQLCipher (sqlcipher3) is not installed")
            url = url.set(drivername="sqlite+pysqlcipher", password=key.pragma_value)
            # the dialect's default (one connection per thread) would pin a connection to the
            # worker thread for good; the pool of a plain file serves both the same way. The
            # connection used last comes first (LIFO): each has its own page cache of
            # decrypted pages, and the least recently used one (FIFO) is the coldest; on ten
            # times today's data Samenvatting's open signals took 290 ms of CPU instead of 480
            engine = create_engine(
                url,
                connect_args=options,
                poolclass=QueuePool,
                pool_use_lifo=True,
                hide_parameters=True,
            )
            event.listen(engine, "connect", check_key)
        else:
            engine = create_engine(url, connect_args=options, hide_parameters=True)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "before_cursor_execute", refuse_broken_parameters)
        return engine
    if key is not None:
        raise ValueError("only an SQLite file can be encrypted (a server encrypts its own disks)")
    return _server_engine(url)


SERVER_DRIVERS = {"postgresql": "postgresql+psycopg"}  # what a bare `postgresql://` means here


def _server_engine(url: URL) -> Engine:
    """A database server's engine: `postgresql://` is psycopg 3 whatever SQLAlchemy's default
    driver is. Without the driver installed, a Dutch message says which extra to install."""
    url = url.set(drivername=SERVER_DRIVERS.get(url.drivername, url.drivername))
    try:
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    except ImportError as exc:
        raise DatabaseUnavailableError(
            f"no driver for {url.drivername}: {exc}",
            f"Gebiedsapp kan geen verbinding maken met {url.get_backend_name()}: het "
            "stuurprogramma ontbreekt. Installeer het met: pip install 'gebiedsapp[server]' "
            "(psycopg 3). Er is niets gewijzigd.",
        ) from exc


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


KEEPS_PERSONAL_DATA = "keeps_personal_data"  # in session.info: may contact details be written?


def refuse_personal_data(session: Session, _context: Any, _instances: Any) -> None:
    """The before_flush hook of an unencrypted database file: a resident's name, phone or
    e-mail is not written (PersonalDataRefusedError, Dutch); the flush, and with it the unit of
    work, fails and nothing is stored."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Resident) and (obj.name or obj.phone or obj.email):
            raise PersonalDataRefusedError(
                "personal data refused: the database file is not encrypted",
                "Deze database is niet versleuteld. Namen, telefoonnummers en e-mailadressen "
                "van bewoners worden daarom niet opgeslagen. Versleutel de database eerst "
                "(Beheer → Database versleutelen…) of laat de contactgegevens leeg.",
            )


DATABASE = "database"  # in session.info: a weak reference to the Database of the session


def _database_of(session: Session) -> Database | None:
    ref = session.info.get(DATABASE)
    return ref() if ref is not None else None


def _checked_before_writing(session: Session, _context: Any, _instances: Any) -> None:
    database = _database_of(session)
    if database is not None:
        database.wait_until_checked()


def _checked_before_dml(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        database = _database_of(state.session)
        if database is not None:
            database.wait_until_checked()


class IntegrityGate:
    """The start's integrity check, run beside the window: every write waits for it (`wait`),
    and none happens on a database it found damaged. Reading does not wait. With `start`
    False it begins when told (`start`: the window, after its first paint, so that the check
    does not take a core from that paint) or at the first write, whichever comes first. With
    `low` its thread runs below the others (the window's: a core for half a second on `large`,
    which the first screen's reads need, issue 19)."""

    def __init__(self, check: Callable[[], None], *, start: bool = True, low: bool = False) -> None:
        self._error: BaseException | None = None
        self._low = low
        self._thread = threading.Thread(target=self._run, args=(check,), daemon=True)
        self._starting = threading.Lock()
        self._started = False
        if start:
            self.start()

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        with self._starting:
            if not self._started:
                self._started = True
                self._thread.start()

    def _run(self, check: Callable[[], None]) -> None:
        try:  # whatever fails here, the first write hears of it: never a check skipped
            if self._low:
                lower_this_thread()
            check()
        except BaseException as error:  # handed to whoever writes first
            self._error = error

    def wait(self) -> None:
        """Return once the check passed; raise what it found (DamagedDatabaseError, say). A
        check not started yet is started by the write that waits for it at normal priority:
        lowered, it would only keep that write (a draft saved on the GUI thread) waiting."""
        with self._starting:
            if not self._started:
                self._low = False
        self.start()
        self._thread.join()
        if self._error is not None:
            raise self._error


@dataclass
class Database:
    """An open database: its URL, engine and the factory for units of work."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    key: DatabaseKey | None = None
    read_only: bool = False  # a damaged database opened to look at (startup.open_read_only)
    gate: IntegrityGate | None = None  # the start's integrity check, if still running

    @classmethod
    def connect(cls, url: str | URL, key: DatabaseKey | None = None) -> Database:
        engine = create_app_engine(url, key)
        sessions = sessionmaker(engine, expire_on_commit=False)
        read_only = make_url(url).query.get("mode") == "ro"
        database = cls(
            url=engine.url, engine=engine, sessions=sessions, key=key, read_only=read_only
        )
        # module-level listeners that find the database through a weak reference: a bound
        # method here would tie the database to the session class's event registry for good
        sessions.configure(info={DATABASE: weakref.ref(database)})
        event.listen(sessions, "before_flush", _checked_before_writing)
        event.listen(sessions, "do_orm_execute", _checked_before_dml)
        event.listen(sessions, "before_flush", _stamp_author)
        event.listen(sessions, "before_flush", keep_drafts)  # storage.text_guard
        if not database.keeps_personal_data:
            event.listen(sessions, "before_flush", refuse_personal_data)
        event.listen(sessions, "before_flush", record_changes)  # after the stamps
        return database

    def begin_check(self) -> None:
        """Start the start's integrity check now, if it waits to be started."""
        gate = self.gate
        if gate is not None:
            gate.start()

    def wait_until_checked(self) -> None:
        """Before a write: wait for the start's integrity check; raise what it found."""
        if self.gate is not None:
            self.gate.wait()  # raises, and so nothing is written, when the check failed
            self.gate = None

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def keeps_personal_data(self) -> bool:
        """Whether residents' contact details may be stored: never in a plain file on this
        laptop's disk. An encrypted file may, and so may an in-memory database (nothing on
        disk) and a database server (encrypted at rest by its own administrators)."""
        return self.file is None or self.encrypted

    def reopen(self, key: DatabaseKey | None) -> None:
        """Go on with the same file under another key, after it was encrypted or re-keyed
        while closed: a new engine, bound to the same session factory, so everyone holding
        this Database keeps using it. No session may be open meanwhile."""
        self.engine.dispose()
        engine = create_app_engine(self.url, key)
        self.sessions.configure(bind=engine)
        self.engine, self.url, self.key = engine, engine.url, key
        guarded = event.contains(self.sessions, "before_flush", refuse_personal_data)
        if self.keeps_personal_data and guarded:
            event.remove(self.sessions, "before_flush", refuse_personal_data)

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    def describe(self) -> str:
        """Where the data lives, for the status bar: a path, or the URL without password."""
        path = self.file
        if path is not None:
            return f"{path} (alleen-lezen)" if self.read_only else str(path)
        if self.url.get_backend_name() == "sqlite":
            return "tijdelijke database in het geheugen"
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self, actor: str) -> Iterator[Session]:
        """One user action: commits when the block ends normally, rolls back on any error."""
        with self.sessions() as session:
            session.info["actor"] = actor
            session.info[KEEPS_PERSONAL_DATA] = self.keeps_personal_data
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
