"""A pull reads a table's rows ahead (issue 16, benchmarks): a worker thread fetches the next
batch from the table's server-side cursor, on the pull's own connection and snapshot, while
the laptop writes the batch before. The batches must be the rows the plain query gives, in
order; the pull's look-ups between batches still work on that connection; a pull that stops
early leaves no cursor or fetch behind; a lost connection is SQLAlchemy's error (so the
sync says in Dutch that the connection dropped), not the driver's."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import closing, suppress
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from gebiedsapp.services import koffiekar
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.storage.repositories import sync_server
from gebiedsapp.storage.repositories.sync_read_ahead import changes_read_ahead
from gebiedsapp.storage.sync_tables import by_name
from support.sync_world import BEERTA, EENZAAMHEID, Team, make_team

ROWS = 10


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    world = make_team(tmp_path, migrated_template, pg_url)
    team = next(world)
    with team.laptop("anna").unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place="x"),
        )
        for number in range(ROWS):
            koffiekar.record_conversation(
                session,
                session_id=round_.id,
                data=ConversationInput(summary=f"Gesprek {number}", theme_ids=[EENZAAMHEID]),
                today=date(2026, 11, 23),
            )
    team.sync("anna")
    yield team
    with pytest.raises(StopIteration):
        next(world)


def _columns() -> list[str]:
    return [c.name for c in by_name()["conversation"].table.columns]


def test_the_batches_are_the_rows_of_the_plain_query_in_order(team: Team) -> None:
    table = by_name()["conversation"]
    assert team.server is not None
    with team.server.engine.connect() as connection, connection.begin():
        plain = sync_server.changes(connection, table, _columns(), after=0, limit=1000)
        assert len(plain) == ROWS
        sizes = []
        got = []
        with closing(changes_read_ahead(connection, table, _columns(), after=0, size=3)) as batches:
            for batch in batches:
                sizes.append(len(batch))
                got.extend(batch)
                # a look-up between batches, on the same connection, while the next is read
                assert connection.scalar(text("SELECT count(*) FROM conversation")) == ROWS
        assert sizes == [3, 3, 3, 1]
        assert got == plain
        exact = changes_read_ahead(connection, table, _columns(), after=0, size=5)
        with closing(exact) as batches:
            assert [len(b) for b in batches] == [5, 5]  # no empty batch at the end
        later = changes_read_ahead(connection, table, _columns(), after=plain[-1].seq, size=5)
        with closing(later) as batches:
            assert list(batches) == []


def test_a_pull_that_stops_early_leaves_no_cursor_behind(team: Team) -> None:
    table = by_name()["conversation"]
    assert team.server is not None
    with team.server.engine.connect() as connection, connection.begin():
        with closing(changes_read_ahead(connection, table, _columns(), after=0, size=2)) as rows:
            first = next(rows)  # the second batch is being read meanwhile
        assert len(first) == 2
        assert connection.scalar(text("SELECT count(*) FROM pg_cursors")) == 0
        assert connection.scalar(text("SELECT count(*) FROM conversation")) == ROWS


def test_a_lost_connection_is_sqlalchemys_error(team: Team) -> None:
    table = by_name()["conversation"]
    assert team.server is not None
    other = create_engine(team.server_url)
    caught: Exception | None = None
    try:
        with team.server.engine.connect() as connection:
            transaction = connection.begin()
            backend = connection.scalar(text("SELECT pg_backend_pid()"))
            batches = changes_read_ahead(connection, table, _columns(), after=0, size=2)
            with closing(batches):
                next(batches)
                with other.connect() as admin:
                    admin.execute(text("SELECT pg_terminate_backend(:p)"), {"p": backend})
                try:
                    list(batches)
                except Exception as exc:
                    caught = exc
            with suppress(OperationalError):
                transaction.rollback()
    finally:
        other.dispose()
    assert isinstance(caught, OperationalError), caught


def test_a_pull_that_fails_leaves_no_reader_behind_and_runs_again(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next table's first batch is asked for while a table is written: when the pull
    fails there, that reader too is closed (its thread gone, its fetch waited for) before
    the server's transaction ends, and the next sync brings everything."""
    from gebiedsapp.services.sync import pull

    real = pull._write_batch

    def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("de laptop viel uit")

    monkeypatch.setattr(pull, "_write_batch", failing)
    with pytest.raises(RuntimeError):
        team.sync("bert")
    readers = [t for t in threading.enumerate() if t.name.startswith("sync-pull-read")]
    assert not [t for t in readers if t.is_alive()]
    monkeypatch.setattr(pull, "_write_batch", real)
    assert team.sync("bert").pulled >= ROWS
    with team.laptop("bert").engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM conversation")) == ROWS
