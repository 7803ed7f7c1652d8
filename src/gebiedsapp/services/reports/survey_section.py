"""The summary's part "Wat de enquête zegt": the newest inwonersenquête's outcomes beside what
the koffiekar and the signals say on the same theme.

The brief gets one line on page one (two counts), the appendix the whole table. An outcome of
fewer than 10 respondents says "te weinig respondenten" everywhere.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports.cells import count, lines
from gebiedsapp.services.reports.pdf_base import FRAME_WIDTH, explained, grid, heading
from gebiedsapp.services.summary import AreaSummary
from gebiedsapp.services.survey import MIN_RESPONDENTS

HEADING = "Wat de enquête zegt"


def survey_sentence(summary: AreaSummary) -> str:
    """One line for the brief's page one, "" without a survey. Its length is fixed (two counts):
    page one of a busy area has no room for more, so the outcomes beside koffiekar and signals
    are in the appendix."""
    rows = summary.survey
    if not rows:
        return ""
    shown = sum(1 for line in rows if not line.suppressed)
    text = f"{HEADING} ({rows[0].wave}): {count(shown, 'uitkomst', 'uitkomsten')}"
    if few := len(rows) - shown:
        text += f", {number(few)} te weinig respondenten"
    return text + "; zie de bijlage."


def survey_appendix(summary: AreaSummary) -> list[Flowable]:
    """Every outcome of the newest wave, themed first, beside koffiekar and signals."""
    rows = summary.survey
    if not rows:
        return []
    several = len({line.area for line in rows}) > 1
    widths = [30 * mm, FRAME_WIDTH - 100 * mm, 34 * mm, 18 * mm, 18 * mm]
    first = "Vraag (gebied)" if several else "Vraag"
    data: list[list[str]] = [["Thema", first, "Uitkomst", "Koffiekar", "Signalen"]]
    for line in rows:
        question = f"{line.question} ({line.area})" if several else line.question
        data.append(
            [
                lines(line.theme or "geen thema", widths[0]),
                lines(question, widths[1]),
                lines(line.result, widths[2]),
                "—" if line.conversations is None else number(line.conversations),
                "—" if line.signals is None else number(line.signals),
            ]
        )
    note = (
        f"Inwonersenquête {rows[0].wave}. Uitkomsten van minder dan {MIN_RESPONDENTS} "
        "respondenten worden niet getoond (te weinig respondenten). Koffiekar: gesprekken en "
        "contacten over het thema in deze periode; signalen: signalen uit die gesprekken en "
        "contacten. Een enquête en de registraties van het team meten verschillende dingen: "
        "lees ze naast elkaar, niet als dezelfde maat."
    )
    return [
        CondPageBreak(40 * mm),
        *heading(HEADING),
        *explained(grid(data, widths, numeric_from=3), note),
    ]
