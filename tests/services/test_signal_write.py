"""Every new signal, whether typed in the form, a split's child or an imported row, is written
by services.signal_write.write_signals: one path with the stamps, the row version, the audit
entry and the sync's change tracking, instead of an ORM road and a bulk road beside it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction, AuditEntry, SignalSource, SignalStatus, reference_id
from gebiedsapp.services import signal_import, signal_write, signals
from gebiedsapp.services.signals import SignalInput, SplitPart
from gebiedsapp.storage.repositories.signals import SignalRepository
from gebiedsapp.storage.sync_tracking import sync_outbox

BEERTA = reference_id("area", "beerta")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")
DAY = date(2026, 11, 23)


def _new(session: Session) -> uuid.UUID:
    data = SignalInput(
        area_id=BEERTA,
        description="Zwerfvuil bij de bushalte",
        source=SignalSource.TELEFOON,
        reported_on=DAY,
        category_id=ZWERFVUIL,
    )
    return signals.create_signal(session, data, today=DAY).id


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each call of the write path wrote (it still writes them)."""
    calls: list[int] = []
    real = signal_write.write_signals

    def counting(session: Session, rows: Any, **kwargs: Any) -> list[uuid.UUID]:
        calls.append(len(rows))
        return real(session, rows, **kwargs)

    for module in (signals, signal_import):
        monkeypatch.setattr(module, "write_signals", counting)
    return calls


def test_the_form_a_split_and_an_import_all_write_through_one_path(
    session: Session, written: list[int]
) -> None:
    parent = _new(session)
    signals.split(
        session, parent, [SplitPart(ZWERFVUIL, None, "Vuil"), SplitPart(LICHT, None, "Lamp")]
    )
    table = signal_import.read_csv(b"Omschrijving;Categorie;Dorp\nLamp kapot;Zwerfvuil;Beerta\n")
    preview = signal_import.preview_import(
        session, table, signal_import.suggest_mapping(table.header)
    )
    assert signal_import.import_signals(session, preview) == 1
    assert written == [1, 2, 1]


def test_a_new_signal_is_stamped_entered_and_tracked(session: Session) -> None:
    before = session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    signal_id = _new(session)
    row = signals.get_signal(session, signal_id)
    assert (row.status, row.version, row.created_by, row.updated_by) == (
        SignalStatus.GEMELD,
        1,
        "test",
        "test",
    )
    assert row.created_at is not None
    assert row.deleted_at is None
    entries = session.scalars(select(AuditEntry).where(AuditEntry.seq > (before or 0))).all()
    assert [(e.action, e.record_type, e.record_id) for e in entries] == [
        (AuditAction.CREATE, "signal", signal_id.hex)
    ]
    assert {"description", "category_id", "status", "deadline"} <= set(entries[0].fields.split(","))
    keys = session.execute(
        select(sync_outbox.c.row_key).where(sync_outbox.c.table_name == "signal")
    ).scalars()
    assert any(signal_id.hex in str(key) or str(signal_id) in str(key) for key in keys)


def test_a_splits_parts_keep_the_order_they_were_typed_in(session: Session) -> None:
    """Written in one go, the parts must still list in their typed order (the detail lists a
    signal's children by creation; with one shared stamp their order was the ids' chance)."""
    parent = _new(session)
    typed = [f"Deel {n}" for n in range(1, 7)]
    signals.split(session, parent, [SplitPart(ZWERFVUIL, None, text) for text in typed])
    session.flush()
    children = SignalRepository(session).children(parent)
    assert [c.description for c in children] == typed
