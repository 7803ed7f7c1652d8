"""A conversation's fields are defined once; its form's draft is a typed dataclass of them."""

from __future__ import annotations

import json
import uuid
from datetime import date

from gebiedsapp.domain import Handling, reference_id
from gebiedsapp.services.conversation_record import (
    DRAFT_FIELDS,
    RECORD_FIELDS,
    ConversationDraft,
    draft_keys,
    record_labels,
)
from gebiedsapp.services.koffiekar import ConversationInput, conversation_input
from gebiedsapp.services.list_exports import CONVERSATION_HEADERS, EXPORTED

EENZAAMHEID = reference_id("theme", "eenzaamheid")


def test_every_definition_is_a_field_of_the_draft_and_the_other_way_round() -> None:
    assert draft_keys() == {d.key for d in DRAFT_FIELDS}
    assert len({d.key for d in DRAFT_FIELDS}) == len(DRAFT_FIELDS)
    # the record's fields are those of what finalising asks for
    assert {d.key for d in RECORD_FIELDS} <= set(ConversationInput.__dataclass_fields__)


def test_a_draft_round_trips_through_json() -> None:
    draft = ConversationDraft(
        summary="Ideeën over één plein",
        theme_ids=(EENZAAMHEID,),
        theme_text="oud",
        handling=Handling.ACTIE_NODIG,
        quote="Zo",
        quote_reportable=True,
        wants_contact=True,
        name="Anna",
        phone="06-12345678",
        consent=True,
        action=True,
        action_description="Bellen",
        action_owner_id=uuid.uuid4(),
        action_due=date(2026, 5, 18),
        callback=False,
        callback_description="Terugbellen",
        callback_due=date(2026, 5, 11),
    )
    stored = json.loads(json.dumps(draft.to_json()))
    assert ConversationDraft.from_json(stored) == draft
    assert stored["theme_ids"] == [str(EENZAAMHEID)]
    assert stored["handling"] == "actie_nodig"
    assert stored["action_due"] == "2026-05-18"


def test_an_old_or_damaged_draft_reads_as_the_forms_defaults() -> None:
    draft = ConversationDraft.from_json(
        {
            "summary": "Bus",
            "theme_ids": ["geen-id", str(EENZAAMHEID)],
            "handling": "onbekend",
            "action_due": "31-02-2026",
            "callback_owner_id": "",
        }
    )
    assert draft == ConversationDraft(summary="Bus", theme_ids=(EENZAAMHEID,))
    assert ConversationDraft.from_json({}) == ConversationDraft()


def test_only_typed_text_makes_a_draft_worth_keeping() -> None:
    assert ConversationDraft().is_empty()
    assert ConversationDraft(consent=True, wants_contact=True, callback_description="x").is_empty()
    assert not ConversationDraft(quote=" zo ").is_empty()
    assert not ConversationDraft(theme_ids=(EENZAAMHEID,)).is_empty()
    assert ConversationDraft(summary="   ").is_empty()


def test_finalising_a_draft_asks_for_its_record_fields_and_a_new_resident_only() -> None:
    draft = ConversationDraft(
        summary="Bus", theme_ids=(EENZAAMHEID,), name="Anna", wants_contact=True, consent=True
    )
    new = conversation_input(draft, new=True)
    assert (new.summary, new.theme_ids, new.resident.name) == ("Bus", (EENZAAMHEID,), "Anna")
    assert new.resident.wants_contact
    edited = conversation_input(draft, new=False)
    assert edited.resident.name == ""
    assert not edited.resident.wanted


def test_the_export_shows_every_field_of_the_record_under_its_label() -> None:
    assert {d.key for d, _width in EXPORTED} == {d.key for d in RECORD_FIELDS}
    assert set(CONVERSATION_HEADERS) >= {d.export_label or d.label for d in RECORD_FIELDS}
    assert set(record_labels().values()) == {d.label for d in RECORD_FIELDS}
