"""The summary's lists a page at a time (Samenvatting's tables, issue 19). Each list's order is
read once as its records' ids, sorted by the database as the full list is sorted
(`ReportRepository` with the sorting of `services.summary_facts`); its length is the list's
length. A page's rows are then looked up by those ids, so a later page never sorts again. On
ten times today's data building every row of a full list in Python took seconds.

Ties in the full lists' order are broken by the record's id here, so pages never repeat or
skip a row. Texts compare as SQLite's BINARY collation (UTF-8 bytes), which is Python's order
of strings, so the open signals sort as `summary_facts._table_order` does.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from gebiedsapp.domain import (
    Area,
    CbsBuurt,
    Contact,
    Conversation,
    FollowUp,
    Initiative,
    KoffiekarSession,
    Partner,
    Priority,
    Resident,
    Signal,
    SignalCategory,
    SignalStatus,
    TeamMember,
)
from gebiedsapp.domain.deadlines import RUIM_FACTOR
from gebiedsapp.storage.repositories.initiatives import InitiativeInPeriod
from gebiedsapp.storage.repositories.report_rows import OpenActionRow, OpenSignalRow, QuoteRow
from gebiedsapp.storage.repositories.report_sql import (
    PRIORITY_OF,
    STATUS_OF,
    AreaIds,
    action_open_on,
    area_column,
    days_between,
    in_areas,
    open_on,
    unindexed,
)

R = TypeVar("R")

_PRIORITY_PLACE = {Priority.HOOG: 0, Priority.NORMAAL: 1, Priority.LAAG: 2}


def _place(column: Any, places: dict[Any, int]) -> Any:
    """An enum column's place in a fixed order, as a number the database can sort on."""
    return case({member.value: place for member, place in places.items()}, value=column, else_=99)


def _label_place(as_of: date) -> Any:
    """`deadline_label` on `as_of` as its place in the table (ruim buiten 0, buiten 1,
    binnen 2): within the deadline while `as_of` is not past it; ruim buiten when the days
    taken exceed RUIM_FACTOR times the term (of at least a day)."""
    term = days_between(Signal.reported_on, Signal.deadline)
    taken = days_between(Signal.reported_on, literal(as_of))
    return case(
        (Signal.deadline >= as_of, 2),
        (taken > RUIM_FACTOR * case((term < 1, 1), else_=term), 0),
        else_=1,
    )


def _in_order(ids: Sequence[uuid.UUID], rows: Iterable[tuple[uuid.UUID, R]]) -> list[R]:
    """`rows` (each with its record's id first) in the order of `ids`."""
    found = dict(rows)
    return [found[i] for i in ids if i in found]


class SummaryPages:
    """Each list's order as record ids (one query: its length is the list's length), and the
    rows of a page of those ids (a look-up by primary key, whatever the page's place)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _ids(self, query: Select[Any]) -> list[uuid.UUID]:
        return list(self.session.scalars(query))

    # --- open signals -------------------------------------------------------------------------

    def open_signal_order(self, area_ids: AreaIds, as_of: date) -> list[uuid.UUID]:
        """The signals open on `as_of`: overdue first (ruim buiten, buiten), then the oldest,
        then deadline, area, category, buurt, partner, priority and status (the table's
        order, `summary_facts._table_order`)."""
        category, parent = aliased(SignalCategory), aliased(SignalCategory)
        query = (
            select(Signal.id)
            .join(Area, Area.id == Signal.area_id)
            .join(category, category.id == Signal.category_id)
            .outerjoin(parent, parent.id == category.parent_id)
            .outerjoin(CbsBuurt, CbsBuurt.code == Signal.buurt_code)
            .outerjoin(Partner, Partner.id == Signal.partner_id)
            .where(Signal.deleted_at.is_(None), open_on(as_of), *in_areas(Signal.area_id, area_ids))
            .order_by(
                _label_place(as_of),
                Signal.reported_on,
                Signal.deadline,
                Area.name,
                case(
                    (parent.id.is_(None), category.name),
                    else_=parent.name + " › " + category.name,
                ),
                func.coalesce(CbsBuurt.name, ""),
                func.coalesce(Partner.name, ""),
                _place(Signal.priority, _PRIORITY_PLACE),
                _place(Signal.status, {s: i for i, s in enumerate(SignalStatus)}),
                Signal.id,
            )
        )
        return self._ids(query)

    def open_signals(self, ids: Sequence[uuid.UUID]) -> list[OpenSignalRow]:
        """The rows of these signals, in this order."""
        category, parent = aliased(SignalCategory), aliased(SignalCategory)
        query = (
            select(
                Signal.id,
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
            .join(Area, Area.id == Signal.area_id)
            .join(category, category.id == Signal.category_id)
            .outerjoin(parent, parent.id == category.parent_id)
            .outerjoin(CbsBuurt, CbsBuurt.code == Signal.buurt_code)
            .outerjoin(Partner, Partner.id == Signal.partner_id)
            .where(Signal.id.in_(list(ids)))
        )
        status, priority = STATUS_OF.__getitem__, PRIORITY_OF.__getitem__
        found = (
            (i, OpenSignalRow(a, an, main, sub, bu, rep, pa, dl, status(st), priority(pr)))
            for i, a, an, main, sub, bu, rep, pa, dl, st, pr in self.session.execute(query)
        )
        return _in_order(ids, found)

    # --- quotes -------------------------------------------------------------------------------

    def quote_order(self, area_ids: AreaIds, start: date, end: date) -> list[uuid.UUID]:
        """The conversations with a reportable quote in the period's rounds, newest first."""
        query = (
            select(Conversation.id)
            .join(KoffiekarSession, Conversation.session_id == KoffiekarSession.id)
            .where(
                KoffiekarSession.date.between(start, end),
                KoffiekarSession.deleted_at.is_(None),
                Conversation.deleted_at.is_(None),
                Conversation.quote_reportable.is_(True),
                Conversation.quote != "",
                *in_areas(KoffiekarSession.area_id, area_ids),
            )
            .order_by(
                KoffiekarSession.date.desc(),
                KoffiekarSession.start_time.desc(),
                Conversation.created_at.desc(),
                Conversation.id,
            )
        )
        return self._ids(query)

    def quotes(self, ids: Sequence[uuid.UUID]) -> list[QuoteRow]:
        query = (
            select(
                Conversation.id,
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
            .where(Conversation.id.in_(list(ids)))
        )
        return _in_order(ids, ((i, QuoteRow(*rest)) for i, *rest in self.session.execute(query)))

    # --- open actions -------------------------------------------------------------------------

    def open_action_order(self, area_ids: AreaIds, as_of: date) -> list[uuid.UUID]:
        """The actions open on `as_of`, due first, then those without a date. The area read
        straight through: its index made SQLite look up every action ever made."""
        query = (
            select(FollowUp.id)
            .join(Area, Area.id == FollowUp.area_id)
            .where(action_open_on(as_of), *in_areas(unindexed(FollowUp.area_id), area_ids))
            .order_by(
                FollowUp.due_date.is_(None),
                FollowUp.due_date,
                Area.name,
                FollowUp.created_at,
                FollowUp.id,
            )
        )
        return self._ids(query)

    def open_actions(self, ids: Sequence[uuid.UUID]) -> list[OpenActionRow]:
        said, met = aliased(Resident), aliased(Resident)
        query = (
            select(
                FollowUp.id,
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
            .where(FollowUp.id.in_(list(ids)))
        )
        return _in_order(
            ids, ((i, OpenActionRow(*rest)) for i, *rest in self.session.execute(query))
        )

    # --- initiatives --------------------------------------------------------------------------

    def initiative_order(self, area_ids: AreaIds, start: date, as_of: date) -> list[uuid.UUID]:
        """Started on or before `as_of` and not ended before `start`: not ended ones first,
        then by start and title (`InitiativeRepository.in_period`)."""
        query = (
            select(Initiative.id)
            .where(
                Initiative.deleted_at.is_(None),
                Initiative.started_on <= as_of,
                or_(Initiative.ended_on.is_(None), Initiative.ended_on >= start),
                *in_areas(Initiative.area_id, area_ids),
            )
            .order_by(
                Initiative.ended_on.is_not(None),
                Initiative.started_on,
                Initiative.title,
                Initiative.id,
            )
        )
        return self._ids(query)

    def initiatives(self, ids: Sequence[uuid.UUID]) -> list[InitiativeInPeriod]:
        query = (
            select(
                Initiative.area_id,
                Initiative.id,
                Initiative.title,
                Area.name,
                Initiative.status,
                Initiative.started_on,
                Initiative.ended_on,
                Initiative.budget_granted,
            )
            .join(Area, Area.id == Initiative.area_id)
            .where(Initiative.id.in_(list(ids)))
        )
        rows = [InitiativeInPeriod(*row) for row in self.session.execute(query)]
        return _in_order(ids, ((row.id, row) for row in rows))
