"""Residents' initiatives: record, edit with history, milestones, ending and taking up again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Initiative,
    InitiativeMilestone,
    InitiativeStatus,
    RecordVersion,
    TeamMember,
    reference_id,
)
from gebiedsapp.services import history, initiatives
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.export import csv_bytes
from gebiedsapp.services.initiatives import InitiativeInput, MilestoneInput
from gebiedsapp.services.list_exports import ExportOptions, initiatives_tables
from gebiedsapp.services.money import format_euros, parse_euros

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
OUDEREN = reference_id("theme", "ouderen")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
POLITIE = reference_id("partner", "politie-wijkagent")
TODAY = date(2026, 6, 15)
BASE = InitiativeInput(
    area_id=BEERTA,
    title="Speeltuin aan de Hoofdstraat",
    started_on=date(2026, 3, 1),
    status=InitiativeStatus.VOORBEREIDING,
)


def _count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_new_initiative_keeps_every_field(session: Session, make_member: Any) -> None:
    member: TeamMember = make_member(name="Anna Opbouw")
    row = initiatives.create_initiative(
        session,
        replace(
            BASE,
            title="  Speeltuin   aan de Hoofdstraat ",
            carried_by=" Buurtvereniging  Oost ",
            supporter_id=member.id,
            description=" Een speeltuin voor de kleintjes ",
            support="Hulp bij de subsidieaanvraag",
            budget_requested=12_500_00,
            budget_granted=10_000_50,
            budget_source="Leefbaarheidsfonds",
            theme_ids=(OUDEREN, EENZAAMHEID, OUDEREN),
            partner_ids=(POLITIE,),
            milestones=(
                MilestoneInput("Opening", due_on=date(2026, 9, 1)),
                MilestoneInput("Zonder datum"),
                MilestoneInput("Vergunning rond", due_on=date(2026, 5, 1), reached_on=TODAY),
            ),
        ),
        today=TODAY,
    )
    view = initiatives.get_initiative(session, row.id)
    assert view.title == "Speeltuin aan de Hoofdstraat"
    assert view.carried_by == "Buurtvereniging Oost"
    assert view.description == "Een speeltuin voor de kleintjes"
    assert view.supporter_name == "Anna Opbouw"
    assert (view.budget_requested, view.budget_granted) == (1_250_000, 1_000_050)
    assert view.budget_source == "Leefbaarheidsfonds"
    assert set(view.theme_ids) == {OUDEREN, EENZAAMHEID}
    assert len(view.theme_ids) == 2
    assert view.partner_ids == (POLITIE,)
    assert view.area_name == "Beerta"
    assert view.ended_on is None
    assert view.status is InitiativeStatus.VOORBEREIDING
    assert [m.description for m in view.milestones] == [
        "Vergunning rond",
        "Opening",
        "Zonder datum",
    ]
    assert view.reached == 1
    assert view.next_milestone is not None
    assert view.next_milestone.description == "Opening"
    assert view.author == session.info["actor"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"started_on": date(2026, 6, 16)}, "started_on"),
        ({"status": InitiativeStatus.AFGEROND}, "ended_on"),
        ({"status": InitiativeStatus.GESTOPT, "ended_on": date(2026, 2, 1)}, "ended_on"),
        ({"status": InitiativeStatus.AFGEROND, "ended_on": date(2026, 7, 1)}, "ended_on"),
        ({"budget_granted": -1}, "budget_granted"),
        ({"carried_by": "x" * 201}, "carried_by"),
        ({"theme_ids": (reference_id("theme", "bestaat-niet"),)}, "themes"),
        ({"partner_ids": (reference_id("partner", "bestaat-niet"),)}, "partners"),
        ({"milestones": (MilestoneInput("  "),)}, "milestones"),
        ({"milestones": (MilestoneInput("Later", reached_on=date(2026, 7, 1)),)}, "milestones"),
        ({"milestones": tuple(MilestoneInput(f"Stap {i}") for i in range(51))}, "milestones"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    session: Session, change: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        initiatives.create_initiative(session, replace(BASE, **change), today=TODAY)
    assert refused.value.field == field
    assert refused.value.args[0]  # a Dutch message for the form
    assert _count(session, Initiative) == 0
    assert _count(session, InitiativeMilestone) == 0


def test_an_unknown_area_is_refused(session: Session) -> None:
    with pytest.raises(NotFoundError):
        initiatives.create_initiative(
            session, replace(BASE, area_id=reference_id("area", "nergens")), today=TODAY
        )
    assert _count(session, Initiative) == 0


def test_editing_keeps_the_earlier_version_and_milestones_follow_the_form(
    session: Session,
) -> None:
    row = initiatives.create_initiative(
        session,
        replace(
            BASE,
            milestones=(
                MilestoneInput("Vergunning", due_on=date(2026, 5, 1)),
                MilestoneInput("Opening", due_on=date(2026, 9, 1)),
            ),
        ),
        today=TODAY,
    )
    view = initiatives.get_initiative(session, row.id)
    permit, opening = view.milestones
    initiatives.edit_initiative(
        session,
        row.id,
        replace(
            BASE,
            status=InitiativeStatus.UITVOERING,
            budget_granted=500_00,
            milestones=(
                MilestoneInput("Vergunning", due_on=permit.due_on, reached_on=TODAY, id=permit.id),
                MilestoneInput("Eerste speeldag", due_on=date(2026, 10, 1)),
            ),
        ),
        today=TODAY,
    )
    after = initiatives.get_initiative(session, row.id)
    assert after.status is InitiativeStatus.UITVOERING
    assert [(m.description, m.reached_on) for m in after.milestones] == [
        ("Vergunning", TODAY),
        ("Eerste speeldag", None),
    ]
    assert after.milestones[0].id == permit.id  # the same record, not a new one
    removed = session.get(InitiativeMilestone, opening.id)
    assert removed is not None
    assert removed.deleted_at is not None
    (entry,) = history.history(session, "initiative", row.id)
    assert entry.changes["status"] == ["voorbereiding", "uitvoering"]
    assert entry.changes["budget_granted"] == [None, 50_000]
    assert "milestones" in entry.changes
    assert "title" not in entry.changes


def test_an_edit_that_fails_changes_nothing(session: Session) -> None:
    row = initiatives.create_initiative(session, BASE, today=TODAY)
    session.commit()
    with pytest.raises(ValidationError):
        initiatives.edit_initiative(
            session, row.id, replace(BASE, title="Nieuw", started_on=date(2027, 1, 1)), today=TODAY
        )
    session.rollback()
    assert initiatives.get_initiative(session, row.id).title == BASE.title
    assert _count(session, RecordVersion) == 0


def test_a_milestone_of_another_initiative_is_refused_before_anything_changes(
    session: Session,
) -> None:
    other = initiatives.create_initiative(
        session, replace(BASE, title="Ander", milestones=(MilestoneInput("Van een ander"),)),
        today=TODAY,
    )  # fmt: skip
    row = initiatives.create_initiative(session, BASE, today=TODAY)
    session.commit()
    foreign = initiatives.get_initiative(session, other.id).milestones[0]
    changed = replace(
        BASE,
        title="Nieuwe naam",
        milestones=(MilestoneInput("Gestolen", id=foreign.id), MilestoneInput("Nieuw")),
    )
    with pytest.raises(NotFoundError):
        initiatives.edit_initiative(session, row.id, changed, today=TODAY)
    assert initiatives.get_initiative(session, row.id).title == BASE.title  # untouched
    assert session.get(InitiativeMilestone, foreign.id).description == "Van een ander"  # type: ignore[union-attr]
    assert _count(session, InitiativeMilestone) == 1
    session.rollback()


def test_a_change_to_milestones_only_gives_a_new_version(session: Session) -> None:
    row = initiatives.create_initiative(session, BASE, today=TODAY)
    assert initiatives.get_initiative(session, row.id).version == 1
    initiatives.edit_initiative(
        session, row.id, replace(BASE, milestones=(MilestoneInput("Opening"),)), today=TODAY
    )
    assert initiatives.get_initiative(session, row.id).version == 2
    initiatives.edit_initiative(
        session,
        row.id,
        replace(BASE, milestones=(MilestoneInput("Opening"),), theme_ids=(OUDEREN,)),
        today=TODAY,
    )
    assert initiatives.get_initiative(session, row.id).version == 3
    # the same input again changes nothing: no new version, no history entry
    view = initiatives.get_initiative(session, row.id)
    same = replace(
        BASE,
        milestones=(MilestoneInput("Opening", id=view.milestones[0].id),),
        theme_ids=(OUDEREN,),
    )
    initiatives.edit_initiative(session, row.id, same, today=TODAY)
    assert initiatives.get_initiative(session, row.id).version == 3
    assert [e.version for e in history.history(session, "initiative", row.id)] == [1, 2]


def test_one_milestone_twice_or_reached_before_the_start_is_refused(session: Session) -> None:
    row = initiatives.create_initiative(
        session, replace(BASE, milestones=(MilestoneInput("Opening"),)), today=TODAY
    )
    step = initiatives.get_initiative(session, row.id).milestones[0]
    twice = (MilestoneInput("Opening", id=step.id), MilestoneInput("Opening", id=step.id))
    with pytest.raises(ValidationError):
        initiatives.edit_initiative(session, row.id, replace(BASE, milestones=twice), today=TODAY)
    early = (MilestoneInput("Opening", reached_on=date(2026, 2, 1)),)
    with pytest.raises(ValidationError) as refused:
        initiatives.create_initiative(session, replace(BASE, milestones=early), today=TODAY)
    assert "vóór de start" in refused.value.args[0]


def test_ending_and_taking_up_again(session: Session) -> None:
    row = initiatives.create_initiative(session, BASE, today=TODAY)
    ended = replace(BASE, status=InitiativeStatus.AFGEROND, ended_on=date(2026, 6, 1))
    initiatives.edit_initiative(session, row.id, ended, today=TODAY)
    assert initiatives.get_initiative(session, row.id).ended_on == date(2026, 6, 1)
    assert initiatives.list_initiatives(session, area_ids={BEERTA}, include_ended=False) == []
    again = replace(ended, status=InitiativeStatus.UITVOERING)  # the end day is left in the form
    initiatives.edit_initiative(session, row.id, again, today=TODAY)
    view = initiatives.get_initiative(session, row.id)
    assert view.status is InitiativeStatus.UITVOERING
    assert view.ended_on is None


def test_lists_filter_by_area_and_end_and_skip_removed(session: Session) -> None:
    old = initiatives.create_initiative(
        session, replace(BASE, title="Oud", started_on=date(2025, 1, 1)), today=TODAY
    )
    new = initiatives.create_initiative(session, replace(BASE, title="Nieuw"), today=TODAY)
    initiatives.create_initiative(
        session, replace(BASE, title="Elders", area_id=SCHEEMDA), today=TODAY
    )
    gone = initiatives.create_initiative(session, replace(BASE, title="Vergissing"), today=TODAY)
    initiatives.remove_initiative(session, gone.id)
    initiatives.edit_initiative(
        session,
        old.id,
        replace(
            BASE,
            title="Oud",
            started_on=date(2025, 1, 1),
            status=InitiativeStatus.GESTOPT,
            ended_on=date(2025, 6, 1),
        ),
        today=TODAY,
    )
    listed = initiatives.list_initiatives(session, area_ids={BEERTA}, include_ended=True)
    assert [v.title for v in listed] == ["Nieuw", "Oud"]  # newest start first
    running = initiatives.list_initiatives(session, area_ids={BEERTA}, include_ended=False)
    assert [v.id for v in running] == [new.id]
    assert len(initiatives.list_initiatives(session, area_ids=None, include_ended=True)) == 3
    with pytest.raises(NotFoundError):
        initiatives.get_initiative(session, gone.id)


def test_the_list_rows_match_the_full_views_without_loading_records(
    session: Session, make_member: Any
) -> None:
    """Initiatieven's list (initiative_list) shows what list_initiatives gives, in its order,
    read as plain columns: no ORM object stays behind in the session (issue 19: at ten times
    the data they were thousands of objects for the GUI thread's garbage collections)."""
    anna = make_member(name="Anna Opbouw")
    first = initiatives.create_initiative(
        session,
        replace(
            BASE,
            supporter_id=anna.id,
            carried_by="Buurtvereniging",
            budget_granted=750_00,
            theme_ids=(OUDEREN, EENZAAMHEID),
            milestones=(
                MilestoneInput("Opening", due_on=date(2026, 9, 1)),
                MilestoneInput("Vergunning", due_on=date(2026, 5, 1), reached_on=TODAY),
                MilestoneInput("Ooit", due_on=None),
                MilestoneInput("Offerte", due_on=date(2026, 6, 1)),
            ),
        ),
        today=TODAY,
    )
    view = initiatives.get_initiative(session, first.id)
    initiatives.edit_initiative(  # "Offerte" removed: neither counted nor next
        session,
        first.id,
        replace(
            BASE,
            supporter_id=anna.id,
            carried_by="Buurtvereniging",
            budget_granted=750_00,
            theme_ids=(OUDEREN, EENZAAMHEID),
            milestones=tuple(
                MilestoneInput(m.description, due_on=m.due_on, reached_on=m.reached_on, id=m.id)
                for m in view.milestones
                if m.description != "Offerte"
            ),
        ),
        today=TODAY,
    )
    initiatives.create_initiative(
        session, replace(BASE, title="Klaar", status=InitiativeStatus.AFGEROND,
                         ended_on=date(2026, 5, 1), started_on=date(2025, 2, 1)),
        today=TODAY,
    )  # fmt: skip
    initiatives.create_initiative(
        session, replace(BASE, title="Elders", area_id=SCHEEMDA), today=TODAY
    )
    session.flush()
    for area_ids, ended in (({BEERTA}, True), ({BEERTA}, False), (None, True)):
        session.expunge_all()
        items = initiatives.initiative_list(session, area_ids=area_ids, include_ended=ended)
        assert len(session.identity_map) == 0  # nothing loaded as a record
        views = initiatives.list_initiatives(session, area_ids=area_ids, include_ended=ended)
        assert [item.id for item in items] == [v.id for v in views]
        for item, full in zip(items, views, strict=True):
            step = full.next_milestone
            assert item == (
                full.id.int, full.title, full.status, full.area_name, full.started_on,
                full.ended_on, full.carried_by, full.supporter_name, full.themes,
                full.budget_granted, step.description if step else None,
                step.due_on if step else None, full.reached, len(full.milestones),
            )  # fmt: skip
    (mine,) = [
        item
        for item in initiatives.initiative_list(session, area_ids={BEERTA}, include_ended=False)
        if item.key == first.id.int
    ]
    assert (mine.next_description, mine.reached, mine.milestones) == ("Opening", 1, 3)
    assert mine.supporter_name == "Anna Opbouw"


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("", None),
        ("  ", None),
        ("75", 7_500),
        ("1.250", 125_000),
        ("€ 1.250,50", 125_050),
        ("1250,5", 125_050),
        ("12.50", 1_250),
        ("€1.000.000", 100_000_000),
        ("250,-", 25_000),
    ],
)
def test_amounts_are_read_as_dutch_users_type_them(typed: str, cents: int | None) -> None:
    assert parse_euros(typed) == cents


@pytest.mark.parametrize("typed", ["abc", "1,2,3", "-5", "12.5.0", "1.25.000", "999999999999"])
def test_amounts_that_are_not_amounts_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_euros(typed)


def test_amounts_print_the_dutch_way() -> None:
    assert format_euros(125_000) == "€ 1.250"
    assert format_euros(125_050) == "€ 1.250,50"
    assert format_euros(5) == "€ 0,05"
    assert format_euros(None, blank="—") == "—"


def test_the_export_has_every_initiative_and_its_milestones(session: Session) -> None:
    initiatives.create_initiative(
        session,
        replace(
            BASE,
            budget_granted=1_250_050,
            carried_by="Dorpsvereniging Beerta",
            milestones=(MilestoneInput("Opening", due_on=date(2026, 9, 1)),),
        ),
        today=TODAY,
    )
    ended = replace(
        BASE, title="Oud feest", status=InitiativeStatus.AFGEROND, ended_on=date(2026, 5, 1)
    )
    initiatives.create_initiative(session, ended, today=TODAY)
    options = ExportOptions(actor="test", today=TODAY)
    running, steps = initiatives_tables(
        session, options, area_ids=frozenset({BEERTA}), include_ended=False
    )
    text = (csv_bytes(running) + csv_bytes(steps)).decode("utf-8-sig")
    assert (
        "Speeltuin aan de Hoofdstraat;Beerta;In voorbereiding;01-03-2026;;Dorpsvereniging" in text
    )
    assert ";12500,50;" in text
    assert "Speeltuin aan de Hoofdstraat;Beerta;Opening;01-09-2026;" in text
    assert "Oud feest" not in text
    everything, _steps = initiatives_tables(
        session, options, area_ids=frozenset({BEERTA}), include_ended=True
    )
    # the same start day: by name
    assert [row[0] for row in everything.rows] == ["Oud feest", "Speeltuin aan de Hoofdstraat"]
