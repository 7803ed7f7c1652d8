"""Areas the teams work in, and the CBS wijken and buurten they are linked to."""

from __future__ import annotations

import uuid

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gebiedsapp.domain.base import Base, Tracked, str_enum
from gebiedsapp.domain.enums import AreaKind


class CbsWijk(Base):
    """A CBS wijk (shipped reference data; the code is the same everywhere, so it is the key)."""

    __tablename__ = "cbs_wijk"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    year: Mapped[int] = mapped_column(Integer)
    geometry: Mapped[str] = mapped_column(Text, default="")  # GeoJSON geometry, WGS84


class CbsBuurt(Base):
    __tablename__ = "cbs_buurt"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    wijk_code: Mapped[str] = mapped_column(ForeignKey("cbs_wijk.code"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    geometry: Mapped[str] = mapped_column(Text, default="")


area_buurt = Table(
    "area_buurt",
    Base.metadata,
    Column("area_id", ForeignKey("area.id", ondelete="CASCADE"), primary_key=True),
    Column("buurt_code", ForeignKey("cbs_buurt.code"), primary_key=True),
)


class Area(Tracked, Base):
    """A kern, a wijk or an area the municipality defined, in one tree.

    Areas people name in speech (Parkwijk, Bloemenbuurt, ...) do not map one-to-one on CBS buurten,
    so the link to CBS is many-to-many and may be empty.
    """

    __tablename__ = "area"

    key: Mapped[str | None] = mapped_column(String(80), unique=True, default=None)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[AreaKind] = mapped_column(str_enum(AreaKind))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("area.id"), index=True)
    cbs_wijk_code: Mapped[str | None] = mapped_column(ForeignKey("cbs_wijk.code"), default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Area | None] = relationship(remote_side="Area.id", lazy="raise")
    buurten: Mapped[list[CbsBuurt]] = relationship(secondary=area_buurt, lazy="raise")
    cbs_wijk: Mapped[CbsWijk | None] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return f"Area({self.name!r}, {self.kind.value})"
