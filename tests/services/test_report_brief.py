"""The brief: two pages for an area and period whatever the volume, sentences whose numbers are
the database's, an empty area on one page, a thin previous period flagged, the full lists only
in the appendix the user asks for."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from gebiedsapp import cli
from gebiedsapp.services import demo_data
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.geo import buurt_shapes
from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports import area_summary_pdf, write_area_summary
from gebiedsapp.services.reports.brief import sentences, thin
from gebiedsapp.services.summary import KeyFigures, area_summary
from gebiedsapp.storage.database import Database
from support.pdf_text import all_lines, pages_text

MARCH_2024 = ("--from", "2024-03-01", "--to", "2024-03-31")
ZERO = KeyFigures(*([0] * 12))


def _report(world: Any, tmp_path: Path, *args: str) -> int:
    url = str(world.database.engine.url)
    return cli.main(["--data-dir", str(tmp_path / "data"), "--database", url, "report", *args])


def test_the_brief_says_what_matters_with_the_numbers_of_the_known_world(
    summary_world: Any, tmp_path: Path
) -> None:
    target = tmp_path / "midwolda.pdf"
    with summary_world.database.read_session() as session:
        summary = area_summary(
            session, [summary_world.midwolda], summary_world.period, today=summary_world.today
        )
        pages = write_area_summary(summary, buurt_shapes(session), target)
    texts = pages_text(target)
    assert pages == len(texts) <= 2
    flat = " ".join(all_lines(texts))
    said = sentences(summary)
    assert 3 <= len(said) <= 5
    now = summary_world.expected["Midwolda"].current
    open_, late = now.signals_open, now.signals_overdue
    word = "signaal" if open_ == 1 else "signalen"
    assert (
        f"{number(open_)} {word} open; {number(late)} daarvan ({round(100 * late / open_)}%)"
        in (said[0])
    )
    assert f"{number(now.sessions)} keer met de koffiekar" in said[1]
    assert f"sprak daar {number(now.conversations)} bewoner" in said[1]
    assert f"{number(now.contacts)} andere contact" in said[1]
    assert "Wat opvalt" in flat
    assert "Bijlage" not in flat
    for line in said:
        assert re.search(r"\d", line), line  # each sentence carries its number
    for secret in summary_world.never_printed:
        assert secret not in flat


def test_an_area_with_nothing_recorded_gets_one_page_that_says_so(
    summary_world: Any, tmp_path: Path
) -> None:
    target = tmp_path / "leeg.pdf"
    with summary_world.database.read_session() as session:
        summary = area_summary(
            session, [summary_world.westerlee], summary_world.period, today=summary_world.today
        )
        pages = write_area_summary(summary, [], target)
    assert pages == 1
    flat = " ".join(all_lines(pages_text(target)))
    assert "niets vastgelegd" in flat
    assert "Geen " not in flat


def test_a_previous_period_with_little_or_nothing_recorded_is_flagged() -> None:
    busy = KeyFigures(12, 1234, 87, 5, 64, 58, 4, 3, 15, 21, 8, 9)
    assert thin(ZERO, busy)
    assert thin(KeyFigures(1, 10, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0), busy)  # 6 against 163
    assert not thin(KeyFigures(10, 980, 91, 2, 70, 49, 18, 6, 13, 19, 1, 11), busy)


@pytest.mark.usefixtures("cli_environment")
def test_the_appendix_only_when_asked_on_the_command_line(
    summary_world: Any, tmp_path: Path
) -> None:
    brief, full = tmp_path / "brief.pdf", tmp_path / "full.pdf"
    args = ("area", "--area", "Midwolda", *MARCH_2024)
    assert _report(summary_world, tmp_path, *args, "-o", str(brief)) == 0
    assert _report(summary_world, tmp_path, *args, "-o", str(full), "--appendix") == 0
    short, long = pages_text(brief), pages_text(full)
    assert len(short) <= 2 < len(long)
    assert "Bijlage: alle cijfers en lijsten" in " ".join(all_lines(long))
    assert "Bijlage" not in " ".join(all_lines(short))


def test_a_year_of_winschoten_in_the_large_demo_data_is_two_pages(
    database: Database, tmp_path: Path
) -> None:
    """The volume the wethouder saw as 94 pages: the brief stays at two."""
    with database.unit_of_work("test") as session:
        demo_data.generate(session, size="large", seed=1, anchor=date(2026, 6, 1))
    target = tmp_path / "winschoten.pdf"
    with database.read_session() as session:
        winschoten = find_area(session, "Winschoten").id
        pages = area_summary_pdf(
            session, [winschoten], Period.year(2025), target, today=date(2026, 6, 1)
        )
    texts = pages_text(target)
    assert pages == len(texts) <= 2
    flat = " ".join(all_lines(texts))
    assert "De 10 signalen die het langst over de termijn zijn" in flat
    open_, late = _open_at_end_of_2025(database, winschoten)
    word = "signaal" if open_ == 1 else "signalen"
    assert f"{number(open_)} {word} open; {number(late)} daarvan" in flat


def _open_at_end_of_2025(database: Database, root: uuid.UUID) -> tuple[int, int]:
    """Independent of the repository: plain SQL, the history replayed here in Python up to
    Dutch midnight (31 December 2025 23:00 UTC); a signal without status history before then
    counts by its `closed_on`."""
    cutoff = datetime(2025, 12, 31, 23, 0)  # stored as naive UTC
    with database.read_session() as session:
        parents = dict(session.execute(text("SELECT id, parent_id FROM area")).all())
        history = session.execute(
            text(
                "SELECT signal_id, seq, at, new FROM signal_history WHERE field = 'status' "
                "ORDER BY signal_id, seq"
            )
        ).all()
        rows = session.execute(
            text(
                "SELECT id, area_id, reported_on, closed_on, deadline FROM signal "
                "WHERE deleted_at IS NULL"
            )
        ).all()
    last: dict[Any, str] = {}
    for signal_id, _seq, at, new in history:
        if datetime.fromisoformat(str(at)) < cutoff:
            last[signal_id] = new

    def inside(area: Any) -> bool:
        while area is not None:
            if str(area).replace("-", "") == root.hex:
                return True
            area = parents.get(area)
        return False

    open_ = late = 0
    for signal_id, area, reported, closed, deadline in rows:
        if not inside(area) or date.fromisoformat(str(reported)) > date(2025, 12, 31):
            continue
        if signal_id in last:
            is_closed = last[signal_id] in ("afgehandeld", "geannuleerd")
        else:
            is_closed = closed is not None and date.fromisoformat(str(closed)) <= date(2025, 12, 31)
        if not is_closed:
            open_ += 1
            late += date.fromisoformat(str(deadline)) < date(2025, 12, 31)
    return open_, late
