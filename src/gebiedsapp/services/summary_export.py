"""The full lists behind a summary's brief, as sheets for Excel: the brief shows the top few with
totals, these sheets hold every row, from the same `AreaSummary` (one source of numbers).

The same rules as on paper: free text is already masked by the summary, and social signals are
only counted per area and month (their buurt and day could point at one household).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from gebiedsapp.services.export import ExportFormat, ExportTable, write_file
from gebiedsapp.services.report_text import KEY_FIGURES, MONTHS, figure
from gebiedsapp.services.reports.population_note import RATED
from gebiedsapp.services.summary import AreaSummary


def summary_tables(summary: AreaSummary) -> list[ExportTable]:
    summary = summary.made()  # its lists are read several times
    return (
        _figure_tables(summary)
        + _signal_tables(summary)
        + _list_tables(summary)
        + cbs_table(summary)
    )


def _figure_tables(summary: AreaSummary) -> list[ExportTable]:
    """The key figures against earlier periods, the months and the themes."""
    year = summary.year_before
    figures = ExportTable(
        "Kerncijfers",
        ("Kengetal", "Deze periode", "Vorige periode", "Jaar eerder", "Wat telt mee"),
        [
            (
                label,
                figure(summary.current, field),
                figure(summary.previous, field),
                figure(year, field) if year is not None else None,
                explanation,
            )
            for field, label, explanation in KEY_FIGURES
        ],
        widths=(26, 14, 14, 14, 50),
    )
    trend = ExportTable(
        "Per maand",
        ("Maand", "Gesprekken", "Nieuwe signalen", "Open signalen aan het eind"),
        [
            (
                f"{MONTHS[p.month.month - 1]} {p.month.year}",
                p.conversations,
                p.signals_new,
                p.signals_open,
            )
            for p in summary.trend
        ],
    )
    talks = summary.current.conversations + summary.current.contacts
    themes = ExportTable(
        "Thema's",
        ("Thema", "Deze periode", "Vorige periode", "Per 100 gesprekken en contacten"),
        [
            (t.theme, t.current, t.previous, round(100 * t.current / talks, 1) if talks else None)
            for t in summary.themes
        ],
        widths=(34, 14, 14, 18),
    )
    return [figures, trend, themes]


def _signal_tables(summary: AreaSummary) -> list[ExportTable]:
    """Open signals by row, except social ones: those only counted per area and month."""
    shown = [r for r in summary.open_signals if not r.sensitive]
    signals = ExportTable(
        "Open signalen",
        ("Categorie", "Buurt", "Gebied", "Gemeld op", "Partner", "Uiterlijk", "Termijn"),
        [
            (r.category, r.buurt, r.area, r.since, r.partner, r.deadline, r.label.label)
            for r in shown
        ],
        widths=(40, 26, 20, 12, 34, 12, 22),
    )
    social = Counter(
        (r.area, r.since.year, r.since.month) for r in summary.open_signals if r.sensitive
    )
    social_table = ExportTable(
        "Sociale signalen",
        ("Gebied", "Gemeld in", "Open"),
        [(area, f"{MONTHS[m - 1]} {y}", n) for (area, y, m), n in sorted(social.items())],
    )
    return [signals, social_table]


def _list_tables(summary: AreaSummary) -> list[ExportTable]:
    """What residents said, what is to be done and the initiatives, every row."""
    quotes = ExportTable(
        "Uitspraken",
        ("Uitspraak", "Datum", "Buurt", "Gebied"),
        [(q.text, q.day, q.buurt, q.area) for q in summary.quotes],
        widths=(80, 12, 26, 20),
    )
    actions = ExportTable(
        "Open acties",
        ("Actie", "Eigenaar", "Uiterlijk", "Gebied", "Over datum"),
        [(a.what, a.owner, a.due, a.area, a.overdue) for a in summary.open_action_list],
        widths=(60, 24, 12, 20, 10),
    )
    initiatives = ExportTable(
        "Initiatieven",
        ("Initiatief", "Gebied", "Status", "Sinds", "Geëindigd", "Volgende stap"),
        [
            (i.title, i.area, i.status_label, i.since, i.ended, i.next_step)
            for i in summary.initiatives
        ],
        widths=(40, 20, 14, 12, 12, 40),
    )
    return [quotes, actions, initiatives]


def cbs_table(summary: AreaSummary) -> list[ExportTable]:
    """The CBS context: inhabitants and this period's counts per 1,000 of them (no sheet when
    no CBS figures were imported; empty cells where the population is unknown)."""
    people = summary.population
    if people is None:
        return []
    note = people.reason or f"CBS {people.year}; {people.shared_note}".rstrip("; ")
    rows: list[tuple[str, float | int | None, str]] = [
        ("Inwoners", people.inhabitants, note),
        ("Huishoudens", people.households, f"CBS {people.year}"),
    ]
    for field, label, _explanation in KEY_FIGURES:
        if field in RATED:
            value = people.per_thousand(figure(summary.current, field))
            rows.append(
                (f"{label} per 1.000 inwoners", None if value is None else round(value, 1), "")
            )
    rows.append((people.credit, None, ""))
    return [ExportTable("CBS", ("Kengetal", "Waarde", "Toelichting"), rows, widths=(44, 14, 60))]


def write_summary_xlsx(summary: AreaSummary, path: Path) -> int:
    """Every list of the summary to an XLSX workbook, one sheet each; the rows written."""
    return write_file(path, summary_tables(summary), fmt=ExportFormat.XLSX)
