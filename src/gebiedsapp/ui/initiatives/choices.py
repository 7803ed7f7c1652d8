"""What the initiative form offers (areas, themes, partners, team members), read on the worker
(issue 19: on the GUI thread it held the first open of Initiatieven)."""

from __future__ import annotations

import uuid
from typing import NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.taxonomy import list_partners, list_themes
from gebiedsapp.services.teams import MemberView, list_members
from gebiedsapp.ui.contacts.form import PartnerOption, partner_options
from gebiedsapp.ui.contacts.themes import ThemeOption, theme_options
from gebiedsapp.ui.context import AREAS, PARTNERS, TEAM, THEMES


class Choices(NamedTuple):
    """None: that kind was not asked for (it did not change)."""

    areas: list[AreaNode] | None
    theme_names: dict[uuid.UUID, str] | None
    themes: list[ThemeOption] | None
    partners: list[PartnerOption] | None
    members: list[MemberView] | None


def read_choices(session: Session, kinds: frozenset[str]) -> Choices:
    themes = THEMES in kinds
    return Choices(
        areas=area_tree(session) if AREAS in kinds else None,
        theme_names={t.id: t.name for t in list_themes(session)} if themes else None,
        themes=theme_options(list_themes(session, include_retired=False)) if themes else None,
        partners=partner_options(list_partners(session, include_retired=True))
        if PARTNERS in kinds
        else None,
        members=list_members(session) if TEAM in kinds else None,
    )
