"""Demo data: deterministic for a seed, obviously fake, and counted honestly."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    Consent,
    ConsentPurpose,
    Contact,
    ContactWith,
    Conversation,
    DraftKind,
    FollowUp,
    Handling,
    InitiativeStatus,
    Meedenker,
    Partner,
    Priority,
    RecordVersion,
    Resident,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalField,
    SignalHistory,
    SignalSource,
    SignalStatus,
    TeamMember,
    contact_theme,
    meedenker_theme,
)
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.domain.signal_workflow import CLOSED, OPEN, replay
from gebiedsapp.paths import app_paths
from gebiedsapp.services import demo as demo_data
from gebiedsapp.services import initiatives
from gebiedsapp.services import signals as signal_service
from gebiedsapp.services.drafts import list_drafts
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.geo import parse_rings, point_in_rings
from gebiedsapp.services.lists import ListFilter, list_contacts, list_conversations
from gebiedsapp.services.signals import check_coordinates
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories.geo import GeoRepository
from support.large_world import LARGE_ANCHOR, LargeDemo

ANCHOR = date(2026, 6, 1)
DEMO_TABLES = (
    "team_member",
    "assignment",
    "koffiekar_session",
    "koffiekar_session_staff",
    "resident",
    "consent",
    "meedenker",
    "meedenker_theme",
    "conversation",
    "conversation_theme",
    "contact",
    "contact_theme",
    "follow_up",
    "initiative",
    "initiative_theme",
    "initiative_partner",
    "initiative_milestone",
    "draft",
    "signal",
    "signal_history",
    "signal_feedback",
    "activity",
    "activity_theme",
    "activity_signal",
    "activity_action",
    "activity_initiative",
)
# the records a user would count (not the link tables)
RECORD_TABLES = (
    "team_member",
    "assignment",
    "koffiekar_session",
    "resident",
    "consent",
    "meedenker",
    "conversation",
    "contact",
    "follow_up",
    "initiative",
    "initiative_milestone",
    "draft",
    "signal",
    "signal_history",
    "signal_feedback",
    "activity",
)


@pytest.fixture
def fresh_database(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        result = open_database(
            f"sqlite:///{tmp_path / f'{name}.db'}", app_paths(tmp_path / name), actor="test"
        )
        opened.append(result.database)
        return result.database

    yield make
    for database in opened:
        database.dispose()


def _generate(database: Database, *, seed: int, size: str = "small") -> Counter[str]:
    with database.unit_of_work("test") as session:
        return demo_data.generate(session, size=size, seed=seed, anchor=ANCHOR)


def _rows(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    with database.engine.connect() as connection:
        return {
            # by repr: a column may hold None next to numbers (coordinates)
            table: sorted(
                (tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))),
                key=repr,
            )
            for table in DEMO_TABLES
        }


def _table_counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in DEMO_TABLES
        }


def test_same_seed_gives_identical_rows(fresh_database: Callable[[str], Database]) -> None:
    first, second = fresh_database("een"), fresh_database("twee")
    counts_first = _generate(first, seed=7)
    counts_second = _generate(second, seed=7)

    assert counts_first == counts_second
    rows = _rows(first)
    assert rows == _rows(second)  # ids, stamps and text included, in every table
    assert all(len(rows[table]) > 0 for table in DEMO_TABLES)


def test_different_seed_gives_different_rows(fresh_database: Callable[[str], Database]) -> None:
    first, second = fresh_database("een"), fresh_database("twee")
    _generate(first, seed=7)
    _generate(second, seed=8)
    one, other = _rows(first), _rows(second)
    for table in DEMO_TABLES:
        assert one[table] != other[table], table


def test_counts_match_the_tables(database: Database) -> None:
    assert _table_counts(database) == dict.fromkeys(DEMO_TABLES, 0)
    counts = _generate(database, seed=7)
    assert set(counts) == set(DEMO_TABLES)
    assert dict(counts) == _table_counts(database)
    small = demo_data.SIZES["small"]
    assert counts["koffiekar_session"] == small.sessions
    low, high = small.conversations_per_session
    assert low * small.sessions <= counts["conversation"] <= high * small.sessions
    assert counts["contact"] == small.contacts
    assert counts["meedenker"] == small.meedenkers
    assert counts["resident"] == small.meedenkers + small.meedenkers // 2
    assert counts["draft"] == small.drafts + 1  # and one activity, drawn apart
    assert counts["activity"] == small.activities
    assert sum(counts[t] for t in RECORD_TABLES) < 6_000  # small stays small: tests use it


def test_second_generation_is_refused(database: Database) -> None:
    _generate(database, seed=7)
    before = _table_counts(database)
    with pytest.raises(ValidationError, match="bevat al voorbeeldgegevens"):
        _generate(database, seed=8)
    assert _table_counts(database) == before


def test_unknown_size_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError, match="Onbekende omvang 'huge'"):
        demo_data.generate(session, size="huge", seed=1, anchor=ANCHOR)


def test_people_are_obviously_fake(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session() as session:
        members = session.scalars(select(TeamMember)).all()
    assert len(members) == 18
    for member in members:
        assert member.name.split()[-1] in demo_data.FAKE_SURNAMES
        assert member.email.endswith(".invalid")
        assert member.created_by == demo_data.DEMO_ACTOR
    assert sum(not m.active for m in members) == 2


def test_rows_read_back_through_the_models(database: Database) -> None:
    """Core inserts must produce rows the ORM reads: enums, UTC stamps, dates in range."""
    _generate(database, seed=7)
    with database.read_session() as session:
        conversations = session.scalars(select(Conversation).limit(200)).all()
        assert {c.handling for c in conversations} <= set(Handling)
        assert all(c.created_at.tzinfo is not None for c in conversations)
        first_day, last_day = session.execute(
            text("SELECT min(date), max(date) FROM koffiekar_session")
        ).one()
        weekend = session.scalar(
            text("SELECT count(*) FROM koffiekar_session WHERE strftime('%w', date) IN ('0','6')")
        )
        orphans = session.scalar(
            select(func.count())
            .select_from(Conversation)
            .where(~Conversation.session_id.in_(text("SELECT id FROM koffiekar_session")))
        )
    assert date.fromisoformat(last_day) <= ANCHOR
    # at most 729 days back, then moved off a weekend by at most two days
    assert date.fromisoformat(first_day) >= ANCHOR - timedelta(days=731)
    assert weekend == 0
    assert orphans == 0


@pytest.mark.slow
def test_large_generation(large_demo: LargeDemo, large_database: Database) -> None:
    """Generated once per run (`large_demo`, seed 1, this file's anchor) and shared with the
    brief's two-page test."""
    assert LARGE_ANCHOR == ANCHOR
    counts = large_demo.counts
    assert 90_000 <= sum(counts[t] for t in RECORD_TABLES) <= 115_000
    assert counts["contact"] >= 10_000
    assert counts["follow_up"] >= 10_000
    assert 8_000 <= counts["signal"] <= 10_000
    assert dict(counts) == _table_counts(large_database)


def test_residents_are_fake_and_kept_only_with_consent(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session() as session:
        residents = session.scalars(select(Resident)).all()
        consents = session.scalars(select(Consent)).all()
        meedenkers = session.scalars(select(Meedenker)).all()
        register_themes = session.scalar(select(func.count()).select_from(meedenker_theme)) or 0
        linked = (
            session.scalar(
                select(func.count())
                .select_from(Conversation)
                .where(Conversation.resident_id.is_not(None))
            )
            or 0
        )
    for resident in residents:
        first, last = resident.name.split()
        assert first in demo_data.FIRST_NAMES
        assert last in demo_data.FAKE_SURNAMES
        assert resident.phone or resident.email
        assert resident.phone == "" or re.fullmatch(r"06-\d{8}", resident.phone)
        assert resident.email == "" or resident.email.endswith("@voorbeeld.invalid")
    purposes: dict[uuid.UUID, set[ConsentPurpose]] = {}
    for consent in consents:
        purposes.setdefault(consent.resident_id, set()).add(consent.purpose)
        assert consent.recorded_by == demo_data.DEMO_ACTOR
        assert consent.given_on <= ANCHOR
    assert set(purposes) == {r.id for r in residents}  # no personal data without consent
    for entry in meedenkers:
        assert ConsentPurpose.MEEDENKEN in purposes[entry.resident_id]
        consent = next(c for c in consents if c.id == entry.consent_id)
        assert consent.purpose is ConsentPurpose.MEEDENKEN
        assert entry.active == (consent.withdrawn_on is None)
    assert register_themes >= len(meedenkers)
    assert 0 < linked < len(residents)  # some were met at the koffiekar, not all


def test_contacts_name_their_group_partner_or_meedenker(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session() as session:
        contacts = session.scalars(select(Contact)).all()
        registered = set(session.scalars(select(Meedenker.resident_id)))
        themed = set(session.scalars(select(contact_theme.c.contact_id)))
    kinds = Counter(c.with_kind for c in contacts)
    assert set(kinds) == set(ContactWith)
    assert kinds[ContactWith.ANONIEM] == max(kinds.values())
    assert len({c.contact_type for c in contacts}) >= 5
    for contact in contacts:
        assert contact.subject
        assert ANCHOR - timedelta(days=731) <= contact.date <= ANCHOR
        assert (contact.group_name != "") == (contact.with_kind is ContactWith.GROEP)
        assert (contact.partner_id is not None) == (contact.with_kind is ContactWith.ORGANISATIE)
        assert (contact.resident_id is not None) == (contact.with_kind is ContactWith.MEEDENKER)
        assert contact.resident_id is None or contact.resident_id in registered
    assert themed == {c.id for c in contacts}


def test_actions_come_from_conversations_and_contacts(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session() as session:
        actions = session.scalars(select(FollowUp)).all()
        members = set(session.scalars(select(TeamMember.id)))
        needing = set(
            session.scalars(
                select(Conversation.id).where(Conversation.handling == Handling.ACTIE_NODIG)
            )
        )
    from_conversations = {a.conversation_id for a in actions if a.conversation_id}
    assert from_conversations == needing
    assert any(a.contact_id for a in actions)
    statuses = Counter(a.status for a in actions)
    assert statuses[ActionStatus.GEDAAN] > 0
    assert all(a.due_date is not None for a in actions)
    due = {a.id: a.due_date or ANCHOR for a in actions}
    assert any(a.status is ActionStatus.OPEN and due[a.id] < ANCHOR for a in actions)  # overdue
    assert any(a.status is ActionStatus.OPEN and due[a.id] >= ANCHOR for a in actions)
    for action in actions:
        assert action.owner_id in members
        assert (action.done_on is not None) == (action.status is ActionStatus.GEDAAN)
        assert action.done_on is None or action.done_on <= ANCHOR


def test_drafts_read_back_as_recoverable_forms(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session(demo_data.DEMO_ACTOR) as session:
        drafts = list_drafts(session)
    assert {d.kind for d in drafts} == set(DraftKind)
    for draft in drafts:
        assert draft.payload  # valid JSON objects, not the empty fallback
        assert draft.summary() != "(nog leeg)"
        assert draft.updated_at.date() <= ANCHOR
    assert all(d.session_id for d in drafts if d.kind is DraftKind.CONVERSATION)
    with database.read_session("someone-else") as session:
        assert list_drafts(session) == []  # never offered to a real user at start-up


def test_demo_data_is_searchable(database: Database) -> None:
    _generate(database, seed=7)
    with database.read_session() as session:
        found = list_conversations(session, ListFilter(text="bus"))
        contacts = list_contacts(session, ListFilter(text="speeltuin"))
    assert found
    assert all("bus" in f"{row.summary} {row.quote}".lower() for row in found)
    assert contacts


def _signal_world(database: Database) -> tuple[list[Signal], dict[uuid.UUID, list[SignalHistory]]]:
    _generate(database, seed=7)
    with database.read_session() as session:
        signals = list(session.scalars(select(Signal)))
        history: dict[uuid.UUID, list[SignalHistory]] = {}
        for entry in session.scalars(
            select(SignalHistory).order_by(SignalHistory.signal_id, SignalHistory.seq)
        ):
            history.setdefault(entry.signal_id, []).append(entry)
    return signals, history


def test_every_signal_history_replays_to_its_status(database: Database) -> None:
    signals, history = _signal_world(database)
    assert signals
    for signal in signals:
        entries = history.get(signal.id, [])
        assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
        assert [e.at for e in entries] == sorted(e.at for e in entries)
        assert replay(entries) is signal.status, signal.id
        status_days = [e.at.date() for e in entries if e.field is SignalField.STATUS]
        assert all(signal.reported_on <= day <= ANCHOR for day in status_days)
        if signal.status in CLOSED:
            assert signal.closed_on == status_days[-1]
        else:
            assert signal.closed_on is None
    assert set(SignalStatus) == {s.status for s in signals}


def test_signal_deadlines_follow_the_category_term(database: Database) -> None:
    signals, _history = _signal_world(database)
    with database.read_session() as session:
        categories = {c.id: c for c in session.scalars(select(SignalCategory))}
        partners = set(session.scalars(select(Partner.id)))
    for signal in signals:
        category = categories[signal.category_id]
        assert not category.retired
        assert signal.deadline == compute_deadline(
            signal.reported_on, category.term, category.term_unit
        )
        assert signal.partner_id is None or signal.partner_id in partners
    parents = {c.parent_id for c in categories.values()}
    leaves = {c.id for c in categories.values() if c.id not in parents and not c.retired}
    assert {s.category_id for s in signals} == leaves  # every category
    assert len({s.partner_id for s in signals}) >= 10
    assert {s.priority for s in signals} == set(Priority)
    overdue = [s for s in signals if s.status in OPEN and s.deadline < ANCHOR]
    assert overdue
    assert any(s.status in OPEN and s.deadline >= ANCHOR for s in signals)


def test_signals_link_to_conversations_contacts_and_children(database: Database) -> None:
    signals, history = _signal_world(database)
    with database.read_session() as session:
        handling = {
            row.id: row.handling
            for row in session.execute(select(Conversation.id, Conversation.handling))
        }
        contacts = set(session.scalars(select(Contact.id)))
        feedback = list(session.scalars(select(SignalFeedback)))
        waiting = signal_service.awaiting_feedback(session)
    top = [s for s in signals if s.parent_id is None]
    linked = [s for s in top if s.conversation_id is not None]
    assert len(linked) > len(top) // 3  # many come from the koffiekar
    for signal in linked:
        assert handling[signal.conversation_id] in (Handling.ACTIE_NODIG, Handling.DOORVERWIJZEN)
        assert signal.source is SignalSource.KOFFIEKAR
    from_contacts = [s for s in top if s.contact_id is not None]
    assert from_contacts
    assert all(s.contact_id in contacts for s in from_contacts)
    assert len({s.conversation_id for s in linked}) == len(linked)  # one signal per conversation

    by_id = {s.id: s for s in signals}
    children: dict[uuid.UUID, list[Signal]] = {}
    for signal in signals:
        if signal.parent_id is not None:
            children.setdefault(signal.parent_id, []).append(signal)
    assert children
    for parent_id, kids in children.items():
        parent = by_id[parent_id]
        splits = [e for e in history[parent_id] if e.field is SignalField.SPLIT]
        assert len(splits) == 1
        assert set(splits[0].new.split(",")) == {str(k.id) for k in kids}
        assert all(k.reported_on == parent.reported_on and not k.wants_feedback for k in kids)
        if parent.status in CLOSED:  # a closed parent never has an open child
            assert all(k.status in CLOSED for k in kids)
        else:
            assert any(k.status in OPEN for k in kids)

    assert feedback
    for entry in feedback:
        signal = by_id[entry.signal_id]
        assert signal.wants_feedback
        assert signal.reported_on <= entry.given_on <= ANCHOR
    assert waiting  # some residents still wait to hear what happened


def test_a_third_of_the_signals_lie_inside_their_buurt(database: Database) -> None:
    signals, _history = _signal_world(database)
    with database.read_session() as session:
        rings = {
            code: parse_rings(geometry)
            for code, _name, geometry in GeoRepository(session).buurt_geometries()
        }
    top = [s for s in signals if s.parent_id is None and s.buurt_code in rings]
    placed = [s for s in top if s.latitude is not None]
    assert 0.25 <= len(placed) / len(top) <= 0.42, (len(placed), len(top))
    for signal in signals:
        if signal.latitude is None:
            assert signal.longitude is None
            continue
        assert signal.longitude is not None
        assert signal.buurt_code is not None
        assert point_in_rings(signal.longitude, signal.latitude, rings[signal.buurt_code]), (
            signal.buurt_code,
            signal.longitude,
            signal.latitude,
        )
        check_coordinates(signal.latitude, signal.longitude)  # the service would accept them
    by_id = {s.id: s for s in signals}
    for child in (s for s in signals if s.parent_id is not None):
        parent = by_id[child.parent_id]  # type: ignore[index]
        assert (child.latitude, child.longitude) == (parent.latitude, parent.longitude)


def test_initiatives_are_consistent_and_pass_the_service_checks(database: Database) -> None:
    _generate(database, seed=7)
    with database.unit_of_work("test") as session:
        views = initiatives.list_initiatives(session, area_ids=None, include_ended=True)
        statuses = Counter(v.status for v in views)
        assert len(views) == demo_data.SIZES["small"].initiatives
        for view in views:
            assert (view.ended_on is not None) == view.status.ended
            assert view.started_on <= (view.ended_on or ANCHOR) <= ANCHOR
            assert view.milestones
            assert all(
                view.started_on <= (m.reached_on or ANCHOR) <= ANCHOR for m in view.milestones
            )
            # what the generator wrote, the service accepts unchanged as an edit
            initiatives.edit_initiative(
                session,
                view.id,
                initiatives.InitiativeInput(
                    area_id=view.area_id,
                    title=view.title,
                    started_on=view.started_on,
                    status=view.status,
                    ended_on=view.ended_on,
                    carried_by=view.carried_by,
                    supporter_id=view.supporter_id,
                    support=view.support,
                    budget_requested=view.budget_requested,
                    budget_granted=view.budget_granted,
                    budget_source=view.budget_source,
                    theme_ids=view.theme_ids,
                    partner_ids=view.partner_ids,
                    milestones=[
                        initiatives.MilestoneInput(m.description, m.due_on, m.reached_on, m.id)
                        for m in view.milestones
                    ],
                ),
                today=ANCHOR,
            )
        assert session.scalar(select(func.count()).select_from(RecordVersion)) == 0  # no change
    assert statuses[InitiativeStatus.AFGEROND] > 0
    assert statuses[InitiativeStatus.IDEE] + statuses[InitiativeStatus.VOORBEREIDING] > 0
