"""The contact log: with whom (per kind), what about, and edits that keep the earlier version."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Contact,
    ContactType,
    ContactWith,
    Meedenker,
    Partner,
    reference_id,
)
from gebiedsapp.services import contacts, history, residents, taxonomy
from gebiedsapp.services.contacts import ContactInput
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.residents import ResidentInput

BEERTA = reference_id("area", "beerta")
POLITIE = reference_id("partner", "politie-wijkagent")
OUDEREN = reference_id("theme", "ouderen")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
DAY = date(2026, 5, 4)
BASE = ContactInput(
    day=DAY, area_id=BEERTA, contact_type=ContactType.HUISBEZOEK, subject="Over de speeltuin"
)


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _meedenker(session: Session) -> Meedenker:
    residents.register_resident(
        session,
        ResidentInput(
            name="Jelle Fictiefsma", phone="06-12345678", wants_meedenken=True, consent=True
        ),
        area_id=BEERTA,
        today=DAY,
    )
    return session.scalars(select(Meedenker)).one()


def test_an_anonymous_contact_keeps_its_fields(session: Session) -> None:
    row = contacts.record_contact(
        session,
        replace(
            BASE,
            subject="  Over de speeltuin ",
            notes=" Bellen na de zomer ",
            theme_ids=(OUDEREN, EENZAAMHEID, OUDEREN),
            group_name="genegeerd",
            partner_id=POLITIE,
        ),
    )
    view = contacts.get_contact(session, row.id)
    assert (view.day, view.area_name, view.contact_type) == (DAY, "Beerta", ContactType.HUISBEZOEK)
    assert view.with_kind is ContactWith.ANONIEM
    assert (view.subject, view.notes) == ("Over de speeltuin", "Bellen na de zomer")
    assert sorted(view.themes) == ["Eenzaamheid", "Ouderen"]
    assert view.with_whom == ""  # group and partner only count for their own kind
    assert (row.group_name, row.partner_id, row.resident_id) == ("", None, None)
    assert (view.author, view.version) == ("test", 1)


def test_a_group_contact_needs_the_group(session: Session) -> None:
    with pytest.raises(ValidationError, match="welke groep") as refused:
        contacts.record_contact(session, replace(BASE, with_kind=ContactWith.GROEP, group_name=" "))
    assert refused.value.field == "group"
    row = contacts.record_contact(
        session, replace(BASE, with_kind=ContactWith.GROEP, group_name=" Moestuinclub ")
    )
    assert contacts.get_contact(session, row.id).with_whom == "Moestuinclub"


def test_an_organisation_contact_needs_an_existing_partner(session: Session) -> None:
    for partner_id in (None, uuid.uuid4()):
        with pytest.raises(ValidationError, match="organisatie") as refused:
            contacts.record_contact(
                session, replace(BASE, with_kind=ContactWith.ORGANISATIE, partner_id=partner_id)
            )
        assert refused.value.field == "partner"
    session.get_one(Partner, POLITIE)  # shipped reference data
    row = contacts.record_contact(
        session, replace(BASE, with_kind=ContactWith.ORGANISATIE, partner_id=POLITIE)
    )
    assert contacts.get_contact(session, row.id).with_whom.startswith("Politie")
    removed = session.get_one(Partner, reference_id("partner", "woningcorporatie"))
    removed.soft_delete()
    session.flush()
    with pytest.raises(ValidationError, match="organisatie"):
        contacts.record_contact(
            session, replace(BASE, with_kind=ContactWith.ORGANISATIE, partner_id=removed.id)
        )


def test_a_meedenker_contact_links_the_resident_but_never_shows_the_name(
    session: Session,
) -> None:
    with pytest.raises(ValidationError, match="meedenker uit het register") as refused:
        contacts.record_contact(session, replace(BASE, with_kind=ContactWith.MEEDENKER))
    assert refused.value.field == "meedenker"
    entry = _meedenker(session)
    row = contacts.record_contact(
        session, replace(BASE, with_kind=ContactWith.MEEDENKER, meedenker_id=entry.id)
    )
    assert row.resident_id == entry.resident_id
    view = contacts.get_contact(session, row.id)
    assert "Fictiefsma" not in repr(view)
    assert view.with_whom == ""


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (replace(BASE, subject="  "), "subject"),
        (replace(BASE, subject="s" * 301), "subject"),
        (replace(BASE, notes="n" * 20_001), "notes"),
        (replace(BASE, theme_ids=(uuid.uuid4(),)), "themes"),
    ],
    ids=["no-subject", "long-subject", "long-notes", "unknown-theme"],
)
def test_a_bad_contact_is_refused(session: Session, data: ContactInput, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        contacts.record_contact(session, data)
    assert refused.value.field == field
    assert _count(session, Contact) == 0


def test_an_unknown_area_is_not_found(session: Session) -> None:
    with pytest.raises(NotFoundError, match="gebied bestaat niet"):
        contacts.record_contact(session, replace(BASE, area_id=uuid.uuid4()))


def test_edit_keeps_the_version_and_switching_kind_clears_the_other_fields(
    session: Session,
) -> None:
    row = contacts.record_contact(
        session, replace(BASE, with_kind=ContactWith.ORGANISATIE, partner_id=POLITIE)
    )
    edited = contacts.edit_contact(
        session, row.id, replace(BASE, with_kind=ContactWith.GROEP, group_name="Jongeren")
    )
    assert (edited.partner_id, edited.group_name, edited.version) == (None, "Jongeren", 2)
    (entry,) = history.history(session, "contact", row.id)
    assert entry.changes == {
        "with_kind": ["organisatie", "groep"],
        "partner_id": [str(POLITIE), None],
        "group_name": ["", "Jongeren"],
    }


def test_a_refused_edit_changes_nothing(session: Session) -> None:
    row = contacts.record_contact(session, BASE)
    with pytest.raises(ValidationError):
        contacts.edit_contact(session, row.id, replace(BASE, subject=""))
    assert contacts.get_contact(session, row.id).subject == "Over de speeltuin"
    assert history.history(session, "contact", row.id) == []


def test_a_removed_contact_cannot_be_edited_or_shown(session: Session) -> None:
    row = contacts.record_contact(session, BASE)
    row.soft_delete()
    session.flush()
    with pytest.raises(NotFoundError, match="contact bestaat niet"):
        contacts.edit_contact(session, row.id, BASE)
    with pytest.raises(NotFoundError):
        contacts.get_contact(session, row.id)
    with pytest.raises(NotFoundError):
        contacts.get_contact(session, uuid.uuid4())


def test_a_retired_theme_is_refused_for_a_new_contact_but_kept_on_edit(session: Session) -> None:
    row = contacts.record_contact(session, replace(BASE, theme_ids=(OUDEREN,)))
    taxonomy.set_retired(session, taxonomy.TaxonomyKind.THEME, OUDEREN, retired=True)
    edited = contacts.edit_contact(session, row.id, replace(BASE, subject="Nog steeds"))
    assert edited.subject == "Nog steeds"
    with pytest.raises(ValidationError, match="thema bestaat niet"):
        contacts.record_contact(session, replace(BASE, theme_ids=(OUDEREN,)))
