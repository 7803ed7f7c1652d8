"""A signal's fields, each defined once, and the typed draft of the new-signal form.

One `SignalFieldDef` per field says its key (the attribute of `SignalDraft` and, where it has
one, of `SignalInput`), the form's label, placeholder and help, how it is typed in, and how it
is checked (required text, maximum length and the Dutch refusals). The form
(`ui.signals.form`) builds, reads, fills and empties its inputs from these definitions;
`services.signals` checks a new signal with their texts and limits, and the import
(`services.signal_import`) refuses a row with the same texts. Adding a field to signals means:
the model, a migration, a definition here (and a field of `SignalDraft` and `SignalInput`), and
the outputs that show it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum
from typing import Any

from gebiedsapp.domain import Priority, SignalSource
from gebiedsapp.domain.enums import LabeledEnum
from gebiedsapp.services.errors import ValidationError

MAX_DESCRIPTION = 4_000
MAX_LOCATION = 300


class SignalInputKind(StrEnum):
    """How a signal's field is typed in; the form has one way to make, read and fill each."""

    AREA = "area"  # the area combo (the areas' tree)
    BUURT = "buurt"  # the CBS buurt combo, following the area
    LINE = "line"  # one line of text
    COORDINATE = "coordinate"  # a degree typed as text (checked when saving)
    TEXT = "text"  # several lines of text
    CATEGORY = "category"  # the category picker (type to find)
    PARTNER = "partner"  # a partner combo; none: the category's default
    CHOICE = "choice"  # a combo of an enum's members (`choices`)
    DAY = "day"  # a date, not in the future
    FLAG = "flag"  # a check box
    LINK = "link"  # where the signal was heard (a conversation, a contact): no input


@dataclass(frozen=True)
class SignalFieldDef:
    key: str  # SignalDraft's attribute (and SignalInput's)
    label: str  # Dutch: the form's row label (with its mnemonic); "": beside the row before
    kind: SignalInputKind
    name: str = ""  # the field a ValidationError names; "" when the key
    placeholder: str = ""  # Dutch, shown in an empty input
    accessible: str = ""  # Dutch, for a screen reader when the label is not next to it
    caption: str = ""  # Dutch, a check box's text
    tooltip: str = ""  # Dutch
    choices: type[LabeledEnum] | None = None  # the enum of a CHOICE
    required: str = ""  # Dutch refusal when left empty; "" when optional
    max_length: int | None = None
    too_long: str = ""  # Dutch refusal when longer than max_length ({n}: the maximum)
    typed: bool = False  # text the user typed: a form holding it is not empty

    @property
    def error_field(self) -> str:
        return self.name or self.key

    def check_text(self, text: str) -> str:
        """The text as stored (stripped), or the definition's Dutch refusal."""
        cleaned = text.strip()
        if self.required and not cleaned:
            raise ValidationError(self.required, field=self.error_field)
        if self.max_length is not None and len(cleaned) > self.max_length:
            raise ValidationError(self.too_long_text(), field=self.error_field)
        return cleaned

    def max_length_or_none(self) -> float:
        """The maximum length; no maximum: infinity (so `len(text) > it` is never true)."""
        return float("inf") if self.max_length is None else self.max_length

    def too_long_text(self) -> str:
        return self.too_long.format(n=self.max_length)


_COORDINATES_HELP = (
    "Niet verplicht. Breedte- en lengtegraad in graden, met komma of punt; "
    "een geplakt paar als '53.1712, 7.0341' mag ook in dit veld."
)

AREA = SignalFieldDef("area_id", "&Gebied:", SignalInputKind.AREA, name="area")
BUURT = SignalFieldDef("buurt_code", "CBS-&buurt:", SignalInputKind.BUURT, name="buurt")
LOCATION = SignalFieldDef(
    "location",
    "&Locatie:",
    SignalInputKind.LINE,
    placeholder="Adres of omschrijving van de plek",
    max_length=MAX_LOCATION,
    too_long="De locatie is te lang (hoogstens {n} tekens).",
    typed=True,
)
LATITUDE = SignalFieldDef(
    "latitude",
    "C&oördinaten:",
    SignalInputKind.COORDINATE,
    name="coordinates",
    placeholder="breedtegraad, bv. 53,1712",
    accessible="Breedtegraad",
    tooltip=_COORDINATES_HELP,
    typed=True,
)
LONGITUDE = SignalFieldDef(
    "longitude",
    "",
    SignalInputKind.COORDINATE,
    name="coordinates",
    placeholder="lengtegraad, bv. 7,0341",
    accessible="Lengtegraad",
    tooltip=_COORDINATES_HELP,
    typed=True,
)
DESCRIPTION = SignalFieldDef(
    "description",
    "B&eschrijving:",
    SignalInputKind.TEXT,
    placeholder="Wat is er gemeld of gezien?",
    required="Beschrijf in een paar woorden wat er gemeld is.",
    max_length=MAX_DESCRIPTION,
    too_long="De beschrijving is te lang (hoogstens {n} tekens).",
    typed=True,
)
CATEGORY = SignalFieldDef(
    "category_id",
    "&Categorie:",
    SignalInputKind.CATEGORY,
    name="category",
    placeholder="(kies een categorie)",
    required="Kies een categorie.",
)
PARTNER = SignalFieldDef(
    "partner_id",
    "&Partner:",
    SignalInputKind.PARTNER,
    name="partner",
    placeholder="(standaard van de categorie)",
)
SOURCE = SignalFieldDef("source", "Bro&n:", SignalInputKind.CHOICE, choices=SignalSource)
PRIORITY = SignalFieldDef("priority", "P&rioriteit:", SignalInputKind.CHOICE, choices=Priority)
REPORTED_ON = SignalFieldDef("reported_on", "Ge&meld op:", SignalInputKind.DAY)
WANTS_FEEDBACK = SignalFieldDef(
    "wants_feedback", "", SignalInputKind.FLAG, caption="De melder wil &terugkoppeling"
)
CONVERSATION = SignalFieldDef("conversation_id", "", SignalInputKind.LINK, name="link")
CONTACT = SignalFieldDef("contact_id", "", SignalInputKind.LINK, name="link")

# In the order the form shows them.
SIGNAL_FIELDS: tuple[SignalFieldDef, ...] = (
    AREA,
    BUURT,
    LOCATION,
    LATITUDE,
    LONGITUDE,
    DESCRIPTION,
    CATEGORY,
    PARTNER,
    SOURCE,
    PRIORITY,
    REPORTED_ON,
    WANTS_FEEDBACK,
    CONVERSATION,
    CONTACT,
)
BY_KEY: dict[str, SignalFieldDef] = {d.key: d for d in SIGNAL_FIELDS}


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class SignalDraft:
    """What the new-signal form holds, complete or not. The coordinates are as typed (checked
    when saving); None for the area, a choice or the date means the form's proposal (the first
    area and choice, today)."""

    area_id: uuid.UUID | None = None
    buurt_code: str = ""
    location: str = ""
    latitude: str = ""
    longitude: str = ""
    description: str = ""
    category_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    source: SignalSource | None = None
    priority: Priority | None = None
    reported_on: date | None = None
    wants_feedback: bool = False
    conversation_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None

    def is_empty(self) -> bool:
        """Nothing typed yet: closing such a form loses nothing."""
        return not any(str(getattr(self, d.key)).strip() for d in SIGNAL_FIELDS if d.typed)

    def to_json(self) -> dict[str, Any]:
        """The draft as plain JSON values (ids, enums and dates as text)."""
        out: dict[str, Any] = {}
        for definition in SIGNAL_FIELDS:
            value = getattr(self, definition.key)
            if isinstance(value, uuid.UUID | date):
                value = str(value) if isinstance(value, uuid.UUID) else value.isoformat()
            elif isinstance(value, LabeledEnum):
                value = value.value
            out[definition.key] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SignalDraft:
        """Read a draft; a missing or unreadable value gives the form's default."""
        values: dict[str, Any] = {}
        for definition in SIGNAL_FIELDS:
            raw = data.get(definition.key)
            if raw is None:
                continue
            value = _from_json(definition, raw)
            if value is not None:
                values[definition.key] = value
        return replace(cls(), **values)


def _from_json(definition: SignalFieldDef, raw: object) -> Any:
    kind = definition.kind
    if kind in (SignalInputKind.AREA, SignalInputKind.CATEGORY, SignalInputKind.PARTNER):
        return _uuid(raw)
    if kind is SignalInputKind.LINK:
        return _uuid(raw)
    if kind is SignalInputKind.CHOICE and definition.choices is not None:
        try:
            return definition.choices(str(raw))
        except ValueError:
            return None
    if kind is SignalInputKind.DAY:
        try:
            return date.fromisoformat(str(raw))
        except ValueError:
            return None
    if kind is SignalInputKind.FLAG:
        return bool(raw)
    return str(raw)


def draft_keys() -> set[str]:
    """The draft's fields (a test holds them equal to the definitions' keys)."""
    return {f.name for f in fields(SignalDraft)}
