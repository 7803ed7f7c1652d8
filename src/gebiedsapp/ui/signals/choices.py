"""The categories and partners Signalen offers, read in a session the caller owns: on the worker
for the list's filters (issue 19), directly for a dialog that opens on a click."""

from __future__ import annotations

from sqlalchemy.orm import Session

from gebiedsapp.services.taxonomy import list_categories, list_partners
from gebiedsapp.ui.admin.common import INDENT
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.signals.dialogs import Choice
from gebiedsapp.ui.signals.picker import PATH, Pick


def read_category_choices(session: Session) -> list[Pick]:
    """Offered categories in tree order: listed indented under their parent, shown and found
    by their full name ("Hoofd › Sub")."""
    rows = list_categories(session, include_retired=False)
    names = {c.id: c.name for c in rows}
    return [
        Pick(
            str(c.id),
            (INDENT if c.parent_id else "") + c.name,
            f"{names[c.parent_id]}{PATH}{c.name}" if c.parent_id in names else c.name,
        )
        for c in rows
    ]


def read_partner_choices(session: Session) -> list[Choice]:
    rows = list_partners(session, include_retired=False)
    return [(str(p.id), p.name) for p in sorted(rows, key=lambda p: p.name.lower())]


def category_choices(context: AppContext) -> list[Pick]:
    with context.read() as session:
        return read_category_choices(session)


def partner_choices(context: AppContext) -> list[Choice]:
    with context.read() as session:
        return read_partner_choices(session)
