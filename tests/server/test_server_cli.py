"""`gebiedsapp server setup` and `server user add` as the municipality's IT runs them, against
a real (throwaway) server: idempotent, Dutch, and never with a password on the command line."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest
from alembic import command
from psycopg import errors
from sqlalchemy.engine import make_url

from gebiedsapp import cli
from gebiedsapp.paths import AppPaths
from gebiedsapp.storage import server_rights
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import alembic_config, upgrade
from support.rights_world import PASSWORD, World, build_world


def _run(
    capsys: pytest.CaptureFixture[str], data_dir: Path, url: str, *args: str, code: int = 0
) -> str:
    returned = cli.main(["--data-dir", str(data_dir), "--database", url, *args])
    out, err = capsys.readouterr()
    assert returned == code, out + err
    return out + err


def _add(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    url: str,
    *,
    account: str,
    role: str,
    password: str = PASSWORD,
    code: int = 0,
) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return _run(
        capsys,
        data_dir,
        url,
        "server",
        "user",
        "add",
        "--account",
        account,
        "--role",
        role,
        "--password-stdin",
        code=code,
    )


@pytest.mark.usefixtures("cli_environment")
def test_setup_twice_and_a_new_user_who_logs_in(
    pg_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    upgraded = _run(capsys, data, pg_url, "db", "upgrade")
    # db upgrade sets the rights up, on every synced table of the model
    assert f"Rechten bijgewerkt: {len(server_rights.synced_tables())} tabellen" in upgraded
    first = _run(capsys, data, pg_url, "server", "setup")
    again = _run(capsys, data, pg_url, "server", "setup")
    assert first == again
    assert first.startswith(f"Rechten ingesteld: {len(server_rights.synced_tables())} tabellen, ")

    account = f"{make_url(pg_url).database}_nieuw"
    said = _add(capsys, monkeypatch, data, pg_url, account=account, role="opbouwwerker")
    assert f"Inlog {account} (opbouwwerker) aangemaakt." in said
    assert "de server kent (nog) geen teamlid" in said  # no team data on this server yet
    login = make_url(pg_url).set(username=account, password=PASSWORD)
    with psycopg.connect(login.render_as_string(hide_password=False)) as db:
        assert db.execute("SELECT count(*) FROM area").fetchone() == (29,)  # reference data
        assert db.execute("SELECT count(*) FROM conversation").fetchone() == (0,)
        with pytest.raises(errors.InsufficientPrivilege):
            db.execute("SELECT * FROM audit_log")  # the server's own, not the team's
    # the statement log of the server never has the password: it is sent hashed
    with psycopg.connect(pg_url) as owner:
        stored = owner.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (account,)
        ).fetchone()
    assert stored is not None
    assert stored[0].startswith("SCRAM-SHA-256$")

    # a new password and another role: the same login, in the new group only
    changed = _add(
        capsys,
        monkeypatch,
        data,
        pg_url,
        account=account,
        role="gebiedswethouder",
        password="nog-een-lang-wachtwoord",
    )
    assert f"Inlog {account} (gebiedswethouder) bijgewerkt." in changed
    login = login.set(password="nog-een-lang-wachtwoord")
    with (
        psycopg.connect(login.render_as_string(hide_password=False)) as db,
        pytest.raises(errors.InsufficientPrivilege),
    ):
        db.execute("SELECT name FROM resident")
    assert f"Inlog van {account} verwijderd." in _run(
        capsys, data, pg_url, "server", "user", "remove", "--account", account
    )


@pytest.mark.usefixtures("cli_environment")
def test_what_is_refused_is_said_in_dutch_and_changes_nothing(
    pg_url: str,
    app_paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    laptop = f"sqlite:///{tmp_path / 'laptop.db'}"
    assert "alleen op de teamserver" in _run(capsys, data, laptop, "server", "setup", code=2)
    assert "Voer eerst 'gebiedsapp db upgrade" in _run(
        capsys, data, pg_url, "server", "setup", code=2
    )
    world: World = build_world(pg_url, app_paths, data)
    capsys.readouterr()
    # the owner's role (the cluster's superuser here) is not a team member: not touched
    owner = make_url(pg_url).username or ""
    refused = _add(capsys, monkeypatch, data, pg_url, account=owner, role="beheerder", code=2)
    assert "die geen teamlid is" in refused
    short = _add(
        capsys,
        monkeypatch,
        data,
        pg_url,
        account="kort",
        role="opbouwwerker",
        password="kort",
        code=2,
    )
    assert "te kort" in short
    # a team member cannot set up the rights (nor give themselves more)
    member = world.login_url("opbouwwerker")
    assert "Alleen de eigenaar van de database" in _run(
        capsys, data, member, "server", "setup", code=2
    )
    with psycopg.connect(pg_url) as db:
        assert db.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'kort'").fetchone() == (0,)


def test_an_upgrade_keeps_the_rights_in_the_same_transaction(
    pg_url: str, app_paths: AppPaths, tmp_path: Path
) -> None:
    """PostgreSQL refuses to alter or drop a column a policy uses, so a migration lifts the
    rights first and sets them up again after, in its own transaction: a server left at an
    earlier revision reaches head with its rights whole, by `upgrade` alone."""
    world = build_world(pg_url, app_paths, tmp_path / "data")
    database = Database.connect(pg_url)
    try:
        with database.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0008")  # the sync tables and their rights go
        upgrade(database.engine, backup_dir=None)
    finally:
        database.dispose()
    with world.connect("opbouwwerker") as db:
        assert _count(db, "SELECT count(*) FROM conversation") == 1  # Beerta's only
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            db.execute(
                "INSERT INTO sync_row (table_name, row_key, seq, version, personal, erased, "
                "pushed_by, pushed_at) VALUES ('conversation', %s, 0, 1, false, false, 'x', "
                "now())",
                (world.winschoten.conversation_id.hex,),
            )


def _count(db: psycopg.Connection, query: str) -> object:
    row = db.execute(query).fetchone()
    assert row is not None
    return row[0]
