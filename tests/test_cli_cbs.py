"""`gebiedsapp cbs import`: a StatLine CSV stored per wijk and buurt and year, --dry-run and a
wrong file changing nothing, a re-import replacing the year."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsapp import cli
from support import cbs_file, dbfile

pytestmark = pytest.mark.usefixtures("cli_environment")


def _run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> tuple[int, str, str]:
    db = tmp_path / "cli.db"
    code = cli.main(["--data-dir", str(tmp_path / "data"), "--database", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _stored(tmp_path: Path) -> dict[tuple[str, int], int | None]:
    connection = dbfile.connect(tmp_path / "cli.db", read_only=True)
    try:
        rows = connection.execute("SELECT code, year, inhabitants FROM cbs_figures").fetchall()
    finally:
        connection.close()
    return {(code, year): n for code, year, n in rows}


def test_import_stores_the_figures_and_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = cbs_file.write(tmp_path / "85984NED_TypedDataSet.csv")
    code, out, err = _run(capsys, tmp_path, "cbs", "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "Kerncijfers 2024: 1 gemeente, 11 wijken en 50 buurten" in out
    assert "Proefrun: er is niets opgeslagen." in out
    assert _stored(tmp_path) == {}

    code, out, err = _run(capsys, tmp_path, "cbs", "import", str(path))
    assert (code, err) == (0, "")
    assert "62 regio's opgeslagen voor 2024" in out
    assert "Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)" in out
    stored = _stored(tmp_path)
    assert len(stored) == 62
    first = cbs_file.buurten()[0]
    assert stored[(first, 2024)] == cbs_file.inhabitants_of(first)

    # the same year again, with fewer buurten: replaced, no duplicates, no leftovers
    smaller = cbs_file.write(tmp_path / "klein.csv", only=(first,))
    code, out, _err = _run(capsys, tmp_path, "cbs", "import", str(smaller), "--year", "2024")
    assert code == 0
    assert "De 62 opgeslagen regels van 2024 worden vervangen." in out
    assert set(_stored(tmp_path)) == {("GM1895", 2024), (first, 2024)}


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (
            cbs_file.statline_text(municipality="Pekela"),
            ("--year", "2024"),
            "geen cijfers van Oldambt",
        ),
        ("Naam;Adres\nPiet;Dorpsstraat 1\n", ("--year", "2024"), "geen CSV-bestand"),
        (cbs_file.statline_text(), (), "Het jaar van de cijfers staat niet in het bestand"),
    ],
)
def test_a_wrong_file_exits_2_with_a_dutch_message_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: str,
    args: tuple[str, ...],
    message: str,
) -> None:
    good = cbs_file.write(tmp_path / "kerncijfers_2023.csv")
    assert _run(capsys, tmp_path, "cbs", "import", str(good))[0] == 0
    before = _stored(tmp_path)
    path = cbs_file.write(tmp_path / "export.csv", content)
    code, _out, err = _run(capsys, tmp_path, "cbs", "import", str(path), *args)
    assert code == 2
    assert message in err
    assert _stored(tmp_path) == before
