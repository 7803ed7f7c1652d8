"""The opbouwwerker's contact log: house visits, calls, meetings, with whom and about what."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import Contact, ContactType, ContactWith, Meedenker, Partner, Theme
from gebiedsapp.services.contact_record import (
    GROUP,
    MEEDENKER,
    PARTNER,
    RECORD_FIELDS,
)
from gebiedsapp.services.contact_record import MAX_NOTES as MAX_NOTES  # defined with the fields
from gebiedsapp.services.contact_record import MAX_SUBJECT as MAX_SUBJECT
from gebiedsapp.services.contact_record import ContactInput as ContactInput
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.record_edits import EditedRecord
from gebiedsapp.services.record_fields import InputKind, check_text
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.contacts import ContactRepository
from gebiedsapp.storage.repositories.drafts import DraftRepository

TEXT_KINDS = (InputKind.LINE, InputKind.TEXT)


def _check(
    session: Session, data: ContactInput, *, new: bool
) -> tuple[list[Theme], uuid.UUID | None]:
    """Validate; `new` refuses retired themes and partners (an edit may keep them)."""
    area = AreaRepository(session).get(data.area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    for definition in RECORD_FIELDS:  # each text's refusals and limits from its definition
        if definition.kind in TEXT_KINDS and definition is not GROUP:
            check_text(definition, getattr(data, definition.key))
    resident_id = None
    if data.with_kind is ContactWith.GROEP:
        check_text(GROUP, data.group_name)
    if data.with_kind is ContactWith.ORGANISATIE:
        partner = session.get(Partner, data.partner_id) if data.partner_id else None
        if partner is None or partner.is_deleted or (new and partner.retired):
            raise ValidationError(PARTNER.required, field=PARTNER.error_name)
    if data.with_kind is ContactWith.MEEDENKER:
        entry = session.get(Meedenker, data.meedenker_id) if data.meedenker_id else None
        if entry is None or entry.is_deleted:
            raise ValidationError(MEEDENKER.required, field=MEEDENKER.error_name)
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
    """Each stored field as its definition says (text stripped), then what depends on
    'Met wie': only the group or organisation it names is kept, and the meedenker's resident."""
    for definition in RECORD_FIELDS:
        if definition.column is not None and definition is not MEEDENKER:
            value = getattr(data, definition.key)
            text = definition.kind in TEXT_KINDS
            setattr(row, definition.column, value.strip() if text else value)
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
    """The contact's fields by their audit name, as history compares them."""
    values: dict[str, object] = {
        d.column: getattr(row, d.column) for d in RECORD_FIELDS if d.column is not None
    }  # a field stored in a column is known by it
    return {**values, "themes": [t.id for t in row.themes]}


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
