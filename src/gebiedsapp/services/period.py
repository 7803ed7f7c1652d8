"""A period of days for the summaries: month, quarter, year or from-to, and the period of equal
length before it (whole calendar months map to the previous months)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from gebiedsapp.services.errors import ValidationError


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("De einddatum ligt vóór de begindatum.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length just before this one.

        Whole calendar months, quarters and years map to the previous month, quarter or year (so
        March is compared with February, not with 31 days ending on 28 February)."""
        months = _whole_months(self)
        if months:
            first = _add_months(self.start, -months)
            return Period(first, self.start - timedelta(days=1))
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def year_earlier(self) -> Period:
        """The same days a year before (29 February becomes the 28th)."""
        return Period(_year_before(self.start), _year_before(self.end))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise ValidationError("Een kwartaal is 1, 2, 3 of 4.")
        first = 3 * (quarter - 1) + 1
        last = first + 2
        return cls(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))


def _year_before(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _whole_months(period: Period) -> int:
    """How many whole calendar months the period spans exactly (0 if it is not whole months)."""
    if period.start.day != 1:
        return 0
    following = period.end + timedelta(days=1)
    if following.day != 1:
        return 0
    return (following.year - period.start.year) * 12 + following.month - period.start.month
