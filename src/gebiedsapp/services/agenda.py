"""The agenda of an area (with its sub-areas) or of the whole municipality: the koffiekar
rounds and activities before and after today, and the villages and wijken where the team has
not been for a while, so the next round can be planned.

A visit is a koffiekar round or an activity held in the area or one of its sub-areas, on or
before today (a planned one is no visit yet). Villages and wijken are the areas of kind kern,
wijk or gebied (the municipality's own wijken of Winschoten); hamlets (buurtschappen) are
counted with nothing on their own, as the team seldom goes there separately.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy.orm import Session

from gebiedsapp.domain import AppSetting, AreaKind
from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.storage.repositories.activities import ActivityRepository

DEFAULT_WEEKS = 8
MAX_WEEKS = 104
WEEKS_SETTING = "agenda.weeks_not_visited"
PAST_DAYS = 90  # the agenda shows this far back by default
AHEAD_DAYS = 180  # ... and this far ahead
KOFFIEKAR, ACTIVITY = "koffiekar", "activiteit"
VISITED_KINDS = frozenset({AreaKind.KERN, AreaKind.WIJK, AreaKind.GEBIED})


def weeks_setting(session: Session) -> int:
    """After how many weeks a village counts as 'lang niet geweest' (kept in the database)."""
    row = session.get(AppSetting, WEEKS_SETTING)
    try:
        weeks = int(row.value) if row is not None else DEFAULT_WEEKS
    except ValueError:
        return DEFAULT_WEEKS
    return weeks if 1 <= weeks <= MAX_WEEKS else DEFAULT_WEEKS


def set_weeks_setting(session: Session, weeks: int) -> None:
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError(f"Kies een aantal weken van 1 tot en met {MAX_WEEKS}.", field="weeks")
    row = session.get(AppSetting, WEEKS_SETTING)
    if row is None:
        session.add(AppSetting(key=WEEKS_SETTING, value=str(weeks)))
    else:
        row.value = str(weeks)
    session.flush()


@dataclass(frozen=True)
class AgendaItem:
    """One entry of the agenda: a koffiekar round or an activity."""

    source: str  # KOFFIEKAR or ACTIVITY
    record_id: uuid.UUID
    day: date
    start: time | None
    end: time | None
    area_id: uuid.UUID
    area_name: str
    place: str
    what: str  # 'Koffiekar', or the activity's kind
    subject: str  # "" for a round

    @property
    def title(self) -> str:
        """'Koffiekar Beerta', 'Bewonersavond Beerta: verkeer op de Hoofdstraat'."""
        head = f"{self.what} {self.area_name}"
        return f"{head}: {self.subject}" if self.subject else head


@dataclass(frozen=True)
class VisitGap:
    """A village or wijk not visited for a while (or never)."""

    area_id: uuid.UUID
    name: str
    kind: AreaKind
    last_visit: date | None  # None: never (as far as the database knows)

    def weeks_since(self, today: date) -> int | None:
        return None if self.last_visit is None else (today - self.last_visit).days // 7


@dataclass(frozen=True)
class Agenda:
    scope_name: str
    start: date
    end: date
    today: date
    weeks: int
    items: tuple[AgendaItem, ...]  # by day and time
    gaps: tuple[VisitGap, ...]  # never visited first, then the longest ago

    @property
    def upcoming(self) -> tuple[AgendaItem, ...]:
        return tuple(i for i in self.items if i.day >= self.today)

    @property
    def past(self) -> tuple[AgendaItem, ...]:
        """Most recent first."""
        return tuple(reversed([i for i in self.items if i.day < self.today]))


def _scope(nodes: list[AreaNode], area_id: uuid.UUID | None) -> tuple[str, set[uuid.UUID]]:
    by_id = {n.id: n for n in nodes}
    node = by_id.get(area_id) if area_id is not None else None
    if node is None or node.kind is AreaKind.GEMEENTE:
        root = next((n for n in nodes if n.kind is AreaKind.GEMEENTE), None)
        return (root.name if root else "de gemeente"), set(by_id)
    return node.name, subtree_ids(nodes, node.id)


def visit_gaps(
    session: Session, *, area_id: uuid.UUID | None, today: date, weeks: int = DEFAULT_WEEKS
) -> tuple[VisitGap, ...]:
    """The villages and wijken in the scope (None or the municipality: all) whose last visit,
    in them or a sub-area, is `weeks` weeks or more ago, or that were never visited."""
    nodes = area_tree(session)
    _name, scope = _scope(nodes, area_id)
    last = ActivityRepository(session).last_visits(today)
    gaps = []
    limit = today - timedelta(weeks=weeks)
    for node in nodes:
        if node.id not in scope or node.kind not in VISITED_KINDS:
            continue
        days = [last[a] for a in subtree_ids(nodes, node.id) if a in last]
        seen = max(days) if days else None
        if seen is None or seen <= limit:
            gaps.append(VisitGap(node.id, node.name, node.kind, seen))
    gaps.sort(key=lambda g: (g.last_visit is not None, g.last_visit or date.min, g.name))
    return tuple(gaps)


def agenda(
    session: Session,
    *,
    area_id: uuid.UUID | None,
    today: date,
    start: date | None = None,
    end: date | None = None,
    weeks: int = DEFAULT_WEEKS,
) -> Agenda:
    """Rounds and activities of the area with its sub-areas (None: the municipality) from
    `start` to `end` (default: PAST_DAYS back to AHEAD_DAYS ahead), with the visit gaps."""
    if weeks < 1:
        weeks = 1
    start = start or today - timedelta(days=PAST_DAYS)
    end = end or today + timedelta(days=AHEAD_DAYS)
    nodes = area_tree(session)
    name, scope = _scope(nodes, area_id)
    ids = None if len(scope) == len(nodes) else scope
    repo = ActivityRepository(session)
    items = [
        AgendaItem(KOFFIEKAR, *row, what="Koffiekar", subject="")
        for row in repo.rounds(ids, start, end)
    ]
    items += [
        AgendaItem(ACTIVITY, *row[:7], what=row.kind.label, subject=row.subject)
        for row in repo.agenda_activities(ids, start, end)
    ]
    items.sort(key=lambda i: (i.day, i.start or time.min, i.area_name, i.title))
    return Agenda(
        scope_name=name,
        start=start,
        end=end,
        today=today,
        weeks=weeks,
        items=tuple(items),
        gaps=visit_gaps(session, area_id=area_id, today=today, weeks=weeks),
    )
