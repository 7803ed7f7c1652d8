"""Activities beside the koffiekar: a bewonersavond, a dorpsschouw, a meeting with a
dorpsvereniging. What was said there is kept as notes and outcomes (free text, no residents'
names: the erasure and inzage search them like a contact's notes), with the themes heard, the
attendance, and links to the signals, actions and initiatives that belong to it.

The links are association tables, not columns on signal or follow_up: an activity refers to
records that already exist, and those tables keep their shape (and their sync triggers).
"""

from __future__ import annotations

import uuid
from datetime import date, time

from sqlalchemy import (
    CheckConstraint,
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
from gebiedsapp.domain.contacts import FollowUp
from gebiedsapp.domain.enums import ActivityKind
from gebiedsapp.domain.initiatives import Initiative
from gebiedsapp.domain.signals import Signal
from gebiedsapp.domain.taxonomy import Theme


def _link(name: str, other: str, column: str) -> Table:
    return Table(
        name,
        Base.metadata,
        Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
        Column(column, ForeignKey(f"{other}.id"), primary_key=True, index=True),
    )


activity_theme = _link("activity_theme", "theme", "theme_id")
activity_signal = _link("activity_signal", "signal", "signal_id")
activity_action = _link("activity_action", "follow_up", "follow_up_id")
activity_initiative = _link("activity_initiative", "initiative", "initiative_id")


class Activity(Tracked, Base):
    """One gathering: where and when, what kind, about what, how many came, what came of it."""

    __tablename__ = "activity"
    __table_args__ = (
        Index("ix_activity_area_date", "area_id", "date"),
        CheckConstraint("attendance IS NULL OR attendance >= 0", name="attendance"),
    )

    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"))
    kind: Mapped[ActivityKind] = mapped_column(str_enum(ActivityKind))
    date: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    attendance: Mapped[int | None] = mapped_column(Integer, default=None)  # None: not counted
    notes: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")  # what was agreed or learnt

    area: Mapped[Area] = relationship(lazy="raise")
    themes: Mapped[list[Theme]] = relationship(secondary=activity_theme, lazy="raise")
    signals: Mapped[list[Signal]] = relationship(secondary=activity_signal, lazy="raise")
    actions: Mapped[list[FollowUp]] = relationship(secondary=activity_action, lazy="raise")
    initiatives: Mapped[list[Initiative]] = relationship(
        secondary=activity_initiative, lazy="raise"
    )
