"""What a record's field definition says, for every record with a form (conversations,
contacts, initiatives): its draft key, Dutch label, how it is typed in, its column and checks.

A record module (`conversation_record`, `contact_record`, `initiative_record`) holds one
`FieldDef` per field and a frozen draft dataclass; the form reads, fills, watches and checks
for emptiness by `InputKind`, and the service takes its refusal texts and limits from here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import Any

from gebiedsapp.services.errors import ValidationError


class InputKind(StrEnum):
    """How a field is typed in; the form has one way to read, fill and watch each kind."""

    LINE = "line"  # one line of text
    TEXT = "text"  # several lines of text
    FLAG = "flag"  # a check box
    THEMES = "themes"  # the chosen themes
    THEME_TEXT = "theme_text"  # a theme name typed but not yet chosen
    HANDLING = "handling"  # the three radio buttons
    OWNER = "owner"  # a team member (combo box)
    DAY = "day"  # a date
    CHOICE = "choice"  # one value of an enum (combo box); the definition names the enum
    AREA = "area"  # an area (combo box)
    PICK = "pick"  # one record of a list (combo box): a partner, a meedenker, a team member
    PICKS = "picks"  # records ticked in a list: partners
    MONEY = "money"  # an amount in euros as typed; read when saving
    ACTIONS = "actions"  # agreed actions added to the form
    ACTION = "action"  # the agreed action still being typed
    MILESTONES = "milestones"  # an initiative's milestones as typed
    # what activities add (services.activity_record)
    TIME = "time"  # a time of day, or none
    COUNT = "count"  # a whole number, or "not counted"
    LINKS = "links"  # ticked records of another kind (signals, actions, initiatives)
    NEW_ACTIONS = "new_actions"  # actions agreed in the form, made when it is saved
    NEW_ACTION = "new_action"  # an action being typed, not yet added to those


@dataclass(frozen=True)
class FieldDef:
    key: str  # the draft's key, and the attribute of the record's input where it has one
    label: str  # Dutch: the form's label or check box text, the history's column
    kind: InputKind
    column: str | None = None  # the record's column; None: not stored there
    name: str | None = None  # in audit and history when not the column (themes: a link table)
    placeholder: str = ""  # Dutch, shown in an empty line
    accessible: str = ""  # Dutch, for a screen reader when the label is not next to it
    caption: str = ""  # Dutch, the text on a check box when it is not the label
    export_label: str = ""  # Dutch, the export's column header when it is not the label
    required: str = ""  # Dutch refusal when left empty; "" when optional
    max_length: int | None = None
    too_long: str = ""  # Dutch refusal when longer than max_length ({n}: the maximum)
    typed: bool = False  # text the user typed: a form holding it is not empty
    enum: type[Enum] | None = None  # the values of a CHOICE
    choices: tuple[Enum, ...] = ()  # the values a CHOICE offers, in order; () for all of enum
    refusal: str = ""  # the field a ValidationError names, when not the audit name or key

    @property
    def record_name(self) -> str | None:
        """The name audit and history use; None for a field that is not the record's."""
        return self.name or self.column

    def offered(self) -> tuple[Enum, ...]:
        """The values of a CHOICE in the order the form offers them."""
        return self.choices or tuple(self.enum or ())

    @property
    def error_name(self) -> str:
        """The field a refusal of this value names (the form puts the cursor there)."""
        return self.refusal or self.record_name or self.key


def check_text(definition: FieldDef, value: str) -> str:
    """The value stripped, or the definition's refusal when required and empty or too long."""
    text = value.strip()
    if definition.required and not text:
        raise ValidationError(definition.required, field=definition.error_name)
    if definition.max_length is not None and len(text) > definition.max_length:
        raise ValidationError(
            definition.too_long.format(n=definition.max_length), field=definition.error_name
        )
    return text


def record_labels(definitions: tuple[FieldDef, ...]) -> dict[str, str]:
    """{audit/history name: label}, for the history of a record."""
    return {d.record_name: d.label for d in definitions if d.record_name is not None}


def parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def parse_day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def is_typed(value: object) -> bool:
    """Whether a draft's value holds something typed (defaults and None do not count)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, tuple):
        return bool(value)
    return False


def to_json(definition: FieldDef, value: Any) -> Any:
    """A plain value's JSON form (ids and dates as text, "" for none, enums by value)."""
    kind = definition.kind
    if kind in (InputKind.THEMES, InputKind.PICKS):
        return [str(v) for v in value]
    if kind in (InputKind.AREA, InputKind.PICK):
        return str(value) if value else ""
    if kind in (InputKind.OWNER,):
        return str(value) if value else None
    if kind is InputKind.DAY:
        return value.isoformat() if value else None
    if isinstance(value, Enum):
        return value.value
    return value


def from_json(definition: FieldDef, raw: Any) -> Any:
    """A stored value read back; None when missing or unreadable (the form's default)."""
    kind = definition.kind
    if raw is None:
        return None
    if kind in (InputKind.THEMES, InputKind.PICKS):
        found = raw if isinstance(raw, list) else []
        return tuple(i for v in found if (i := parse_uuid(v)) is not None)
    if kind in (InputKind.AREA, InputKind.PICK, InputKind.OWNER):
        return parse_uuid(raw)
    if kind is InputKind.DAY:
        return parse_day(raw)
    if kind is InputKind.FLAG:
        return bool(raw)
    if definition.enum is not None:
        try:
            return definition.enum(raw)
        except ValueError:
            return None
    return str(raw)


@dataclass(frozen=True)
class AgreedAction:
    """An action agreed in a contact or an activity, part of its form's draft; created
    together with the record."""

    description: str
    owner_id: uuid.UUID | None = None
    owner_name: str = ""
    due_date: date | None = None

    def payload(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "owner_id": str(self.owner_id) if self.owner_id else "",
            "owner_name": self.owner_name,
            "due_date": self.due_date.isoformat() if self.due_date else "",
        }

    @classmethod
    def from_payload(cls, data: Any) -> AgreedAction | None:
        """A stored action; None when it holds no description (or is no action at all)."""
        if not isinstance(data, Mapping) or not str(data.get("description", "")).strip():
            return None
        owner, due = parse_uuid(data.get("owner_id")), parse_day(data.get("due_date"))
        if (data.get("owner_id") and owner is None) or (data.get("due_date") and due is None):
            owner, due = None, None  # as the form always read a damaged action
        return cls(str(data["description"]), owner, str(data.get("owner_name", "")), due)
