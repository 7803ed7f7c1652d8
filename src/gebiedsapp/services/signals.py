"""Signals: creating them (also from a conversation or contact), moving them through their
workflow, rerouting, splitting, and feedback to the resident.

Every change of status, category, partner, priority or deadline appends to the signal's history
(who from the session's actor, when, from, to, note); nothing here edits or deletes history.
Input is checked before anything changes, so bad input writes nothing. Services never commit.

Parent and child signals (a split): a parent cannot be closed (afgehandeld or geannuleerd) while
one of its children is open. When the last open child closes, the parent closes by itself, with a
note: Afgehandeld when at least one child was afgehandeld, Geannuleerd when all were cancelled.
When a child of a closed parent is reopened, the parent is reopened too. So a closed parent never
has an open child.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Priority,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalField,
    SignalHistory,
    SignalSource,
    SignalStatus,
)
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.domain.signal_workflow import (
    ALLOWED,
    CLOSED,
    OPEN,
    TransitionNotAllowedError,
    check_transition,
    replay,
)
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.signal_record import (
    AREA,
    BUURT,
    CATEGORY,
    DESCRIPTION,
    LATITUDE,
    LOCATION,
    LONGITUDE,
    MAX_DESCRIPTION,
    MAX_LOCATION,
    PARTNER,
    PRIORITY,
    REPORTED_ON,
    SIGNAL_FIELDS,
    SOURCE,
    SignalDraft,
)
from gebiedsapp.services.signal_write import write_signals
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.signals import SignalRepository

__all__ = [
    "FEEDBACK_WAYS",
    "MAX_DESCRIPTION",
    "MAX_LOCATION",
    "SignalInput",
    "SignalPoint",
    "SplitPart",
    "awaiting_feedback",
    "change_category",
    "change_deadline",
    "change_partner",
    "change_priority",
    "check_coordinates",
    "create_signal",
    "get_signal",
    "parse_coordinates",
    "record_feedback",
    "replay",
    "replay_status",
    "signal_draft",
    "signal_history",
    "signal_input",
    "signal_input_from_contact",
    "signal_input_from_conversation",
    "signal_points",
    "split",
    "transition",
]

MAX_NOTE = 2_000
# what a split's children copy from their parent (see `split`)
SPLIT_COPIES = (
    *("area_id", "buurt_code", "location", "latitude", "longitude", "source"),
    *("conversation_id", "contact_id", "priority", "reported_on"),
)
FEEDBACK_WAYS = ("telefoon", "e-mail", "brief", "persoonlijk")


@dataclass(frozen=True)
class SignalInput:
    """A new signal as create_signal takes it (the form's `SignalDraft`, read by
    `signal_input`); its fields are defined in `services.signal_record`."""

    area_id: uuid.UUID
    description: str
    source: SignalSource
    reported_on: date
    category_id: uuid.UUID | None = None
    buurt_code: str | None = None
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    conversation_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    priority: Priority = Priority.NORMAAL
    partner_id: uuid.UUID | None = None  # None: the category's default partner
    wants_feedback: bool = False


class SplitPart(NamedTuple):
    category_id: uuid.UUID
    partner_id: uuid.UUID | None  # None: the category's default partner
    description: str


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _actor(session: Session) -> str:
    return str(session.info.get("actor", ""))


# --- prefill from where it was heard --------------------------------------------------------


def signal_input_from_conversation(session: Session, conversation_id: uuid.UUID) -> SignalInput:
    """A new signal pre-filled from a koffiekar conversation (category still to choose).

    The reporter wants feedback by default when they left contact details with the conversation.
    """
    found = SignalRepository(session).conversation_with_session(conversation_id)
    if found is None:
        raise NotFoundError("Dit gesprek bestaat niet (meer).")
    conversation, round_ = found.conversation, found.round
    return SignalInput(
        area_id=round_.area_id,
        buurt_code=round_.buurt_code,
        location=round_.place,
        description=conversation.summary,
        source=SignalSource.KOFFIEKAR,
        reported_on=round_.date,
        conversation_id=conversation.id,
        wants_feedback=conversation.resident_id is not None,
    )


def signal_input_from_contact(session: Session, contact_id: uuid.UUID) -> SignalInput:
    contact = SignalRepository(session).contact(contact_id)
    if contact is None:
        raise NotFoundError("Dit contact bestaat niet (meer).")
    text = "\n\n".join(part for part in (contact.subject.strip(), contact.notes.strip()) if part)
    return SignalInput(
        area_id=contact.area_id,
        description=text,
        source=SignalSource.CONTACT,
        reported_on=contact.date,
        contact_id=contact.id,
        partner_id=contact.partner_id,
        wants_feedback=contact.resident_id is not None,
    )


# --- coordinates ----------------------------------------------------------------------------

# Oldambt lies within about lat 53.11-53.27, lon 6.90-7.22 (the shipped CBS buurten); a margin
# of a few kilometres keeps a point just over the municipal border acceptable.
LATITUDE_RANGE = (53.0, 53.4)
LONGITUDE_RANGE = (6.75, 7.4)
_NUMBER = re.compile(r"[+-]?\d{1,3}(?:[.,]\d+)?")
_PAIR = re.compile(r"\s*([+-]?\d{1,3}(?:[.,]\d+)?)\s*(?:;|,\s|\s)\s*([+-]?\d{1,3}(?:[.,]\d+)?)\s*")
_HALF = "Geef zowel de breedte- als de lengtegraad, of geen van beide."


def _degrees(text: str, what: str) -> float:
    cleaned = text.strip().rstrip("°").strip()
    if not _NUMBER.fullmatch(cleaned):
        raise ValidationError(
            f"De {what} '{text.strip()[:40]}' is geen getal; schrijf bijvoorbeeld "
            f"{'53,1712' if what == 'breedtegraad' else '7,0341'}.",
            field="coordinates",
        )
    return float(cleaned.replace(",", "."))


def parse_coordinates(latitude: str, longitude: str) -> tuple[float | None, float | None]:
    """Typed breedte- and lengtegraad (decimal comma or point) as numbers; both empty: none.

    A pair pasted into the first field ("53.1712, 7.0341", as map sites copy it) is split.
    Whether the point lies in Oldambt is `check_coordinates`' job (create_signal calls it)."""
    if not longitude.strip() and (pair := _PAIR.fullmatch(latitude)):
        latitude, longitude = pair.group(1), pair.group(2)
    if not latitude.strip() and not longitude.strip():
        return None, None
    if not latitude.strip() or not longitude.strip():
        raise ValidationError(_HALF, field="coordinates")
    return _degrees(latitude, "breedtegraad"), _degrees(longitude, "lengtegraad")


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def check_coordinates(latitude: float | None, longitude: float | None) -> None:
    """Both or neither, and in or near Oldambt; a Dutch ValidationError otherwise."""
    if (latitude is None) != (longitude is None):
        raise ValidationError(_HALF, field="coordinates")
    if latitude is None or longitude is None:
        return
    if _inside(latitude, LATITUDE_RANGE) and _inside(longitude, LONGITUDE_RANGE):
        return
    if _inside(longitude, LATITUDE_RANGE) and _inside(latitude, LONGITUDE_RANGE):
        raise ValidationError(
            "De breedte- en lengtegraad zijn verwisseld: in Oldambt is de breedtegraad "
            "ongeveer 53,2 en de lengtegraad ongeveer 7,0.",
            field="coordinates",
        )
    raise ValidationError(
        "Deze coördinaten liggen niet in of bij Oldambt (breedtegraad ongeveer 53,2, "
        "lengtegraad ongeveer 7,0).",
        field="coordinates",
    )


def _degrees_text(value: float | None) -> str:
    """Degrees as typed in Dutch: a decimal comma, no trailing zeros."""
    if value is None:
        return ""
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


def signal_draft(data: SignalInput) -> SignalDraft:
    """What the form shows for a signal to be (a pre-fill from a conversation or contact)."""
    values: dict[str, Any] = {d.key: getattr(data, d.key) for d in SIGNAL_FIELDS}
    typed = data.latitude is not None and data.longitude is not None
    for definition in (LATITUDE, LONGITUDE):
        values[definition.key] = _degrees_text(values[definition.key]) if typed else ""
    values[BUURT.key] = data.buurt_code or ""
    return SignalDraft(**values)


def signal_input(draft: SignalDraft, *, today: date | None = None) -> SignalInput:
    """What saving the form asks for; typed coordinates that are no numbers are refused (a
    Dutch ValidationError). The form's proposals are filled in: no area (there are none at
    all) is the nil id, which create_signal refuses; no date is today."""
    values: dict[str, Any] = {d.key: getattr(draft, d.key) for d in SIGNAL_FIELDS}
    values[LATITUDE.key], values[LONGITUDE.key] = parse_coordinates(draft.latitude, draft.longitude)
    values[AREA.key] = draft.area_id or uuid.UUID(int=0)
    values[BUURT.key] = draft.buurt_code or None
    values[SOURCE.key] = draft.source or next(iter(SignalSource))
    values[PRIORITY.key] = draft.priority or next(iter(Priority))
    values[REPORTED_ON.key] = draft.reported_on or _today(today)
    return SignalInput(**values)


@dataclass(frozen=True)
class SignalPoint:
    """An open signal with coordinates, for the map."""

    key: str  # the id as text, as `SignalRow.key`
    longitude: float
    latitude: float
    category: str
    location: str
    status: SignalStatus


def signal_points(
    session: Session, area_ids: Collection[uuid.UUID] | None = None
) -> list[SignalPoint]:
    """The open signals with coordinates in these areas (all areas when None)."""
    return [
        SignalPoint(
            key=row.key,
            longitude=row.longitude,
            latitude=row.latitude,
            category=row.category,
            location=row.location,
            status=row.status,
        )
        for row in SignalRepository(session).points(statuses=OPEN, area_ids=area_ids)
    ]


# --- creating -------------------------------------------------------------------------------


def _offered_category(repo: SignalRepository, category_id: uuid.UUID | None) -> SignalCategory:
    if category_id is None:
        raise ValidationError(CATEGORY.required, field=CATEGORY.error_field)
    category = repo.category(category_id)
    parent = repo.category(category.parent_id) if category and category.parent_id else None
    if category is None or category.retired or (parent is not None and parent.retired):
        # a retired main category retires its sub-categories too (as the lists show it)
        raise ValidationError("Die categorie bestaat niet (meer).", field="category")
    return category


def _partner_for(
    repo: SignalRepository, partner_id: uuid.UUID | None, category: SignalCategory
) -> uuid.UUID | None:
    """The chosen partner (checked), or else the category's default while it is offered."""
    if partner_id is not None:
        partner = repo.partner(partner_id)
        if partner is None or partner.retired:
            raise ValidationError("Die partner bestaat niet (meer).", field="partner")
        return partner.id
    if category.default_partner_id is None:
        return None
    default = repo.partner(category.default_partner_id)
    return default.id if default is not None and not default.retired else None


def _clean_description(text: str) -> str:
    return DESCRIPTION.check_text(text)


def _check_input(session: Session, repo: SignalRepository, data: SignalInput, today: date) -> None:
    area = AreaRepository(session).get(data.area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    if data.buurt_code and data.buurt_code not in {b.code for b in area.buurten}:
        raise ValidationError("Die CBS-buurt hoort niet bij dit gebied.", field="buurt")
    LOCATION.check_text(data.location)
    check_coordinates(data.latitude, data.longitude)
    if data.reported_on > today:
        raise ValidationError("De meldingsdatum ligt in de toekomst.", field="reported_on")
    if data.conversation_id is not None and data.contact_id is not None:
        raise ValidationError(
            "Een signaal komt uit één gesprek of uit één contact, niet uit beide.", field="link"
        )
    if (
        data.conversation_id is not None
        and repo.conversation_with_session(data.conversation_id) is None
    ):
        raise NotFoundError("Dit gesprek bestaat niet (meer).")
    if data.contact_id is not None and repo.contact(data.contact_id) is None:
        raise NotFoundError("Dit contact bestaat niet (meer).")


def create_signal(session: Session, data: SignalInput, *, today: date | None = None) -> Signal:
    """A new signal (Gemeld) with its deadline from the category's term and, unless chosen,
    the category's default partner. Nothing is written on bad input."""
    repo = SignalRepository(session)
    now = _today(today)
    _check_input(session, repo, data, now)
    description = _clean_description(data.description)
    category = _offered_category(repo, data.category_id)
    partner_id = _partner_for(repo, data.partner_id, category)
    values: dict[str, Any] = {
        **{d.key: getattr(data, d.key) for d in SIGNAL_FIELDS},
        BUURT.key: data.buurt_code or None,
        LOCATION.key: " ".join(data.location.split()),
        DESCRIPTION.key: description,
        CATEGORY.key: category.id,
        PARTNER.key: partner_id,
        "deadline": compute_deadline(data.reported_on, category.term, category.term_unit),
    }
    (signal_id,) = write_signals(session, [values])
    return get_signal(session, signal_id)


def get_signal(session: Session, signal_id: uuid.UUID) -> Signal:
    row = SignalRepository(session).get(signal_id)
    if row is None:
        raise NotFoundError("Dit signaal bestaat niet (meer).")
    return row


# --- history --------------------------------------------------------------------------------


def _log(
    session: Session,
    repo: SignalRepository,
    signal: Signal,
    field: SignalField,
    old: object,
    new: object,
    note: str,
) -> None:
    session.add(
        SignalHistory(
            signal_id=signal.id,
            seq=repo.next_seq(signal.id),
            by=_actor(session),
            field=field,
            old=_text(old),
            new=_text(new),
            note=note,
        )
    )
    session.flush()


def log_change(
    session: Session, signal: Signal, field: SignalField, old: object, new: object, note: str
) -> None:
    """Append one entry to the signal's history, for changes made by other services (photos)."""
    _log(session, SignalRepository(session), signal, field, old, new, note)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _clean_note(note: str) -> str:
    text = note.strip()
    if len(text) > MAX_NOTE:
        raise ValidationError(f"De notitie is te lang (hoogstens {MAX_NOTE} tekens).", field="note")
    return text


def signal_history(session: Session, signal_id: uuid.UUID) -> list[SignalHistory]:
    get_signal(session, signal_id)
    return list(SignalRepository(session).history(signal_id))


def replay_status(session: Session, signal_id: uuid.UUID) -> SignalStatus:
    """The status the signal's history replays to (from Gemeld); equals its status."""
    return replay(signal_history(session, signal_id))


# --- the workflow ---------------------------------------------------------------------------


def _check_move(repo: SignalRepository, signal: Signal, new: SignalStatus) -> None:
    try:
        check_transition(signal.status, new)
    except TransitionNotAllowedError as exc:
        raise ValidationError(exc.message, field="status") from exc
    if new in CLOSED and repo.count_children(signal.id, statuses=OPEN):
        raise ValidationError(
            f"Dit signaal heeft nog open deelsignalen; het kan pas naar '{new.label}' "
            "als die zijn afgesloten.",
            field="status",
        )


def _move(
    session: Session,
    repo: SignalRepository,
    signal: Signal,
    new: SignalStatus,
    note: str,
    today: date,
) -> None:
    old = signal.status
    signal.status = new
    if new in CLOSED:
        signal.closed_on = today
    elif old in CLOSED:
        signal.closed_on = None
    _log(session, repo, signal, SignalField.STATUS, old, new, note)
    if signal.parent_id is not None:
        _follow_parent(session, repo, signal.parent_id, today)


def _follow_parent(
    session: Session, repo: SignalRepository, parent_id: uuid.UUID, today: date
) -> None:
    """Keep a parent in step with its children (see the module docstring)."""
    parent = repo.get(parent_id)
    if parent is None:
        return
    if parent.status in CLOSED:
        if repo.count_children(parent.id, statuses=OPEN):
            _move(
                session, repo, parent, SignalStatus.HEROPEND, "Een deelsignaal is heropend.", today
            )
        return
    if repo.count_children(parent.id, statuses=OPEN):
        return
    done = repo.count_children(parent.id, statuses={SignalStatus.AFGEHANDELD})
    target = SignalStatus.AFGEHANDELD if done else SignalStatus.GEANNULEERD
    if target in ALLOWED[parent.status]:
        _move(session, repo, parent, target, "Alle deelsignalen zijn afgesloten.", today)


def transition(
    session: Session,
    signal_id: uuid.UUID,
    new_status: SignalStatus,
    *,
    note: str = "",
    today: date | None = None,
) -> Signal:
    """Move a signal to `new_status` if the table allows it; otherwise a ValidationError that
    says why, and nothing written."""
    repo = SignalRepository(session)
    signal = get_signal(session, signal_id)
    text = _clean_note(note)
    _check_move(repo, signal, new_status)
    _move(session, repo, signal, new_status, text, _today(today))
    return signal


def _open_signal(session: Session, signal_id: uuid.UUID) -> Signal:
    signal = get_signal(session, signal_id)
    if signal.status in CLOSED:
        raise ValidationError(
            f"Dit signaal is '{signal.status.label}'; heropen het eerst om het te wijzigen."
        )
    return signal


def change_category(
    session: Session, signal_id: uuid.UUID, category_id: uuid.UUID, *, note: str = ""
) -> Signal:
    """Another category: the deadline is recomputed from the report date with the new term, and
    a partner that was the old category's default follows to the new default. Each change is
    recorded; choosing the same category changes nothing."""
    repo = SignalRepository(session)
    signal = _open_signal(session, signal_id)
    text = _clean_note(note)
    category = _offered_category(repo, category_id)
    if category.id == signal.category_id:
        return signal
    old_category = repo.category(signal.category_id)
    follows = old_category is not None and signal.partner_id == old_category.default_partner_id
    new_partner = _partner_for(repo, None, category) if follows else signal.partner_id
    new_deadline = compute_deadline(signal.reported_on, category.term, category.term_unit)

    old_id, signal.category_id = signal.category_id, category.id
    _log(session, repo, signal, SignalField.CATEGORY, old_id, category.id, text)
    if new_deadline != signal.deadline:
        old_deadline, signal.deadline = signal.deadline, new_deadline
        _log(
            session,
            repo,
            signal,
            SignalField.DEADLINE,
            old_deadline,
            new_deadline,
            "Termijn van de nieuwe categorie.",
        )
    if new_partner != signal.partner_id:
        old_partner, signal.partner_id = signal.partner_id, new_partner
        _log(
            session,
            repo,
            signal,
            SignalField.PARTNER,
            old_partner,
            new_partner,
            "Standaardpartner van de nieuwe categorie.",
        )
    return signal


def change_partner(
    session: Session, signal_id: uuid.UUID, partner_id: uuid.UUID | None, *, note: str = ""
) -> Signal:
    """Route to another partner (None: nobody outside the team)."""
    repo = SignalRepository(session)
    signal = _open_signal(session, signal_id)
    text = _clean_note(note)
    if partner_id is not None:
        partner = repo.partner(partner_id)
        if partner is None or partner.retired:
            raise ValidationError("Die partner bestaat niet (meer).", field="partner")
    if partner_id == signal.partner_id:
        return signal
    old, signal.partner_id = signal.partner_id, partner_id
    _log(session, repo, signal, SignalField.PARTNER, old, partner_id, text)
    return signal


def change_priority(
    session: Session, signal_id: uuid.UUID, priority: Priority, *, note: str = ""
) -> Signal:
    repo = SignalRepository(session)
    signal = _open_signal(session, signal_id)
    text = _clean_note(note)
    if priority == signal.priority:
        return signal
    old, signal.priority = signal.priority, priority
    _log(session, repo, signal, SignalField.PRIORITY, old, priority, text)
    return signal


def change_deadline(
    session: Session, signal_id: uuid.UUID, new_deadline: date, *, note: str
) -> Signal:
    """Set the deadline by hand; a reason is required, since it changes the deadline label."""
    repo = SignalRepository(session)
    signal = _open_signal(session, signal_id)
    text = _clean_note(note)
    if not text:
        raise ValidationError("Geef aan waarom de termijn verandert.", field="note")
    if new_deadline < signal.reported_on:
        raise ValidationError("De termijn ligt vóór de meldingsdatum.", field="deadline")
    if new_deadline == signal.deadline:
        return signal
    old, signal.deadline = signal.deadline, new_deadline
    _log(session, repo, signal, SignalField.DEADLINE, old, new_deadline, text)
    return signal


# --- splitting ------------------------------------------------------------------------------


def split(
    session: Session,
    signal_id: uuid.UUID,
    children: Sequence[SplitPart | tuple[uuid.UUID, uuid.UUID | None, str]],
    *,
    note: str = "",
    today: date | None = None,
) -> list[Signal]:
    """Split an open signal into child signals, each with its own category and partner.

    Children copy where and how it was reported (area, buurt, location, source, link, priority)
    and keep the parent's report date, so their deadlines run from when the resident reported
    it, not from the split. Feedback stays with the parent (children do not ask for it). A parent
    still Gemeld moves to In behandeling first: it is being handled, through its children.
    """
    repo = SignalRepository(session)
    now = _today(today)
    parent = _open_signal(session, signal_id)
    text = _clean_note(note)
    if not children:
        raise ValidationError("Geef ten minste één deelsignaal op.", field="children")
    planned = []
    for raw in children:
        part = SplitPart(*raw)
        category = _offered_category(repo, part.category_id)
        planned.append((category, _partner_for(repo, part.partner_id, category), part.description))
    descriptions = [_clean_description(description) for _c, _p, description in planned]

    if parent.status == SignalStatus.GEMELD:
        _move(session, repo, parent, SignalStatus.IN_BEHANDELING, "Gesplitst.", now)
    copied = SPLIT_COPIES
    rows = [
        {
            **{column: getattr(parent, column) for column in copied},
            "description": description,
            "category_id": category.id,
            "partner_id": partner_id,
            "deadline": compute_deadline(parent.reported_on, category.term, category.term_unit),
            "parent_id": parent.id,
            "wants_feedback": False,
        }
        for (category, partner_id, _d), description in zip(planned, descriptions, strict=True)
    ]
    made = [get_signal(session, i) for i in write_signals(session, rows)]
    _log(
        session,
        repo,
        parent,
        SignalField.SPLIT,
        "",
        ",".join(str(c.id) for c in made),
        text,
    )
    return made


# --- feedback -------------------------------------------------------------------------------


def record_feedback(
    session: Session,
    signal_id: uuid.UUID,
    *,
    given_on: date,
    how: str,
    note: str = "",
    by: str | None = None,
    today: date | None = None,
) -> SignalFeedback:
    """Terugkoppeling given to the resident: when, how (telefoon, e-mail, brief, persoonlijk),
    by whom (the current user unless said otherwise)."""
    signal = get_signal(session, signal_id)
    text = _clean_note(note)
    way = how.strip().lower()
    if way not in FEEDBACK_WAYS:
        raise ValidationError(
            "Kies hoe de bewoner is teruggekoppeld: " + ", ".join(FEEDBACK_WAYS) + ".",
            field="how",
        )
    if given_on > _today(today):
        raise ValidationError("De datum van de terugkoppeling ligt in de toekomst.", field="date")
    if given_on < signal.reported_on:
        raise ValidationError(
            "De terugkoppeling ligt vóór de meldingsdatum van het signaal.", field="date"
        )
    who = (by if by is not None else _actor(session)).strip()[:120]
    if not who:
        raise ValidationError("Vul in wie de bewoner heeft teruggekoppeld.", field="by")
    row = SignalFeedback(signal_id=signal.id, given_on=given_on, how=way, by=who, note=text)
    session.add(row)
    session.flush()
    return row


def awaiting_feedback(
    session: Session, *, area_ids: Sequence[uuid.UUID] | None = None
) -> list[Signal]:
    """Closed signals whose reporter wants feedback and has not had any since it was closed."""
    return list(SignalRepository(session).awaiting_feedback(closed=CLOSED, area_ids=area_ids))
