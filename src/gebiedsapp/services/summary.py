"""The figures of a summary for the wethouder: one source of numbers for the PDF and the dashboard.

An `AreaSummary` is computed for one area (with its sub-areas) or a group of areas, over a
`Period`, with the previous period of equal length beside it. It holds only counts, names of
areas, buurten, categories, partners and team members, and quotes marked reportable: never a
resident's name, address, phone, e-mail or notes. The PDF writer and the dashboard render it;
neither queries the database itself.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from gebiedsapp.domain import DeadlineLabel, Priority, Role, SignalStatus
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


@dataclass(frozen=True)
class KeyFigures:
    """Counts over one period, for the areas of the summary."""

    sessions: int  # koffiekar sessions held in the period
    conversations: int  # koffiekar conversations in those sessions
    contacts: int  # contacts (huisbezoek, telefoon, ...) in the period
    meedenkers_added: int  # entries in the participation register with `since` in the period
    signals_new: int  # signals reported in the period
    signals_closed: int  # signals closed (afgehandeld or geannuleerd) in the period
    signals_open: int  # signals open at the end of the period
    signals_overdue: int  # of those, past their deadline at the end of the period
    open_actions: int  # agreed actions (follow-ups) still open at the end of the period


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    current: int  # conversations + contacts with this theme in the period
    previous: int  # the same in the previous period

    @property
    def change(self) -> int:
        return self.current - self.previous


@dataclass(frozen=True)
class OpenSignal:
    """A row of the open-signals table: no description, no reporter, nothing personal."""

    category: str  # "Hoofdcategorie › subcategorie"
    buurt: str  # buurt name, or "" when not known
    area: str
    since: date  # reported on
    partner: str
    deadline: date
    label: DeadlineLabel
    status: SignalStatus
    priority: Priority


@dataclass(frozen=True)
class Quote:
    text: str
    day: date
    area: str
    buurt: str  # "" when the session's place has no buurt


@dataclass(frozen=True)
class OpenAction:
    """An agreed action (follow-up) still open: what, who in the team, by when."""

    what: str
    owner: str  # team member, never a resident
    due: date | None
    area: str
    overdue: bool


@dataclass(frozen=True)
class BuurtCount:
    code: str
    name: str
    open_signals: int


@dataclass(frozen=True)
class AreaSummary:
    title: str  # the area's name, or the names of a group joined with ", "
    area_ids: frozenset[uuid.UUID]  # the areas and all their sub-areas
    period: Period
    previous_period: Period
    made_on: date
    team: dict[Role, tuple[str, ...]]  # names per role, assigned on the period's end
    current: KeyFigures
    previous: KeyFigures
    themes: tuple[ThemeCount, ...]  # most talked about first (by current, then name)
    signals_by_category: tuple[tuple[str, int], ...]  # main category, signals new in the period
    signals_by_status: tuple[tuple[SignalStatus, int], ...]  # of the signals new in the period
    open_signals: tuple[OpenSignal, ...]  # open at the period's end; overdue first, then oldest
    median_days_to_close: float | None  # of signals closed in the period; None when none
    buurten: tuple[BuurtCount, ...]  # every CBS buurt of the areas, with its open signals
    quotes: tuple[Quote, ...]  # reportable quotes of the period, newest first
    open_action_list: tuple[OpenAction, ...]  # due first, then without a date

    @property
    def rising_themes(self) -> tuple[ThemeCount, ...]:
        return tuple(
            sorted((t for t in self.themes if t.change > 0), key=lambda t: (-t.change, t.theme))
        )

    @property
    def falling_themes(self) -> tuple[ThemeCount, ...]:
        return tuple(
            sorted((t for t in self.themes if t.change < 0), key=lambda t: (t.change, t.theme))
        )


@dataclass(frozen=True)
class MunicipalitySummary:
    period: Period
    made_on: date
    total: AreaSummary  # the whole municipality
    areas: tuple[AreaSummary, ...]  # one per area right below the municipality, by name


def area_summary(
    session: Session, area_ids: Sequence[uuid.UUID], period: Period, *, today: date
) -> AreaSummary:
    """The summary of these areas (each with its sub-areas) over `period`."""
    raise NotImplementedError  # filled in by the summary computation (issue 5)


def municipality_summary(session: Session, period: Period, *, today: date) -> MunicipalitySummary:
    raise NotImplementedError  # filled in by the summary computation (issue 5)
