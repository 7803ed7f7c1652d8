"""One user action is one unit of work: all of it is kept, or none of it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from gebiedsapp.domain import Area, AreaKind, TeamMember, reference_id
from gebiedsapp.services import areas, teams
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage.database import Database


def _counts(database: Database) -> tuple[int, int]:
    with database.read_session() as session:
        return (
            session.scalar(select(func.count()).select_from(TeamMember)) or 0,
            session.scalar(select(func.count()).select_from(Area)) or 0,
        )


def test_validation_error_leaves_no_half_written_record(database: Database) -> None:
    before = _counts(database)
    seen_inside: list[int] = []

    def action() -> None:
        with database.unit_of_work("test") as session:
            teams.add_member(session, name="Pieter Testema")  # flushed: in the transaction
            seen_inside.append(session.scalar(select(func.count()).select_from(TeamMember)) or 0)
            areas.create_area(
                session, name="  ", kind=AreaKind.GEBIED, parent_id=reference_id("area", "oldambt")
            )

    with pytest.raises(ValidationError, match="Geef het gebied een naam"):
        action()
    assert seen_inside == [before[0] + 1]
    assert _counts(database) == before


def test_completed_unit_of_work_is_committed(database: Database) -> None:
    members, area_count = _counts(database)
    with database.unit_of_work("test") as session:
        teams.add_member(session, name="Pieter Testema")
        areas.create_area(
            session, name="Nieuw", kind=AreaKind.GEBIED, parent_id=reference_id("area", "oldambt")
        )
    assert _counts(database) == (members + 1, area_count + 1)
    with database.read_session() as session:
        member = session.scalars(select(TeamMember)).one()
        assert (member.name, member.created_by) == ("Pieter Testema", "test")
