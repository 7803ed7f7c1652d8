"""Residents' initiatives (bewonersinitiatieven) the team supports, and their milestones.

An initiative belongs to a group of residents or an organisation, never to one named resident:
it holds no personal data of residents, so it may appear in summaries for the wethouder.
Amounts are whole euro cents, so that sums are exact.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.base import Base, Tracked, str_enum
from gebiedsapp.domain.enums import InitiativeStatus
from gebiedsapp.domain.taxonomy import Partner, Theme
from gebiedsapp.domain.teams import TeamMember

initiative_theme = Table(
    "initiative_theme",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True, index=True),
)

initiative_partner = Table(
    "initiative_partner",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partner.id"), primary_key=True, index=True),
)


class Initiative(Tracked, Base):
    """A bewonersinitiatief: what, where, who carries it, how the team supports it."""

    __tablename__ = "initiative"
    __table_args__ = (
        Index("ix_initiative_area_started", "area_id", "started_on"),
        CheckConstraint(
            "budget_requested IS NULL OR budget_requested >= 0", name="budget_requested"
        ),
        CheckConstraint("budget_granted IS NULL OR budget_granted >= 0", name="budget_granted"),
    )

    title: Mapped[str] = mapped_column(String(200))
    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"))
    status: Mapped[InitiativeStatus] = mapped_column(
        str_enum(InitiativeStatus), default=InitiativeStatus.IDEE
    )
    started_on: Mapped[date] = mapped_column(Date)  # since when the team knows and supports it
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)  # afgerond or gestopt
    carried_by: Mapped[str] = mapped_column(String(200), default="")  # a group, never a person
    supporter_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("team_member.id"), default=None
    )  # who in the team supports it (begeleider)
    description: Mapped[str] = mapped_column(Text, default="")
    support: Mapped[str] = mapped_column(Text, default="")  # what the team gives: advice, help
    # cents; 64 bits, as a PostgreSQL integer would end at about 21 million euros
    budget_requested: Mapped[int | None] = mapped_column(BigInteger, default=None)
    budget_granted: Mapped[int | None] = mapped_column(BigInteger, default=None)
    budget_source: Mapped[str] = mapped_column(String(200), default="")  # e.g. leefbaarheidsfonds

    area: Mapped[Area] = relationship(lazy="raise")
    supporter: Mapped[TeamMember | None] = relationship(lazy="raise")
    themes: Mapped[list[Theme]] = relationship(secondary=initiative_theme, lazy="raise")
    partners: Mapped[list[Partner]] = relationship(secondary=initiative_partner, lazy="raise")
    # removed milestones stay as tombstones (deleted_at), as every record does for sync
    milestones: Mapped[list[InitiativeMilestone]] = relationship(
        lazy="raise", back_populates="initiative"
    )


class InitiativeMilestone(Tracked, Base):
    """A step of an initiative (vergunning rond, opening, eerste activiteit): by when, reached."""

    __tablename__ = "initiative_milestone"

    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    reached_on: Mapped[date | None] = mapped_column(Date, default=None)

    initiative: Mapped[Initiative] = relationship(lazy="raise", back_populates="milestones")
