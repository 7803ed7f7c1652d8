"""Our names for what an import file says: areas, buurten and categories, looked up once per
import (`load_lookups`), then per row without queries. Case and spacing do not matter."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, CbsBuurt, Partner, SignalCategory, TermUnit, area_buurt
from gebiedsapp.services import signalen

__all__ = ["Lookups", "category", "fold", "load_lookups", "short", "signalen_category"]


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Lookups:
    areas: dict[str, list[uuid.UUID]]
    area_names: dict[uuid.UUID, str]
    buurten: dict[uuid.UUID, dict[str, str]]  # per area: code or name (casefolded) -> code
    categories: dict[str, list[tuple[uuid.UUID, bool]]]  # name or "hoofd/sub" -> (id, retired)
    keys: dict[str, tuple[uuid.UUID, bool]]  # our key ("afval/grofvuil") -> (id, retired)
    leaves: set[uuid.UUID]
    terms: dict[uuid.UUID, tuple[int, TermUnit]]
    retired: set[uuid.UUID]
    partners: dict[uuid.UUID, uuid.UUID | None]  # category -> offered default partner


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def load_lookups(session: Session) -> Lookups:
    areas: dict[str, list[uuid.UUID]] = {}
    names: dict[uuid.UUID, str] = {}
    for area_id, name, key in session.execute(
        select(Area.id, Area.name, Area.key).where(Area.deleted_at.is_(None))
    ):
        names[area_id] = name
        areas.setdefault(fold(name), []).append(area_id)
        if key and fold(key) != fold(name):
            areas.setdefault(fold(key), []).append(area_id)
    buurten: dict[uuid.UUID, dict[str, str]] = {}
    for area_id, code, name in session.execute(
        select(area_buurt.c.area_id, CbsBuurt.code, CbsBuurt.name).join(
            CbsBuurt, CbsBuurt.code == area_buurt.c.buurt_code
        )
    ):
        known = buurten.setdefault(area_id, {})
        known[fold(code)] = code
        known.setdefault(fold(name), code)
    offered = set(
        session.scalars(
            select(Partner.id).where(Partner.deleted_at.is_(None), Partner.retired.is_(False))
        )
    )
    rows = session.execute(
        select(
            SignalCategory.id,
            SignalCategory.parent_id,
            SignalCategory.name,
            SignalCategory.key,
            SignalCategory.retired,
            SignalCategory.term,
            SignalCategory.term_unit,
            SignalCategory.default_partner_id,
        ).where(SignalCategory.deleted_at.is_(None))
    ).all()
    by_id = {row.id: row for row in rows}
    categories: dict[str, list[tuple[uuid.UUID, bool]]] = {}
    keys: dict[str, tuple[uuid.UUID, bool]] = {}
    for row in rows:
        parent = by_id.get(row.parent_id) if row.parent_id else None
        retired = row.retired or (parent is not None and parent.retired)
        if row.key:
            keys[row.key] = (row.id, retired)
        categories.setdefault(fold(row.name), []).append((row.id, retired))
        if parent is not None:
            path = f"{fold(parent.name)}/{fold(row.name)}"
            categories.setdefault(path, []).append((row.id, retired))
    parents = {row.parent_id for row in rows if row.parent_id}
    return Lookups(
        areas=areas,
        area_names=names,
        buurten=buurten,
        categories=categories,
        keys=keys,
        leaves={row.id for row in rows if row.id not in parents},
        retired={row.id for row in rows if row.retired},
        terms={row.id: (row.term, row.term_unit) for row in rows},
        partners={
            row.id: row.default_partner_id if row.default_partner_id in offered else None
            for row in rows
        },
    )


def category(lookups: Lookups, text: str) -> tuple[uuid.UUID | None, str | None]:
    parts = [fold(part) for part in text.split("/")]
    if len(parts) > 2 or not all(parts):
        return None, f"Onbekende categorie '{short(text)}'."
    found = lookups.categories.get("/".join(parts), [])
    if len(found) > 1:  # a name used on both levels ("Overig"): the subcategory is meant
        found = [item for item in found if item[0] in lookups.leaves] or found
    if not found:
        return None, f"Onbekende categorie '{short(text)}'."
    if len(found) > 1:
        return None, f"De categorie '{short(text)}' is niet eenduidig; gebruik 'Hoofd / Sub'."
    category_id, retired = found[0]
    if retired:
        return None, f"De categorie '{short(text)}' wordt niet meer gebruikt."
    return category_id, None


def signalen_category(lookups: Lookups, main: str, sub: str) -> tuple[uuid.UUID | None, str | None]:
    """Signalen's main and sub category: our 'Hoofd / Sub' by name, else its mapping table."""
    if main and sub:
        category_id, why = category(lookups, f"{main}/{sub}")
        if category_id is not None or "niet meer gebruikt" in (why or ""):
            return category_id, why
    elif not main:
        return category(lookups, sub)
    shown = f"{short(main, 40)} / {short(sub, 40)}" if sub else short(main)
    key = signalen.category_key(main, sub)
    found = lookups.keys.get(key) if key else None
    if found is None:
        by_name, _why = category(lookups, sub) if sub else (None, None)
        if by_name is not None:
            return by_name, None
        return None, (
            f"Geen koppeling voor de categorie '{shown}' uit het bestand; kies in het bestand "
            "een van onze categorieën ('Hoofd / Sub')."
        )
    category_id, retired = found
    if retired:
        return None, f"De categorie voor '{shown}' wordt niet meer gebruikt."
    return category_id, None
