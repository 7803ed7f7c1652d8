"""Signals (signalen): what reduces liveability, routed to whoever can act and followed until done.

The status moves only along `domain.signal_workflow.ALLOWED`; every change of status, category,
partner, priority or deadline is appended to `SignalHistory`, which is never edited. Feedback to
the resident (terugkoppeling) is kept per occasion in `SignalFeedback`. Photos live in the
database itself (`SignalPhoto`), so backups and encryption at rest cover them with the rest.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.base import Base, Tracked, UTCDateTime, str_enum, utcnow
from gebiedsapp.domain.enums import Priority, SignalField, SignalSource, SignalStatus
from gebiedsapp.domain.taxonomy import Partner, SignalCategory


class Signal(Tracked, Base):
    __tablename__ = "signal"
    __table_args__ = (
        Index("ix_signal_area_status", "area_id", "status"),
        Index("ix_signal_status_deadline", "status", "deadline"),
        # covering for the summaries' counts per area and day (migration 0014) and the open
        # signals' order (partner and priority too, migration 0019)
        Index(
            "ix_signal_report",
            "area_id",
            "reported_on",
            "deleted_at",
            "closed_on",
            "deadline",
            "status",
            "category_id",
            "buurt_code",
            "partner_id",
            "priority",
            "id",
        ),
    )

    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"))
    buurt_code: Mapped[str | None] = mapped_column(
        ForeignKey("cbs_buurt.code"), default=None, index=True
    )
    location: Mapped[str] = mapped_column(String(300), default="")  # address or description
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    description: Mapped[str] = mapped_column(Text)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("signal_category.id"), index=True)
    source: Mapped[SignalSource] = mapped_column(str_enum(SignalSource))
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("conversation.id"), default=None, index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact.id"), default=None, index=True
    )
    priority: Mapped[Priority] = mapped_column(str_enum(Priority), default=Priority.NORMAAL)
    partner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("partner.id"), default=None, index=True
    )
    status: Mapped[SignalStatus] = mapped_column(
        str_enum(SignalStatus), default=SignalStatus.GEMELD
    )
    reported_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    # the day it was last closed (afgehandeld or geannuleerd); None while open
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("signal.id"), default=None, index=True
    )
    wants_feedback: Mapped[bool] = mapped_column(Boolean, default=False)

    area: Mapped[Area] = relationship(lazy="raise")
    category: Mapped[SignalCategory] = relationship(lazy="raise")
    partner: Mapped[Partner | None] = relationship(lazy="raise")


class SignalHistory(Base):
    """One change of a signal: append-only, so it has no version and no soft delete.

    `seq` numbers a signal's entries (1, 2, ...): entries written in one transaction can share a
    timestamp, and replaying the status needs their exact order.
    """

    __tablename__ = "signal_history"
    __table_args__ = (
        UniqueConstraint("signal_id", "seq", name="uq_signal_history_signal_seq"),
        # covering for replaying a signal's status up to a day (the summaries; migration 0014)
        Index("ix_signal_history_replay", "signal_id", "field", "seq", "at", "new"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    signal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("signal.id"))  # indexed by the uq
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(120), default="")
    field: Mapped[SignalField] = mapped_column(str_enum(SignalField))
    old: Mapped[str] = mapped_column(Text, default="")
    new: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SignalFeedback(Base):
    """Terugkoppeling: when, how and by whom the resident heard what happened."""

    __tablename__ = "signal_feedback"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    signal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("signal.id"), index=True)
    given_on: Mapped[date] = mapped_column(Date)
    how: Mapped[str] = mapped_column(String(40))  # telefoon, e-mail, brief, persoonlijk
    by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SignalPhoto(Tracked, Base):
    """A photo of a signal, stored in the database (the bytes are loaded only when asked for).

    A photo can show people, so removing one deletes the row (and its bytes) for real instead of
    marking it deleted; the signal's history keeps that a photo was added or removed, by its id
    only (a caption or file name can name a resident; services.signal_photos).
    """

    __tablename__ = "signal_photo"

    signal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("signal.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40))  # image/jpeg, image/png, ...
    size: Mapped[int] = mapped_column(Integer)  # bytes of `data`
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int | None] = mapped_column(Integer, default=None)
    height: Mapped[int | None] = mapped_column(Integer, default=None)
    caption: Mapped[str] = mapped_column(String(300), default="")
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    # a small JPEG for lists, made by whoever added the photo (None: make it when shown)
    thumbnail: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))
