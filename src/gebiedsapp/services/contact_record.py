"""A contact's fields, each defined once, and the typed draft of the contact form.

One `FieldDef` per field (see `services.record_fields`): the form builds, reads, fills and
watches its inputs from them and stores the draft they describe; `services.contacts` takes its
refusals and limits from them and the history its labels. Adding a field to contacts means: the
model, a migration, a `FieldDef` here with a field of `ContactDraft` and `ContactInput`, the
line in `services.contacts._apply` if it needs more than being stored, and the outputs that
show it (the form's layout, the list, the export).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from gebiedsapp.domain import ContactType, ContactWith
from gebiedsapp.services.record_fields import AgreedAction as AgreedAction  # shared
from gebiedsapp.services.record_fields import (
    FieldDef,
    InputKind,
    from_json,
    is_typed,
    record_labels,
    to_json,
)

MAX_SUBJECT = 300
MAX_NOTES = 20_000

DAY = FieldDef("day", "Datum", InputKind.DAY, column="date")
AREA = FieldDef("area_id", "Gebied", InputKind.AREA, column="area_id")
CONTACT_TYPE = FieldDef(
    "contact_type",
    "Soort",
    InputKind.CHOICE,
    column="contact_type",
    accessible="Soort contact",
    enum=ContactType,
)
WITH_KIND = FieldDef(
    "with_kind",
    "Met wie",
    InputKind.CHOICE,
    column="with_kind",
    enum=ContactWith,
    choices=(
        ContactWith.ANONIEM,
        ContactWith.GROEP,
        ContactWith.ORGANISATIE,
        ContactWith.MEEDENKER,
    ),
)
GROUP = FieldDef(
    "group_name",
    "Groep",
    InputKind.LINE,
    column="group_name",
    placeholder="Naam van de groep, bijv. 'moestuinclub'",
    accessible="Groepsnaam",
    required="Vul in met welke groep het contact was.",  # only when it was with a group
    refusal="group",
    typed=True,
)
PARTNER = FieldDef(
    "partner_id",
    "Organisatie",
    InputKind.PICK,
    column="partner_id",
    required="Kies de organisatie waarmee het contact was.",  # only with an organisation
    refusal="partner",
)
MEEDENKER = FieldDef(
    "meedenker_id",
    "Meedenker",
    InputKind.PICK,
    column="resident_id",  # the register entry's resident is stored, never shown
    accessible="Meedenker uit het register",
    required="Kies de meedenker uit het register.",  # only with a meedenker
    refusal="meedenker",
)
SUBJECT = FieldDef(
    "subject",
    "Onderwerp",
    InputKind.LINE,
    column="subject",
    placeholder="Waar ging het over?",
    required="Vul in waar het contact over ging.",
    max_length=MAX_SUBJECT,
    too_long="Het onderwerp is te lang (hoogstens {n} tekens).",
    typed=True,
)
THEMES = FieldDef(
    "theme_ids",
    "Thema's",
    InputKind.THEMES,
    name="themes",
    typed=True,
)
NOTES = FieldDef(
    "notes",
    "Aantekeningen",
    InputKind.TEXT,
    column="notes",
    placeholder="Wat is er besproken? Geen namen van bewoners.",
    max_length=MAX_NOTES,
    too_long="De aantekeningen zijn te lang.",
    typed=True,
)

# What the contact record holds, in the order the form shows them.
RECORD_FIELDS: tuple[FieldDef, ...] = (
    DAY,
    CONTACT_TYPE,
    AREA,
    WITH_KIND,
    GROUP,
    PARTNER,
    MEEDENKER,
    SUBJECT,
    THEMES,
    NOTES,
)
WITH_WHOM = (WITH_KIND, GROUP, PARTNER, MEEDENKER)  # only the one 'Met wie' names is kept
# What else the form holds: the agreed actions, created with the contact.
ACTIONS = FieldDef("actions", "Afgesproken acties", InputKind.ACTIONS, typed=True)
NEW_ACTION = FieldDef(
    "new_action", "Omschrijving van de actie", InputKind.ACTION, typed=True
)  # the action still typed in its line: saved too, never dropped
FORM_FIELDS: tuple[FieldDef, ...] = (ACTIONS, NEW_ACTION)
DRAFT_FIELDS: tuple[FieldDef, ...] = RECORD_FIELDS + FORM_FIELDS
BY_KEY: dict[str, FieldDef] = {d.key: d for d in DRAFT_FIELDS}


def contact_labels() -> dict[str, str]:
    """{audit/history name: label}, for the history of a contact."""
    return record_labels(RECORD_FIELDS)


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


@dataclass(frozen=True)
class ContactDraft:
    """What the contact form holds, complete or not (the payload of its draft).

    None for the day, the area or a choice means "the form's own": today, the screen's area,
    the first entry. Group, organisation and meedenker are kept whatever 'Met wie' says, as the
    form keeps them; only the one that fits is saved."""

    day: date | None = None
    area_id: uuid.UUID | None = None
    contact_type: ContactType | None = None
    with_kind: ContactWith | None = None
    group_name: str = ""
    partner_id: uuid.UUID | None = None
    meedenker_id: uuid.UUID | None = None
    subject: str = ""
    theme_ids: tuple[uuid.UUID, ...] = ()
    notes: str = ""
    actions: tuple[AgreedAction, ...] = ()
    new_action: AgreedAction | None = None

    def is_empty(self) -> bool:
        """Nothing typed yet: such a form needs no draft and no question before emptying."""
        return not any(
            is_typed(value) or isinstance(value, AgreedAction)
            for d in DRAFT_FIELDS
            if d.typed and (value := getattr(self, d.key)) is not None
        )

    def to_json(self) -> dict[str, Any]:
        """The draft as stored: plain JSON values (ids and dates as text, "" for none)."""
        out: dict[str, Any] = {}
        for definition in DRAFT_FIELDS:
            value = getattr(self, definition.key)
            if definition.kind is InputKind.ACTIONS:
                out[definition.key] = [a.payload() for a in value]
            elif definition.kind is InputKind.ACTION:
                out[definition.key] = value.payload() if value is not None else {}
            else:
                out[definition.key] = to_json(definition, value)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ContactDraft:
        """Read a stored draft (any earlier form's too); an unreadable value is left out."""
        values: dict[str, Any] = {}
        for definition in DRAFT_FIELDS:
            raw = data.get(definition.key)
            if definition.kind is InputKind.ACTIONS:
                found = (AgreedAction.from_payload(a) for a in (raw or []))
                values[definition.key] = tuple(a for a in found if a is not None)
            elif definition.kind is InputKind.ACTION:
                values[definition.key] = AgreedAction.from_payload(raw)
            elif (value := from_json(definition, raw)) is not None:
                values[definition.key] = value
        return replace(cls(), **values)


def contact_input(draft: ContactDraft) -> ContactInput | None:
    """What saving the form's draft asks for; None when it has no area (nor day or kind)."""
    if draft.area_id is None or draft.day is None or draft.contact_type is None:
        return None
    kind = draft.with_kind or ContactWith.ANONIEM
    return ContactInput(
        **{d.key: getattr(draft, d.key) for d in RECORD_FIELDS if d not in WITH_WHOM},
        with_kind=kind,
        group_name=draft.group_name if kind is ContactWith.GROEP else "",
        partner_id=draft.partner_id if kind is ContactWith.ORGANISATIE else None,
        meedenker_id=draft.meedenker_id if kind is ContactWith.MEEDENKER else None,
    )


def draft_keys() -> set[str]:
    """The draft's fields (a test holds them equal to the definitions' keys)."""
    return {f.name for f in fields(ContactDraft)}
