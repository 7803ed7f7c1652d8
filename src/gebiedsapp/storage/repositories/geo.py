"""Queries for the map: the stored CBS buurt boundaries."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, CbsBuurt, area_buurt


class BuurtGeometry(NamedTuple):
    code: str  # CBS buurt code
    name: str
    geometry: str  # GeoJSON geometry text (WGS84)


class UnlinkedArea(NamedTuple):
    """A live area with a key and no CBS buurt linked (drawn by its own outline)."""

    id: uuid.UUID
    key: str
    name: str


class GeoRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def buurt_geometries(self, codes: Collection[str] | None = None) -> list[BuurtGeometry]:
        """The buurten by code; every buurt when `codes` is None."""
        query = select(CbsBuurt.code, CbsBuurt.name, CbsBuurt.geometry).order_by(CbsBuurt.code)
        if codes is not None:
            if not codes:
                return []
            query = query.where(CbsBuurt.code.in_(sorted(codes)))
        return [BuurtGeometry(*row) for row in self.session.execute(query)]

    def areas_without_buurt(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None = None,
        keys: Collection[str] | None = None,
    ) -> Sequence[UnlinkedArea]:
        """(id, key, name) of live areas with a key and no CBS buurt linked, of these ids or
        keys (every such area when both are None)."""
        linked = select(area_buurt.c.area_id)
        query = select(Area.id, Area.key, Area.name).where(
            Area.deleted_at.is_(None), Area.key.is_not(None), Area.id.not_in(linked)
        )
        if area_ids is not None:
            query = query.where(Area.id.in_(list(area_ids)))
        if keys is not None:
            query = query.where(Area.key.in_(list(keys)))
        return [UnlinkedArea(a, key, name) for a, key, name in self.session.execute(query) if key]

    def buurt_codes(self, area_ids: Collection[uuid.UUID]) -> list[str]:
        """The CBS buurt codes linked to these areas, each once, by code."""
        query = (
            select(area_buurt.c.buurt_code)
            .where(area_buurt.c.area_id.in_(list(area_ids)))
            .distinct()
            .order_by(area_buurt.c.buurt_code)
        )
        return list(self.session.scalars(query))
