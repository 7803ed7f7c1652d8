"""The summary for the wethouder as a PDF: one area (or group), or the whole municipality.

Renders only what `services.summary` computed (one source of numbers with the dashboard) and
never queries the database. Every chart and table has a sentence under it saying what it shows,
and every empty part says so in words, so a reader who never opened the app can follow it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from gebiedsapp.domain import DeadlineLabel, Role
from gebiedsapp.domain.signal_workflow import CLOSED
from gebiedsapp.services.geo import BuurtShape, is_area_code
from gebiedsapp.services.report_text import (
    KEY_FIGURES,
    MONTHS,
    difference,
    figure,
    long_date,
    number,
    period_range,
    period_text,
    status_text,
)
from gebiedsapp.services.reports.brief import (
    BRIEF_LISTS,
    empty_page,
    nothing_recorded,
    page_one,
    page_two,
    thin,
)
from gebiedsapp.services.reports.cells import (
    count,
    days_text,
    lines,
    new_report,
    short_date,
)
from gebiedsapp.services.reports.charts import Bar, bar_chart
from gebiedsapp.services.reports.initiatives_section import initiatives
from gebiedsapp.services.reports.map_chart import buurt_map
from gebiedsapp.services.reports.pdf_base import (
    BOLD,
    FRAME_WIDTH,
    REGULAR,
    PageInfo,
    bold_cells,
    build,
    explained,
    grid,
    heading,
    keep,
    para,
    styles,
)
from gebiedsapp.services.reports.said_and_agreed import actions, quotes
from gebiedsapp.services.reports.survey_section import survey_appendix
from gebiedsapp.services.reports.themes_section import themes
from gebiedsapp.services.summary import AreaSummary


def footer(made_on: date, coverage: str = "") -> str:
    """The foot of every page; `coverage` says until when the laptop synced with the team."""
    if coverage:  # the title already says for whom; the foot has room for one of the two
        return f"Samenvatting, {long_date(made_on)} · bron: registraties gebiedsteam · {coverage}"
    return f"Samenvatting voor de wethouder, {long_date(made_on)} · bron: registraties gebiedsteam"


def as_of_sentence(summary: AreaSummary) -> str:
    if summary.as_of < summary.period.end:
        return (
            f"De periode loopt nog: open signalen, open acties en lopende initiatieven zijn "
            f"geteld op "
            f"{long_date(summary.as_of)}, de dag dat deze samenvatting is gemaakt."
        )
    return (
        "Open signalen, open acties en lopende initiatieven: de stand op "
        f"{long_date(summary.period.end)}, "
        "het einde van de periode."
    )


# --- the parts of a section -----------------------------------------------------------------


def cover(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    team_rows: list[list[str]] = [["Rol", "Naam"]]
    for role in Role:
        names = summary.team.get(role, ())
        shown = ", ".join(names) if names else "niet ingevuld"
        team_rows.append([role.label, lines(shown, FRAME_WIDTH - 45 * mm)])
    facts = [
        ["Gebied", summary.title],
        ["Periode", period_range(summary.period)],
        ["Vergeleken met", f"{period_range(summary.previous_period)} (de periode ervoor)"],
        ["Gemaakt op", long_date(summary.made_on)],
    ]
    facts_table = Table(
        [[row[0], lines(row[1], FRAME_WIDTH - 40 * mm)] for row in facts],
        colWidths=[40 * mm, FRAME_WIDTH - 40 * mm],
    )
    facts_table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), BOLD, 9.5, 13),
                ("FONT", (1, 0), (1, -1), REGULAR, 9.5, 13),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [
        para("Samenvatting voor de wethouder", s.subtitle),
        Spacer(1, 2 * mm),
        para(summary.title, s.title),
        para(period_text(summary.period), s.subtitle),
        Spacer(1, 6 * mm),
        facts_table,
        *heading("Het team van dit gebied"),
        grid(team_rows, [45 * mm, FRAME_WIDTH - 45 * mm]),
        para(
            "Gebiedsregisseur en opbouwwerker werken in het gebied; de gebiedswethouder is het "
            "aanspreekpunt in het college. Zo stond het team op de laatste dag van de periode.",
            s.note,
        ),
        Spacer(1, 3 * mm),
        para(
            "Deze samenvatting laat zien waar bewoners over praten, welke signalen er zijn "
            "gemeld en wat daarmee gebeurt, welke afspraken nog openstaan en hoe het met de "
            "initiatieven van bewoners gaat. Ze bevat geen "
            "namen of andere persoonsgegevens van bewoners.",
            s.body,
        ),
    ]


def key_figures(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    explain_width = FRAME_WIDTH - 46 * mm - 3 * 19 * mm
    header = [
        "Kengetal",
        para("Deze periode", s.cell_bold),
        para("Vorige periode", s.cell_bold),
        para("Verschil", s.cell_bold),
        "Wat telt mee",
    ]
    rows: list[list[Any]] = [header]
    unfair = thin(summary.previous, summary.current)
    for field, label, explanation in KEY_FIGURES:
        now = figure(summary.current, field)
        before = figure(summary.previous, field)
        change = "—" if unfair else difference(now, before)
        rows.append([label, number(now), number(before), change, para(explanation, s.cell)])
    table = grid(rows, [46 * mm, 19 * mm, 19 * mm, 19 * mm, explain_width])
    table.setStyle(TableStyle([("ALIGN", (1, 0), (3, -1), "RIGHT")]))
    return [
        *heading("Kerncijfers"),
        *explained(
            table,
            f"Aantallen in deze periode ({period_range(summary.period)}) naast die van de "
            f"periode ervoor ({period_range(summary.previous_period)}). "
            + as_of_sentence(summary)
            + (
                " De vorige periode bevat weinig of geen registraties (de app werd toen nog niet "
                "volledig gebruikt), dus er staat geen verschil."
                if unfair
                else ""
            ),
        ),
    ]


def signals(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [*heading("Signalen")]
    out.append(
        para(
            "Een signaal is iets dat de leefbaarheid aantast (zwerfvuil, te hard rijden, een "
            "eenzame buurtgenoot...). Het team zet het door naar wie er iets aan kan doen en "
            "volgt het tot het is afgehandeld.",
            s.body,
        )
    )
    out.append(Spacer(1, 2 * mm))
    if summary.signals_by_category:
        chart = bar_chart([Bar(name, n) for name, n in summary.signals_by_category], FRAME_WIDTH)
        out.append(
            keep(
                [
                    para("Nieuwe signalen per categorie", s.cell_bold),
                    *explained(chart, "Aantal signalen dat in deze periode is gemeld, per soort."),
                ]
            )
        )
        out.append(Spacer(1, 3 * mm))
        chart = bar_chart(
            [Bar(status_text(status), n) for status, n in summary.signals_by_status], FRAME_WIDTH
        )
        out.append(
            keep(
                [
                    para("Nieuwe signalen per status", s.cell_bold),
                    *explained(
                        chart,
                        "Waar de signalen die in deze periode zijn gemeld nu staan in de "
                        "afhandeling.",
                    ),
                ]
            )
        )
    else:
        out.append(para("Geen nieuwe signalen gemeld in deze periode.", s.empty))
    out.append(Spacer(1, 3 * mm))
    if summary.median_days_to_close is None:
        median = "Geen signalen afgesloten in deze periode, dus geen doorlooptijd."
    else:
        median = (
            f"Mediane doorlooptijd: {days_text(summary.median_days_to_close)}. De helft van de "
            "signalen die in deze periode zijn afgesloten, was binnen die tijd na de melding "
            "klaar; de andere helft deed er langer over."
        )
    out.append(para(median, s.body))
    return out


def open_signals(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        *heading("Open signalen"),
    ]
    if not summary.open_signals:
        out.append(para("Geen open signalen.", s.empty))
        return out
    rows = tuple(r for r in summary.open_signals if not r.sensitive)
    sensitive = sensitive_counts(summary)
    if not rows:
        return [*out, *sensitive]
    overdue = sum(1 for r in rows if r.label is not DeadlineLabel.BINNEN)
    several_areas = len({r.area for r in rows}) > 1
    widths = [43 * mm, 35 * mm, 19 * mm, 35 * mm, FRAME_WIDTH - 132 * mm]
    header = ["Categorie", "Buurt (gebied)" if several_areas else "Buurt", "Gemeld", "Partner"]
    header.append("Termijn")
    data: list[list[str]] = [header]
    bold: list[int] = []
    own = {b.name for b in summary.buurten if is_area_code(b.code)}  # areas without a buurt
    for index, r in enumerate(rows, start=1):
        if not r.buurt and r.area in own:
            where = r.area  # Parkwijk is itself the place
        else:
            where = r.buurt or "buurt onbekend"
            if several_areas:
                where += f" ({r.area})"
        term = f"{r.label.label}\nuiterlijk {short_date(r.deadline)}"
        if r.status in CLOSED:
            term += f"\n(inmiddels {status_text(r.status).lower()})"
        if r.label is not DeadlineLabel.BINNEN:
            bold.append(index)
        data.append(
            [
                lines(r.category, widths[0]),
                lines(where, widths[1]),
                short_date(r.since),
                lines(r.partner or "geen partner", widths[3]),
                term,
            ]
        )
    table = grid(data, widths)
    table.setStyle(TableStyle(bold_cells(bold, 4, 4)))
    out.append(table)
    out.append(
        para(
            f"{count(len(rows), 'signaal was', 'signalen waren')} nog niet afgesloten, waarvan "
            f"{number(overdue)} over de termijn (vetgedrukt; eerst de ergste, dan de oudste). "
            "De termijn is de afgesproken tijd voor afhandeling; ‘ruim buiten de termijn’ "
            "betekent meer dan drie keer zo lang. " + as_of_sentence(summary),
            s.note,
        )
    )
    return [*out, *sensitive]


def sensitive_counts(summary: AreaSummary) -> list[Flowable]:
    """Social signals only as counts per area and month of reporting: a buurt and a day could
    point at one household."""
    s = styles()
    counted = Counter(
        (r.area, r.since.year, r.since.month) for r in summary.open_signals if r.sensitive
    )
    if not counted:
        return []
    data = [["Gebied", "Gemeld in", "Open"]]
    for (area, year, month), n in sorted(counted.items()):
        data.append([area, f"{MONTHS[month - 1]} {year}", number(n)])
    table = grid(data, [60 * mm, 35 * mm, 16 * mm], numeric_from=2)
    table.hAlign = "LEFT"
    return [
        Spacer(1, 3 * mm),
        para("Open signalen in de categorie Sociaal", s.cell_bold),
        table,
        para(
            "Sociale signalen (zorgen om een bewoner, een vermoeden van huiselijk geweld...) "
            "staan niet in de lijst hierboven: met een buurt en een datum kunnen ze naar één "
            "huishouden wijzen. Ze zijn alleen geteld, per gebied en maand van melding.",
            s.note,
        ),
    ]


def _map_caption(drawn: Sequence[BuurtShape], left_off: Sequence[str], *, sensitive: bool) -> str:
    text = (
        "Hoe donkerder, hoe meer signalen er aan het eind van de periode openstonden; het getal "
        "is het aantal open signalen."
    )
    own = sorted(shape.name for shape in drawn if shape.approximate)
    if own:
        text += (
            f" Gestippeld: {', '.join(own)}, gebieden die de gemeente zelf indeelt en die geen "
            "CBS-buurt hebben. Hun grens is een benadering, door het project getekend binnen "
            "de CBS-buurt waarin ze liggen, geen officiële grens; ze tellen de open signalen "
            "van dat gebied."
        )
    if len(left_off) > 8:
        text += f" {len(left_off)} kleine buurten staan zonder naam op de kaart (zie de tabel)."
    elif left_off:
        text += f" Te klein voor een naam op de kaart: {', '.join(left_off)} (zie de tabel)."
    if sensitive:
        text += (
            " Sociale signalen tellen hier niet mee: met een buurt kunnen ze naar één huishouden "
            "wijzen, dus ze zijn alleen geteld per gebied en maand."
        )
    return text + " Kaart: CBS en Kadaster, wijk- en buurtkaart 2024, CC BY 4.0."


def buurt_section(summary: AreaSummary, shapes: Sequence[BuurtShape]) -> list[Flowable]:
    s = styles()
    title = heading("Open signalen per buurt")
    counts = {b.code: b.open_signals for b in summary.buurten}
    drawn = [shape for shape in shapes if shape.code in counts]
    out: list[Flowable] = [CondPageBreak(90 * mm)]
    if drawn:
        drawing, labels = buurt_map(drawn, counts, FRAME_WIDTH, 120 * mm)
        # the heading goes with the map, never alone at the bottom of a page
        out.append(
            keep(
                [
                    *title,
                    *explained(
                        drawing,
                        _map_caption(
                            drawn,
                            labels.left_off,
                            sensitive=any(r.sensitive for r in summary.open_signals),
                        ),
                    ),
                ]
            )
        )
    else:
        out += title
        if summary.buurten:
            out.append(para("Geen kaart: van deze buurten zijn geen grenzen bekend.", s.empty))
    if not summary.buurten:
        out.append(para("Dit gebied heeft geen CBS-buurten, dus geen kaart.", s.empty))
        return out
    listed = sorted(summary.buurten, key=lambda b: (-b.open_signals, b.name))
    widths = [46 * mm, 21 * mm, 16 * mm]
    data = [["Buurt of gebied", "CBS-code", "Open\nsignalen"]]
    data += [
        [
            lines(b.name, widths[0]),
            "geen" if is_area_code(b.code) else b.code,
            number(b.open_signals),
        ]
        for b in listed
    ]
    half = _two_columns(data, widths)
    out.append(Spacer(1, 2 * mm))
    out.append(half)
    outlined = {b.name for b in summary.buurten if is_area_code(b.code)}
    without = Counter(
        r.area for r in summary.open_signals if not r.buurt and r.area not in outlined
    )
    if without:
        per_area = ", ".join(
            f"{area} {number(n)}" for area, n in sorted(without.items(), key=lambda a: -a[1])
        )
        out.append(
            para(
                count(
                    sum(without.values()),
                    "open signaal heeft geen buurt en staat daarom",
                    "open signalen hebben geen buurt en staan daarom",
                )
                + f" niet op de kaart; per gebied: {per_area}.",
                s.note,
            )
        )
    return out


def _two_columns(data: list[list[str]], widths: list[float]) -> Flowable:
    """A long, narrow list in two columns side by side (header repeated)."""
    header, body = data[0], data[1:]
    if len(body) <= 8:
        table = grid(data, widths, numeric_from=2)
        table.hAlign = "LEFT"
        return table
    middle = (len(body) + 1) // 2
    left = grid([header, *body[:middle]], widths, numeric_from=2)
    right = grid([header, *body[middle:]], widths, numeric_from=2)
    outer = Table([[left, right]], colWidths=[sum(widths) + 6 * mm, sum(widths)])
    outer.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # else Helvetica is named, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    outer.hAlign = "LEFT"
    return outer


def area_body(summary: AreaSummary, shapes: Sequence[BuurtShape]) -> list[Flowable]:
    """Everything after the cover: the same for one area and for a section of the municipality."""
    return [
        *themes(summary),
        PageBreak(),
        *signals(summary),
        *open_signals(summary),
        *buurt_section(summary, shapes),
        CondPageBreak(50 * mm),
        *quotes(summary),
        *actions(summary),
        *initiatives(summary),
        *survey_appendix(summary),
    ]


def appendix_story(summary: AreaSummary, shapes: Sequence[BuurtShape]) -> list[Flowable]:
    """The full sections and lists, behind the brief, when the user asks for them."""
    s = styles()
    return [
        PageBreak(),
        para("Bijlage: alle cijfers en lijsten", s.title),
        para(summary.title, s.subtitle),
        *cover(summary)[5:],
        Spacer(1, 4 * mm),
        *key_figures(summary),
        PageBreak(),
        *area_body(summary, shapes),
    ]


def brief_story(summary: AreaSummary) -> list[Flowable]:
    if nothing_recorded(summary):
        return empty_page(summary)
    return [*page_one(summary), *page_two(summary)]


def write_area_summary(
    summary: AreaSummary,
    shapes: Sequence[BuurtShape],
    out: BinaryIO | Path,
    *,
    appendix: bool = False,
) -> int:
    """The summary of one area (or group) as a PDF: the brief of two pages, and the full lists
    in an appendix when asked; the number of pages."""
    new_report()
    # the lists read several times, made once: the brief's, or with the appendix every one
    summary = summary.made() if appendix else summary.made(BRIEF_LISTS)
    story: list[Flowable] = brief_story(summary)
    if appendix:
        story += appendix_story(summary, shapes)
    info = PageInfo(
        summary.title, period_range(summary.period), footer(summary.made_on, summary.coverage)
    )
    return build(out, story, info, title=f"Samenvatting {summary.title}")
