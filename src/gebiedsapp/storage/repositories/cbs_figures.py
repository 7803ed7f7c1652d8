"""Queries on the imported CBS key figures (cbs_figures)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, CbsFigures, CbsWijk, area_buurt


class Inhabitants(NamedTuple):
    code: str
    inhabitants: int | None
    households: int | None


class YearCount(NamedTuple):
    year: int
    regions: int


class CbsFiguresRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def years(self) -> list[YearCount]:
        """The imported years, newest first, with how many regions each has."""
        rows = self.session.execute(
            select(CbsFigures.year, func.count())
            .group_by(CbsFigures.year)
            .order_by(CbsFigures.year.desc())
        )
        return [YearCount(year, n) for year, n in rows]

    def count_year(self, year: int) -> int:
        return (
            self.session.scalar(
                select(func.count()).select_from(CbsFigures).where(CbsFigures.year == year)
            )
            or 0
        )

    def replace_year(self, year: int, rows: Sequence[dict[str, Any]]) -> None:
        """That year's rows, and only these: a re-import leaves no duplicates or leftovers."""
        self.session.execute(delete(CbsFigures).where(CbsFigures.year == year))
        if rows:
            self.session.execute(insert(CbsFigures), list(rows))

    def inhabitants(self, year: int, codes: Iterable[str]) -> list[Inhabitants]:
        wanted = sorted(set(codes))
        if not wanted:
            return []
        rows = self.session.execute(
            select(CbsFigures.code, CbsFigures.inhabitants, CbsFigures.households).where(
                CbsFigures.year == year, CbsFigures.code.in_(wanted)
            )
        )
        return [Inhabitants(code, n, h) for code, n, h in rows]

    def municipality_code(self) -> str | None:
        """GM + the four digits of the shipped wijken (GM1895 for Oldambt)."""
        code = self.session.scalar(select(CbsWijk.code).order_by(CbsWijk.code).limit(1))
        return f"GM{code[2:6]}" if code else None

    def linked_buurten(self, area_ids: Iterable[Any]) -> list[str]:
        """The CBS buurten linked to any of these areas (each once)."""
        ids = list(area_ids)
        if not ids:
            return []
        return sorted(
            set(
                self.session.scalars(
                    select(area_buurt.c.buurt_code)
                    .join(Area, Area.id == area_buurt.c.area_id)
                    .where(area_buurt.c.area_id.in_(ids), Area.deleted_at.is_(None))
                )
            )
        )
