"""Queries on the photos of signals: the list without the bytes, the bytes of one photo."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from gebiedsapp.domain import SignalPhoto


class SignalPhotoRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, photo_id: uuid.UUID) -> SignalPhoto | None:
        return self.session.get(SignalPhoto, photo_id)

    def for_signal(
        self, signal_id: uuid.UUID, *, thumbnails: bool = False
    ) -> Sequence[SignalPhoto]:
        """The signal's photos, oldest first; `data` stays unloaded, `thumbnail` when asked."""
        query = (
            select(SignalPhoto)
            .where(SignalPhoto.signal_id == signal_id)
            .order_by(SignalPhoto.created_at, SignalPhoto.file_name)
        )
        if thumbnails:
            query = query.options(undefer(SignalPhoto.thumbnail))
        return self.session.scalars(query).all()

    def count(self, signal_id: uuid.UUID) -> int:
        return (
            self.session.scalar(
                select(func.count())
                .select_from(SignalPhoto)
                .where(SignalPhoto.signal_id == signal_id)
            )
            or 0
        )

    def same_photo(self, signal_id: uuid.UUID, sha256: str) -> SignalPhoto | None:
        return self.session.scalars(
            select(SignalPhoto).where(
                SignalPhoto.signal_id == signal_id, SignalPhoto.sha256 == sha256
            )
        ).first()
