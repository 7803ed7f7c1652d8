"""Rows that become visible to a laptop after its cursor passed them (issue 16): the server
decides per row who sees it, and that changes later when a link makes a resident visible, a
record moves to another area, or a user is assigned to another area. The laptop must then
get the rows it passed while they were hidden (services.sync.reveal). Each laptop syncs as
its user's own login, with the rights set up as IT sets them up."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from gebiedsapp.domain import (
    Activity,
    ActivityKind,
    Assignment,
    Consent,
    Conversation,
    RecordVersion,
    Resident,
    Role,
    Signal,
    SignalFeedback,
    SignalField,
    SignalHistory,
    SignalSource,
    activity_signal,
    reference_id,
)
from gebiedsapp.services import koffiekar, signals
from gebiedsapp.services import server as rights
from gebiedsapp.services.history import keep_version
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from support.sync_world import (
    BEERTA,
    EENZAAMHEID,
    TEAM_PASSWORD,
    ZWERFVUIL,
    RightsWorld,
    make_team,
    with_rights,
)

WINSCHOTEN = reference_id("area", "winschoten")
PASSWORD = TEAM_PASSWORD
ROLES = {
    "bea": ("beheerder", None, None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
    "bob": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),
    "willem": ("gebiedswethouder", Role.GEBIEDSWETHOUDER, BEERTA),
}


World = RightsWorld


@pytest.fixture
def world(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[World]:
    for team in make_team(tmp_path, migrated_template, pg_url):
        yield with_rights(team, ROLES)


def _round(database: Database, who: str, *, area: uuid.UUID, summary: str) -> uuid.UUID:
    """A koffiekar round with one conversation, then corrected (a history row); its id."""
    with database.unit_of_work(who) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=area, day=date(2026, 11, 25), start_time=time(9), place="Kerk"),
        )
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(summary=summary, theme_ids=[EENZAAMHEID]),
            today=date(2026, 11, 25),
        )
    with database.unit_of_work(who) as session:
        koffiekar.edit_conversation(
            session,
            recorded.id,
            ConversationInput(summary=summary + " (verbeterd)", theme_ids=[EENZAAMHEID]),
        )
    return recorded.id


def _signal(database: Database, who: str, *, area: uuid.UUID, text: str) -> uuid.UUID:
    """A signal with two history rows and a feedback row."""
    with database.unit_of_work(who) as session:
        signal = signals.create_signal(
            session,
            SignalInput(
                area_id=area, description=text, source=SignalSource.TELEFOON,
                reported_on=date(2026, 11, 20), category_id=ZWERFVUIL,
            ),
            today=date(2026, 11, 20),
        )  # fmt: skip
        signals.log_change(session, signal, SignalField.PRIORITY, "normaal", "hoog", "")
        signals.log_change(session, signal, SignalField.PRIORITY, "hoog", "normaal", "")
        signals.record_feedback(
            session, signal.id, given_on=date(2026, 11, 21), how="telefoon",
            note="Gebeld", today=date(2026, 11, 21),
        )  # fmt: skip
        return signal.id


def _ids(database: Database, query: object) -> set[uuid.UUID]:
    with database.read_session() as session:
        return set(session.scalars(query))  # type: ignore[call-overload]


def test_a_residents_history_pushed_before_the_link_reaches_the_other_laptops(
    world: World,
) -> None:
    anna, bob = world.team.laptop("anna"), world.team.laptop("bob")
    # anna registers a resident not linked to anything yet, and corrects the name (history)
    with anna.unit_of_work("anna") as session:
        resident = register_resident(
            session,
            ResidentInput(name="Trijntje Smit", phone="0597 111 222", wants_contact=True,
                          consent=True),
            area_id=BEERTA, today=date(2026, 11, 25),
        )  # fmt: skip
        assert resident is not None
        resident_id = resident.id
        keep_version(
            session, record_type="resident", record_id=resident_id, version=1,
            changes={"name": ["Trijntje Smid", "Trijntje Smit"]},
        )  # fmt: skip
    world.sync("anna")
    # later history of Beerta's own work; bob's cursors pass the resident's rows, hidden
    _round(anna, "anna", area=BEERTA, summary="Over de bus")
    world.sync("anna")
    world.sync("bob")
    assert _ids(bob, select(Resident.id)) == set()
    # now anna links the resident to a conversation in Beerta
    conversation = _round(anna, "anna", area=BEERTA, summary="Trijntje wil meedenken")
    with anna.unit_of_work("anna") as session:
        row = session.get(Conversation, conversation)
        assert row is not None
        row.resident_id = resident_id
    world.sync("anna")

    world.sync("bob")

    assert _ids(bob, select(Resident.id)) == {resident_id}
    history = select(RecordVersion.id).where(RecordVersion.record_id == resident_id)
    assert _ids(bob, history) == _ids(anna, history) != set()
    consents = select(Consent.id).where(Consent.resident_id == resident_id)
    assert _ids(bob, consents) == _ids(anna, consents) != set()


def test_a_record_moved_to_another_area_brings_its_older_rows(world: World) -> None:
    bea, bob = world.team.laptop("bea"), world.team.laptop("bob")
    moved = _signal(bea, "bea", area=WINSCHOTEN, text="Losliggende stoeptegels")
    world.sync("bea")
    _signal(bea, "bea", area=BEERTA, text="Zwerfvuil bij de school")  # later rows bob sees
    world.sync("bea")
    world.sync("bob")
    assert moved not in _ids(bob, select(Signal.id))
    with bea.unit_of_work("bea") as session:
        row = session.get(Signal, moved)
        assert row is not None
        row.area_id = BEERTA
    world.sync("bea")

    world.sync("bob")

    assert moved in _ids(bob, select(Signal.id))
    history = select(SignalHistory.id).where(SignalHistory.signal_id == moved)
    assert len(_ids(bob, history)) == 2
    assert _ids(bob, history) == _ids(bea, history)
    given = select(SignalFeedback.id).where(SignalFeedback.signal_id == moved)
    assert _ids(bob, given) == _ids(bea, given) != set()


def test_a_new_assignment_brings_what_was_hidden_before(world: World) -> None:
    bea, bob = world.team.laptop("bea"), world.team.laptop("bob")
    elsewhere = _signal(bea, "bea", area=WINSCHOTEN, text="Kapotte lantaarn")
    with bea.unit_of_work("bea") as session:
        activity = Activity(
            area_id=BEERTA, kind=ActivityKind.DORPSSCHOUW, date=date(2026, 11, 22),
            subject="Schouw met Winschoten",
        )  # fmt: skip
        session.add(activity)
        session.flush()
        session.execute(activity_signal.insert().values(activity_id=activity.id,
                                                         signal_id=elsewhere))  # fmt: skip
        activity_id = activity.id
    _signal(bea, "bea", area=BEERTA, text="Zwerfvuil bij de school")  # later rows bob sees
    world.sync("bea")
    result = world.sync("bob")
    assert result.skipped > 0  # the link to a signal bob may not see
    assert elsewhere not in _ids(bob, select(Signal.id))
    links = select(activity_signal.c.signal_id).where(activity_signal.c.activity_id == activity_id)
    assert _ids(bob, links) == set()
    # bob is assigned to Winschoten as well
    with bea.unit_of_work("bea") as session:
        session.add(
            Assignment(
                member_id=world.members["bob"], area_id=WINSCHOTEN, role=Role.OPBOUWWERKER,
                start_date=date(2024, 1, 1),
            )
        )  # fmt: skip
    world.sync("bea")

    world.sync("bob")

    assert elsewhere in _ids(bob, select(Signal.id))
    assert _ids(bob, links) == {elsewhere}
    history = select(SignalHistory.id).where(SignalHistory.signal_id == elsewhere)
    assert _ids(bob, history) == _ids(bea, history) != set()


def test_a_wethouder_who_becomes_staff_receives_the_details_of_rows_held_already(
    world: World,
) -> None:
    anna, willem = world.team.laptop("anna"), world.team.laptop("willem")
    with anna.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 25), start_time=time(9), place="Kerk"),
        )
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                summary="Wil een bankje",
                theme_ids=[EENZAAMHEID],
                resident=ResidentInput(
                    name="Hendrik Mulder", phone="0597 999 888", wants_contact=True, consent=True
                ),
            ),
            today=date(2026, 11, 25),
        )
    world.sync("anna")
    world.sync("willem")
    with willem.read_session() as session:
        resident_id = session.scalar(
            select(Conversation.resident_id).where(Conversation.id == recorded.id)
        )
        assert resident_id is not None
        assert [r.name for r in session.scalars(select(Resident))] == [""]  # the link only
    # the wethouder's login becomes an opbouwwerker's (as IT does with `server user add`)
    assert world.team.server is not None
    rights.add_user(
        world.team.server, account=world.logins["willem"], role="opbouwwerker", password=PASSWORD
    )

    world.sync("willem")

    with willem.read_session() as session:
        resident = session.get(Resident, resident_id)
        assert resident is not None
        assert (resident.name, resident.phone) == ("Hendrik Mulder", "0597 999 888")
