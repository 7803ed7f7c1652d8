"""Retention (issue 6): residents' details are anonymised a set number of days after the last
related thing closed, never while something is open; old drafts are purged; the dry run
changes nothing; the run is in the audit log; the CLI does both."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import perf_counter

import pytest
from sqlalchemy import event, insert, select, update

from gebiedsapp import cli
from gebiedsapp.domain import (
    AuditAction,
    AuditEntry,
    ContactType,
    Conversation,
    Draft,
    DraftKind,
    FollowUp,
    Meedenker,
    Resident,
    SignalSource,
    SignalStatus,
    reference_id,
)
from gebiedsapp.services import actions, audit, contacts, drafts, koffiekar, retention, signals
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_local
from gebiedsapp.storage.repositories.retention import RetentionRepository

TODAY = date.today()  # the CLI runs on today: the data is made relative to it
BEERTA = reference_id("area", "beerta")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
S = SignalStatus


def _resident(name: str, *, meedenken: bool = False) -> ResidentInput:
    return ResidentInput(
        name=name,
        phone="0612345678",
        wants_contact=not meedenken,
        wants_meedenken=meedenken,
        consent=True,
    )


def _conversation(session, name: str, day: date) -> tuple[uuid.UUID, uuid.UUID]:  # type: ignore[no-untyped-def]
    """A conversation of `day` with a resident who wants contact: (conversation, resident)."""
    round_ = koffiekar.start_session(
        session, SessionInput(area_id=BEERTA, day=day, start_time=time(10))
    )
    recorded = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=ConversationInput(
            "Gesprek", theme_ids=[reference_id("theme", "eenzaamheid")], resident=_resident(name)
        ),
        today=day,
    )
    resident_id = session.get(Conversation, recorded.id).resident_id
    return recorded.id, resident_id


class World:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.ids: dict[str, uuid.UUID] = {}
        with database.unit_of_work("anna") as s:
            # open action, two years ago: kept however old
            conversation, self.ids["open_action"] = _conversation(
                s, "Open Actie", date(2024, 11, 1)
            )
            actions.create_follow_up(
                s, description="Terugbellen", area_id=BEERTA, owner_id=None, due_date=None,
                conversation_id=conversation,
            )  # fmt: skip
            # action done 400 days ago: due (365 days after it was done)
            conversation, self.ids["done_action"] = _conversation(
                s, "Klaar Actie", date(2024, 9, 1)
            )
            action = actions.create_follow_up(
                s, description="Langsgaan", area_id=BEERTA, owner_id=None, due_date=None,
                conversation_id=conversation,
            )  # fmt: skip
            actions.set_done(s, action.id, done=True, today=TODAY - timedelta(days=400))
            # action done 300 days ago: in its term
            conversation, self.ids["in_term"] = _conversation(s, "Recent Klaar", date(2025, 1, 5))
            action = actions.create_follow_up(
                s, description="Mailen", area_id=BEERTA, owner_id=None, due_date=None,
                conversation_id=conversation,
            )  # fmt: skip
            actions.set_done(s, action.id, done=True, today=TODAY - timedelta(days=300))
            # only a conversation, 366 days ago: due
            _c, self.ids["old_talk"] = _conversation(s, "Oud Gesprek", TODAY - timedelta(days=366))
            # a meedenker for years: kept while in the register
            self.ids["meedenker"] = register_resident(
                s, _resident("Mee Denker", meedenken=True), area_id=BEERTA,
                today=date(2023, 1, 1),
            ).id  # fmt: skip
            # a contact whose signal is still open: kept
            self.ids["open_signal"] = self._contact_with_signal(s, "Open Signaal", close=None)
            # a contact whose signal closed 370 days ago: due
            self.ids["closed_signal"] = self._contact_with_signal(
                s, "Dicht Signaal", close=TODAY - timedelta(days=370)
            )
            self.old_draft = drafts.save_draft(
                s, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "Oud concept"}
            )
            self.new_draft = drafts.save_draft(
                s, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "Vers"}
            )
            old = datetime.combine(TODAY - timedelta(days=31), time(9), tzinfo=UTC)
            s.execute(update(Draft).where(Draft.id == self.old_draft).values(updated_at=old))

    def _contact_with_signal(self, s, name: str, *, close: date | None) -> uuid.UUID:  # type: ignore[no-untyped-def]
        day = date(2024, 6, 1)
        resident = register_resident(s, _resident(name), area_id=BEERTA, today=day)
        assert resident is not None
        contact = contacts.record_contact(
            s,
            contacts.ContactInput(
                day=day, area_id=BEERTA, contact_type=ContactType.TELEFOON, subject="Melding",
            ),
        )  # fmt: skip
        contact.resident_id = resident.id  # as a meedenker contact links its resident
        signal = signals.create_signal(
            s,
            SignalInput(
                area_id=BEERTA, description="Vuil", source=SignalSource.CONTACT,
                reported_on=day, category_id=ZWERFVUIL, contact_id=contact.id,
            ),
            today=day,
        )  # fmt: skip
        if close is not None:
            signals.transition(s, signal.id, S.IN_BEHANDELING, today=close)
            signals.transition(s, signal.id, S.AFGEHANDELD, today=close)
        return resident.id

    def names(self) -> dict[str, str]:
        with self.database.sessions() as s:
            return {key: s.get(Resident, rid).name for key, rid in self.ids.items()}  # type: ignore[union-attr]


DUE = {"done_action", "old_talk", "closed_signal"}


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


def test_the_dry_run_lists_what_is_due_and_changes_nothing(world: World) -> None:
    before = world.names()
    with world.database.sessions() as s:
        planned = retention.plan(s, today=TODAY)
    assert {d.resident_id for d in planned.residents} == {world.ids[k] for k in DUE}
    assert planned.kept_open == 3  # open action, meedenker, open signal
    assert planned.kept_in_term == 1
    assert planned.drafts == (world.old_draft,)
    by_id = {d.resident_id: d for d in planned.residents}
    assert by_id[world.ids["done_action"]].closed_on == TODAY - timedelta(days=400)
    assert by_id[world.ids["closed_signal"]].closed_on == TODAY - timedelta(days=370)
    assert world.names() == before
    assert "3 bewoner(s) te anonimiseren, 1 concept(en) te verwijderen" in planned.summary()


def test_apply_anonymises_exactly_the_due_ones_and_keeps_the_links(world: World) -> None:
    with world.database.unit_of_work("beheer") as s:
        start = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
        done = retention.apply(s, today=TODAY)
    assert len(done.residents) == 3
    names = world.names()
    for key, name in names.items():
        assert (name == "") == (key in DUE), key
    with world.database.sessions() as s:
        for key in DUE:
            row = s.get(Resident, world.ids[key])
            assert row is not None
            assert (row.phone, row.email) == ("", "")
            assert row.anonymised_at is not None
        # the conversation still points at the (now empty) resident: figures stay
        linked = s.scalar(
            select(Conversation.id).where(Conversation.resident_id == world.ids["old_talk"])
        )
        assert linked is not None
        assert s.get(Draft, world.old_draft) is None
        assert s.get(Draft, world.new_draft) is not None
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > start)))
        assert audit.verify_chain(s).ok
    updates = [e for e in entries if e.record_type == "resident"]
    assert {e.record_id for e in updates} == {world.ids[k].hex for k in DUE}
    assert all("name" in e.fields for e in updates)
    last = entries[-1]
    assert last.action is AuditAction.RETENTION
    assert last.detail.startswith("3 bewoner(s) geanonimiseerd, 1 concept(en) verwijderd")
    with world.database.unit_of_work("beheer") as s:  # nothing left to do
        assert retention.apply(s, today=TODAY).empty


def _while_planning(monkeypatch: pytest.MonkeyPatch, work: Callable[[], object]) -> list[object]:
    """`work` done once while the next plan is being made (after its first read), as the
    window or another instance writes while the start's retention runs on its worker; the
    list gets what `work` returned, and one entry more for every plan made after it."""
    real = RetentionRepository.last_contact
    happened: list[object] = []

    def last_contact(self: RetentionRepository) -> dict[uuid.UUID, date]:
        found = real(self)
        happened.append(work() if not happened else "planned again")
        return found

    monkeypatch.setattr(RetentionRepository, "last_contact", last_contact)
    return happened


def test_a_save_while_retention_plans_does_not_wait_for_it(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window saves on the GUI thread (a draft while typing) while the start's retention
    runs on a worker, whose plan reads for two seconds on ten times today's data (issue 19):
    the plan holds no write lock, so the save does not wait for it (it waited, and failed
    after the busy timeout when thousands were due)."""

    def save_a_draft() -> float:
        started = perf_counter()
        with world.database.unit_of_work("anna") as s:
            drafts.save_draft(
                s, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "Typen"}
            )
        return perf_counter() - started

    happened = _while_planning(monkeypatch, save_a_draft)
    with world.database.unit_of_work("beheer") as s:
        done = retention.apply(s, today=TODAY)
    waited = happened[0]
    assert isinstance(waited, float)
    assert waited < 1.0  # the busy timeout is 5 s: it waited for the whole plan
    assert happened[1:] == ["planned again"]  # written across: tried again, without the lock
    assert {d.resident_id for d in done.residents} == {world.ids[k] for k in DUE}


def test_an_open_action_pulled_while_retention_plans_keeps_its_resident(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync's pull batch commits while the plan is made: a colleague's open action for a due
    resident. A pull writes below the audit log and the outbox (so the change mark does not
    move); the plan is made again all the same, and the resident keeps their details (the
    review's reproduction: they were anonymised, irreversibly, and pushed to the team)."""
    with world.database.sessions() as s:
        talk = s.scalar(
            select(Conversation.id).where(Conversation.resident_id == world.ids["old_talk"])
        )
        columns = dict(s.execute(select(FollowUp.__table__).limit(1)).mappings().one())

    def pull_a_batch() -> None:  # as services.sync.pull._write_batch writes one
        table = FollowUp.__table__
        row = dict(columns)
        row.update(
            id=uuid.uuid4(), conversation_id=talk, contact_id=None, status="open",
            done_on=None, description="Van een collega: terugbellen",
        )  # fmt: skip
        with world.database.engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            sync_local.set_applying(connection, True)
            connection.execute(insert(table).values(**row))
            sync_local.set_cursor(connection, "follow_up", 12345)
            sync_local.set_applying(connection, False)

    happened = _while_planning(monkeypatch, pull_a_batch)
    with world.database.unit_of_work("beheer") as s:
        done = retention.apply(s, today=TODAY)
    assert happened == [None, "planned again"]
    assert world.ids["old_talk"] not in {d.resident_id for d in done.residents}
    assert world.names()["old_talk"] == "Oud Gesprek"


def test_an_open_action_added_while_retention_plans_keeps_its_resident(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another instance agrees an action with a due resident while the plan is made: the plan
    is made again under the write lock, and that resident keeps their details."""

    def agree_an_action() -> None:
        with world.database.unit_of_work("anna") as s:
            talk = s.scalar(
                select(Conversation.id).where(Conversation.resident_id == world.ids["old_talk"])
            )
            actions.create_follow_up(
                s, description="Nabellen", area_id=BEERTA, owner_id=None, due_date=None,
                conversation_id=talk,
            )  # fmt: skip

    happened = _while_planning(monkeypatch, agree_an_action)
    with world.database.unit_of_work("beheer") as s:
        done = retention.apply(s, today=TODAY)
    assert happened == [None, "planned again"]
    due = {world.ids[k] for k in DUE - {"old_talk"}}
    assert {d.resident_id for d in done.residents} == due
    assert world.names()["old_talk"] == "Oud Gesprek"
    assert world.names()["done_action"] == ""


def test_a_draft_saved_while_retention_plans_is_not_purged(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old draft typed on while the plan is made is not old any more: it stays."""

    def type_on() -> None:
        with world.database.unit_of_work("anna") as s:
            drafts.save_draft(
                s,
                draft_id=world.old_draft,
                kind=DraftKind.CONVERSATION,
                payload={"summary": "Verder getypt"},
            )

    _while_planning(monkeypatch, type_on)
    with world.database.unit_of_work("beheer") as s:
        done = retention.apply(s, today=TODAY)
    assert done.drafts == ()
    assert "0 concept(en) verwijderd" in done.summary(done=True)
    with world.database.sessions() as s:
        assert s.get(Draft, world.old_draft) is not None


def test_many_due_residents_are_read_together_not_one_by_one(world: World) -> None:
    """A first start after a long time has thousands due (5690 on ten times today's data):
    they are read and written in a few statements, not two reads and a flush each (7.7 s of
    a worker holding the write lock and the GIL, issue 19)."""
    with world.database.unit_of_work("anna") as s:
        for n in range(40):
            _conversation(s, f"Bewoner {n}", TODAY - timedelta(days=400 + n))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(world.database.engine, "before_cursor_execute", count)
    try:
        with world.database.unit_of_work("beheer") as s:
            done = retention.apply(s, today=TODAY)
    finally:
        event.remove(world.database.engine, "before_cursor_execute", count)
    assert len(done.residents) == 43
    resident_reads = [q for q in statements if q.lstrip().startswith("SELECT resident.")]
    assert len(resident_reads) <= 2, resident_reads  # the plan's list and the due ones
    assert len(statements) < 70, len(statements)  # one by one: two more per resident (43)


def test_leaving_the_register_starts_the_term(world: World) -> None:
    with world.database.unit_of_work("anna") as s:
        entry = s.scalars(
            select(Meedenker).where(Meedenker.resident_id == world.ids["meedenker"])
        ).one()
        entry.active = False
    with world.database.sessions() as s:
        soon = retention.plan(s, today=TODAY)
        later = retention.plan(s, today=date.today() + timedelta(days=366))
    assert world.ids["meedenker"] not in {d.resident_id for d in soon.residents}
    assert world.ids["meedenker"] in {d.resident_id for d in later.residents}


def test_a_longer_term_keeps_more(world: World) -> None:
    with world.database.unit_of_work("beheer") as s:
        retention.save_settings(s, retention.RetentionSettings(retention_days=395, draft_days=60))
    with world.database.sessions() as s:
        assert retention.get_settings(s) == retention.RetentionSettings(395, 60)
        planned = retention.plan(s, today=TODAY)
    assert {d.resident_id for d in planned.residents} == {world.ids["done_action"]}
    assert planned.drafts == ()


@pytest.mark.parametrize(("days", "drafts_days"), [(0, 30), (365, 0), (99999, 30)])
def test_settings_out_of_range_are_refused_in_dutch(
    database: Database, days: int, drafts_days: int
) -> None:
    with database.unit_of_work("beheer") as s, pytest.raises(ValidationError) as refused:
        retention.save_settings(s, retention.RetentionSettings(days, drafts_days))
    assert "moet tussen 1 en 3650 dagen liggen" in refused.value.message


@pytest.mark.usefixtures("cli_environment")
def test_the_command_line_dry_run_and_run(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(world.database.engine.url)]
    assert cli.main([*base, "privacy", "retention", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Proefdraai (er verandert niets): ")
    assert f"bewoner {world.ids['old_talk'].hex[:8]}" in out
    assert "Oud Gesprek" not in out  # ids only, never names
    assert all(world.names()[k] for k in DUE)
    assert cli.main([*base, "privacy", "settings", "--retention-days", "400"]) == 0
    assert "400 dagen na afsluiten" in capsys.readouterr().out
    assert cli.main([*base, "privacy", "retention"]) == 0
    assert "Bewaartermijn toegepast: 1 bewoner(s) geanonimiseerd" in capsys.readouterr().out
    names = world.names()
    assert names["done_action"] == ""  # done 400 days ago: the last day of the new term
    assert names["closed_signal"] == "Dicht Signaal"  # 370 days: inside the 400-day term
    assert names["old_talk"] == "Oud Gesprek"
