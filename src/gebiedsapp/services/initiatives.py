"""Residents' initiatives (bewonersinitiatieven): record, follow, end, with their milestones.

An initiative is carried by a group of residents or an organisation; the team supports it with
advice, contacts and sometimes money. Its status runs from idee via voorbereiding and uitvoering
to afgerond, or it stops (gestopt); an ended one has the day it ended and can be taken up again
(the end day is then cleared). Editing keeps the earlier version in the record's history.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Initiative,
    InitiativeMilestone,
    InitiativeStatus,
    Partner,
    TeamMember,
    Theme,
    utcnow,
)
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.initiative_record import CHECKED_TEXTS, RECORD_FIELDS, SUPPORTER
from gebiedsapp.services.initiative_record import MAX_GROUP as MAX_GROUP  # with the fields
from gebiedsapp.services.initiative_record import MAX_TEXT as MAX_TEXT
from gebiedsapp.services.initiative_record import MAX_TITLE as MAX_TITLE
from gebiedsapp.services.initiative_record import InitiativeInput as InitiativeInput
from gebiedsapp.services.initiative_record import MilestoneInput as MilestoneInput
from gebiedsapp.services.record_edits import EditedRecord
from gebiedsapp.services.record_fields import FieldDef, InputKind, check_text
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.initiatives import InitiativeRepository

RECORD_TYPE = "initiative"
MAX_MILESTONE = 300
MAX_MILESTONES = 50


@dataclass(frozen=True)
class _Checked:
    themes: list[Theme]
    partners: list[Partner]
    milestones: list[MilestoneInput]


def _check(
    session: Session,
    data: InitiativeInput,
    *,
    today: date,
    new: bool,
    milestone_ids: frozenset[uuid.UUID] = frozenset(),
) -> _Checked:
    """Validate everything before anything changes; `new` refuses retired themes/partners;
    a milestone with an id must be one of `milestone_ids` (the initiative's own)."""
    area = AreaRepository(session).get(data.area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    for definition in CHECKED_TEXTS:  # refusals and limits from the field definitions
        check_text(definition, getattr(data, definition.key))
    _check_days(data, today=today)
    for amount, name in (
        (data.budget_requested, "budget_requested"),
        (data.budget_granted, "budget_granted"),
    ):
        if amount is not None and amount < 0:
            raise ValidationError("Een bedrag kan niet negatief zijn.", field=name)
    if data.supporter_id is not None:
        member = session.get(TeamMember, data.supporter_id)
        if member is None or member.is_deleted:
            raise ValidationError(SUPPORTER.required, field=SUPPORTER.error_name)
    themes, partners = _linked(session, data, new=new)
    return _Checked(themes, partners, _milestones(data, today=today, own=milestone_ids))


def _check_days(data: InitiativeInput, *, today: date) -> None:
    """The start not in the future; an ended one's end between its start and today."""
    if data.started_on > today:
        raise ValidationError("De startdatum ligt in de toekomst.", field="started_on")
    if data.status.ended:
        if data.ended_on is None:
            raise ValidationError(
                f"Vul in wanneer het initiatief is {data.status.label.lower()}.", field="ended_on"
            )
        if data.ended_on < data.started_on:
            raise ValidationError("De einddatum ligt vóór de startdatum.", field="ended_on")
        if data.ended_on > today:
            raise ValidationError("De einddatum ligt in de toekomst.", field="ended_on")


def _linked(
    session: Session, data: InitiativeInput, *, new: bool
) -> tuple[list[Theme], list[Partner]]:
    """The chosen themes and partners, each once; a new initiative refuses retired ones."""
    themes: list[Theme] = []
    for theme_id in dict.fromkeys(data.theme_ids):
        theme = session.get(Theme, theme_id)
        if theme is None or theme.is_deleted or (new and theme.retired):
            raise ValidationError("Een gekozen thema bestaat niet (meer).", field="themes")
        themes.append(theme)
    partners: list[Partner] = []
    for partner_id in dict.fromkeys(data.partner_ids):
        partner = session.get(Partner, partner_id)
        if partner is None or partner.is_deleted or (new and partner.retired):
            raise ValidationError("Een gekozen partner bestaat niet (meer).", field="partners")
        partners.append(partner)
    return themes, partners


def _milestones(
    data: InitiativeInput, *, today: date, own: frozenset[uuid.UUID]
) -> list[MilestoneInput]:
    """The milestones cleaned; each described, reached neither in the future nor before the
    start, and an existing one only of this initiative (`own`)."""
    if len(data.milestones) > MAX_MILESTONES:
        raise ValidationError(
            f"Hoogstens {MAX_MILESTONES} mijlpalen per initiatief.", field="milestones"
        )
    milestones = []
    ids = [step.id for step in data.milestones if step.id is not None]
    if len(ids) != len(set(ids)):
        raise ValidationError("Een mijlpaal staat twee keer in de lijst.", field="milestones")
    for step in data.milestones:
        if step.id is not None and step.id not in own:
            raise NotFoundError("Een mijlpaal van dit initiatief bestaat niet (meer).")
        text = step.description.strip()
        if not text:
            raise ValidationError("Beschrijf elke mijlpaal.", field="milestones")
        if len(text) > MAX_MILESTONE:
            raise ValidationError(
                f"Een mijlpaal is te lang (hoogstens {MAX_MILESTONE} tekens).", field="milestones"
            )
        if step.reached_on is not None and step.reached_on > today:
            raise ValidationError(
                f"Mijlpaal '{text}' is bereikt op een dag in de toekomst.", field="milestones"
            )
        if step.reached_on is not None and step.reached_on < data.started_on:
            raise ValidationError(
                f"Mijlpaal '{text}' is bereikt vóór de start van het initiatief.",
                field="milestones",
            )
        milestones.append(
            MilestoneInput(text, due_on=step.due_on, reached_on=step.reached_on, id=step.id)
        )
    return milestones


COLUMN_FIELDS = tuple(d for d in RECORD_FIELDS if d.column is not None)


def _stored(definition: FieldDef, value: object) -> object:
    """A value as it is stored: a line without doubled spaces, a text without blank edges."""
    if isinstance(value, str) and definition.kind is InputKind.LINE:
        return " ".join(value.split())
    if isinstance(value, str) and definition.kind is InputKind.TEXT:
        return value.strip()
    return value


def _apply(session: Session, row: Initiative, data: InitiativeInput, checked: _Checked) -> None:
    for definition in COLUMN_FIELDS:
        assert definition.column is not None
        setattr(row, definition.column, _stored(definition, getattr(data, definition.key)))
    if not data.status.ended:
        row.ended_on = None  # an end day only with an end status
    row.themes = checked.themes
    row.partners = checked.partners
    existing = {m.id: m for m in row.milestones if not m.is_deleted}
    kept: set[uuid.UUID] = set()
    for step in checked.milestones:
        milestone = existing.get(step.id) if step.id is not None else None
        if milestone is None:  # a new one (_check refused unknown ids)
            milestone = InitiativeMilestone(initiative=row)
            session.add(milestone)
        else:
            kept.add(milestone.id)
        milestone.description = step.description
        milestone.due_on = step.due_on
        milestone.reached_on = step.reached_on
    for milestone_id, milestone in existing.items():
        if milestone_id not in kept:
            milestone.deleted_at = utcnow()  # a tombstone, as every removed record


def create_initiative(session: Session, data: InitiativeInput, *, today: date) -> Initiative:
    checked = _check(session, data, today=today, new=True)
    row = Initiative(milestones=[])
    _apply(session, row, data, checked)
    session.add(row)
    session.flush()
    return row


def _fields(row: Initiative) -> dict[str, object]:
    """The initiative's fields by their audit name, as history compares them."""
    values: dict[str, object] = {
        d.column: getattr(row, d.column) for d in COLUMN_FIELDS if d.column is not None
    }
    return {
        **values,
        "themes": [t.id for t in row.themes],
        "partners": [p.id for p in row.partners],
        "milestones": [
            f"{m.description} | {m.due_on or ''} | {m.reached_on or ''}"
            for m in row.milestones
            if not m.is_deleted
        ],
    }


INITIATIVE = EditedRecord(
    record_type=RECORD_TYPE,
    gone="Dit initiatief bestaat niet (meer).",
    find=lambda session, record_id: InitiativeRepository(session).get(record_id),
    fields=_fields,
)


def edit_initiative(
    session: Session, initiative_id: uuid.UUID, data: InitiativeInput, *, today: date
) -> Initiative:
    """Change an initiative; what changed is kept in its history."""
    row = INITIATIVE.existing(session, initiative_id)
    own = frozenset(m.id for m in row.milestones if not m.is_deleted)
    checked = _check(session, data, today=today, new=False, milestone_ids=own)
    with INITIATIVE.edit(session, row, draft_id=None):
        _apply(session, row, data, checked)
    return row


def remove_initiative(session: Session, initiative_id: uuid.UUID) -> None:
    """Remove an initiative entered by mistake (a tombstone; its history stays)."""
    INITIATIVE.remove(session, initiative_id)


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneView:
    id: uuid.UUID
    description: str
    due_on: date | None
    reached_on: date | None

    def late(self, today: date) -> bool:
        return self.reached_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class InitiativeView:
    id: uuid.UUID
    title: str
    area_id: uuid.UUID
    area_name: str
    status: InitiativeStatus
    started_on: date
    ended_on: date | None
    carried_by: str
    supporter_id: uuid.UUID | None
    supporter_name: str
    description: str
    support: str
    budget_requested: int | None
    budget_granted: int | None
    budget_source: str
    themes: tuple[str, ...]
    theme_ids: tuple[uuid.UUID, ...]
    partners: tuple[str, ...]
    partner_ids: tuple[uuid.UUID, ...]
    milestones: tuple[MilestoneView, ...]  # by due day (undated last), then as entered
    author: str
    version: int

    @property
    def next_milestone(self) -> MilestoneView | None:
        """The first milestone not reached yet (by due day), if any."""
        return next((m for m in self.milestones if m.reached_on is None), None)

    @property
    def reached(self) -> int:
        return sum(1 for m in self.milestones if m.reached_on is not None)


def _milestone_order(m: InitiativeMilestone) -> tuple[bool, date, object]:
    return (m.due_on is None, m.due_on or date.min, m.created_at)


def initiative_view(row: Initiative) -> InitiativeView:
    steps = sorted((m for m in row.milestones if not m.is_deleted), key=_milestone_order)
    return InitiativeView(
        id=row.id,
        title=row.title,
        area_id=row.area_id,
        area_name=row.area.name,
        status=row.status,
        started_on=row.started_on,
        ended_on=row.ended_on,
        carried_by=row.carried_by,
        supporter_id=row.supporter_id,
        supporter_name=row.supporter.name if row.supporter else "",
        description=row.description,
        support=row.support,
        budget_requested=row.budget_requested,
        budget_granted=row.budget_granted,
        budget_source=row.budget_source,
        themes=tuple(sorted(t.name for t in row.themes)),
        theme_ids=tuple(t.id for t in row.themes),
        partners=tuple(sorted(p.name for p in row.partners)),
        partner_ids=tuple(p.id for p in row.partners),
        milestones=tuple(MilestoneView(m.id, m.description, m.due_on, m.reached_on) for m in steps),
        author=row.created_by,
        version=row.version,
    )


def get_initiative(session: Session, initiative_id: uuid.UUID) -> InitiativeView:
    return initiative_view(INITIATIVE.existing(session, initiative_id))


def list_initiatives(
    session: Session,
    *,
    area_ids: frozenset[uuid.UUID] | set[uuid.UUID] | None,
    include_ended: bool,
) -> list[InitiativeView]:
    """The initiatives of these areas (None: all), newest start first."""
    rows = InitiativeRepository(session).initiatives(area_ids=area_ids, include_ended=include_ended)
    return [initiative_view(r) for r in rows]


class InitiativeListItem(NamedTuple):
    """What Initiatieven's list shows of an initiative, read without ORM objects (issue 19:
    at ten times today's data loading every initiative with its milestones, themes and
    partners left thousands of objects for the GUI thread's garbage collections). The id as
    an int (`uuid.int`); the next milestone is the first not reached, in the form's order."""

    key: int
    title: str
    status: InitiativeStatus
    area_name: str
    started_on: date
    ended_on: date | None
    carried_by: str
    supporter_name: str
    themes: tuple[str, ...]  # sorted
    budget_granted: int | None
    next_description: str | None  # None: every milestone reached (or none)
    next_due: date | None
    reached: int
    milestones: int

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(int=self.key)


def _key(value: str | uuid.UUID) -> int:
    return value.int if isinstance(value, uuid.UUID) else int(value.replace("-", ""), 16)


def initiative_list(
    session: Session,
    *,
    area_ids: frozenset[uuid.UUID] | set[uuid.UUID] | None,
    include_ended: bool,
) -> list[InitiativeListItem]:
    """`list_initiatives` as its list shows it: the same initiatives in the same order."""
    rows, themes, steps = InitiativeRepository(session).listed(
        area_ids=area_ids, include_ended=include_ended
    )
    names: dict[int, list[str]] = {}
    for theme in themes:
        names.setdefault(_key(theme.initiative_key), []).append(theme.name)
    counts: dict[int, list[int]] = {}  # reached, in all
    first: dict[int, tuple[str, date | None]] = {}
    for step in steps:
        key = _key(step.initiative_key)
        count = counts.setdefault(key, [0, 0])
        count[1] += 1
        if step.reached_on is not None:
            count[0] += 1
        elif key not in first:
            first[key] = (step.description, step.due_on)
    items = []
    for row in rows:
        key = _key(row.key)
        reached, total = counts.get(key, (0, 0))
        description, due = first.get(key, (None, None))
        items.append(
            InitiativeListItem(
                key,
                row.title,
                row.status,
                row.area_name,
                row.started_on,
                row.ended_on,
                row.carried_by,
                row.supporter_name or "",
                tuple(sorted(names.get(key, ()))),
                row.budget_granted,
                description,
                due,
                reached,
                total,
            )
        )
    return items
