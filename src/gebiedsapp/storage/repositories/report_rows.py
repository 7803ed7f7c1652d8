"""The rows ReportRepository returns, named (each a tuple too, so a caller may still unpack
one); a figure per area, added up over a subtree by services.summary."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import NamedTuple

from gebiedsapp.domain import Priority, SignalStatus


class SessionTally(NamedTuple):
    rounds: int
    conversations: int


class SignalTally(NamedTuple):
    """Reported in the period, closed in it, open on the day asked, and of those overdue."""

    new: int
    closed: int
    open: int
    overdue: int


class FeedbackTally(NamedTuple):
    """Closed signals whose reporter asked for feedback, and of those the ones that got it."""

    asked: int
    given: int


class ThemeTally(NamedTuple):
    area_id: uuid.UUID
    theme: str
    mentions: int


class CategoryTally(NamedTuple):
    area_id: uuid.UUID
    main_category: str
    signals: int


class StatusTally(NamedTuple):
    area_id: uuid.UUID
    status: SignalStatus
    signals: int


class ThemePeriods(NamedTuple):
    """A theme's conversations and contacts in an area, in each of the periods asked."""

    area_id: uuid.UUID
    theme: str
    mentions: tuple[int, ...]


class MonthTally(NamedTuple):
    conversations: int  # in rounds of the month
    signals_new: int  # reported in the month
    signals_open: int  # open at the month's end


class BuurtTally(NamedTuple):
    area_id: uuid.UUID
    buurt_code: str
    open_signals: int


class CloseTimes(NamedTuple):
    """`signals` took `days` from report to close."""

    area_id: uuid.UUID
    days: int
    signals: int


class AreaBuurtRow(NamedTuple):
    area_id: uuid.UUID
    buurt_code: str
    buurt_name: str


class QuoteRow(NamedTuple):
    """A reportable quote. `resident_name` is only there to be masked in the quote; it is never
    printed."""

    area_id: uuid.UUID
    quote: str
    day: date
    area_name: str
    buurt_name: str  # "" without a buurt
    resident_name: str  # "" without a linked resident


class OpenSignalRow(NamedTuple):
    area_id: uuid.UUID
    area_name: str
    main_category: str
    sub_category: str | None  # None when the category is a main one
    buurt_name: str  # "" without a buurt
    reported_on: date
    partner_name: str  # "" without a partner
    deadline: date
    status: SignalStatus
    priority: Priority


class OpenActionRow(NamedTuple):
    """An open agreed action. The owner is a team member; `resident_name` is only there to be
    masked in the text."""

    area_id: uuid.UUID
    description: str
    owner_name: str  # "" without an owner
    due_date: date | None
    area_name: str
    resident_name: str  # "" without a linked resident


class QuoteOrder(NamedTuple):
    """What orders a quote beyond its day (`report_lists.QUOTE_ORDER`): kept facts merge a
    recounted area's quotes in by it (services.summary_parts)."""

    start_time: time | None
    created_at: datetime
    id: uuid.UUID


class OrderedQuote(NamedTuple):
    row: QuoteRow
    order: QuoteOrder


class ActionOrder(NamedTuple):
    """What orders an open action beyond its row (`report_lists.ACTION_ORDER`)."""

    created_at: datetime
    id: uuid.UUID


class OrderedAction(NamedTuple):
    row: OpenActionRow
    order: ActionOrder
