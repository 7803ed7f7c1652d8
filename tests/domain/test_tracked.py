"""The Tracked mixin: audit stamps from the session's actor, row versions, UTC timestamps."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from gebiedsapp.domain import Area, Assignment, Role, TeamMember, reference_id
from gebiedsapp.domain.base import UTCDateTime
from gebiedsapp.services import teams
from gebiedsapp.storage.database import Database


def _create_member(database: Database, actor: str) -> uuid.UUID:
    with database.unit_of_work(actor) as session:
        return teams.add_member(session, name="Anna Testema").id


def test_new_record_is_stamped_with_the_actor(database: Database) -> None:
    member_id = _create_member(database, "a")
    with database.read_session() as session:
        member = session.get_one(TeamMember, member_id)
        assert (member.created_by, member.updated_by, member.version) == ("a", "a", 1)
        assert member.deleted_at is None
        assert not member.is_deleted


def test_update_stamps_updater_and_bumps_version(database: Database) -> None:
    member_id = _create_member(database, "a")
    with database.unit_of_work("b") as session:
        session.get_one(TeamMember, member_id).name = "Anna Voorbeeldstra"
    with database.unit_of_work("c") as session:
        session.get_one(TeamMember, member_id).phone = "06-12345678"

    with database.read_session() as session:
        member = session.get_one(TeamMember, member_id)
        assert member.name == "Anna Voorbeeldstra"
        assert (member.created_by, member.updated_by, member.version) == ("a", "c", 3)


def test_unchanged_record_keeps_its_stamps(database: Database) -> None:
    member_id = _create_member(database, "a")
    with database.unit_of_work("b") as session:
        member = session.get_one(TeamMember, member_id)
        member.name = member.name  # set to the same value: not a modification
    with database.read_session() as session:
        member = session.get_one(TeamMember, member_id)
        assert (member.updated_by, member.version) == ("a", 1)


def test_stale_update_is_refused(database: Database) -> None:
    member_id = _create_member(database, "a")
    first = database.read_session("a")
    second = database.read_session("b")
    try:
        mine = first.get_one(TeamMember, member_id)
        theirs = second.get_one(TeamMember, member_id)
        theirs.name = "Gewijzigd op de andere laptop"
        second.commit()

        mine.name = "Gewijzigd op deze laptop"
        with pytest.raises(StaleDataError):
            first.flush()
        first.rollback()
    finally:
        first.close()
        second.close()
    with database.read_session() as session:
        member = session.get_one(TeamMember, member_id)
        assert (member.name, member.version) == ("Gewijzigd op de andere laptop", 2)


def test_timestamps_come_back_aware_utc(database: Database) -> None:
    member_id = _create_member(database, "a")
    with database.read_session() as session:
        member = session.get_one(TeamMember, member_id)
        for stamp in (member.created_at, member.updated_at):
            assert stamp.tzinfo is UTC
        assert member.updated_at >= member.created_at
        raw = session.execute(
            text("SELECT created_at FROM team_member WHERE id = :id"), {"id": member_id.hex}
        ).scalar_one()
    # stored without an offset (SQLite has no time zones) and equal to the UTC wall time
    assert isinstance(raw, str)
    assert "+" not in raw
    assert raw.startswith(member.created_at.strftime("%Y-%m-%d %H:%M:%S"))


def test_aware_non_utc_datetime_is_stored_as_utc(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    member = make_member()
    member.deleted_at = datetime(2026, 6, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    session.commit()
    session.expire_all()
    stored = session.get_one(TeamMember, member.id).deleted_at
    assert stored == datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert stored is not None
    assert stored.tzinfo is UTC


def test_naive_datetime_is_rejected(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    member = make_member()
    member.deleted_at = datetime(2026, 6, 1, 12, 0)  # naive: the point of the test
    with pytest.raises(StatementError) as caught:
        session.flush()
    assert isinstance(caught.value.orig, ValueError)
    assert "naive datetime" in str(caught.value.orig)


def test_utc_datetime_type_directly() -> None:
    column_type = UTCDateTime()
    dialect = sqlite.dialect()
    with pytest.raises(ValueError, match="naive"):
        column_type.process_bind_param(datetime(2026, 1, 1), dialect)
    aware = datetime(2026, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=1)))
    assert column_type.process_bind_param(aware, dialect) == datetime(2026, 1, 1, 0, 0)
    back = column_type.process_result_value(datetime(2026, 1, 1), dialect)
    assert back == datetime(2026, 1, 1, tzinfo=UTC)
    assert column_type.process_bind_param(None, dialect) is None


def test_soft_delete_keeps_the_row(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    member = make_member()
    member.soft_delete()
    session.commit()
    row = session.scalars(select(TeamMember).where(TeamMember.id == member.id)).one()
    assert row.is_deleted
    assert row.deleted_at is not None
    assert row.deleted_at.tzinfo is UTC


def test_reference_ids_are_stable_across_versions() -> None:
    """Changing these would make every laptop's reference rows different: merges would break."""
    assert reference_id("area", "winschoten") == uuid.UUID("e6c2557a-612a-5ed2-bce8-a5e8c22216a0")
    assert reference_id("theme", "eenzaamheid") == uuid.UUID("6b26a081-8bab-5f87-913d-a5fc69397189")
    assert reference_id("area", "winschoten") != reference_id("theme", "winschoten")


def test_assignment_period_is_inclusive() -> None:
    assignment = Assignment(
        role=Role.OPBOUWWERKER, start_date=date(2026, 1, 1), end_date=date(2026, 1, 31)
    )
    assert not assignment.is_active_on(date(2025, 12, 31))
    assert assignment.is_active_on(date(2026, 1, 1))
    assert assignment.is_active_on(date(2026, 1, 31))
    assert not assignment.is_active_on(date(2026, 2, 1))
    open_ended = Assignment(role=Role.OPBOUWWERKER, start_date=date(2026, 1, 1), end_date=None)
    assert open_ended.is_active_on(date(2099, 1, 1))


def test_assignment_period_check_in_the_database(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    """The database itself refuses an end before the start, whatever a service forgets."""
    member = make_member()
    area_id = reference_id("area", "beerta")
    assert session.get(Area, area_id) is not None
    session.add(
        Assignment(
            member_id=member.id,
            area_id=area_id,
            role=Role.OPBOUWWERKER,
            start_date=date(2026, 2, 1),
            end_date=date(2026, 1, 1),
        )
    )
    with pytest.raises(IntegrityError, match="ck_assignment_period"):
        session.flush()
