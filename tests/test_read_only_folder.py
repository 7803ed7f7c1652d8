"""A read-only data folder with `backups/` and `logs/` missing (issue 14, item 6): the command
line says in Dutch what is missing and what that means, on stderr, never a traceback; it goes
on where it can (a database elsewhere), and stops with a non-zero code where it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsapp import cli
from gebiedsapp.paths import app_paths
from support.readonly import read_only


def test_the_folders_that_cannot_be_made_are_named_with_what_that_means(tmp_path: Path) -> None:
    with read_only(tmp_path / "data") as data:
        paths = app_paths(data).ensure()  # no exception
        problems = [p.message() for p in paths.problems()]
    assert problems[0].startswith(f"De gegevensmap {data} is alleen-lezen")
    # as root a read-only disk; as another user a folder without rights
    assert problems[1].startswith(
        f"De map voor reservekopieën {data / 'backups'} ontbreekt en kan niet worden gemaakt: "
    )
    assert problems[1].endswith("Er worden geen reservekopieën gemaakt, ook niet bij het starten.")
    assert "Er wordt geen logbestand bijgehouden." in problems[2]
    assert app_paths(tmp_path / "elsewhere").ensure().problems() == []


@pytest.mark.usefixtures("cli_environment")
def test_the_command_line_explains_and_stops_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only(tmp_path / "data") as data:
        code = cli.main(["--data-dir", str(data), "areas"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert f"Let op: De gegevensmap {data} is alleen-lezen" in err
    assert "Er worden geen reservekopieën gemaakt" in err
    assert "De database kon niet worden gebruikt; er is niets gewijzigd." in err


@pytest.mark.usefixtures("cli_environment")
def test_the_command_line_goes_on_with_a_database_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "elders" / "gebiedsapp.db"
    database.parent.mkdir()
    with read_only(tmp_path / "data") as data:
        base = ["--data-dir", str(data), "--database", str(database)]
        assert cli.main([*base, "areas"]) == 0
        out = capsys.readouterr()
        assert "Beerta" in out.out
        assert "Er worden geen reservekopieën gemaakt" in out.err
        assert cli.main([*base, "db", "backup"]) == 2  # no folder for it: refused, in Dutch
        err = capsys.readouterr().err
        assert "De reservekopie kon niet worden gemaakt" in err
        assert "Traceback" not in err
