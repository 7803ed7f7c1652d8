"""`gebiedsapp sync` (issue 16): Dutch output, the password from the keyring (never from an
argument), the server's address remembered, a dry run that changes nothing, and Dutch errors
that say what to do (wrong password, server unreachable, schema older than the app)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gebiedsapp import cli
from gebiedsapp.services import sync
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import alembic_config
from gebiedsapp.storage.sync_tracking import sync_outbox, sync_row
from support.pg_server import PostgresServer
from support.sync_world import Team, make_team

pytestmark = pytest.mark.usefixtures("cli_environment")


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


@pytest.fixture
def ring(memory_keyring: object, team: Team) -> object:
    memory_keyring.set_password(sync.KEYRING_SERVICE, "gebiedsapp", team.password)  # type: ignore[attr-defined]
    return memory_keyring


def gebiedsapp(capsys: pytest.CaptureFixture[str], team: Team, *args: str, code: int = 0) -> str:
    team.laptop("anna")  # made (a copy of the template) before the CLI opens it
    returned = cli.main(
        ["--data-dir", str(team.folder / "cli"), "--database", str(team.folder / "anna.db"), *args]
    )
    out, err = capsys.readouterr()
    assert returned == code, out + err
    return out + err


def _count(database: Database, table: object) -> int:
    with database.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


@pytest.mark.usefixtures("ring")
def test_sync_remembers_the_server_and_a_dry_run_changes_nothing(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    assert team.server is not None
    waiting = _count(team.laptop("anna"), sync_outbox)

    planned = gebiedsapp(capsys, team, "sync", "--dry-run", "--server", team.address)

    assert "Proefrun: er is niets gewijzigd" in planned
    assert "area" in planned
    assert _count(team.laptop("anna"), sync_outbox) == waiting
    assert _count(team.server, sync_row) == 0

    done = gebiedsapp(capsys, team, "sync", "--server", team.address)
    assert f"0 opgehaald, {waiting} verstuurd, 0 nieuwe conflicten" in done
    assert _count(team.laptop("anna"), sync_outbox) == 0

    again = gebiedsapp(capsys, team, "sync")  # the address was remembered
    assert "0 opgehaald, 0 verstuurd" in again


def test_a_password_in_the_address_is_refused(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    out = gebiedsapp(capsys, team, "sync", "--server", team.server_url, code=2)
    assert "Zet geen wachtwoord in het adres" in out
    assert team.password not in out
    assert team.server is not None
    assert _count(team.server, sync_row) == 0


def test_a_wrong_password_says_so(
    team: Team, capsys: pytest.CaptureFixture[str], memory_keyring: object
) -> None:
    memory_keyring.set_password(sync.KEYRING_SERVICE, "gebiedsapp", "fout")  # type: ignore[attr-defined]
    out = gebiedsapp(capsys, team, "sync", "--server", team.address, code=2)
    assert "weigert het wachtwoord van 'gebiedsapp'" in out


@pytest.mark.usefixtures("ring")
def test_an_unreachable_server_says_so_and_keeps_the_changes(
    team: Team, capsys: pytest.CaptureFixture[str], pg_server: PostgresServer
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"postgresql://gebiedsapp@127.0.0.1:{port}/gebiedsapp"
    out = gebiedsapp(capsys, team, "sync", "--server", address, code=2)
    assert "niet bereikbaar" in out
    assert "blijven op deze laptop bewaard" in out


@pytest.mark.usefixtures("ring")
def test_a_server_with_an_older_schema_names_the_command_to_run(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    assert team.server is not None
    config = alembic_config()
    with team.server.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
    out = gebiedsapp(capsys, team, "sync", "--server", team.address, code=2)
    assert "oudere versie (0008)" in out
    assert f"gebiedsapp db upgrade --database {team.address}" in out
