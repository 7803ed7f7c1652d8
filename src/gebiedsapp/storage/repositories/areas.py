"""Queries on areas and the CBS reference tables."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from gebiedsapp.domain.areas import Area, CbsBuurt, CbsWijk, area_buurt
from gebiedsapp.domain.enums import AreaKind


class AreaTreeRow(NamedTuple):
    """One area as the tree shows it (no ORM object: see AreaRepository.tree_rows)."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    kind: AreaKind
    cbs_wijk_code: str | None
    description: str


class AreaTreeRows(NamedTuple):
    areas: list[AreaTreeRow]
    buurt_codes: dict[uuid.UUID, list[str]]  # per area id


class AreaRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self, *, include_deleted: bool = False) -> Sequence[Area]:
        """Every area with its buurten loaded, in tree order (parents first, then sort order)."""
        query = (
            select(Area).options(selectinload(Area.buurten)).order_by(Area.sort_order, Area.name)
        )
        if not include_deleted:
            query = query.where(Area.deleted_at.is_(None))
        return self.session.scalars(query).all()

    def tree_rows(self) -> AreaTreeRows:
        """The areas not deleted, in tree order as `all`, and each one's buurt codes: read
        from the tables, not through the ORM, so that the window's first paint (its area
        tree) does not wait for SQLAlchemy's mapper configuration (issue 19)."""
        table = Area.__table__.c
        rows = self.session.execute(
            select(
                table.id,
                table.parent_id,
                table.name,
                table.kind,
                table.cbs_wijk_code,
                table.description,
            )
            .where(table.deleted_at.is_(None))
            .order_by(table.sort_order, table.name)
        )
        areas = [AreaTreeRow(*row) for row in rows]
        codes: dict[uuid.UUID, list[str]] = {}
        for area_id, code in self.session.execute(
            select(area_buurt.c.area_id, area_buurt.c.buurt_code)
        ):
            codes.setdefault(area_id, []).append(code)
        return AreaTreeRows(areas, codes)

    def get(self, area_id: uuid.UUID) -> Area | None:
        return self.session.scalars(
            select(Area).options(selectinload(Area.buurten)).where(Area.id == area_id)
        ).one_or_none()

    def children_of(self, area_id: uuid.UUID) -> Sequence[Area]:
        return self.session.scalars(
            select(Area).where(Area.parent_id == area_id, Area.deleted_at.is_(None))
        ).all()

    def find(self, text: str) -> Sequence[Area]:
        """Areas whose name, key or CBS code matches `text` (case-insensitive, exact first)."""
        needle = text.strip().lower()
        code_match = select(area_buurt.c.area_id).where(
            func.lower(area_buurt.c.buurt_code) == needle
        )
        query = (
            select(Area)
            .where(Area.deleted_at.is_(None))
            .where(
                or_(
                    func.lower(Area.name) == needle,
                    func.lower(Area.key) == needle,
                    func.lower(Area.cbs_wijk_code) == needle,
                    Area.id.in_(code_match),
                )
            )
            .order_by(Area.sort_order)
        )
        return self.session.scalars(query).all()

    def wijken(self) -> Sequence[CbsWijk]:
        return self.session.scalars(select(CbsWijk).order_by(CbsWijk.code)).all()

    def buurten(self) -> Sequence[CbsBuurt]:
        return self.session.scalars(select(CbsBuurt).order_by(CbsBuurt.code)).all()

    def buurten_by_code(self, codes: Sequence[str]) -> Sequence[CbsBuurt]:
        if not codes:
            return []
        return self.session.scalars(select(CbsBuurt).where(CbsBuurt.code.in_(codes))).all()

    def count_wijken(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CbsWijk)) or 0

    def count_buurten(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CbsBuurt)) or 0

    def count(self) -> int:
        return (
            self.session.scalar(
                select(func.count()).select_from(Area).where(Area.deleted_at.is_(None))
            )
            or 0
        )
