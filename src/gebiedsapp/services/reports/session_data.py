"""What the one-page print of a koffiekar round shows, read in one go: when, where, who, how
many conversations, what was heard (themes, quotes marked reportable) and what came out of it.

Deliberately left out: the round's notes and the conversations' summaries and unmarked quotes
(free text that may name people), and anything about residents."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy.orm import Session

from gebiedsapp.domain import ActionStatus, Handling, Priority, SignalStatus
from gebiedsapp.domain.deadlines import deadline_label
from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.services.koffiekar import get_session, session_conversations
from gebiedsapp.services.masking import mask
from gebiedsapp.storage.repositories.session_sheet import SessionSheetRepository


@dataclass(frozen=True)
class SheetSignal:
    category: str
    buurt: str
    status: SignalStatus
    priority: Priority
    partner: str
    reported_on: date
    deadline: date
    label: DeadlineLabel


@dataclass(frozen=True)
class SheetAction:
    what: str
    owner: str
    due: date | None
    status: ActionStatus


@dataclass(frozen=True)
class SessionSheet:
    area: str
    day: date
    start_time: time | None
    end_time: time | None
    place: str
    buurt: str
    staff: tuple[str, ...]
    weather: str
    passers_by: int
    conversations: int
    themes: tuple[tuple[str, int], ...]  # most heard first, then by name
    handling: tuple[tuple[Handling, int], ...]  # in enum order, only those that occur
    quotes: tuple[str, ...]  # marked reportable; oldest first
    signals: tuple[SheetSignal, ...]
    actions: tuple[SheetAction, ...]


def session_sheet(session: Session, session_id: uuid.UUID, *, today: date) -> SessionSheet:
    """NotFoundError when the round does not exist (any more)."""
    view = get_session(session, session_id)
    conversations = list(reversed(session_conversations(session, session_id)))  # oldest first
    themes: Counter[str] = Counter()
    handling: Counter[Handling] = Counter()
    for conversation in conversations:
        themes.update(conversation.themes)
        handling[conversation.handling] += 1
    repo = SessionSheetRepository(session)
    signals = tuple(
        SheetSignal(
            category=s.category,
            buurt=s.buurt_name or "",
            status=s.status,
            priority=s.priority,
            partner=s.partner_name or "",
            reported_on=s.reported_on,
            deadline=s.deadline,
            label=deadline_label(s.reported_on, s.deadline, today, s.closed_on),
        )
        for s in repo.signals(session_id)
    )
    actions = tuple(
        SheetAction(
            what=mask(a.description), owner=a.owner_name or "", due=a.due_date, status=a.status
        )
        for a in repo.actions(session_id)
    )
    return SessionSheet(
        area=view.area_name,
        day=view.day,
        start_time=view.start_time,
        end_time=view.end_time,
        place=view.place,
        buurt=repo.buurt_name(view.buurt_code) if view.buurt_code else "",
        staff=view.staff,
        weather=view.weather,
        passers_by=view.passers_by,
        conversations=view.conversations,
        themes=tuple(sorted(themes.items(), key=lambda t: (-t[1], t[0]))),
        handling=tuple((h, handling[h]) for h in Handling if handling[h]),
        quotes=tuple(
            mask(c.quote) for c in conversations if c.quote_reportable and c.quote.strip()
        ),
        signals=signals,
        actions=actions,
    )
