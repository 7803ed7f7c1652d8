"""Commands that change nothing leave the database file byte for byte as it was (issue 14: a
dry run appended an 'open' row to the audit log), and a database on a read-only file system
is said to be read-only, not 'a disk or network fault'."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from gebiedsapp import cli
from gebiedsapp.storage.errors import explain_write_error
from support.mounts import make_read_only, small_disk

pytestmark = pytest.mark.usefixtures("cli_environment")

MAPS = ("--map", "description=Omschrijving", "--map", "category=Categorie", "--map", "area=Dorp")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["signals", "import", "{csv}", *MAPS, "--dry-run"],
        ["privacy", "retention", "--dry-run"],
        ["privacy", "settings"],
        ["areas"],
        ["team"],
        ["initiatives"],
    ],
)
def test_a_command_that_changes_nothing_leaves_the_file_byte_identical(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "cli.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "upgrade"]) == 0  # made, migrated, closed
    csv = tmp_path / "export.csv"
    csv.write_bytes(b"Omschrijving;Categorie;Dorp\nZwerfvuil;Afval / Zwerfvuil;Beerta\n")
    before = _digest(db)

    assert cli.main([*base, *(part.format(csv=csv) for part in command)]) == 0

    assert _digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cli.db", "data", "export.csv"]


def test_a_database_on_a_read_only_file_system_is_said_to_be_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "usb", size="16m") as folder:
        db = folder / "gebiedsapp.db"
        base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
        assert cli.main([*base, "db", "upgrade"]) == 0
        make_read_only(folder)
        capsys.readouterr()
        for command in (["areas"], ["demo-data"]):
            assert cli.main([*base, *command]) == 2
            err = capsys.readouterr().err
            assert "alleen-lezen" in err
            assert "schijf- of netwerkfout" not in err
        error = OperationalError("INSERT", {}, Exception("disk I/O error"))  # as SQLite says it
        assert "alleen-lezen" in explain_write_error(error, db)
        assert "schijf- of netwerkfout" in explain_write_error(error)  # a real I/O fault
