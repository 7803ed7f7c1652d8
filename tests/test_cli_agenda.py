"""`gebiedsapp agenda`: the agenda on the terminal and as an .ics file; it changes nothing."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from gebiedsapp import cli
from gebiedsapp.domain import ActivityKind, reference_id
from gebiedsapp.paths import app_paths
from gebiedsapp.services import activities
from gebiedsapp.services.activities import ActivityInput
from gebiedsapp.services.koffiekar import SessionInput, start_session
from gebiedsapp.startup import open_database
from support.ics_reader import events, unescape

pytestmark = pytest.mark.usefixtures("cli_environment")
BEERTA = reference_id("area", "beerta")


def test_agenda_of_an_area_on_the_terminal_and_as_ics(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data_dir, db_path = tmp_path / "data", tmp_path / "cli.db"
    today = date.today()
    opened = open_database(f"sqlite:///{db_path}", app_paths(data_dir), actor="test")
    try:
        with opened.database.unit_of_work("test") as session:
            start_session(
                session,
                SessionInput(area_id=BEERTA, day=today - timedelta(weeks=9), place="Kerkplein"),
            )
            activities.record_activity(
                session,
                ActivityInput(
                    area_id=BEERTA,
                    kind=ActivityKind.DORPSSCHOUW,
                    day=today + timedelta(days=7),
                    start_time=time(14, 0),
                    subject="Schouw, met de wethouder",
                ),
                today=today,
            )
    finally:
        opened.database.dispose()
    before = db_path.read_bytes()
    ics = tmp_path / "agenda.ics"
    args = ["--data-dir", str(data_dir), "--database", str(db_path)]
    code = cli.main([*args, "agenda", "--area", "Beerta", "--ics", str(ics)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Komend (1):" in out
    assert "Dorpsschouw Beerta: Schouw, met de wethouder" in out
    assert "Geweest (1):" in out
    assert "Koffiekar Beerta | Kerkplein" in out
    assert f"Beerta: laatst op {today - timedelta(weeks=9):%d-%m-%Y} (9 weken geleden)" in out
    assert "Agendabestand:" in out
    _calendar, found = events(ics.read_bytes())
    assert sorted(unescape(e["SUMMARY"]) for e in found) == [
        "Dorpsschouw Beerta: Schouw, met de wethouder",
        "Koffiekar Beerta",
    ]
    assert db_path.read_bytes() == before  # a read-only command: not even an audit entry
    code = cli.main([*args, "agenda", "--area", "Beerta", "--weeks", "10"])
    assert "Langer dan 10 weken niet geweest (0):" in capsys.readouterr().out


def test_a_bad_number_of_weeks_is_refused_in_dutch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--data-dir", str(tmp_path), "agenda", "--weeks", "nul"])
    assert "geen aantal weken" in capsys.readouterr().err


def test_an_ics_file_that_cannot_be_written_is_said_in_dutch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data_dir, db_path = tmp_path / "data", tmp_path / "cli.db"
    target = tmp_path / "bestaat-niet" / "agenda.ics"
    args = ["--data-dir", str(data_dir), "--database", str(db_path)]
    assert cli.main([*args, "agenda", "--ics", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"Kan het agendabestand niet opslaan: {target}" in err
    assert not target.exists()
