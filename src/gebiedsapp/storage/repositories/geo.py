"""Queries for the map: the stored CBS buurt boundaries."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import CbsBuurt


class GeoRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def buurt_geometries(
        self, codes: Collection[str] | None = None
    ) -> Sequence[tuple[str, str, str]]:
        """(code, name, GeoJSON geometry text) by code; every buurt when `codes` is None."""
        query = select(CbsBuurt.code, CbsBuurt.name, CbsBuurt.geometry).order_by(CbsBuurt.code)
        if codes is not None:
            if not codes:
                return []
            query = query.where(CbsBuurt.code.in_(sorted(codes)))
        return [(code, name, geometry) for code, name, geometry in self.session.execute(query)]
