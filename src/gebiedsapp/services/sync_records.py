"""Readable names for what a sync conflict is about, for the Conflicten screen.

A conflict names its record by table and key; a user knows it as 'the conversation of
02-11-2026 in Beerta' or 'the signal about the broken lamp post'. This finds that name, the
record's area, and the names behind the ids in the clashing values (areas, themes, members).
Kept apart from services.sync (the engine) on purpose: it only reads.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, Base, Partner, SignalCategory, TeamMember, Theme
from gebiedsapp.services.sync import ConflictView, list_conflicts

LABEL_LENGTH = 80


@dataclass(frozen=True)
class ConflictRecord:
    conflict: ConflictView
    label: str  # the record as a user knows it
    area: str  # its area's name ('' when team-wide)
    exists: bool  # the record is still there (an erasure may have removed it)


def _day(value: Any) -> str:
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value or "")


def _short(value: Any) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _row(session: Session, table_name: str, key: Any) -> Mapping[str, Any] | None:
    table = Base.metadata.tables.get(table_name)
    if table is None or "id" not in table.c:
        return None
    try:
        ident = key if isinstance(key, uuid.UUID) else uuid.UUID(str(key))
    except ValueError:
        return None
    found = session.execute(select(table).where(table.c.id == ident)).mappings().first()
    return dict(found) if found is not None else None


def names(session: Session) -> dict[str, str]:
    """Ids (as text, with and without dashes) → names, for showing clashing values."""
    found: dict[str, str] = {}
    for model in (Area, Theme, Partner, TeamMember, SignalCategory):
        for ident, name in session.execute(select(model.id, model.name)):
            found[str(ident)] = name
            found[ident.hex] = name
    return found


def _area_name(session: Session, area_id: Any) -> str:
    row = _row(session, "area", area_id) if area_id else None
    return str(row["name"]) if row is not None else ""


def _describe(session: Session, table: str, row: Mapping[str, Any]) -> tuple[str, Any]:
    """(label, area id) of one record."""
    area_id = row.get("area_id")
    if table in ("conversation", "koffiekar_session"):
        round_: Mapping[str, Any] | None = row
        if table == "conversation":
            round_ = _row(session, "koffiekar_session", row["session_id"])
        if round_ is None:
            return "Koffiekargesprek", None
        area_id = round_["area_id"]
        area = _area_name(session, area_id)
        what = "Gesprek" if table == "conversation" else "Koffiekarronde"
        return f"{what} van {_day(round_['date'])}, {area}".rstrip(", "), area_id
    if table in ("signal", "follow_up", "initiative_milestone"):
        return _short(row["description"]), area_id
    if table == "initiative":
        return _short(row["title"]), area_id
    if table == "contact":
        subject = _short(row["subject"])
        return f"Contact van {_day(row['date'])}" + (f": {subject}" if subject else ""), area_id
    if table == "assignment":
        member = _row(session, "team_member", row["member_id"])
        who = member["name"] if member is not None else "?"
        return f"{who} in {_area_name(session, area_id)}", area_id
    if table in ("consent", "meedenker"):
        resident = _row(session, "resident", row["resident_id"])
        who = resident["name"] if resident is not None and resident["name"] else "bewoner"
        what = "Toestemming" if table == "consent" else "Meedenker"
        return f"{what} van {who}", area_id
    if table == "signal_photo":
        return _short(row["caption"] or row["file_name"]), None
    if table == "area":
        return str(row["name"]), row["id"]
    if "name" in row:
        return str(row["name"]), area_id
    return table, area_id


def describe_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictRecord]:
    """The conflicts (open, or all), each with its record's readable name and area."""
    result = []
    for conflict in list_conflicts(session, include_resolved=include_resolved):
        row = _row(session, conflict.table_name, conflict.row_key)
        if row is None:
            label, area_id = f"{conflict.table_name} {conflict.row_key[:8]}", conflict.area_id
        else:
            label, area_id = _describe(session, conflict.table_name, row)
        area = _area_name(session, conflict.area_id or area_id)
        result.append(ConflictRecord(conflict, label, area, exists=row is not None))
    return result
