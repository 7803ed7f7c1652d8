"""The activities of an area as one table for Excel or CSV (one header row, one row per
activity; the ID joins other exports). Linked records are named, not copied: signals and
actions by how many, initiatives by title."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.services.activities import ActivityView, list_activities
from gebiedsapp.services.export import Cell, ExportTable

HEADERS = (
    "ID",
    "Datum",
    "Begin",
    "Eind",
    "Gebied",
    "Soort",
    "Plaats",
    "Onderwerp",
    "Aanwezig",
    "Thema's",
    "Aantekeningen",
    "Uitkomsten",
    "Signalen",
    "Acties",
    "Initiatieven",
    "Vastgelegd door",
)
WIDTHS = (36, 12, 7, 7, 18, 18, 24, 40, 10, 30, 60, 60, 9, 9, 30, 14)


def _row(view: ActivityView) -> tuple[Cell, ...]:
    return (
        str(view.id),
        view.day,
        f"{view.start_time:%H:%M}" if view.start_time else "",
        f"{view.end_time:%H:%M}" if view.end_time else "",
        view.area_name,
        view.kind.label,
        view.place,
        view.subject,
        view.attendance,
        ", ".join(sorted(view.themes)),
        view.notes,
        view.outcomes,
        len(view.signals),
        len(view.actions),
        ", ".join(i.text for i in view.initiatives),
        view.author,
    )


def activities_table(
    session: Session,
    *,
    area_ids: frozenset[uuid.UUID] | None,
    start: date | None = None,
    end: date | None = None,
) -> ExportTable:
    """The activities of these areas (None: all) from `start` to `end`, oldest first."""
    rows: Sequence[ActivityView] = list_activities(session, area_ids=area_ids, start=start, end=end)
    return ExportTable(
        "Activiteiten",
        HEADERS,
        [_row(view) for view in reversed(rows)],
        widths=WIDTHS,
        total=len(rows),
    )
