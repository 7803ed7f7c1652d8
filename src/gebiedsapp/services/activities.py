"""Activities beside the koffiekar: a bewonersavond, a dorpsschouw, a meeting with a
dorpsvereniging, or another gathering. Recorded like a contact: the form keeps a draft while
typing, saving deletes it in the same transaction, an edit keeps the earlier version in the
record's history, removing leaves a tombstone. Notes and outcomes are free text for the team:
no residents' names (inzage and verwijdering search them, storage.repositories.free_text);
summaries show counts and themes only.

An activity may be planned ahead (a date in the future, for the agenda); how many came is
filled in afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Activity,
    ActivityKind,
    FollowUp,
    Initiative,
    Signal,
    Theme,
)
from gebiedsapp.services.actions import MAX_DESCRIPTION, create_follow_up
from gebiedsapp.services.activity_record import (
    MAX_ATTENDANCE,
    RECORD_FIELDS,
    ActivityDraft,
    record_values,
)
from gebiedsapp.services.conversation_record import InputKind
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.record_edits import EditedRecord
from gebiedsapp.storage.repositories.activities import ActivityRepository
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.drafts import DraftRepository

RECORD_TYPE = "activity"
SIGNALS_SINCE_DAYS = 180  # a form offers the open signals and those of the last half year


@dataclass(frozen=True)
class NewAction:
    """An action agreed at the activity, made with it (and linked to it) when it is saved."""

    description: str
    owner_id: uuid.UUID | None = None
    due_date: date | None = None


@dataclass(frozen=True)
class ActivityInput:
    area_id: uuid.UUID
    kind: ActivityKind
    day: date
    subject: str
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    attendance: int | None = None  # None: not counted (yet)
    notes: str = ""
    outcomes: str = ""
    theme_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    signal_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    action_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    initiative_ids: Sequence[uuid.UUID] = field(default_factory=tuple)
    new_actions: Sequence[NewAction] = field(default_factory=tuple)


def activity_input(draft: ActivityDraft) -> ActivityInput | None:
    """What the form holds as the service's input: each record field as its definition says,
    and the agreed actions with the one still typed (typed text is never dropped). None when
    the draft has no area (none could be chosen)."""
    if draft.area_id is None:
        return None
    agreed = [*draft.new_actions, *([draft.new_action] if draft.new_action else [])]
    values = {d.key: getattr(draft, d.key) for d in RECORD_FIELDS}
    values["kind"] = draft.kind or next(iter(ActivityKind))
    values["day"] = draft.day or date.today()
    return ActivityInput(
        **values,
        new_actions=tuple(NewAction(a.description, a.owner_id, a.due_date) for a in agreed),
    )


@dataclass(frozen=True)
class _Links:
    themes: list[Theme]
    signals: list[Signal]
    actions: list[FollowUp]
    initiatives: list[Initiative]


def _check_texts(data: ActivityInput) -> None:
    """Each text field's own check, from its definition: what is required first."""
    texts = [
        (d, value.strip()) for d in RECORD_FIELDS if isinstance(value := getattr(data, d.key), str)
    ]
    for definition, text in texts:
        if definition.required and not text:
            raise ValidationError(definition.required, field=definition.record_name)
    for definition, text in texts:
        if definition.max_length is not None and len(text) > definition.max_length:
            raise ValidationError(
                definition.too_long.format(n=definition.max_length), field=definition.record_name
            )


def _check(session: Session, data: ActivityInput, *, today: date, new: bool) -> _Links:
    """Everything is checked before anything changes; `new` refuses retired themes."""
    area = AreaRepository(session).get(data.area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    _check_texts(data)
    if data.start_time is None and data.end_time is not None:
        raise ValidationError("Vul ook in hoe laat de activiteit begon.", field="start_time")
    if (
        data.start_time is not None
        and data.end_time is not None
        and (data.end_time <= data.start_time)
    ):
        raise ValidationError("De eindtijd ligt niet na de begintijd.", field="end_time")
    if data.attendance is not None:
        if data.attendance < 0 or data.attendance > MAX_ATTENDANCE:
            raise ValidationError(
                f"Het aantal aanwezigen ligt tussen 0 en {MAX_ATTENDANCE}.", field="attendance"
            )
        if data.day > today:
            raise ValidationError(
                "Het aantal aanwezigen vul je in na de activiteit, niet ervoor.",
                field="attendance",
            )
    for agreed in data.new_actions:  # before anything is made (create_follow_up flushes)
        if not agreed.description.strip():
            raise ValidationError("Beschrijf wat er moet gebeuren.", field="new_actions")
        if len(agreed.description.strip()) > MAX_DESCRIPTION:
            raise ValidationError("De beschrijving van de actie is te lang.", field="new_actions")
    themes: list[Theme] = []
    for theme_id in dict.fromkeys(data.theme_ids):
        theme = session.get(Theme, theme_id)
        if theme is None or theme.is_deleted or (new and theme.retired):
            raise ValidationError("Een gekozen thema bestaat niet (meer).", field="themes")
        themes.append(theme)
    signals: list[Signal] = []
    for signal_id in dict.fromkeys(data.signal_ids):
        signal = session.get(Signal, signal_id)
        if signal is None or signal.is_deleted:
            raise ValidationError("Een gekoppeld signaal bestaat niet (meer).", field="signals")
        signals.append(signal)
    actions: list[FollowUp] = []
    for action_id in dict.fromkeys(data.action_ids):
        action = session.get(FollowUp, action_id)
        if action is None or action.is_deleted:
            raise ValidationError("Een gekoppelde actie bestaat niet (meer).", field="actions")
        actions.append(action)
    initiatives: list[Initiative] = []
    for initiative_id in dict.fromkeys(data.initiative_ids):
        initiative = session.get(Initiative, initiative_id)
        if initiative is None or initiative.is_deleted:
            raise ValidationError(
                "Een gekoppeld initiatief bestaat niet (meer).", field="initiatives"
            )
        initiatives.append(initiative)
    return _Links(themes, signals, actions, initiatives)


def _apply(row: Activity, data: ActivityInput, links: _Links) -> None:
    """Each stored field as its definition says (a line's spaces folded, a text trimmed),
    then the links."""
    for definition in RECORD_FIELDS:
        if definition.column is None:
            continue
        value = getattr(data, definition.key)
        if definition.kind is InputKind.LINE:
            value = " ".join(value.split())
        elif definition.kind is InputKind.TEXT:
            value = value.strip()
        setattr(row, definition.column, value)
    row.themes = links.themes
    row.signals = links.signals
    row.actions = links.actions
    row.initiatives = links.initiatives


def _agreed(session: Session, data: ActivityInput) -> list[FollowUp]:
    """The new actions, made in the activity's area (each checked as any action is)."""
    return [
        create_follow_up(
            session,
            description=action.description,
            area_id=data.area_id,
            owner_id=action.owner_id,
            due_date=action.due_date,
        )
        for action in data.new_actions
    ]


def record_activity(
    session: Session, data: ActivityInput, *, today: date, draft_id: uuid.UUID | None = None
) -> Activity:
    links = _check(session, data, today=today, new=True)
    links.actions.extend(_agreed(session, data))
    row = Activity(themes=[], signals=[], actions=[], initiatives=[])
    _apply(row, data, links)
    session.add(row)
    if draft_id is not None:
        DraftRepository(session).delete(draft_id)
    session.flush()
    return row


ACTIVITY = EditedRecord(
    record_type=RECORD_TYPE,
    gone="Deze activiteit bestaat niet (meer).",
    find=lambda session, record_id: ActivityRepository(session).get(record_id),
    fields=record_values,
)


def edit_activity(
    session: Session,
    activity_id: uuid.UUID,
    data: ActivityInput,
    *,
    today: date,
    draft_id: uuid.UUID | None = None,
) -> Activity:
    """Change an activity; what it was before is kept in its history."""
    row = ACTIVITY.existing(session, activity_id)
    links = _check(session, data, today=today, new=False)
    with ACTIVITY.edit(session, row, draft_id=draft_id):
        links.actions.extend(_agreed(session, data))
        _apply(row, data, links)
    return row


def remove_activity(session: Session, activity_id: uuid.UUID) -> None:
    """Remove an activity entered by mistake (a tombstone; its history stays)."""
    ACTIVITY.remove(session, activity_id)


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkOption:
    id: uuid.UUID
    text: str


@dataclass(frozen=True)
class ActivityView:
    id: uuid.UUID
    area_id: uuid.UUID
    area_name: str
    kind: ActivityKind
    day: date
    start_time: time | None
    end_time: time | None
    place: str
    subject: str
    attendance: int | None
    notes: str
    outcomes: str
    themes: tuple[str, ...]
    theme_ids: tuple[uuid.UUID, ...]
    signals: tuple[LinkOption, ...]
    actions: tuple[LinkOption, ...]
    initiatives: tuple[LinkOption, ...]
    author: str
    version: int

    def planned(self, today: date) -> bool:
        return self.day > today


def activity_draft(view: ActivityView) -> ActivityDraft:
    """A recorded activity as its form's draft (to edit it)."""
    values = {d.key: getattr(view, d.key) for d in RECORD_FIELDS if d.kind is not InputKind.LINKS}
    return ActivityDraft(
        **values,
        signal_ids=tuple(o.id for o in view.signals),
        action_ids=tuple(o.id for o in view.actions),
        initiative_ids=tuple(o.id for o in view.initiatives),
    )


def signal_text(day: date, category: str, location: str) -> str:
    where = f" – {location}" if location else ""
    return f"{day:%d-%m-%Y} {category}{where}"


def action_text(description: str, due: date | None) -> str:
    line = " ".join(description.split())
    line = line if len(line) <= 90 else line[:89] + "…"
    return f"{line} (uiterlijk {due:%d-%m-%Y})" if due else line


def activity_view(row: Activity) -> ActivityView:
    return ActivityView(
        id=row.id,
        area_id=row.area_id,
        area_name=row.area.name,
        kind=row.kind,
        day=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        place=row.place,
        subject=row.subject,
        attendance=row.attendance,
        notes=row.notes,
        outcomes=row.outcomes,
        themes=tuple(t.name for t in row.themes),
        theme_ids=tuple(t.id for t in row.themes),
        signals=tuple(
            LinkOption(s.id, signal_text(s.reported_on, s.category.name, s.location))
            for s in row.signals
            if not s.is_deleted
        ),
        actions=tuple(
            LinkOption(a.id, action_text(a.description, a.due_date))
            for a in row.actions
            if not a.is_deleted
        ),
        initiatives=tuple(LinkOption(i.id, i.title) for i in row.initiatives if not i.is_deleted),
        author=row.created_by,
        version=row.version,
    )


def get_activity(session: Session, activity_id: uuid.UUID) -> ActivityView:
    return activity_view(ACTIVITY.existing(session, activity_id))


def list_activities(
    session: Session,
    *,
    area_ids: frozenset[uuid.UUID] | set[uuid.UUID] | None,
    start: date | None = None,
    end: date | None = None,
) -> list[ActivityView]:
    """The activities of these areas (None: all) in [start, end], newest first."""
    rows = ActivityRepository(session).activities(area_ids=area_ids, start=start, end=end)
    return [activity_view(r) for r in rows]


@dataclass(frozen=True)
class LinkOptions:
    """What an activity of an area may be linked to: its open or recent signals, its open
    actions and its running initiatives."""

    signals: tuple[LinkOption, ...]
    actions: tuple[LinkOption, ...]
    initiatives: tuple[LinkOption, ...]


def link_options(
    session: Session, *, area_ids: frozenset[uuid.UUID] | set[uuid.UUID] | None, today: date
) -> LinkOptions:
    repo = ActivityRepository(session)
    since = today - timedelta(days=SIGNALS_SINCE_DAYS)
    return LinkOptions(
        signals=tuple(
            LinkOption(s.id, signal_text(s.reported_on, s.category, s.location))
            for s in repo.signal_options(area_ids, since)
        ),
        actions=tuple(
            LinkOption(a.id, action_text(a.description, a.due))
            for a in repo.action_options(area_ids)
        ),
        initiatives=tuple(LinkOption(i.id, i.title) for i in repo.initiative_options(area_ids)),
    )
