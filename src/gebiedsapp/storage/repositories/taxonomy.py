"""Queries on themes, partners and signal categories."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from gebiedsapp.domain import Partner, SignalCategory, Theme

T = TypeVar("T", Theme, Partner, SignalCategory)


class TaxonomyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _list(self, model: type[T], *, include_retired: bool) -> Sequence[T]:
        query = select(model).where(model.deleted_at.is_(None))
        if not include_retired:
            query = query.where(model.retired.is_(False))
        if issubclass(model, Partner):
            return self.session.scalars(query.order_by(model.name)).all()
        if not include_retired:  # nor the children of a retired (or removed) parent
            parent = aliased(model)
            offered = select(parent.id).where(
                parent.retired.is_(False), parent.deleted_at.is_(None)
            )
            query = query.where(or_(model.parent_id.is_(None), model.parent_id.in_(offered)))
        return self.session.scalars(query.order_by(model.sort_order, model.name)).all()

    def has_children(self, model: type[Theme | SignalCategory], item_id: uuid.UUID) -> bool:
        query = select(model.id).where(model.parent_id == item_id, model.deleted_at.is_(None))
        return self.session.scalar(query.limit(1)) is not None

    def themes(self, *, include_retired: bool = True) -> Sequence[Theme]:
        return self._list(Theme, include_retired=include_retired)

    def partners(self, *, include_retired: bool = True) -> Sequence[Partner]:
        return self._list(Partner, include_retired=include_retired)

    def categories(self, *, include_retired: bool = True) -> Sequence[SignalCategory]:
        return self._list(SignalCategory, include_retired=include_retired)
