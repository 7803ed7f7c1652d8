"""`gebiedsapp report area|municipality`: the PDF of the known data set (`summary_world`) prints
exactly the figures the database holds, beside the previous period, and no personal data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gebiedsapp import cli
from gebiedsapp.services.report_text import KEY_FIGURES, difference, number
from gebiedsapp.services.reports.brief import SAID_NOT_TABLED
from gebiedsapp.services.reports.municipality_report import OVERVIEW_FIELDS
from gebiedsapp.services.summary import MonthPoint, municipality_summary
from support.pdf_text import all_lines, line_starting, pages_text

MARCH_2024 = ("--from", "2024-03-01", "--to", "2024-03-31")
FIELDS = OVERVIEW_FIELDS  # the overview table's columns


pytestmark = pytest.mark.usefixtures("cli_environment")


def _report(world: Any, tmp_path: Path, *args: str) -> int:
    url = str(world.database.engine.url)
    return cli.main(["--data-dir", str(tmp_path / "data"), "--database", url, "report", *args])


def _assert_key_figures(texts: list[str], current: Any, previous: Any) -> None:
    for field, label, _explanation in KEY_FIGURES:
        now, before = getattr(current, field), getattr(previous, field)
        if len(texts) <= 2 and field in SAID_NOT_TABLED:  # the brief says it in a sentence
            continue
        if len(texts) <= 2:  # the brief: the figures beside the previous period's
            line = f"{label} {number(now)} {number(before)}"
        else:
            line = f"{label} {number(now)} {number(before)} {difference(now, before)}"
        assert line_starting(texts, f"{label} ").startswith(line), field


def test_area_report_prints_the_figures_of_the_database(
    summary_world: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "beerta.pdf"
    args = ("area", "--area", "Beerta", *MARCH_2024, "-o", str(target))
    assert _report(summary_world, tmp_path, *args) == 0
    texts = pages_text(target)
    assert f"({len(texts)} pagina's)" in capsys.readouterr().out
    expected = summary_world.expected["Beerta"]
    _assert_key_figures(texts, expected.current, expected.previous)
    flat = " ".join(all_lines(texts))
    assert "maart 2024" in flat
    assert "1 februari 2024 t/m 29 februari 2024" in flat  # the previous period, a leap month
    for secret in summary_world.never_printed:
        assert secret not in flat


def test_municipality_report_overview_and_sections_match_the_database(
    summary_world: Any, tmp_path: Path
) -> None:
    target, brief = tmp_path / "oldambt.pdf", tmp_path / "kort.pdf"
    assert _report(summary_world, tmp_path, "municipality", *MARCH_2024, "-o", str(brief)) == 0
    short = pages_text(brief)
    firsts = [text.splitlines()[0] for text in short]
    assert firsts[0].startswith("Oldambt ")
    assert len(firsts) == len({first.split("  ")[0] for first in firsts}), "a page per area"
    beerta = next(i for i, first in enumerate(firsts) if first.startswith("Beerta "))
    expected = summary_world.expected["Beerta"]
    _assert_key_figures([short[beerta]], expected.current, expected.previous)
    assert "Bijlage" not in " ".join(all_lines(short))
    args = ("municipality", *MARCH_2024, "-o", str(target), "--appendix")
    assert _report(summary_world, tmp_path, *args) == 0
    texts = pages_text(target)
    whole = summary_world.expected["Oldambt"]
    now = " ".join(number(getattr(whole.current, f)) for f in FIELDS)
    before = " ".join(number(getattr(whole.previous, f)) for f in FIELDS)
    # each row ends with its 12-month line of new signals, the highest month written beside it
    trend = municipality_trend(summary_world)
    assert line_starting(texts, "Oldambt (totaal) ") == (
        f"Oldambt (totaal) {now} max {number(max(m.signals_new for m in trend['Oldambt']))}"
    )
    # the label wraps onto a second line: "Vorige periode" / "(totaal)"
    assert line_starting(texts, "Vorige periode ") == f"Vorige periode {before}"
    for name in ("Midwolda", "Beerta"):
        area = summary_world.expected[name]
        figures = " ".join(number(getattr(area.current, f)) for f in FIELDS)
        most = number(max(m.signals_new for m in trend[name]))
        assert line_starting(texts, f"{name} ") == f"{name} {figures} max {most}"
    # "Oldambt als geheel": the municipality's key figures beside the previous period
    start = next(i for i, t in enumerate(texts) if "Oldambt als geheel" in t)
    _assert_key_figures(texts[start:], whole.current, whole.previous)
    # Beerta's own section
    firsts = [text.splitlines()[0] for text in texts]
    beerta = next(i for i, first in enumerate(firsts) if i > start and first.startswith("Beerta "))
    _assert_key_figures(texts[beerta:], expected.current, expected.previous)
    flat = " ".join(all_lines(texts))
    for quote in whole.quotes:
        assert " ".join(quote.split()) in flat
    for secret in summary_world.never_printed:
        assert secret not in flat


def municipality_trend(world: Any) -> dict[str, tuple[MonthPoint, ...]]:
    """Each area's 12 months, from the figures the brief's own tests check against the data."""
    with world.database.read_session() as session:
        result = municipality_summary(session, world.period, today=world.today)
    return {area.title: area.trend for area in (result.total, *result.areas)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("area", "--area", "Atlantis", *MARCH_2024), "Geen gebied gevonden"),
        (("area", "--area", "Beerta", "--from", "2024-03-31", "--to", "2024-03-01"), "vóór"),
        (("municipality", *MARCH_2024, "-o", "nergens/x.pdf"), "bestaat niet"),
        (("municipality", *MARCH_2024, "-o", "x.txt"), ".pdf"),
    ],
)
def test_bad_input_gives_a_dutch_message_and_no_file(
    summary_world: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    target = tmp_path / "uit.pdf"
    rest = args if "-o" in args else (*args, "-o", str(target))
    rest = tuple(str(tmp_path / a) if a.startswith(("nergens", "x.")) else a for a in rest)
    assert _report(summary_world, tmp_path, *rest) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))
    assert not target.exists()


def test_a_date_that_is_not_a_date_is_refused_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(
            [
                *("report", "municipality", "--from", "31-03-2024", "--to", "2024-03-31"),
                *("-o", str(tmp_path / "x.pdf")),
            ]
        )
    assert stop.value.code == 2
    assert "is geen datum; schrijf die als JJJJ-MM-DD" in capsys.readouterr().err
