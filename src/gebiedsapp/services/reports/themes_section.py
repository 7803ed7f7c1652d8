"""The summary's part on themes: what residents talk about, and which themes rose or fell as a
share of the conversations and contacts (per 100), so that a busier period does not make every
theme rise, and no comparison at all with a period that holds little or nothing."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports.brief import thin
from gebiedsapp.services.reports.cells import count, lines
from gebiedsapp.services.reports.charts import Bar, bar_chart
from gebiedsapp.services.reports.pdf_base import (
    FRAME_WIDTH,
    REGULAR,
    explained,
    grid,
    heading,
    keep,
    para,
    styles,
)
from gebiedsapp.services.summary import AreaSummary, ThemeCount

MAX_THEME_BARS = 12
MAX_CHANGES = 6


def themes(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        *heading("Waar bewoners over praten"),
    ]
    shown = [t for t in summary.themes if t.current or t.previous][:MAX_THEME_BARS]
    if not any(t.current or t.previous for t in summary.themes):
        out.append(para("Geen gesprekken of contacten met een thema in deze periode.", s.empty))
        return out
    chart = bar_chart([Bar(t.theme, t.current, t.previous) for t in shown], FRAME_WIDTH)
    note = (
        "Aantal koffiekargesprekken en contacten per thema in deze periode (donkere balk), "
        "met de vorige periode eronder (lichte balk). Een gesprek kan over meer thema’s gaan."
    )
    rest = [t for t in summary.themes if t not in shown and t.current]
    if rest:
        note += (
            f" Nog {count(len(rest), 'ander thema kwam', 'andere thema’s kwamen')} samen "
            f"{number(sum(t.current for t in rest))} keer ter sprake."
        )
    out += [keep(explained(chart, note))]
    if thin(summary.previous, summary.current):
        out.append(
            para(
                "Geen stijgers en dalers: de vorige periode bevat weinig of geen registraties, "
                "dus een vergelijking zou misleiden.",
                s.note,
            )
        )
    else:
        out.append(_changes(summary))
    return out


def _per_hundred(summary: AreaSummary) -> tuple[int, int]:
    """Conversations and contacts now and before: what a theme's share is taken of."""
    now, before = summary.current, summary.previous
    return now.conversations + now.contacts, before.conversations + before.contacts


def _changes(summary: AreaSummary) -> Flowable:
    """Rising and falling themes side by side, as a share of the conversations and contacts
    (per 100), so that a period with more conversations does not make every theme rise."""
    s = styles()
    half = (FRAME_WIDTH - 6 * mm) / 2
    talks, talked = _per_hundred(summary)

    def share(t: ThemeCount) -> tuple[float, float]:
        return (100 * t.current / talks if talks else 0.0), (
            100 * t.previous / talked if talked else 0.0
        )

    moved = sorted(summary.themes, key=lambda t: (share(t)[1] - share(t)[0], t.theme))
    rising_rows = [t for t in moved if share(t)[0] > share(t)[1]]
    falling_rows = [t for t in reversed(moved) if share(t)[0] < share(t)[1]]

    def table(rows: Sequence[ThemeCount], title: str, empty: str) -> list[Flowable]:
        items: list[Flowable] = [para(title, s.cell_bold), Spacer(1, 1 * mm)]
        if not rows:
            items.append(para(empty, s.empty))
            return items
        data: list[list[str]] = [["Thema", "Nu", "Vorige", "Per 100\nverschil"]]
        for t in rows[:MAX_CHANGES]:
            now, before = share(t)
            change = now - before
            sign = "+" if change > 0 else "\u2212"
            data.append(
                [
                    lines(t.theme, half - 50 * mm),
                    f"{number(t.current)}\n({number(now)})",
                    f"{number(t.previous)}\n({number(before)})",
                    f"{sign}{number(abs(change), 1)}",
                ]
            )
        items.append(grid(data, [half - 50 * mm, 15 * mm, 15 * mm, 18 * mm], numeric_from=1))
        return items

    rising = table(
        rising_rows,
        "Vaker genoemd dan in de vorige periode",
        "Geen thema’s die vaker genoemd werden.",
    )
    falling = table(
        falling_rows,
        "Minder vaak genoemd dan in de vorige periode",
        "Geen thema’s die minder vaak genoemd werden.",
    )
    outer = Table([[rising, falling]], colWidths=[half + 6 * mm, half])
    outer.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # else Helvetica is named, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ]
        )
    )
    return keep(
        [
            Spacer(1, 4 * mm),
            outer,
            para(
                "Stijgers en dalers: thema’s waarvan het aandeel het meest veranderde ten opzichte "
                f"van de vorige periode (ten hoogste {MAX_CHANGES} per kant). Het aantal keer, "
                "met tussen haakjes per 100 gesprekken en contacten "
                f"(nu {number(talks)}, vorige periode {number(talked)}); het verschil is dat "
                "per 100.",
                s.note,
            ),
        ]
    )
