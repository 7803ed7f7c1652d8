"""Inzage and verwijdering (AVG articles 15 and 17): everything stored about one resident, as a
readable PDF and as JSON, and erasing that resident everywhere in one action.

A resident is found by (part of) their name, their phone number or their e-mail address. What
is "about" them: their details, consents and register entries, the conversations and contacts
that recorded them, the actions agreed there, the signals made from those (with feedback and
photos), the audit log of their record, and every text anywhere in the database (records,
earlier versions, signal history, drafts) that mentions their name, phone or e-mail
(services.mentions). Those mentions are shown to the user, who confirms each one: they go into
the overview and are scrubbed by the erasure.

Erasure removes the details, consents and register entries, unlinks the conversations and
contacts (their content stays, anonymous, so the figures do not change), replaces each
confirmed mention with "[gewist]", and removes the photos of the signals made from them. The
audit log gets one entry saying that an erasure was done, not what was erased. Afterwards
`purge_traces` leaves the erased words nowhere in the database's own files (storage.traces).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import FollowUp, Resident
from gebiedsapp.services import mentions
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.storage.repositories.people import (
    HeardConversation,
    LinkedSignal,
    MetContact,
    PeopleRepository,
)

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
    session: Session,
    resident_ids: uuid.UUID | Sequence[uuid.UUID],
    *,
    today: date,
    confirmed: Collection[str] | None = None,
) -> PersonData:
    """Everything stored about one person: one resident record, or several records of the same
    person (every conversation may have recorded them anew), merged section by section, and
    the mentions of them in texts that the user confirmed (`confirmed`: keys of
    `mentions_of`; None: the hits checked by default). NotFoundError when a record does not
    exist (any more)."""
    ids = [resident_ids] if isinstance(resident_ids, uuid.UUID) else list(resident_ids)
    if not ids:
        raise ValidationError("Kies ten minste één bewoner.")
    parts = [_record_sections(session, resident_id) for resident_id in ids]
    name = parts[0][0]
    merged = tuple(
        replace(section, rows=tuple(row for _n, sections in parts for row in sections[i].rows))
        for i, section in enumerate(parts[0][1])
    )
    found = mentions_of(session, ids)
    chosen = found.default_keys() if confirmed is None else frozenset(confirmed)
    texts = Section(
        "vermeldingen",
        "Vermeldingen in teksten",
        "Teksten waarin de naam, het telefoonnummer of het e-mailadres van de bewoner staat "
        "(ook buiten de gesprekken en contacten met de bewoner), zoals gecontroleerd.",
        tuple(
            {"soort": m.kind, "datum": m.day, "gevonden": m.what, "fragment": m.snippet}
            for m in found.hits
            if m.key in chosen
        ),
    )
    return PersonData(ids[0], name, today, (*merged, texts), tuple(ids))


def _record_sections(session: Session, resident_id: uuid.UUID) -> tuple[str, tuple[Section, ...]]:
    repo = PeopleRepository(session)
    resident = repo.get(resident_id)
    if resident is None or resident.anonymised_at is not None:
        raise NotFoundError("Deze bewoner staat niet (meer) in de database.")
    conversations = repo.conversations(resident_id)
    contacts = repo.contacts(resident_id)
    conversation_ids = [heard.conversation.id for heard in conversations]
    contact_ids = [met.contact.id for met in contacts]
    actions = repo.actions(conversation_ids, contact_ids)
    signals = repo.signals(conversation_ids, contact_ids)
    return resident.name, (
        *_person_sections(repo, resident),
        *_meeting_sections(conversations, contacts),
        *_follow_up_sections(repo, actions, signals),
        _audit_section(repo, resident_id),
    )


def _person_sections(repo: PeopleRepository, resident: Resident) -> tuple[Section, ...]:
    """What is recorded about the person: details, consents, the register."""
    resident_id = resident.id
    return (
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
                    "gebied": row.area_name,
                    "sinds": row.entry.since,
                    "actief": "ja" if row.entry.active else "nee",
                    "thema's": ", ".join(row.themes),
                }
                for row in repo.meedenkers(resident_id)
            ),
        ),
    )


def _meeting_sections(
    conversations: Sequence[HeardConversation], contacts: Sequence[MetContact]
) -> tuple[Section, ...]:
    """Where the team met the person: koffiekar conversations and contacts."""
    return (
        Section(
            "gesprekken",
            "Koffiekargesprekken",
            "Gesprekken bij de koffiekar waarbij de bewoner is vastgelegd.",
            tuple(
                {
                    "datum": heard.round.date,
                    "gebied": heard.area_name,
                    "plek": heard.round.place,
                    "samenvatting": heard.conversation.summary,
                    "uitspraak": heard.conversation.quote,
                    "verwijderd": "ja" if heard.conversation.deleted_at else "nee",
                }
                for heard in conversations
            ),
        ),
        Section(
            "contacten",
            "Contacten",
            "Huisbezoeken, telefoontjes en andere contacten met de bewoner.",
            tuple(
                {
                    "datum": met.contact.date,
                    "gebied": met.area_name,
                    "soort": met.contact.contact_type.label,
                    "onderwerp": met.contact.subject,
                    "aantekeningen": met.contact.notes,
                }
                for met in contacts
            ),
        ),
    )


def _follow_up_sections(
    repo: PeopleRepository, actions: Sequence[FollowUp], signals: Sequence[LinkedSignal]
) -> tuple[Section, ...]:
    """What came of those meetings: actions, signals, the feedback and photos of the signals."""
    signal_ids = [linked.signal.id for linked in signals]
    return (
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
                    "gemeld op": linked.signal.reported_on,
                    "categorie": linked.category_name,
                    "omschrijving": linked.signal.description,
                    "locatie": linked.signal.location,
                    "status": linked.signal.status.label,
                }
                for linked in signals
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
    )


def _audit_section(repo: PeopleRepository, resident_id: uuid.UUID) -> Section:
    return Section(
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
    )


# --- vermeldingen ---------------------------------------------------------------------------


def scope_of(session: Session, resident_ids: Sequence[uuid.UUID]) -> mentions.Scope:
    """The records made with these residents (hits there are checked by default) and those an
    erasure removes whole (not listed: their consents, the photos of their signals)."""
    repo = PeopleRepository(session)
    conversations = [h.conversation.id for i in resident_ids for h in repo.conversations(i)]
    contacts = [m.contact.id for i in resident_ids for m in repo.contacts(i)]
    signals = [linked.signal.id for linked in repo.signals(conversations, contacts)]
    linked = {
        *conversations,
        *contacts,
        *(a.id for a in repo.actions(conversations, contacts)),
        *signals,
    }
    return mentions.Scope(
        linked=frozenset(linked),
        removed=frozenset(p.id for p in repo.photos(signals)),
        owners_removed=frozenset(resident_ids),
    )


def person_of(session: Session, resident_ids: Sequence[uuid.UUID]) -> mentions.Person:
    """What to look for; NotFoundError when a record does not exist (any more)."""
    repo = PeopleRepository(session)
    details = []
    for resident_id in resident_ids:
        resident = repo.get(resident_id)
        if resident is None:
            raise NotFoundError("Deze bewoner staat niet (meer) in de database.")
        details.append((resident.name, resident.phone, resident.email))
    return mentions.Person.of(details)


@manages
def mentions_of(session: Session, resident_ids: Sequence[uuid.UUID]) -> mentions.Mentions:
    """Every text that mentions the person, for the user to confirm (services.mentions)."""
    ids = list(dict.fromkeys(resident_ids))
    return mentions.find(session, person_of(session, ids), scope_of(session, ids))


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
