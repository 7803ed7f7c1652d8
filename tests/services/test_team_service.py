"""Team members, their assignments and the 'Wie werkt waar' / wethouder overviews."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import Role, TeamMember, reference_id
from gebiedsapp.services import areas, teams
from gebiedsapp.services.errors import NotFoundError, ValidationError

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
WINSCHOTEN = reference_id("area", "winschoten")


def test_add_member_tidies_fields(make_member: Callable[..., TeamMember]) -> None:
    member = make_member(
        name="  Jelle   Nepkema ",
        organisation=" Welzijn ",
        email=" jelle@voorbeeld.invalid ",
        phone=" 06-12345678 ",
    )
    assert (member.name, member.organisation, member.email, member.phone) == (
        "Jelle Nepkema",
        "Welzijn",
        "jelle@voorbeeld.invalid",
        "06-12345678",
    )
    assert member.active
    assert member.created_by == "test"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "  "}, "name", "Vul een naam in."),
        ({"email": "geen-adres"}, "email", "'geen-adres' is geen geldig e-mailadres."),
        ({"email": "a@b"}, "email", "'a@b' is geen geldig e-mailadres."),
        ({"email": "a b@c.nl"}, "email", "'a b@c.nl' is geen geldig e-mailadres."),
        ({"phone": "bel me"}, "phone", "'bel me' is geen geldig telefoonnummer."),
        ({"phone": "123"}, "phone", "'123' is geen geldig telefoonnummer."),
    ],
)
def test_add_member_validation(
    make_member: Callable[..., TeamMember], fields: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        make_member(**fields)
    assert (caught.value.field, caught.value.message) == (field, message)


@pytest.mark.parametrize("phone", ["0597-123456", "+31 6 1234 5678", "(0597) 12 34 56"])
def test_add_member_accepts_dutch_phone_numbers(
    make_member: Callable[..., TeamMember], phone: str
) -> None:
    assert make_member(phone=phone).phone == phone


def test_update_member(session: Session, make_member: Callable[..., TeamMember]) -> None:
    member = make_member()
    teams.update_member(
        session,
        member.id,
        name="Tessa Proefhuis",
        organisation="Gemeente",
        email="",
        phone="",
        active=False,
    )
    assert (member.name, member.active, member.version) == ("Tessa Proefhuis", False, 2)
    with pytest.raises(ValidationError):
        teams.update_member(
            session, member.id, name="x", organisation="", email="@", phone="", active=True
        )
    with pytest.raises(NotFoundError):
        teams.update_member(
            session, uuid.uuid4(), name="x", organisation="", email="", phone="", active=True
        )


def test_assign_and_list(session: Session, make_member: Callable[..., TeamMember]) -> None:
    member = make_member(name="Karin Oefenga")
    assignment = teams.assign(
        session,
        member_id=member.id,
        area_id=BEERTA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
        note="  vervangt Luuk ",
    )
    assert assignment.note == "vervangt Luuk"
    views = teams.list_assignments(session, area_id=BEERTA)
    assert [(v.member_name, v.area_name, v.role, v.start_date, v.end_date) for v in views] == [
        ("Karin Oefenga", "Beerta", Role.OPBOUWWERKER, date(2026, 1, 1), None)
    ]
    assert teams.list_assignments(session, on=date(2025, 12, 31)) == []


def test_overlapping_assignment_is_refused(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    member = make_member(name="Karin Oefenga")
    teams.assign(
        session,
        member_id=member.id,
        area_id=BEERTA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
        end_date=date(2026, 6, 30),
    )
    with pytest.raises(ValidationError) as caught:
        teams.assign(
            session,
            member_id=member.id,
            area_id=BEERTA,
            role=Role.OPBOUWWERKER,
            start_date=date(2026, 6, 30),  # one shared day is an overlap
        )
    assert caught.value.message == ("Karin Oefenga is in die periode al opbouwwerker van Beerta.")
    assert caught.value.field == "start_date"
    # the day after, another role, or another area are all fine
    teams.assign(
        session,
        member_id=member.id,
        area_id=BEERTA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 7, 1),
    )
    teams.assign(
        session,
        member_id=member.id,
        area_id=BEERTA,
        role=Role.GEBIEDSREGISSEUR,
        start_date=date(2026, 1, 1),
    )
    teams.assign(
        session,
        member_id=member.id,
        area_id=SCHEEMDA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
    )
    assert len(teams.list_assignments(session)) == 4


def test_assignment_ending_before_start_is_refused(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    member = make_member()
    with pytest.raises(ValidationError) as caught:
        teams.assign(
            session,
            member_id=member.id,
            area_id=BEERTA,
            role=Role.OPBOUWWERKER,
            start_date=date(2026, 2, 1),
            end_date=date(2026, 1, 31),
        )
    assert (caught.value.field, caught.value.message) == (
        "end_date",
        "De einddatum ligt vóór de begindatum.",
    )


def test_assign_unknown_member_or_area(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    member = make_member()
    with pytest.raises(NotFoundError, match="teamlid"):
        teams.assign(
            session,
            member_id=uuid.uuid4(),
            area_id=BEERTA,
            role=Role.OPBOUWWERKER,
            start_date=date(2026, 1, 1),
        )
    with pytest.raises(NotFoundError, match="gebied"):
        teams.assign(
            session,
            member_id=member.id,
            area_id=uuid.uuid4(),
            role=Role.OPBOUWWERKER,
            start_date=date(2026, 1, 1),
        )


def test_end_assignment(session: Session, make_member: Callable[..., TeamMember]) -> None:
    member = make_member()
    assignment = teams.assign(
        session,
        member_id=member.id,
        area_id=BEERTA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
    )
    with pytest.raises(ValidationError, match="vóór de begindatum"):
        teams.end_assignment(session, assignment.id, date(2025, 12, 31))
    assert assignment.end_date is None

    teams.end_assignment(session, assignment.id, date(2026, 1, 1))  # a one-day assignment
    assert assignment.end_date == date(2026, 1, 1)
    assert teams.list_assignments(session, on=date(2026, 1, 2)) == []


def test_remove_assignment(session: Session, make_member: Callable[..., TeamMember]) -> None:
    member = make_member()
    assignment = teams.assign(
        session,
        member_id=member.id,
        area_id=BEERTA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
    )
    teams.remove_assignment(session, assignment.id)
    assert teams.list_assignments(session) == []
    with pytest.raises(NotFoundError):
        teams.end_assignment(session, assignment.id, date(2026, 2, 1))


def test_team_overview_shows_who_is_active_on_the_day(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    old = make_member(name="Freek Schijnhof")
    new = make_member(name="Gerda Verzinsma")
    helper = make_member(name="Hidde Demoer")
    wethouder = make_member(name="Olga Testema")
    regisseur = Role.GEBIEDSREGISSEUR
    teams.assign(
        session,
        member_id=old.id,
        area_id=BEERTA,
        role=regisseur,
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
    )
    teams.assign(
        session, member_id=new.id, area_id=BEERTA, role=regisseur, start_date=date(2026, 1, 1)
    )
    teams.assign(
        session,
        member_id=helper.id,
        area_id=BEERTA,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
    )
    teams.assign(
        session,
        member_id=wethouder.id,
        area_id=WINSCHOTEN,
        role=Role.GEBIEDSWETHOUDER,
        start_date=date(2024, 1, 1),
    )

    rows = {row.area_id: row for row in teams.team_overview(session, on=date(2026, 6, 1))}
    beerta = rows[BEERTA]
    assert beerta.area_name == "Beerta"
    assert beerta.depth == 1
    assert beerta.for_role(regisseur) == ("Gerda Verzinsma",)
    assert beerta.for_role(Role.OPBOUWWERKER) == ("Hidde Demoer",)
    assert beerta.for_role(Role.GEBIEDSWETHOUDER) == ()
    assert rows[WINSCHOTEN].for_role(Role.GEBIEDSWETHOUDER) == ("Olga Testema",)
    assert rows[SCHEEMDA].names == {}

    earlier = {row.area_id: row for row in teams.team_overview(session, on=date(2025, 6, 1))}
    assert earlier[BEERTA].for_role(regisseur) == ("Freek Schijnhof",)
    assert earlier[BEERTA].for_role(Role.OPBOUWWERKER) == ()


def test_team_overview_is_in_tree_order(session: Session) -> None:
    overview = teams.team_overview(session, on=date(2026, 6, 1))
    tree = areas.area_tree(session)
    assert [(r.area_id, r.area_name, r.depth) for r in overview] == [
        (n.id, n.name, n.depth) for n in tree
    ]


def test_wethouder_overview_groups_areas(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    wim = make_member(name="Wubbo Probeersma")
    anna = make_member(name="Anna Fictiefsma")
    regisseur = make_member(name="Daan Nepkema")
    on = date(2026, 6, 1)
    for area_id in (WINSCHOTEN, BEERTA):
        teams.assign(
            session,
            member_id=wim.id,
            area_id=area_id,
            role=Role.GEBIEDSWETHOUDER,
            start_date=date(2026, 1, 1),
        )
    teams.assign(
        session, member_id=anna.id, area_id=SCHEEMDA, role=Role.GEBIEDSWETHOUDER, start_date=on
    )
    teams.assign(  # ended: not shown
        session,
        member_id=anna.id,
        area_id=BEERTA,
        role=Role.GEBIEDSWETHOUDER,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    teams.assign(  # not a wethouder role: not shown
        session,
        member_id=regisseur.id,
        area_id=BEERTA,
        role=Role.GEBIEDSREGISSEUR,
        start_date=date(2026, 1, 1),
    )

    assert teams.wethouder_overview(session, on=on) == [
        teams.WethouderRow("Anna Fictiefsma", ("Scheemda",)),
        teams.WethouderRow("Wubbo Probeersma", ("Beerta", "Winschoten")),
    ]
    assert teams.wethouder_overview(session, on=date(2025, 6, 1)) == [
        teams.WethouderRow("Anna Fictiefsma", ("Beerta",))
    ]
