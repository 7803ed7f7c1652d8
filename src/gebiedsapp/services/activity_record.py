"""An activity's fields, each defined once, and the typed draft of its form.

As for conversations (`services.conversation_record`): one `FieldDef` per field says its draft
key (the attribute of `ActivityInput` and `ActivityDraft`), its label (the history's), the
column or link it is stored in (audit and history name it so), how it is typed in and how it is
checked. The form's payload, fill, empty check and input read these definitions, the service's
check takes its texts and limits from them, and an edit's history lists the stored ones. Adding
a field to activities means: the model, a migration, a `FieldDef` here (and a field of
`ActivityDraft` and `ActivityInput`), its widget in the form, and the outputs that show it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, time
from typing import Any

from gebiedsapp.domain import ActivityKind
from gebiedsapp.services.record_fields import AgreedAction as AgreedAction  # shared
from gebiedsapp.services.record_fields import FieldDef, InputKind, parse_day, parse_uuid
from gebiedsapp.services.record_fields import record_labels as shared_record_labels

MAX_PLACE = 200
MAX_SUBJECT = 300
MAX_TEXT = 20_000
MAX_ATTENDANCE = 100_000

DAY = FieldDef("day", "Datum", InputKind.DAY, column="date")
START_TIME = FieldDef("start_time", "Begintijd", InputKind.TIME, column="start_time")
END_TIME = FieldDef("end_time", "Eindtijd", InputKind.TIME, column="end_time")
KIND = FieldDef("kind", "Soort", InputKind.CHOICE, column="kind", enum=ActivityKind)
AREA = FieldDef("area_id", "Gebied", InputKind.AREA, column="area_id")
PLACE = FieldDef(
    "place",
    "Plaats",
    InputKind.LINE,
    column="place",
    max_length=MAX_PLACE,
    too_long="De plaats is te lang (hoogstens {n} tekens).",
    typed=True,
)
ATTENDANCE = FieldDef("attendance", "Aanwezig", InputKind.COUNT, column="attendance", typed=True)
SUBJECT = FieldDef(
    "subject",
    "Onderwerp",
    InputKind.LINE,
    column="subject",
    required="Vul in waar de activiteit over ging.",
    max_length=MAX_SUBJECT,
    too_long="Het onderwerp is te lang (hoogstens {n} tekens).",
    typed=True,
)
NOTES = FieldDef(
    "notes",
    "Aantekeningen",
    InputKind.TEXT,
    column="notes",
    max_length=MAX_TEXT,
    too_long="De aantekeningen zijn te lang (hoogstens {n} tekens).",
    typed=True,
)
OUTCOMES = FieldDef(
    "outcomes",
    "Uitkomsten",
    InputKind.TEXT,
    column="outcomes",
    max_length=MAX_TEXT,
    too_long="De uitkomsten zijn te lang (hoogstens {n} tekens).",
    typed=True,
)
THEMES = FieldDef("theme_ids", "Thema's", InputKind.THEMES, name="themes", typed=True)
SIGNALS = FieldDef("signal_ids", "Gekoppelde signalen", InputKind.LINKS, name="signals", typed=True)
ACTIONS = FieldDef("action_ids", "Gekoppelde acties", InputKind.LINKS, name="actions", typed=True)
INITIATIVES = FieldDef(
    "initiative_ids", "Gekoppelde initiatieven", InputKind.LINKS, name="initiatives", typed=True
)

# What the activity record itself holds (or links), in the order the form shows them.
RECORD_FIELDS: tuple[FieldDef, ...] = (
    DAY,
    START_TIME,
    END_TIME,
    KIND,
    PLACE,
    AREA,
    SUBJECT,
    ATTENDANCE,
    THEMES,
    NOTES,
    OUTCOMES,
    SIGNALS,
    ACTIONS,
    INITIATIVES,
)
# What else the form holds: the actions agreed at the activity, and one still being typed.
NEW_ACTIONS = FieldDef("new_actions", "Nieuwe acties", InputKind.NEW_ACTIONS, typed=True)
NEW_ACTION = FieldDef("new_action", "Nieuwe actie (getypt)", InputKind.NEW_ACTION, typed=True)
FORM_FIELDS: tuple[FieldDef, ...] = (NEW_ACTIONS, NEW_ACTION)
DRAFT_FIELDS: tuple[FieldDef, ...] = RECORD_FIELDS + FORM_FIELDS
BY_KEY: dict[str, FieldDef] = {d.key: d for d in DRAFT_FIELDS}


def record_labels() -> dict[str, str]:
    """{audit/history name: label}, for the history of an activity."""
    return shared_record_labels(RECORD_FIELDS)


def record_values(row: object) -> dict[str, object]:
    """{audit/history name: value} of a stored activity: a column's value, a link's ids."""
    values: dict[str, object] = {}
    for definition in RECORD_FIELDS:
        if definition.column is not None:
            values[definition.column] = getattr(row, definition.column)
        elif definition.name is not None:
            values[definition.name] = [linked.id for linked in getattr(row, definition.name)]
    return values


@dataclass(frozen=True)
class ActivityDraft:
    """What the activity form holds, complete or not (the payload of its draft).

    None for the day, the kind or the area means "the form's proposal": today, the first kind,
    the navigator's area; None for the attendance: not counted (yet)."""

    day: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    kind: ActivityKind | None = None
    place: str = ""
    area_id: uuid.UUID | None = None
    subject: str = ""
    attendance: int | None = None
    theme_ids: tuple[uuid.UUID, ...] = ()
    notes: str = ""
    outcomes: str = ""
    signal_ids: tuple[uuid.UUID, ...] = ()
    action_ids: tuple[uuid.UUID, ...] = ()
    initiative_ids: tuple[uuid.UUID, ...] = ()
    new_actions: tuple[AgreedAction, ...] = ()
    new_action: AgreedAction | None = None

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (the form's proposals do not count)."""
        return not any(_typed(getattr(self, d.key)) for d in DRAFT_FIELDS if d.typed)

    def to_json(self) -> dict[str, Any]:
        """The draft as stored: plain JSON values, in the shape drafts have always had."""
        return {d.key: _to_json(d.kind, getattr(self, d.key)) for d in DRAFT_FIELDS}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ActivityDraft:
        """Read a stored draft (of any earlier version); a missing or unreadable value gives
        the form's default."""
        values: dict[str, Any] = {}
        for definition in DRAFT_FIELDS:
            raw = data.get(definition.key)
            if raw is not None:
                values[definition.key] = _from_json(definition.kind, raw)
        return replace(cls(), **{k: v for k, v in values.items() if v is not _UNREADABLE})


_UNREADABLE = object()


def _to_json(kind: InputKind, value: Any) -> Any:
    if kind in (InputKind.THEMES, InputKind.LINKS):
        return [str(i) for i in value]
    if kind is InputKind.NEW_ACTIONS:
        return [a.payload() for a in value]
    if kind is InputKind.NEW_ACTION:
        return value.payload() if value is not None else {}
    if kind is InputKind.COUNT:
        return value
    if kind is InputKind.CHOICE:
        return value.value if value is not None else ""
    if kind in (InputKind.DAY, InputKind.TIME):
        return value.isoformat() if value is not None else ""
    if kind is InputKind.AREA:
        return str(value) if value is not None else ""
    return value


def _from_json(kind: InputKind, raw: Any) -> Any:
    if kind in (InputKind.THEMES, InputKind.LINKS):
        found = raw if isinstance(raw, list) else []
        return tuple(i for value in found if (i := parse_uuid(value)) is not None)
    if kind is InputKind.NEW_ACTIONS:
        found = raw if isinstance(raw, list) else []
        return tuple(a for value in found if (a := AgreedAction.from_payload(value)) is not None)
    if kind is InputKind.NEW_ACTION:
        return AgreedAction.from_payload(raw)
    if kind is InputKind.COUNT:
        ok = isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= MAX_ATTENDANCE
        return raw if ok else _UNREADABLE
    if kind is InputKind.CHOICE:
        try:
            return ActivityKind(raw)
        except ValueError:
            return _UNREADABLE
    if kind is InputKind.DAY:
        return parse_day(raw)
    if kind is InputKind.TIME:
        try:
            return time.fromisoformat(str(raw)) if raw else None
        except ValueError:
            return None
    if kind is InputKind.AREA:
        return parse_uuid(raw)
    return str(raw)


def _typed(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, int):
        return True  # a count, 0 included
    return bool(value)  # links, actions, a typed action


def draft_keys() -> set[str]:
    """The draft's fields (a test holds them equal to the definitions' keys)."""
    return {f.name for f in fields(ActivityDraft)}
