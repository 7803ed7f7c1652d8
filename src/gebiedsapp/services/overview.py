"""What an area's start page shows: who the team is (fast) and what was heard lately (figures,
computed over the area and all its sub-areas; on a large database this is the slow part, so the
page asks for it separately, off the GUI thread).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.domain import AreaKind, Role
from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.population import Population, population
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.initiatives import InitiativeRepository
from gebiedsapp.storage.repositories.koffiekar import KoffiekarRepository
from gebiedsapp.storage.repositories.teams import TeamRepository


@dataclass(frozen=True)
class AreaHeader:
    area: AreaNode
    path: tuple[str, ...]  # names from the root down to the area's parent
    area_ids: frozenset[uuid.UUID]  # the area and all its sub-areas
    buurten: tuple[tuple[str, str], ...]  # (code, name)
    cbs_wijken_total: int
    cbs_buurten_total: int
    team: dict[Role, tuple[str, ...]]
    team_members_total: int  # in the whole database: 0 means the teams were never filled in
    population: Population | None = None  # CBS context; None when no figures were imported

    @property
    def sub_areas(self) -> int:
        return len(self.area_ids) - 1


@dataclass(frozen=True)
class RecentSession:
    day: date
    area_name: str
    place: str
    conversations: int


class TopTheme(NamedTuple):
    name: str
    conversations: int


@dataclass(frozen=True)
class AreaFigures:
    period_start: date
    period_end: date
    sessions: int
    conversations: int
    top_themes: tuple[TopTheme, ...]  # most talked about first
    recent: tuple[RecentSession, ...]
    initiatives_running: int = 0  # residents' initiatives running today (not ended)


def subtree_ids(nodes: list[AreaNode], area_id: uuid.UUID) -> set[uuid.UUID]:
    ids = {area_id}
    for node in nodes:  # tree order: parents come before their children
        if node.parent_id in ids:
            ids.add(node.id)
    return ids


def area_header(session: Session, area_id: uuid.UUID, *, today: date) -> AreaHeader:
    nodes = area_tree(session)
    by_id = {node.id: node for node in nodes}
    node = by_id.get(area_id)
    if node is None:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    path: list[str] = []
    parent = by_id.get(node.parent_id) if node.parent_id else None
    while parent is not None:
        path.insert(0, parent.name)
        parent = by_id.get(parent.parent_id) if parent.parent_id else None
    ids = set(by_id) if node.kind is AreaKind.GEMEENTE else subtree_ids(nodes, area_id)
    areas = AreaRepository(session)
    names = {b.code: b.name for b in areas.buurten_by_code(node.buurt_codes)}
    teams = TeamRepository(session)
    team: dict[Role, list[str]] = {}
    for assignment in teams.assignments(on=today, area_id=area_id):
        team.setdefault(assignment.role, []).append(assignment.member.name)
    return AreaHeader(
        area=node,
        path=tuple(path),
        area_ids=frozenset(ids),
        buurten=tuple((code, names.get(code, "")) for code in node.buurt_codes),
        cbs_wijken_total=areas.count_wijken(),
        cbs_buurten_total=areas.count_buurten(),
        team={role: tuple(sorted(v)) for role, v in team.items()},
        team_members_total=len(teams.members()),
        population=population(
            session, ids, municipality=node.kind is AreaKind.GEMEENTE, up_to=today.year
        ),
    )


def area_figures(session: Session, area_ids: frozenset[uuid.UUID], *, today: date) -> AreaFigures:
    """Koffiekar figures of the last 12 months for these areas, and the initiatives running."""
    start = today - timedelta(days=365)
    repo = KoffiekarRepository(session)
    initiatives = InitiativeRepository(session).counts(area_ids, today, today, today)
    return AreaFigures(
        period_start=start,
        period_end=today,
        sessions=repo.count_sessions(area_ids, start, today),
        conversations=repo.count_conversations(area_ids, start, today),
        top_themes=tuple(
            TopTheme(name=t.theme, conversations=t.conversations)
            for t in repo.theme_counts(area_ids, start, today, limit=5)
        ),
        recent=tuple(
            RecentSession(
                day=r.day, area_name=r.area_name, place=r.place, conversations=r.conversations
            )
            for r in repo.recent_sessions(area_ids, limit=8)
        ),
        initiatives_running=sum(tally.running for tally in initiatives.values()),
    )
