"""Beheer › Signaalcategorieën: the category tree with afhandeltermijn and standaard partner."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget
from sqlalchemy.orm import Session

from gebiedsapp.domain import TermUnit
from gebiedsapp.services import taxonomy
from gebiedsapp.services.taxonomy import TaxonomyKind, save_category, set_retired
from gebiedsapp.ui.admin.common import (
    current_enum,
    current_id,
    fill_enum_combo,
    id_text,
    select_data,
)
from gebiedsapp.ui.admin.taxonomy_tree import TaxonomyEditor, TaxonomyItem
from gebiedsapp.ui.context import CATEGORIES, PARTNERS
from gebiedsapp.ui.labels import label_of

DEFAULT_TERM = 5


@dataclass(frozen=True)
class CategoryItem(TaxonomyItem):
    term: int
    term_unit: TermUnit
    default_partner_id: uuid.UUID | None


@dataclass(frozen=True)
class PartnerChoice:
    id: uuid.UUID
    name: str
    retired: bool


class CategoriesTab(TaxonomyEditor[CategoryItem]):
    KINDS = frozenset({CATEGORIES, PARTNERS})  # partners: the standaard partner choice
    CHANGES = (CATEGORIES,)

    def texts(self) -> dict[str, str]:
        return {
            "tree": self.tr("Signaalcategorieën"),
            "new": self.tr("Nieuwe categorie"),
            "new_title": self.tr("Nieuwe categorie"),
            "parent": self.tr("Hoofdcategorie:"),
            "no_parent": self.tr("(geen: hoofdcategorie)"),
            "has_children": self.tr(
                "Deze hoofdcategorie heeft subcategorieën en blijft daarom een hoofdcategorie."
            ),
            "retired_note": self.tr(
                "Buiten gebruik: bestaande signalen houden deze categorie, bij nieuwe signalen "
                "wordt zij niet meer aangeboden."
            ),
        }

    def build_extra(self, form: QFormLayout, parent: QWidget) -> None:
        self.partners: list[PartnerChoice] = []
        self.term_spin = QSpinBox(parent)
        self.term_spin.setRange(1, 365)
        self.term_spin.setValue(DEFAULT_TERM)
        self.term_spin.setAccessibleName(self.tr("Afhandeltermijn"))
        self.unit_combo = QComboBox(parent)
        fill_enum_combo(self.unit_combo, TermUnit)
        term_row = QHBoxLayout()
        term_row.addWidget(self.term_spin)
        term_row.addWidget(self.unit_combo)
        term_row.addStretch(1)
        self.partner_combo = QComboBox(parent)
        self.partner_combo.setToolTip(
            self.tr("Wie een signaal in deze categorie gewoonlijk afhandelt.")
        )
        form.addRow(self.tr("Afhandeltermijn:"), term_row)
        form.addRow(self.tr("Standaard partner:"), self.partner_combo)

    def load(self, session: Session) -> list[CategoryItem]:
        self.partners = [
            PartnerChoice(p.id, p.name, p.retired) for p in taxonomy.list_partners(session)
        ]
        return [
            CategoryItem(
                c.id,
                c.parent_id,
                c.name,
                c.description,
                c.retired,
                term=c.term,
                term_unit=c.term_unit,
                default_partner_id=c.default_partner_id,
            )
            for c in taxonomy.list_categories(session)
        ]

    def tooltip(self, item: CategoryItem) -> str:
        text = self.tr("Afhandeltermijn: %s %s") % (item.term, label_of(item.term_unit))
        names = {p.id: p.name for p in self.partners}
        if item.default_partner_id in names:
            text += "\n" + self.tr("Standaard partner: %s") % names[item.default_partner_id]
        return text

    def show_extra(self, item: CategoryItem | None) -> None:
        chosen = item.default_partner_id if item else None
        # Retired partners are not offered, except the one this category still points at.
        self.partner_combo.clear()
        self.partner_combo.addItem(self.tr("(geen)"), "")
        for partner in self.partners:
            if partner.retired and partner.id != chosen:
                continue
            suffix = self.model.retired_suffix if partner.retired else ""
            self.partner_combo.addItem(partner.name + suffix, str(partner.id))
        select_data(self.partner_combo, id_text(chosen))
        self.term_spin.setValue(item.term if item else DEFAULT_TERM)
        select_data(self.unit_combo, (item.term_unit if item else TermUnit.WERKDAGEN).value)

    def extra_values(self) -> dict[str, Any]:
        return {
            "term": self.term_spin.value(),
            "term_unit": current_enum(self.unit_combo, TermUnit),
            "default_partner_id": current_id(self.partner_combo),
        }

    def save_item(
        self,
        session: Session,
        *,
        item_id: uuid.UUID | None,
        name: str,
        parent_id: uuid.UUID | None,
        description: str,
        extra: dict[str, Any],
    ) -> uuid.UUID:
        category = save_category(
            session,
            category_id=item_id,
            name=name,
            parent_id=parent_id,
            term=extra["term"],
            term_unit=extra["term_unit"],
            default_partner_id=extra["default_partner_id"],
            description=description,
        )
        return category.id

    def set_item_retired(self, session: Session, item_id: uuid.UUID, *, retired: bool) -> None:
        set_retired(session, TaxonomyKind.CATEGORY, item_id, retired=retired)
