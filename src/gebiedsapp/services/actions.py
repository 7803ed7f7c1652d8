"""Follow-up actions (acties) agreed in conversations and contacts, and 'Mijn acties'."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.domain import ActionStatus, Contact, Conversation, FollowUp, TeamMember
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.teams import MemberView
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.contacts import ContactRepository
from gebiedsapp.storage.repositories.report_sql import stored_id
from gebiedsapp.storage.repositories.teams import TeamRepository
from gebiedsapp.storage.search import words

MAX_DESCRIPTION = 2_000


def create_follow_up(
    session: Session,
    *,
    description: str,
    area_id: uuid.UUID,
    owner_id: uuid.UUID | None,
    due_date: date | None,
    conversation_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
) -> FollowUp:
    text = description.strip()
    if not text:
        raise ValidationError("Beschrijf wat er moet gebeuren.", field="description")
    if len(text) > MAX_DESCRIPTION:
        raise ValidationError("De beschrijving van de actie is te lang.", field="description")
    area = AreaRepository(session).get(area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    if owner_id is not None:
        owner = session.get(TeamMember, owner_id)
        if owner is None or owner.is_deleted:
            raise ValidationError("Kies wie de actie oppakt.", field="owner")
    if conversation_id is not None:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None or conversation.is_deleted:
            raise NotFoundError("Het gesprek van deze actie bestaat niet (meer).")
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.is_deleted:
            raise NotFoundError("Het contact van deze actie bestaat niet (meer).")
    action = FollowUp(
        description=text,
        area_id=area_id,
        owner_id=owner_id,
        due_date=due_date,
        conversation_id=conversation_id,
        contact_id=contact_id,
    )
    session.add(action)
    session.flush()
    return action


def set_done(session: Session, action_id: uuid.UUID, *, done: bool, today: date) -> FollowUp:
    """Mark an action done (or open again): one keystroke in 'Mijn acties'."""
    action = ContactRepository(session).follow_up(action_id)
    if action is None or action.is_deleted:
        raise NotFoundError("Deze actie bestaat niet (meer).")
    action.status = ActionStatus.GEDAAN if done else ActionStatus.OPEN
    action.done_on = today if done else None
    session.flush()
    return action


@dataclass(frozen=True)
class ActionView:
    id: uuid.UUID
    description: str
    area_name: str
    owner_name: str
    due_date: date | None
    status: ActionStatus
    overdue: bool
    source: str  # "gesprek", "contact" or ""
    owner_id: uuid.UUID | None = None
    created_on: date | None = None
    done_on: date | None = None
    conversation_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    author: str = ""


def _overdue(status: ActionStatus, due: date | None, today: date) -> bool:
    return status is ActionStatus.OPEN and due is not None and due < today


def _source(from_conversation: bool, from_contact: bool) -> str:
    """Where the action was agreed: "gesprek", "contact" or ""."""
    return "gesprek" if from_conversation else "contact" if from_contact else ""


def _view(action: FollowUp, today: date) -> ActionView:
    return ActionView(
        id=action.id,
        description=action.description,
        area_name=action.area.name,
        owner_name=action.owner.name if action.owner else "",
        due_date=action.due_date,
        status=action.status,
        overdue=_overdue(action.status, action.due_date, today),
        source=_source(action.conversation_id is not None, action.contact_id is not None),
        owner_id=action.owner_id,
        created_on=action.created_at.date(),
        done_on=action.done_on,
        conversation_id=action.conversation_id,
        contact_id=action.contact_id,
        author=action.created_by,
    )


def my_actions(
    session: Session, *, account: str, today: date, include_closed: bool = False
) -> list[ActionView]:
    """The actions of the team member signed in as `account` (open ones unless asked),
    soonest due first."""
    statuses = None if include_closed else (ActionStatus.OPEN,)
    rows = ContactRepository(session).follow_ups(owner_account=account, statuses=statuses)
    return [_view(a, today) for a in rows]


def actions_of(
    session: Session,
    *,
    contact_id: uuid.UUID | None = None,
    conversation_id: uuid.UUID | None = None,
    today: date,
) -> list[ActionView]:
    """The actions agreed in one contact or conversation."""
    if contact_id is None and conversation_id is None:
        return []
    rows = ContactRepository(session).follow_ups(
        contact_id=contact_id, conversation_id=conversation_id
    )
    return [_view(a, today) for a in rows]


def filter_actions(
    session: Session,
    *,
    area_ids: frozenset[uuid.UUID] | None,
    start: date | None,
    end: date | None,
    text: str,
    author: str | None,
    include_closed: bool,
    today: date,
) -> list[ActionView]:
    """Actions for the lists screen: made in the period, every typed word in the description."""
    found = words(text)
    if text.strip() and not found:
        return []  # only punctuation typed: nothing can match
    statuses = None if include_closed else (ActionStatus.OPEN,)
    rows = ContactRepository(session).follow_ups(
        area_ids=area_ids,
        statuses=statuses,
        created_from=start,
        created_to=end,
        words=found,
        author=author,
    )
    return [_view(a, today) for a in rows]


class ActionLine(NamedTuple):
    """An action as the lists screen keeps it (issue 19): one tuple of texts, a date, a status
    and flags, one object per action for the GUI thread's garbage collections to walk (no UUID
    or view objects beside it); the same names as ActionView where the table reads them."""

    key: str | uuid.UUID  # the id as stored: made a UUID when asked (`id`)
    description: str
    area_name: str
    owner_name: str
    due_date: date | None
    status: ActionStatus
    overdue: bool
    source: str  # "gesprek", "contact" or ""

    @property
    def id(self) -> uuid.UUID:
        return stored_id(self.key)


def action_lines(
    session: Session,
    *,
    area_ids: frozenset[uuid.UUID] | None,
    start: date | None,
    end: date | None,
    text: str,
    author: str | None,
    today: date,
) -> list[ActionLine]:
    """`filter_actions(..., include_closed=True)` as lines, open before done and soonest due
    first (as 'Mijn acties' sorts), read in one plain query."""
    found = words(text)
    if text.strip() and not found:
        return []  # only punctuation typed: nothing can match
    rows = ContactRepository(session).follow_up_rows(
        area_ids=area_ids,
        statuses=None,
        created_from=start,
        created_to=end,
        words=found,
        author=author,
    )
    lines = [
        ActionLine(
            key=row.key,
            description=row.description,
            area_name=row.area_name,
            owner_name=row.owner_name or "",
            due_date=row.due_date,
            status=row.status,
            overdue=_overdue(row.status, row.due_date, today),
            source=_source(row.from_conversation, row.from_contact),
        )
        for row in rows
    ]
    return sorted(lines, key=soonest_first)


def soonest_first(action: ActionView | ActionLine) -> tuple[bool, bool, date]:
    """The sort key of the action lists: open before done, then by due date (no date last),
    so that what needs doing comes first."""
    return (
        action.status is not ActionStatus.OPEN,
        action.due_date is None,
        action.due_date or date.max,
    )


def list_actions(
    session: Session,
    *,
    area_ids: set[uuid.UUID] | None,
    include_closed: bool,
    today: date,
) -> list[ActionView]:
    statuses = None if include_closed else (ActionStatus.OPEN,)
    rows = ContactRepository(session).follow_ups(area_ids=area_ids, statuses=statuses)
    return [_view(a, today) for a in rows]


def member_for_account(session: Session, account: str) -> MemberView | None:
    """The team member whose sign-in is `account` (set in Beheer → Teams)."""
    member = TeamRepository(session).member_by_account(account)
    return MemberView.of(member) if member is not None else None
