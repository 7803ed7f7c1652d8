"""Residents' personal data: only with a purpose and consent, and a way to reach them."""

from __future__ import annotations

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
