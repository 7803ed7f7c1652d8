"""The municipality-wide summary for the college: an overview table of all areas, the
municipality as a whole, then a section per area (each on new pages, with its name in the
header). Sections are made only when the layout reaches them, so a year of a large database
needs memory for the summary, one section and the finished pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, TableStyle

from gebiedsapp.domain import Role
from gebiedsapp.services.geo import BuurtShape
from gebiedsapp.services.report_text import KEY_FIGURES, figure, number, period_range, period_text
from gebiedsapp.services.reports.area_report import (
    area_body,
    as_of_sentence,
    buurt_section,
    cover,
    footer,
    key_figures,
    signals,
    themes,
)
from gebiedsapp.services.reports.cells import lines, new_report
from gebiedsapp.services.reports.pdf_base import (
    ACCENT,
    BOLD,
    FRAME_WIDTH,
    Deferred,
    PageInfo,
    SetHeader,
    build,
    explained,
    grid,
    heading,
    para,
    styles,
)
from gebiedsapp.services.reports.progress import Progress, ReportCancelledError
from gebiedsapp.services.summary import AreaSummary, MunicipalitySummary

# -----------------------------------------------------------------------

# The overview's columns: a short head each (the legend under the table gives the full names);
# of the initiatives only the running ones, so that the table fits the page.
OVERVIEW = (
    ("sessions", "Rondes"),
    ("conversations", "Gesprek-\nken"),
    ("contacts", "Contac-\nten"),
    ("meedenkers_added", "Nieuwe\nmee-\ndenkers"),
    ("signals_new", "Nieuwe\nsignalen"),
    ("signals_closed", "Afge-\nsloten\nsignalen"),
    ("signals_open", "Open\nsignalen"),
    ("signals_overdue", "Over de\ntermijn"),
    ("initiatives_running", "Lopende\ninitia-\ntieven"),
    ("open_actions", "Open\nacties"),
)
OVERVIEW_FIELDS = tuple(field for field, _head in OVERVIEW)
_COLUMN = 14 * mm


def overview(municipality: MunicipalitySummary) -> list[Flowable]:
    name_width = FRAME_WIDTH - len(OVERVIEW) * _COLUMN
    header: list[Any] = ["Gebied", *(head for _field, head in OVERVIEW)]
    data: list[list[Any]] = [header]
    fields = [field for field, _head in OVERVIEW]
    for area in municipality.areas:
        data.append(
            [lines(area.title, name_width), *(number(figure(area.current, f)) for f in fields)]
        )
    total = municipality.total
    data.append(
        [lines(f"{total.title} (totaal)", name_width, font=BOLD)]
        + [number(figure(total.current, f)) for f in fields]
    )
    data.append(
        [lines("Vorige periode (totaal)", name_width)]
        + [number(figure(total.previous, f)) for f in fields]
    )
    table = grid(
        data, [name_width] + [_COLUMN] * len(OVERVIEW), numeric_from=1, bold_rows=[len(data) - 2]
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, -2), (-1, -2), 0.8, ACCENT),
                # ten narrow columns: a smaller head, so that 'signalen' fits its column
                ("FONT", (0, 0), (-1, 0), BOLD, 7, 8.5),
            ]
        )
    )
    shown = {field for field, _head in OVERVIEW}
    legend = "; ".join(
        f"{label}: {explanation}" for f, label, explanation in KEY_FIGURES if f in shown
    )
    return [
        *heading("Overzicht per gebied"),
        *explained(
            table,
            f"De kerncijfers van elk gebied in {period_text(municipality.period)}, met "
            "onderaan het totaal van de gemeente en dat van de periode ervoor. "
            "Per gebied staat de vergelijking met de vorige periode in het eigen hoofdstuk. "
            f"{legend}. " + as_of_sentence(total),
        ),
    ]


def _municipality_total(total: AreaSummary, shapes: Sequence[BuurtShape]) -> list[Flowable]:
    s = styles()
    return [
        PageBreak(),
        para(f"{total.title} als geheel", s.h1),
        *key_figures(total),
        *themes(total),
        PageBreak(),
        *signals(total),
        *buurt_section(total, shapes),
        para(
            "De open signalen, citaten en acties staan per gebied in de hoofdstukken hierna.",
            s.note,
        ),
    ]


def _area_section(area: AreaSummary, shapes: Sequence[BuurtShape]) -> list[Flowable]:
    s = styles()
    return [
        PageBreak(),
        SetHeader(area.title),
        para(area.title, s.title),
        para(_team_line(area), s.small),
        Spacer(1, 3 * mm),
        *key_figures(area),
        *area_body(area, shapes),
    ]


def _team_line(area: AreaSummary) -> str:
    parts = [f"{role.label}: {', '.join(area.team[role])}" for role in Role if area.team.get(role)]
    return " · ".join(parts) if parts else "Geen team ingevuld."


def write_municipality_summary(
    municipality: MunicipalitySummary,
    shapes: Sequence[BuurtShape],
    out: BinaryIO | Path,
    progress: Progress | None = None,
) -> int:
    """The whole municipality: an overview table of all areas, then a section per area.

    Sections are made only when the layout reaches them (`Deferred`), so memory holds the
    summary, one section's flowables and the pages. `progress(done, total)` is called before
    each section; when it returns False the work stops with `ReportCancelledError` and no
    file is left."""
    new_report()
    total_steps = len(municipality.areas) + 1
    total = municipality.total

    def step(done: int) -> None:
        if progress is not None and progress(done, total_steps) is False:
            raise ReportCancelledError("Het maken van de samenvatting is afgebroken.")

    def section(index: int, area: AreaSummary) -> Deferred:
        def make() -> list[Flowable]:
            step(index)
            return _area_section(area, shapes)

        return Deferred(make)

    step(0)
    story: list[Flowable] = [
        *cover(total),
        Spacer(1, 4 * mm),
        *overview(municipality),
        *_municipality_total(total, shapes),
        *(section(i, area) for i, area in enumerate(municipality.areas, start=1)),
    ]

    def finish() -> list[Flowable]:
        step(total_steps)  # every section laid out; only saving is left
        return []

    story.append(Deferred(finish))
    info = PageInfo(total.title, period_range(municipality.period), footer(municipality.made_on))
    return build(out, story, info, title=f"Samenvatting {total.title}")
