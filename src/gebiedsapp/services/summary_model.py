"""What a summary holds: the dataclasses `services.summary` fills and the PDF, the dashboard and
the Excel export render. Only counts, names of areas, buurten, categories, partners and team
members, and masked free text: never a resident's personal data."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import Enum
from typing import Any, Generic, TypeVar, overload

from gebiedsapp.domain import DeadlineLabel, InitiativeStatus, Priority, Role, SignalStatus
from gebiedsapp.services.period import Period
from gebiedsapp.services.population import Population
from gebiedsapp.services.survey import SurveyLine


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
    initiatives_new: int  # residents' initiatives started in the period
    initiatives_running: int  # initiatives running at the end of the period
    initiatives_done: int  # initiatives completed (afgerond) in the period
    open_actions: int  # agreed actions (follow-ups) still open at the end of the period
    activities: int = 0  # bewonersavonden, dorpsschouwen, ... held in the period
    activity_attendance: int = 0  # people counted at those activities, added up


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    current: int  # conversations + contacts with this theme in the period
    previous: int  # the same in the previous period

    @property
    def change(self) -> int:
        return self.current - self.previous


SENSITIVE_MAIN_CATEGORIES = frozenset({"Sociaal"})


@dataclass(frozen=True)
class OpenSignal:
    """A row of the open-signals table: no description, no reporter, nothing personal."""

    category: str  # "Hoofdcategorie › subcategorie"
    buurt: str  # buurt name, or "" when not known
    area: str
    since: date  # reported on
    partner: str
    deadline: date
    label: DeadlineLabel  # on the summary's `as_of` day
    status: SignalStatus  # its status now: it may have been closed since the period's end
    priority: Priority

    @property
    def sensitive(self) -> bool:
        """A social signal (a lonely neighbour, suspected domestic violence...): with a small
        buurt and an exact date it can point at one household, so it is printed only as a count
        per area and month."""
        return sensitive(self.category)


def sensitive(category: str) -> bool:
    """`OpenSignal.sensitive` of a signal in this category ("Hoofdcategorie › subcategorie")."""
    return category.partition(" › ")[0] in SENSITIVE_MAIN_CATEGORIES


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
class InitiativeRow:
    """A row of the initiatives table: what, where, how far; no description, no people."""

    title: str
    area: str
    status: InitiativeStatus  # its status now
    since: date  # started on
    ended: date | None  # afgerond or gestopt on, when on or before the summary's `as_of`
    next_step: str  # the first milestone not reached yet, "" when none
    next_due: date | None  # that milestone's day, if it has one
    budget_granted: int | None  # cents
    ended_later: date | None = None  # ended after `as_of`: it still ran at the period's end

    @property
    def status_label(self) -> str:
        """Its status at the period's end: an initiative that ended after it still ran then
        (which phase it was in is not recorded, so that is not guessed)."""
        if self.ended_later is not None:
            return "Liep nog"
        return self.status.label


@dataclass(frozen=True)
class BuurtCount:
    code: str
    name: str
    open_signals: int


@dataclass(frozen=True)
class MonthPoint:
    """One month of the 12-month trend up to the period's end."""

    month: date  # its first day
    conversations: int  # koffiekar conversations in the month
    signals_new: int  # signals reported in the month
    signals_open: int  # signals open at the month's end (or on `as_of` for the last one)


T = TypeVar("T")
Packed = tuple[Any, ...]  # a row as `Packing.pack` keeps it
_new = object.__new__


class Packing(Generic[T]):
    """How the kept facts hold the rows of one of the lists above (`summary_facts`): as a plain
    tuple of plain values (text, numbers, dates, None; an enum as its value), the area's id as
    a number first. The facts are kept while the app runs, and on ten times today's data
    their lists hold some 30,000 rows. Python's garbage collector walks every dataclass
    instance (and an enum member, a UUID) at each collection of its generation, but stops
    tracking an exact tuple of plain values at the first collection it survives: the GUI
    thread's young collections walked each new row, 44-72 ms after a summary was read on ten
    times today's data (issue 19). A NamedTuple or a class with slots would be walked too."""

    def __init__(self, kind: type[T], **enums: type[Enum]) -> None:
        if hasattr(kind, "__post_init__") or "__slots__" in vars(kind):
            raise TypeError(f"{kind.__name__}: unpack sets the fields' values as they are")
        self.kind = kind
        self.names = tuple(f.name for f in fields(kind))  # type: ignore[arg-type]
        # each field's place in the packed row (after the area)
        self.places = {name: place for place, name in enumerate(self.names, start=1)}
        # (field, place, the enum's members by value)
        self.enums = tuple(
            (name, self.places[name], {member.value: member for member in enum})
            for name, enum in enums.items()
        )

    def pack(self, area_id: uuid.UUID, row: T) -> Packed:
        values = [area_id.int, *(getattr(row, name) for name in self.names)]
        for _name, place, _members in self.enums:
            values[place] = values[place].value
        return tuple(values)

    def unpack(self, packed: Packed) -> T:
        """The row as it was packed. Its fields are set as they are, without the frozen
        dataclass's `__init__` (twice as fast: a report makes thousands of rows)."""
        made = _new(self.kind)
        values = made.__dict__
        values.update(zip(self.names, packed[1:], strict=True))
        for name, place, members in self.enums:
            values[name] = members[packed[place]]
        return made

    def value(self, packed: Packed, name: str) -> Any:
        """One field's value as packed (an enum's as its value)."""
        return packed[self.places[name]]


def area_of(packed: Packed) -> int:
    """The packed row's area, as its id's number (`uuid.UUID.int`)."""
    return int(packed[0])


class Rows(Sequence[T]):
    """A summary's list as the kept facts hold it (`Packing`), each row made when it is read
    and not kept: made rows are what the garbage collector walks, at every full collection
    while the facts are kept (a municipality's report on ten times today's data would keep
    some 60,000). A report that reads a list several times makes it once for itself
    (`AreaSummary.made`); a reader that stops early (the brief's five quotes) makes only the
    rows it read. Equal to any sequence of the same rows."""

    __slots__ = ("packed", "packing")

    def __init__(self, packing: Packing[T], packed: tuple[Packed, ...]) -> None:
        self.packing = packing
        self.packed = packed

    def __len__(self) -> int:
        return len(self.packed)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Rows[T]: ...

    def __getitem__(self, index: int | slice) -> T | Rows[T]:
        if isinstance(index, slice):
            return Rows(self.packing, self.packed[index])
        return self.packing.unpack(self.packed[index])

    def __iter__(self) -> Iterator[T]:
        return map(self.packing.unpack, self.packed)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows) and other.packing.kind is self.packing.kind:
            return self.packed == other.packed
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    # equal to a tuple of the same rows, which hashes otherwise: not hashable, as a list
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(repr(row) for row in self[:3])
        more = f", … ({len(self)} rows)" if len(self) > 3 else ""
        return f"Rows([{shown}{more}])"


# AreaSummary's lists of rows
ROW_LISTS = ("open_signals", "quotes", "open_action_list", "initiatives")


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
    open_signals: Sequence[OpenSignal]  # open at the period's end; overdue first, then oldest
    median_days_to_close: float | None  # of signals closed in the period; None when none
    buurten: tuple[BuurtCount, ...]  # every CBS buurt of the areas, with its open signals
    quotes: Sequence[Quote]  # reportable quotes of the period, newest first
    open_action_list: Sequence[OpenAction]  # due first, then without a date
    initiatives: Sequence[InitiativeRow]  # running or ended in the period; running first
    municipality: bool = False  # the whole municipality (its root area was asked for)
    year_before: KeyFigures | None = None  # the same period a year earlier
    feedback_asked: int = 0  # signals closed in the period whose reporter asked for feedback
    feedback_given: int = 0  # of those, the ones with feedback recorded
    trend: tuple[MonthPoint, ...] = ()  # the 12 months up to the period's end, oldest first
    passers_by: int = 0  # passers-by counted at the rounds of the period
    coverage: str = ""  # what the data covers (team sync), a sentence for page 1
    # themes heard at the period's activities (bewonersavond, dorpsschouw...), most first; apart
    # from `themes`, whose shares are per 100 conversations and contacts
    activity_themes: tuple[tuple[str, int], ...] = ()
    survey: tuple[SurveyLine, ...] = ()  # the newest inwonersenquête beside koffiekar and signals
    population: Population | None = None  # CBS context; None when no figures were imported

    @property
    def as_of(self) -> date:
        """The day "open" and "overdue" are measured on: the period's end, or the day the
        summary was made while the period is still running (the previous period likewise)."""
        return min(self.period.end, self.made_on)

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

    def made(self, lists: Iterable[str] = ROW_LISTS) -> AreaSummary:
        """The summary with the rows of `lists` (some of ROW_LISTS) made, each once: for a
        report or an export, which reads a list several times (a kept summary's lists are
        `Rows`, which make a row at every read). Not to be kept: see `Rows`."""
        made: dict[str, Any] = {name: tuple(getattr(self, name)) for name in lists}
        return replace(self, **made)


@dataclass(frozen=True)
class MunicipalitySummary:
    period: Period
    made_on: date
    total: AreaSummary  # the whole municipality
    areas: tuple[AreaSummary, ...]  # one per area right below the municipality, by name
    coverage: str = ""  # what the data covers (team sync), a sentence for page 1


# the kept facts' lists (`summary_facts.Facts`), packed
SIGNAL_ROWS = Packing(OpenSignal, label=DeadlineLabel, status=SignalStatus, priority=Priority)
QUOTE_ROWS = Packing(Quote)
ACTION_ROWS = Packing(OpenAction)
INITIATIVE_ROWS = Packing(InitiativeRow, status=InitiativeStatus)
