"""The summary PDF's "Wat de enquête zegt": a short part in the brief (which stays at two pages,
also for a busy area), the whole table in the appendix, never an outcome of fewer than 10."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select

from gebiedsapp.domain import Signal, contact_theme, conversation_theme
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.import_files import read_table
from gebiedsapp.services.period import Period
from gebiedsapp.services.reports import area_summary_pdf
from gebiedsapp.services.summary import area_summary
from gebiedsapp.services.survey_import import import_survey, preview_survey, suggest_mapping
from gebiedsapp.storage.database import Database
from support.pdf_text import all_lines, pages_text
from support.summary_world import OUDEREN
from support.survey_files import AGGREGATED_HEADER, xlsx_bytes

OLDER = "Voelt u zich als oudere thuis in het dorp?"
LONELY = "Hoe vaak voelt u zich eenzaam?"


def _import(database: Database, rows: list[list[object]]) -> None:
    table = read_table(xlsx_bytes(AGGREGATED_HEADER, rows))
    with database.unit_of_work("test") as session:
        preview = preview_survey(
            session, table, suggest_mapping(table.header), today=date(2026, 6, 1)
        )
        assert not preview.invalid
        import_survey(session, preview)


def _signals_on(database: Database, theme: uuid.UUID, areas: set[uuid.UUID], period: Period) -> int:
    """Signals of the period that came from a conversation or contact on the theme (counted
    here with its own query)."""
    with database.read_session() as session:
        from_talk = select(conversation_theme.c.conversation_id).where(
            conversation_theme.c.theme_id == theme
        )
        from_contact = select(contact_theme.c.contact_id).where(contact_theme.c.theme_id == theme)
        return (
            session.scalar(
                select(func.count(Signal.id)).where(
                    Signal.area_id.in_(areas),
                    Signal.reported_on.between(period.start, period.end),
                    Signal.deleted_at.is_(None),
                    or_(Signal.conversation_id.in_(from_talk), Signal.contact_id.in_(from_contact)),
                )
            )
            or 0
        )


def test_the_brief_says_what_the_survey_says_beside_koffiekar_and_signals(
    summary_world: Any, tmp_path: Path
) -> None:
    _import(
        summary_world.database,
        [
            ["Midwolda", 2024, OLDER, "Ouderen", 40, None, 64, "ja"],
            ["Midwolda", 2024, LONELY, "Eenzaamheid", 6, None, 33, "vaak"],
            ["Midwolda", 2023, OLDER, "Ouderen", 30, None, 50, "ja"],  # an older wave
        ],
    )
    world = summary_world
    target = tmp_path / "midwolda.pdf"
    with world.database.read_session() as session:
        pages = area_summary_pdf(
            session, [world.midwolda], world.period, target, today=world.today, appendix=True
        )
    texts = pages_text(target)
    assert pages == len(texts)
    with world.database.read_session() as session:
        ekamp = find_area(session, "Ekamp").id
        summary = area_summary(session, [world.midwolda], world.period, today=world.today)
    talks = next(t.current for t in summary.themes if t.theme == "Ouderen")
    signals = _signals_on(world.database, OUDEREN, {world.midwolda, ekamp}, world.period)
    assert (
        "• Wat de enquête zegt (2024): 1 uitkomst, 1 te weinig respondenten; zie de bijlage."
        in all_lines(texts[:1])
    )
    appendix = all_lines(texts[2:])
    assert "Wat de enquête zegt" in appendix
    older = next(line for line in appendix if line.startswith("Ouderen Voelt u zich"))
    assert older.endswith(f"64% ja {talks} {signals}")  # beside koffiekar and signals
    assert talks > 0
    row = next(line for line in appendix if LONELY in line)
    assert row.startswith("Eenzaamheid")
    assert row.endswith("te weinig 3 0")  # "respondenten" wraps to the next line
    assert "respondenten" in appendix[appendix.index(row) + 1]
    assert "33%" not in " ".join(appendix)
    assert "50%" not in " ".join(all_lines(texts))  # only the newest wave


def test_a_busy_area_with_a_long_survey_keeps_its_brief_at_two_pages(
    large_database: Database, tmp_path: Path
) -> None:
    themes = ["Ouderen", "Eenzaamheid", "Jeugd en jongeren", "Fysieke omgeving", ""]
    rows: list[list[object]] = [
        ["Winschoten", 2025, f"Vraag {i}: " + "hoe tevreden bent u over de buurt " * 4,
         themes[i % 5], 5 + i, 6.5, None, None]
        for i in range(30)
    ]  # fmt: skip
    _import(large_database, rows)
    target = tmp_path / "winschoten.pdf"
    with large_database.read_session() as session:
        winschoten = find_area(session, "Winschoten").id
        pages = area_summary_pdf(
            session, [winschoten], Period.year(2025), target, today=date(2026, 6, 1)
        )
    texts = pages_text(target)
    assert pages == len(texts) <= 2
    bullets = [line for line in all_lines(texts[:1]) if line.startswith("• ")]
    # five sentences at most: the survey's line takes the place of the fifth
    assert len(bullets) == 5
    assert bullets[-1] == (
        "• Wat de enquête zegt (2025): 25 uitkomsten, 5 te weinig respondenten; zie de bijlage."
    )
