"""Beheer › Thema's: the two-level theme tree (Leefbaarometer dimension, then theme)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.services import taxonomy
from gebiedsapp.services.taxonomy import TaxonomyKind, save_theme, set_retired
from gebiedsapp.ui.admin.taxonomy_tree import TaxonomyEditor, TaxonomyItem
from gebiedsapp.ui.context import THEMES


class ThemesTab(TaxonomyEditor[TaxonomyItem]):
    KINDS = frozenset({THEMES})
    CHANGES = (THEMES,)

    def texts(self) -> dict[str, str]:
        return {
            "tree": self.tr("Thema's"),
            "new": self.tr("Nieuw thema"),
            "new_title": self.tr("Nieuw thema"),
            "parent": self.tr("Hoofdthema:"),
            "no_parent": self.tr("(geen: hoofdthema)"),
            "has_children": self.tr(
                "Dit hoofdthema heeft onderliggende thema's en blijft daarom een hoofdthema."
            ),
            "retired_note": self.tr(
                "Buiten gebruik: bestaande gesprekken houden dit thema, bij nieuwe gesprekken "
                "wordt het niet meer aangeboden."
            ),
        }

    def load(self, session: Session) -> list[TaxonomyItem]:
        return [
            TaxonomyItem(t.id, t.parent_id, t.name, t.description, t.retired)
            for t in taxonomy.list_themes(session)
        ]

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
        theme = save_theme(
            session, theme_id=item_id, name=name, parent_id=parent_id, description=description
        )
        return theme.id

    def set_item_retired(self, session: Session, item_id: uuid.UUID, *, retired: bool) -> None:
        set_retired(session, TaxonomyKind.THEME, item_id, retired=retired)
