"""`gebiedsapp survey import`: counts, invalid rows with their reason, the outcomes (never below
10 respondents), a dry run that writes nothing, personal columns refused, exit 0 or 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsapp import cli
from support import dbfile
from support.survey_files import (
    AGGREGATED_HEADER,
    AGGREGATED_ROWS,
    PER_RESPONDENT_HEADER,
    csv_bytes,
    per_respondent_rows,
    xlsx_bytes,
)

pytestmark = pytest.mark.usefixtures("cli_environment")


def _run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str
) -> tuple[int, str, str, int]:
    db = tmp_path / "cli.db"
    code = cli.main(["--data-dir", str(tmp_path / "data"), "--database", str(db), *args])
    captured = capsys.readouterr()
    connection = dbfile.connect(db, read_only=True)
    try:
        (count,) = connection.execute("SELECT count(*) FROM survey_result").fetchone()
    finally:
        connection.close()
    return code, captured.out, captured.err, count


def _per_respondent(tmp_path: Path, *extra: list[str]) -> Path:
    path = tmp_path / "enquete.csv"
    path.write_bytes(csv_bytes(PER_RESPONDENT_HEADER, [*per_respondent_rows(), *extra]))
    return path


def test_dry_run_shows_the_outcomes_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _per_respondent(tmp_path)
    code, out, _err, count = _run(
        capsys,
        tmp_path,
        *("survey", "import", str(path), "--wave", "2025", "--dry-run"),
        *("--thema", "Voelt u zich veilig?=Overlast en onveiligheid"),
    )
    assert (code, count) == (0, 0)
    assert out.splitlines() == [
        "Koppeling: area=Gebied, respondent=Respondent",
        "17 regels (per respondent): 17 geldig, 0 ongeldig; 4 uitkomsten.",
        "  Midwolda 2025 · Tevredenheid groen (1-10): gemiddeld 7,5",
        "  Midwolda 2025 · Voelt u zich veilig? [Overlast en onveiligheid]: 75% ja",
        "  Scheemda 2025 · Tevredenheid groen (1-10): te weinig respondenten",
        "  Scheemda 2025 · Voelt u zich veilig? [Overlast en onveiligheid]: te weinig respondenten",
        "Proefrun: er is niets geïmporteerd.",
    ]


def test_invalid_rows_stop_the_import_until_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _per_respondent(tmp_path, ["90", "Atlantis", "3", "nee"])
    code, out, err, count = _run(capsys, tmp_path, "survey", "import", str(path), "--wave", "2025")
    assert (code, count) == (2, 0)
    assert "  regel 19: Onbekend gebied 'Atlantis'." in out.splitlines()
    assert "Gebruik --accept-valid" in err
    code, out, _err, count = _run(
        capsys, tmp_path, "survey", "import", str(path), "--wave", "2025", "--accept-valid"
    )
    assert (code, count) == (0, 4)
    assert out.splitlines()[-1] == "4 enquête-uitkomsten opgeslagen."


def test_an_aggregated_workbook_with_its_own_year_and_themes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "enquete.xlsx"
    path.write_bytes(xlsx_bytes(AGGREGATED_HEADER, AGGREGATED_ROWS[:3]))
    code, out, _err, count = _run(capsys, tmp_path, "survey", "import", str(path))
    assert (code, count) == (0, 3)
    assert "  Midwolda 2025 · Voelt u zich eenzaam? [Eenzaamheid]: 21% vaak" in out.splitlines()
    assert "  Scheemda 2025 · Voelt u zich eenzaam? [Eenzaamheid]: te weinig respondenten" in (
        out.splitlines()
    )


def test_a_file_with_a_personal_column_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "enquete.csv"
    rows = [[*row, ""] for row in per_respondent_rows()]
    rows[4][-1] = "06-12345678"
    path.write_bytes(csv_bytes([*PER_RESPONDENT_HEADER, "Terugbellen"], rows))
    code, _out, err, count = _run(
        capsys, tmp_path, "survey", "import", str(path), "--wave", "2025", "--accept-valid"
    )
    assert (code, count) == (2, 0)
    assert "'Terugbellen' (telefoonnummer op regel 6)" in err
    assert "verwijder die kolom uit het bestand" in err
