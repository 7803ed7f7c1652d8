"""The bookkeeping every edit and removal of a finalised record shares.

An edit reads the record (refusing a removed one), notes its fields and version, lets the
record's own service change it, then keeps what changed in the history and drops the form's
draft in the same transaction (`history.finish_edit`). A removal leaves a tombstone. Each kind of
record says once how it is found, what its history calls its fields and what to say when it is
gone (`EditedRecord`); activities and initiatives both go through here, so audit and versions
are written the same way for both.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain import Tracked
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.history import finish_edit

R = TypeVar("R", bound=Tracked)


@dataclass(frozen=True)
class EditedRecord(Generic[R]):
    """What the shared edit needs to know of one kind of record."""

    record_type: str  # the history's and audit's name of the kind ("activity")
    gone: str  # Dutch: the refusal when the record does not exist (any more)
    find: Callable[[Session, uuid.UUID], R | None]  # the repository's get
    fields: Callable[[R], dict[str, object]]  # {history name: value}, before and after

    def existing(self, session: Session, record_id: uuid.UUID) -> R:
        """The record, or a NotFoundError in Dutch when it is missing or removed."""
        row = self.find(session, record_id)
        if row is None or row.is_deleted:
            raise NotFoundError(self.gone)
        return row

    @contextmanager
    def edit(self, session: Session, row: R, *, draft_id: uuid.UUID | None) -> Iterator[R]:
        """`with KIND.edit(session, row, draft_id=...):` change the row in the block; after it
        the changed fields go to the history (with the old version) and the draft goes."""
        before, old_version = self.fields(row), row.version
        yield row
        finish_edit(
            session,
            row,
            record_type=self.record_type,
            version=old_version,
            before=before,
            after=self.fields(row),
            draft_id=draft_id,
        )

    def remove(self, session: Session, record_id: uuid.UUID) -> None:
        """Remove a record entered by mistake: a tombstone (sync passes it on); its history
        stays."""
        self.existing(session, record_id).soft_delete()
        session.flush()
