"""An initiative's fields, each defined once, and the typed draft of the initiative form.

One `FieldDef` per field (see `services.record_fields`): the form builds, reads, fills,
watches and compares its inputs from them; `services.initiatives` takes its refusals and
limits from them and the history its labels. Initiatives keep no stored drafts: the draft is
what the form holds, to tell unsaved input and to put a stored initiative back in the form.
Adding a field to initiatives means: the model, a migration, a `FieldDef` here with a field of
`InitiativeDraft` and `InitiativeInput`, its line in `services.initiatives._apply`/`_fields`,
and the outputs that show it (the form's layout, the list, the export).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from gebiedsapp.domain import InitiativeStatus
from gebiedsapp.services.money import parse_euros
from gebiedsapp.services.record_fields import FieldDef, InputKind, is_typed, record_labels

MAX_TITLE = 200
MAX_GROUP = 200
MAX_TEXT = 20_000

TITLE = FieldDef(
    "title",
    "Naam",
    InputKind.LINE,
    column="title",
    accessible="Naam van het initiatief",
    placeholder="bijv. 'Speeltuin Hoofdstraat' (verplicht)",
    required="Geef het initiatief een naam.",
    max_length=MAX_TITLE,
    too_long="De naam is te lang (hoogstens {n} tekens).",
    typed=True,
)
AREA = FieldDef("area_id", "Gebied", InputKind.AREA, column="area_id", refusal="area")
STATUS = FieldDef("status", "Status", InputKind.CHOICE, column="status", enum=InitiativeStatus)
SUPPORTER = FieldDef(
    "supporter_id",
    "Begeleider",
    InputKind.PICK,
    column="supporter_id",
    accessible="Begeleider uit het team",
    required="Kies wie het initiatief begeleidt.",  # when the one chosen is gone
    refusal="supporter",
)
STARTED = FieldDef("started_on", "Gestart op", InputKind.DAY, column="started_on")
ENDED = FieldDef(
    "ended_on",
    "Afgerond/gestopt op",
    InputKind.DAY,
    column="ended_on",
    accessible="Afgerond of gestopt op",
)
CARRIED_BY = FieldDef(
    "carried_by",
    "Gedragen door",
    InputKind.LINE,
    column="carried_by",
    placeholder="Groep of vereniging – geen naam van een bewoner",
    max_length=MAX_GROUP,
    too_long="'Gedragen door' is te lang (hoogstens {n} tekens).",
    typed=True,
)
REQUESTED = FieldDef(
    "budget_requested", "Budget aangevraagd", InputKind.MONEY, column="budget_requested",
    typed=True,
)  # fmt: skip
GRANTED = FieldDef(
    "budget_granted", "Budget toegekend", InputKind.MONEY, column="budget_granted", typed=True
)
SOURCE = FieldDef(
    "budget_source",
    "Bron van het budget",
    InputKind.LINE,
    column="budget_source",
    placeholder="bijv. leefbaarheidsbudget",
    max_length=MAX_GROUP,
    too_long="De bron van het budget is te lang (hoogstens {n} tekens).",
    typed=True,
)
MILESTONES = FieldDef(
    "milestones", "Mijlpalen", InputKind.MILESTONES, name="milestones", typed=True
)
DESCRIPTION = FieldDef(
    "description",
    "Omschrijving",
    InputKind.TEXT,
    column="description",
    placeholder="Wat willen de bewoners bereiken?",
    max_length=MAX_TEXT,
    too_long="De omschrijving is te lang (hoogstens {n} tekens).",
    typed=True,
)
SUPPORT = FieldDef(
    "support",
    "Ondersteuning",
    InputKind.TEXT,
    column="support",
    accessible="Ondersteuning door het team",
    placeholder="Advies, contacten, hulp bij een aanvraag…",
    max_length=MAX_TEXT,
    too_long="De ondersteuning is te lang (hoogstens {n} tekens).",
    typed=True,
)
THEMES = FieldDef("theme_ids", "Thema's", InputKind.THEMES, name="themes", typed=True)
PARTNERS = FieldDef("partner_ids", "Partners", InputKind.PICKS, name="partners", typed=True)

# What the initiative holds, in the order the form shows them.
RECORD_FIELDS: tuple[FieldDef, ...] = (
    TITLE,
    AREA,
    STATUS,
    SUPPORTER,
    STARTED,
    ENDED,
    CARRIED_BY,
    REQUESTED,
    GRANTED,
    SOURCE,
    MILESTONES,
    DESCRIPTION,
    SUPPORT,
    THEMES,
    PARTNERS,
)
BY_KEY: dict[str, FieldDef] = {d.key: d for d in RECORD_FIELDS}
# each text checked by its definition, in this order, before anything else of the input
CHECKED_TEXTS: tuple[FieldDef, ...] = tuple(
    d for d in RECORD_FIELDS if d.kind in (InputKind.LINE, InputKind.TEXT)
)  # the name, 'gedragen door', the budget's source, the description, the support


def initiative_labels() -> dict[str, str]:
    """{audit/history name: label}, for the history of an initiative."""
    return record_labels(RECORD_FIELDS)


@dataclass(frozen=True)
class MilestoneInput:
    description: str
    due_on: date | None = None
    reached_on: date | None = None
    id: uuid.UUID | None = None  # an existing milestone of this initiative; None for a new one


@dataclass(frozen=True)
class InitiativeInput:
    area_id: uuid.UUID
    title: str
    started_on: date
    status: InitiativeStatus = InitiativeStatus.IDEE
    ended_on: date | None = None  # required when the status is afgerond or gestopt
    carried_by: str = ""  # the group or organisation, never one resident's name
    supporter_id: uuid.UUID | None = None
    description: str = ""
    support: str = ""
    budget_requested: int | None = None  # cents
    budget_granted: int | None = None  # cents
    budget_source: str = ""
    theme_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    partner_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    milestones: Sequence[MilestoneInput] = field(default_factory=tuple)


@dataclass(frozen=True)
class MilestoneDraft:
    """One milestone as typed in the form; `id` is the stored milestone's (None when new)."""

    description: str = ""
    due: str = ""  # dd-mm-jjjj as typed
    reached: str = ""
    id: uuid.UUID | None = None

    def is_blank(self) -> bool:
        return not (self.description.strip() or self.due.strip() or self.reached.strip())


@dataclass(frozen=True)
class InitiativeDraft:
    """What the initiative form holds, complete or not. Amounts and milestone dates as typed
    (read when saving, so a typing error is reported and stays in its field); None for a day,
    the area or the status means the form's own (today, the screen's area, the first)."""

    title: str = ""
    area_id: uuid.UUID | None = None
    status: InitiativeStatus | None = None
    supporter_id: uuid.UUID | None = None
    started_on: date | None = None
    ended_on: date | None = None  # counts only with an end status: saving ignores it else
    carried_by: str = ""
    budget_requested: str = ""
    budget_granted: str = ""
    budget_source: str = ""
    milestones: tuple[MilestoneDraft, ...] = ()
    description: str = ""
    support: str = ""
    theme_ids: tuple[uuid.UUID, ...] = ()
    partner_ids: tuple[uuid.UUID, ...] = ()

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        compared = self.compared()  # blank new milestones do not count
        return not any(is_typed(compared[d.key]) for d in RECORD_FIELDS if d.typed)

    def compared(self) -> dict[str, Any]:
        """What tells unsaved input: texts without the spaces around them, an end day only
        with an end status, blank new milestones left out."""
        ended = self.status is not None and self.status.ended
        values: dict[str, Any] = {}
        for definition in RECORD_FIELDS:
            value = getattr(self, definition.key)
            if isinstance(value, str):
                value = value.strip()
            elif definition.kind in (InputKind.THEMES, InputKind.PICKS):
                value = tuple(sorted(value))
            elif definition.kind is InputKind.MILESTONES:
                value = tuple(
                    (m.description.strip(), m.due.strip(), m.reached.strip(), m.id)
                    for m in value
                    if not m.is_blank() or m.id is not None
                )
            values[definition.key] = value
        values[ENDED.key] = self.ended_on if ended else None
        return values


def initiative_input(draft: InitiativeDraft, *, area_id: uuid.UUID, today: date) -> InitiativeInput:
    """What saving the form's draft asks for, without its milestones (the form reads their
    dates); ValidationError for an amount that is not one."""
    status = draft.status or InitiativeStatus.IDEE
    return InitiativeInput(
        area_id=area_id,
        title=draft.title,
        started_on=draft.started_on or today,
        status=status,
        ended_on=draft.ended_on if status.ended else None,
        carried_by=draft.carried_by,
        supporter_id=draft.supporter_id,
        description=draft.description,
        support=draft.support,
        budget_requested=parse_euros(draft.budget_requested, field=REQUESTED.key),
        budget_granted=parse_euros(draft.budget_granted, field=GRANTED.key),
        budget_source=draft.budget_source,
        theme_ids=draft.theme_ids,
        partner_ids=draft.partner_ids,
    )


def draft_keys() -> set[str]:
    """The draft's fields (a test holds them equal to the definitions' keys)."""
    return {f.name for f in fields(InitiativeDraft)}
