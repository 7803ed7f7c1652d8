"""Queries on themes, partners and signal categories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Partner, SignalCategory, Theme

T = TypeVar("T", Theme, Partner, SignalCategory)


class TaxonomyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _list(self, model: type[T], *, include_retired: bool) -> Sequence[T]:
        query = select(model).where(model.deleted_at.is_(None))
        if not include_retired:
            query = query.where(model.retired.is_(False))
        if isinstance(model, type) and issubclass(model, Partner):
            return self.session.scalars(query.order_by(model.name)).all()
        return self.session.scalars(query.order_by(model.sort_order, model.name)).all()

    def themes(self, *, include_retired: bool = True) -> Sequence[Theme]:
        return self._list(Theme, include_retired=include_retired)

    def partners(self, *, include_retired: bool = True) -> Sequence[Partner]:
        return self._list(Partner, include_retired=include_retired)

    def categories(self, *, include_retired: bool = True) -> Sequence[SignalCategory]:
        return self._list(SignalCategory, include_retired=include_retired)
