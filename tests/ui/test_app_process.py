"""The real app in real processes (issue 13): killed while typing and started again, a second
start on the same database, and a command that must wait for the window.

Each child is `gebiedsapp` through its own entry point (tests/support/app_child.py clicks and
types into it); the parent kills with SIGKILL, as the operating system or an empty battery
would, and reads the database file and the log afterwards.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from gebiedsapp.paths import DATA_DIR_ENV
from gebiedsapp.services.encryption import PASSPHRASE_ENV
from support import dbfile
from support.dbfile import TEST_PASSPHRASE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
]

TESTS = Path(__file__).resolve().parents[1]
CHILD = TESTS / "support" / "app_child.py"
SRC = TESTS.parent / "src"
WAIT_S = 120  # generous: two cores shared with other work; a hang fails, it never passes


@pytest.fixture
def database(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    """A child as on a clean laptop: its own data and settings folders, no keyring."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        PASSPHRASE_ENV: TEST_PASSPHRASE,
        "GEBIEDSAPP_USER": "anna",
        DATA_DIR_ENV: str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
        "PYTHONUNBUFFERED": "1",
    }


@dataclass
class Child:
    process: subprocess.Popen[str]
    stderr: Path
    lines: queue.Queue[str] = field(default_factory=queue.Queue)

    def __post_init__(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")  # end of output

    def expect(self, prefix: str) -> str:
        """The next line; it must start with `prefix`."""
        try:
            line = self.lines.get(timeout=WAIT_S)
        except queue.Empty:
            pytest.fail(f"no '{prefix}' from the app in {WAIT_S} s: {self.errors()}")
        if not line:  # its output ended: it exited, or died
            code = self.process.wait(timeout=WAIT_S)
            pytest.fail(f"the app ended (exit {code}; -11: segmentation fault) before '{prefix}'")
        assert line.startswith(prefix), f"expected '{prefix}', got {line!r}: {self.errors()}"
        return line

    def errors(self) -> str:
        return self.stderr.read_text(errors="replace")[-3000:] if self.stderr.exists() else ""

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(timeout=WAIT_S) == -signal.SIGKILL

    def exit_code(self) -> int:
        return self.process.wait(timeout=WAIT_S)


@pytest.fixture
def start(database: Path, environment: dict[str, str], tmp_path: Path) -> Iterator[object]:
    children: list[Child] = []

    def start_child(mode: str) -> Child:
        stderr = tmp_path / f"child-{len(children)}-{mode}.txt"
        with stderr.open("w") as errors:
            process = subprocess.Popen(
                [sys.executable, str(CHILD), mode, "--", "--database", str(database)],
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=environment,
            )
        child = Child(process, stderr)
        children.append(child)
        return child

    yield start_child
    for child in children:
        if child.process.poll() is None:
            child.process.kill()
            child.process.wait()
        assert child.process.stdout is not None
        child.process.stdout.close()


def gebiedsapp(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m gebiedsapp ARGUMENTS` as typed at a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "gebiedsapp", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=WAIT_S,
        check=False,
    )


def drafts(database: Path) -> list[str]:
    connection = dbfile.connect(database, read_only=True)
    try:
        return [str(row[0]) for row in connection.execute("SELECT payload FROM draft")]
    finally:
        connection.close()


def log_text(environment: dict[str, str]) -> str:
    path = Path(environment[DATA_DIR_ENV]) / "logs" / "gebiedsapp.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_draft_left_by_a_kill_is_thrown_away_and_the_app_stays(start, database) -> None:  # type: ignore[no-untyped-def]
    """Issue 13, item 2: type, kill, start, 'Herstel je werk?' → Weggooien… → Ja. The app
    died with a segmentation fault (exit -11) four times out of four."""
    typing = start("type")
    typing.expect("DRAFT")
    typing.kill()
    assert len(drafts(database)) == 1
    assert "Zorgen om de bushalte" in drafts(database)[0]

    again = start("discard")
    again.expect("OFFERED 1")
    again.expect("DISCARDED")
    code = again.exit_code()
    assert code == 0, f"the app ended with {code} (-11: segmentation fault): {again.errors()}"
    assert drafts(database) == []


def test_a_second_start_brings_the_first_window_forward_and_offers_nothing(  # type: ignore[no-untyped-def]
    start, database, environment
) -> None:
    """Issue 13, item 6: a second start on the same database offered 'Herstel je werk?' for
    the draft the first window was still typing. Now it brings that window forward and
    stops (offscreen, a dialog it showed would wait forever: the run would time out)."""
    first = start("type")
    first.expect("DRAFT")

    second = gebiedsapp(environment, "--database", str(database))
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""
    assert "brought forward by a second start" in log_text(environment)
    assert first.process.poll() is None  # the first window works on
    assert len(drafts(database)) == 1  # its draft untouched

    first.kill()  # a killed window's lock is no lock: the next start opens and offers it
    after = start("discard")
    after.expect("OFFERED 1")
    after.expect("DISCARDED")
    assert after.exit_code() == 0


def test_restore_waits_for_the_window_and_says_why_in_dutch(start, database, environment) -> None:  # type: ignore[no-untyped-def]
    """Issue 13, item 6: `db restore` replaced the file under an open window."""
    made = gebiedsapp(environment, "--database", str(database), "db", "backup")
    assert made.returncode == 0, made.stderr
    window = start("type")
    window.expect("DRAFT")

    refused = gebiedsapp(environment, "--database", str(database), "db", "restore", "1", "--yes")
    assert refused.returncode == 2
    message = refused.stderr.strip().splitlines()[-1]
    assert message.startswith(f"De database {database} is nu geopend in het venster van anna")
    assert "Er is niets gewijzigd." in message
    assert "ERROR" not in refused.stderr
    assert "locked" not in refused.stderr
    assert "Teruggezet" not in refused.stdout
    assert len(drafts(database)) == 1  # the window's draft, still in the file it works on

    window.kill()
    restored = gebiedsapp(
        environment, "--database", str(database), "db", "restore", "1", "--yes", "--replace-newer"
    )
    assert restored.returncode == 0, restored.stderr
    assert "Teruggezet" in restored.stdout
