"""The opbouwwerker's contact log: house visits, calls, meetings, with whom and about what."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import Contact, ContactType, ContactWith, Meedenker, Partner, Theme
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.record_edits import EditedRecord
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.contacts import ContactRepository
from gebiedsapp.storage.repositories.drafts import DraftRepository

MAX_SUBJECT = 300
MAX_NOTES = 20_000


@dataclass(frozen=True)
class ContactInput:
    day: date
    area_id: uuid.UUID
    contact_type: ContactType
    with_kind: ContactWith = ContactWith.ANONIEM
    subject: str = ""
    notes: str = ""
    theme_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    group_name: str = ""  # with_kind GROEP
    partner_id: uuid.UUID | None = None  # with_kind ORGANISATIE
    meedenker_id: uuid.UUID | None = None  # with_kind MEEDENKER: an entry of the register


def _check(
    session: Session, data: ContactInput, *, new: bool
) -> tuple[list[Theme], uuid.UUID | None]:
    """Validate; `new` refuses retired themes and partners (an edit may keep them)."""
    area = AreaRepository(session).get(data.area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    subject = data.subject.strip()
    if not subject:
        raise ValidationError("Vul in waar het contact over ging.", field="subject")
    if len(subject) > MAX_SUBJECT:
        raise ValidationError(
            f"Het onderwerp is te lang (hoogstens {MAX_SUBJECT} tekens).", field="subject"
        )
    if len(data.notes) > MAX_NOTES:
        raise ValidationError("De aantekeningen zijn te lang.", field="notes")
    resident_id = None
    if data.with_kind is ContactWith.GROEP and not data.group_name.strip():
        raise ValidationError("Vul in met welke groep het contact was.", field="group")
    if data.with_kind is ContactWith.ORGANISATIE:
        partner = session.get(Partner, data.partner_id) if data.partner_id else None
        if partner is None or partner.is_deleted or (new and partner.retired):
            raise ValidationError("Kies de organisatie waarmee het contact was.", field="partner")
    if data.with_kind is ContactWith.MEEDENKER:
        entry = session.get(Meedenker, data.meedenker_id) if data.meedenker_id else None
        if entry is None or entry.is_deleted:
            raise ValidationError("Kies de meedenker uit het register.", field="meedenker")
        resident_id = entry.resident_id
    themes = []
    for theme_id in dict.fromkeys(data.theme_ids):
        theme = session.get(Theme, theme_id)
        if theme is None or theme.is_deleted or (new and theme.retired):
            raise ValidationError("Een gekozen thema bestaat niet (meer).", field="themes")
        themes.append(theme)
    return themes, resident_id


def _apply(
    row: Contact, data: ContactInput, themes: list[Theme], resident_id: uuid.UUID | None
) -> None:
    row.date = data.day
    row.area_id = data.area_id
    row.contact_type = data.contact_type
    row.with_kind = data.with_kind
    row.subject = data.subject.strip()
    row.notes = data.notes.strip()
    row.group_name = data.group_name.strip() if data.with_kind is ContactWith.GROEP else ""
    row.partner_id = data.partner_id if data.with_kind is ContactWith.ORGANISATIE else None
    row.resident_id = resident_id
    row.themes = themes


def record_contact(
    session: Session, data: ContactInput, *, draft_id: uuid.UUID | None = None
) -> Contact:
    themes, resident_id = _check(session, data, new=True)
    row = Contact()
    _apply(row, data, themes, resident_id)
    session.add(row)
    if draft_id is not None:
        DraftRepository(session).delete(draft_id)
    session.flush()
    return row


def _fields(row: Contact) -> dict[str, object]:
    return {
        "date": row.date,
        "area_id": row.area_id,
        "contact_type": row.contact_type,
        "with_kind": row.with_kind,
        "subject": row.subject,
        "notes": row.notes,
        "group_name": row.group_name,
        "partner_id": row.partner_id,
        "resident_id": row.resident_id,
        "themes": [t.id for t in row.themes],
    }


CONTACT = EditedRecord(
    record_type="contact",
    gone="Dit contact bestaat niet (meer).",
    find=lambda session, record_id: ContactRepository(session).get(record_id),
    fields=_fields,
)


def edit_contact(
    session: Session,
    contact_id: uuid.UUID,
    data: ContactInput,
    *,
    draft_id: uuid.UUID | None = None,
) -> Contact:
    """Change a logged contact; the earlier version is kept in its history."""
    row = CONTACT.existing(session, contact_id)
    themes, resident_id = _check(session, data, new=False)
    with CONTACT.edit(session, row, draft_id=draft_id):
        _apply(row, data, themes, resident_id)
    return row


@dataclass(frozen=True)
class ContactView:
    id: uuid.UUID
    day: date
    area_id: uuid.UUID
    area_name: str
    contact_type: ContactType
    with_kind: ContactWith
    with_whom: str  # group or organisation name; never a resident's name
    subject: str
    notes: str
    themes: tuple[str, ...]
    theme_ids: tuple[uuid.UUID, ...]
    author: str
    version: int
    group_name: str = ""
    partner_id: uuid.UUID | None = None
    meedenker_id: uuid.UUID | None = None  # the register entry (of the contact's area)


def get_contact(session: Session, contact_id: uuid.UUID) -> ContactView:
    row = CONTACT.existing(session, contact_id)
    entry = (
        ContactRepository(session).meedenker_of(row.resident_id, row.area_id)
        if row.resident_id
        else None
    )
    return contact_view(row, entry.id if entry else None)


def contact_view(row: Contact, meedenker_id: uuid.UUID | None = None) -> ContactView:
    with_whom = row.group_name or (row.partner.name if row.partner else "")
    return ContactView(
        id=row.id,
        day=row.date,
        area_id=row.area_id,
        area_name=row.area.name,
        contact_type=row.contact_type,
        with_kind=row.with_kind,
        with_whom=with_whom,
        subject=row.subject,
        notes=row.notes,
        themes=tuple(t.name for t in row.themes),
        theme_ids=tuple(t.id for t in row.themes),
        author=row.created_by,
        version=row.version,
        group_name=row.group_name,
        partner_id=row.partner_id,
        meedenker_id=meedenker_id,
    )
