"""Inzage and verwijdering (issue 6): find a resident by name, phone or e-mail; everything
stored about them as PDF and JSON; erase them everywhere in one action, leaving one audit
entry that says an erasure happened and no trace of them in the database's files."""

from __future__ import annotations

import json
import uuid
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gebiedsapp.domain import (
    AuditAction,
    AuditEntry,
    Consent,
    ConsentPurpose,
    Conversation,
    Draft,
    DraftKind,
    FollowUp,
    Meedenker,
    Resident,
    Signal,
    SignalPhoto,
    reference_id,
)
from gebiedsapp.services import (
    actions,
    audit,
    drafts,
    erasure,
    koffiekar,
    subject_access,
)
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.reports.person_report import write_person_data
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.storage.database import Database
from support.dbfile import key_of
from support.pages import readable
from support.pdf_text import all_lines, pages_text
from support.people import BEERTA, EMAIL, NAME, OTHER, PHONE, Person


@pytest.fixture
def person(database: Database) -> Person:
    return Person(database)


@pytest.mark.parametrize(
    "query", ["bewonersma", "JANTJE", "0612345678", "06 1234 5678", "Jantje.Bewonersma@Example.NL"]
)
def test_found_by_name_phone_or_email(database: Database, person: Person, query: str) -> None:
    with database.sessions() as s:
        found = subject_access.find_people(s, query)
    assert [m.resident_id for m in found] == [person.resident]
    assert found[0].name == NAME


def test_a_too_short_search_is_refused_in_dutch(database: Database) -> None:
    with database.sessions() as s, pytest.raises(ValidationError) as refused:
        subject_access.find_people(s, " j ")
    assert "ten minste twee tekens" in refused.value.message


def test_inzage_holds_everything_about_the_person(
    database: Database, person: Person, tmp_path: Path
) -> None:
    with database.sessions() as s:
        data = subject_access.person_data(s, person.resident, today=date(2026, 11, 27))
    sections = {section.key: section.rows for section in data.sections}
    assert sections["persoonsgegevens"][0]["naam"] == NAME
    assert {row["doel"] for row in sections["toestemmingen"]} == {
        ConsentPurpose.CONTACT.label,
        ConsentPurpose.MEEDENKEN.label,
    }
    assert sections["meedenken"][0]["gebied"] == "Beerta"
    assert sections["gesprekken"][0]["plek"] == "Dorpsplein"
    assert sections["contacten"][0]["onderwerp"] == f"Op bezoek bij {NAME}"
    assert sections["acties"][0]["actie"] == "Terugbellen over de lamp"
    assert sections["signalen"][0]["omschrijving"] == f"Lamp kapot bij {NAME}"
    assert sections["fotos"][0]["bestand"] == "lamp.png"
    assert [row["soort"] for row in sections["vermeldingen"]] == [
        "Koffiekargesprek", "Koffiekargesprek", "Signaal", "Contact", "Concept"
    ]  # name and phone in the conversation; the phone in the draft  # fmt: skip
    assert sections["auditlog"][0]["wat"] == "aangemaakt"
    document = json.loads(data.as_json())
    assert document["persoonsgegevens"][0]["e-mail"] == EMAIL
    assert document["gesprekken"][0]["datum"] == "2026-03-02"
    assert OTHER not in data.as_json()
    target = tmp_path / "inzage.pdf"
    pages = write_person_data(data, target)
    flat = " ".join(all_lines(pages_text(target)))
    assert pages == len(pages_text(target))
    for expected in (NAME, EMAIL, "Toestemmingen", "Dorpsplein", "Terugbellen over de lamp"):
        assert expected in flat
    assert "Niets vastgelegd." in flat  # terugkoppeling: none given
    assert OTHER not in flat


def test_erasure_removes_the_person_everywhere_in_one_audited_action(
    database: Database, person: Person
) -> None:
    with database.sessions() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with database.unit_of_work("beheer") as s:
        erasure.prepare(database)
        done = erasure.erase_person(s, person.resident)
    assert erasure.purge(database) == ""
    assert (done.conversations, done.contacts, done.photos, done.drafts) == (1, 1, 1, 1)
    with database.sessions() as s:
        assert s.get(Resident, person.resident) is None
        assert s.scalar(select(func.count()).select_from(Consent).where(
            Consent.resident_id == person.resident)) == 0  # fmt: skip
        assert s.scalar(select(func.count()).select_from(Meedenker).where(
            Meedenker.resident_id == person.resident)) == 0  # fmt: skip
        conversation = s.get(Conversation, person.conversation)
        assert conversation is not None
        assert conversation.resident_id is None
        assert conversation.summary == "[gewist] vertelde dat de lantaarn kapot is; bel [gewist]"
        assert conversation.quote == "Het is hier donker"  # content stays
        signal = s.get(Signal, person.signal)
        assert signal is not None
        assert signal.description == "Lamp kapot bij [gewist]"
        assert s.get(SignalPhoto, person.photo) is None
        draft = s.get(Draft, person.draft)
        assert draft is not None  # somebody's typing is kept, without the phone number
        assert draft.payload == '{"notes": "bellen: [gewist]"}'
        assert s.get(Resident, person.other) is not None  # somebody else: untouched
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        assert audit.verify_chain(s).ok
    new = entries[before:]
    assert [(e.action, e.record_type, e.record_id, e.fields) for e in new] == [
        (AuditAction.ERASE, "resident", "", "")
    ]
    assert new[0].detail == "verzoek tot verwijdering van persoonsgegevens uitgevoerd"
    with database.sessions() as s:
        assert subject_access.find_people(s, "bewonersma") == []
        with pytest.raises(NotFoundError):
            subject_access.person_data(s, person.resident, today=date(2026, 11, 27))
    # nowhere in the database's own files any more (secure_delete, FTS rebuilt, WAL merged):
    # every page decrypted (tests/services/test_erasure.py does more)
    path = Path(str(database.url.database))
    database.dispose()
    pages = readable(path, key_of(path))
    for needle in (NAME, EMAIL, "bewonersma", PHONE):
        assert needle.encode() not in pages, needle
    assert OTHER.encode() in pages


def test_erasing_nobody_changes_nothing(database: Database) -> None:
    with database.unit_of_work("beheer") as s, pytest.raises(NotFoundError):
        erasure.erase_person(s, uuid.uuid4())


def test_several_records_of_one_person_are_one_overview_and_one_erasure(
    database: Database, person: Person
) -> None:
    with database.unit_of_work("anna") as s:  # recorded again at another conversation
        again = register_resident(
            s, ResidentInput(name=NAME, phone="0699999999", wants_contact=True, consent=True),
            area_id=BEERTA, today=date(2026, 5, 1),
        )  # fmt: skip
        assert again is not None
        found = subject_access.find_people(s, "bewonersma")
    ids = [m.resident_id for m in found]
    assert set(ids) == {person.resident, again.id}
    with database.sessions() as s:
        data = subject_access.person_data(s, ids, today=date(2026, 11, 27))
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    details = {section.key: section.rows for section in data.sections}
    assert {row["telefoon"] for row in details["persoonsgegevens"]} == {PHONE, "0699999999"}
    assert len(details["toestemmingen"]) == 3
    assert json.loads(data.as_json())["bewoner_ids"] == [str(i) for i in ids]
    with database.unit_of_work("beheer") as s:
        done = erasure.erase_people(s, ids)
    assert done.conversations == 1
    with database.sessions() as s:
        assert subject_access.find_people(s, "bewonersma") == []
        new = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))[before:]
    assert [e.action for e in new] == [AuditAction.ERASE]


def test_erasure_matches_whole_words_and_leaves_other_peoples_drafts(
    database: Database, person: Person
) -> None:
    with database.unit_of_work("anna") as s:
        short = register_resident(
            s, ResidentInput(name="Ann", phone="0611223344", wants_contact=True, consent=True),
            area_id=BEERTA, today=date(2026, 3, 2),
        )  # fmt: skip
        assert short is not None
        round_ = koffiekar.start_session(
            s, SessionInput(area_id=BEERTA, day=date(2026, 3, 3), start_time=time(10))
        )
        said = koffiekar.record_conversation(
            s, session_id=round_.id,
            data=ConversationInput(
                "Ann wil plannen maken in januari", theme_ids=[reference_id("theme", "eenzaamheid")]
            ),
        )  # fmt: skip
        s.get(Conversation, said.id).resident_id = short.id  # type: ignore[union-attr]
        actions.create_follow_up(
            s, description="Ann terugbellen", area_id=BEERTA, owner_id=None, due_date=None,
            conversation_id=said.id,
        )  # fmt: skip
        unrelated = drafts.save_draft(
            s, draft_id=None, kind=DraftKind.CONTACT, payload={"notes": "plannen voor Annie"}
        )
    with database.unit_of_work("beheer") as s:
        erasure.erase_person(s, short.id)
    with database.sessions() as s:
        conversation = s.get(Conversation, said.id)
        assert conversation is not None
        assert conversation.summary == "[gewist] wil plannen maken in januari"
        assert s.get(Draft, unrelated) is not None  # "Annie" is not "Ann"
        action = s.scalars(select(FollowUp).where(FollowUp.conversation_id == said.id)).one()
        assert action.description == "[gewist] terugbellen"
        assert s.get(Resident, person.resident) is not None  # the other person: untouched
