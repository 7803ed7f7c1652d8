"""The command line speaks Dutch only (issue 13, item 10): argparse's own words, errors that
quote the system's English, and no English log line on the terminal. The English detail goes
to the log file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gebiedsapp import __main__ as entry
from gebiedsapp import cli
from gebiedsapp.storage.errors import BackupError, StorageError, in_dutch
from gebiedsapp.storage.lock import WINDOW, DatabaseLock

pytestmark = pytest.mark.usefixtures("cli_environment")

SRC = Path(__file__).resolve().parents[1] / "src"


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        entry.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: gebiedsapp [-h]")
    assert "\nopties:\n" in out
    assert "\npositionele argumenten:\n" in out
    assert "-h, --help      deze hulp tonen en stoppen" in out
    assert "--version       het versienummer tonen en stoppen" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["report", "area", "--area", "Beerta"], "deze argumenten ontbreken: --from, --to"),
        (["bestaat-niet"], "bij OPDRACHT: ongeldige keuze: 'bestaat-niet' (kies uit 'gui'"),
        (["demo-data", "--seed", "tien"], "bij --seed: ongeldige waarde: 'tien'"),
        (["areas", "--onbekend"], "onbekende argumenten: --onbekend"),
        (["db"], "deze argumenten ontbreken: ACTIE"),
    ],
)
def test_argument_errors_are_dutch(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(arguments)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: gebiedsapp")
    assert ": fout: " in err
    assert message in err
    assert "error" not in err
    assert "usage" not in err
    assert "required" not in err


def test_storage_messages_never_quote_the_systems_english() -> None:
    error = BackupError(
        "backup failed: [Errno 2] No such file or directory: '/x'",
        "De reservekopie kon niet worden gemaakt in /x: [Errno 2] No such file or directory: '/x'",
    )
    assert error.user_message == (
        "De reservekopie kon niet worden gemaakt in /x: het bestand of de map bestaat niet"
    )
    assert "No such file" in str(error)  # the log keeps the English
    assert in_dutch("Het bestand /tmp kan niet worden gelezen: Is a directory.") == (
        "Het bestand /tmp kan niet worden gelezen: dat is een map, geen bestand."
    )
    assert in_dutch("De database is beschadigd (database or disk is full).") == (
        "De database is beschadigd (de schijf is vol)."
    )
    assert in_dutch("Fout: Unable to open database file") == (
        "Fout: het databasebestand kan niet worden geopend"
    )
    plain = "Er is niets gewijzigd."
    assert StorageError("x", plain).user_message == plain


def test_a_backup_into_a_file_says_why_in_dutch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "cli.db"
    blocker = tmp_path / "geen-map"
    blocker.write_text("dit is een bestand")
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(database)]
    assert cli.main([*base, "db", "upgrade"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "db", "backup", "--to", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"De reservekopie kon niet worden gemaakt in {blocker}")
    assert "er bestaat al een bestand met die naam" in err
    assert "Errno" not in err
    assert "exists" not in err
    assert "directory" not in err
    log = (tmp_path / "data" / "logs" / "gebiedsapp.log").read_text(encoding="utf-8")
    assert "Errno" in log  # the English detail, for whoever reads the log


def test_commands_that_rewrite_the_file_wait_for_the_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """db restore, encrypt, passphrase and upgrade refuse while a window holds the file (the
    window's own lock, taken here); a read-only command and a list of backups go ahead."""
    database = tmp_path / "cli.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(database)]
    assert cli.main([*base, "db", "upgrade"]) == 0
    assert cli.main([*base, "db", "backup"]) == 0
    capsys.readouterr()
    window = DatabaseLock(database, program=WINDOW, user="anna")
    assert window.acquire()
    try:
        for command in (["db", "restore", "1", "--yes"], ["db", "upgrade"], ["db", "passphrase"]):
            assert cli.main([*base, *command]) == 2, command
            err = capsys.readouterr().err
            assert err.startswith(f"De database {database} is nu geopend in het venster van anna")
            assert err.endswith("Er is niets gewijzigd.\n")
        assert cli.main([*base, "db", "restore"]) == 0  # only lists
        assert cli.main([*base, "areas"]) == 0
        capsys.readouterr()
    finally:
        window.release()
    assert cli.main([*base, "db", "upgrade"]) == 0


def test_the_terminal_shows_no_english_log_line(tmp_path: Path) -> None:
    """Run as a user runs it: before, `ERROR gebiedsapp.cli: cannot read …` came first."""
    folder = tmp_path / "map"
    folder.mkdir()
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "gebiedsapp", "--data-dir", str(data), "--database", str(folder),
         "areas"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        f"Het bestand {folder} kan niet worden gelezen: dat is een map, geen bestand.\n"
    )
    log = (data / "logs" / "gebiedsapp.log").read_text(encoding="utf-8")
    assert "ERROR" in log
    assert "Is a directory" in log
