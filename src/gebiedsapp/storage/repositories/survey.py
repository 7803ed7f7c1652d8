"""Queries on the inwonersenquête's outcomes, and the signals heard on a theme."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func, select, tuple_, union
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Area,
    Signal,
    SurveyResult,
    Theme,
    contact_theme,
    conversation_theme,
)


class SurveyRow(NamedTuple):
    area_id: uuid.UUID
    area: str
    wave: int
    question: str
    theme: str  # "" when the question has no theme
    respondents: int
    score: float | None
    answer: str
    share: float | None


class ThemeTally(NamedTuple):
    theme: str
    n: int


class SurveyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def store(self, values: Sequence[dict[str, Any]]) -> None:
        """Add or replace outcomes by (area, wave, question); a removed one comes back."""
        keys = [(v["area_id"], v["wave"], v["question"]) for v in values]
        existing = {
            (r.area_id, r.wave, r.question): r
            for r in self.session.scalars(
                select(SurveyResult).where(
                    tuple_(SurveyResult.area_id, SurveyResult.wave, SurveyResult.question).in_(keys)
                )
            )
        }
        for key, value in zip(keys, values, strict=True):
            row = existing.get(key)
            if row is None:
                self.session.add(SurveyResult(**value))
                continue
            for name, new in value.items():
                if getattr(row, name) != new:
                    setattr(row, name, new)
            row.deleted_at = None
        self.session.flush()

    def outcomes(self, area_ids: Collection[uuid.UUID], *, up_to: int) -> list[SurveyRow]:
        """Every outcome of these areas of waves up to the year `up_to`, newest wave first."""
        rows = self.session.execute(
            select(
                SurveyResult.area_id,
                Area.name,
                SurveyResult.wave,
                SurveyResult.question,
                func.coalesce(Theme.name, ""),
                SurveyResult.respondents,
                SurveyResult.score,
                SurveyResult.answer,
                SurveyResult.share,
            )
            .join(Area, Area.id == SurveyResult.area_id)
            .outerjoin(Theme, Theme.id == SurveyResult.theme_id)
            .where(
                SurveyResult.area_id.in_(list(area_ids)),
                SurveyResult.wave <= up_to,
                SurveyResult.deleted_at.is_(None),
            )
            .order_by(SurveyResult.wave.desc(), Area.name, SurveyResult.question)
        )
        return [SurveyRow(*row) for row in rows]

    def signal_themes(
        self, area_ids: Collection[uuid.UUID], start: date, end: date
    ) -> list[ThemeTally]:
        """Signals reported in the period per theme of the conversation or contact they came
        from (a signal has a category, not a theme; its origin has the themes)."""
        said = select(Signal.id.label("signal_id"), conversation_theme.c.theme_id).join(
            conversation_theme, conversation_theme.c.conversation_id == Signal.conversation_id
        )
        contacted = select(Signal.id.label("signal_id"), contact_theme.c.theme_id).join(
            contact_theme, contact_theme.c.contact_id == Signal.contact_id
        )
        scoped = [
            Signal.area_id.in_(list(area_ids)),
            Signal.reported_on.between(start, end),
            Signal.deleted_at.is_(None),
        ]
        links = union(said.where(*scoped), contacted.where(*scoped)).subquery()
        rows = self.session.execute(
            select(Theme.name, func.count(func.distinct(links.c.signal_id)))
            .join(links, links.c.theme_id == Theme.id)
            .group_by(Theme.name)
        )
        return [ThemeTally(name, int(n)) for name, n in rows]
