"""Koffiekar sessions and the short conversations held during them."""

from __future__ import annotations

import uuid
from datetime import date, time

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.base import Base, Tracked, str_enum
from gebiedsapp.domain.enums import Handling
from gebiedsapp.domain.taxonomy import Theme
from gebiedsapp.domain.teams import TeamMember

session_staff = Table(
    "koffiekar_session_staff",
    Base.metadata,
    Column("session_id", ForeignKey("koffiekar_session.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("team_member.id"), primary_key=True),
)

conversation_theme = Table(
    "conversation_theme",
    Base.metadata,
    Column("conversation_id", ForeignKey("conversation.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True, index=True),
)


class KoffiekarSession(Tracked, Base):
    __tablename__ = "koffiekar_session"
    __table_args__ = (
        Index("ix_koffiekar_session_area_date", "area_id", "date"),
        Index("ix_koffiekar_session_created_by", "created_by"),  # the author filter (0015)
    )

    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"))
    buurt_code: Mapped[str | None] = mapped_column(ForeignKey("cbs_buurt.code"), default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    weather: Mapped[str] = mapped_column(String(80), default="")
    passers_by: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    area: Mapped[Area] = relationship(lazy="raise")
    staff: Mapped[list[TeamMember]] = relationship(secondary=session_staff, lazy="raise")


class Conversation(Tracked, Base):
    __tablename__ = "conversation"
    # Covering: the summaries count a round's live conversations (and join their themes)
    # without reading the rows, which hold the long texts.
    __table_args__ = (
        Index("ix_conversation_session_live", "session_id", "deleted_at", "id"),
        Index("ix_conversation_created_by", "created_by"),  # the author filter (0015)
    )

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("koffiekar_session.id"))
    summary: Mapped[str] = mapped_column(Text, default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    quote_reportable: Mapped[bool] = mapped_column(Boolean, default=False)
    handling: Mapped[Handling] = mapped_column(str_enum(Handling), default=Handling.TER_PLEKKE)
    # personal data lives in `resident`, reached only through this id (see domain.people)
    resident_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("resident.id"), default=None, index=True
    )

    session: Mapped[KoffiekarSession] = relationship(lazy="raise")
    themes: Mapped[list[Theme]] = relationship(secondary=conversation_theme, lazy="raise")
