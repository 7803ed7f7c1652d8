"""Queries for the one-page print of a koffiekar round: the signals and agreed actions that came
out of its conversations. Names of categories, partners and team members only; never a
resident's data, never a conversation's summary."""

from __future__ import annotations

import uuid
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    CbsBuurt,
    Conversation,
    FollowUp,
    Partner,
    Priority,
    Signal,
    SignalCategory,
    SignalStatus,
    TeamMember,
)


class SheetSignalRow(NamedTuple):
    category: str
    buurt_name: str | None
    status: SignalStatus
    priority: Priority
    partner_name: str | None
    reported_on: date
    deadline: date
    closed_on: date | None


class SheetActionRow(NamedTuple):
    description: str
    owner_name: str | None  # a team member's
    due_date: date | None
    status: ActionStatus


class SessionSheetRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def signals(self, session_id: uuid.UUID) -> list[SheetSignalRow]:
        """The signals made from the round's conversations, in the order they were reported."""
        query = (
            select(
                SignalCategory.name,
                CbsBuurt.name,
                Signal.status,
                Signal.priority,
                Partner.name,
                Signal.reported_on,
                Signal.deadline,
                Signal.closed_on,
            )
            .join(Conversation, Conversation.id == Signal.conversation_id)
            .join(SignalCategory, SignalCategory.id == Signal.category_id)
            .outerjoin(Partner, Partner.id == Signal.partner_id)
            .outerjoin(CbsBuurt, CbsBuurt.code == Signal.buurt_code)
            .where(
                Conversation.session_id == session_id,
                Conversation.deleted_at.is_(None),
                Signal.deleted_at.is_(None),
            )
            .order_by(Signal.reported_on, Signal.created_at)
        )
        return [SheetSignalRow(*row) for row in self.session.execute(query)]

    def actions(self, session_id: uuid.UUID) -> list[SheetActionRow]:
        """The actions agreed in the round's conversations, due first."""
        query = (
            select(FollowUp.description, TeamMember.name, FollowUp.due_date, FollowUp.status)
            .join(Conversation, Conversation.id == FollowUp.conversation_id)
            .outerjoin(TeamMember, TeamMember.id == FollowUp.owner_id)
            .where(
                Conversation.session_id == session_id,
                Conversation.deleted_at.is_(None),
                FollowUp.deleted_at.is_(None),
            )
            .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.created_at)
        )
        return [SheetActionRow(*row) for row in self.session.execute(query)]

    def buurt_name(self, code: str) -> str:
        return self.session.scalar(select(CbsBuurt.name).where(CbsBuurt.code == code)) or ""
