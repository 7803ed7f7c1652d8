"""A throwaway PostgreSQL cluster for the server tests: `initdb` in a temporary folder, started
with `pg_ctl` on a free loopback port (its unix socket in that folder too), removed afterwards.

PostgreSQL refuses to run as root (tests in CI and containers run as root), so there the
cluster is made and run by an unprivileged account (`postgres` when the package made one, else
`nobody`): the child process drops to it through subprocess's own `user=`/`group=`, which needs
no `sudo`, `runuser` or `setpriv` on the machine.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HOW_TO_ENABLE = (
    "PostgreSQL is not installed (no initdb on PATH nor under /usr/lib/postgresql/*/bin). "
    "To run the server tests, install it: `sudo apt-get install postgresql` (Debian/Ubuntu), "
    "or any PostgreSQL 13+ with initdb and pg_ctl on PATH."
)
BIN_ENV = "GEBIEDSAPP_TEST_PG_BIN"  # a folder with initdb and pg_ctl: another version, or none
REQUIRE_ENV = "GEBIEDSAPP_REQUIRE_POSTGRES"  # set by .ci/run: a missing server fails, as in CI
USER = "gebiedsapp"  # the cluster's superuser, who also owns the test databases
START_TIMEOUT_S = 60


class ServerUnavailableError(RuntimeError):
    """No PostgreSQL on this machine, or it could not be started (the message says which)."""


def find_bin_dir() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: on PATH (Debian puts only psql there; other
    systems and images all of them), else the newest /usr/lib/postgresql/<version>/bin.
    GEBIEDSAPP_TEST_PG_BIN names the folder instead (one without them: as if none)."""
    chosen = os.environ.get(BIN_ENV)
    if chosen:
        folder = Path(chosen)
        usable = (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()
        return folder if usable else None
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl", path=str(Path(found).parent)):
        return Path(found).parent
    candidates = sorted(
        (Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda folder: _version_key(folder.parent.name),
    )
    return candidates[-1] if candidates else None


def postgres_required() -> bool:
    """In CI (CI=true, or .ci/run's own flag) the server tests must run: no server fails."""
    return any(
        os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}
        for name in ("CI", REQUIRE_ENV)
    )


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_as() -> pwd.struct_passwd | None:
    """The account to run PostgreSQL as: None when we are not root (then as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise ServerUnavailableError("running as root and there is no 'postgres' or 'nobody' account")


@dataclass
class PostgresServer:
    """A running cluster: `url(name)` for a database on it, `create_database` for a new one."""

    folder: Path
    port: int
    password: str

    def url(self, database: str = "postgres", *, driver: str = "postgresql") -> str:
        return f"{driver}://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new, empty database owned by the cluster's user; its URL as a user types it."""
        import psycopg

        with psycopg.connect(self.url(driver="postgresql"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _checked(command: list[str], account: pwd.struct_passwd | None, what: str) -> None:
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=START_TIMEOUT_S,
        user=account.pw_uid if account else None,
        group=account.pw_gid if account else None,
        extra_groups=[] if account else None,
        cwd="/",  # a folder every account may enter
        env={**os.environ, "LC_ALL": "C", "LANG": "C"},
    )
    if result.returncode != 0:
        problem = (result.stdout + result.stderr)[-2000:]
        raise ServerUnavailableError(f"{what} failed ({result.returncode}): {problem}")


OWNER = "owner.pid"  # in a cluster's folder: the test process that made it


def _sweep_stale(bin_dir: Path, account: pwd.struct_passwd | None) -> None:
    """Stop and remove the clusters of test runs that were killed before their clean-up: a
    server outlives a SIGKILLed pytest (it is not its child's child for long)."""
    for folder in Path(tempfile.gettempdir()).glob("gebiedsapp-pg-*"):
        try:
            owner = int((folder / OWNER).read_text())
        except (OSError, ValueError):
            continue  # being made right now, or not ours
        try:
            os.kill(owner, 0)
            continue  # that run is still going
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # another user's live process
        with contextlib.suppress(ServerUnavailableError, subprocess.TimeoutExpired, OSError):
            stop = [str(bin_dir / "pg_ctl"), "stop", "--mode=immediate", f"-D{folder / 'data'}"]
            _checked(stop, account, "pg_ctl stop")
        shutil.rmtree(folder, ignore_errors=True)


def _start(bin_dir: Path, account: pwd.struct_passwd | None, folder: Path) -> int:
    """Start the cluster on a free port (another one when that was taken meanwhile)."""
    for attempt in range(3):
        port = _free_port()
        options = (
            f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        command = [str(bin_dir / "pg_ctl"), "start", "--wait", f"--timeout={START_TIMEOUT_S}"]
        command += [f"--pgdata={folder / 'data'}", f"--log={folder / 'server.log'}"]
        try:
            _checked([*command, f"--options={options}"], account, "pg_ctl start")
        except ServerUnavailableError as exc:
            log = folder / "server.log"
            told = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            if attempt == 2 or "could not bind" not in told:
                raise ServerUnavailableError(f"{exc}\nserver log:\n{told}") from exc
            continue
        return port
    raise AssertionError("unreachable")


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """A cluster for the length of the block; raises ServerUnavailableError (with HOW_TO_ENABLE
    when PostgreSQL is missing)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise ServerUnavailableError(HOW_TO_ENABLE)
    account = _run_as()
    _sweep_stale(bin_dir, account)
    # not under pytest's tmp_path: its folders are private to root, which the server's
    # account cannot enter; a short path also keeps the socket's name under its 107 bytes
    folder = Path(tempfile.mkdtemp(prefix="gebiedsapp-pg-"))
    (folder / OWNER).write_text(str(os.getpid()))
    data, password = folder / "data", secrets.token_hex(16)
    password_file = folder / "password"
    password_file.touch(mode=0o600)
    password_file.write_text(password + "\n")
    if account is not None:
        os.chown(folder, account.pw_uid, account.pw_gid)
        os.chown(password_file, account.pw_uid, account.pw_gid)
    started = False
    try:
        _checked(
            [
                str(bin_dir / "initdb"),
                f"--pgdata={data}",
                f"--username={USER}",
                f"--pwfile={password_file}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",  # a throwaway cluster: nothing to keep after a power cut
            ],
            account,
            "initdb",
        )
        port = _start(bin_dir, account, folder)
        started = True
        yield PostgresServer(folder=folder, port=port, password=password)
    finally:
        if started:
            _checked(
                [str(bin_dir / "pg_ctl"), "stop", "--wait", "--mode=fast", f"--pgdata={data}"],
                account,
                "pg_ctl stop",
            )
        shutil.rmtree(folder, ignore_errors=True)
