"""What the koffiekar screen reads of an area in one go: the forms' choices and its rounds
(on the worker when the screen is shown again, so showing it does not wait for them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import DraftKind
from gebiedsapp.services.actions import member_for_account
from gebiedsapp.services.areas import AreaNode, area_tree, list_buurten
from gebiedsapp.services.drafts import DraftView, list_drafts
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.koffiekar import SessionView, get_session, recent_places
from gebiedsapp.services.lists import ListFilter, SessionRow, list_sessions
from gebiedsapp.services.teams import MemberView, list_assignments, list_members
from gebiedsapp.ui.koffiekar.theme_picker import ThemeChoice, theme_choices

MAX_ROUNDS = 1_000  # years of rounds of one area; the lists screen searches further back


def area_rounds(session: Session, area_id: uuid.UUID) -> list[SessionRow]:
    """The rounds held in this one area (not its sub-areas), newest first."""
    return list_sessions(session, ListFilter(area_ids=frozenset({area_id})), limit=MAX_ROUNDS)


@dataclass(frozen=True)
class AreaReads:
    """What the screen shows of an area, read in one go (on the worker when shown again)."""

    node: AreaNode
    buurten: list[tuple[str, str]]
    places: list[str]
    members: list[MemberView]
    team: frozenset[uuid.UUID]
    my_id: uuid.UUID | None
    themes: list[ThemeChoice]
    rounds: list[SessionRow]


def read_area(
    session: Session, area_id: uuid.UUID, actor: str, *, rounds: bool = True
) -> AreaReads | None:
    """The area's choices for the forms (places, buurten, members, themes) and its rounds;
    None when the area is gone."""
    node = next((n for n in area_tree(session) if n.id == area_id), None)
    if node is None:
        return None
    names = {b.code: b.name for b in list_buurten(session)}
    team = frozenset(
        a.member_id for a in list_assignments(session, area_id=area_id, on=date.today())
    )
    me = member_for_account(session, actor)
    return AreaReads(
        node=node,
        buurten=[(code, names.get(code, "")) for code in node.buurt_codes],
        places=list(recent_places(session, area_id)),
        members=list(list_members(session)),
        team=team,
        my_id=me.id if me else None,
        themes=list(theme_choices(session)),
        rounds=area_rounds(session, area_id) if rounds else [],
    )


def read_round(
    session: Session, round_id: uuid.UUID
) -> tuple[SessionView | None, DraftView | None, DraftView | None]:
    """A round's header, and the newest drafts of its header and of a new conversation in it
    (None: gone meanwhile, or no such draft)."""
    try:
        view = get_session(session, round_id)
    except NotFoundError:
        return None, None, None
    drafts = list(reversed(list_drafts(session)))
    header = next(
        (d for d in drafts if d.kind is DraftKind.SESSION and d.target_id == round_id), None
    )
    conversation = next(
        (
            d
            for d in drafts
            if d.kind is DraftKind.CONVERSATION and d.session_id == round_id and d.target_id is None
        ),
        None,
    )
    return view, header, conversation
