"""What the screens read of the taxonomies: plain copies of themes, partners and signal
categories, safe to use after the session closed (services.taxonomy lists them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from gebiedsapp.domain import Partner, PartnerKind, SignalCategory, TermUnit, Theme


@dataclass(frozen=True)
class ThemeView:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    description: str
    retired: bool

    @classmethod
    def of(cls, theme: Theme) -> ThemeView:
        return cls(theme.id, theme.parent_id, theme.name, theme.description, theme.retired)


@dataclass(frozen=True)
class PartnerView:
    id: uuid.UUID
    name: str
    kind: PartnerKind
    email: str
    phone: str
    description: str
    retired: bool

    @classmethod
    def of(cls, partner: Partner) -> PartnerView:
        p = partner
        return cls(p.id, p.name, p.kind, p.email, p.phone, p.description, p.retired)


@dataclass(frozen=True)
class CategoryView:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    description: str
    retired: bool
    term: int
    term_unit: TermUnit
    default_partner_id: uuid.UUID | None

    @classmethod
    def of(cls, category: SignalCategory) -> CategoryView:
        c = category
        return cls(
            c.id,
            c.parent_id,
            c.name,
            c.description,
            c.retired,
            c.term,
            c.term_unit,
            c.default_partner_id,
        )
