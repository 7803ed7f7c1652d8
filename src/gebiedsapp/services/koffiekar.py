"""Koffiekar rounds and the conversations recorded during them.

Starting a round for "today, here" needs only an area: the date and time default to now, the
place to the last place used in that area, the staff to the current user. A conversation needs a
one-line summary and one theme; the rest is optional. Finalising deletes the form's draft in
the same transaction, and editing a finalised conversation keeps the earlier version.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import Conversation, Handling, KoffiekarSession, Theme
from gebiedsapp.services.conversation_record import RECORD_FIELDS, ConversationDraft
from gebiedsapp.services.conversation_write import write_conversation
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.history import finish_edit
from gebiedsapp.services.residents import ResidentInput, check_resident, register_resident
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.drafts import DraftRepository
from gebiedsapp.storage.repositories.koffiekar import KoffiekarRepository
from gebiedsapp.storage.repositories.teams import TeamRepository


@dataclass(frozen=True)
class SessionInput:
    area_id: uuid.UUID
    day: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    buurt_code: str | None = None
    staff_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    weather: str = ""
    passers_by: int = 0
    notes: str = ""


def _check_session(session: Session, data: SessionInput) -> None:
    area = AreaRepository(session).get(data.area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    if data.start_time and data.end_time and data.end_time < data.start_time:
        raise ValidationError("De eindtijd ligt vóór de begintijd.", field="end_time")
    if not 0 <= data.passers_by <= 10_000:
        raise ValidationError("Het aantal voorbijgangers klopt niet.", field="passers_by")
    if data.buurt_code and data.buurt_code not in {b.code for b in area.buurten}:
        raise ValidationError("Die CBS-buurt hoort niet bij dit gebied.", field="buurt")


def _apply_session(session: Session, row: KoffiekarSession, data: SessionInput) -> None:
    row.area_id = data.area_id
    row.date = data.day
    row.start_time = data.start_time
    row.end_time = data.end_time
    row.place = " ".join(data.place.split())[:200]
    row.buurt_code = data.buurt_code or None
    row.weather = data.weather.strip()[:80]
    row.passers_by = data.passers_by
    row.notes = data.notes.strip()
    teams = TeamRepository(session)
    row.staff = [m for i in data.staff_ids if (m := teams.member(i)) is not None]


def start_session(
    session: Session, data: SessionInput, *, draft_id: uuid.UUID | None = None
) -> KoffiekarSession:
    _check_session(session, data)
    row = KoffiekarSession()
    _apply_session(session, row, data)
    session.add(row)
    if draft_id is not None:
        DraftRepository(session).delete(draft_id)
    session.flush()
    return row


def update_session(
    session: Session,
    session_id: uuid.UUID,
    data: SessionInput,
    *,
    draft_id: uuid.UUID | None = None,
) -> KoffiekarSession:
    row = KoffiekarRepository(session).session_with_staff(session_id)
    if row is None or row.is_deleted:
        raise NotFoundError("Deze koffiekarronde bestaat niet (meer).")
    _check_session(session, data)
    before = _session_fields(row)
    _apply_session(session, row, data)
    finish_edit(
        session,
        row,
        record_type="koffiekar_session",
        version=row.version,
        before=before,
        after=_session_fields(row),
        draft_id=draft_id,
    )
    return row


def _session_fields(row: KoffiekarSession) -> dict[str, object]:
    return {
        "area_id": row.area_id,
        "date": row.date,
        "start_time": row.start_time,
        "end_time": row.end_time,
        "place": row.place,
        "buurt_code": row.buurt_code,
        "weather": row.weather,
        "passers_by": row.passers_by,
        "notes": row.notes,
        "staff": [m.id for m in row.staff],
    }


def recent_places(session: Session, area_id: uuid.UUID, *, limit: int = 8) -> list[str]:
    """Places used in this area, most recent first: the place is remembered per area."""
    return list(KoffiekarRepository(session).recent_places(area_id, limit=limit))


def quick_session(
    session: Session, *, area_id: uuid.UUID, staff_ids: Sequence[uuid.UUID], now: datetime
) -> KoffiekarSession:
    """'Today, here': a round starting now at the last place used in this area."""
    places = recent_places(session, area_id, limit=1)
    return start_session(
        session,
        SessionInput(
            area_id=area_id,
            day=now.date(),
            start_time=now.time().replace(second=0, microsecond=0),
            place=places[0] if places else "",
            staff_ids=tuple(staff_ids),
        ),
    )


@dataclass(frozen=True)
class ConversationInput:
    summary: str
    theme_ids: Sequence[uuid.UUID]
    handling: Handling = Handling.TER_PLEKKE
    quote: str = ""
    quote_reportable: bool = False
    resident: ResidentInput = field(default_factory=ResidentInput)


def conversation_input(draft: ConversationDraft, *, new: bool) -> ConversationInput:
    """What finalising the form's draft asks for; an edit never changes the resident."""
    resident = ResidentInput(
        name=draft.name,
        phone=draft.phone,
        email=draft.email,
        wants_contact=draft.wants_contact,
        wants_meedenken=draft.wants_meedenken,
        consent=draft.consent,
        theme_ids=draft.theme_ids,
    )
    return ConversationInput(
        **{d.key: getattr(draft, d.key) for d in RECORD_FIELDS},
        resident=resident if new else ResidentInput(),
    )


def _check_text(data: ConversationInput) -> None:
    """Each field's own check, from its definition, then what depends on two fields."""
    for definition in RECORD_FIELDS:
        value = getattr(data, definition.key)
        text = value.strip() if isinstance(value, str) else value
        name = definition.record_name
        if definition.required and not text:
            raise ValidationError(definition.required, field=name)
        if definition.max_length is not None and len(text) > definition.max_length:
            raise ValidationError(definition.too_long.format(n=definition.max_length), field=name)
    if data.quote_reportable and not data.quote.strip():
        raise ValidationError("Een citaat voor de rapportage kan niet leeg zijn.", field="quote")


def _values(data: ConversationInput) -> dict[str, Any]:
    """The record's columns from the input, cleaned as they are stored."""
    values: dict[str, Any] = {}
    for definition in RECORD_FIELDS:
        if definition.column is not None:
            value = getattr(data, definition.key)
            values[definition.column] = value.strip() if isinstance(value, str) else value
    return values


@dataclass(frozen=True)
class Recorded:
    """What finalising returns: the new record's id (load it with get_conversation)."""

    id: uuid.UUID


def record_conversation(
    session: Session,
    *,
    session_id: uuid.UUID,
    data: ConversationInput,
    draft_id: uuid.UUID | None = None,
    today: date | None = None,
) -> Recorded:
    """Finalise a conversation (and its draft) in one go; nothing is written on bad input.

    This is the hot path of a koffiekar afternoon, so it checks with one light query instead of
    loading the round and themes as ORM objects (bench: save_conversation); the write is the
    same as an edit's (`conversation_write`).
    """
    repo = KoffiekarRepository(session)
    theme_ids = list(dict.fromkeys(data.theme_ids))
    found = repo.session_area(session_id, theme_ids)
    if found is None:
        raise NotFoundError("Deze koffiekarronde bestaat niet (meer).")
    area_id, day = found.area_id, found.day
    _check_text(data)
    if found.offered_themes != len(theme_ids):
        raise ValidationError("Een gekozen thema bestaat niet (meer).", field="themes")
    check_resident(data.resident)
    resident = register_resident(session, data.resident, area_id=area_id, today=today or day)
    written = write_conversation(
        session,
        conversation_id=None,
        values=_values(data),
        theme_ids=theme_ids,
        links={"session_id": session_id, "resident_id": resident.id if resident else None},
        draft_id=draft_id,
    )
    return Recorded(written.id)


def edit_conversation(
    session: Session,
    conversation_id: uuid.UUID,
    data: ConversationInput,
    *,
    draft_id: uuid.UUID | None = None,
) -> ConversationView:
    """Change a finalised conversation; the earlier version is kept in its history.

    A theme retired since stays allowed: the conversation was about it."""
    _check_text(data)
    theme_ids = [t.id for t in _themes(session, data.theme_ids)]
    write_conversation(
        session,
        conversation_id=conversation_id,
        values=_values(data),
        theme_ids=theme_ids,
        draft_id=draft_id,
    )
    return get_conversation(session, conversation_id)


def _themes(session: Session, theme_ids: Sequence[uuid.UUID]) -> list[Theme]:
    themes = []
    for theme_id in dict.fromkeys(theme_ids):
        theme = session.get(Theme, theme_id)
        if theme is None or theme.is_deleted:
            raise ValidationError("Een gekozen thema bestaat niet (meer).", field="themes")
        themes.append(theme)
    return themes


@dataclass(frozen=True)
class ConversationView:
    """A conversation as screens show it; its record fields (the columns of RECORD_FIELDS)
    are filled from their definitions, so a new field is one line here."""

    id: uuid.UUID
    session_id: uuid.UUID
    day: date
    area_name: str
    summary: str
    quote: str
    quote_reportable: bool
    handling: Handling
    themes: tuple[str, ...]
    theme_ids: tuple[uuid.UUID, ...]
    author: str
    has_resident: bool
    version: int


def session_conversations(session: Session, session_id: uuid.UUID) -> list[ConversationView]:
    """The conversations of one round, newest first."""
    return [
        _conversation_view(c) for c in KoffiekarRepository(session).conversations_of(session_id)
    ]


def get_conversation(session: Session, conversation_id: uuid.UUID) -> ConversationView:
    row = KoffiekarRepository(session).conversation_with_themes(conversation_id)
    if row is None or row.is_deleted:
        raise NotFoundError("Dit gesprek bestaat niet (meer).")
    return _conversation_view(row)


def _conversation_view(c: Conversation) -> ConversationView:
    return ConversationView(
        id=c.id,
        session_id=c.session_id,
        day=c.session.date,
        area_name=c.session.area.name,
        themes=tuple(t.name for t in c.themes),
        theme_ids=tuple(t.id for t in c.themes),
        author=c.created_by,
        has_resident=c.resident_id is not None,
        version=c.version,
        **{d.key: getattr(c, d.column) for d in RECORD_FIELDS if d.column is not None},
    )


@dataclass(frozen=True)
class SessionView:
    id: uuid.UUID
    area_id: uuid.UUID
    area_name: str
    day: date
    start_time: time | None
    end_time: time | None
    place: str
    buurt_code: str | None
    staff_ids: tuple[uuid.UUID, ...]
    staff: tuple[str, ...]
    weather: str
    passers_by: int
    notes: str
    conversations: int


def get_session(session: Session, session_id: uuid.UUID) -> SessionView:
    repo = KoffiekarRepository(session)
    row = repo.session_with_staff(session_id)
    if row is None or row.is_deleted:
        raise NotFoundError("Deze koffiekarronde bestaat niet (meer).")
    return SessionView(
        id=row.id,
        area_id=row.area_id,
        area_name=row.area.name,
        day=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        place=row.place,
        buurt_code=row.buurt_code,
        staff_ids=tuple(m.id for m in row.staff),
        staff=tuple(m.name for m in row.staff),
        weather=row.weather,
        passers_by=row.passers_by,
        notes=row.notes,
        conversations=repo.count_conversations_of(session_id),
    )
