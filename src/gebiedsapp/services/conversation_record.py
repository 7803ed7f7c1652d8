"""A koffiekar conversation's fields, each defined once, and the typed draft of its form.

One `FieldDef` per field says its draft key, its label, the column it is stored in (if any),
the name audit and history know it by, how it is typed in and how it is checked. The form's
payload, fill, empty check, input and autosave read these definitions; the write path
(`services.conversation_write`) builds its insert, update, history and audit field names from
them; the history dialog takes its labels from them. Adding a field to conversations means: the
model, a migration, a `FieldDef` here (and a field of `ConversationDraft`), and the outputs that
show it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum
from typing import Any

from gebiedsapp.domain import Handling

MAX_SUMMARY = 2_000
MAX_QUOTE = 1_000


class InputKind(StrEnum):
    """How a field is typed in; the form has one way to read, fill and watch each kind."""

    LINE = "line"  # one line of text
    FLAG = "flag"  # a check box
    THEMES = "themes"  # the theme chips
    THEME_TEXT = "theme_text"  # a theme name typed but not yet chosen
    HANDLING = "handling"  # the three radio buttons
    OWNER = "owner"  # a team member (combo box)
    DAY = "day"  # a date
    # what activities add (services.activity_record)
    TEXT = "text"  # several lines of text
    TIME = "time"  # a time of day, or none
    CHOICE = "choice"  # one of an enum's members (combo box)
    AREA = "area"  # an area of the tree (combo box)
    COUNT = "count"  # a whole number, or "not counted"
    LINKS = "links"  # ticked records of another kind (signals, actions, initiatives)
    NEW_ACTIONS = "new_actions"  # actions agreed in the form, made when it is saved
    NEW_ACTION = "new_action"  # an action being typed, not yet added to those


@dataclass(frozen=True)
class FieldDef:
    key: str  # the draft's key, and the attribute of ConversationInput where it has one
    label: str  # Dutch: the form's label or check box text, the history's column
    kind: InputKind
    column: str | None = None  # the conversation's column; None: not stored there
    name: str | None = None  # in audit and history when not the column (themes: a link table)
    placeholder: str = ""  # Dutch, shown in an empty line
    accessible: str = ""  # Dutch, for a screen reader when the label is not next to it
    caption: str = ""  # Dutch, the text on a check box when it is not the label
    export_label: str = ""  # Dutch, the export's column header when it is not the label
    required: str = ""  # Dutch refusal when left empty; "" when optional
    max_length: int | None = None
    too_long: str = ""  # Dutch refusal when longer than max_length ({n}: the maximum)
    typed: bool = False  # text the user typed: a form holding it is not empty

    @property
    def record_name(self) -> str | None:
        """The name audit and history use; None for a field that is not the record's."""
        return self.name or self.column


SUMMARY = FieldDef(
    "summary",
    "Samenvatting",
    InputKind.LINE,
    column="summary",
    placeholder="Waar ging het gesprek over? (één regel)",
    accessible="Samenvatting",
    required="Schrijf in een paar woorden waar het gesprek over ging.",
    max_length=MAX_SUMMARY,
    too_long="De samenvatting is te lang (hoogstens {n} tekens).",
    typed=True,
)
THEMES = FieldDef(
    "theme_ids",
    "Thema's",
    InputKind.THEMES,
    name="themes",
    required="Kies ten minste één thema.",
    typed=True,
)
HANDLING = FieldDef("handling", "Afhandeling", InputKind.HANDLING, column="handling")
QUOTE = FieldDef(
    "quote",
    "Citaat",
    InputKind.LINE,
    column="quote",
    placeholder="letterlijke uitspraak (optioneel)",
    accessible="Citaat",
    max_length=MAX_QUOTE,
    too_long="Het citaat is te lang (hoogstens {n} tekens).",
    typed=True,
)
QUOTE_REPORTABLE = FieldDef(
    "quote_reportable",
    "Bruikbaar voor rapportage",
    InputKind.FLAG,
    column="quote_reportable",
    caption="bruikbaar voor rapportage (anoniem)",
    export_label="Citaat bruikbaar voor rapportage",
)

# What the conversation record itself holds, in the order the form shows them.
RECORD_FIELDS: tuple[FieldDef, ...] = (SUMMARY, THEMES, HANDLING, QUOTE, QUOTE_REPORTABLE)

# What else the form holds: the theme still being typed, the resident, the follow-up actions.
FORM_FIELDS: tuple[FieldDef, ...] = (
    FieldDef("theme_text", "Thema (getypt)", InputKind.THEME_TEXT, typed=True),
    FieldDef("wants_contact", "wil contact", InputKind.FLAG),
    FieldDef("wants_meedenken", "wil meedenken", InputKind.FLAG),
    FieldDef(
        "name",
        "Naam",
        InputKind.LINE,
        placeholder="naam",
        accessible="Naam van de bewoner",
        typed=True,
    ),
    FieldDef(
        "phone",
        "Telefoon",
        InputKind.LINE,
        placeholder="telefoon",
        accessible="Telefoon",
        typed=True,
    ),
    FieldDef(
        "email", "E-mail", InputKind.LINE, placeholder="e-mail", accessible="E-mail", typed=True
    ),
    FieldDef("consent", "toestemming vastgelegd", InputKind.FLAG),
    FieldDef("action", "actie aanmaken", InputKind.FLAG),
    FieldDef(
        "action_description",
        "Omschrijving van de actie",
        InputKind.LINE,
        placeholder="wat moet er gebeuren?",
        accessible="Omschrijving van de actie",
        typed=True,
    ),
    FieldDef("action_owner_id", "Eigenaar", InputKind.OWNER),
    FieldDef("action_due", "Uiterlijk", InputKind.DAY),
    FieldDef("callback", "terugbelactie", InputKind.FLAG),
    FieldDef(
        "callback_description",
        "Omschrijving van de terugbelactie",
        InputKind.LINE,
        accessible="Omschrijving van de terugbelactie",
    ),
    FieldDef("callback_owner_id", "Eigenaar van de terugbelactie", InputKind.OWNER),
    FieldDef("callback_due", "Terugbellen uiterlijk", InputKind.DAY),
)

DRAFT_FIELDS: tuple[FieldDef, ...] = RECORD_FIELDS + FORM_FIELDS
BY_KEY: dict[str, FieldDef] = {d.key: d for d in DRAFT_FIELDS}


def record_labels() -> dict[str, str]:
    """{audit/history name: label}, for the history of a conversation."""
    return {d.record_name: d.label for d in RECORD_FIELDS if d.record_name is not None}


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ConversationDraft:
    """What the conversation form holds, complete or not (the payload of its draft).

    None for an owner, a date or the call-back text means "the form's proposal": the signed-in
    user's team member, two weeks (one for a call-back), "Bewoner terugbellen"."""

    summary: str = ""
    theme_ids: tuple[uuid.UUID, ...] = ()
    theme_text: str = ""
    handling: Handling = Handling.TER_PLEKKE
    quote: str = ""
    quote_reportable: bool = False
    wants_contact: bool = False
    wants_meedenken: bool = False
    name: str = ""
    phone: str = ""
    email: str = ""
    consent: bool = False
    action: bool = False
    action_description: str = ""
    action_owner_id: uuid.UUID | None = None
    action_due: date | None = None
    callback: bool = True
    callback_description: str | None = None
    callback_owner_id: uuid.UUID | None = None
    callback_due: date | None = None

    def is_empty(self) -> bool:
        """Nothing typed yet: such a form needs no draft and no question before emptying."""
        return not any(_typed(getattr(self, d.key)) for d in DRAFT_FIELDS if d.typed)

    def to_json(self) -> dict[str, Any]:
        """The draft as stored: plain JSON values (ids and dates as text)."""
        out: dict[str, Any] = {}
        for definition in DRAFT_FIELDS:
            value = getattr(self, definition.key)
            if definition.kind is InputKind.THEMES:
                value = [str(t) for t in value]
            elif definition.kind is InputKind.HANDLING:
                value = value.value
            elif definition.kind is InputKind.OWNER:
                value = str(value) if value else None
            elif definition.kind is InputKind.DAY:
                value = value.isoformat() if value else None
            out[definition.key] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConversationDraft:
        """Read a stored draft; a missing or unreadable value gives the form's default."""
        values: dict[str, Any] = {}
        for definition in DRAFT_FIELDS:
            if definition.key not in data or data[definition.key] is None:
                continue
            raw = data[definition.key]
            kind = definition.kind
            if kind is InputKind.THEMES:
                found = raw if isinstance(raw, list) else []
                values[definition.key] = tuple(i for t in found if (i := _uuid(t)) is not None)
            elif kind is InputKind.HANDLING:
                try:
                    values[definition.key] = Handling(raw)
                except ValueError:
                    continue
            elif kind is InputKind.OWNER:
                values[definition.key] = _uuid(raw)
            elif kind is InputKind.DAY:
                values[definition.key] = _day(raw)
            elif kind is InputKind.FLAG:
                values[definition.key] = bool(raw)
            else:
                values[definition.key] = str(raw)
        return replace(cls(), **values)


def _typed(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value) if isinstance(value, tuple) else False


def draft_keys() -> set[str]:
    """The draft's fields (a test holds them equal to the definitions' keys)."""
    return {f.name for f in fields(ConversationDraft)}
