"""Conflicts for the user to decide: list them, keep one side or an edited merge.

Resolving is a normal tracked write of the record (so it goes to the server and reaches
every laptop at their next sync); the record's history keeps the values it replaces.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Base, SyncConflict, utcnow
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.history import changed_fields, keep_version
from gebiedsapp.services.sync.model import ConflictView
from gebiedsapp.storage.sync_tables import by_name, from_plain

KEEP = ("mine", "theirs", "merged")


def _view(conflict: SyncConflict) -> ConflictView:
    return ConflictView(
        id=conflict.id,
        table_name=conflict.table_name,
        row_key=conflict.row_key,
        area_id=conflict.area_id,
        fields=tuple(f for f in conflict.fields.split(",") if f),
        local_values=json.loads(conflict.local_values),
        server_values=json.loads(conflict.server_values),
        local_by=conflict.local_by,
        server_by=conflict.server_by,
        status=conflict.status,
        resolution=conflict.resolution,
        resolved_by=conflict.resolved_by,
        resolved_at=conflict.resolved_at,
        created_at=conflict.created_at,
    )


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    query = select(SyncConflict).where(SyncConflict.deleted_at.is_(None))
    if not include_resolved:
        query = query.where(SyncConflict.status == "open")
    return [_view(c) for c in session.scalars(query.order_by(SyncConflict.created_at))]


def _mapped(table_name: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is by_name()[table_name].table:
            return mapper.class_
    raise NotFoundError(f"Onbekende soort gegevens in een conflict: {table_name}.")


def resolve_conflict(
    session: Session,
    conflict_id: uuid.UUID,
    *,
    keep: str,
    merged: Mapping[str, Any] | None = None,
) -> ConflictView:
    """Keep `mine` (this laptop's values), `theirs` (the server's) or `merged` (the user's
    own values for the clashing fields), in the caller's unit of work."""
    if keep not in KEEP:
        raise ValidationError("Kies 'mine', 'theirs' of 'merged'.")
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.deleted_at is not None:
        raise NotFoundError("Dit conflict bestaat niet (meer).")
    if conflict.status != "open":
        raise ValidationError("Dit conflict is al opgelost; er is niets gewijzigd.")
    view = _view(conflict)
    if keep == "merged":
        if merged is None or set(merged) != set(view.fields):
            raise ValidationError(
                "Geef voor elk veld van het conflict een waarde ("
                + ", ".join(view.fields)
                + "); er is niets gewijzigd."
            )
        chosen = dict(merged)
    else:
        chosen = dict(view.local_values if keep == "mine" else view.server_values)
    table = by_name()[conflict.table_name]
    model = _mapped(conflict.table_name)
    record = session.get(model, table.key_values(conflict.row_key)[0])
    if record is None:
        raise NotFoundError("Het record van dit conflict bestaat niet meer; er is niets gewijzigd.")
    mapper = record.__mapper__
    attributes = {f: mapper.get_property_by_column(table.table.c[f]).key for f in view.fields}
    before = {f: getattr(record, attributes[f]) for f in view.fields}
    after = {
        f: value if not isinstance(value, str) else from_plain(table.table.c[f], value)
        for f, value in chosen.items()
    }
    changes = changed_fields(before, after)
    keep_version(
        session,
        record_type=conflict.table_name,
        record_id=record.id,
        version=record.version,
        changes=changes,
    )
    for name, value in after.items():
        setattr(record, attributes[name], value)
    if not changes:
        record.updated_at = utcnow()  # the choice itself goes out, even when nothing moved
    conflict.status = "resolved"
    conflict.resolution = keep
    conflict.resolved_by = str(session.info.get("actor", ""))
    conflict.resolved_at = utcnow()
    session.flush()
    return _view(conflict)
