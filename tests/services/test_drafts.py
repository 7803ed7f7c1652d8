"""Drafts: saved on every change, overwritten in place, per actor, finalised atomically."""

from __future__ import annotations

import uuid
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Contact,
    ContactType,
    Conversation,
    Draft,
    DraftKind,
    KoffiekarSession,
    Resident,
    reference_id,
    utcnow,
)
from gebiedsapp.services import contacts, drafts, koffiekar
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.storage.database import Database

BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")


def _round(session: Session) -> KoffiekarSession:
    return koffiekar.start_session(
        session,
        koffiekar.SessionInput(area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10)),
    )


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_save_creates_and_overwrite_keeps_one_draft(session: Session) -> None:
    draft_id = drafts.save_draft(
        session, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "Eerst"}
    )
    first = drafts.get_draft(session, draft_id)
    assert first is not None
    assert first.payload == {"summary": "Eerst"}

    again = drafts.save_draft(
        session,
        draft_id=draft_id,
        kind=DraftKind.CONVERSATION,
        payload={"summary": "Daarna", "quote": "één citaat", "themes": ["a", "b"]},
    )
    assert again == draft_id
    assert _count(session, Draft) == 1
    view = drafts.get_draft(session, draft_id)
    assert view is not None
    assert view.payload == {"summary": "Daarna", "quote": "één citaat", "themes": ["a", "b"]}
    assert view.updated_at >= first.updated_at
    assert view.kind is DraftKind.CONVERSATION


def test_save_with_a_new_id_uses_that_id(session: Session) -> None:
    """The form picks the id before the first save, so a retry never makes a second draft."""
    wanted = uuid.uuid4()
    assert drafts.save_draft(session, draft_id=wanted, kind=DraftKind.CONTACT, payload={}) == wanted
    assert drafts.get_draft(session, wanted) is not None


def test_payload_values_that_json_cannot_hold_are_kept_as_text(session: Session) -> None:
    draft_id = drafts.save_draft(
        session, draft_id=None, kind=DraftKind.SESSION, payload={"day": date(2026, 5, 4)}
    )
    view = drafts.get_draft(session, draft_id)
    assert view is not None
    assert view.payload == {"day": "2026-05-04"}


def test_drafts_are_listed_per_actor_oldest_first(database: Database) -> None:
    with database.unit_of_work("anna") as session:
        older = drafts.save_draft(
            session, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "oud"}
        )
    with database.unit_of_work("bram") as session:
        drafts.save_draft(
            session, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "van bram"}
        )
    with database.unit_of_work("anna") as session:
        newer = drafts.save_draft(
            session, draft_id=None, kind=DraftKind.CONTACT, payload={"subject": "nieuw"}
        )
    with database.unit_of_work("anna") as session:
        listed = drafts.list_drafts(session)
        assert [d.id for d in listed] == [older, newer]
        assert [d.summary() for d in listed] == ["oud", "nieuw"]
        only_contacts = drafts.list_drafts(session, kind=DraftKind.CONTACT)
        assert [d.id for d in only_contacts] == [newer]
    with database.unit_of_work("bram") as session:
        assert [d.summary() for d in drafts.list_drafts(session)] == ["van bram"]
    with database.unit_of_work("carla") as session:
        assert drafts.list_drafts(session) == []


def test_overwriting_moves_a_draft_to_the_end(database: Database) -> None:
    with database.unit_of_work("anna") as session:
        first = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={})
        second = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={})
        drafts.save_draft(session, draft_id=first, kind=DraftKind.CONTACT, payload={"a": 1})
        assert [d.id for d in drafts.list_drafts(session)] == [second, first]


def test_discard_removes_only_that_draft(session: Session) -> None:
    keep = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={"a": 1})
    gone = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={"b": 2})
    drafts.discard_draft(session, gone)
    assert drafts.get_draft(session, gone) is None
    assert drafts.get_draft(session, keep) is not None
    drafts.discard_draft(session, uuid.uuid4())  # unknown: nothing to do, no error


def test_purge_removes_drafts_untouched_for_the_term(session: Session) -> None:
    old = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={"a": 1})
    fresh = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={"b": 2})
    session.execute(
        update(Draft).where(Draft.id == old).values(updated_at=utcnow() - timedelta(days=40))
    )
    assert drafts.purge_old_drafts(session, older_than=timedelta(days=30)) == 1
    assert drafts.get_draft(session, old) is None
    assert drafts.get_draft(session, fresh) is not None
    assert drafts.purge_old_drafts(session, older_than=timedelta(days=30)) == 0


def test_a_huge_payload_is_refused_in_dutch_and_the_old_draft_stays(session: Session) -> None:
    draft_id = drafts.save_draft(
        session, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "kort"}
    )
    with pytest.raises(ValidationError, match="te groot om te bewaren"):
        drafts.save_draft(
            session,
            draft_id=draft_id,
            kind=DraftKind.CONVERSATION,
            payload={"summary": "x" * (drafts.MAX_PAYLOAD + 1)},
        )
    view = drafts.get_draft(session, draft_id)
    assert view is not None
    assert view.payload == {"summary": "kort"}
    with pytest.raises(ValidationError):
        drafts.save_draft(
            session, draft_id=None, kind=DraftKind.CONTACT, payload={"notes": "y" * 300_000}
        )
    assert _count(session, Draft) == 1


@pytest.mark.parametrize("stored", ["{niet: json", "", "[1, 2, 3]", '"tekst"', "null"])
def test_a_damaged_payload_reads_as_an_empty_form(session: Session, stored: str) -> None:
    draft_id = uuid.uuid4()
    session.add(Draft(id=draft_id, kind=DraftKind.CONVERSATION, actor="test", payload=stored))
    session.flush()
    view = drafts.get_draft(session, draft_id)
    assert view is not None
    assert view.payload == {}
    assert view.summary() == "(nog leeg)"
    assert [d.payload for d in drafts.list_drafts(session)] == [{}]


def test_summary_names_the_draft_for_the_recovery_dialog(session: Session) -> None:
    long_id = drafts.save_draft(
        session, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "a" * 100}
    )
    place_id = drafts.save_draft(
        session, draft_id=None, kind=DraftKind.SESSION, payload={"summary": " ", "place": "plein"}
    )
    long_view, place_view = drafts.get_draft(session, long_id), drafts.get_draft(session, place_id)
    assert long_view is not None
    assert place_view is not None
    assert long_view.summary() == "a" * 77 + "…"
    assert place_view.summary() == "plein"


def test_finalising_deletes_the_draft_in_the_same_transaction(database: Database) -> None:
    with database.unit_of_work("test") as session:
        round_id = _round(session).id
        draft_id = drafts.save_draft(
            session,
            draft_id=None,
            kind=DraftKind.CONVERSATION,
            payload={"summary": "Geen bus meer"},
            session_id=round_id,
        )
    with database.unit_of_work("test") as session:
        conversation = koffiekar.record_conversation(
            session,
            session_id=round_id,
            data=koffiekar.ConversationInput(summary="Geen bus meer", theme_ids=[EENZAAMHEID]),
            draft_id=draft_id,
        )
        # before the commit another connection still sees the draft and no conversation:
        # record and draft change together, never one without the other
        with database.read_session() as other:
            assert other.get(Draft, draft_id) is not None
            assert other.get(Conversation, conversation.id) is None
    with database.read_session() as session:
        assert session.get(Draft, draft_id) is None
        assert session.get(Conversation, conversation.id) is not None


@pytest.mark.parametrize(
    "data",
    [
        koffiekar.ConversationInput(summary="  ", theme_ids=[EENZAAMHEID]),
        koffiekar.ConversationInput(summary="Geen bus meer", theme_ids=[]),
        koffiekar.ConversationInput(
            summary="Wil meedenken",
            theme_ids=[EENZAAMHEID],
            resident=ResidentInput(name="Anna Testema", phone="06-12345678", wants_meedenken=True),
        ),
    ],
    ids=["empty-summary", "no-theme", "no-consent"],
)
def test_a_refused_conversation_writes_nothing_and_keeps_the_draft(
    database: Database, data: koffiekar.ConversationInput
) -> None:
    with database.unit_of_work("test") as session:
        round_id = _round(session).id
        draft_id = drafts.save_draft(
            session,
            draft_id=None,
            kind=DraftKind.CONVERSATION,
            payload={"summary": data.summary},
            session_id=round_id,
        )
    with pytest.raises(ValidationError), database.unit_of_work("test") as session:
        koffiekar.record_conversation(session, session_id=round_id, data=data, draft_id=draft_id)
    with database.read_session() as session:
        assert session.get(Draft, draft_id) is not None
        assert _count(session, Conversation) == 0
        assert _count(session, Resident) == 0


def test_starting_a_round_and_logging_a_contact_delete_their_drafts(session: Session) -> None:
    round_draft = drafts.save_draft(session, draft_id=None, kind=DraftKind.SESSION, payload={})
    contact_draft = drafts.save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload={})
    koffiekar.start_session(
        session,
        koffiekar.SessionInput(area_id=BEERTA, day=date(2026, 5, 4)),
        draft_id=round_draft,
    )
    contacts.record_contact(
        session,
        contacts.ContactInput(
            day=date(2026, 5, 4), area_id=BEERTA, contact_type=ContactType.TELEFOON, subject="x"
        ),
        draft_id=contact_draft,
    )
    assert drafts.get_draft(session, round_draft) is None
    assert drafts.get_draft(session, contact_draft) is None
    assert _count(session, Contact) == 1


def test_editing_a_conversation_deletes_its_edit_draft(session: Session) -> None:
    round_id = _round(session).id
    conversation = koffiekar.record_conversation(
        session,
        session_id=round_id,
        data=koffiekar.ConversationInput(summary="Eerst", theme_ids=[EENZAAMHEID]),
    )
    draft_id = drafts.save_draft(
        session,
        draft_id=None,
        kind=DraftKind.CONVERSATION,
        payload={"summary": "Later"},
        target_id=conversation.id,
        session_id=round_id,
    )
    view = drafts.get_draft(session, draft_id)
    assert view is not None
    assert (view.target_id, view.session_id) == (conversation.id, round_id)
    koffiekar.edit_conversation(
        session,
        conversation.id,
        koffiekar.ConversationInput(summary="Later", theme_ids=[EENZAAMHEID]),
        draft_id=draft_id,
    )
    assert drafts.get_draft(session, draft_id) is None
