"""Queries for the map: the stored CBS buurt boundaries."""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import CbsBuurt


class BuurtGeometry(NamedTuple):
    code: str  # CBS buurt code
    name: str
    geometry: str  # GeoJSON geometry text (WGS84)


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
