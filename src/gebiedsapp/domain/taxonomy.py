"""Editable taxonomies: themes, partner organisations and the signal category tree."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.base import Base, Tracked, str_enum
from gebiedsapp.domain.enums import PartnerKind, TermUnit


class Theme(Tracked, Base):
    """A theme residents talk about; two levels (Leefbaarometer dimension, then theme).

    A theme in use is never deleted, only retired: old records keep it, new ones are not offered it.
    """

    __tablename__ = "theme"

    key: Mapped[str | None] = mapped_column(String(80), unique=True, default=None)
    name: Mapped[str] = mapped_column(String(120))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("theme.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class Partner(Tracked, Base):
    """An organisation a signal can be routed to or a contact can be with."""

    __tablename__ = "partner"

    key: Mapped[str | None] = mapped_column(String(80), unique=True, default=None)
    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[PartnerKind] = mapped_column(str_enum(PartnerKind))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class SignalCategory(Tracked, Base):
    """Two-level signal category with its default afhandeltermijn and responsible partner."""

    __tablename__ = "signal_category"

    key: Mapped[str | None] = mapped_column(String(80), unique=True, default=None)
    name: Mapped[str] = mapped_column(String(160))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("signal_category.id"), index=True
    )
    term: Mapped[int] = mapped_column(Integer, default=5)
    term_unit: Mapped[TermUnit] = mapped_column(str_enum(TermUnit), default=TermUnit.WERKDAGEN)
    default_partner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("partner.id"), default=None
    )
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    default_partner: Mapped[Partner | None] = relationship(lazy="raise")
