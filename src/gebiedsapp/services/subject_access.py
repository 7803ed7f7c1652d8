"""Inzage and verwijdering (AVG articles 15 and 17): everything stored about one resident, as a
readable PDF and as JSON, and erasing that resident everywhere in one action.

A resident is found by (part of) their name, their phone number or their e-mail address. What
is "about" them: their details, consents and register entries, the conversations and contacts
that name them, the actions agreed there, the signals made from those (with feedback and
photos), drafts and earlier versions in which their name, phone or e-mail was typed, and the
audit log of their record.

Erasure removes the details, consents and register entries, unlinks the conversations and
contacts (their content stays, anonymous, so the figures do not change), replaces the name,
phone and e-mail wherever they were typed in that content with "[gewist]", removes the photos
of the signals made from them and the drafts that mention them, and scrubs earlier versions.
The audit log gets one entry saying that an erasure was done, not what was erased.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.storage.repositories.people import PeopleRepository

ERASED = "[gewist]"
MIN_QUERY = 2
MAX_MATCHES = 200


@dataclass(frozen=True)
class PersonMatch:
    resident_id: uuid.UUID
    name: str
    phone: str
    email: str
    recorded_on: date


def _parts(text: str) -> tuple[str, str, str]:
    """(name part, phone digits, e-mail) of what was typed in the one search field."""
    cleaned = text.strip()
    if "@" in cleaned:
        return "", "", cleaned.lower()
    digits = "".join(c for c in cleaned if c.isdigit())
    if len(digits) >= 6 and not any(c.isalpha() for c in cleaned):
        return "", digits, ""
    return cleaned, "", ""


@manages
def find_people(session: Session, text: str) -> list[PersonMatch]:
    """Residents (not anonymised) matching a name, phone number or e-mail address."""
    if len(text.strip()) < MIN_QUERY:
        raise ValidationError(
            "Typ ten minste twee tekens van de naam, of een telefoonnummer of e-mailadres.",
            field="query",
        )
    name, digits, email = _parts(text)
    return [
        PersonMatch(r.id, r.name, r.phone, r.email, r.created_at.date())
        for r in PeopleRepository(session).find(name, digits, email, limit=MAX_MATCHES)
    ]


# --- inzage ---------------------------------------------------------------------------------


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


@dataclass(frozen=True)
class Section:
    """One part of the overview: a heading, what it is, and its rows (column -> value)."""

    key: str  # for the JSON
    title: str
    explanation: str
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PersonData:
    resident_id: uuid.UUID  # the first record
    name: str
    made_on: date
    sections: tuple[Section, ...]
    resident_ids: tuple[uuid.UUID, ...] = ()  # every record in the overview

    def as_json(self) -> str:
        document = {
            "soort": "inzageverzoek (AVG artikel 15)",
            "gemaakt_op": self.made_on.isoformat(),
            "bewoner_ids": [str(i) for i in self.resident_ids or (self.resident_id,)],
            **{
                section.key: [{k: _iso(v) for k, v in row.items()} for row in section.rows]
                for section in self.sections
            },
        }
        return json.dumps(document, ensure_ascii=False, indent=2)


@manages
def person_data(
    session: Session, resident_ids: uuid.UUID | Sequence[uuid.UUID], *, today: date
) -> PersonData:
    """Everything stored about one person: one resident record, or several records of the same
    person (every conversation may have recorded them anew), merged section by section.
    NotFoundError when a record does not exist (any more)."""
    ids = [resident_ids] if isinstance(resident_ids, uuid.UUID) else list(resident_ids)
    if not ids:
        raise ValidationError("Kies ten minste één bewoner.")
    parts = [_record_sections(session, resident_id) for resident_id in ids]
    name = parts[0][0]
    merged = tuple(
        replace(section, rows=tuple(row for _n, sections in parts for row in sections[i].rows))
        for i, section in enumerate(parts[0][1])
    )
    return PersonData(ids[0], name, today, merged, tuple(ids))


def _record_sections(session: Session, resident_id: uuid.UUID) -> tuple[str, tuple[Section, ...]]:
    repo = PeopleRepository(session)
    resident = repo.get(resident_id)
    if resident is None or resident.anonymised_at is not None:
        raise NotFoundError("Deze bewoner staat niet (meer) in de database.")
    needles = _needles(resident.name, resident.phone, resident.email)
    pattern = _pattern(needles)
    conversations = repo.conversations(resident_id)
    contacts = repo.contacts(resident_id)
    conversation_ids = [c.id for c, _s, _a in conversations]
    contact_ids = [c.id for c, _a in contacts]
    actions = repo.actions(conversation_ids, contact_ids)
    signals = repo.signals(conversation_ids, contact_ids)
    signal_ids = [s.id for s, _c in signals]
    sections = (
        Section(
            "persoonsgegevens",
            "Persoonsgegevens",
            "Wat van de bewoner is vastgelegd om contact op te nemen of mee te laten denken.",
            (
                {
                    "naam": resident.name,
                    "telefoon": resident.phone,
                    "e-mail": resident.email,
                    "vastgelegd op": resident.created_at,
                    "door": resident.created_by,
                },
            ),
        ),
        Section(
            "toestemmingen",
            "Toestemmingen",
            "Waarvoor de bewoner toestemming gaf om deze gegevens te bewaren.",
            tuple(
                {
                    "doel": c.purpose.label,
                    "gegeven op": c.given_on,
                    "vastgelegd door": c.recorded_by,
                    "ingetrokken op": c.withdrawn_on,
                }
                for c in repo.consents(resident_id)
            ),
        ),
        Section(
            "meedenken",
            "Meedenkersregister",
            "Gebieden waarin de bewoner meedenkt, met de thema's.",
            tuple(
                {
                    "gebied": area,
                    "sinds": entry.since,
                    "actief": "ja" if entry.active else "nee",
                    "thema's": ", ".join(themes),
                }
                for entry, area, themes in repo.meedenkers(resident_id)
            ),
        ),
        Section(
            "gesprekken",
            "Koffiekargesprekken",
            "Gesprekken bij de koffiekar waarbij de bewoner is vastgelegd.",
            tuple(
                {
                    "datum": round_.date,
                    "gebied": area,
                    "plek": round_.place,
                    "samenvatting": c.summary,
                    "uitspraak": c.quote,
                    "verwijderd": "ja" if c.deleted_at else "nee",
                }
                for c, round_, area in conversations
            ),
        ),
        Section(
            "contacten",
            "Contacten",
            "Huisbezoeken, telefoontjes en andere contacten met de bewoner.",
            tuple(
                {
                    "datum": c.date,
                    "gebied": area,
                    "soort": c.contact_type.label,
                    "onderwerp": c.subject,
                    "aantekeningen": c.notes,
                }
                for c, area in contacts
            ),
        ),
        Section(
            "acties",
            "Afgesproken acties",
            "Wat het team na een gesprek of contact met de bewoner afsprak.",
            tuple(
                {
                    "actie": a.description,
                    "uiterlijk": a.due_date,
                    "status": a.status.label,
                    "gedaan op": a.done_on,
                }
                for a in actions
            ),
        ),
        Section(
            "signalen",
            "Signalen",
            "Signalen die uit een gesprek of contact met de bewoner voortkwamen.",
            tuple(
                {
                    "gemeld op": s.reported_on,
                    "categorie": category,
                    "omschrijving": s.description,
                    "locatie": s.location,
                    "status": s.status.label,
                }
                for s, category in signals
            ),
        ),
        Section(
            "terugkoppeling",
            "Terugkoppeling",
            "Wanneer en hoe de bewoner hoorde wat er met een signaal gebeurde.",
            tuple(
                {"datum": f.given_on, "hoe": f.how, "door": f.by, "notitie": f.note}
                for f in repo.feedback(signal_ids)
            ),
        ),
        Section(
            "fotos",
            "Foto's bij die signalen",
            "Foto's bij de signalen hierboven (de bestanden zelf staan niet in dit overzicht).",
            tuple(
                {"bestand": p.file_name, "onderschrift": p.caption, "toegevoegd op": p.created_at}
                for p in repo.photos(signal_ids)
            ),
        ),
        Section(
            "concepten",
            "Concepten",
            "Formulieren die nog werden getypt en de naam, het telefoonnummer of het "
            "e-mailadres bevatten.",
            tuple(
                {"bijgewerkt op": d.updated_at, "door": d.actor, "soort": d.kind.label}
                for d in repo.drafts_mentioning(needles)
                if _mentions(d.payload, pattern)
            ),
        ),
        Section(
            "auditlog",
            "Auditlog van het persoonsrecord",
            "Wie wanneer de gegevens van de bewoner vastlegde of wijzigde (zonder waarden).",
            tuple(
                {
                    "wanneer": e.at,
                    "wie": e.actor,
                    "wat": e.action.label,
                    "velden": e.fields.replace(",", ", "),
                }
                for e in repo.audit_of("resident", resident_id)
            ),
        ),
    )
    return resident.name, sections


# --- verwijdering ---------------------------------------------------------------------------


def _needles(*values: str) -> list[str]:
    return [v for v in (value.strip() for value in values) if len(v) >= 3]


def _pattern(needles: Sequence[str]) -> re.Pattern[str] | None:
    """The name, phone and e-mail as whole words (case ignored): erasing "Ann" leaves
    "plannen" alone, and "Jan" does not touch "januari" or "Jansen"."""
    if not needles:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _mentions(text: str, pattern: re.Pattern[str] | None) -> bool:
    return pattern is not None and bool(pattern.search(text))


def _scrub(text: str, pattern: re.Pattern[str] | None) -> str:
    return text if pattern is None or not text else pattern.sub(ERASED, text)


def _scrub_json(value: Any, pattern: re.Pattern[str] | None) -> Any:
    if isinstance(value, str):
        return _scrub(value, pattern)
    if isinstance(value, list):
        return [_scrub_json(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_json(v, pattern) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Erasure:
    """What was done, in counts (shown to the user; the audit log gets none of it)."""

    conversations: int
    contacts: int
    signals_scrubbed: int
    photos: int
    drafts: int
    versions: int


@manages
def erase_people(session: Session, resident_ids: Sequence[uuid.UUID]) -> Erasure:
    """Erase several records of one person (see `person_data`), with one audit entry."""
    done = [erase_person(session, r, enter=False) for r in dict.fromkeys(resident_ids)]
    _enter_erasure(session)
    return Erasure(*(sum(getattr(d, f) for d in done) for f in Erasure.__dataclass_fields__))


def _enter_erasure(session: Session) -> None:
    audit.note(
        session,
        AuditAction.ERASE,
        record_type="resident",
        detail="verzoek tot verwijdering van persoonsgegevens uitgevoerd",
    )


@manages
def erase_person(session: Session, resident_id: uuid.UUID, *, enter: bool = True) -> Erasure:
    """Erase one resident everywhere, in the caller's unit of work (all or nothing)."""
    repo = PeopleRepository(session)
    resident = repo.get(resident_id)
    if resident is None:
        raise NotFoundError("Deze bewoner staat niet (meer) in de database.")
    needles = _needles(resident.name, resident.phone, resident.email)
    pattern = _pattern(needles)
    conversations = [c for c, _s, _a in repo.conversations(resident_id)]
    contacts = [c for c, _a in repo.contacts(resident_id)]
    signals = [s for s, _c in repo.signals([c.id for c in conversations], [c.id for c in contacts])]
    signal_ids = [s.id for s in signals]
    session.info["audit_suppress"] = True  # one entry below says an erasure happened
    try:
        for conversation in conversations:
            conversation.resident_id = None
            conversation.summary = _scrub(conversation.summary, pattern)
            conversation.quote = _scrub(conversation.quote, pattern)
        for contact in contacts:
            contact.resident_id = None
            contact.subject = _scrub(contact.subject, pattern)
            contact.notes = _scrub(contact.notes, pattern)
        scrubbed = 0
        for signal in signals:
            before = (signal.description, signal.location)
            signal.description = _scrub(signal.description, pattern)
            signal.location = _scrub(signal.location, pattern)
            scrubbed += (signal.description, signal.location) != before
        for feedback in repo.feedback(signal_ids):
            feedback.note = _scrub(feedback.note, pattern)
        for action in repo.actions([c.id for c in conversations], [c.id for c in contacts]):
            action.description = _scrub(action.description, pattern)
        # the signals' history is otherwise never edited; an erasure on request is the one
        # exception, and only the erased words change
        for entry in repo.signal_history(signal_ids):
            entry.note = _scrub(entry.note, pattern)
            entry.old = _scrub(entry.old, pattern)
            entry.new = _scrub(entry.new, pattern)
        photos = repo.photos(signal_ids)
        for photo in photos:
            session.delete(photo)
        drafts = [d for d in repo.drafts_mentioning(needles) if _mentions(d.payload, pattern)]
        for draft in drafts:
            session.delete(draft)
        own = {c.id for c in conversations} | {c.id for c in contacts}
        versions = [
            v
            for v in repo.versions_mentioning(needles)
            if v.record_id in own and _mentions(v.changes, pattern)
        ]
        for version in versions:
            version.changes = json.dumps(
                _scrub_json(json.loads(version.changes), pattern), ensure_ascii=False
            )
        session.flush()  # the links are gone before the rows they pointed at
        repo.delete_meedenkers(resident_id)
        for consent in repo.consents(resident_id):
            session.delete(consent)
        session.flush()
        session.delete(resident)
        session.flush()
    finally:
        session.info.pop("audit_suppress", None)
    if enter:
        _enter_erasure(session)
    return Erasure(
        conversations=len(conversations),
        contacts=len(contacts),
        signals_scrubbed=scrubbed,
        photos=len(photos),
        drafts=len(drafts),
        versions=len(versions),
    )


def matches_text(matches: Sequence[PersonMatch]) -> str:
    """'3 bewoners gevonden' (for the dialog's status line)."""
    n = len(matches)
    if n == 0:
        return "Geen bewoner gevonden."
    if n >= MAX_MATCHES:
        return (
            f"Meer dan {MAX_MATCHES - 1} bewoners gevonden; de eerste {n} staan hieronder. "
            "Typ meer van de naam, of zoek op telefoonnummer of e-mailadres."
        )
    return f"{n} bewoner{'s' if n != 1 else ''} gevonden."
