"""Queries on contacts, follow-up actions and the meedenker register."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import ColumnElement, Select, String, func, select, type_coerce
from sqlalchemy.orm import Session, joinedload, selectinload

from gebiedsapp.domain import (
    ActionStatus,
    Area,
    Consent,
    ConsentPurpose,
    Contact,
    ContactType,
    ContactWith,
    FollowUp,
    Meedenker,
    Partner,
    Resident,
    TeamMember,
    Theme,
    meedenker_theme,
)
from gebiedsapp.storage.repositories.report_sql import stored_id
from gebiedsapp.storage.repositories.search import (
    THEME_SEPARATOR,
    contact_shown_columns,
    filtered_contacts,
)
from gebiedsapp.storage.search import folded, like_pattern


class ContactListRow(NamedTuple):
    """A row of the contact lists (Contacten, Lijsten) as the database gives it: its id and
    themes are made when asked, for the few rows a view shows or opens (see
    ConversationListRow)."""

    key: str | uuid.UUID  # the id as stored (a UUID already where the driver makes one)
    day: date
    area_name: str
    contact_type: ContactType
    with_kind: ContactWith
    group_name: str
    partner_name: str | None
    subject: str
    notes: str
    theme_names: str | None  # joined by THEME_SEPARATOR; None without themes
    author: str

    @property
    def id(self) -> uuid.UUID:
        return stored_id(self.key)

    @property
    def with_whom(self) -> str:
        """The group's or organisation's name; never a resident's."""
        return self.group_name or self.partner_name or ""

    @property
    def themes(self) -> tuple[str, ...]:
        """Sorted, as the lists show them."""
        joined = self.theme_names
        return tuple(sorted(joined.split(THEME_SEPARATOR))) if joined else ()


class FollowUpListRow(NamedTuple):
    """An action as the lists show it: plain values, its id made when asked."""

    key: str | uuid.UUID  # the id as stored (a UUID already where the driver makes one)
    description: str
    area_name: str
    owner_name: str | None
    due_date: date | None
    status: ActionStatus
    from_conversation: bool
    from_contact: bool

    @property
    def id(self) -> uuid.UUID:
        return stored_id(self.key)


class MeedenkerRow(NamedTuple):
    """An entry of the participation register as its lists show it."""

    id: uuid.UUID
    resident_id: uuid.UUID
    name: str | None
    area_id: uuid.UUID
    area_name: str
    since: date
    theme_names: str | None  # joined by THEME_SEPARATOR; None without themes


_Rows = TypeVar("_Rows", bound=Select[*tuple[Any, ...]])


class MeedenkerChoiceRow(NamedTuple):
    """An entry of the register as a dropdown offers it: plain values only."""

    key: str | uuid.UUID  # the id as stored (a UUID already where the driver makes one)
    name: str | None
    area_name: str


def _on_the_register(query: _Rows, area_ids: Collection[uuid.UUID] | None) -> _Rows:
    """`query` over the register's active entries (of these areas), with their resident and
    area joined."""
    query = (
        query.join(Resident, Resident.id == Meedenker.resident_id)
        .join(Area, Area.id == Meedenker.area_id)
        .where(Meedenker.deleted_at.is_(None), Meedenker.active.is_(True))
        # purpose limitation: on the register only while the consent to think along stands
        .join(Consent, Consent.id == Meedenker.consent_id)
        .where(
            Consent.purpose == ConsentPurpose.MEEDENKEN,
            Consent.withdrawn_on.is_(None),
            Consent.deleted_at.is_(None),
        )
    )
    if area_ids is not None:
        query = query.where(Meedenker.area_id.in_(area_ids))
    return query


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _follow_up_filters(
    *,
    area_ids: Collection[uuid.UUID] | None,
    statuses: Collection[ActionStatus] | None,
    created_from: date | None,
    created_to: date | None,
    words: Sequence[str],
    author: str | None,
) -> list[ColumnElement[bool]]:
    """The lists' filters on actions, alike for the rows and the records."""
    where: list[ColumnElement[bool]] = []
    if area_ids is not None:
        where.append(FollowUp.area_id.in_(area_ids))
    if statuses is not None:
        where.append(FollowUp.status.in_(statuses))
    if created_from is not None:
        where.append(FollowUp.created_at >= _start_of(created_from))
    if created_to is not None:
        where.append(FollowUp.created_at < _start_of(created_to + timedelta(days=1)))
    for word in words:
        where.append(folded(FollowUp.description).like(like_pattern(word), escape="\\"))
    if author:
        where.append(FollowUp.created_by == author)
    return where


class ContactRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _contacts(self) -> Select[Contact]:
        return select(Contact).options(
            selectinload(Contact.themes), joinedload(Contact.area), joinedload(Contact.partner)
        )

    def get(self, contact_id: uuid.UUID) -> Contact | None:
        return self.session.scalars(self._contacts().where(Contact.id == contact_id)).one_or_none()

    def contacts(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        start: date | None,
        end: date | None,
        ids: Select[uuid.UUID] | None = None,
        theme_ids: Collection[uuid.UUID] | None = None,
        author: str | None = None,
        limit: int | None = None,
    ) -> list[ContactListRow]:
        """The list's contacts, with only what the lists show, in one statement (issue 19:
        5,000 ORM contacts with their themes, area and partner took 0.8 s at ten times the
        data). With a `limit` the page is chosen on narrow rows in date order first (the
        first 100 of a year of many areas cost 0.5 s); the same filters and order as the
        export of this list."""
        filters = filtered_contacts(
            select(Contact.id, Contact.date, Contact.created_at),
            area_ids=area_ids,
            start=start,
            end=end,
            ids=ids,
            theme_ids=theme_ids,
            author=author,
            by_date=ids is None and self.session.get_bind().dialect.name == "sqlite",
        )
        page = (filters.limit(limit) if limit is not None else filters).subquery()
        query = (
            select(
                type_coerce(Contact.id, String),  # made a UUID when asked (`id`)
                *contact_shown_columns(),
            )
            .select_from(page)
            .join(Contact, Contact.id == page.c.id)
            .join(Area, Area.id == Contact.area_id)
            .outerjoin(Partner, Partner.id == Contact.partner_id)
            .order_by(page.c.date.desc(), page.c.created_at.desc(), page.c.id.desc())
        )
        return [ContactListRow(*row) for row in self.session.execute(query)]

    def follow_up(self, action_id: uuid.UUID) -> FollowUp | None:
        return self.session.scalars(
            select(FollowUp)
            .options(joinedload(FollowUp.owner), joinedload(FollowUp.area))
            .where(FollowUp.id == action_id)
        ).one_or_none()

    def follow_ups(
        self,
        *,
        owner_account: str | None = None,
        area_ids: Collection[uuid.UUID] | None = None,
        statuses: Collection[ActionStatus] | None = None,
        conversation_id: uuid.UUID | None = None,
        contact_id: uuid.UUID | None = None,
        created_from: date | None = None,
        created_to: date | None = None,
        words: Sequence[str] = (),
        author: str | None = None,
    ) -> Sequence[FollowUp]:
        query = (
            select(FollowUp)
            .options(joinedload(FollowUp.owner), joinedload(FollowUp.area))
            .where(FollowUp.deleted_at.is_(None))
        )
        if owner_account is not None:
            query = query.join(TeamMember, TeamMember.id == FollowUp.owner_id).where(
                TeamMember.account == owner_account
            )
        if conversation_id is not None:
            query = query.where(FollowUp.conversation_id == conversation_id)
        if contact_id is not None:
            query = query.where(FollowUp.contact_id == contact_id)
        query = query.where(
            *_follow_up_filters(
                area_ids=area_ids,
                statuses=statuses,
                created_from=created_from,
                created_to=created_to,
                words=words,
                author=author,
            )
        )
        query = query.order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.created_at)
        return self.session.scalars(query).all()

    def follow_up_rows(
        self,
        *,
        area_ids: Collection[uuid.UUID] | None,
        statuses: Collection[ActionStatus] | None,
        created_from: date | None,
        created_to: date | None,
        words: Sequence[str] = (),
        author: str | None = None,
    ) -> list[FollowUpListRow]:
        """`follow_ups` with these filters, in its order, as plain rows with only what the
        lists show (issue 19: the lists screen kept a year of actions as views with five UUIDs
        each, walked by every collection of the GUI thread at ten times the data)."""
        query = (
            select(
                type_coerce(FollowUp.id, String),  # made a UUID when asked (`id`)
                FollowUp.description,
                Area.name,
                TeamMember.name,
                FollowUp.due_date,
                FollowUp.status,
                FollowUp.conversation_id.is_not(None),
                FollowUp.contact_id.is_not(None),
            )
            .join(Area, Area.id == FollowUp.area_id)
            .outerjoin(TeamMember, TeamMember.id == FollowUp.owner_id)
            .where(
                FollowUp.deleted_at.is_(None),
                *_follow_up_filters(
                    area_ids=area_ids,
                    statuses=statuses,
                    created_from=created_from,
                    created_to=created_to,
                    words=words,
                    author=author,
                ),
            )
            .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.created_at)
        )
        return [FollowUpListRow(*row) for row in self.session.execute(query)]

    def meedenker_of(self, resident_id: uuid.UUID, area_id: uuid.UUID) -> Meedenker | None:
        return self.session.scalars(
            select(Meedenker)
            .where(Meedenker.resident_id == resident_id, Meedenker.deleted_at.is_(None))
            .order_by((Meedenker.area_id == area_id).desc(), Meedenker.since.desc())
            .limit(1)
        ).one_or_none()

    def meedenkers(self, *, area_ids: Collection[uuid.UUID] | None = None) -> list[MeedenkerRow]:
        """The register's active entries, newest first, as plain rows with their theme names
        in the same statement (issue 19: as ORM objects with their resident, area and themes
        the whole municipality's 14.5k entries took 4 s at ten times the data)."""
        themes = (
            select(func.aggregate_strings(Theme.name, THEME_SEPARATOR))
            .join(meedenker_theme, meedenker_theme.c.theme_id == Theme.id)
            .where(meedenker_theme.c.meedenker_id == Meedenker.id)
            .correlate(Meedenker)
            .scalar_subquery()
        )
        query = _on_the_register(
            select(
                Meedenker.id,
                Meedenker.resident_id,
                Resident.name,
                Meedenker.area_id,
                Area.name,
                Meedenker.since,
                themes,
            ),
            area_ids,
        )
        query = query.order_by(Meedenker.since.desc())
        return [MeedenkerRow(*row) for row in self.session.execute(query)]

    def meedenker_choices(
        self, *, area_ids: Collection[uuid.UUID] | None
    ) -> list[MeedenkerChoiceRow]:
        """`meedenkers` as a dropdown offers them: the entry's id as stored, the name and the
        area, nothing more (issue 19: the municipality's register at ten times the data was
        read as rows of three UUIDs, a date and themes each, to show a name and an area)."""
        query = _on_the_register(
            select(type_coerce(Meedenker.id, String), Resident.name, Area.name), area_ids
        ).order_by(Meedenker.since.desc())  # equal names newest first, as `meedenkers` gives
        return [MeedenkerChoiceRow(*row) for row in self.session.execute(query)]
