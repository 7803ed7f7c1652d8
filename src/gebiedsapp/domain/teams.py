"""Team members and their time-bounded assignments to areas."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.base import Base, Tracked, str_enum
from gebiedsapp.domain.enums import Role


class TeamMember(Tracked, Base):
    """A member of staff (gemeente or welzijn) or a wethouder; never a resident."""

    __tablename__ = "team_member"

    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # the sign-in (for now: operating-system account) of this member, so the app knows whose
    # "Mijn acties" to show; empty for wethouders and others who do not use the app
    account: Mapped[str | None] = mapped_column(String(120), unique=True, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the beheerder role: manages areas, teams, reference data, backups and retention, and
    # handles AVG requests (services.permissions.may_manage)
    beheerder: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def __repr__(self) -> str:
        return f"TeamMember({self.name!r})"


class Assignment(Tracked, Base):
    """Who fills which role in which area, from `start_date` until `end_date` (inclusive)."""

    __tablename__ = "assignment"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period"),)

    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("team_member.id"), index=True)
    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[TeamMember] = relationship(lazy="raise")
    area: Mapped[Area] = relationship(lazy="raise")

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)
