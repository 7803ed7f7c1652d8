"""Conflicts (issue 16): fields changed on one side merge; the same field changed on two
laptops is exactly one conflict with both values, seen on every laptop; resolving it on any
laptop reaches the others, and the record's history keeps what it replaced; deleting on one
side and editing on the other is a conflict, not a silent delete."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from gebiedsapp.domain import Area, Conversation, RecordVersion, reference_id
from gebiedsapp.services import koffiekar, sync
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.sync import ConflictView
from support.sync_world import Team, differences, make_team

BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def set_area(team: Team, laptop: str, **values: object) -> None:
    with team.laptop(laptop).unit_of_work(laptop) as session:
        session.execute(update(Area).where(Area.id == BEERTA).values(**values))


def area(team: Team, laptop: str) -> Area:
    with team.laptop(laptop).read_session() as session:
        found = session.get(Area, BEERTA)
        assert found is not None
        return found


def conflicts(team: Team, laptop: str, *, include_resolved: bool = False) -> list[ConflictView]:
    with team.laptop(laptop).read_session() as session:
        return sync.list_conflicts(session, include_resolved=include_resolved)


def converged(team: Team) -> None:
    assert team.server is not None
    for name, database in team.laptops.items():
        assert differences(database, team.server) == [], name


def test_fields_changed_on_one_side_only_merge_without_a_conflict(team: Team) -> None:
    team.sync("anna")
    team.sync("bert")
    set_area(team, "anna", description="Dorp met een plein")
    set_area(team, "bert", sort_order=7)

    team.sync("anna")
    result = team.sync("bert")
    team.sync("anna")

    assert result.conflicts == 0
    for laptop in ("anna", "bert"):
        assert (area(team, laptop).description, area(team, laptop).sort_order) == (
            "Dorp met een plein",
            7,
        )
        assert conflicts(team, laptop) == []
    converged(team)


def test_the_same_field_changed_on_two_laptops_is_one_conflict_resolved_everywhere(
    team: Team,
) -> None:
    team.sync("anna")
    team.sync("bert")
    set_area(team, "anna", description="van anna", updated_by="anna")
    set_area(team, "bert", description="van bert", sort_order=9, updated_by="bert")

    team.sync("anna")
    found = team.sync("bert")
    team.sync("anna")

    assert found.conflicts == 1
    for laptop in ("anna", "bert"):
        (conflict,) = conflicts(team, laptop)
        assert conflict.table_name == "area"
        assert conflict.fields == ("description",)
        assert conflict.local_values == {"description": "van bert"}
        assert conflict.server_values == {"description": "van anna"}
        assert (conflict.local_by, conflict.status) == ("bert", "open")
        # every laptop shows the same until somebody decides: the server's value, and the
        # field that did not clash merged
        assert (area(team, laptop).description, area(team, laptop).sort_order) == ("van anna", 9)
    converged(team)

    with team.laptop("anna").unit_of_work("anna") as session:
        sync.resolve_conflict(session, conflict.id, keep="mine")
    team.sync("anna")
    team.sync("bert")

    for laptop in ("anna", "bert"):
        assert area(team, laptop).description == "van bert"
        assert conflicts(team, laptop) == []
        (done,) = conflicts(team, laptop, include_resolved=True)
        assert (done.status, done.resolution, done.resolved_by) == ("resolved", "mine", "anna")
        with team.laptop(laptop).read_session() as session:
            history = session.scalars(
                select(RecordVersion.changes).where(RecordVersion.record_id == BEERTA)
            ).all()
        assert [json.loads(h) for h in history] == [{"description": ["van anna", "van bert"]}]
    converged(team)


def test_a_merged_value_typed_by_the_user_is_kept(team: Team) -> None:
    team.sync("anna")
    team.sync("bert")
    set_area(team, "anna", description="van anna")
    set_area(team, "bert", description="van bert")
    team.sync("anna")
    team.sync("bert")
    (conflict,) = conflicts(team, "bert")

    with (
        team.laptop("bert").read_session("bert") as session,
        pytest.raises(ValidationError, match="veld"),
    ):
        sync.resolve_conflict(session, conflict.id, keep="merged", merged={})
    with team.laptop("bert").unit_of_work("bert") as session:
        sync.resolve_conflict(
            session, conflict.id, keep="merged", merged={"description": "van anna en bert"}
        )
    team.sync("bert")
    team.sync("anna")

    assert area(team, "anna").description == "van anna en bert"
    converged(team)


def _conversation(team: Team, laptop: str) -> Conversation:
    with team.laptop(laptop).unit_of_work(laptop) as session:
        round_ = koffiekar.start_session(
            session, SessionInput(area_id=BEERTA, day=date(2026, 11, 2), start_time=time(9))
        )
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(summary="Eerste versie", theme_ids=[EENZAAMHEID]),
            today=date(2026, 11, 2),
        )
        found = session.get(Conversation, recorded.id)
        assert found is not None
        return found


def test_deleted_on_one_laptop_and_edited_on_another_is_a_conflict(team: Team) -> None:
    conversation = _conversation(team, "anna")
    team.sync("anna")
    team.sync("bert")
    with team.laptop("anna").unit_of_work("anna") as session:
        row = session.get(Conversation, conversation.id)
        assert row is not None
        row.soft_delete()
    with team.laptop("bert").unit_of_work("bert") as session:
        row = session.get(Conversation, conversation.id)
        assert row is not None
        row.summary = "Tweede versie, aangevuld"

    team.sync("anna")
    found = team.sync("bert")
    team.sync("anna")

    assert found.conflicts == 1
    (conflict,) = conflicts(team, "anna")
    assert conflict.fields == ("deleted_at", "summary")
    assert conflict.local_values["summary"] == "Tweede versie, aangevuld"
    assert conflict.local_values["deleted_at"] is None
    assert conflict.server_values["deleted_at"] is not None
    converged(team)
    # nothing was silently lost: bert keeps his edit and the record comes back
    with team.laptop("bert").unit_of_work("bert") as session:
        sync.resolve_conflict(session, conflict.id, keep="mine")
    team.sync("bert")
    team.sync("anna")
    with team.laptop("anna").read_session() as session:
        row = session.get(Conversation, conversation.id)
        assert row is not None
        assert (row.summary, row.deleted_at) == ("Tweede versie, aangevuld", None)
    converged(team)
