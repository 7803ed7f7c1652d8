"""Residents' personal data, kept apart from what they said.

Conversations, contacts and signals point at a `Resident` by id only; the name, phone and
e-mail live here and only with a `Consent` that says why (purpose), since when and who recorded
it. Reports and the wethouder role read the content tables, never this one. Anonymising clears
these fields and leaves the row (and every link to it) in place.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.base import Base, Tracked, UTCDateTime, str_enum
from gebiedsapp.domain.enums import ConsentPurpose
from gebiedsapp.domain.taxonomy import Theme


class Resident(Tracked, Base):
    __tablename__ = "resident"

    name: Mapped[str] = mapped_column(String(160), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Consent(Tracked, Base):
    """Recorded permission to keep a resident's contact details, for one purpose."""

    __tablename__ = "consent"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), index=True)
    purpose: Mapped[ConsentPurpose] = mapped_column(str_enum(ConsentPurpose))
    given_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    withdrawn_on: Mapped[date | None] = mapped_column(Date, default=None)


meedenker_theme = Table(
    "meedenker_theme",
    Base.metadata,
    Column("meedenker_id", ForeignKey("meedenker.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True),
)


class Meedenker(Tracked, Base):
    """An entry in the participation register: this resident thinks along in this area."""

    __tablename__ = "meedenker"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), index=True)
    area_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("area.id"), index=True)
    consent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("consent.id"))
    since: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    resident: Mapped[Resident] = relationship(lazy="raise")
    area: Mapped[Area] = relationship(lazy="raise")
    themes: Mapped[list[Theme]] = relationship(secondary=meedenker_theme, lazy="raise")
