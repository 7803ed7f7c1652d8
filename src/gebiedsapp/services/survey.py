"""What the inwonersenquête says per area, beside what the koffiekar and the signals say on the
same themes; for the area page, the summary screen and the summary PDF.

An outcome of fewer than MIN_RESPONDENTS respondents is kept but never shown: every output
says "te weinig respondenten" instead of its result, so that a small village's answers cannot
be traced to a household. Only the newest wave up to the period's end is shown.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.orm import Session

from gebiedsapp.services.period import Period
from gebiedsapp.storage.repositories.reports import ReportRepository
from gebiedsapp.storage.repositories.survey import SurveyRepository, SurveyRow

__all__ = ["MIN_RESPONDENTS", "TOO_FEW", "SurveyLine", "result_text", "survey_lines"]

MIN_RESPONDENTS = 10
TOO_FEW = "te weinig respondenten"


@dataclass(frozen=True)
class SurveyLine:
    """One question's outcome in one area, with the team's own registrations on its theme."""

    area: str
    wave: int
    question: str
    theme: str  # "" without a theme
    respondents: int
    result: str  # "gemiddeld 6,8", "62% tevreden", or TOO_FEW
    conversations: int | None  # koffiekar conversations and contacts on the theme; None: no theme
    signals: int | None  # signals from conversations and contacts on the theme

    @property
    def suppressed(self) -> bool:
        return self.result == TOO_FEW


def result_text(*, respondents: int, score: float | None, answer: str, share: float | None) -> str:
    """The outcome in words, or TOO_FEW below the minimum."""
    if respondents < MIN_RESPONDENTS:
        return TOO_FEW
    if score is not None:
        return f"gemiddeld {score:.1f}".replace(".", ",")
    if share is not None:
        return f"{share:.0f}% {answer}".strip()
    return answer


def survey_lines(
    session: Session, area_ids: Collection[uuid.UUID], period: Period
) -> list[SurveyLine]:
    """The newest wave's outcomes of these areas (up to the period's end), themed first."""
    rows: list[SurveyRow] = SurveyRepository(session).outcomes(area_ids, up_to=period.end.year)
    if not rows:
        return []
    newest = rows[0].wave
    rows = [row for row in rows if row.wave == newest]
    said: Counter[str] = Counter()
    for theme_row in ReportRepository(session).theme_counts(
        list(area_ids), [(period.start, period.end)]
    ):
        said[theme_row.theme] += theme_row.mentions[0]
    signalled = Counter(
        {
            tally.theme: tally.n
            for tally in SurveyRepository(session).signal_themes(area_ids, period.start, period.end)
        }
    )
    lines = [
        SurveyLine(
            area=row.area,
            wave=row.wave,
            question=row.question,
            theme=row.theme,
            respondents=row.respondents,
            result=result_text(
                respondents=row.respondents, score=row.score, answer=row.answer, share=row.share
            ),
            conversations=said[row.theme] if row.theme else None,
            signals=signalled[row.theme] if row.theme else None,
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: (not line.theme, line.theme, line.area, line.question))
