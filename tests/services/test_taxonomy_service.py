"""Editing themes, partners and signal categories: two levels, sane terms, retire not delete."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Base,
    Partner,
    PartnerKind,
    Signal,
    SignalCategory,
    SignalSource,
    SignalStatus,
    TermUnit,
    Theme,
    reference_id,
)
from gebiedsapp.services import signals, taxonomy
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.signals import SignalInput, SplitPart
from gebiedsapp.services.taxonomy_views import ThemeView
from gebiedsapp.storage.repositories.taxonomy import TaxonomyRepository

SOCIALE_SAMENHANG = reference_id("theme", "sociale-samenhang")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
AFVAL = reference_id("signal_category", "afval")
GEMEENTE_AFVAL = reference_id("partner", "gemeente-afval")


def _category(session: Session, **overrides: object) -> SignalCategory:
    fields: dict[str, object] = {
        "category_id": None,
        "name": "Glasbak vol",
        "parent_id": AFVAL,
        "term": 3,
        "term_unit": TermUnit.WERKDAGEN,
        "default_partner_id": GEMEENTE_AFVAL,
    }
    fields.update(overrides)
    return taxonomy.save_category(session, **fields)  # type: ignore[arg-type]


def test_new_theme_under_a_dimension(session: Session) -> None:
    theme = taxonomy.save_theme(
        session, theme_id=None, name=" Buurtkamer ", parent_id=SOCIALE_SAMENHANG, description=" x "
    )
    assert (theme.name, theme.parent_id, theme.description, theme.retired) == (
        "Buurtkamer",
        SOCIALE_SAMENHANG,
        "x",
        False,
    )
    assert theme in TaxonomyRepository(session).themes(include_retired=False)


def test_new_top_level_theme(session: Session) -> None:
    theme = taxonomy.save_theme(session, theme_id=None, name="Nieuw hoofdthema", parent_id=None)
    assert theme.parent_id is None
    child = taxonomy.save_theme(session, theme_id=None, name="Eronder", parent_id=theme.id)
    assert child.parent_id == theme.id


def test_third_level_theme_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        taxonomy.save_theme(session, theme_id=None, name="Te diep", parent_id=EENZAAMHEID)
    assert caught.value.field == "parent"
    assert "twee niveaus" in caught.value.message


def test_theme_under_itself_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError, match="onder zichzelf"):
        taxonomy.save_theme(
            session,
            theme_id=SOCIALE_SAMENHANG,
            name="Sociale samenhang",
            parent_id=SOCIALE_SAMENHANG,
        )


def test_moving_a_dimension_with_children_under_another_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError):
        taxonomy.save_theme(
            session,
            theme_id=SOCIALE_SAMENHANG,
            name="Sociale samenhang",
            parent_id=reference_id("theme", "woningvoorraad"),
        )


def test_unknown_theme_or_parent(session: Session) -> None:
    with pytest.raises(NotFoundError, match="Dit thema bestaat niet"):
        taxonomy.save_theme(session, theme_id=uuid.uuid4(), name="x", parent_id=None)
    with pytest.raises(NotFoundError):
        taxonomy.save_theme(session, theme_id=None, name="x", parent_id=uuid.uuid4())


def test_rename_theme_keeps_its_id(session: Session) -> None:
    theme = taxonomy.save_theme(
        session,
        theme_id=EENZAAMHEID,
        name="Eenzaamheid",
        parent_id=SOCIALE_SAMENHANG,
        description="Ook: sociaal isolement.",
    )
    assert theme.id == EENZAAMHEID
    assert session.get_one(Theme, EENZAAMHEID).description == "Ook: sociaal isolement."
    assert theme.version == 2


def test_empty_theme_name_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        taxonomy.save_theme(session, theme_id=None, name=" ", parent_id=None)
    assert (caught.value.field, caught.value.message) == ("name", "Vul een naam in.")


@pytest.mark.parametrize("term", [1, 365])
def test_category_term_bounds_accepted(session: Session, term: int) -> None:
    category = _category(session, term=term, term_unit=TermUnit.KALENDERDAGEN)
    assert (category.term, category.term_unit) == (term, TermUnit.KALENDERDAGEN)
    assert category.default_partner_id == GEMEENTE_AFVAL


@pytest.mark.parametrize("term", [0, -5, 366])
def test_category_term_out_of_bounds_refused(session: Session, term: int) -> None:
    with pytest.raises(ValidationError) as caught:
        _category(session, term=term)
    assert caught.value.field == "term"
    assert caught.value.message == "De afhandeltermijn moet tussen 1 en 365 dagen liggen."


def test_category_with_unknown_partner_refused(session: Session) -> None:
    with pytest.raises(NotFoundError, match="Deze partner bestaat niet"):
        _category(session, default_partner_id=uuid.uuid4())


def test_category_without_partner(session: Session) -> None:
    assert _category(session, default_partner_id=None).default_partner_id is None


def test_third_level_category_is_refused(session: Session) -> None:
    child = _category(session)
    with pytest.raises(ValidationError, match="twee niveaus"):
        _category(session, name="Nog dieper", parent_id=child.id)


def test_save_partner(session: Session) -> None:
    partner = taxonomy.save_partner(
        session,
        partner_id=None,
        name="  Dorpsvereniging Testdorp ",
        kind=PartnerKind.BEWONERSORGANISATIE,
        email=" info@testdorp.invalid ",
    )
    assert (partner.name, partner.kind, partner.email) == (
        "Dorpsvereniging Testdorp",
        PartnerKind.BEWONERSORGANISATIE,
        "info@testdorp.invalid",
    )
    with pytest.raises(ValidationError, match="te lang"):
        taxonomy.save_partner(session, partner_id=None, name="x" * 161, kind=PartnerKind.OVERIG)


KINDS: dict[type[Theme | Partner | SignalCategory], taxonomy.TaxonomyKind] = {
    Theme: taxonomy.TaxonomyKind.THEME,
    Partner: taxonomy.TaxonomyKind.PARTNER,
    SignalCategory: taxonomy.TaxonomyKind.CATEGORY,
}


@pytest.mark.parametrize(
    ("model", "item_id", "lister"),
    [
        (Theme, EENZAAMHEID, "themes"),
        (Partner, GEMEENTE_AFVAL, "partners"),
        (SignalCategory, AFVAL, "categories"),
    ],
    ids=["theme", "partner", "category"],
)
def test_retired_items_are_offered_no_more(
    session: Session, model: type[Theme | Partner | SignalCategory], item_id: uuid.UUID, lister: str
) -> None:
    repo = TaxonomyRepository(session)
    kind = KINDS[model]  # the service is told the kind, never handed an ORM class

    def ids(*, include_retired: bool) -> set[uuid.UUID]:
        return {i.id for i in getattr(repo, lister)(include_retired=include_retired)}

    assert item_id in ids(include_retired=False)
    retired = taxonomy.set_retired(session, kind, item_id, retired=True)
    assert retired.retired
    assert item_id not in ids(include_retired=False)
    assert item_id in ids(include_retired=True)
    assert session.get(model, item_id) is not None  # retired, never deleted

    taxonomy.set_retired(session, kind, item_id, retired=False)
    assert item_id in ids(include_retired=False)


def test_set_retired_unknown(session: Session) -> None:
    with pytest.raises(NotFoundError, match="Deze categorie bestaat niet"):
        taxonomy.set_retired(session, taxonomy.TaxonomyKind.CATEGORY, uuid.uuid4(), retired=True)


def test_partners_are_listed_by_name(session: Session) -> None:
    names = [p.name for p in TaxonomyRepository(session).partners()]
    assert names == sorted(names)
    assert len(names) > 1


# --- a category in use: retired, never deleted ------------------------------------------------

ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
GRAFFITI = reference_id("signal_category", "overlast-in-de-openbare-ruimte/graffiti")
BEERTA = reference_id("area", "beerta")
REPORTED = date(2026, 11, 23)


def _signal(session: Session, category_id: uuid.UUID) -> Signal:
    return signals.create_signal(
        session,
        SignalInput(
            area_id=BEERTA,
            description="Zwerfvuil langs het fietspad",
            source=SignalSource.TELEFOON,
            reported_on=REPORTED,
            category_id=category_id,
        ),
        today=REPORTED,
    )


def test_the_taxonomy_service_offers_no_delete() -> None:
    public = {name for name in dir(taxonomy) if not name.startswith("_")}
    assert not {n for n in public if any(w in n for w in ("delete", "remove", "drop"))}
    assert "set_retired" in public


def test_a_category_in_use_cannot_be_deleted_even_in_the_database(session: Session) -> None:
    signal = _signal(session, ZWERFVUIL)
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(text("DELETE FROM signal_category WHERE id = :id"), {"id": ZWERFVUIL.hex})
    assert session.get(SignalCategory, ZWERFVUIL) is not None
    assert signal.category_id == ZWERFVUIL


def test_a_retired_category_stays_on_old_signals_and_is_not_offered_for_new_ones(
    session: Session,
) -> None:
    old = _signal(session, ZWERFVUIL)
    other = _signal(session, GRAFFITI)
    taxonomy.set_retired(session, taxonomy.TaxonomyKind.CATEGORY, ZWERFVUIL, retired=True)

    session.expire_all()
    kept = signals.get_signal(session, old.id)
    assert kept.category_id == ZWERFVUIL  # kept on the old signal, which still works
    signals.transition(session, old.id, SignalStatus.IN_BEHANDELING, today=REPORTED)
    assert signals.replay_status(session, old.id) is SignalStatus.IN_BEHANDELING
    offered = {c.id for c in taxonomy.list_categories(session, include_retired=False)}
    assert ZWERFVUIL not in offered
    assert ZWERFVUIL in {c.id for c in taxonomy.list_categories(session)}

    before = session.scalar(select(func.count()).select_from(Signal))
    with pytest.raises(ValidationError, match="bestaat niet"):
        _signal(session, ZWERFVUIL)
    with pytest.raises(ValidationError, match="bestaat niet"):
        signals.change_category(session, other.id, ZWERFVUIL)
    with pytest.raises(ValidationError, match="bestaat niet"):
        signals.split(session, other.id, [SplitPart(ZWERFVUIL, None, "Ook zwerfvuil")])
    assert session.scalar(select(func.count()).select_from(Signal)) == before
    assert signals.get_signal(session, other.id).category_id == GRAFFITI

    taxonomy.set_retired(session, taxonomy.TaxonomyKind.CATEGORY, ZWERFVUIL, retired=False)
    assert _signal(session, ZWERFVUIL).category_id == ZWERFVUIL  # offered again


def test_the_children_of_a_retired_parent_are_not_offered_for_new_signals(
    session: Session,
) -> None:
    taxonomy.set_retired(session, taxonomy.TaxonomyKind.CATEGORY, AFVAL, retired=True)
    assert ZWERFVUIL not in {c.id for c in taxonomy.list_categories(session, include_retired=False)}
    with pytest.raises(ValidationError):
        _signal(session, ZWERFVUIL)


def test_the_lists_the_screens_read_are_plain_views_not_orm_rows(session: Session) -> None:
    """Issue 20, item 5: a screen reads these after the session closed (and may not load
    anything through them), so they are plain copies in tree order."""
    themes = taxonomy.list_themes(session)
    partners = taxonomy.list_partners(session)
    categories = taxonomy.list_categories(session)
    for items in (themes, partners, categories):
        assert items
        assert not any(isinstance(item, Base) for item in items)
    assert isinstance(themes[0], ThemeView)
    sociale = next(t for t in themes if t.id == SOCIALE_SAMENHANG)
    assert themes[themes.index(sociale) + 1].parent_id == SOCIALE_SAMENHANG  # tree order
    afval = next(c for c in categories if c.id == AFVAL)
    assert (afval.parent_id, afval.term_unit) == (None, TermUnit.WERKDAGEN)
    gemeente = next(p for p in partners if p.id == GEMEENTE_AFVAL)
    assert gemeente.kind is PartnerKind.GEMEENTE
