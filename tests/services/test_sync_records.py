"""Readable names of what a sync conflict is about (services.sync_records): the Conflicten
screen names a record as its users know it, with its area, never by its key alone."""

from __future__ import annotations

import json
import uuid
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import Role, SignalSource, SyncConflict, reference_id
from gebiedsapp.services import signals, teams
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.services.sync_records import describe_conflicts, names


def clash(session: Session, table: str, key: uuid.UUID, area_id: uuid.UUID | None) -> None:
    session.add(
        SyncConflict(
            table_name=table,
            row_key=key.hex,
            area_id=area_id,
            fields="note",
            local_values=json.dumps({"note": "a"}),
            server_values=json.dumps({"note": "b"}),
        )
    )
    session.flush()


def test_a_signal_an_assignment_and_a_vanished_record_have_readable_names(
    session: Session, make_member
) -> None:  # type: ignore[no-untyped-def]
    beerta = find_area(session, "Beerta")
    signal = signals.create_signal(
        session,
        SignalInput(
            area_id=beerta.id,
            description="Lantaarnpaal bij de school   is kapot",
            source=SignalSource.KOFFIEKAR,
            reported_on=date(2026, 11, 2),
            category_id=reference_id("signal_category", "afval/zwerfvuil"),
        ),
        today=date(2026, 11, 2),
    )
    member = make_member(name="Bert Bakker")
    assignment = teams.assign(
        session,
        member_id=member.id,
        area_id=beerta.id,
        role=Role.OPBOUWWERKER,
        start_date=date(2026, 1, 1),
    )
    clash(session, "signal", signal.id, None)  # the area comes from the record itself
    clash(session, "assignment", assignment.id, beerta.id)
    clash(session, "follow_up", uuid.uuid4(), None)  # erased meanwhile

    found = {r.conflict.table_name: r for r in describe_conflicts(session)}

    assert (found["signal"].label, found["signal"].area) == (
        "Lantaarnpaal bij de school is kapot",
        "Beerta",
    )
    assert (found["assignment"].label, found["assignment"].area) == (
        "Bert Bakker in Beerta",
        "Beerta",
    )
    assert found["follow_up"].exists is False
    assert found["follow_up"].label.startswith("follow_up ")
    assert names(session)[beerta.id.hex] == "Beerta"
