"""Afhandeltermijnen: the deadline of a signal and whether it was met (pure, no database).

Work days skip weekends and the Dutch public holidays of the Algemene termijnenwet (art. 3):
Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, Koningsdag, 5 mei and both
Kerstdagen (Easter and Pentecost Sundays fall on a weekend anyway). The dates come from the
`holidays` package (country "NL"), which moves Koningsdag to 26 April when the 27th is a Sunday.

Two choices a municipality may make differently, hence parameters:

- Bevrijdingsdag (5 May). The package counts it as a public holiday only in lustrum years
  (2025, 2030, ...), as many employers' CAOs do. The default here is every year
  (`Bevrijdingsdag.ELK_JAAR`): the Algemene termijnenwet names 5 May without condition and the
  CAO Gemeenten gives municipal staff that day off every year, so nobody works the signal then.
- Goede Vrijdag. The package lists it, but it is not in the Algemene termijnenwet nor a day off
  under the CAO Gemeenten: by default it is a work day (`good_friday=False`).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import cache

import holidays

from gebiedsapp.domain.enums import DeadlineLabel, TermUnit

# A term is measured from the day after the report: reported on Monday with 1 work day means
# Tuesday. "Ruim buiten de termijn" is more than this many times the term (see deadline_label).
RUIM_FACTOR = 3
MAX_TERM = 365


class Bevrijdingsdag(StrEnum):
    ELK_JAAR = "elk_jaar"  # default: every year (Algemene termijnenwet, CAO Gemeenten)
    LUSTRUM = "lustrum"  # only in years divisible by 5 (the package's "public" choice)
    NOOIT = "nooit"


@cache
def public_holidays(
    year: int,
    *,
    bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.ELK_JAAR,
    good_friday: bool = False,
) -> frozenset[date]:
    """The Dutch public holidays of `year` that are not work days (see the module docstring)."""
    found = holidays.country_holidays(
        "NL", years=year, categories=("public", "optional"), language="en_US"
    )
    days = set()
    for day, names in found.items():
        for name in str(names).split("; "):
            if name == "Good Friday" and not good_friday:
                continue
            if name == "Liberation Day":
                if bevrijdingsdag == Bevrijdingsdag.NOOIT:
                    continue
                if bevrijdingsdag == Bevrijdingsdag.LUSTRUM and year % 5 != 0:
                    continue
            days.add(day)
    return frozenset(days)


def is_work_day(
    day: date,
    *,
    bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.ELK_JAAR,
    good_friday: bool = False,
) -> bool:
    if day.weekday() >= 5:
        return False
    return day not in public_holidays(
        day.year, bevrijdingsdag=bevrijdingsdag, good_friday=good_friday
    )


def deadline(
    reported_on: date,
    term: int,
    unit: TermUnit,
    *,
    bevrijdingsdag: Bevrijdingsdag = Bevrijdingsdag.ELK_JAAR,
    good_friday: bool = False,
) -> date:
    """The last day of the term, counted from the day after `reported_on`.

    Work days: the `term`-th work day after the report. Calendar days: `term` days later, even
    when that is a Sunday (the category's term is already chosen with that in mind). A term of 0
    is the day of the report itself.
    """
    if not 0 <= term <= MAX_TERM:
        raise ValueError(f"term out of range: {term}")
    if unit == TermUnit.KALENDERDAGEN:
        return reported_on + timedelta(days=term)
    day = reported_on
    left = term
    while left:
        day += timedelta(days=1)
        if is_work_day(day, bevrijdingsdag=bevrijdingsdag, good_friday=good_friday):
            left -= 1
    return day


def deadline_label(
    reported_on: date, deadline: date, today: date, closed_on: date | None = None
) -> DeadlineLabel:
    """Binnen / buiten / ruim buiten de termijn.

    The time taken is counted in calendar days from the report to the day it was closed, or to
    `today` while it is open; the term likewise from the report to the deadline (for a work-day
    term that includes its weekends and holidays). Binnen: closed or still open on or before the
    deadline. Ruim buiten: the time taken is more than RUIM_FACTOR (3) times the term, with a
    term of at least one day (so a same-day term is ruim buiten from the 4th day on). Otherwise
    buiten.
    """
    end = closed_on if closed_on is not None else today
    if end <= deadline:
        return DeadlineLabel.BINNEN
    term_days = max((deadline - reported_on).days, 1)
    taken = (end - reported_on).days
    if taken > RUIM_FACTOR * term_days:
        return DeadlineLabel.RUIM_BUITEN
    return DeadlineLabel.BUITEN
