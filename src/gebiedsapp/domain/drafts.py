"""Drafts of forms being typed, and earlier versions of finalised records.

A draft is the form's raw field values as JSON, saved on every change so that a crash, a kill or
an empty battery loses nothing; it may be incomplete. It is deleted in the same transaction that
finalises it. A `RecordVersion` keeps what a finalised record was before an edit.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from gebiedsapp.domain.base import Base, UTCDateTime, str_enum, utcnow
from gebiedsapp.domain.enums import DraftKind


class Draft(Base):
    __tablename__ = "draft"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[DraftKind] = mapped_column(str_enum(DraftKind))
    actor: Mapped[str] = mapped_column(String(120), index=True)
    # the record being edited (None for a new one) and the session a conversation belongs to
    target_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    session_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("koffiekar_session.id"), default=None
    )
    payload: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordVersion(Base):
    """One edit of a finalised record: who, when, and each changed field's old and new value."""

    __tablename__ = "record_version"
    __table_args__ = (Index("ix_record_version_record", "record_type", "record_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer)  # the version this edit replaced
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(120))
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: [old, new]}
