"""Edits of finalised records keep the earlier version: one entry per edit, {field: [old, new]}."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ContactType,
    ContactWith,
    Conversation,
    Handling,
    KoffiekarSession,
    RecordVersion,
    TeamMember,
    reference_id,
)
from gebiedsapp.services import contacts, history, koffiekar
from gebiedsapp.storage.database import Database

BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
OUDEREN = reference_id("theme", "ouderen")


def _versions(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(RecordVersion)) or 0


def _conversation(session: Session) -> tuple[KoffiekarSession, Conversation]:
    round_ = koffiekar.start_session(
        session, koffiekar.SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10))
    )
    conversation = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=koffiekar.ConversationInput(summary="De bus rijdt niet", theme_ids=[EENZAAMHEID]),
    )
    return round_, conversation


def test_editing_a_conversation_keeps_only_the_changed_fields(database: Database) -> None:
    with database.unit_of_work("anna") as session:
        _, conversation = _conversation(session)
        conversation_id = conversation.id
    with database.unit_of_work("bram") as session:
        koffiekar.edit_conversation(
            session,
            conversation_id,
            koffiekar.ConversationInput(
                summary="De bus rijdt 's avonds niet",
                theme_ids=[OUDEREN, EENZAAMHEID],
                handling=Handling.ACTIE_NODIG,
            ),
        )
    with database.read_session() as session:
        entries = history.history(session, "conversation", conversation_id)
        assert len(entries) == 1
        (entry,) = entries
        assert entry.version == 1  # the version that was replaced
        assert entry.changed_by == "bram"
        assert entry.changes == {
            "summary": ["De bus rijdt niet", "De bus rijdt 's avonds niet"],
            "handling": ["ter_plekke", "actie_nodig"],
            "themes": [[str(EENZAAMHEID)], sorted([str(EENZAAMHEID), str(OUDEREN)])],
        }
        view = koffiekar.get_conversation(session, conversation_id)
        assert view.version == 2
        assert view.summary == "De bus rijdt 's avonds niet"
        assert view.author == "anna"  # who recorded it first stays the author


def test_an_edit_that_changes_nothing_writes_no_version(session: Session) -> None:
    _, conversation = _conversation(session)
    koffiekar.edit_conversation(
        session,
        conversation.id,
        koffiekar.ConversationInput(summary="  De bus rijdt niet ", theme_ids=[EENZAAMHEID]),
    )
    assert _versions(session) == 0
    assert history.history(session, "conversation", conversation.id) == []
    assert koffiekar.get_conversation(session, conversation.id).version == 1


def test_history_is_oldest_first_and_per_record(session: Session) -> None:
    round_, conversation = _conversation(session)
    other = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=koffiekar.ConversationInput(summary="Ander gesprek", theme_ids=[OUDEREN]),
    )
    for text in ("tweede", "derde", "vierde"):
        koffiekar.edit_conversation(
            session, conversation.id, koffiekar.ConversationInput(text, theme_ids=[EENZAAMHEID])
        )
    koffiekar.edit_conversation(
        session, other.id, koffiekar.ConversationInput("anders", theme_ids=[OUDEREN])
    )
    entries = history.history(session, "conversation", conversation.id)
    assert [e.version for e in entries] == [1, 2, 3]
    assert [e.changes["summary"] for e in entries] == [
        ["De bus rijdt niet", "tweede"],
        ["tweede", "derde"],
        ["derde", "vierde"],
    ]
    assert [e.changes for e in history.history(session, "conversation", other.id)] == [
        {"summary": ["Ander gesprek", "anders"]}
    ]
    assert history.history(session, "contact", conversation.id) == []


def test_editing_a_contact_keeps_the_earlier_version(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    contact = contacts.record_contact(
        session,
        contacts.ContactInput(
            day=date(2026, 5, 4),
            area_id=BEERTA,
            contact_type=ContactType.HUISBEZOEK,
            with_kind=ContactWith.GROEP,
            group_name="Buurtvereniging Oost",
            subject="Speeltuin",
            theme_ids=[OUDEREN],
        ),
    )
    same = contacts.ContactInput(
        day=date(2026, 5, 4),
        area_id=BEERTA,
        contact_type=ContactType.HUISBEZOEK,
        with_kind=ContactWith.GROEP,
        group_name="Buurtvereniging Oost",
        subject="Speeltuin",
        theme_ids=[OUDEREN],
    )
    contacts.edit_contact(session, contact.id, same)
    assert history.history(session, "contact", contact.id) == []

    contacts.edit_contact(
        session,
        contact.id,
        contacts.ContactInput(
            day=date(2026, 5, 5),
            area_id=BEERTA,
            contact_type=ContactType.TELEFOON,
            subject="Speeltuin",
            notes="Terugbellen",
            theme_ids=[OUDEREN],
        ),
    )
    (entry,) = history.history(session, "contact", contact.id)
    assert entry.version == 1
    assert entry.changed_by == "test"
    assert entry.changes == {
        "date": ["2026-05-04", "2026-05-05"],
        "contact_type": ["huisbezoek", "telefoon"],
        "with_kind": ["groep", "anoniem"],
        "group_name": ["Buurtvereniging Oost", ""],
        "notes": ["", "Terugbellen"],
    }
    assert contacts.get_contact(session, contact.id).version == 2


def test_updating_a_round_keeps_the_earlier_version(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    anna, bram = make_member(name="Anna Testema"), make_member(name="Bram Voorbeeldstra")
    data = koffiekar.SessionInput(
        area_id=BEERTA,
        day=date(2026, 5, 4),
        start_time=time(10),
        place="bij de kerk",
        staff_ids=(anna.id,),
    )
    round_ = koffiekar.start_session(session, data)
    koffiekar.update_session(session, round_.id, data)
    assert history.history(session, "koffiekar_session", round_.id) == []

    changed = koffiekar.SessionInput(
        area_id=BEERTA,
        day=date(2026, 5, 4),
        start_time=time(10),
        end_time=time(12),
        place="op het plein",
        staff_ids=(anna.id, bram.id),
        passers_by=30,
    )
    koffiekar.update_session(session, round_.id, changed)
    (entry,) = history.history(session, "koffiekar_session", round_.id)
    assert entry.changes == {
        "end_time": [None, "12:00:00"],
        "place": ["bij de kerk", "op het plein"],
        "passers_by": [0, 30],
        "staff": [[str(anna.id)], sorted([str(anna.id), str(bram.id)])],
    }
    assert entry.version == 1
    assert koffiekar.get_session(session, round_.id).staff == ("Anna Testema", "Bram Voorbeeldstra")


def test_the_stored_changes_are_plain_json(session: Session) -> None:
    _, conversation = _conversation(session)
    koffiekar.edit_conversation(
        session,
        conversation.id,
        koffiekar.ConversationInput("Ideeën over één plein", theme_ids=[EENZAAMHEID]),
    )
    stored = session.scalars(select(RecordVersion.changes)).one()
    assert json.loads(stored) == {"summary": ["De bus rijdt niet", "Ideeën over één plein"]}
    assert "Ideeën" in stored  # readable, not \\u-escaped


def test_changed_fields_compares_plain_values() -> None:
    assert history.changed_fields({"a": [2, 1]}, {"a": (1, 2)}) == {}
    assert history.changed_fields({}, {"a": None}) == {}
    assert history.changed_fields({"a": Handling.TER_PLEKKE}, {"a": "ter_plekke"}) == {}
    assert history.changed_fields({"a": date(2026, 1, 1)}, {"a": date(2026, 1, 2)}) == {
        "a": ["2026-01-01", "2026-01-02"]
    }
