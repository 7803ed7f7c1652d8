"""The audit log: every create, update and delete entered with field names (never values),
events the hook cannot see entered by the services, and a hash chain that gives away any entry
that was changed, removed or slipped in (issue 6)."""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from gebiedsapp import cli
from gebiedsapp.domain import (
    AreaKind,
    AuditAction,
    AuditEntry,
    AuditHead,
    Contact,
    ContactType,
    reference_id,
)
from gebiedsapp.domain.base import utcnow
from gebiedsapp.services import areas, audit, contacts, koffiekar, signal_import
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.storage.audit import entry_hash
from gebiedsapp.storage.database import Database
from support import dbfile

BEERTA = reference_id("area", "beerta")
SECRET_NAME = "Geheimnaam Qwertyzx"
SECRET_PHONE = "0698765432"
SECRET_TEXT = "Zorgen over de buurman Qwertyzx"


def _entries(session: Session) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def _new_entries(session: Session, after: int) -> list[AuditEntry]:
    return [e for e in _entries(session) if e.seq > after]


def _last_seq(session: Session) -> int:
    return session.scalar(select(func.max(AuditEntry.seq))) or 0


def _work(database: Database) -> None:
    """A round, a conversation with a resident who wants contact, an edited contact."""
    with database.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session, SessionInput(area_id=BEERTA, day=date(2026, 3, 2), start_time=time(10))
        )
        koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                SECRET_TEXT,
                theme_ids=[reference_id("theme", "eenzaamheid")],
                resident=ResidentInput(
                    name=SECRET_NAME, phone=SECRET_PHONE, wants_contact=True, consent=True
                ),
            ),
        )
    data = contacts.ContactInput(
        day=date(2026, 3, 3), area_id=BEERTA, contact_type=ContactType.HUISBEZOEK
    )
    with database.unit_of_work("bert") as session:
        contact = contacts.record_contact(session, replace(data, subject="Eerste"))
    with database.unit_of_work("bert") as session:
        contacts.edit_contact(session, contact.id, replace(data, subject=SECRET_TEXT))


def test_changes_are_entered_with_field_names_and_never_values(database: Database) -> None:
    with database.sessions() as session:
        start = _last_seq(session)
    _work(database)
    with database.sessions() as session:
        entries = _new_entries(session, start)
        check = audit.verify_chain(session)
    kinds = {(e.action, e.record_type) for e in entries}
    assert (AuditAction.CREATE, "koffiekar_session") in kinds
    assert (AuditAction.CREATE, "conversation") in kinds
    assert (AuditAction.CREATE, "resident") in kinds
    assert (AuditAction.CREATE, "consent") in kinds
    edit = [e for e in entries if e.action is AuditAction.UPDATE and e.record_type == "contact"]
    assert len(edit) == 1
    assert edit[0].actor == "bert"
    assert "subject" in edit[0].fields.split(",")
    resident = next(e for e in entries if e.record_type == "resident")
    assert {"name", "phone"} <= set(resident.fields.split(","))
    assert resident.actor == "anna"
    everything = " ".join(
        f"{e.actor} {e.record_type} {e.record_id} {e.fields} {e.detail}" for e in entries
    )
    for secret in (SECRET_NAME, SECRET_PHONE, SECRET_TEXT, "Eerste"):
        assert secret not in everything
    assert check.ok, check.reason
    assert check.entries == _count(database)


def test_entering_changes_leaves_no_garbage_for_the_collector(database: Database) -> None:
    """The GUI thread collects the garbage of every thread (ui.gc_guard): a flush's entries
    must leave its records to be freed at once, not in reference cycles that a collection
    has to walk (a retention of 5690 residents left 110k objects, issue 19)."""
    data = contacts.ContactInput(
        day=date(2026, 3, 3), area_id=BEERTA, contact_type=ContactType.HUISBEZOEK
    )
    with database.unit_of_work("bert") as session:
        ids = [
            contacts.record_contact(session, replace(data, subject="Eerste")).id for _ in range(20)
        ]

    def edit_all(subject: str) -> None:  # one flush of twenty changed records, entered
        with database.unit_of_work("bert") as session:
            for contact in session.scalars(select(Contact).where(Contact.id.in_(ids))):
                contact.subject = subject

    edit_all("Tweede")  # SQLAlchemy's caches filled
    collecting = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        edit_all("Derde")
        garbage = gc.collect()
    finally:
        if collecting:
            gc.enable()
    assert garbage < 20, garbage  # before: 28 objects per record entered


def _count(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_a_soft_delete_is_entered_as_a_delete(database: Database) -> None:
    oldambt = reference_id("area", "oldambt")
    with database.unit_of_work("anna") as session:
        area = areas.create_area(
            session, name="Proefgebied", kind=AreaKind.GEBIED, parent_id=oldambt
        )
    with database.sessions() as session:
        start = _last_seq(session)
    with database.unit_of_work("anna") as session:
        areas.remove_area(session, area.id)
    with database.sessions() as session:
        entries = _new_entries(session, start)
    assert [(e.action, e.record_type, e.record_id) for e in entries] == [
        (AuditAction.DELETE, "area", area.id.hex)
    ]


def test_a_rolled_back_unit_of_work_leaves_no_entry(database: Database) -> None:
    before = _count(database)

    def failing() -> None:
        with database.unit_of_work("anna") as session:
            koffiekar.start_session(
                session, SessionInput(area_id=BEERTA, day=date(2026, 3, 2), start_time=time(10))
            )
            raise RuntimeError("the user's action failed after the flush")

    with pytest.raises(RuntimeError):
        failing()
    assert _count(database) == before


def test_a_bulk_import_is_one_entry(database: Database) -> None:
    table = signal_import.read_csv(
        b"Omschrijving;Categorie;Dorp\nLamp kapot;Zwerfvuil;Beerta\nVuil;Zwerfvuil;Beerta\n"
    )
    mapping = signal_import.suggest_mapping(table.header)
    with database.unit_of_work("anna") as session:
        start = _last_seq(session)
        preview = signal_import.preview_import(session, table, mapping)
        assert signal_import.import_signals(session, preview) == 2
    with database.sessions() as session:
        entries = _new_entries(session, start)
    assert [(e.action, e.record_type, e.detail) for e in entries] == [
        (AuditAction.IMPORT, "signal", "2 signalen uit een CSV-bestand")
    ]


# --- the chain ------------------------------------------------------------------------------


@pytest.fixture
def worked(database: Database) -> Database:
    _work(database)
    with database.unit_of_work("anna") as session:
        audit.note(session, AuditAction.EXPORT, record_type="signalen", detail="xlsx, 3 rijen")
    return database


def _verify(database: Database) -> audit.ChainCheck:
    with database.sessions() as session:
        return audit.verify_chain(session)


def test_a_changed_entry_is_found(worked: Database) -> None:
    with worked.sessions() as session:
        target = _entries(session)[-5]
        session.execute(
            update(AuditEntry).where(AuditEntry.seq == target.seq).values(actor="iemand anders")
        )
        session.commit()
    check = _verify(worked)
    assert check.broken_at == target.seq
    assert "gewijzigd" in check.reason


def test_a_removed_entry_is_found(worked: Database) -> None:
    with worked.sessions() as session:
        entries = _entries(session)
        session.execute(delete(AuditEntry).where(AuditEntry.seq == entries[-4].seq))
        session.commit()
    check = _verify(worked)
    assert check.broken_at == entries[-3].seq
    assert "past niet op de vorige" in check.reason


def test_removing_the_newest_entries_is_found(worked: Database) -> None:
    with worked.sessions() as session:
        entries = _entries(session)
        session.execute(delete(AuditEntry).where(AuditEntry.seq >= entries[-2].seq))
        session.commit()
    check = _verify(worked)
    assert check.broken_at == entries[-3].seq + 1
    assert "ontbreken 2 regel(s)" in check.reason


def test_rewriting_the_head_to_hide_removed_entries_is_found(worked: Database) -> None:
    with worked.sessions() as session:
        entries = _entries(session)
        session.execute(delete(AuditEntry).where(AuditEntry.seq == entries[-1].seq))
        session.execute(update(AuditHead).values(entries=len(entries) - 1, hash=entries[-1].hash))
        session.commit()
    assert not _verify(worked).ok


COLUMNS = ("at", "actor", "action", "record_type", "record_id", "fields", "detail", "prev_hash")
COLUMNS += ("hash",)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    position=st.floats(min_value=0, max_value=0.999),
    column=st.sampled_from(COLUMNS),
)
def test_any_change_to_any_entry_is_found(worked: Database, position: float, column: str) -> None:
    with worked.sessions() as session:
        entries = _entries(session)
        target = entries[int(position * len(entries))]
        value = {
            "at": "2001-01-01 00:00:00.000000",
            "action": "print" if target.action is not AuditAction.PRINT else "open",
        }.get(column, "x" + str(getattr(target, column)))
        session.execute(
            text(f"UPDATE audit_log SET {column} = :v WHERE seq = :s"),
            {"v": value, "s": target.seq},
        )
        session.expire_all()  # read the changed row, not the loaded entry
        try:
            assert _verify_in(session).broken_at in (target.seq, target.seq + 1)
        finally:
            session.rollback()


def _verify_in(session: Session) -> audit.ChainCheck:
    return audit.verify_chain(session)


# --- the command line -----------------------------------------------------------------------


@pytest.mark.usefixtures("cli_environment")
def test_audit_verify_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "upgrade"]) == 0  # creates the database; enters the opening
    capsys.readouterr()
    assert cli.main([*base, "audit", "verify"]) == 0
    assert "Auditlog in orde" in capsys.readouterr().out
    database = Database.connect(f"sqlite:///{db}", dbfile.key_of(db))
    try:
        with database.sessions() as session:
            opened = _entries(session)[-1]
            assert (opened.action, opened.actor, opened.detail) == (
                AuditAction.OPEN,
                "cli-test",
                "opdrachtregel: db",
            )
            session.execute(delete(AuditEntry).where(AuditEntry.seq == 3))
            session.commit()
    finally:
        database.dispose()
    assert cli.main([*base, "audit", "verify"]) == 1
    assert "Auditlog beschadigd: Regel 4 past niet op de vorige" in capsys.readouterr().err


def test_audit_labels_do_not_clash_with_other_enums() -> None:
    from gebiedsapp.domain import ActionStatus

    assert ActionStatus.OPEN.label == "Open"
    assert AuditAction.OPEN.label == "database geopend"
    assert {a.label for a in AuditAction} >= {"aangemaakt", "geëxporteerd"}


# --- a damaged head (issue 14, item 5) --------------------------------------------------------


def _slip_in(database: Database) -> int:
    """A well-chained entry added behind the app's back, the head left as it was."""
    with database.sessions() as session:
        last = _entries(session)[-1]
        at = utcnow()
        fields = ("iemand", "export", "signalen", "", "", "stilletjes")
        session.add(
            AuditEntry(
                at=at, actor=fields[0], action=AuditAction.EXPORT, record_type=fields[2],
                detail=fields[5], prev_hash=last.hash,
                hash=entry_hash(last.hash, at, *fields),
            )
        )  # fmt: skip
        session.commit()
        return last.seq + 1


def _delete_head(database: Database) -> int:
    with database.sessions() as session:
        session.execute(delete(AuditHead))
        session.commit()
        return len(_entries(session))


def test_a_deleted_head_is_not_in_orde(worked: Database) -> None:
    rows = _delete_head(worked)
    check = _verify(worked)
    assert not check.ok
    assert check.entries == rows  # every row was read, not "0 regels"
    assert check.reason.startswith(f"De kop van het auditlog ontbreekt (er zijn {rows} regels)")


def test_an_entry_slipped_in_after_the_head_is_found_at_once(worked: Database) -> None:
    seq = _slip_in(worked)
    check = _verify(worked)
    assert check.broken_at == seq
    assert "1 regel(s) die de kop niet kent" in check.reason


def test_writing_after_a_deleted_head_goes_on_and_enters_the_damage(worked: Database) -> None:
    rows = _delete_head(worked)
    told: list[str] = []
    with audit.damage_notices(told.append), worked.unit_of_work("anna") as session:
        areas.create_area(session, name="Na de schade", kind=AreaKind.GEBIED, parent_id=BEERTA)
    with worked.sessions() as session:
        damage, created = _entries(session)[-2:]
    assert (damage.action, damage.actor, damage.record_type) == (
        AuditAction.DAMAGE, "anna", "audit_log",
    )  # fmt: skip
    assert damage.detail == f"de kop ontbrak; er zijn {rows} regel(s), de laatste is regel {rows}"
    assert created.action is AuditAction.CREATE  # the save itself went through
    assert told == [
        f"Het auditlog is beschadigd aangetroffen: {damage.detail}. Dit is in het auditlog "
        "vastgelegd en het werk gaat gewoon door. Meld het aan de beheerder: die kan met "
        "'gebiedsapp audit verify' nagaan wat er is gebeurd."
    ]
    check = _verify(worked)
    assert check.whole  # the chain goes on from the last real entry ...
    assert not check.ok  # ... and the damage is reported for good
    assert check.damage == (f"regel {damage.seq} ({_when(damage)}): {damage.detail}",)


def _when(entry: AuditEntry) -> str:
    return entry.at.astimezone().strftime("%d-%m-%Y %H:%M")


def test_the_next_write_after_a_slipped_in_entry_enters_the_damage(worked: Database) -> None:
    seq = _slip_in(worked)
    with worked.unit_of_work("anna") as session:
        audit.note(session, AuditAction.EXPORT, detail="lijst")
    with worked.sessions() as session:
        damage = _entries(session)[-2]
    assert damage.action is AuditAction.DAMAGE
    assert f"de kop telde {seq - 1} regel(s)" in damage.detail
    assert f"maar er zijn {seq} regel(s) en de laatste, regel {seq}" in damage.detail
    check = _verify(worked)
    assert check.whole
    assert [line.split(" (")[0] for line in check.damage] == [f"regel {damage.seq}"]


@pytest.mark.usefixtures("cli_environment")
def test_a_deleted_head_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "db", "upgrade"]) == 0
    database = Database.connect(f"sqlite:///{db}", dbfile.key_of(db))
    try:
        rows = _delete_head(database)
    finally:
        database.dispose()
    capsys.readouterr()
    assert cli.main([*base, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"Auditlog beschadigd: De kop van het auditlog ontbreekt (er zijn {rows} regels)" in err
    assert cli.main([*base, "db", "upgrade"]) == 0  # writes the opening: goes on, and says why
    out = capsys.readouterr()
    assert "Het auditlog is beschadigd aangetroffen: de kop ontbrak" in out.err
    assert "Traceback" not in out.err
    assert cli.main([*base, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "de keten is heel" in err
    assert "eerder is het auditlog beschadigd aangetroffen" in err
    assert f"de kop ontbrak; er zijn {rows} regel(s)" in err
