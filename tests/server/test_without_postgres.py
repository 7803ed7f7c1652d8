"""What the server tests do where PostgreSQL is missing: skip, saying how to enable them, or
in CI fail, so CI never passes without having run them. And what a user sees without the
driver. None of these needs a server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from gebiedsapp import cli
from gebiedsapp.storage.database import Database
from support import pg_server
from support.dbfile import TEST_KEY
from support.pg_server import BIN_ENV, REQUIRE_ENV, postgres_required

ROOT = Path(__file__).resolve().parents[2]
SERVER_TEST = (
    "tests/server/test_pg_schema.py::test_every_migration_downgrades_to_empty_and_up_again"
)
URL = "postgresql://gebiedsapp:geheim@127.0.0.1:1/gebiedsapp"  # port 1: never reached here


def _pytest_without_postgres(tmp_path: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, BIN_ENV: str(tmp_path / "no-postgres"), "CI": "", REQUIRE_ENV: ""}
    env.update(environ)
    basetemp = f"--basetemp={tmp_path / 'inner'}"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(
        # its own basetemp: the default one would clean up this run's temporary folders
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", SERVER_TEST, basetemp],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_without_postgres_the_server_tests_skip_and_say_how_to_enable_them(
    tmp_path: Path,
) -> None:
    run = _pytest_without_postgres(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout
    assert "server tests skipped: PostgreSQL is not installed" in run.stdout
    assert "apt-get install postgresql" in run.stdout


def test_in_ci_a_missing_postgres_fails_the_run(tmp_path: Path) -> None:
    run = _pytest_without_postgres(tmp_path, **{REQUIRE_ENV: "1"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "CI: no PostgreSQL server for the server tests" in run.stdout
    assert "1 error" in run.stdout
    assert "skipped" not in run.stdout


@pytest.mark.parametrize(
    ("environ", "required"),
    [
        ({"CI": "true"}, True),  # GitHub, GitLab and most CI services
        ({REQUIRE_ENV: "1"}, True),  # .ci/run
        ({"CI": "false"}, False),
        ({}, False),
    ],
)
def test_ci_is_told_by_its_environment(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], required: bool
) -> None:
    for name in ("CI", REQUIRE_ENV):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert postgres_required() is required


def test_a_server_database_takes_no_sqlcipher_key() -> None:
    """SQLCipher encrypts a file on this laptop; a server's disks are its administrators'."""
    with pytest.raises(ValueError, match="only an SQLite file"):
        Database.connect(URL, TEST_KEY)


def test_postgresql_urls_use_psycopg_3() -> None:
    database = Database.connect(URL)  # makes no connection yet
    try:
        assert database.engine.dialect.driver == "psycopg"
        assert "geheim" not in database.describe()
    finally:
        database.dispose()


@pytest.mark.usefixtures("cli_environment")
def test_without_the_driver_the_cli_says_which_extra_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` fails, as if absent
    code = cli.main(["--data-dir", str(tmp_path / "data"), "--database", URL, "db", "upgrade"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'gebiedsapp[server]'" in err
    assert "Er is niets gewijzigd." in err
    assert not (tmp_path / "data").exists() or not list((tmp_path / "data").glob("**/*.db"))


def test_initdb_is_found_under_usr_lib_postgresql_newest_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Debian puts only psql on PATH; initdb and pg_ctl live in /usr/lib/postgresql/N/bin."""
    monkeypatch.delenv(BIN_ENV, raising=False)
    monkeypatch.setattr(pg_server.shutil, "which", lambda _name, path=None: None)
    found = [f"/usr/lib/postgresql/{v}/bin/initdb" for v in ("9.6", "15", "16", "13")]
    monkeypatch.setattr(pg_server.glob, "glob", lambda _pattern: found)
    assert pg_server.find_bin_dir() == Path("/usr/lib/postgresql/16/bin")
    monkeypatch.setattr(pg_server.glob, "glob", lambda _pattern: [])
    assert pg_server.find_bin_dir() is None


def test_a_killed_runs_cluster_is_cleared_and_a_running_ones_kept() -> None:
    dead = Path(tempfile.mkdtemp(prefix="gebiedsapp-pg-"))
    alive = Path(tempfile.mkdtemp(prefix="gebiedsapp-pg-"))
    try:
        dead_pid = subprocess.Popen(["true"])  # a process id that no longer runs
        dead_pid.wait()
        (dead / pg_server.OWNER).write_text(str(dead_pid.pid))
        (alive / pg_server.OWNER).write_text(str(os.getpid()))
        pg_server._sweep_stale(Path("/nonexistent"), None)  # no server to stop in either
        assert not dead.exists()
        assert alive.exists()
    finally:
        shutil.rmtree(dead, ignore_errors=True)
        shutil.rmtree(alive, ignore_errors=True)


@pytest.mark.usefixtures("cli_environment")
def test_an_unreachable_server_is_said_in_dutch_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["--data-dir", str(tmp_path / "data"), "--database", URL, "db", "current"])
    err = capsys.readouterr().err
    assert code == 2
    assert "De databaseserver is niet bereikbaar of weigert de verbinding" in err
    assert "127.0.0.1:1/gebiedsapp" in err
    assert "geheim" not in err
