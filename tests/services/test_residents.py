"""Residents' personal data: only with a purpose and consent, and a way to reach them."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Consent, ConsentPurpose, Meedenker, Resident, reference_id
from gebiedsapp.services import residents
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.residents import ResidentInput

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
OUDEREN = reference_id("theme", "ouderen")
DAY = date(2026, 5, 4)


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_nothing_wanted_and_nothing_given_is_fine(session: Session) -> None:
    residents.check_resident(ResidentInput())
    assert residents.register_resident(session, ResidentInput(), area_id=BEERTA, today=DAY) is None
    assert _count(session, Resident) == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ResidentInput(name="Anna Testema"), "resident"),
        (ResidentInput(email="anna@voorbeeld.invalid", consent=True), "resident"),
        (ResidentInput(name="Anna", phone="06-12345678", wants_contact=True), "consent"),
        (ResidentInput(name="Anna", phone="06-12345678", wants_meedenken=True), "consent"),
        (ResidentInput(name="Anna", wants_meedenken=True, consent=True), "phone"),
        (
            ResidentInput(name="Anna", phone=" ", email=" ", wants_contact=True, consent=True),
            "phone",
        ),
        (ResidentInput(phone="06-12345678", wants_contact=True, consent=True), "name"),
        (ResidentInput(name="Anna", phone="bel me", wants_contact=True, consent=True), "phone"),
        (ResidentInput(name="Anna", email="anna@", wants_contact=True, consent=True), "email"),
        (
            ResidentInput(name="A" * 161, phone="0612345678", wants_contact=True, consent=True),
            "name",
        ),
    ],
)
def test_check_refuses(data: ResidentInput, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        residents.check_resident(data)
    assert refused.value.field == field


def test_register_refuses_before_writing(session: Session) -> None:
    with pytest.raises(ValidationError, match="toestemming"):
        residents.register_resident(
            session,
            ResidentInput(name="Anna", phone="06-12345678", wants_contact=True),
            area_id=BEERTA,
            today=DAY,
        )
    assert _count(session, Resident) == _count(session, Consent) == 0


def test_register_stores_details_consent_and_register_entry(session: Session) -> None:
    session.info["actor"] = "gebiedsregisseur"
    resident = residents.register_resident(
        session,
        ResidentInput(
            name="Gerda  Schijnhof",
            email=" gerda@voorbeeld.invalid ",
            wants_meedenken=True,
            consent=True,
            theme_ids=(OUDEREN,),
        ),
        area_id=SCHEEMDA,
        today=DAY,
    )
    assert resident is not None
    assert (resident.name, resident.phone, resident.email) == (
        "Gerda Schijnhof",
        "",
        "gerda@voorbeeld.invalid",
    )
    consent = session.scalars(select(Consent)).one()
    assert (consent.purpose, consent.given_on) == (ConsentPurpose.MEEDENKEN, DAY)
    assert consent.recorded_by == "gebiedsregisseur"
    assert consent.withdrawn_on is None
    meedenker = session.scalars(select(Meedenker)).one()
    assert (meedenker.area_id, meedenker.consent_id) == (SCHEEMDA, consent.id)


def test_list_meedenkers_newest_first_active_only(session: Session) -> None:
    def register(name: str, day: date) -> None:
        residents.register_resident(
            session,
            ResidentInput(name=name, phone="0597-123456", wants_meedenken=True, consent=True),
            area_id=BEERTA,
            today=day,
        )

    register("Eline Oefenga", date(2025, 1, 1))
    register("Freek Demoer", date(2026, 1, 1))
    register("Hidde Proefhuis", date(2025, 6, 1))
    stopped = session.scalars(
        select(Meedenker).join(Resident).where(Resident.name == "Hidde Proefhuis")
    ).one()
    stopped.active = False
    session.flush()
    listed = residents.list_meedenkers(session)
    assert [m.name for m in listed] == ["Freek Demoer", "Eline Oefenga"]
    assert {m.area_name for m in listed} == {"Beerta"}
    assert listed[0].themes == ()


def test_an_anonymised_meedenker_is_listed_without_a_name(session: Session) -> None:
    resident = residents.register_resident(
        session,
        ResidentInput(
            name="Ineke Testema", phone="06-12345678", wants_meedenken=True, consent=True
        ),
        area_id=BEERTA,
        today=DAY,
    )
    assert resident is not None
    resident.name = resident.phone = ""
    session.flush()
    (entry,) = residents.list_meedenkers(session)
    assert entry.name == "(geanonimiseerd)"


def test_list_meedenkers_reads_themes_areas_and_consent_in_one_statement(
    session: Session,
) -> None:
    """The register as plain rows (issue 19: ORM objects took 4 s for 14.5k entries at ten
    times the data): the same entries, names, areas and sorted themes as before."""
    from sqlalchemy import event

    from gebiedsapp.services.permissions import PERSONAL_DATA_HIDDEN

    def register(name: str, area_id: uuid.UUID, themes: tuple[str, ...]) -> None:
        residents.register_resident(
            session,
            ResidentInput(
                name=name,
                phone="0597-123456",
                wants_meedenken=True,
                consent=True,
                theme_ids=tuple(reference_id("theme", key) for key in themes),
            ),
            area_id=area_id,
            today=DAY,
        )

    register("Eline Oefenga", BEERTA, ("ouderen", "eenzaamheid"))
    register("Freek Demoer", SCHEEMDA, ())
    register("Gerda Nepkema", SCHEEMDA, ("ouderen",))
    withdrawn = session.scalars(
        select(Consent).join(Resident).where(Resident.name == "Gerda Nepkema")
    ).one()
    withdrawn.withdrawn_on = DAY  # off the register with the consent
    session.flush()
    statements: list[str] = []
    engine = session.get_bind()
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        listed = residents.list_meedenkers(session)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert len(statements) == 1
    assert sorted((m.name, m.area_name, m.themes) for m in listed) == [
        ("Eline Oefenga", "Beerta", ("Eenzaamheid", "Ouderen")),
        ("Freek Demoer", "Scheemda", ()),
    ]
    only = residents.list_meedenkers(session, area_ids=frozenset({SCHEEMDA}), names=False)
    assert [(m.name, m.area_id) for m in only] == [(PERSONAL_DATA_HIDDEN, SCHEEMDA)]
    # the dropdown's choices (issue 19): the same entries as texts, by name; an anonymised
    # entry and a wethouder's view as in the register's list
    resident = residents.register_resident(
        session,
        ResidentInput(name="Anke Proef", phone="0597-123456", wants_meedenken=True, consent=True),
        area_id=BEERTA,
        today=DAY,
    )
    assert resident is not None
    resident.name = ""
    session.flush()
    listed = residents.list_meedenkers(session)
    choices = residents.meedenker_choices(session, area_ids=None, names=True)
    assert choices == sorted(
        (residents.MeedenkerChoice(str(m.id), m.name, m.area_name) for m in listed),
        key=lambda c: c.name.casefold(),
    )
    assert [c.name for c in choices] == ["(geanonimiseerd)", "Eline Oefenga", "Freek Demoer"]
    hidden = residents.meedenker_choices(session, area_ids=frozenset({SCHEEMDA}), names=False)
    assert [(c.name, c.area_name) for c in hidden] == [(PERSONAL_DATA_HIDDEN, "Scheemda")]


def test_meedenker_choices_of_equal_names_come_newest_first_as_the_register_gives_them(
    session: Session,
) -> None:
    """The dropdown sorts by name; equal names (or every name hidden) stay newest first, as
    `list_meedenkers` gives them (review: the compact read lost that order)."""
    for name, area, day in (
        ("Jan Jansen", BEERTA, date(2025, 1, 1)),
        ("Jan Jansen", SCHEEMDA, date(2026, 1, 1)),
        ("Piet Post", SCHEEMDA, date(2025, 3, 1)),
        ("Piet Post", BEERTA, date(2026, 3, 1)),
    ):
        residents.register_resident(
            session,
            ResidentInput(name=name, phone="0597-123456", wants_meedenken=True, consent=True),
            area_id=area,
            today=day,
        )
    session.flush()
    for names in (True, False):
        register = residents.list_meedenkers(session, names=names)
        old = [str(e.id) for e in sorted(register, key=lambda e: e.name.casefold())]
        choices = residents.meedenker_choices(session, area_ids=None, names=names)
        assert [c.key for c in choices] == old
