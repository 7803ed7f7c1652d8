"""Queries of the demo data generator: the reference data it builds on, and its bulk inserts.

Bulk rows go in through Core `insert()` with lists of dicts, not ORM objects: for 100,000 rows
that is the difference between seconds and minutes.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Activity,
    Area,
    AreaKind,
    Assignment,
    Consent,
    Contact,
    Conversation,
    Draft,
    FollowUp,
    Initiative,
    InitiativeMilestone,
    KoffiekarSession,
    Meedenker,
    Partner,
    Resident,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalHistory,
    TeamMember,
    TermUnit,
    Theme,
    activity_action,
    activity_initiative,
    activity_signal,
    activity_theme,
    area_buurt,
    contact_theme,
    conversation_theme,
    initiative_partner,
    initiative_theme,
    meedenker_theme,
    session_staff,
)


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


# The team, inserted first: the generator needs its ids before the rest is made.
TEAM_TABLES: tuple[Table, ...] = (_table(TeamMember), _table(Assignment))
# Tables the generator fills after the team, in foreign-key order.
INSERT_ORDER: tuple[Table, ...] = (
    _table(KoffiekarSession),
    session_staff,
    _table(Resident),
    _table(Consent),
    _table(Meedenker),
    meedenker_theme,
    _table(Conversation),
    conversation_theme,
    _table(Contact),
    contact_theme,
    _table(FollowUp),
    _table(Initiative),
    initiative_theme,
    initiative_partner,
    _table(InitiativeMilestone),
    _table(Draft),
    _table(Signal),
    _table(SignalHistory),
    _table(SignalFeedback),
    _table(Activity),
    activity_theme,
    activity_signal,
    activity_action,
    activity_initiative,
)
WORKING_KINDS = (AreaKind.KERN, AreaKind.GEBIED, AreaKind.WIJK)


class ThemeRow(NamedTuple):
    id: uuid.UUID
    key: str


class CategoryRow(NamedTuple):
    """An offered signal category, with its default partner only while that is offered."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    term: int
    unit: TermUnit
    partner_id: uuid.UUID | None


class DemoRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def has_rows_by(self, actor: str) -> bool:
        """Whether a team member made by `actor` exists (the generator's own mark)."""
        query = select(TeamMember.id).where(TeamMember.created_by == actor).limit(1)
        return self.session.scalar(query) is not None

    def working_areas(self) -> list[Area]:
        """Kernen, gebieden and wijken, in the order the app shows them."""
        areas = self.session.scalars(
            select(Area).where(Area.deleted_at.is_(None)).order_by(Area.sort_order, Area.name)
        ).all()
        return [a for a in areas if a.kind in WORKING_KINDS]

    def buurten_per_area(self) -> dict[uuid.UUID, list[str]]:
        buurten: dict[uuid.UUID, list[str]] = {}
        links = select(area_buurt.c.area_id, area_buurt.c.buurt_code).order_by(
            area_buurt.c.area_id, area_buurt.c.buurt_code
        )
        for area_id, code in self.session.execute(links):
            buurten.setdefault(area_id, []).append(code)
        return buurten

    def offered_subthemes(self) -> list[ThemeRow]:
        query = (
            select(Theme.id, Theme.key)
            .where(Theme.parent_id.is_not(None), Theme.retired.is_(False))
            .order_by(Theme.id)
        )
        return [ThemeRow(theme_id, key or "") for theme_id, key in self.session.execute(query)]

    def offered_partner_ids(self) -> list[uuid.UUID]:
        query = (
            select(Partner.id)
            .where(Partner.deleted_at.is_(None), Partner.retired.is_(False))
            .order_by(Partner.id)
        )
        return list(self.session.scalars(query))

    def offered_categories(self) -> list[CategoryRow]:
        """Every offered signal category (parents included), by id."""
        rows = self.session.execute(
            select(
                SignalCategory.id,
                SignalCategory.parent_id,
                SignalCategory.name,
                SignalCategory.term,
                SignalCategory.term_unit,
                SignalCategory.default_partner_id,
            )
            .where(SignalCategory.deleted_at.is_(None), SignalCategory.retired.is_(False))
            .order_by(SignalCategory.id)
        ).all()
        offered_partners = set(self.offered_partner_ids())
        return [
            CategoryRow(
                id=row.id,
                parent_id=row.parent_id,
                name=row.name,
                term=row.term,
                unit=row.term_unit,
                partner_id=row.default_partner_id
                if row.default_partner_id in offered_partners
                else None,
            )
            for row in rows
        ]

    def insert_rows(
        self, tables: Sequence[Table], rows: Mapping[str, Sequence[dict[str, Any]]]
    ) -> dict[str, int]:
        """Insert the rows per table name in the order of `tables`; the number per table."""
        counts: dict[str, int] = {}
        for table in tables:
            table_rows = rows.get(table.name, [])
            if table_rows:
                self.session.execute(insert(table), table_rows)
            counts[table.name] = len(table_rows)
        return counts
