"""Activities in the summaries: how many, how many people came, which themes were heard, beside
the previous period; on paper in the key figures and the brief's sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

from sqlalchemy.orm import Session

from gebiedsapp.domain import ActivityKind, reference_id
from gebiedsapp.services import activities
from gebiedsapp.services.activities import ActivityInput
from gebiedsapp.services.period import Period
from gebiedsapp.services.reports import area_summary_pdf
from gebiedsapp.services.reports.brief import sentences
from gebiedsapp.services.summary import area_summary, municipality_summary
from support.pdf_text import all_lines, line_starting, pages_text

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
VERKEER = reference_id("theme", "mobiliteit-en-bereikbaarheid")
OUDEREN = reference_id("theme", "ouderen")
TODAY = date(2026, 5, 20)
MARCH = Period.month(2026, 3)
BASE = ActivityInput(
    area_id=BEERTA,
    kind=ActivityKind.BEWONERSAVOND,
    day=date(2026, 3, 10),
    subject="Verkeer",
    start_time=time(19, 30),
)


def _held(session: Session, **fields: object) -> None:
    activities.record_activity(session, replace(BASE, **fields), today=TODAY)  # type: ignore[arg-type]


def _world(session: Session) -> None:
    _held(session, attendance=34, theme_ids=(VERKEER, OUDEREN))
    _held(session, day=date(2026, 3, 24), kind=ActivityKind.DORPSSCHOUW, theme_ids=(VERKEER,))
    _held(session, day=date(2026, 3, 28), attendance=12)
    _held(session, day=date(2026, 2, 11), attendance=20)  # the previous period
    _held(session, day=date(2026, 3, 12), area_id=SCHEEMDA, attendance=100)  # another area
    gone = activities.record_activity(session, replace(BASE, attendance=500), today=TODAY)
    activities.remove_activity(session, gone.id)
    session.flush()


def test_activities_count_with_their_attendance_and_themes(session: Session) -> None:
    _world(session)
    summary = area_summary(session, [BEERTA], MARCH, today=TODAY)
    assert (summary.current.activities, summary.current.activity_attendance) == (3, 46)
    assert (summary.previous.activities, summary.previous.activity_attendance) == (1, 20)
    assert summary.activity_themes == (("Mobiliteit en bereikbaarheid", 2), ("Ouderen", 1))
    said = sentences(summary)[1]
    assert said.endswith(
        " Bij 3 activiteiten waren 46 aanwezigen, vooral over ‘Mobiliteit en bereikbaarheid’."
    )
    whole = municipality_summary(session, MARCH, today=TODAY)
    assert (whole.total.current.activities, whole.total.current.activity_attendance) == (4, 146)


def test_a_planned_activity_counts_only_once_held(session: Session) -> None:
    _held(session, day=date(2026, 5, 28), attendance=None)  # after today
    summary = area_summary(session, [BEERTA], Period.month(2026, 5), today=TODAY)
    assert summary.current.activities == 0
    assert "activiteit" not in sentences(summary)[1]


def test_the_area_summary_pdf_prints_them_beside_the_previous_period(
    session: Session, tmp_path: Path
) -> None:
    _world(session)
    out = tmp_path / "beerta.pdf"
    area_summary_pdf(session, [BEERTA], MARCH, out, today=TODAY)
    brief = pages_text(out)
    assert line_starting(brief, "Activiteiten ").split()[1:3] == ["3", "1"]
    # page 1 is full: the attendance is said in a sentence there, and listed in the appendix
    assert not [line for line in all_lines(brief) if line.startswith("Aanwezigen bij")]
    assert "Bij 3 activiteiten waren 46 aanwezigen" in " ".join(all_lines(brief))
    area_summary_pdf(session, [BEERTA], MARCH, out, today=TODAY, appendix=True)
    full = pages_text(out)
    assert line_starting(full, "Aanwezigen bij activiteiten").split()[3:5] == ["46", "20"]
