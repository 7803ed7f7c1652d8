"""Activities (bewonersavond, dorpsschouw, ...): record, edit with history, links, removal,
drafts, audit, and erasure of a resident's name typed in the notes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Activity,
    ActivityKind,
    AuditEntry,
    DraftKind,
    RecordVersion,
    SignalSource,
    reference_id,
)
from gebiedsapp.services import activities, history, mentions
from gebiedsapp.services.actions import create_follow_up
from gebiedsapp.services.activities import ActivityInput
from gebiedsapp.services.drafts import list_drafts, save_draft
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.initiatives import InitiativeInput, create_initiative
from gebiedsapp.services.signals import SignalInput, create_signal

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
VERKEER = reference_id("theme", "mobiliteit-en-bereikbaarheid")
OUDEREN = reference_id("theme", "ouderen")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
TODAY = date(2026, 11, 26)
BASE = ActivityInput(
    area_id=BEERTA,
    kind=ActivityKind.BEWONERSAVOND,
    day=date(2026, 11, 20),
    subject="Verkeer op de Hoofdstraat",
    start_time=time(19, 30),
    end_time=time(21, 30),
    place="Dorpshuis De Kiepe",
    attendance=34,
    notes="Veel zorgen over hardrijders.",
    outcomes="Gemeente plaatst een snelheidsdisplay.",
)


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_bewonersavond_keeps_every_field_and_its_links(session: Session) -> None:
    signal = create_signal(
        session,
        SignalInput(
            area_id=BEERTA,
            description="Zwerfvuil bij de bushalte",
            source=SignalSource.BEWONERSAVOND,
            reported_on=date(2026, 11, 20),
            category_id=ZWERFVUIL,
            location="Bushalte Hoofdstraat",
        ),
        today=TODAY,
    )
    action = create_follow_up(
        session,
        description="Snelheidsdisplay aanvragen",
        area_id=BEERTA,
        owner_id=None,
        due_date=date(2026, 12, 15),
    )
    initiative = create_initiative(
        session,
        InitiativeInput(area_id=BEERTA, title="Speeltuin", started_on=date(2026, 3, 1)),
        today=TODAY,
    )
    row = activities.record_activity(
        session,
        replace(
            BASE,
            subject="  Verkeer   op de Hoofdstraat ",
            theme_ids=(VERKEER, OUDEREN, VERKEER),
            signal_ids=(signal.id,),
            action_ids=(action.id,),
            initiative_ids=(initiative.id,),
        ),
        today=TODAY,
    )
    view = activities.get_activity(session, row.id)
    assert view.subject == "Verkeer op de Hoofdstraat"
    assert (view.kind, view.day, view.start_time, view.end_time) == (
        ActivityKind.BEWONERSAVOND,
        date(2026, 11, 20),
        time(19, 30),
        time(21, 30),
    )
    assert (view.place, view.attendance, view.area_name) == ("Dorpshuis De Kiepe", 34, "Beerta")
    assert view.outcomes == "Gemeente plaatst een snelheidsdisplay."
    assert set(view.theme_ids) == {VERKEER, OUDEREN}
    assert len(view.theme_ids) == 2
    assert [s.id for s in view.signals] == [signal.id]
    assert "Zwerfvuil" in view.signals[0].text
    assert "20-11-2026" in view.signals[0].text
    assert [a.text for a in view.actions] == ["Snelheidsdisplay aanvragen (uiterlijk 15-12-2026)"]
    assert [i.text for i in view.initiatives] == ["Speeltuin"]
    options = activities.link_options(session, area_ids={BEERTA}, today=TODAY)
    assert signal.id in {o.id for o in options.signals}
    assert action.id in {o.id for o in options.actions}
    assert initiative.id in {o.id for o in options.initiatives}


def test_an_edit_keeps_the_earlier_version_and_the_audit_log_names_the_fields(
    session: Session,
) -> None:
    row = activities.record_activity(session, BASE, today=TODAY)
    session.commit()
    activities.edit_activity(
        session,
        row.id,
        replace(BASE, attendance=41, theme_ids=(OUDEREN,)),
        today=TODAY,
    )
    session.commit()
    entries = history.history(session, "activity", row.id)
    assert len(entries) == 1
    assert entries[0].changes["attendance"] == [34, 41]
    assert entries[0].changes["themes"] == [[], [str(OUDEREN)]]
    assert activities.get_activity(session, row.id).version == 2
    audit = session.scalars(
        select(AuditEntry).where(AuditEntry.record_type == "activity").order_by(AuditEntry.seq)
    ).all()
    assert [e.action.value for e in audit] == ["create", "update"]
    assert "attendance" in audit[1].fields
    assert "34" not in audit[1].fields


def test_an_edit_that_changes_nothing_writes_no_version(session: Session) -> None:
    row = activities.record_activity(session, BASE, today=TODAY)
    activities.edit_activity(session, row.id, BASE, today=TODAY)
    assert _count(session, RecordVersion) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"subject": "  "}, "subject"),
        ({"subject": "x" * 301}, "subject"),
        ({"end_time": time(19, 0)}, "end_time"),
        ({"start_time": None}, "start_time"),
        ({"attendance": -1}, "attendance"),
        ({"day": date(2026, 12, 10)}, "attendance"),  # planned, but already counted
        ({"theme_ids": (reference_id("theme", "bestaat-niet"),)}, "themes"),
        ({"signal_ids": (reference_id("signal", "x"),)}, "signals"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(
    session: Session, change: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        activities.record_activity(session, replace(BASE, **change), today=TODAY)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert _count(session, Activity) == 0


def test_a_planned_activity_without_attendance_is_fine(session: Session) -> None:
    row = activities.record_activity(
        session, replace(BASE, day=date(2027, 1, 14), attendance=None), today=TODAY
    )
    assert activities.get_activity(session, row.id).planned(TODAY)


def test_removing_leaves_a_tombstone_that_lists_no_more(session: Session) -> None:
    row = activities.record_activity(session, BASE, today=TODAY)
    activities.remove_activity(session, row.id)
    assert activities.list_activities(session, area_ids={BEERTA}) == []
    with pytest.raises(NotFoundError):
        activities.get_activity(session, row.id)
    assert session.get(Activity, row.id) is not None  # tombstone for sync


def test_saving_deletes_the_draft_in_the_same_transaction(session: Session) -> None:
    draft = save_draft(session, draft_id=None, kind=DraftKind.ACTIVITY, payload={"subject": "V"})
    assert [d.kind for d in list_drafts(session)] == [DraftKind.ACTIVITY]
    activities.record_activity(session, BASE, today=TODAY, draft_id=draft)
    assert list_drafts(session) == []


def test_a_residents_name_in_the_notes_is_found_and_erased(session: Session) -> None:
    row = activities.record_activity(
        session,
        replace(BASE, notes="Jan Bewonersma (06-12345678) vroeg om een drempel."),
        today=TODAY,
    )
    person = mentions.Person.of([("Jan Bewonersma", "0612345678", "")])
    found = mentions.find(session, person, mentions.Scope())
    hits = [h for h in found.hits if h.kind == "Activiteit"]
    assert {h.what for h in hits} == {mentions.FULL_NAME, mentions.PHONE}
    mentions.scrub(session, [h for h in found.hits if h.checked])
    assert activities.get_activity(session, row.id).notes == (
        "[gewist] ([gewist]) vroeg om een drempel."
    )


def test_the_draft_of_an_activity_is_searched_too(session: Session) -> None:
    save_draft(
        session,
        draft_id=None,
        kind=DraftKind.ACTIVITY,
        payload={"notes": "Met Jan Bewonersma gesproken"},
    )
    person = mentions.Person.of([("Jan Bewonersma", "", "")])
    found = mentions.find(session, person, mentions.Scope())
    assert [h.kind for h in found.hits] == ["Concept"]
    assert json.loads(json.dumps(found.hits[0].path)) == ["notes"]


def test_actions_agreed_at_the_activity_are_made_with_it_and_linked(
    session: Session, make_member: object
) -> None:
    from gebiedsapp.domain import FollowUp
    from gebiedsapp.services.activities import NewAction

    owner = make_member(name="Olga Oefenga")  # type: ignore[operator]
    agreed = NewAction("Snelheidsdisplay aanvragen", owner.id, date(2026, 12, 10))
    row = activities.record_activity(session, replace(BASE, new_actions=(agreed,)), today=TODAY)
    [action] = session.scalars(select(FollowUp)).all()
    assert (action.description, action.owner_id, action.area_id) == (
        "Snelheidsdisplay aanvragen",
        owner.id,
        BEERTA,
    )
    assert [a.id for a in activities.get_activity(session, row.id).actions] == [action.id]
    # an edit adds the next one beside it; the history names the change of links
    activities.edit_activity(
        session,
        row.id,
        replace(BASE, action_ids=(action.id,), new_actions=(NewAction("Terugkoppelen"),)),
        today=TODAY,
    )
    assert len(activities.get_activity(session, row.id).actions) == 2
    [entry] = history.history(session, "activity", row.id)
    assert len(entry.changes["actions"][1]) == 2
    # an empty description is refused before anything is made
    with pytest.raises(ValidationError) as caught:
        activities.record_activity(
            session,
            replace(BASE, new_actions=(NewAction("Goed"), NewAction("  "))),
            today=TODAY,
        )
    assert caught.value.field == "new_actions"
    assert len(session.scalars(select(FollowUp)).all()) == 2
