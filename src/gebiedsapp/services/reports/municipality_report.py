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
from gebiedsapp.services.report_text import figure, number, period_range, period_text
from gebiedsapp.services.reports.area_report import (
    area_body,
    as_of_sentence,
    buurt_section,
    cover,
    footer,
    key_figures,
    signals,
)
from gebiedsapp.services.reports.brief import (
    BRIEF_LISTS,
    SOURCE,
    compact_page,
    missing_roles,
    nothing_recorded,
    sentences,
    thin,
)
from gebiedsapp.services.reports.cells import lines, new_report
from gebiedsapp.services.reports.charts import sparkline
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
from gebiedsapp.services.reports.themes_section import themes
from gebiedsapp.services.summary import AreaSummary, MunicipalitySummary

# -----------------------------------------------------------------------

# The overview's columns: a short head each (the legend under the table gives the full names);
# of the initiatives only the running ones, so that the table fits the page.
OVERVIEW = (
    ("sessions", "Rondes"),
    ("conversations", "Gesprek-\nken"),
    ("contacts", "Contac-\nten"),
    ("meedenkers_added", "Nieuwe\nmee-\nden-\nkers"),
    ("signals_new", "Nieuwe\nsigna-\nlen"),
    ("signals_closed", "Afge-\nsloten\nsigna-\nlen"),
    ("signals_open", "Open\nsigna-\nlen"),
    ("signals_overdue", "Over de\ntermijn"),
    ("initiatives_running", "Lopende\ninitia-\ntieven"),
    ("open_actions", "Open\nacties"),
)
OVERVIEW_FIELDS = tuple(field for field, _head in OVERVIEW)
_COLUMN = 12 * mm
_SPARK = 22 * mm  # each area's new signals per month: one odd month shows as one


def by_activity(areas: Sequence[AreaSummary]) -> list[AreaSummary]:
    """Busiest first: rounds, contacts and new signals together, then by name."""
    return sorted(
        areas,
        key=lambda a: (
            -(a.current.sessions + a.current.contacts + a.current.signals_new),
            a.title.casefold(),
        ),
    )


def _trend(area: AreaSummary) -> Flowable:
    return sparkline([m.signals_new for m in area.trend], _SPARK - 3, 10, label_width=24)


def overview(municipality: MunicipalitySummary) -> list[Flowable]:
    name_width = FRAME_WIDTH - len(OVERVIEW) * _COLUMN - _SPARK
    header: list[Any] = [
        "Gebied",
        *(head for _field, head in OVERVIEW),
        "Nieuwe signalen\nper maand,\n12 maanden",
    ]
    data: list[list[Any]] = [header]
    fields = [field for field, _head in OVERVIEW]
    for area in by_activity(municipality.areas):
        data.append(
            [
                lines(area.title, name_width),
                *(number(figure(area.current, f)) for f in fields),
                _trend(area),
            ]
        )
    total = municipality.total
    data.append(
        [lines(f"{total.title} (totaal)", name_width, font=BOLD)]
        + [number(figure(total.current, f)) for f in fields]
        + [_trend(total)]
    )
    data.append(
        [lines("Vorige periode (totaal)", name_width)]
        + [number(figure(total.previous, f)) for f in fields]
        + [""]
    )
    table = grid(
        data,
        [name_width] + [_COLUMN] * len(OVERVIEW) + [_SPARK],
        numeric_from=1,
        bold_rows=[len(data) - 2],
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, -2), (-1, -2), 0.8, ACCENT),
                # ten narrow columns: a smaller head and figures, narrow padding
                ("FONT", (0, 0), (-1, 0), BOLD, 7, 8.5),
                ("FONTSIZE", (1, 1), (-2, -1), 7.5),
                ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
                ("RIGHTPADDING", (1, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (-1, 0), (-1, -1), 5),
            ]
        )
    )
    return [
        *heading("Overzicht per gebied"),
        *explained(
            table,
            f"De kerncijfers van elk gebied in {period_text(municipality.period)}, het drukste "
            "gebied eerst, met onderaan het totaal van de gemeente en dat van de periode "
            "ervoor; wat elk kengetal telt, staat in de bijlage. Het lijntje: de nieuwe signalen "
            "per maand over de 12 maanden tot het einde van de periode, met het hoogste aantal "
            "erbij (elk gebied op zijn eigen schaal). " + as_of_sentence(total),
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


def _front(municipality: MunicipalitySummary) -> list[Flowable]:
    """The overview page: what matters for the whole municipality, the areas side by side,
    and once, as a note on the data, the areas whose team is not filled in."""
    s = styles()
    total = municipality.total
    out: list[Flowable] = [
        para("Samenvatting voor de wethouder", s.subtitle),
        para(total.title, s.title),
        para(period_text(municipality.period), s.subtitle),
        *heading("Wat opvalt"),
        *(para(f"• {line}", s.body) for line in sentences(total)),
        *overview(municipality),
    ]
    if thin(total.previous, total.current):
        out.append(
            para(
                "De vorige periode bevat weinig of geen registraties (de app werd toen nog niet "
                "of maar deels gebruikt): vergelijk er niet mee.",
                s.note,
            )
        )
    quiet = [a.title for a in by_activity(municipality.areas) if nothing_recorded(a)]
    if quiet:
        out.append(
            para(
                "Niets vastgelegd in deze periode en niets open aan het eind: "
                + ", ".join(sorted(quiet, key=str.casefold))
                + ". Deze gebieden hebben daarom geen eigen pagina.",
                s.note,
            )
        )
    incomplete = [a.title for a in municipality.areas if missing_roles(a)]
    if incomplete:
        out.append(
            para(
                "Over de gegevens: bij "
                + ", ".join(incomplete)
                + " is het team (gebiedsregisseur, opbouwwerker of gebiedswethouder) niet of "
                "niet helemaal ingevuld in de app.",
                s.note,
            )
        )
    out.append(para(SOURCE, s.note))
    return out


def write_municipality_summary(
    municipality: MunicipalitySummary,
    shapes: Sequence[BuurtShape],
    out: BinaryIO | Path,
    progress: Progress | None = None,
    *,
    appendix: bool = False,
) -> int:
    """The whole municipality: an overview page, then one page per area (busiest first; an area
    where nothing was recorded is only named on the overview); the municipality as a whole and
    the full section of every such area only in the appendix.

    Sections are made only when the layout reaches them (`Deferred`), so memory holds the
    summary, one section's flowables and the pages. `progress(done, total)` is called before
    each area; when it returns False the work stops with `ReportCancelledError` and no
    file is left."""
    new_report()
    # an area where nothing was recorded is named once on the overview, not given a page
    areas = [area for area in by_activity(municipality.areas) if not nothing_recorded(area)]
    total_steps = 2 * len(areas) + 1 if appendix else len(areas) + 1
    total = municipality.total

    def step(done: int) -> None:
        if progress is not None and progress(done, total_steps) is False:
            raise ReportCancelledError("Het maken van de samenvatting is afgebroken.")

    def page(index: int, area: AreaSummary) -> Deferred:
        def make() -> list[Flowable]:
            step(index)
            # its lists made once for the page, and let go with it
            return [PageBreak(), SetHeader(area.title), *compact_page(area.made(BRIEF_LISTS))]

        return Deferred(make)

    def section(index: int, area: AreaSummary) -> Deferred:
        def make() -> list[Flowable]:
            step(index)
            return _area_section(area.made(), shapes)  # its lists made once for the section

        return Deferred(make)

    step(0)
    story: list[Flowable] = [
        *_front(municipality),
        *(page(i, area) for i, area in enumerate(areas, start=1)),
    ]
    if appendix:
        s = styles()
        whole = total.made()  # its lists are read several times
        story += [
            PageBreak(),
            SetHeader(total.title),
            para("Bijlage: alle cijfers en lijsten", s.title),
            *cover(whole)[5:],
            *_municipality_total(whole, shapes),
            *(section(len(areas) + i, area) for i, area in enumerate(areas, start=1)),
        ]

    def finish() -> list[Flowable]:
        step(total_steps)  # every section laid out; only saving is left
        return []

    story.append(Deferred(finish))
    info = PageInfo(
        total.title,
        period_range(municipality.period),
        footer(municipality.made_on, municipality.coverage),
    )
    return build(out, story, info, title=f"Samenvatting {total.title}")
