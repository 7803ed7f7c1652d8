"""The opbouwwerker's contact log and the follow-up actions agreed in contacts and conversations."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.base import Base, Tracked, str_enum
from gebiedsapp.domain.enums import ActionStatus, ContactType, ContactWith
from gebiedsapp.domain.taxonomy import Partner, Theme
from gebiedsapp.domain.teams import TeamMember

contact_theme = Table(
    "contact_theme",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True, index=True),
)


class Contact(Tracked, Base):
    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_area_date", "area_id", "date"),
        Index("ix_contact_created_by", "created_by"),  # the author filter (migration 0015)
    )

    date: Mapped[date] = mapped_column(Date, index=True)
    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"))
    contact_type: Mapped[ContactType] = mapped_column(str_enum(ContactType))
    with_kind: Mapped[ContactWith] = mapped_column(str_enum(ContactWith))
    resident_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("resident.id"), default=None)
    group_name: Mapped[str] = mapped_column(String(200), default="")
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partner.id"), default=None)
    subject: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    area: Mapped[Area] = relationship(lazy="raise")
    partner: Mapped[Partner | None] = relationship(lazy="raise")
    themes: Mapped[list[Theme]] = relationship(secondary=contact_theme, lazy="raise")


class FollowUp(Tracked, Base):
    """An agreed follow-up action (actie): what, who, by when; from a conversation or contact."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_owner_status", "owner_id", "status"),)

    description: Mapped[str] = mapped_column(Text)
    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"), index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("team_member.id"), default=None)
    due_date: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[ActionStatus] = mapped_column(str_enum(ActionStatus), default=ActionStatus.OPEN)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("conversation.id"), default=None, index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact.id"), default=None, index=True
    )

    area: Mapped[Area] = relationship(lazy="raise")
    owner: Mapped[TeamMember | None] = relationship(lazy="raise")
