"""Editing the taxonomies: themes, partner organisations and signal categories.

Nothing here deletes: a theme, partner or category that was ever offered may be in use on records
made on another laptop, so it is retired (kept on old records, not offered for new ones).
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain import Partner, PartnerKind, SignalCategory, TermUnit, Theme
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.services.taxonomy_views import CategoryView, PartnerView, ThemeView
from gebiedsapp.services.validation import clean_email, clean_name, clean_phone
from gebiedsapp.storage.repositories.taxonomy import TaxonomyRepository

T = TypeVar("T", Theme, Partner, SignalCategory)
Tree = TypeVar("Tree", Theme, SignalCategory)

_WHAT = {Theme: "Dit thema", Partner: "Deze partner", SignalCategory: "Deze categorie"}


class TaxonomyKind(StrEnum):
    """Which list an item is on: callers (the window, the CLI) name it, never an ORM class."""

    THEME = "theme"
    PARTNER = "partner"
    CATEGORY = "category"


def _get(session: Session, model: type[T], item_id: uuid.UUID) -> T:
    item = session.get(model, item_id)
    if item is None or item.is_deleted:
        raise NotFoundError(f"{_WHAT[model]} bestaat niet (meer).")
    return item


def _clean_name(name: str, limit: int) -> str:
    return clean_name(name, limit=limit)


def _check_parent(
    session: Session, model: type[Tree], parent_id: uuid.UUID | None, item_id: uuid.UUID | None
) -> None:
    """Two levels only: a parent must itself be a top-level item, and not the item itself."""
    if parent_id is None:
        return
    if parent_id == item_id:
        raise ValidationError("Een onderdeel kan niet onder zichzelf hangen.", field="parent")
    if item_id is not None and TaxonomyRepository(session).has_children(model, item_id):
        raise ValidationError(
            "Dit onderdeel heeft zelf onderdelen; er zijn maar twee niveaus. Verplaats die eerst.",
            field="parent",
        )
    parent = _get(session, model, parent_id)
    if parent.parent_id is not None:
        raise ValidationError(
            "Er zijn maar twee niveaus: kies een hoofdonderdeel als bovenliggend.", field="parent"
        )


@manages
def save_theme(
    session: Session,
    *,
    theme_id: uuid.UUID | None,
    name: str,
    parent_id: uuid.UUID | None,
    description: str = "",
) -> Theme:
    _check_parent(session, Theme, parent_id, theme_id)
    theme = Theme() if theme_id is None else _get(session, Theme, theme_id)
    theme.name = _clean_name(name, 120)
    theme.parent_id = parent_id
    theme.description = description.strip()
    if theme_id is None:
        session.add(theme)
    session.flush()
    return theme


@manages
def save_partner(
    session: Session,
    *,
    partner_id: uuid.UUID | None,
    name: str,
    kind: PartnerKind,
    email: str = "",
    phone: str = "",
    description: str = "",
) -> Partner:
    partner = Partner() if partner_id is None else _get(session, Partner, partner_id)
    partner.name = _clean_name(name, 160)
    partner.kind = kind
    partner.email = clean_email(email)
    partner.phone = clean_phone(phone)
    partner.description = description.strip()
    if partner_id is None:
        session.add(partner)
    session.flush()
    return partner


@manages
def save_category(
    session: Session,
    *,
    category_id: uuid.UUID | None,
    name: str,
    parent_id: uuid.UUID | None,
    term: int,
    term_unit: TermUnit,
    default_partner_id: uuid.UUID | None,
    description: str = "",
) -> SignalCategory:
    _check_parent(session, SignalCategory, parent_id, category_id)
    if not 1 <= term <= 365:
        raise ValidationError("De afhandeltermijn moet tussen 1 en 365 dagen liggen.", field="term")
    if default_partner_id is not None:
        _get(session, Partner, default_partner_id)
    category = (
        SignalCategory() if category_id is None else _get(session, SignalCategory, category_id)
    )
    category.name = _clean_name(name, 160)
    category.parent_id = parent_id
    category.term = term
    category.term_unit = term_unit
    category.default_partner_id = default_partner_id
    category.description = description.strip()
    if category_id is None:
        session.add(category)
    session.flush()
    return category


@manages
def set_retired(
    session: Session, kind: TaxonomyKind, item_id: uuid.UUID, *, retired: bool
) -> Theme | Partner | SignalCategory:
    """Retire an item (offered no more, kept on old records) or bring it back."""
    item: Theme | Partner | SignalCategory
    if kind is TaxonomyKind.THEME:
        item = _get(session, Theme, item_id)
    elif kind is TaxonomyKind.PARTNER:
        item = _get(session, Partner, item_id)
    else:
        item = _get(session, SignalCategory, item_id)
    item.retired = retired
    session.flush()
    return item


def _tree_order(items: list[Tree]) -> list[Tree]:
    """Each top-level item followed by its children (both in sort order)."""
    children: dict[uuid.UUID | None, list[Tree]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    known = {item.id for item in items}
    ordered: list[Tree] = []
    for top in children.get(None, []):
        ordered.append(top)
        ordered.extend(children.get(top.id, []))
    # children whose parent is not in the list (retired or removed parent) keep their place last
    ordered.extend(i for i in items if i.parent_id is not None and i.parent_id not in known)
    return ordered


def list_themes(session: Session, *, include_retired: bool = True) -> list[ThemeView]:
    """Themes in tree order; with include_retired=False also without children of retired ones."""
    themes = TaxonomyRepository(session).themes(include_retired=include_retired)
    return [ThemeView.of(t) for t in _tree_order(list(themes))]


def theme_with_children(session: Session, theme_id: uuid.UUID) -> set[uuid.UUID]:
    """A theme and, for a top-level theme, all its sub-themes (for filters)."""
    return {theme_id} | {t.id for t in list_themes(session) if t.parent_id == theme_id}


def list_partners(session: Session, *, include_retired: bool = True) -> list[PartnerView]:
    partners = TaxonomyRepository(session).partners(include_retired=include_retired)
    return [PartnerView.of(p) for p in partners]


def list_categories(session: Session, *, include_retired: bool = True) -> list[CategoryView]:
    categories = TaxonomyRepository(session).categories(include_retired=include_retired)
    return [CategoryView.of(c) for c in _tree_order(list(categories))]
