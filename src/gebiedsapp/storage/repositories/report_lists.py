"""The summary's long lists (open signals, quotes, open actions, initiatives) as ONE definition
each: the columns and joins of a row, which records belong in the list, and their order.

Two readers share them: the full lists of the PDF and export (`ReportRepository`,
`InitiativeRepository.in_period`) and Samenvatting's pages (`SummaryPages`: the order as ids,
then a page's rows by id). Kept apart, the two copies drifted once already (ties came in
another order on paper than on screen); from one definition they cannot.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_
from sqlalchemy.orm import aliased

from gebiedsapp.domain import (
    Area,
    CbsBuurt,
    Contact,
    Conversation,
    FollowUp,
    Initiative,
    KoffiekarSession,
    Partner,
    Resident,
    Signal,
    SignalCategory,
    TeamMember,
)
from gebiedsapp.storage.repositories.report_sql import AreaIds, area_column, in_areas

# --- open signals (their order is the table's, made in summary_pages / summary_facts) -------


class SignalNames:
    """The joins that name an open signal's area, category (main › sub), buurt and partner,
    with the category's two aliases the order needs too."""

    def __init__(self) -> None:
        self.category = aliased(SignalCategory)
        self.parent = aliased(SignalCategory)

    def row_columns(self) -> tuple[Any, ...]:
        """OpenSignalRow's columns (its enums as stored: STATUS_OF / PRIORITY_OF)."""
        category, parent = self.category, self.parent
        return (
            area_column(Signal.area_id),
            Area.name,
            func.coalesce(parent.name, category.name),
            case((parent.id.is_(None), None), else_=category.name),
            func.coalesce(CbsBuurt.name, ""),
            Signal.reported_on,
            func.coalesce(Partner.name, ""),
            Signal.deadline,
            Signal.status,
            Signal.priority,
        )

    def joined(self, query: Select[Any], of: Any = Signal) -> Select[Any]:
        """The joins on the signal's columns, or on those of `of` (a subquery's `.c` with the
        same names: the first page's candidates, `SummaryPages`)."""
        category, parent = self.category, self.parent
        return (
            query.join(Area, Area.id == of.area_id)
            .join(category, category.id == of.category_id)
            .outerjoin(parent, parent.id == category.parent_id)
            .outerjoin(CbsBuurt, CbsBuurt.code == of.buurt_code)
            .outerjoin(Partner, Partner.id == of.partner_id)
        )


# --- quotes ---------------------------------------------------------------------------------


def quote_rows(query: Select[Any]) -> Select[Any]:
    """QuoteRow's columns added to `query` (selected from Conversation), with their joins."""
    return (
        query.add_columns(
            area_column(KoffiekarSession.area_id),
            Conversation.quote,
            KoffiekarSession.date,
            Area.name,
            func.coalesce(CbsBuurt.name, ""),
            func.coalesce(Resident.name, ""),
        )
        .select_from(Conversation)
        .join(KoffiekarSession, Conversation.session_id == KoffiekarSession.id)
        .join(Area, Area.id == KoffiekarSession.area_id)
        .outerjoin(CbsBuurt, CbsBuurt.code == KoffiekarSession.buurt_code)
        .outerjoin(Resident, Resident.id == Conversation.resident_id)
    )


def quotes_in(area_ids: AreaIds, start: date, end: date) -> list[ColumnElement[bool]]:
    """The conversations with a quote marked reportable, in the period's rounds."""
    return [
        KoffiekarSession.date.between(start, end),
        KoffiekarSession.deleted_at.is_(None),
        Conversation.deleted_at.is_(None),
        Conversation.quote_reportable.is_(True),
        Conversation.quote != "",
        *in_areas(KoffiekarSession.area_id, area_ids),
    ]


QUOTE_ORDER = (  # newest first; alike in all of that, by id
    KoffiekarSession.date.desc(),
    KoffiekarSession.start_time.desc(),
    Conversation.created_at.desc(),
    Conversation.id,
)

# --- open actions ---------------------------------------------------------------------------


def action_rows(query: Select[Any]) -> Select[Any]:
    """OpenActionRow's columns added to `query` (selected from FollowUp), with their joins:
    the resident of the conversation or contact it came from masks its text."""
    said, met = aliased(Resident), aliased(Resident)
    return (
        query.add_columns(
            area_column(FollowUp.area_id),
            FollowUp.description,
            func.coalesce(TeamMember.name, ""),
            FollowUp.due_date,
            Area.name,
            func.coalesce(said.name, met.name, ""),
        )
        .join(Area, Area.id == FollowUp.area_id)
        .outerjoin(TeamMember, TeamMember.id == FollowUp.owner_id)
        .outerjoin(Conversation, Conversation.id == FollowUp.conversation_id)
        .outerjoin(said, said.id == Conversation.resident_id)
        .outerjoin(Contact, Contact.id == FollowUp.contact_id)
        .outerjoin(met, met.id == Contact.resident_id)
    )


ACTION_ORDER = (  # due first (soonest first), then those without a date; alike: by id
    FollowUp.due_date.is_(None),
    FollowUp.due_date,
    Area.name,
    FollowUp.created_at,
    FollowUp.id,
)

# --- initiatives ----------------------------------------------------------------------------

INITIATIVE_COLUMNS = (  # InitiativeInPeriod's
    Initiative.area_id,
    Initiative.id,
    Initiative.title,
    Area.name,
    Initiative.status,
    Initiative.started_on,
    Initiative.ended_on,
    Initiative.budget_granted,
)


def initiatives_in(start: date, as_of: date) -> list[ColumnElement[bool]]:
    """Started on or before `as_of` and not ended before `start` (running in the period, or
    ended in it); the area condition is the caller's."""
    return [
        Initiative.deleted_at.is_(None),
        Initiative.started_on <= as_of,
        or_(Initiative.ended_on.is_(None), Initiative.ended_on >= start),
    ]


INITIATIVE_ORDER = (  # not yet ended first, then by start and title; alike: by id
    Initiative.ended_on.is_not(None),
    Initiative.started_on,
    Initiative.title,
    Initiative.id,
)
