"""The summary's parts on what residents said (quotes marked for reporting, never with a name)
and what the team agreed with them (actions still open)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, TableStyle

from gebiedsapp.services.report_text import long_date
from gebiedsapp.services.reports.cells import FONT_SIZE, count, lines, short_date
from gebiedsapp.services.reports.pdf_base import (
    FRAME_WIDTH,
    INK,
    ITALIC,
    MUTED,
    REGULAR,
    ZEBRA,
    ListTable,
    bold_cells,
    grid,
    heading,
    para,
    styles,
)
from gebiedsapp.services.summary import AreaSummary

META_SIZE = 7.5  # the date and buurt beside a quote


def quotes(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        *heading(
            "Wat bewoners zeiden",
            note="Uitspraken die het team bij de koffiekar optekende en aanmerkte als bruikbaar "
            "voor rapportage; met datum en buurt, nooit met een naam.",
        )
    ]
    if not summary.quotes:
        out.append(para("Geen citaten voor de rapportage in deze periode.", s.empty))
        return out
    # Each quote a row of a borderless table: the words (wrapped here, in italics) with date and
    # buurt beside them. A row never splits over two pages, and plain wrapped strings lay out
    # far faster than a Paragraph per quote (a busy area has a thousand quotes a year).
    meta_width = 50 * mm
    quote_width = FRAME_WIDTH - meta_width
    rows: list[list[str]] = []
    for q in summary.quotes:
        where = q.buurt or q.area
        if q.buurt and q.area and q.area not in q.buurt:
            where = f"{q.buurt} ({q.area})"
        rows.append(
            [
                lines(f"“{q.text}”", quote_width - 5 * mm, font=ITALIC),
                lines(f"{long_date(q.day)}\n{where}", meta_width, size=META_SIZE),
            ]
        )
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (0, -1), ITALIC, FONT_SIZE, 11),
            ("FONT", (1, 0), (1, -1), REGULAR, META_SIZE, 9.5),
            ("TEXTCOLOR", (0, 0), (0, -1), INK),
            ("TEXTCOLOR", (1, 0), (1, -1), MUTED),
            ("LEFTPADDING", (0, 0), (0, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, ZEBRA),
        ]
    )
    out.append(ListTable(rows, colWidths=[quote_width, meta_width], style=style))
    return out


def actions(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [CondPageBreak(30 * mm), *heading("Afgesproken acties die nog openstaan")]
    rows = summary.open_action_list
    if not rows:
        out.append(para("Geen open acties.", s.empty))
    else:
        several_areas = len({a.area for a in rows}) > 1
        widths = [FRAME_WIDTH - 94 * mm, 40 * mm, 24 * mm, 30 * mm]
        if not several_areas:
            widths = [FRAME_WIDTH - 64 * mm, 40 * mm, 24 * mm]
        header = ["Wat", "Wie (team)", "Uiterlijk"] + (["Gebied"] if several_areas else [])
        late = 0
        data: list[list[str]] = [header]
        bold: list[int] = []
        for index, a in enumerate(rows, start=1):
            due = short_date(a.due) if a.due else "geen datum"
            if a.overdue:
                due += "\n(te laat)"
                bold.append(index)
                late += 1
            row = [lines(a.what, widths[0]), lines(a.owner or "niemand", widths[1]), due]
            if several_areas:
                row.append(lines(a.area, widths[3]))
            data.append(row)
        table = grid(data, widths)
        table.setStyle(TableStyle(bold_cells(bold, 2, 2)))
        out.append(table)
        out.append(
            para(
                f"{count(len(rows), 'actie', 'acties')} die het team met bewoners of partners "
                f"afsprak en die nog niet gedaan {'is' if len(rows) == 1 else 'zijn'}; "
                f"{count(late, 'daarvan is', 'daarvan zijn')} over de datum "
                "(vetgedrukt). Eerst die met een datum, de vroegste bovenaan.",
                s.note,
            )
        )
    out.append(Spacer(1, 4 * mm))
    return out
