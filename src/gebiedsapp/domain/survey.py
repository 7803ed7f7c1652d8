"""Inwonersenquête: the outcome of one question in one area in one wave (year).

Only aggregates are kept, never a respondent's answers: a file with one row per respondent is
counted up at import. The number of respondents is kept with every outcome, so that any output
can leave out an outcome with too few of them (services.survey.MIN_RESPONDENTS).
"""

from __future__ import annotations

import uuid

from sqlalchemy import Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gebiedsapp.domain.base import Base, Tracked


class SurveyResult(Tracked, Base):
    """One question's outcome in one area and wave: a mean score or the most given answer."""

    __tablename__ = "survey_result"
    __table_args__ = (
        Index("ix_survey_result_area_wave_question", "area_id", "wave", "question", unique=True),
    )

    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"))
    wave: Mapped[int] = mapped_column(Integer)  # the year of the survey
    question: Mapped[str] = mapped_column(String(300))
    theme_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("theme.id"), default=None)
    respondents: Mapped[int] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float, default=None)  # mean of numeric answers
    answer: Mapped[str] = mapped_column(String(200), default="")  # the most given answer
    share: Mapped[float | None] = mapped_column(Float, default=None)  # its percentage
