"""One write path for conversations: create and edit write the same way (stamps, version,
history, audit), from one definition per field."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction, AuditEntry, Conversation, Handling, reference_id
from gebiedsapp.services import audit, koffiekar
from gebiedsapp.services.conversation_record import RECORD_FIELDS, record_labels
from gebiedsapp.services.conversation_write import write_conversation
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.storage.database import Database, IntegrityGate
from gebiedsapp.storage.repositories.koffiekar import KoffiekarRepository

BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
OUDEREN = reference_id("theme", "ouderen")


def _entries(session: Session, record_id: str) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.record_id == record_id).order_by(AuditEntry.seq)
        )
    )


def test_create_and_edit_stamp_version_and_name_the_same_fields(database: Database) -> None:
    with database.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session, SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10))
        )
        conversation_id = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                "De bus rijdt niet",
                theme_ids=[EENZAAMHEID],
                quote="Nooit meer",
                quote_reportable=True,
            ),
        ).id
    with database.unit_of_work("bram") as session:
        koffiekar.edit_conversation(
            session,
            conversation_id,
            ConversationInput(
                "De bus rijdt 's avonds niet",
                theme_ids=[OUDEREN],
                handling=Handling.ACTIE_NODIG,
                quote="Nooit meer",
            ),
        )
    with database.read_session() as session:
        created, edited = _entries(session, conversation_id.hex)
        row = session.get_one(Conversation, conversation_id)
        assert audit.verify_chain(session).ok
    assert (created.action, created.actor) == (AuditAction.CREATE, "anna")
    assert (edited.action, edited.actor) == (AuditAction.UPDATE, "bram")
    names = {d.record_name for d in RECORD_FIELDS}
    assert set(created.fields.split(",")) == names | {"session_id"}
    assert set(edited.fields.split(",")) == {"summary", "themes", "handling", "quote_reportable"}
    assert (row.version, row.created_by, row.updated_by) == (2, "anna", "bram")
    assert row.updated_at > row.created_at


def test_an_edit_refreshes_a_copy_already_loaded(session: Session) -> None:
    round_ = koffiekar.start_session(
        session, SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10))
    )
    recorded = koffiekar.record_conversation(
        session, session_id=round_.id, data=ConversationInput("Eerst", theme_ids=[EENZAAMHEID])
    )
    loaded = session.get_one(Conversation, recorded.id)
    assert loaded.summary == "Eerst"
    koffiekar.edit_conversation(
        session, recorded.id, ConversationInput("Later", theme_ids=[EENZAAMHEID])
    )
    assert (loaded.summary, loaded.version) == ("Later", 2)


def test_a_write_over_a_version_someone_else_replaced_changes_nothing(session: Session) -> None:
    round_ = koffiekar.start_session(
        session, SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10))
    )
    recorded = koffiekar.record_conversation(
        session, session_id=round_.id, data=ConversationInput("Eerst", theme_ids=[EENZAAMHEID])
    )
    repo = KoffiekarRepository(session)
    assert not repo.update_conversation(recorded.id, version=7, values={"summary": "Later"})
    assert koffiekar.get_conversation(session, recorded.id).summary == "Eerst"


def test_the_write_path_takes_every_column_of_the_definitions(session: Session) -> None:
    round_ = koffiekar.start_session(
        session, SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10))
    )
    columns = {c.key for c in inspect(Conversation).columns}
    defined = {d.column for d in RECORD_FIELDS if d.column is not None}
    assert defined <= columns
    written = write_conversation(
        session,
        conversation_id=None,
        values={
            "summary": "Alles",
            "quote": "Zo",
            "quote_reportable": True,
            "handling": Handling.DOORVERWIJZEN,
        },
        theme_ids=[EENZAAMHEID],
        links={"session_id": round_.id, "resident_id": None},
    )
    view = koffiekar.get_conversation(session, written.id)
    assert (view.summary, view.quote, view.quote_reportable, view.handling, view.theme_ids) == (
        "Alles",
        "Zo",
        True,
        Handling.DOORVERWIJZEN,
        (EENZAAMHEID,),
    )
    assert set(record_labels()) == {d.record_name for d in RECORD_FIELDS}


def test_neither_create_nor_edit_writes_before_the_start_check_passed(
    database: Database,
) -> None:
    """The plain statements wait for the start's integrity check, as every ORM write does."""
    with database.unit_of_work("anna") as session:
        round_ = koffiekar.start_session(
            session, SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10))
        )
        recorded = koffiekar.record_conversation(
            session, session_id=round_.id, data=ConversationInput("Eerst", [EENZAAMHEID])
        )

    def damaged() -> None:
        raise DamageFoundError("the check found damage")

    database.gate = IntegrityGate(damaged)
    with pytest.raises(DamageFoundError), database.unit_of_work("anna") as session:
        koffiekar.record_conversation(
            session, session_id=round_.id, data=ConversationInput("Nieuw", [EENZAAMHEID])
        )
    with pytest.raises(DamageFoundError), database.unit_of_work("anna") as session:
        koffiekar.edit_conversation(session, recorded.id, ConversationInput("Later", [OUDEREN]))
    database.gate = None
    with database.read_session() as session:
        assert [v.summary for v in koffiekar.session_conversations(session, round_.id)] == ["Eerst"]


class DamageFoundError(Exception):
    pass
