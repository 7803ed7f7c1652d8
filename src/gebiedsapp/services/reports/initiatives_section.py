"""The summary's part on residents' initiatives: what ran in the period, how far it got.

Prints the title, the area, the status now, since when, the next milestone or the end, and the
budget granted; never the description or the support notes (free text, which may name people).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, TableStyle

from gebiedsapp.services.money import format_euros
from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports.cells import count, lines, short_date
from gebiedsapp.services.reports.pdf_base import (
    FRAME_WIDTH,
    explained,
    grid,
    heading,
    para,
    styles,
)
from gebiedsapp.services.summary import AreaSummary, InitiativeRow


def _progress(row: InitiativeRow) -> str:
    if row.ended is not None:
        return f"{row.status.label.lower()} op {short_date(row.ended)}"
    if row.next_step:
        return row.next_step + (f" ({short_date(row.next_due)})" if row.next_due else "")
    return "geen open mijlpaal"


def initiatives(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [CondPageBreak(30 * mm), *heading("Bewonersinitiatieven")]
    rows = summary.initiatives
    if not rows:
        out.append(para("In deze periode liep geen bewonersinitiatief.", s.empty))
        return out
    # with several areas, the area follows the name (a column of its own leaves too little room)
    several_areas = len({r.area for r in rows}) > 1
    widths = [FRAME_WIDTH - 117 * mm, 30 * mm, 19 * mm, 47 * mm, 21 * mm]
    first = "Initiatief (gebied)" if several_areas else "Initiatief"
    data: list[list[str]] = [[first, "Status", "Sinds", "Volgende stap of einde", "Toegekend"]]
    for r in rows:
        name = f"{r.title} ({r.area})" if several_areas else r.title
        data.append(
            [
                lines(name, widths[0]),
                lines(r.status_label, widths[1]),
                short_date(r.since),
                lines(_progress(r), widths[3]),
                format_euros(r.budget_granted, blank="—"),
            ]
        )
    table = grid(data, widths)
    table.setStyle(TableStyle([("ALIGN", (4, 0), (4, -1), "RIGHT")]))
    running = sum(1 for r in rows if r.ended is None)
    granted = sum(r.budget_granted or 0 for r in rows)
    ran = count(
        len(rows),
        "initiatief van bewoners liep in deze periode of eindigde daarin",
        "initiatieven van bewoners liepen in deze periode of eindigden daarin",
    )
    if running == 0:
        still = "daarvan loopt er geen meer"
    else:
        still = f"daarvan {'loopt' if running == 1 else 'lopen'} er nog {number(running)}"
    note = (
        f"{ran}; {still}. De status is die aan het eind van de periode; "
        "de volgende stap is de eerste mijlpaal die nog niet bereikt is, met de datum "
        "waarop die gepland staat. Aan deze initiatieven is samen "
        f"{format_euros(granted)} toegekend, wanneer dan ook (niet alleen in deze periode)."
    )
    return [*out, *explained(table, note)]
