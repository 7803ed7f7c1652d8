"""Team sync's edges (issue 16) against the real server, each laptop as its user's own login
with the rights as IT sets them up: a conflict follows its record to another area; a user
who loses an area (or the right to personal data) keeps on the laptop only what the server
still shows them, and never loses an unsent change; a team member's laptop takes the
server's reference data instead of pushing its own for ever."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from gebiedsapp import cli
from gebiedsapp.domain import (
    Assignment,
    Conversation,
    Partner,
    PartnerKind,
    RecordVersion,
    Resident,
    Role,
    Signal,
    SignalField,
    SignalHistory,
    SignalPhoto,
    SignalSource,
    SyncConflict,
    Theme,
    reference_id,
)
from gebiedsapp.services import koffiekar, signal_photos, signals, summary, sync
from gebiedsapp.services import server as rights
from gebiedsapp.services.history import keep_version
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.period import Period
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from support.dbfile import key_of
from support.images import png
from support.pages import readable
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


def _signal(database: Database, who: str, *, area: uuid.UUID, text: str) -> uuid.UUID:
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
        return signal.id


def _conflicts(database: Database) -> dict[uuid.UUID, uuid.UUID | None]:
    """{conflict id: its area} on a laptop."""
    with database.read_session() as session:
        return {c.id: c.area_id for c in session.scalars(select(SyncConflict))}


# --- 2. a conflict follows its record ------------------------------------------------------


def test_a_conflict_follows_its_record_to_the_new_area(world: World) -> None:
    bea, bob = world.team.laptop("bea"), world.team.laptop("bob")
    moved = _signal(bea, "bea", area=WINSCHOTEN, text="Losliggende stoeptegels")
    with bea.unit_of_work("bea") as session:
        conflict = SyncConflict(
            table_name="signal", row_key=moved.hex, area_id=WINSCHOTEN, fields="description",
            local_values=json.dumps({"description": "Losliggende stoeptegels"}),
            server_values=json.dumps({"description": "Stoeptegels los"}),
            local_by="bea", server_by="anna",
        )  # fmt: skip
        session.add(conflict)
        session.flush()
        conflict_id = conflict.id
    world.sync("bea")
    world.sync("bob")
    assert conflict_id not in _conflicts(bob)  # Winschoten's business
    with bea.unit_of_work("bea") as session:
        row = session.get(Signal, moved)
        assert row is not None
        row.area_id = BEERTA
    world.sync("bea")

    world.sync("bob")
    world.sync("bea")

    assert _conflicts(bob).get(conflict_id) == BEERTA  # Beerta's team sees it, in Beerta
    assert _conflicts(bea)[conflict_id] == BEERTA  # the laptop that moved it takes the area
    assert world.team.server is not None
    with world.team.server.engine.connect() as connection:
        area = connection.scalar(
            text("SELECT area_id FROM sync_conflict WHERE id = :id"), {"id": conflict_id}
        )
    assert area == BEERTA


# --- 1. a user who loses an area, or the right to personal data -----------------------------


def _signal_ids(database: Database) -> set[uuid.UUID]:
    with database.read_session() as session:
        return set(session.scalars(select(Signal.id)))


def _pages(database: Database) -> bytes:
    path = database.file
    assert path is not None
    return readable(path, key_of(path))


def _new_signals(database: Database, area: uuid.UUID) -> int:
    """The signals new in November 2026 in the summary of `area`, as the laptop makes it."""
    with database.read_session() as session:
        made = summary.area_summary(
            session, [area], Period(date(2026, 11, 1), date(2026, 11, 30)),
            today=date(2026, 12, 1),
        )  # fmt: skip
    return made.current.signals_new


def _words(database: Database, *words: str) -> list[str]:
    pages = _pages(database)
    return [w for w in words if w.encode() in pages]


def test_a_user_who_loses_an_area_lets_go_of_it_but_keeps_an_unsent_change(
    world: World,
) -> None:
    bea, bob = world.team.laptop("bea"), world.team.laptop("bob")
    with bea.unit_of_work("bea") as session:
        extra = Assignment(
            member_id=world.members["bob"], area_id=WINSCHOTEN, role=Role.OPBOUWWERKER,
            start_date=date(2024, 1, 1),
        )  # fmt: skip
        session.add(extra)
        session.flush()
        extra_id = extra.id
    left = _signal(bea, "bea", area=WINSCHOTEN, text="Kapotte lantaarn Oostereinde")
    edited = _signal(bea, "bea", area=WINSCHOTEN, text="Losliggende stoeptegels")
    kept = _signal(bea, "bea", area=BEERTA, text="Zwerfvuil bij de school")
    world.sync("bea")
    world.sync("bob")
    assert {left, edited, kept} <= _signal_ids(bob)
    # offline, bob adds to a Winschoten signal; meanwhile the beheerder removes his assignment
    with bob.unit_of_work("bob") as session:
        row = session.get(Signal, edited)
        assert row is not None
        row.description = "Losliggende stoeptegels, ook bij nummer 12"
    with bea.unit_of_work("bea") as session:
        ended = session.get(Assignment, extra_id)
        assert ended is not None
        ended.soft_delete()  # as Beheer's 'verwijderen' does
    world.sync("bea")

    result = world.sync("bob", clean=False)

    assert left not in _signal_ids(bob)  # Winschoten's, not his any more
    assert {edited, kept} <= _signal_ids(bob)  # his own unsent change stays, Beerta stays
    with bob.read_session() as session:
        row = session.get(Signal, edited)
        assert row is not None
        assert row.description.endswith("ook bij nummer 12")
        history = select(SignalHistory.id).where(SignalHistory.signal_id == left)
        assert list(session.scalars(history)) == []
    assert (result.not_theirs, result.waiting, result.removed) == (1, 1, result.removed)
    assert result.removed >= 2  # the signal and its history
    assert _outbox(bob) == {("signal", edited.hex)}  # nothing removed goes out as a delete
    assert sync.sync_status(bob).not_theirs == 1
    assert _words(bob, "Oostereinde") == []  # nor in any page of the file
    assert _new_signals(bob, WINSCHOTEN) == 1  # his summary: only his own waiting change
    assert _new_signals(bob, BEERTA) == _new_signals(bea, BEERTA) == 1
    # the server and the team keep what bob let go of
    assert world.team.server is not None
    assert left in _signal_ids(world.team.server)
    world.sync("bea")
    assert left in _signal_ids(bea)
    # a second sync: nothing more removed, the change still waits and is still refused
    again = world.sync("bob", clean=False)
    assert (again.removed, again.not_theirs, again.pushed) == (0, 1, 0)
    assert left not in _signal_ids(bob)


def test_a_user_who_becomes_wethouder_lets_go_of_the_personal_data(world: World) -> None:
    bea, anna = world.team.laptop("bea"), world.team.laptop("anna")
    with bea.unit_of_work("bea") as session:
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
        resident_id = session.get(Conversation, recorded.id).resident_id  # type: ignore[union-attr]
        assert resident_id is not None
        keep_version(
            session, record_type="resident", record_id=resident_id, version=1,
            changes={"name": ["Hendrik Muldre", "Hendrik Mulder"]},
        )  # fmt: skip
    signal = _signal(bea, "bea", area=BEERTA, text="Bankje kapot")
    photo = png(9, 7, shade=77)
    with bea.unit_of_work("bea") as session:
        signal_photos.add_photo(session, signal, file_name="bank.png", data=photo, caption="")
    world.sync("bea")
    world.sync("anna")
    secrets = ("Hendrik Mulder", "0597 999 888", "Hendrik Muldre")
    assert _words(anna, *secrets)
    assert photo in _pages(anna)
    # anna's login becomes a wethouder's (as IT does with `server user add`)
    assert world.team.server is not None
    rights.add_user(
        world.team.server, account=world.logins["anna"], role="gebiedswethouder",
        password=PASSWORD,
    )  # fmt: skip

    result = world.sync("anna")

    with anna.read_session() as session:
        resident = session.get(Resident, resident_id)
        assert resident is not None  # the link stays, as a wethouder receives it
        assert (resident.name, resident.phone) == ("", "")
        assert list(session.scalars(select(SignalPhoto.id))) == []
        history = select(RecordVersion.id).where(RecordVersion.record_id == resident_id)
        assert list(session.scalars(history)) == []
        assert session.get(Conversation, recorded.id) is not None
    assert result.removed >= 3
    assert _outbox(anna) == set()
    assert _words(anna, *secrets) == []
    assert photo not in _pages(anna)
    with bea.read_session() as session:  # the team keeps them
        assert session.get(Resident, resident_id).name == "Hendrik Mulder"  # type: ignore[union-attr]


def _outbox(database: Database) -> set[tuple[str, str]]:
    with database.engine.connect() as connection:
        return {
            (row[0], row[1])
            for row in connection.execute(text("SELECT table_name, row_key FROM sync_outbox"))
        }


# --- 3. reference data on a team member's laptop --------------------------------------------


@pytest.fixture
def early(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[World]:
    """The server set up and the logins made, but no beheerder has synced yet."""
    for team in make_team(tmp_path, migrated_template, pg_url):
        assert team.server is not None
        prefix = make_url(pg_url).database
        logins = {who: f"{prefix}_{who}" for who in ("bea", "anna")}
        rights.set_up(team.server)
        rights.add_user(team.server, account=logins["bea"], role="beheerder", password=PASSWORD)
        rights.add_user(team.server, account=logins["anna"], role="opbouwwerker", password=PASSWORD)
        yield World(team, logins, {})


LOCAL_PARTNER = reference_id("partner", "dorpsbelang-beerta")


def _partner(database: Database, who: str) -> None:
    """A partner as a newer version of the app would load it (the same uuid5 everywhere)."""
    with database.unit_of_work(who) as session:
        session.add(
            Partner(
                id=LOCAL_PARTNER, key="dorpsbelang-beerta", name="Dorpsbelang Beerta",
                kind=PartnerKind.BEWONERSORGANISATIE,
            )
        )  # fmt: skip


def test_a_team_member_takes_the_servers_reference_data_and_is_never_refused(
    early: World,
) -> None:
    anna = early.team.laptop("anna")
    with anna.unit_of_work("anna") as session:  # anna's own copy differs (an older load)
        theme = session.get(Theme, EENZAAMHEID)
        assert theme is not None
        theme.name = "Eenzaam"
    _partner(anna, "anna")  # and she has a partner the server does not have yet

    first = early.sync("anna", clean=False)

    assert (first.refused, first.reference_replaced, first.reference_held) == (0, 1, 1)
    assert first.waiting == 1  # the partner waits: never lost, never sent
    with anna.read_session() as session:
        assert session.get(Theme, EENZAAMHEID).name == "Eenzaamheid"  # type: ignore[union-attr]
        assert session.get(Partner, LOCAL_PARTNER) is not None
    assert _outbox(anna) == {("partner", LOCAL_PARTNER.hex)}
    again = early.sync("anna", clean=False)  # said once; the partner is said again
    assert (again.refused, again.reference_replaced, again.reference_held) == (0, 0, 1)
    # the beheerder's laptop has the partner as well (a newer app) and syncs
    _partner(early.team.laptop("bea"), "bea")
    early.sync("bea")

    last = early.sync("anna")

    assert (last.refused, last.reference_held, last.waiting) == (0, 0, 0)
    assert _outbox(anna) == set()


def test_a_reference_edit_saved_during_the_sync_is_never_overwritten_unreported(
    early: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settling compares the laptop's rows in the transaction that writes the server's over
    them: a save made meanwhile waits for it, and is reported at the next sync."""
    from gebiedsapp.services.sync import reference
    from gebiedsapp.storage.database import BUSY_TIMEOUT_MS

    anna = early.team.laptop("anna")
    real = reference.compare
    saves: list[str] = []

    def save_meanwhile(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        if saves:
            return found
        with anna.engine.connect() as connection:  # the window saves a theme meanwhile
            connection.exec_driver_sql("PRAGMA busy_timeout = 0")
            try:
                connection.exec_driver_sql(
                    "UPDATE theme SET name = 'Eenzaam en stil' WHERE id = ?", (EENZAAMHEID.hex,)
                )
                connection.commit()
                saves.append("opgeslagen")
            except OperationalError:
                connection.rollback()
                saves.append("wacht")  # the sync holds the file: the save comes after it
            finally:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return found

    monkeypatch.setattr(reference, "compare", save_meanwhile)

    early.sync("anna", clean=False)

    assert saves == ["wacht"]
    monkeypatch.setattr(reference, "compare", real)
    with anna.unit_of_work("anna") as session:  # the save, once the sync let go of the file
        theme = session.get(Theme, EENZAAMHEID)
        assert theme is not None
        theme.name = "Eenzaam en stil"
    later = early.sync("anna", clean=False)
    assert (later.refused, later.reference_replaced) == (0, 1)  # said: "vervangen"
    with anna.read_session() as session:
        assert session.get(Theme, EENZAAMHEID).name == "Eenzaamheid"  # type: ignore[union-attr]


@pytest.mark.usefixtures("cli_environment")
def test_gebiedsapp_sync_says_in_dutch_what_the_rights_did(
    early: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = early.team.laptop("anna")
    with anna.unit_of_work("anna") as session:
        theme = session.get(Theme, EENZAAMHEID)
        assert theme is not None
        theme.name = "Eenzaam"
    _partner(anna, "anna")
    monkeypatch.setenv("GEBIEDSAPP_TEAMSERVER_PASSWORD", PASSWORD)
    anna.dispose()  # the CLI opens the file itself

    returned = cli.main(
        [
            "--data-dir", str(early.team.folder / "cli"),
            "--database", str(early.team.folder / "anna.db"),
            "sync", "--server", early.address("anna"),
        ]
    )  # fmt: skip

    out, err = capsys.readouterr()
    assert returned == 0, out + err
    assert "1 referentiegegevens (thema's, categorieën, partners, gebieden)" in err
    assert "vervangen door die van de teamserver" in err
    assert "1 referentiegegevens staan alleen op deze laptop" in err
    assert "geweigerd" not in out + err
    assert "Nog te versturen: 1." in out
