"""What the two one-page prints (a signal, a koffiekar round) share: a label/value block, a
small table, and laying out one page that shrinks its content rather than spill to a second."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Table, TableStyle

from gebiedsapp.services.report_text import long_date
from gebiedsapp.services.reports.pdf_base import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    INK,
    MUTED,
    REGULAR,
    RULE,
    PageInfo,
    build,
    para,
    styles,
)

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
LABEL_WIDTH = 42 * mm


def weekday_date(day: date) -> str:
    """'dinsdag 12 maart 2024'"""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def fields(rows: Sequence[tuple[str, str]]) -> Table:
    """Label in bold on the left, the value (wrapping) on the right."""
    s = styles()
    data = [[para(label, s.cell_bold), para(value or "—", s.body)] for label, value in rows]
    table = Table(data, colWidths=[LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ]
        )
    )
    return table


def write_lines(label: str, count: int) -> Table:
    """A box to write in by hand (the sheet goes out on paper)."""
    s = styles()
    rows: list[list[Any]] = [[para(label, s.cell_bold)]] + [[""] for _ in range(count)]
    table = Table(rows, colWidths=[FRAME_WIDTH], rowHeights=[None] + [8 * mm] * count)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -2), 0.25, RULE),
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
            ]
        )
    )
    return table


def one_page(out: BinaryIO | Path, story: list[Flowable], info: PageInfo, *, title: str) -> int:
    """Everything on one A4: content that would not fit is scaled down a little."""
    frame = KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT - 2, story, mode="shrink")
    return build(out, [frame], info, title=title)
