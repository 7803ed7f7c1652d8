"""CBS key figures (Kerncijfers wijken en buurten) per region code and year: context for the
area page and the summaries, imported from a StatLine CSV the user downloaded.

Keyed by the CBS code and year rather than a generated id: two laptops that import the same
file write the same rows, and a re-import of a year replaces that year's rows. The code is kept
even when the shipped buurten do not know it (a file of another year's division).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gebiedsapp.domain.base import Base, utcnow


class CbsFigures(Base):
    __tablename__ = "cbs_figures"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)  # GM1895, WK189500, BU...
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # gemeente, wijk or buurt
    name: Mapped[str] = mapped_column(String(120), default="")
    inhabitants: Mapped[int | None] = mapped_column(Integer, default=None)
    men: Mapped[int | None] = mapped_column(Integer, default=None)
    women: Mapped[int | None] = mapped_column(Integer, default=None)
    age_0_15: Mapped[int | None] = mapped_column(Integer, default=None)
    age_15_25: Mapped[int | None] = mapped_column(Integer, default=None)
    age_25_45: Mapped[int | None] = mapped_column(Integer, default=None)
    age_45_65: Mapped[int | None] = mapped_column(Integer, default=None)
    age_65_plus: Mapped[int | None] = mapped_column(Integer, default=None)
    households: Mapped[int | None] = mapped_column(Integer, default=None)
    # every other numeric column of the file: {"GemiddeldeHuishoudensgrootte": 2.1, ...}
    other: Mapped[str] = mapped_column(Text, default="{}")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(120), default="")
