"""What saving a contact writes, in the one unit of work the screen opens: the contact (new or
an edit that keeps the earlier version) and the actions agreed in it, its draft deleted."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from gebiedsapp.services.actions import create_follow_up
from gebiedsapp.services.contacts import ContactInput, edit_contact, record_contact
from gebiedsapp.ui.contacts.models import PendingAction


def write_contact(
    session: Session,
    data: ContactInput,
    actions: list[PendingAction],
    *,
    editing: uuid.UUID | None,
    draft_id: uuid.UUID | None,
) -> uuid.UUID:
    if editing is not None:
        row = edit_contact(session, editing, data, draft_id=draft_id)
    else:
        row = record_contact(session, data, draft_id=draft_id)
    for action in actions:
        create_follow_up(
            session,
            description=action.description,
            area_id=data.area_id,
            owner_id=action.owner_id,
            due_date=action.due_date,
            contact_id=row.id,
        )
    return row.id
