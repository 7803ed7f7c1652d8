"""A koffiekar round on one page: when, where, who, and what was heard (themes, reportable
quotes) with the signals and actions that came out of it. Nothing about residents, and not the
notes or the conversations' summaries (they may name people): see `session_data`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from gebiedsapp.services.report_text import long_date, number, status_text
from gebiedsapp.services.reports.cells import count, lines, short_date
from gebiedsapp.services.reports.charts import Bar, bar_chart
from gebiedsapp.services.reports.pdf_base import (
    FRAME_WIDTH,
    PageInfo,
    explained,
    grid,
    heading,
    para,
    styles,
)
from gebiedsapp.services.reports.session_data import SessionSheet
from gebiedsapp.services.reports.sheets import fields, one_page, weekday_date

MAX_THEMES = 10
MAX_QUOTES = 6
MAX_ROWS = 8


def _time(sheet: SessionSheet) -> str:
    if sheet.start_time and sheet.end_time:
        return f"{sheet.start_time:%H:%M} tot {sheet.end_time:%H:%M}"
    if sheet.start_time:
        return f"vanaf {sheet.start_time:%H:%M}"
    return "niet vastgelegd"


def _heard(sheet: SessionSheet) -> list[Flowable]:
    s = styles()
    items: list[Flowable] = heading("Wat we hoorden")
    if not sheet.themes:
        items.append(para("Geen gesprekken vastgelegd in deze ronde.", s.empty))
        return items
    chart = bar_chart([Bar(t, n) for t, n in sheet.themes[:MAX_THEMES]], FRAME_WIDTH)
    note = "Aantal gesprekken per thema; een gesprek kan over meer thema’s gaan."
    if len(sheet.themes) > MAX_THEMES:
        note += f" Nog {count(len(sheet.themes) - MAX_THEMES, 'thema', 'thema’s')} minder vaak."
    items += explained(chart, note)
    items.append(Spacer(1, 2 * mm))
    handled = " · ".join(f"{h.label}: {number(n)}" for h, n in sheet.handling)
    items.append(para(f"Afhandeling van de gesprekken — {handled}.", s.body))
    return items


def _quotes(sheet: SessionSheet) -> list[Flowable]:
    s = styles()
    items: list[Flowable] = heading(
        "Citaten",
        note="Uitspraken die het team aanmerkte als bruikbaar voor rapportage; zonder naam.",
    )
    if not sheet.quotes:
        items.append(para("Geen citaten voor de rapportage in deze ronde.", s.empty))
    for quote in sheet.quotes[:MAX_QUOTES]:
        items.append(para(f"“{quote}”", s.quote))
    return items


def _signals(sheet: SessionSheet) -> list[Flowable]:
    s = styles()
    items: list[Flowable] = heading("Signalen uit deze ronde")
    if not sheet.signals:
        items.append(para("Geen signalen uit deze ronde.", s.empty))
        return items
    widths = [50 * mm, 28 * mm, 36 * mm, 26 * mm, FRAME_WIDTH - 140 * mm]
    data = [["Categorie", "Buurt", "Partner", "Status", "Termijn"]]
    for signal in sheet.signals[:MAX_ROWS]:
        data.append(
            [
                lines(signal.category, widths[0]),
                lines(signal.buurt or "onbekend", widths[1]),
                lines(signal.partner or "geen partner", widths[2]),
                lines(status_text(signal.status), widths[3]),
                lines(f"uiterlijk {short_date(signal.deadline)}, {signal.label.label}", widths[4]),
            ]
        )
    items.append(grid(data, widths))
    if len(sheet.signals) > MAX_ROWS:
        items.append(para(f"En nog {len(sheet.signals) - MAX_ROWS}: zie de app.", s.note))
    return items


def _actions(sheet: SessionSheet) -> list[Flowable]:
    s = styles()
    items: list[Flowable] = heading("Afgesproken acties")
    if not sheet.actions:
        items.append(para("Geen acties afgesproken in deze ronde.", s.empty))
        return items
    widths = [FRAME_WIDTH - 88 * mm, 40 * mm, 26 * mm, 22 * mm]
    data = [["Wat", "Wie (team)", "Uiterlijk", "Status"]]
    for action in sheet.actions[:MAX_ROWS]:
        data.append(
            [
                lines(action.what, widths[0]),
                lines(action.owner or "niemand", widths[1]),
                short_date(action.due) if action.due else "geen datum",
                action.status.label,
            ]
        )
    items.append(grid(data, widths))
    if len(sheet.actions) > MAX_ROWS:
        items.append(para(f"En nog {len(sheet.actions) - MAX_ROWS}: zie de app.", s.note))
    return items


def write_session_sheet(
    sheet: SessionSheet, out: BinaryIO | Path, *, printed_on: date | None = None
) -> int:
    """One page; returns 1."""
    s = styles()
    printed = printed_on or date.today()
    where = sheet.place or "plek niet vastgelegd"
    if sheet.buurt:
        where += f" (buurt {sheet.buurt})"
    rows = [
        ("Datum", weekday_date(sheet.day)),
        ("Tijd", _time(sheet)),
        ("Plek", where),
        ("Gebied", sheet.area),
        ("Team", ", ".join(sheet.staff) or "niet vastgelegd"),
        ("Weer", sheet.weather or "niet vastgelegd"),
        ("Voorbijgangers", number(sheet.passers_by) if sheet.passers_by else "niet geteld"),
        ("Gesprekken", number(sheet.conversations)),
    ]
    story: list[Flowable] = [
        para("Koffiekarronde", s.subtitle),
        para(f"{sheet.area} — {long_date(sheet.day)}", s.h1),
        fields(rows),
        Spacer(1, 2 * mm),
        *_heard(sheet),
        *_quotes(sheet),
        *_signals(sheet),
        *_actions(sheet),
    ]
    info = PageInfo(
        f"Koffiekarronde · {sheet.area}",
        long_date(sheet.day),
        f"Koffiekarronde · geprint op {long_date(printed)} · zonder persoonsgegevens",
    )
    return one_page(out, story, info, title=f"Koffiekarronde {sheet.area} {long_date(sheet.day)}")
