"""The command line over the services: headless, and honest about what it changed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from gebiedsapp import __version__, cli
from gebiedsapp.domain import InitiativeStatus, TeamMember, reference_id
from gebiedsapp.paths import DATABASE_URL_ENV, app_paths
from gebiedsapp.services import demo, initiatives
from gebiedsapp.services.initiatives import InitiativeInput, MilestoneInput
from gebiedsapp.startup import open_database
from gebiedsapp.storage.migrate import head_revision
from support import dbfile

CLI_USER = "cli-test"


pytestmark = pytest.mark.usefixtures("cli_environment")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def run(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path, *args: str
) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), "--database", str(db_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _revision(path: Path) -> str:
    connection = dbfile.connect(path, read_only=True)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def test_db_current_on_a_new_path_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    code, out, err = run(capsys, data_dir, db_path, "db", "current")
    assert code == 0
    assert err == ""
    assert out.splitlines() == [
        "Schemaversie van de database: leeg",
        f"Schemaversie van deze app:    {head_revision()}",
    ]
    assert not db_path.exists()
    assert not data_dir.exists()


def test_db_upgrade_creates_and_migrates(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    code, out, err = run(capsys, data_dir, db_path, "db", "upgrade")
    assert (code, err) == (0, "")
    assert out == f"Database bijgewerkt van leeg naar {head_revision()}\n"
    assert _revision(db_path) == head_revision()
    assert list((data_dir / "backups").iterdir()) == []

    code, out, _ = run(capsys, data_dir, db_path, "db", "upgrade")
    assert (code, out) == (0, f"Database is al bij: {head_revision()}\n")

    code, out, _ = run(capsys, data_dir, db_path, "db", "current")
    assert code == 0
    assert f"Schemaversie van de database: {head_revision()}" in out


def test_records_are_stamped_with_the_cli_user(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    assert run(capsys, data_dir, db_path, "db", "upgrade")[0] == 0
    connection = dbfile.connect(db_path, read_only=True)
    try:
        stamps = set(connection.execute("SELECT DISTINCT created_by FROM area").fetchall())
    finally:
        connection.close()
    assert stamps == {(CLI_USER,)}


def test_default_database_lives_in_the_data_dir(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code = cli.main(["--data-dir", str(data_dir), "db", "upgrade"])
    capsys.readouterr()
    assert code == 0
    assert _revision(data_dir / "gebiedsapp.db") == head_revision()


def test_database_from_environment_and_option_wins(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    from_env = tmp_path / "env.db"
    monkeypatch.setenv(DATABASE_URL_ENV, str(from_env))
    assert cli.main(["--data-dir", str(data_dir), "db", "upgrade"]) == 0
    assert from_env.exists()

    from_option = tmp_path / "option.db"
    assert (
        cli.main(["--data-dir", str(data_dir), "--database", str(from_option), "db", "upgrade"])
        == 0
    )
    capsys.readouterr()
    assert from_option.exists()
    assert not (data_dir / "gebiedsapp.db").exists()


def test_areas_lists_the_tree(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    code, out, err = run(capsys, data_dir, db_path, "areas")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Oldambt (gemeente)"
    assert lines[1].startswith("  Winschoten (kern)  [BU18950000, BU18950001,")
    assert "    Centrum (gebied (eigen indeling))  [BU18950000]" in lines
    assert "  't Waar (kern)  [BU18950801]" in lines


def test_team_after_demo_data_shows_fake_names(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    opened = open_database(f"sqlite:///{db_path}", app_paths(data_dir), actor="test")
    try:
        with opened.database.unit_of_work("test") as session:
            demo.generate(session, size="small", seed=3, anchor=date(2026, 6, 1))
        with opened.database.read_session() as session:
            members = session.scalars(select(TeamMember)).all()
            former = {m.name for m in members if not m.active}
            current = {m.name for m in members if m.active}
    finally:
        opened.database.dispose()

    code, out, err = run(capsys, data_dir, db_path, "team", "--date", "2026-06-01")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Wie werkt waar op 01-06-2026"
    assert any(surname in out for surname in demo.FAKE_SURNAMES)
    beerta = next(line for line in lines if line.strip().startswith("Beerta:"))
    assert "Gebiedsregisseur: " in beerta
    assert "Gebiedsregisseur: -" not in beerta
    assert any(name in out for name in current)
    assert not any(name in out for name in former)  # their assignments ended a year earlier


def test_demo_data_prints_counts(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    code, out, err = run(capsys, data_dir, db_path, "demo-data", "--size", "small", "--seed", "3")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    header = re.fullmatch(r"Voorbeeldgegevens \(small, seed 3\): (\d+) records", lines[0])
    assert header is not None
    printed = {name: int(count) for name, count in (line.split() for line in lines[1:])}
    assert sum(printed.values()) == int(header.group(1))
    assert printed["koffiekar_session"] == 150
    connection = dbfile.connect(db_path, read_only=True)
    try:
        for table, count in printed.items():
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (count,)
    finally:
        connection.close()

    code, out, err = run(capsys, data_dir, db_path, "demo-data", "--seed", "4")
    assert (code, out) == (2, "")
    assert "bevat al voorbeeldgegevens" in err


def test_db_backup(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, data_dir, db_path, "db", "backup")
    assert (code, err) == (0, "")
    match = re.fullmatch(r"Reservekopie: (.+)\n", out)
    assert match is not None
    copy = Path(match.group(1))
    assert copy.parent == data_dir / "backups"
    assert copy.name.startswith("cli-")
    assert copy.name.endswith("-handmatig.db")
    assert _revision(copy) == head_revision()

    elsewhere = tmp_path / "usb-stick"
    code, out, _ = run(capsys, data_dir, db_path, "db", "backup", "--to", str(elsewhere))
    assert code == 0
    (copy_elsewhere,) = elsewhere.glob("cli-*-handmatig.db")
    assert out == f"Reservekopie: {copy_elsewhere}\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"gebiedsapp {__version__}\n"


def test_db_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["db"])
    assert caught.value.code == 2
    assert "ACTIE" in capsys.readouterr().err


def test_a_locked_database_is_explained_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gebiedsapp.storage import database as storage_database

    db = tmp_path / "locked.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "areas"]) == 0  # made and migrated
    capsys.readouterr()
    monkeypatch.setattr(storage_database, "BUSY_TIMEOUT_MS", 100)  # not the app's 5 s
    holder = dbfile.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another instance writing, and holding on
    try:
        code = cli.main([*base, "privacy", "settings", "--retention-days", "400"])
    finally:
        holder.rollback()
        holder.close()
    assert code == 2
    assert "ander venster of programma" in capsys.readouterr().err


def test_initiatives_lists_running_ones_of_an_area_and_all_with_the_option(
    capsys: pytest.CaptureFixture[str], data_dir: Path, db_path: Path
) -> None:
    opened = open_database(f"sqlite:///{db_path}", app_paths(data_dir), actor="test")
    beerta = reference_id("area", "beerta")
    base = InitiativeInput(area_id=beerta, title="Speeltuin", started_on=date(2026, 3, 1))
    try:
        with opened.database.unit_of_work("test") as session:
            initiatives.create_initiative(
                session,
                replace(base, milestones=[MilestoneInput("Opening", due_on=date(2026, 9, 1))]),
                today=date(2026, 6, 1),
            )
            initiatives.create_initiative(
                session,
                replace(
                    base,
                    title="Buurtfeest",
                    status=InitiativeStatus.AFGEROND,
                    ended_on=date(2026, 5, 2),
                ),
                today=date(2026, 6, 1),
            )
            initiatives.create_initiative(
                session,
                replace(base, title="Elders", area_id=reference_id("area", "scheemda")),
                today=date(2026, 6, 1),
            )
    finally:
        opened.database.dispose()

    code, out, err = run(capsys, data_dir, db_path, "initiatives", "--area", "Beerta")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Speeltuin | Beerta | Idee | sinds 01-03-2026 | Opening (01-09-2026)",
        "1 initiatief",
    ]
    code, out, err = run(capsys, data_dir, db_path, "initiatives", "--area", "Beerta", "--all")
    assert "Buurtfeest | Beerta | Afgerond | sinds 01-03-2026 | afgerond op 02-05-2026" in out
    code, out, err = run(capsys, data_dir, db_path, "initiatives")
    assert "Elders | Scheemda" in out
