"""Cell texts shared by the PDF reports: dates, counts, and plain text wrapped to a column
(much cheaper than a Paragraph per cell in long tables)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports.pdf_base import REGULAR, prepared
from gebiedsapp.services.reports.scripts import visual

FONT_SIZE = 8.5


def short_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def days_text(value: float) -> str:
    """'1 dag', '4 dagen', '3,5 dagen'."""
    whole = value == int(value)
    shown = number(value, 0 if whole else 1)
    return f"{shown} dag" if whole and int(value) == 1 else f"{shown} dagen"


def count(n: int, one: str, many: str) -> str:
    """'1 signaal was', '3 signalen waren'."""
    return f"{number(n)} {one if n == 1 else many}"


def lines(value: str, width: float, *, font: str = REGULAR, size: float = FONT_SIZE) -> str:
    """Wrap plain text for a table cell (much cheaper than a Paragraph in long tables)."""
    if not value:
        return ""
    return _wrapped(value, width, font, size)


@lru_cache(maxsize=8192)
def _wrapped(value: str, width: float, font: str, size: float) -> str:
    """`lines` for one text: long lists repeat their categories, buurten and partners row
    after row, so each distinct text is measured once per report."""
    avail = width - 8
    value = prepared(value)  # in typing order: lines are broken first, then reordered
    if "\n" not in value and stringWidth(value, font, size) <= avail:
        return visual(value)  # most cells: one line, one measurement
    out: list[str] = []
    for line in simpleSplit(value, font, size, avail):
        # simpleSplit breaks at spaces: only a line that is one long word can be too wide
        fits = " " in line.strip() or stringWidth(line, font, size) <= avail
        out += [line] if fits else _hard_wrap(line, font, avail, size)
    return "\n".join(visual(line) for line in out)


def new_report() -> None:
    """Forget the wrapped texts of an earlier report (the cache serves one report's repeats)."""
    _wrapped.cache_clear()


def _hard_wrap(line: str, font: str, avail: float, size: float = FONT_SIZE) -> list[str]:
    """A word too long for the column ("Winschoten-Bomenbuurt"): break it, after a hyphen if
    there is one, rather than let it run into the next column."""
    out: list[str] = []
    current = ""
    for char in line:
        if current and stringWidth(current + char, font, size) > avail:
            cut = current.rfind("-") + 1 or len(current)
            out.append(current[:cut])
            current = current[cut:]
        current += char
    out.append(current)
    return out
