"""A signal on one page, like a work order: what, where, who acts, by when, what happened so
far, and room to write down the handling. No resident's personal data (a signal holds none)
and not the summary of the conversation it came from (that may name people)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from gebiedsapp.services.masking import mask
from gebiedsapp.services.report_text import long_date, status_text
from gebiedsapp.services.reports.cells import lines, short_date
from gebiedsapp.services.reports.pdf_base import FRAME_WIDTH, PageInfo, grid, heading, para, styles
from gebiedsapp.services.reports.sheets import fields, one_page, write_lines
from gebiedsapp.services.signal_views import SignalDetail

MAX_HISTORY = 8
MAX_CHILDREN = 8
MAX_DESCRIPTION = 1_500


def _origin(detail: SignalDetail) -> str:
    """How it reached the team; of a conversation only its date and place (the conversation's
    summary is left out: it may name people)."""
    how = detail.source.label
    if detail.origin:
        where = detail.origin.split(": ", 1)[0]
        return f"{how} — {where}"
    return how


def _location(detail: SignalDetail) -> str:
    place = detail.location
    if detail.coordinates is not None:
        lat, lon = detail.coordinates
        spot = f"{lat:.5f} N, {lon:.5f} O".replace(".", ",")
        place = f"{place} ({spot})" if place else spot
    return place


def _term(detail: SignalDetail) -> str:
    if detail.closed_on is not None:
        return (
            f"uiterlijk {long_date(detail.deadline)}; afgesloten op "
            f"{long_date(detail.closed_on)}, {detail.label.label}"
        )
    return f"uiterlijk {long_date(detail.deadline)} — nu {detail.label.label}"


def _feedback(detail: SignalDetail) -> str:
    if not detail.wants_feedback and not detail.feedback:
        return "Niet gevraagd."
    given = "; ".join(
        f"{short_date(f.given_on)} via {f.how}" + (f" door {f.by}" if f.by else "")
        for f in detail.feedback
    )
    wanted = "De melder wil horen wat er met het signaal gebeurt."
    if not detail.wants_feedback:
        wanted = ""
    return " ".join(
        p for p in (wanted, f"Gegeven: {given}." if given else "Nog niet gegeven.") if p
    )


def _history(detail: SignalDetail) -> list[Flowable]:
    s = styles()
    items: list[Flowable] = heading("Verloop (nieuwste eerst)")
    if not detail.history:
        items.append(para("Nog geen wijzigingen sinds de melding.", s.empty))
        return items
    widths = [30 * mm, 28 * mm, 62 * mm, FRAME_WIDTH - 120 * mm]
    data = [["Wanneer", "Door", "Wat", "Opmerking"]]
    for line in detail.history[:MAX_HISTORY]:
        change = f"{line.what}: {line.old} › {line.new}" if line.old else f"{line.what}: {line.new}"
        data.append(
            [
                line.at.strftime("%d-%m-%Y %H:%M"),
                lines(line.by, widths[1]),
                lines(change, widths[2]),
                lines(mask(line.note), widths[3]),
            ]
        )
    items.append(grid(data, widths))
    more = len(detail.history) - MAX_HISTORY
    if more > 0:
        items.append(para(f"En nog {more} eerdere wijzigingen: zie de app.", s.note))
    return items


def _children(detail: SignalDetail) -> list[Flowable]:
    if not detail.children:
        return []
    s = styles()
    widths = [62 * mm, 40 * mm, 30 * mm, FRAME_WIDTH - 132 * mm]
    data = [["Deelsignaal", "Partner", "Status", "Termijn"]]
    for child in detail.children[:MAX_CHILDREN]:
        data.append(
            [
                lines(child.category, widths[0]),
                lines(child.partner or "geen partner", widths[1]),
                status_text(child.status),
                f"{short_date(child.deadline)}\n{child.label.label}",
            ]
        )
    items: list[Flowable] = [
        *heading("Gesplitst in"),
        grid(data, widths),
    ]
    more = len(detail.children) - MAX_CHILDREN
    if more > 0:
        items.append(para(f"En nog {more} deelsignalen: zie de app.", s.note))
    return items


def write_signal_sheet(
    detail: SignalDetail, out: BinaryIO | Path, *, printed_on: date | None = None
) -> int:
    """One page; returns 1."""
    s = styles()
    printed = printed_on or date.today()
    description = mask(detail.description)  # e-mail and phone numbers typed into it
    if len(description) > MAX_DESCRIPTION:
        description = description[:MAX_DESCRIPTION].rstrip() + " … (verder in de app)"
    rows = [
        ("Categorie", detail.category),
        ("Gebied", detail.area_name),
        ("Buurt", detail.buurt or "niet bekend"),
        ("Locatie", _location(detail) or "niet opgegeven"),
        ("Prioriteit", detail.priority.label),
        ("Partner", detail.partner or "nog geen partner"),
        ("Status", status_text(detail.status)),
        ("Gemeld op", f"{long_date(detail.reported_on)} via {_origin(detail)}"),
        ("Termijn", _term(detail)),
        ("Terugkoppeling", _feedback(detail)),
    ]
    if detail.parent:
        rows.append(("Deel van", detail.parent[:300]))
    story: list[Flowable] = [
        para("Werkbon signaal", s.subtitle),
        para(detail.category or "Signaal", s.h1),
        fields(rows),
        *heading("Omschrijving"),
        para(description or "Geen omschrijving.", s.body),
        *_children(detail),
        *_history(detail),
        Spacer(1, 6 * mm),
        write_lines("Afhandeling (in te vullen): wat is er gedaan, door wie, wanneer", 4),
    ]
    info = PageInfo(
        f"Signaal · {detail.area_name}",
        f"gemeld op {long_date(detail.reported_on)}",
        f"Werkbon signaal · geprint op {long_date(printed)} · zonder persoonsgegevens",
    )
    return one_page(out, story, info, title=f"Werkbon signaal {detail.category}")
