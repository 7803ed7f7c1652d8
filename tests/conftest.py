"""Shared fixtures for the core tests (and the UI tests): a fresh, migrated database per test.

Nothing here imports Qt: the core tests prove that the core stands alone.
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, AreaKind, TeamMember
from gebiedsapp.paths import AppPaths
from gebiedsapp.paths import app_paths as _app_paths
from gebiedsapp.services import areas as area_service
from gebiedsapp.services import teams as team_service
from gebiedsapp.startup import OpenedDatabase, open_database
from gebiedsapp.storage.database import Database
from support.dbfile import TEST_KEY, TEST_PASSPHRASE  # the tests run on encrypted databases

# `summary_world`: the known data set of the summary tests (figures, PDF, CLI, dashboard);
# `large_database`: the `large` demo data, generated once per run
pytest_plugins = ["support.summary_world", "support.large_world", "support.long_lists"]


@pytest.fixture(autouse=True)
def _gil_switch_interval() -> Iterator[None]:
    """create_main_window favours the GUI thread (threads.favour_the_gui_thread, process-wide):
    a test that starts the window does not change the interval for the tests after it."""
    before = sys.getswitchinterval()
    yield
    sys.setswitchinterval(before)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """Data folder (database, backups, logs) inside the test's own temp folder."""
    return _app_paths(tmp_path / "data")


# GEBIEDSAPP_TEST_MIGRATE_EVERY_TEST=1 gives every test a database migrated on its own, as
# before the template: only to measure what the template saves (issue 20's before/after).
MIGRATE_EVERY_TEST = os.environ.get("GEBIEDSAPP_TEST_MIGRATE_EVERY_TEST") == "1"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated through Alembic with the reference data in, made once per run:
    migrating an encrypted database took most of a test's set-up time."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.db"
    opened = open_database(
        f"sqlite:///{path}", _app_paths(folder / "data"), actor="test", key=TEST_KEY
    )
    opened.database.dispose()
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("template.db-")]
    assert not leftovers, f"the template was not closed cleanly: {leftovers}"
    return path


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A real file, so that WAL, locking and backups behave as on a laptop: a copy of the
    migrated template, or an empty file for a test marked `fresh_database` (first start,
    migrations), which the app then creates and migrates itself."""
    target = tmp_path / "test.db"
    if request.node.get_closest_marker("fresh_database") is None and not MIGRATE_EVERY_TEST:
        shutil.copyfile(request.getfixturevalue("migrated_template"), target)
    return f"sqlite:///{target}"


@pytest.fixture
def opened(db_url: str, app_paths: AppPaths) -> Iterator[OpenedDatabase]:
    """The database as the app opens it: checked, migrated through Alembic, reference data in."""
    result = open_database(db_url, app_paths, actor="test", key=TEST_KEY)
    yield result
    result.database.dispose()


@pytest.fixture
def database(opened: OpenedDatabase) -> Database:
    return opened.database


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    """A session acting as "test"; tests flush or commit themselves."""
    with database.sessions() as session:
        session.info["actor"] = "test"
        yield session


@pytest.fixture
def make_member(session: Session) -> Callable[..., TeamMember]:
    def make(**overrides: Any) -> TeamMember:
        fields: dict[str, Any] = {"name": "Tessa Testema", "organisation": "Gemeente Oldambt"}
        fields.update(overrides)
        return team_service.add_member(session, **fields)

    return make


@pytest.fixture
def make_area(session: Session) -> Callable[..., Area]:
    def make(**overrides: Any) -> Area:
        fields: dict[str, Any] = {"name": "Testgebied", "kind": AreaKind.GEBIED}
        fields.update(overrides)
        if "parent_id" not in fields:
            fields["parent_id"] = area_service.find_area(session, "oldambt").id
        return area_service.create_area(session, **fields)

    return make


# A blocked modal dialog or a hung worker fails the run in minutes, with every thread's stack,
# instead of at CI's limit. (pytest's own faulthandler_timeout only prints the stacks, and a
# signal-based timeout never fires while Qt's event loop holds the main thread: a thread does.)
HANG_LIMIT_S = float(os.environ.get("GEBIEDSAPP_TEST_HANG_LIMIT_S", "300"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    capture = item.config.pluginmanager.getplugin("capturemanager")

    def fail_the_run() -> None:
        if capture is not None:
            capture.suspend_global_capture(in_=False)
        sys.stderr.write(f"\nTimeout: {item.nodeid} ran over {HANG_LIMIT_S:g} s; the stacks:\n")
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        sys.stderr.flush()
        os._exit(1)

    guard = threading.Timer(HANG_LIMIT_S, fail_the_run)
    guard.daemon = True
    guard.start()
    try:
        yield
    finally:
        guard.cancel()


CLI_USER = "cli-test"


@pytest.fixture
def cli_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI as on a clean machine: no database or data folder from the environment, a known
    user name for what it records, and the passphrase of the (encrypted) database."""
    from gebiedsapp.paths import DATA_DIR_ENV, DATABASE_URL_ENV

    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("GEBIEDSAPP_USER", CLI_USER)
    monkeypatch.setenv("GEBIEDSAPP_PASSPHRASE", TEST_PASSPHRASE)


class MemoryKeyring(KeyringBackend):
    """The OS keyring's API, kept in memory: no test reads or writes a developer's own."""

    priority = 1

    def __init__(self) -> None:  # no settings from the environment, as the base class reads
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    """Every test: an empty keyring and no notes of what it holds (services.passphrases), and
    no passphrase from the developer's environment."""
    from gebiedsapp.services import passphrases

    monkeypatch.setattr(passphrases, "MARKER_FOLDER", tmp_path / "sleutelhanger")
    monkeypatch.delenv("GEBIEDSAPP_PASSPHRASE", raising=False)
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)
