"""The inzage overview as a PDF: everything stored about one resident, section by section, so
the resident can read it without explanation. Unlike every other print it holds personal data:
it is made for that resident only."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from gebiedsapp.services.report_text import long_date
from gebiedsapp.services.reports.pdf_base import PageInfo, build, heading, para, styles
from gebiedsapp.services.reports.sheets import fields
from gebiedsapp.services.subject_access import PersonData


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{long_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return long_date(value)
    return str(value)


def write_person_data(data: PersonData, out: BinaryIO | Path) -> int:
    """The overview; the number of pages."""
    s = styles()
    story: list[Flowable] = [
        para("Inzageverzoek", s.subtitle),
        para(data.name or "Bewoner", s.title),
        para(
            f"Alles wat de Gebiedsapp van de gemeente Oldambt op {long_date(data.made_on)} over "
            "deze bewoner bewaart, per onderdeel. Een leeg onderdeel betekent dat daar niets "
            "over de bewoner is vastgelegd.",
            s.body,
        ),
    ]
    for section in data.sections:
        story += heading(section.title, note=section.explanation)
        if not section.rows:
            story.append(para("Niets vastgelegd.", s.empty))
            continue
        for row in section.rows:
            story.append(
                KeepTogether([fields([(k, _value(v)) for k, v in row.items()]), Spacer(1, 3 * mm)])
            )
    info = PageInfo(
        "Inzageverzoek",
        long_date(data.made_on),
        "Inzage (AVG artikel 15) · bevat persoonsgegevens: alleen voor de bewoner",
    )
    return build(out, story, info, title="Inzageverzoek")
