"""CBS context in the brief's key figures: a column of counts per 1,000 inhabitants where the
area's population is known, and a note with the inhabitants, the CBS year and the CC BY 4.0
credit (or why the population is unknown). Nothing when no CBS figures were imported."""

from __future__ import annotations

from gebiedsapp.services.report_text import figure, number
from gebiedsapp.services.summary_model import AreaSummary

RATE_HEADER = "Per 1.000"
# the key figures that are counts of what residents brought in, so per inhabitant makes sense
RATED = frozenset({"conversations", "contacts", "signals_new", "signals_open"})


def rates_known(summary: AreaSummary) -> bool:
    return summary.population is not None and summary.population.known


def rate_cell(summary: AreaSummary, field: str) -> str:
    """This period's `field` per 1,000 inhabitants (one decimal, Dutch), "" for the others."""
    people = summary.population
    if people is None or field not in RATED:
        return ""
    value = people.per_thousand(figure(summary.current, field))
    return "" if value is None else number(value, 1)


def population_text(summary: AreaSummary, *, credit: bool = True) -> str:
    """The note under the key figures; without the CBS credit when it is printed elsewhere
    on the page."""
    people = summary.population
    if people is None:
        return ""
    if people.inhabitants is None or not people.known:
        reason = f" ({people.reason})" if people.reason else ""
        return f"Inwoners: onbekend{reason}; daarom geen cijfers per 1.000 inwoners."
    shared = f" ({people.shared_note})" if people.shared_with else ""
    return (
        f"Inwoners: {number(people.inhabitants)} (CBS {people.year}){shared}; ‘{RATE_HEADER}’: "
        f"deze periode per 1.000 inwoners." + (f" {people.credit}." if credit else "")
    )


def context_line(summary: AreaSummary) -> str:
    """The same context in one sentence, for the Samenvatting screen."""
    people = summary.population
    if people is None or not rates_known(summary) or people.inhabitants is None:
        return population_text(summary)
    shared = f" ({people.shared_note})" if people.shared_with else ""
    return (
        f"Inwoners: {number(people.inhabitants)} (CBS {people.year}){shared}. Per 1.000 "
        f"inwoners: {rate_cell(summary, 'conversations')} koffiekargesprekken, "
        f"{rate_cell(summary, 'contacts')} contacten en {rate_cell(summary, 'signals_new')} "
        f"nieuwe signalen in deze periode; {rate_cell(summary, 'signals_open')} open signalen "
        f"aan het eind. {people.credit}."
    )
