"""Residents who want contact or want to think along: personal data only with consent.

The details are stored in `resident`, apart from the content of conversations and contacts, and
only together with a `Consent` (purpose, date, recorded by). A meedenker is entered in the
participation register of the area, with the themes they care about.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.domain import Consent, ConsentPurpose, Meedenker, Resident, Theme
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.permissions import PERSONAL_DATA_HIDDEN
from gebiedsapp.services.validation import clean_email, clean_name, clean_phone
from gebiedsapp.storage.repositories.contacts import ContactRepository
from gebiedsapp.storage.repositories.search import THEME_SEPARATOR


@dataclass(frozen=True)
class ResidentInput:
    """What the form holds about a resident who wants contact and/or to think along."""

    name: str = ""
    phone: str = ""
    email: str = ""
    wants_contact: bool = False
    wants_meedenken: bool = False
    consent: bool = False  # the resident agreed that these details are kept for this purpose
    theme_ids: Sequence[uuid.UUID] = field(default_factory=tuple)

    @property
    def wanted(self) -> bool:
        return self.wants_contact or self.wants_meedenken

    @property
    def has_details(self) -> bool:
        return bool(self.name.strip() or self.phone.strip() or self.email.strip())


def check_resident(data: ResidentInput) -> None:
    """Refuse personal data without purpose and consent, and a purpose without a way to reach."""
    if data.has_details and not data.wanted:
        raise ValidationError(
            "Contactgegevens worden alleen bewaard als de bewoner contact wil of wil meedenken.",
            field="resident",
        )
    if not data.wanted:
        return
    if not data.consent:
        raise ValidationError(
            "Leg vast dat de bewoner toestemming geeft om naam en telefoon of e-mail te "
            "bewaren; zonder toestemming worden geen persoonsgegevens opgeslagen.",
            field="consent",
        )
    clean_name(data.name, limit=160, message="Vul de naam van de bewoner in.")
    clean_phone(data.phone)
    clean_email(data.email)
    if not data.phone.strip() and not data.email.strip():
        raise ValidationError(
            "Vul een telefoonnummer of e-mailadres in, zodat de bewoner bereikt kan worden.",
            field="phone",
        )


def register_resident(
    session: Session, data: ResidentInput, *, area_id: uuid.UUID, today: date
) -> Resident | None:
    """Store the resident with a consent per purpose (and a meedenker entry); None if not wanted."""
    check_resident(data)
    if not data.wanted:
        return None
    actor = str(session.info.get("actor", ""))
    resident = Resident(
        name=clean_name(data.name, limit=160),
        phone=clean_phone(data.phone),
        email=clean_email(data.email),
    )
    session.add(resident)
    session.flush()
    purposes = [
        purpose
        for purpose, wanted in (
            (ConsentPurpose.CONTACT, data.wants_contact),
            (ConsentPurpose.MEEDENKEN, data.wants_meedenken),
        )
        if wanted
    ]
    for purpose in purposes:
        consent = Consent(
            resident_id=resident.id, purpose=purpose, given_on=today, recorded_by=actor
        )
        session.add(consent)
        session.flush()
        if purpose is ConsentPurpose.MEEDENKEN:
            meedenker = Meedenker(
                resident_id=resident.id, area_id=area_id, consent_id=consent.id, since=today
            )
            meedenker.themes = [
                theme for t in data.theme_ids if (theme := session.get(Theme, t)) is not None
            ]
            session.add(meedenker)
    session.flush()
    return resident


@dataclass(frozen=True)
class MeedenkerView:
    """An entry of the participation register. Carries the resident's name: for staff screens
    only (never for reports or the wethouder role)."""

    id: uuid.UUID
    resident_id: uuid.UUID
    name: str
    area_id: uuid.UUID
    area_name: str
    since: date
    themes: tuple[str, ...]


def list_meedenkers(
    session: Session, *, area_ids: frozenset[uuid.UUID] | None = None, names: bool = True
) -> list[MeedenkerView]:
    """Active meedenkers (of these areas), newest first; without `names` (a wethouder, see
    services.permissions) the name is hidden."""
    return [
        MeedenkerView(
            id=m.id,
            resident_id=m.resident_id,
            name=(m.name or "(geanonimiseerd)") if names else PERSONAL_DATA_HIDDEN,
            area_id=m.area_id,
            area_name=m.area_name,
            since=m.since,
            themes=tuple(sorted(m.theme_names.split(THEME_SEPARATOR))) if m.theme_names else (),
        )
        for m in ContactRepository(session).meedenkers(area_ids=area_ids)
    ]


class MeedenkerChoice(NamedTuple):
    """An entry of the register as a dropdown offers it: texts only (issue 19: one object per
    entry for the GUI thread's garbage collections to walk, no UUID objects beside it; a
    NamedTuple stays tracked, only exact tuples are left out). `key` is the entry's id as text."""

    key: str
    name: str
    area_name: str


def _id_text(key: str | uuid.UUID) -> str:
    """The id's usual text (as str(uuid) writes it), from the 32 hex digits SQLite stores,
    without a UUID object per entry."""
    if isinstance(key, uuid.UUID):
        return str(key)
    if len(key) == 32:
        return f"{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:]}"
    return key


def meedenker_choices(
    session: Session, *, area_ids: frozenset[uuid.UUID] | None, names: bool
) -> list[MeedenkerChoice]:
    """The entries `list_meedenkers` gives, by name (as a dropdown offers them); without
    `names` the name is hidden, as there."""
    rows = ContactRepository(session).meedenker_choices(area_ids=area_ids)
    entries = [
        MeedenkerChoice(
            _id_text(row.key),
            (row.name or "(geanonimiseerd)") if names else PERSONAL_DATA_HIDDEN,
            row.area_name,
        )
        for row in rows
    ]
    return sorted(entries, key=lambda entry: entry.name.casefold())
