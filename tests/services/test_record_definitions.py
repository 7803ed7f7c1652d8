"""Contacts' and initiatives' field definitions: the stored draft keeps its shape, an odd one
reads back as far as it can, and the services refuse with the definitions' texts and limits."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import ContactType, ContactWith, InitiativeStatus, reference_id
from gebiedsapp.services import contact_record, contacts, initiative_record, initiatives
from gebiedsapp.services.contact_record import AgreedAction, ContactDraft, contact_input
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.initiative_record import InitiativeDraft, initiative_input

BEERTA = reference_id("area", "beerta")
POLITIE = reference_id("partner", "politie-wijkagent")
DAY = date(2026, 5, 4)
OWNER = uuid.uuid4()


def test_a_contact_draft_is_stored_in_the_shape_the_form_always_stored() -> None:
    draft = ContactDraft(
        day=DAY,
        area_id=BEERTA,
        contact_type=ContactType.TELEFOON,
        with_kind=ContactWith.GROEP,
        group_name="Ouderenbond",
        subject="Vervoer",
        actions=(AgreedAction("Uitzoeken", OWNER, "Olga", date(2026, 5, 18)),),
    )
    stored = draft.to_json()
    assert set(stored) == {d.key for d in contact_record.DRAFT_FIELDS}
    assert (
        stored.items()
        >= {  # the keys and values the earlier form stored
            "day": "2026-05-04",
            "area_id": str(BEERTA),
            "contact_type": "telefoon",
            "with_kind": "groep",
            "group_name": "Ouderenbond",
            "partner_id": "",
            "meedenker_id": "",
            "subject": "Vervoer",
            "notes": "",
            "theme_ids": [],
            "actions": [
                {
                    "description": "Uitzoeken",
                    "owner_id": str(OWNER),
                    "owner_name": "Olga",
                    "due_date": "2026-05-18",
                }
            ],
            "new_action": {},
        }.items()
    )
    assert ContactDraft.from_json(draft.to_json()) == draft
    assert contact_record.draft_keys() == {d.key for d in contact_record.DRAFT_FIELDS}


def test_an_odd_stored_contact_draft_reads_what_it_can() -> None:
    draft = ContactDraft.from_json(
        {
            "day": "4 mei",
            "area_id": "geen",
            "contact_type": "brief",
            "subject": 12,
            "theme_ids": "niet een lijst",
            "actions": [{"description": " "}, {"description": "Bellen", "due_date": "morgen"}],
            "new_action": "kapot",
        }
    )
    assert draft == ContactDraft(subject="12", actions=(AgreedAction("Bellen", None, "", None),))
    assert not draft.is_empty()
    assert ContactDraft(new_action=None, day=DAY, contact_type=ContactType.ANDERS).is_empty()


def test_saving_a_contact_draft_keeps_only_the_with_whom_that_fits() -> None:
    draft = ContactDraft(
        day=DAY,
        area_id=BEERTA,
        contact_type=ContactType.HUISBEZOEK,
        with_kind=ContactWith.ORGANISATIE,
        group_name="vergeten groep",
        partner_id=POLITIE,
        meedenker_id=uuid.uuid4(),
    )
    data = contact_input(draft)
    assert data is not None
    assert (data.group_name, data.partner_id, data.meedenker_id) == ("", POLITIE, None)
    assert contact_input(replace(draft, area_id=None)) is None


def test_the_contact_service_refuses_with_the_definitions_texts(session: Session) -> None:
    base = contacts.ContactInput(day=DAY, area_id=BEERTA, contact_type=ContactType.TELEFOON)
    subject = contact_record.SUBJECT
    assert subject.max_length is not None
    for data, definition, message in (
        (base, subject, subject.required),
        (
            replace(base, subject="s" * (subject.max_length + 1)),
            subject,
            subject.too_long.format(n=subject.max_length),
        ),
        (
            replace(base, subject="Over", with_kind=ContactWith.GROEP),
            contact_record.GROUP,
            contact_record.GROUP.required,
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            contacts.record_contact(session, data)
        assert (refused.value.message, refused.value.field) == (message, definition.error_name)
    assert contact_record.contact_labels()["date"] == "Datum"


def test_an_initiative_draft_becomes_its_input_with_amounts_read(session: Session) -> None:
    draft = InitiativeDraft(
        title="Moestuin",
        status=InitiativeStatus.UITVOERING,
        ended_on=DAY,  # kept in the form, ignored without an end status
        budget_requested="€ 1.250,50",
        budget_granted="",
    )
    data = initiative_input(draft, area_id=BEERTA, today=DAY)
    assert (data.budget_requested, data.budget_granted, data.ended_on) == (125_050, None, None)
    assert data.started_on == DAY
    with pytest.raises(ValidationError) as refused:
        initiative_input(replace(draft, budget_granted="veel"), area_id=BEERTA, today=DAY)
    assert refused.value.field == initiative_record.GRANTED.key
    assert initiative_record.draft_keys() == {d.key for d in initiative_record.RECORD_FIELDS}


def test_the_initiative_service_refuses_with_the_definitions_texts(session: Session) -> None:
    base = initiatives.InitiativeInput(area_id=BEERTA, title="Speeltuin", started_on=DAY)
    for definition in initiative_record.CHECKED_TEXTS:
        assert definition.max_length is not None
        data = replace(base, **{definition.key: "x" * (definition.max_length + 1)})
        with pytest.raises(ValidationError) as refused:
            initiatives.create_initiative(session, data, today=DAY)
        assert refused.value.message == definition.too_long.format(n=definition.max_length)
        assert refused.value.field == definition.key
    with pytest.raises(ValidationError, match=initiative_record.TITLE.required):
        initiatives.create_initiative(session, replace(base, title=" "), today=DAY)
