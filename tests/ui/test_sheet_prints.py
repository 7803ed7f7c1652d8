"""The one-page prints from the app: the signal's work order (Werkbon) and the koffiekar round's
report (Verslag van de ronde), made through the same PDF buttons as the summary."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from gebiedsapp.domain import AuditAction, AuditEntry, SignalSource
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import koffiekar, signals
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.signals.detail import SignalDetailPane
from support.pdf_text import all_lines, pages_text

BEERTA = reference_id("area", "beerta")
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")
EENZAAMHEID = reference_id("theme", "eenzaamheid")


def _last_audit(context: AppContext) -> tuple[AuditAction, str]:
    """Making a PDF is entered in the audit log as a print."""
    with context.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        return entry.action, entry.detail


def _save(qtbot: Any, actions: Any, target: Path) -> list[str]:
    saved: list[Path] = []
    actions.ask_path = lambda _parent, _name: target
    actions.after_save = lambda _parent, path: saved.append(path)
    assert actions.save()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    return pages_text(target)


def test_the_work_order_of_a_signal(qtbot: Any, context: AppContext, tmp_path: Path) -> None:
    with context.database.unit_of_work("test") as session:
        signal_id = signals.create_signal(
            session,
            SignalInput(
                area_id=BEERTA,
                description="Lantaarnpaal bij de kerk brandt niet",
                source=SignalSource.TELEFOON,
                reported_on=date.today(),
                category_id=LICHT,
            ),
        ).id
    pane = SignalDetailPane(context)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.sheet_job() is None  # nothing chosen: nothing to print
    pane.show_signal(signal_id)
    assert pane.sheet_button.isVisible()
    job = pane.sheet_job()
    assert job is not None
    assert job[0] == f"werkbon-straatverlichting-{date.today().isoformat()}.pdf"
    texts = _save(qtbot, pane.pdf, tmp_path / "werkbon.pdf")
    assert len(texts) == 1
    assert _last_audit(context) == (AuditAction.PRINT, "Werkbon, 1 pagina")
    flat = " ".join(all_lines(texts))
    assert "Lantaarnpaal bij de kerk brandt niet" in flat
    assert "Straatverlichting" in flat


def test_the_report_of_a_koffiekar_round(qtbot: Any, context: AppContext, tmp_path: Path) -> None:
    with context.database.unit_of_work("test") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(
                area_id=BEERTA,
                day=date.today() - timedelta(days=1),
                start_time=time(10),
                place="Dorpsplein",
            ),
        )
        koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(summary="Over de bus", theme_ids=[EENZAAMHEID]),
        )
    screen = KoffiekarScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.set_area(BEERTA)  # chosen in the window's area tree: read on the worker
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == BEERTA)
    assert not screen.sheet_button.isEnabled()
    screen._select_round(round_.id)
    assert screen.sheet_button.isEnabled()
    texts = _save(qtbot, screen.pdf, tmp_path / "ronde.pdf")
    assert len(texts) == 1
    flat = " ".join(all_lines(texts))
    assert "Dorpsplein" in flat
    assert "Eenzaamheid" in flat
