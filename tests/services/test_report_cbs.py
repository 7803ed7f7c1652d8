"""The wethouder's summary with CBS context (issue 15 "Context", issue 18 "CBS figures"):
inhabitants of the area's buurten and counts per 1,000 inhabitants, marked with the CBS year
and credit; checked against the database with plain SQL and the hand-counted figures of the
known world. Without CBS figures nothing is said; an area without a buurt says "onbekend".
The brief stays at most two pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from gebiedsapp.domain import reference_id
from gebiedsapp.services import cbs_import
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.geo import buurt_shapes
from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports import (
    area_summary_pdf,
    write_area_summary,
    write_municipality_summary,
)
from gebiedsapp.services.reports.population_note import population_text
from gebiedsapp.services.summary import area_summary, municipality_summary
from gebiedsapp.services.summary_export import summary_tables
from gebiedsapp.storage.database import Database
from support import cbs_file
from support.pdf_text import all_lines, pages_text

CREDIT = "Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)"


def _import_cbs(database: Database, year: int = 2024) -> None:
    table = cbs_import.read_table(cbs_file.statline_text().encode())
    with database.unit_of_work("test") as session:
        cbs_import.store_figures(session, cbs_import.preview_figures(session, table, year=year))


def _inhabitants(database: Database, area_keys: tuple[str, ...], year: int) -> int:
    """Plain SQL: the distinct CBS buurten linked to these areas, their inhabitants summed."""
    ids = ", ".join(f"'{reference_id('area', key).hex}'" for key in area_keys)
    with database.read_session() as session:
        total = session.execute(
            text(
                "SELECT SUM(inhabitants) FROM cbs_figures WHERE year = :year AND code IN "
                f"(SELECT DISTINCT buurt_code FROM area_buurt WHERE replace(area_id, '-', '') "
                f"IN ({ids}))"
            ),
            {"year": year},
        ).scalar_one()
    return int(total)


def _flat(target: Path) -> tuple[int, str]:
    texts = pages_text(target)
    return len(texts), " ".join(all_lines(texts))


def test_the_brief_gives_inhabitants_and_rates_per_thousand(
    summary_world: Any, tmp_path: Path
) -> None:
    world = summary_world
    before = tmp_path / "zonder.pdf"
    with world.database.read_session() as session:
        summary = area_summary(session, [world.midwolda], world.period, today=world.today)
        write_area_summary(summary, buurt_shapes(session), before)
    assert summary.population is None
    assert "Inwoners" not in _flat(before)[1]  # no CBS figures: nothing invented

    _import_cbs(world.database)
    target = tmp_path / "midwolda.pdf"
    with world.database.read_session() as session:
        summary = area_summary(session, [world.midwolda], world.period, today=world.today)
        pages = write_area_summary(summary, buurt_shapes(session), target)
    inhabitants = _inhabitants(world.database, ("midwolda", "ekamp"), 2024)
    assert inhabitants == sum(
        cbs_file.inhabitants_of(c)
        for c in ("BU18950900", "BU18950903", "BU18950904", "BU18950905", "BU18950909")
    )
    now = world.expected["Midwolda"].current  # counted by hand, not by the app

    def per_thousand(count: int) -> str:
        return number(count / inhabitants * 1000, 1)

    count, flat = _flat(target)
    assert pages == count <= 2
    assert f"Inwoners: {number(inhabitants)} (CBS 2024)" in flat
    before = world.expected["Midwolda"].previous
    # the rate of this period beside its count, then the previous period's count
    for label, n, was in (
        ("Koffiekargesprekken", now.conversations, before.conversations),
        ("Contacten", now.contacts, before.contacts),
        ("Nieuwe signalen", now.signals_new, before.signals_new),
        ("Open signalen", now.signals_open, before.signals_open),
    ):
        assert f"{label} {number(n)} {per_thousand(n)} {number(was)}" in flat, label
    assert f"Koffiekarrondes {number(now.sessions)} {number(before.sessions)}" in flat
    assert "‘Per 1.000’: deze periode per 1.000 inwoners." in flat
    assert CREDIT in flat


def test_figures_of_the_periods_year_are_used_and_an_area_without_buurt_is_unknown(
    summary_world: Any,
) -> None:
    world = summary_world
    _import_cbs(world.database, 2023)
    _import_cbs(world.database, 2025)
    with world.database.read_session() as session:
        summary = area_summary(session, [world.midwolda], world.period, today=world.today)
        parkwijk = area_summary(
            session,
            [reference_id("area", "winschoten-parkwijk")],
            world.period,
            today=world.today,
        )
        whole = municipality_summary(session, world.period, today=world.today)
    assert summary.population is not None
    assert summary.population.year == 2023  # March 2024: not the figures of 2025
    assert parkwijk.population is not None
    assert parkwijk.population.inhabitants is None
    assert population_text(parkwijk).startswith(
        "Inwoners: onbekend (dit gebied is niet aan een CBS-buurt gekoppeld); daarom geen "
        "cijfers per 1.000 inwoners."
    )
    assert whole.total.population is not None
    assert whole.total.population.inhabitants == sum(
        cbs_file.inhabitants_of(c) for c in cbs_file.buurten()
    )
    beerta = next(a for a in whole.areas if a.title == "Beerta")
    assert beerta.population is not None
    assert beerta.population.inhabitants == _inhabitants(world.database, ("beerta",), 2023)


def test_a_year_of_winschoten_with_cbs_figures_stays_two_pages(
    large_database: Database, tmp_path: Path
) -> None:
    _import_cbs(large_database)
    target = tmp_path / "winschoten.pdf"
    with large_database.read_session() as session:
        winschoten = find_area(session, "Winschoten").id
        pages = area_summary_pdf(
            session, [winschoten], Period.year(2025), target, today=date(2026, 6, 1)
        )
    count, flat = _flat(target)
    assert pages == count <= 2
    assert f"Inwoners: {number(_inhabitants(large_database, ('winschoten',), 2024))}" in flat
    assert CREDIT in flat


def test_the_municipality_summary_keeps_one_page_per_area_with_cbs_figures(
    large_database: Database, tmp_path: Path
) -> None:
    _import_cbs(large_database)
    target = tmp_path / "gemeente.pdf"
    with large_database.read_session() as session:
        whole = municipality_summary(session, Period.year(2025), today=date(2026, 6, 1))
        pages = write_municipality_summary(whole, buurt_shapes(session), target)
    assert pages == 1 + len(whole.areas), "an overview page, then a page per area"
    count, flat = _flat(target)
    assert count == pages
    assert CREDIT in flat
    assert "Inwoners: onbekend" not in flat  # every kern has CBS buurten


def test_the_excel_export_has_a_cbs_sheet_with_the_rates(summary_world: Any) -> None:
    world = summary_world
    with world.database.read_session() as session:
        summary = area_summary(session, [world.midwolda], world.period, today=world.today)
    assert "CBS" not in [t.title for t in summary_tables(summary)]  # nothing imported
    _import_cbs(world.database)
    with world.database.read_session() as session:
        summary = area_summary(session, [world.midwolda], world.period, today=world.today)
    sheet = next(t for t in summary_tables(summary) if t.title == "CBS")
    rows = {row[0]: row[1] for row in sheet.rows}
    inhabitants = _inhabitants(world.database, ("midwolda", "ekamp"), 2024)
    now = world.expected["Midwolda"].current
    assert rows["Inwoners"] == inhabitants
    assert rows["Nieuwe signalen per 1.000 inwoners"] == round(
        now.signals_new / inhabitants * 1000, 1
    )
    assert rows["Koffiekargesprekken per 1.000 inwoners"] == round(
        now.conversations / inhabitants * 1000, 1
    )
    assert CREDIT in rows
