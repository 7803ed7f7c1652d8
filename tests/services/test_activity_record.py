"""An activity's fields are defined once; its form's draft is a typed dataclass of them, read
from drafts of every earlier shape; the service's check and the edit's history use them."""

from __future__ import annotations

import json
import uuid
from dataclasses import fields, replace
from datetime import date, time

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import ActivityKind, reference_id
from gebiedsapp.services import activities
from gebiedsapp.services.activities import ActivityInput, activity_input
from gebiedsapp.services.activity_record import (
    DRAFT_FIELDS,
    PLACE,
    RECORD_FIELDS,
    ActivityDraft,
    AgreedAction,
    draft_keys,
    record_labels,
)
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.history import history

EENZAAMHEID = reference_id("theme", "eenzaamheid")
TODAY = date(2026, 12, 6)


def test_every_definition_is_a_field_of_the_draft_and_the_other_way_round() -> None:
    assert draft_keys() == {d.key for d in DRAFT_FIELDS}
    assert len({d.key for d in DRAFT_FIELDS}) == len(DRAFT_FIELDS)
    inputs = {f.name for f in fields(ActivityInput)}
    assert {d.key for d in RECORD_FIELDS} <= inputs
    assert inputs - {d.key for d in RECORD_FIELDS} == {"new_actions"}


def test_a_draft_round_trips_through_json_in_the_shape_drafts_always_had() -> None:
    owner = uuid.uuid4()
    draft = ActivityDraft(
        day=date(2026, 3, 10),
        start_time=time(19, 30),
        end_time=time(21, 0),
        kind=ActivityKind.DORPSSCHOUW,
        place="Kerk",
        area_id=uuid.uuid4(),
        subject="Schouw",
        attendance=0,
        theme_ids=(EENZAAMHEID,),
        notes="Glas",
        outcomes="Opruimen",
        signal_ids=(uuid.uuid4(),),
        action_ids=(uuid.uuid4(),),
        initiative_ids=(uuid.uuid4(),),
        new_actions=(AgreedAction("Glas ruimen", owner, "Piet", date(2026, 3, 24)),),
        new_action=AgreedAction("Bord plaatsen"),
    )
    stored = json.loads(json.dumps(draft.to_json()))
    assert ActivityDraft.from_json(stored) == draft
    assert stored["start_time"] == "19:30:00"
    assert stored["kind"] == "dorpsschouw"
    assert stored["attendance"] == 0
    assert stored["new_action"] == {
        "description": "Bord plaatsen",
        "owner_id": "",
        "owner_name": "",
        "due_date": "",
    }
    assert not draft.is_empty()
    assert ActivityDraft(attendance=0).is_empty() is False  # a count of 0 is typed in
    assert ActivityDraft(day=TODAY, kind=ActivityKind.ANDERS).is_empty()


def test_an_old_or_damaged_draft_reads_as_the_forms_defaults() -> None:
    """A draft of before 'new_action' and the linked actions and initiatives (the shape the
    demo data wrote), with values a hand-edited or older file may hold."""
    area = uuid.uuid4()
    draft = ActivityDraft.from_json(
        {
            "day": "10-03-2026",  # not ISO: the form's today
            "start_time": "19:30:00",
            "end_time": "laat",
            "kind": "feest",  # no such kind: the form's first
            "area_id": str(area),
            "place": "Dorpshuis",
            "attendance": "veel",
            "subject": "Verkeer",
            "notes": "Hardrijders",
            "outcomes": "",
            "theme_ids": [str(EENZAAMHEID), "geen-id"],
            "signal_ids": [],
            "new_actions": [{"description": "Bellen", "owner_id": "x", "due_date": ""}, "?"],
        }
    )
    assert draft == ActivityDraft(
        start_time=time(19, 30),
        area_id=area,
        place="Dorpshuis",
        subject="Verkeer",
        notes="Hardrijders",
        theme_ids=(EENZAAMHEID,),
        new_actions=(AgreedAction("Bellen"),),
    )
    assert ActivityDraft.from_json({}) == ActivityDraft()


def test_the_input_has_every_record_field_and_the_typed_action_too() -> None:
    area = uuid.uuid4()
    draft = ActivityDraft(
        day=TODAY,
        kind=ActivityKind.BEWONERSAVOND,
        area_id=area,
        subject="Avond",
        new_actions=(AgreedAction("Een"),),
        new_action=AgreedAction("Twee"),
    )
    data = activity_input(draft)
    assert data is not None
    assert (data.area_id, data.day, data.subject) == (area, TODAY, "Avond")
    assert [a.description for a in data.new_actions] == ["Een", "Twee"]
    assert activity_input(replace(draft, area_id=None)) is None


def test_the_check_takes_its_text_and_limit_from_the_definition(session: Session) -> None:
    beerta = find_area(session, "Beerta").id
    base = ActivityInput(area_id=beerta, kind=ActivityKind.ANDERS, day=TODAY, subject="Overleg")
    assert PLACE.max_length is not None
    with pytest.raises(ValidationError) as caught:
        activities.record_activity(
            session, replace(base, place="x" * (PLACE.max_length + 1)), today=TODAY
        )
    assert caught.value.field == "place"
    assert caught.value.message == PLACE.too_long.format(n=PLACE.max_length)


def test_an_edit_keeps_each_changed_field_under_its_definitions_name(session: Session) -> None:
    beerta = find_area(session, "Beerta").id
    base = ActivityInput(area_id=beerta, kind=ActivityKind.ANDERS, day=TODAY, subject="Overleg")
    row = activities.record_activity(session, base, today=TODAY)
    changed = replace(
        base,
        kind=ActivityKind.BEWONERSAVOND,
        subject="Bewonersavond",
        place="Dorpshuis",
        start_time=time(19, 0),
        attendance=20,
        notes="n",
        outcomes="u",
        theme_ids=(EENZAAMHEID,),
    )
    activities.edit_activity(session, row.id, changed, today=TODAY)
    [entry] = history(session, "activity", row.id)
    labels = record_labels()
    assert set(entry.changes) <= set(labels)
    assert {labels[name] for name in entry.changes} == {
        "Soort",
        "Onderwerp",
        "Plaats",
        "Begintijd",
        "Aanwezig",
        "Aantekeningen",
        "Uitkomsten",
        "Thema's",
    }
