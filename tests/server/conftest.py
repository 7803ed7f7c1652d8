"""The server tests' PostgreSQL: one throwaway cluster per run (tests/support/pg_server.py),
a new empty database on it per test.

Without PostgreSQL on the machine these tests are skipped, saying how to enable them; in CI
(CI=true, as CI services set it, or GEBIEDSAPP_REQUIRE_POSTGRES=1, as .ci/run does) that is a
failure instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator

import pytest

from support.pg_server import (
    PostgresServer,
    ServerUnavailableError,
    postgres_required,
    running_server,
)

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(running_server())
        except ServerUnavailableError as exc:
            if postgres_required():
                pytest.fail(f"CI: no PostgreSQL server for the server tests: {exc}")
            pytest.skip(f"server tests skipped: {exc}")
        yield server


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """A new, empty database on the test cluster, as `postgresql://user:password@host:port/db`.
    (Left for the cluster's removal at the end of the run: dropping costs time, not space.)"""
    return pg_server.create_database(f"test_{os.getpid()}_{next(_numbers)}")
