"""`gebiedsapp signals import`: counts, every invalid row with its reason, exit 0 or 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gebiedsapp import cli
from support import dbfile, signalen_file

MAPS = (
    "--map",
    "description=Omschrijving",
    "--map",
    "category=Categorie",
    "--map",
    "area=Dorp",
    "--map",
    "reported_on=Datum",
)
GOOD = "Zwerfvuil bij de school;Afval / Zwerfvuil;Beerta;03-02-2025\n"
BAD = "Iets;Vliegende schotels;Beerta;03-02-2025\n"


pytestmark = pytest.mark.usefixtures("cli_environment")


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(("\ufeffOmschrijving;Categorie;Dorp;Datum\n" + "".join(rows)).encode())
    return path


def _run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str
) -> tuple[int, str, str, int]:
    db = tmp_path / "cli.db"
    code = cli.main(["--data-dir", str(tmp_path / "data"), "--database", str(db), *args])
    captured = capsys.readouterr()
    connection = dbfile.connect(db, read_only=True)
    try:
        (count,) = connection.execute("SELECT count(*) FROM signal").fetchone()
    finally:
        connection.close()
    return code, captured.out, captured.err, count


def test_dry_run_lists_invalid_rows_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _csv(tmp_path, GOOD, BAD)
    code, out, _err, count = _run(
        capsys, tmp_path, "signals", "import", str(path), *MAPS, "--dry-run"
    )
    assert (code, count) == (2, 0)
    assert out.splitlines() == [
        "2 regels: 1 geldig, 1 ongeldig.",
        "  regel 3: Onbekende categorie 'Vliegende schotels'.",
        "Proefrun: er is niets geïmporteerd.",
    ]


def test_invalid_rows_block_the_import_until_the_valid_part_is_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _csv(tmp_path, GOOD, BAD, GOOD)
    code, _out, err, count = _run(capsys, tmp_path, "signals", "import", str(path), *MAPS)
    assert (code, count) == (2, 0)
    assert "--accept-valid" in err

    code, out, err, count = _run(
        capsys, tmp_path, "signals", "import", str(path), *MAPS, "--accept-valid"
    )
    assert (code, err, count) == (0, "", 2)
    assert out.splitlines()[-1] == "2 signalen geïmporteerd."


def test_a_valid_file_imports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _csv(tmp_path, GOOD, GOOD)
    code, out, err, count = _run(capsys, tmp_path, "signals", "import", str(path), *MAPS)
    assert (code, err, count) == (0, "", 2)
    lines = out.splitlines()
    assert lines[0] == "2 regels: 2 geldig, 0 ongeldig."
    assert lines[2] == "2 signalen geïmporteerd."
    # before every import a backup, holding the database as it was (no signals yet)
    backup = Path(lines[1].removeprefix("Reservekopie: "))
    assert backup.name.endswith("-voor-import.db")
    connection = dbfile.connect(backup, read_only=True)
    try:
        assert connection.execute("SELECT count(*) FROM signal").fetchone() == (0,)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "description"), "moet de vorm veld=kolom hebben"),
        (("--map", "area=Kern"), "Koppel ook: description"),
        ((*MAPS, "--map", "buurt=Wijk"), "Kolom 'Wijk' staat niet in het bestand"),
    ],
)
def test_bad_mappings_exit_2_with_a_dutch_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    path = _csv(tmp_path, GOOD)
    code, out, err, count = _run(capsys, tmp_path, "signals", "import", str(path), *args)
    assert (code, out, count) == (2, "", 0)
    assert message in err


def test_unreadable_or_missing_file_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    code, _out, err, count = _run(capsys, tmp_path, "signals", "import", str(empty), *MAPS)
    assert (code, count) == (2, 0)
    assert "Het bestand is leeg." in err
    code, _out, err, _count = _run(
        capsys, tmp_path, "signals", "import", str(tmp_path / "weg.csv"), *MAPS
    )
    assert code == 2
    assert "Kan het bestand niet lezen" in err


def test_a_signalen_export_imports_without_any_map(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = signalen_file.write_csv(tmp_path / "signalen.csv", outside=True)
    code, out, err, count = _run(capsys, tmp_path, "signals", "import", str(path), "--dry-run")
    assert (code, count) == (2, 0)
    lines = out.splitlines()
    assert lines[0].startswith("Koppeling: description=text, category=category_sub, ")
    assert lines[1] == "4 regels: 3 geldig, 1 ongeldig."
    assert lines[2].startswith("  regel 5: Het punt (53,17000; 7,30000) ligt buiten Oldambt")

    path = signalen_file.write_csv(tmp_path / "signalen.csv")
    code, out, err, count = _run(capsys, tmp_path, "signals", "import", str(path))
    assert (code, err, count) == (0, "", 3)
    assert out.splitlines()[-1] == "3 signalen geïmporteerd."


def test_an_xlsx_export_imports_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = signalen_file.write_xlsx(tmp_path / "signalen.xlsx")
    code, out, err, count = _run(capsys, tmp_path, "signals", "import", str(path))
    assert (code, err, count) == (0, "", 3)
    assert "3 regels: 3 geldig, 0 ongeldig." in out


def test_imported_signals_export_as_geojson_points(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = signalen_file.write_csv(tmp_path / "signalen.csv")
    assert _run(capsys, tmp_path, "signals", "import", str(path))[0] == 0
    target = tmp_path / "signalen.geojson"
    code, out, err, _count = _run(
        capsys, tmp_path, "signals", "export", "--geojson", str(target), "--area", "Winschoten"
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"2 signalen opgeslagen als GeoJSON: {target}"]
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    points = sorted(
        (f["properties"]["gebied"], f["properties"]["buurtcode"], *f["geometry"]["coordinates"])
        for f in collection["features"]
    )
    assert points == [  # Centrum lies in Winschoten; Beerta is left out
        ("Centrum", "BU18950000", 7.0329, 53.143),
        ("Winschoten", "BU18950007", 7.01361, 53.14),
    ]
    text = target.read_text(encoding="utf-8")
    assert "Grofvuil naast de container" not in text  # descriptions are not exported

    code, _out, err, _count = _run(
        capsys, tmp_path, "signals", "export", "--geojson", str(tmp_path / "weg" / "x.geojson")
    )
    assert code == 2
    assert "bestaat niet" in err
