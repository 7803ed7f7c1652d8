"""What the signals screen shows: the filtered list (overdue first, with counts per status)
and one signal's detail with its history in words. Read-only; plain, detached data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Partner,
    Priority,
    Signal,
    SignalCategory,
    SignalField,
    SignalHistory,
    SignalSource,
    SignalStatus,
)
from gebiedsapp.domain.deadlines import deadline_label
from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.domain.signal_workflow import ALLOWED, CLOSED, OPEN
from gebiedsapp.services.signals import get_signal
from gebiedsapp.services.taxonomy import list_categories
from gebiedsapp.storage.repositories.signal_photos import SignalPhotoRepository
from gebiedsapp.storage.repositories.signal_views import SignalViewRepository
from gebiedsapp.storage.repositories.signals import SignalRepository

# The order in which the list shows signals: worst deadline label first.
_LABEL_ORDER = {DeadlineLabel.RUIM_BUITEN: 0, DeadlineLabel.BUITEN: 1, DeadlineLabel.BINNEN: 2}


@dataclass(frozen=True)
class SignalFilter:
    area_ids: frozenset[uuid.UUID] | None = None
    statuses: frozenset[SignalStatus] | None = None  # None: all
    category_id: uuid.UUID | None = None  # a top-level category includes its children
    partner_id: uuid.UUID | None = None
    priority: Priority | None = None
    label: DeadlineLabel | None = None
    start: date | None = None
    end: date | None = None
    buurt_code: str | None = None
    awaiting_feedback: bool = False  # closed signals whose reporter still waits


@dataclass(frozen=True)
class SignalRow:
    key: str  # the id as text (cheap to load in bulk); `id` turns it into a UUID
    reported_on: date
    category: str
    buurt_code: str | None
    buurt_name: str
    status: SignalStatus
    priority: Priority
    partner: str
    deadline: date
    closed_on: date | None
    label: DeadlineLabel
    area_name: str
    description: str
    is_child: bool

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(self.key)


@dataclass(frozen=True)
class SignalList:
    rows: list[SignalRow]
    counts: dict[SignalStatus, int]  # per status, with every filter but status and label
    # with a `limit`: the rows are the first ones; these say what the whole list holds
    total: int | None = None  # the list's length
    open_keys: frozenset[str] | None = None  # the ids (as text) of its signals still open
    open_per_buurt: dict[str, int] | None = None  # its open signals per buurt code

    @property
    def length(self) -> int:
        return len(self.rows) if self.total is None else self.total


def _category_ids(session: Session, category_id: uuid.UUID | None) -> set[uuid.UUID] | None:
    if category_id is None:
        return None
    return {category_id} | {c.id for c in list_categories(session) if c.parent_id == category_id}


def sort_overdue_first(rows: list[SignalRow]) -> list[SignalRow]:
    """Ruim buiten de termijn, then buiten, then the rest; each by deadline, oldest first
    (then by id: the same order whether the whole list is read or its first rows)."""
    return sorted(rows, key=lambda r: (_LABEL_ORDER[r.label], r.deadline, r.reported_on, r.key))


def list_signals(
    session: Session, filters: SignalFilter, *, today: date, limit: int | None = None
) -> SignalList:
    """The signals the filters choose, overdue first. With `limit` only the first `limit`
    rows are made (Signalen shows 5,000), and `total`, `open_keys` and `open_per_buurt` say
    what the whole list holds: on ten times today's data Winschoten has 62,000 signals, and
    making a row (texts and names) of each took seconds and left that many objects for the
    GUI thread's garbage collections (issue 19)."""
    repo = SignalViewRepository(session)
    common = _common(session, filters)
    if limit is not None:
        return _first_signals(repo, filters, common, today=today, limit=limit)
    rows = [
        row
        for found in repo.rows(statuses=filters.statuses, **common)
        if (row := _signal_row(found, today, filters.label)) is not None
    ]
    return SignalList(rows=sort_overdue_first(rows), counts=repo.status_counts(**common))


def _common(session: Session, filters: SignalFilter) -> dict[str, Any]:
    """The repository's filters but status and label."""
    return {
        "area_ids": filters.area_ids,
        "category_ids": _category_ids(session, filters.category_id),
        "partner_id": filters.partner_id,
        "priority": filters.priority,
        "start": filters.start,
        "end": filters.end,
        "buurt_code": filters.buurt_code,
        "awaiting_feedback": CLOSED if filters.awaiting_feedback else None,
    }


def first_signal_rows(
    session: Session, filters: SignalFilter, *, today: date, limit: int
) -> list[SignalRow]:
    """The first `limit` rows of `list_signals` (the same rows in the same order), sorted and
    cut by the database: Signalen shows them while the whole list is read and counted after
    (issue 19: on ten times today's data Winschoten's 62,000 signals took over a second
    before the first row showed)."""
    repo = SignalViewRepository(session)
    wanted = None if filters.label is None else _LABEL_ORDER[filters.label]
    keys = repo.first_keys(
        today=today,
        limit=limit,
        label_place=wanted,
        statuses=filters.statuses,
        **_common(session, filters),
    )
    made = {}
    for found in repo.rows_of(keys):
        row = _signal_row(found, today, None)
        if row is not None:
            made[row.key] = row
    return [made[key] for key in keys if key in made]


def _first_signals(
    repo: SignalViewRepository,
    filters: SignalFilter,
    common: dict[str, Any],
    *,
    today: date,
    limit: int,
) -> SignalList:
    """`list_signals` with a limit: the order from a narrow read of every matching signal,
    the rows of the first `limit` only."""
    keyed = []
    open_keys = set()
    per_buurt: dict[str, int] = {}
    for key, reported_on, deadline, closed_on, buurt_code in repo.order_rows(
        statuses=filters.statuses, **common
    ):
        label = deadline_label(reported_on, deadline, today, closed_on)
        if filters.label is not None and label != filters.label:
            continue
        keyed.append((_LABEL_ORDER[label], deadline, reported_on, key))
        if closed_on is None:
            open_keys.add(key)
            if buurt_code is not None:
                per_buurt[buurt_code] = per_buurt.get(buurt_code, 0) + 1
    keyed.sort()
    first = [entry[3] for entry in keyed[: max(limit, 0)]]
    made = {}
    for found in repo.rows_of(first):
        row = _signal_row(found, today, None)
        if row is not None:
            made[row.key] = row
    return SignalList(
        rows=[made[key] for key in first if key in made],
        counts=repo.status_counts(**common),
        total=len(keyed),
        open_keys=frozenset(open_keys),
        open_per_buurt=per_buurt,
    )


def _signal_row(found: Any, today: date, wanted: DeadlineLabel | None) -> SignalRow | None:
    """The list's row of a signal read by the repository; None when its label is not the one
    `wanted`."""
    (
        key,
        reported_on,
        category,
        buurt_code,
        buurt_name,
        status,
        priority,
        partner,
        deadline,
        closed_on,
        area_name,
        description,
        is_child,
    ) = found
    label = deadline_label(reported_on, deadline, today, closed_on)
    if wanted is not None and label != wanted:
        return None
    return SignalRow(
        key=key,
        reported_on=reported_on,
        category=category,
        buurt_code=buurt_code,
        buurt_name=buurt_name or "",
        status=status,
        priority=priority,
        partner=partner or "",
        deadline=deadline,
        closed_on=closed_on,
        label=label,
        area_name=area_name,
        description=description,
        is_child=bool(is_child),
    )


def open_in_areas(
    session: Session, filters: SignalFilter, areas: dict[str, uuid.UUID], *, today: date
) -> dict[str, int]:
    """Per map code, the open signals of that area (with these filters): what the map writes
    on an area's own outline, as it counts the listed rows per buurt."""
    counts: dict[str, int] = {}
    for code, area_id in areas.items():
        own = replace(filters, area_ids=frozenset({area_id}), buurt_code=None)
        listed = list_signals(session, own, today=today, limit=0)  # counted, no rows made
        counts[code] = len(listed.open_keys or ())
    return counts


# --- detail ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    by: str
    what: str  # the field, in Dutch
    old: str
    new: str
    note: str
    # a photo's caption (else its file name) while the photo is there: for the screen only,
    # never in the history row itself (services.signal_photos), nor on a werkbon
    caption: str = ""


@dataclass(frozen=True)
class FeedbackLine:
    given_on: date
    how: str
    by: str
    note: str


@dataclass(frozen=True)
class SignalDetail:
    id: uuid.UUID
    area_id: uuid.UUID
    area_name: str
    buurt: str
    location: str
    coordinates: tuple[float, float] | None
    description: str
    category_id: uuid.UUID
    category: str
    source: SignalSource
    priority: Priority
    partner_id: uuid.UUID | None
    partner: str
    status: SignalStatus
    reported_on: date
    deadline: date
    closed_on: date | None
    label: DeadlineLabel
    wants_feedback: bool
    origin: str  # the conversation or contact it came from, in one line; "" when none
    parent_id: uuid.UUID | None
    parent: str
    allowed: tuple[SignalStatus, ...]  # next statuses the workflow allows, in enum order
    children: list[SignalRow] = field(default_factory=list)
    feedback: list[FeedbackLine] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)  # newest first

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


def _value_text(
    what: SignalField, value: str, names: dict[uuid.UUID, str], children: int | None = None
) -> str:
    if not value:
        return "—" if what is not SignalField.SPLIT else ""
    if what is SignalField.STATUS:
        return SignalStatus(value).label
    if what is SignalField.PRIORITY:
        return Priority(value).label
    if what is SignalField.DEADLINE:
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    if what is SignalField.SPLIT:
        return f"{children} deelsignalen" if children != 1 else "1 deelsignaal"
    try:
        return names.get(uuid.UUID(value), value)
    except ValueError:
        return value


def _origin_text(views: SignalViewRepository, signal: Signal) -> str:
    """The conversation or contact the signal came from, in one line; "" when none."""
    if signal.conversation_id is not None:
        heard = views.conversation(signal.conversation_id)
        if heard is not None:
            where = f" ({heard.place})" if heard.place else ""
            return f"Koffiekargesprek {heard.day.strftime('%d-%m-%Y')}{where}: {heard.summary}"
    elif signal.contact_id is not None:
        met = views.contact(signal.contact_id)
        if met is not None:
            return f"Contact {met.day.strftime('%d-%m-%Y')}: {met.subject}"
    return ""


def _parent_text(repo: SignalRepository, signal: Signal, *, names: dict[uuid.UUID, str]) -> str:
    if signal.parent_id is None:
        return ""
    above = repo.get(signal.parent_id)
    if above is None:
        return ""
    return f"{names.get(above.category_id, '')}: {above.description}"


def _photo_line(entry: SignalHistory, captions: dict[str, str]) -> HistoryLine:
    """ "Foto: toegevoegd" or "verwijderd", with the caption of a photo that is still there.
    Entries of older versions held a file name and the caption (or a note): not shown."""
    added = not entry.old
    return HistoryLine(
        at=entry.at,
        by=entry.by,
        what=entry.field.label,
        old="",
        new="toegevoegd" if added else "verwijderd",
        note="",
        caption=captions.get(entry.new, "") if added else "",
    )


def _photo_captions(session: Session, signal_id: uuid.UUID) -> dict[str, str]:
    """{photo id as the history writes it: caption, else file name} of the signal's photos."""
    return {
        str(p.id): p.caption or p.file_name
        for p in SignalPhotoRepository(session).for_signal(signal_id)
    }


def _history_lines(
    session: Session,
    repo: SignalRepository,
    signal_id: uuid.UUID,
    *,
    names: dict[uuid.UUID, str],
) -> list[HistoryLine]:
    """The signal's changes in words, newest first."""
    history = []
    entries = repo.history(signal_id)
    photos = any(e.field is SignalField.PHOTO for e in entries)
    captions = _photo_captions(session, signal_id) if photos else {}
    for entry in reversed(entries):
        if entry.field is SignalField.PHOTO:
            history.append(_photo_line(entry, captions))
            continue
        count = len(entry.new.split(",")) if entry.field is SignalField.SPLIT else None
        history.append(
            HistoryLine(
                at=entry.at,
                by=entry.by,
                what=entry.field.label,
                old=_value_text(entry.field, entry.old, names),
                new=_value_text(entry.field, entry.new, names, count),
                note=entry.note,
            )
        )
    return history


def _child_rows(
    repo: SignalRepository, signal_id: uuid.UUID, *, names: dict[uuid.UUID, str], today: date
) -> list[SignalRow]:
    return [
        SignalRow(
            key=str(c.id),
            reported_on=c.reported_on,
            category=names.get(c.category_id, ""),
            buurt_code=c.buurt_code,
            buurt_name="",
            status=c.status,
            priority=c.priority,
            partner=names.get(c.partner_id, "") if c.partner_id else "",
            deadline=c.deadline,
            closed_on=c.closed_on,
            label=deadline_label(c.reported_on, c.deadline, today, c.closed_on),
            area_name="",
            description=c.description,
            is_child=True,
        )
        for c in repo.children(signal_id)
    ]


def signal_detail(session: Session, signal_id: uuid.UUID, *, today: date) -> SignalDetail:
    signal = get_signal(session, signal_id)
    views = SignalViewRepository(session)
    repo = SignalRepository(session)
    names = views.names(SignalCategory) | views.names(Partner)
    buurt = ""
    if signal.buurt_code:
        buurt = f"{views.buurt_name(signal.buurt_code)} ({signal.buurt_code})"
    coordinates = None
    if signal.latitude is not None and signal.longitude is not None:
        coordinates = (signal.latitude, signal.longitude)
    return SignalDetail(
        id=signal.id,
        area_id=signal.area_id,
        area_name=views.area_name(signal.area_id),
        buurt=buurt,
        location=signal.location,
        coordinates=coordinates,
        description=signal.description,
        category_id=signal.category_id,
        category=names.get(signal.category_id, ""),
        source=signal.source,
        priority=signal.priority,
        partner_id=signal.partner_id,
        partner=names.get(signal.partner_id, "") if signal.partner_id else "",
        status=signal.status,
        reported_on=signal.reported_on,
        deadline=signal.deadline,
        closed_on=signal.closed_on,
        label=deadline_label(signal.reported_on, signal.deadline, today, signal.closed_on),
        wants_feedback=signal.wants_feedback,
        origin=_origin_text(views, signal),
        parent_id=signal.parent_id,
        parent=_parent_text(repo, signal, names=names),
        allowed=tuple(s for s in SignalStatus if s in ALLOWED[signal.status]),
        children=_child_rows(repo, signal.id, names=names, today=today),
        feedback=[FeedbackLine(f.given_on, f.how, f.by, f.note) for f in repo.feedback(signal.id)],
        history=_history_lines(session, repo, signal.id, names=names),
    )
