"""A record moved to another area on the server (issue 16): a laptop of the old area that
holds it lets go of it and of its rows (history, conflicts) at its next sync, as when rights
shrink; its own unsent change to a moved record stays and is said to be "niet te versturen".
Against a real PostgreSQL server with the rights IT sets up."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from gebiedsapp.domain import (
    Consent,
    Conversation,
    KoffiekarSession,
    RecordVersion,
    Resident,
    Role,
    Signal,
    SignalField,
    SignalHistory,
    SignalSource,
    SyncConflict,
    reference_id,
)
from gebiedsapp.services import koffiekar, signals, sync
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from support.dbfile import key_of
from support.pages import readable
from support.sync_world import (
    BEERTA,
    EENZAAMHEID,
    TEAM_PASSWORD,
    ZWERFVUIL,
    RightsWorld,
    also_assign,
    make_team,
    with_rights,
)

WINSCHOTEN = reference_id("area", "winschoten")
ROLES = {
    "bea": ("beheerder", None, None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),  # Beerta only
    "wim": ("opbouwwerker", Role.OPBOUWWERKER, BEERTA),  # Beerta and (below) Winschoten
}


@pytest.fixture
def world(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[RightsWorld]:
    for team in make_team(tmp_path, migrated_template, pg_url):
        world = with_rights(team, ROLES)
        also_assign(world, "wim", WINSCHOTEN)
        yield world


def _signal(database: Database, who: str, text_: str) -> uuid.UUID:
    with database.unit_of_work(who) as session:
        signal = signals.create_signal(
            session,
            SignalInput(
                area_id=BEERTA, description=text_, source=SignalSource.TELEFOON,
                reported_on=date(2026, 11, 20), category_id=ZWERFVUIL,
            ),
            today=date(2026, 11, 20),
        )  # fmt: skip
        signals.log_change(session, signal, SignalField.PRIORITY, "normaal", "hoog", "")
        return signal.id


def _describe(database: Database, who: str, signal_id: uuid.UUID, description: str) -> None:
    with database.unit_of_work(who) as session:
        row = session.get(Signal, signal_id)
        assert row is not None
        row.description = description


def _move(database: Database, who: str, *signal_ids: uuid.UUID) -> None:
    with database.unit_of_work(who) as session:
        for signal_id in signal_ids:
            row = session.get(Signal, signal_id)
            assert row is not None
            row.area_id = WINSCHOTEN


def _held(database: Database) -> dict[str, set[uuid.UUID]]:
    """What a laptop holds about signals: the signals, their history, conflicts, versions."""
    with database.read_session() as session:
        return {
            "signal": set(session.scalars(select(Signal.id))),
            "history": set(session.scalars(select(SignalHistory.signal_id))),
            "conflict": {
                uuid.UUID(key)
                for key in session.scalars(
                    select(SyncConflict.row_key).where(SyncConflict.table_name == "signal")
                )
            },
            "version": set(
                session.scalars(
                    select(RecordVersion.record_id).where(RecordVersion.record_type == "signal")
                )
            ),
        }


def _outbox(database: Database) -> set[tuple[str, str]]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT table_name, row_key FROM sync_outbox"))
        return {(row[0], row[1]) for row in rows}


def _words(database: Database, *words: str) -> list[str]:
    path = database.file
    assert path is not None
    pages = readable(path, key_of(path))
    return [w for w in words if w.encode() in pages]


def test_a_laptop_of_the_old_area_lets_go_of_a_moved_record_and_its_conflict(
    world: RightsWorld,
) -> None:
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    moved = _signal(bea, "bea", "Kapotte lantaarn Oostereinde")
    edited = _signal(bea, "bea", "Losliggende stoeptegels")
    stays = _signal(bea, "bea", "Zwerfvuil bij de school")
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    # anna and wim both change the lantern's text: a conflict on anna's laptop, pushed
    _describe(wim, "wim", moved, "Kapotte lantaarn Oostereinde, bij de Noorderweg")
    world.sync("wim")
    _describe(anna, "anna", moved, "Kapotte lantaarn Oostereinde, hoek Zuiderpad")
    clash = world.sync("anna")
    assert clash.conflicts == 1
    world.sync("anna")
    assert moved in _held(anna)["conflict"]
    # offline, anna adds to another signal; meanwhile wim moves both to Winschoten
    _describe(anna, "anna", edited, "Losliggende stoeptegels, ook bij nummer 12")
    world.sync("wim")
    _move(wim, "wim", moved, edited)
    world.sync("wim")
    assert world.team.server is not None
    with world.team.server.engine.connect() as connection:  # the conflict followed its record
        area = connection.scalar(
            text("SELECT area_id FROM sync_conflict WHERE row_key = :key"), {"key": moved.hex}
        )
    assert area == WINSCHOTEN
    planned = sync.run_sync(  # what the sync below will do: hold her change back
        anna, server_url=world.address("anna"), password=TEAM_PASSWORD, dry_run=True
    )
    signal_plan = next(p for p in planned.plan if p.table == "signal")
    assert (signal_plan.push, signal_plan.held, planned.not_theirs) == (0, 1, 1)

    result = world.sync("anna", clean=False)

    held = _held(anna)
    assert moved not in held["signal"] | held["history"] | held["conflict"] | held["version"]
    assert {edited, stays} <= held["signal"]  # her unsent change stays; Beerta's signal too
    with anna.read_session() as session:
        row = session.get(Signal, edited)
        assert row is not None
        assert row.description.endswith("ook bij nummer 12")
        assert row.area_id == BEERTA  # as she left it: her change, not sent
    assert result.removed >= 3  # the signal, its history, its conflict
    assert (result.not_theirs, result.waiting, result.refused) == (1, 1, 0)
    assert sync.sync_status(anna).not_theirs == 1
    assert _outbox(anna) == {("signal", edited.hex)}  # nothing let go of goes out as a delete
    assert _words(anna, "Oostereinde", "Noorderweg", "Zuiderpad") == []
    # the server and Winschoten keep it all; nothing of anna's moved it back
    world.sync("wim")
    assert moved in _held(wim)["conflict"]
    with wim.read_session() as session:
        assert session.get(Signal, moved).area_id == WINSCHOTEN  # type: ignore[union-attr]
        assert session.get(Signal, edited).description == "Losliggende stoeptegels"  # type: ignore[union-attr]
    # a second sync: nothing more to let go of, the change still waits, not sent
    again = world.sync("anna", clean=False)
    assert (again.removed, again.not_theirs, again.pushed, again.refused) == (0, 1, 0, 0)
    assert moved not in _held(anna)["signal"]


def test_a_record_moved_back_stays_and_a_laptop_of_both_areas_keeps_it(
    world: RightsWorld,
) -> None:
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    there_and_back = _signal(bea, "bea", "Bankje kapot")
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    _move(wim, "wim", there_and_back)
    world.sync("wim")
    with wim.unit_of_work("wim") as session:
        row = session.get(Signal, there_and_back)
        assert row is not None
        row.area_id = BEERTA
    world.sync("wim")

    result = world.sync("anna")

    assert result.removed == 0
    assert there_and_back in _held(anna)["signal"]
    assert there_and_back in _held(anna)["history"]
    assert there_and_back in _held(wim)["signal"]


def _round(database: Database, who: str, place: str, *people: tuple[str, str]) -> list[uuid.UUID]:
    """A koffiekar round in Beerta with a conversation per (name, phone); the conversations."""
    made = []
    with database.unit_of_work(who) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 25), start_time=time(9), place=place),
        )
        for name, phone in people:
            recorded = koffiekar.record_conversation(
                session,
                session_id=round_.id,
                data=ConversationInput(
                    summary=f"Gesprek met {name}",
                    theme_ids=[EENZAAMHEID],
                    resident=ResidentInput(
                        name=name, phone=phone, wants_contact=True, consent=True
                    ),
                ),
                today=date(2026, 11, 25),
            )
            made.append(recorded.id)
    return made


def test_a_resident_seen_only_through_a_moved_record_goes_too(world: RightsWorld) -> None:
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    moved_talk, shared_talk = _round(
        bea, "bea", "Kerk", ("Hendrik Mulder", "0597 999 888"), ("Geertje Bakker", "0597 111 222")
    )
    (staying_talk,) = _round(bea, "bea", "School", ("Iemand Anders", "0597 333 444"))
    with bea.unit_of_work("bea") as session:  # Geertje is named in a round that stays too
        shared = session.get(Conversation, shared_talk)
        staying = session.get(Conversation, staying_talk)
        assert shared is not None
        assert staying is not None
        staying.resident_id = geertje = shared.resident_id
        round_id = shared.session_id
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    assert _words(anna, "Hendrik Mulder", "0597 999 888", "Geertje Bakker")
    with wim.unit_of_work("wim") as session:  # the Kerk round was Winschoten's after all
        round_ = session.get(KoffiekarSession, round_id)
        assert round_ is not None
        round_.area_id = WINSCHOTEN
    world.sync("wim")

    result = world.sync("anna")

    with anna.read_session() as session:
        assert session.get(Conversation, moved_talk) is None
        assert session.get(Conversation, shared_talk) is None
        assert session.get(Conversation, staying_talk) is not None
        names = set(session.scalars(select(Resident.name)))
        consents = list(session.scalars(select(Consent.id).where(Consent.resident_id == geertje)))
    assert "Geertje Bakker" in names  # still named by Beerta's round
    assert consents  # and her consent stays with her
    assert "Hendrik Mulder" not in names
    assert result.removed >= 4  # the round, two conversations, Hendrik (and his consent)
    assert _words(anna, "Hendrik Mulder", "0597 999 888") == []
    assert _outbox(anna) == set()


def _server_count(world: RightsWorld, query: str) -> int:
    assert world.team.server is not None
    with world.team.server.engine.connect() as connection:
        return int(connection.scalar(text(query)) or 0)


def test_a_new_row_under_a_moved_record_waits_with_it_until_the_record_moves_back(
    world: RightsWorld,
) -> None:
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    moved = _signal(bea, "bea", "Kapotte lantaarn Molenweg")
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    with anna.unit_of_work("anna") as session:  # offline: only a new history line
        row = session.get(Signal, moved)
        assert row is not None
        signals.log_change(session, row, SignalField.PRIORITY, "hoog", "laag", "nieuwe-regel")
    _move(wim, "wim", moved)
    world.sync("wim")
    planned = sync.run_sync(
        anna, server_url=world.address("anna"), password=TEAM_PASSWORD, dry_run=True
    )
    history_plan = next(p for p in planned.plan if p.table == "signal_history")
    assert (history_plan.push, history_plan.held, planned.not_theirs) == (0, 1, 1)

    result = world.sync("anna", clean=False)

    assert (result.refused, result.pushed, result.not_theirs, result.waiting) == (0, 0, 1, 1)
    assert moved in _held(anna)["signal"]  # kept: her new line refers to it
    assert sync.sync_status(anna).not_theirs == 1
    again = world.sync("anna", clean=False)
    assert (again.refused, again.pushed, again.not_theirs, again.removed) == (0, 0, 1, 0)
    notes = "SELECT count(*) FROM signal_history WHERE note = 'nieuwe-regel'"
    assert _server_count(world, notes) == 0
    # the signal comes back to Beerta: her line goes out after all
    with wim.unit_of_work("wim") as session:
        row = session.get(Signal, moved)
        assert row is not None
        row.area_id = BEERTA
    world.sync("wim")
    back = world.sync("anna")
    assert (back.pushed, back.not_theirs) == (1, 0)
    assert _server_count(world, notes) == 1
    assert sync.sync_status(anna).not_theirs == 0


def test_a_moved_record_kept_only_for_a_new_line_is_asked_about_at_every_sync(
    world: RightsWorld,
) -> None:
    """Kept only for her line; the line is the only thing that keeps it (re-checked)."""
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    moved = _signal(bea, "bea", "Scheve paal Hoofdstraat")
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    with anna.unit_of_work("anna") as session:
        row = session.get(Signal, moved)
        assert row is not None
        signals.log_change(session, row, SignalField.PRIORITY, "hoog", "laag", "nog-een-regel")
    _move(wim, "wim", moved)
    world.sync("wim")
    world.sync("anna", clean=False)
    with anna.engine.connect() as connection:
        kept = connection.scalar(
            text("SELECT value FROM app_setting WHERE key = 'sync.moved_away'")
        )
    assert kept is not None
    assert moved.hex in kept  # asked about again at every sync


def test_a_new_conversation_in_a_moved_round_waits_whole_and_sends_no_resident(
    world: RightsWorld,
) -> None:
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    (talk,) = _round(bea, "bea", "Kerk", ("Hendrik Mulder", "0597 999 888"))
    with bea.read_session() as session:
        conversation = session.get(Conversation, talk)
        assert conversation is not None
        round_id = conversation.session_id
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    with anna.unit_of_work("anna") as session:
        koffiekar.record_conversation(
            session,
            session_id=round_id,
            data=ConversationInput(
                summary="Gesprek over de speeltuin",
                theme_ids=[EENZAAMHEID],
                resident=ResidentInput(
                    name="Piet Postma", phone="0597 555 555", wants_contact=True, consent=True
                ),
            ),
            today=date(2026, 11, 25),
        )
    waiting = _outbox(anna)
    assert {"conversation", "resident", "consent", "conversation_theme"} <= {
        name for name, _key in waiting
    }
    with wim.unit_of_work("wim") as session:
        round_ = session.get(KoffiekarSession, round_id)
        assert round_ is not None
        round_.area_id = WINSCHOTEN
    world.sync("wim")
    planned = sync.run_sync(
        anna, server_url=world.address("anna"), password=TEAM_PASSWORD, dry_run=True
    )
    assert sum(p.push for p in planned.plan) == 0
    assert planned.not_theirs == len(waiting)

    result = world.sync("anna", clean=False)

    assert (result.refused, result.pushed) == (0, 0)
    assert result.not_theirs == result.waiting == len(waiting)
    assert _outbox(anna) == waiting
    assert _server_count(world, "SELECT count(*) FROM resident WHERE name = 'Piet Postma'") == 0
    assert _words(anna, "Piet Postma", "Gesprek over de speeltuin") != []
    with anna.read_session() as session:
        assert session.get(KoffiekarSession, round_id) is not None  # her talk's round stays
    again = world.sync("anna", clean=False)
    assert (again.refused, again.pushed, again.not_theirs) == (0, 0, len(waiting))


def test_a_resident_kept_for_a_waiting_change_keeps_their_consent(world: RightsWorld) -> None:
    bea, anna, wim = (world.team.laptop(n) for n in ("bea", "anna", "wim"))
    (talk,) = _round(bea, "bea", "Kerk", ("Hendrik Mulder", "0597 999 888"))
    with bea.read_session() as session:
        conversation = session.get(Conversation, talk)
        assert conversation is not None
        hendrik, round_id = conversation.resident_id, conversation.session_id
    world.sync("bea")
    world.sync("anna")
    world.sync("wim")
    with anna.unit_of_work("anna") as session:
        resident = session.get(Resident, hendrik)
        assert resident is not None
        resident.phone = "0597 000 000"
    with anna.read_session() as session:
        consents = set(session.scalars(select(Consent.id).where(Consent.resident_id == hendrik)))
    assert consents
    with wim.unit_of_work("wim") as session:
        round_ = session.get(KoffiekarSession, round_id)
        assert round_ is not None
        round_.area_id = WINSCHOTEN
    world.sync("wim")

    result = world.sync("anna", clean=False)

    assert (result.refused, result.not_theirs) == (0, 1)
    with anna.read_session() as session:
        assert session.get(Resident, hendrik) is not None
        kept = set(session.scalars(select(Consent.id).where(Consent.resident_id == hendrik)))
    assert kept == consents
