"""Beheer → Inzage en verwijdering…: find, give the overview, erase after confirming."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from gebiedsapp.domain import AuditAction, AuditEntry, Resident, reference_id
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.privacy import PrivacyDialog

NAME = "Klaasje Inzagema"


def _dialog(qtbot: Any, context: AppContext) -> tuple[PrivacyDialog, list[str]]:
    with context.database.unit_of_work("anna") as s:
        register_resident(
            s,
            ResidentInput(name=NAME, email="klaasje@example.nl", wants_contact=True, consent=True),
            area_id=reference_id("area", "beerta"),
            today=date(2026, 3, 2),
        )
    dialog = PrivacyDialog(context)
    qtbot.addWidget(dialog)
    told: list[str] = []
    dialog.tell = lambda title, text: told.append(f"{title}: {text}")
    dialog.show()
    return dialog, told


def _last_audit(context: AppContext) -> AuditEntry:
    with context.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry is not None
    return entry


def test_search_then_overview_as_json_and_pdf(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    dialog, told = _dialog(qtbot, context)
    assert not dialog.pdf_button.isEnabled()
    dialog.query.setText("x")
    dialog.search()
    assert "ten minste twee tekens" in dialog.state.text()
    dialog.query.setText("inzagema")
    dialog.search()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == NAME
    assert dialog.state.text() == "1 bewoner gevonden."
    assert dialog.pdf_button.isEnabled()
    asked: list[str] = []
    dialog.ask_path = lambda suggested, kind: asked.append(suggested) or tmp_path / f"i.{kind}"
    saved = dialog.save_overview("json")
    assert saved == tmp_path / "i.json"
    assert asked[0] == f"inzage-klaasje-inzagema-{date.today().isoformat()}.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["persoonsgegevens"][0]["naam"] == NAME
    entry = _last_audit(context)
    assert (entry.action, entry.record_type, entry.detail) == (
        AuditAction.EXPORT, "inzage", "inzageoverzicht als JSON",
    )  # fmt: skip
    assert NAME not in f"{entry.detail}{entry.fields}{entry.record_id}"
    assert dialog.save_overview("pdf") == tmp_path / "i.pdf"
    assert (tmp_path / "i.pdf").read_bytes().startswith(b"%PDF")
    assert told[-1].startswith("Opgeslagen: Het overzicht staat in:")


def test_erase_only_after_confirming(qtbot: Any, context: AppContext) -> None:
    dialog, told = _dialog(qtbot, context)
    dialog.query.setText(NAME)
    dialog.search()
    questions: list[str] = []
    dialog.confirm = lambda question: questions.append(question) or False
    assert not dialog.erase()
    assert NAME in questions[0]
    assert "niet ongedaan" in questions[0]
    with context.read() as s:
        assert s.scalars(select(Resident).where(Resident.name == NAME)).first() is not None
    dialog.confirm = lambda question: True
    assert dialog.erase()
    with context.read() as s:
        assert s.scalars(select(Resident).where(Resident.name == NAME)).first() is None
    assert told[-1].startswith("Gewist: De bewoner is gewist.")
    assert dialog.table.rowCount() == 0
    assert _last_audit(context).action is AuditAction.ERASE


def test_a_wethouder_is_not_shown_the_dialog(
    qtbot: Any, context: AppContext, monkeypatch: Any
) -> None:
    from datetime import timedelta

    from PySide6.QtWidgets import QMessageBox

    from gebiedsapp.domain import Role
    from gebiedsapp.services import teams
    from gebiedsapp.ui.privacy import refused_to

    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_a: told.append(text))
    )
    assert not refused_to(context, None)  # an account not linked to a wethouder
    with context.database.unit_of_work("beheer") as s:
        member = teams.add_member(s, name="Wim Wethouder")
        teams.update_member(
            s, member.id, name=member.name, organisation="", email="", phone="", active=True,
            account=context.actor,
        )  # fmt: skip
        teams.assign(
            s, member_id=member.id, area_id=reference_id("area", "beerta"),
            role=Role.GEBIEDSWETHOUDER, start_date=date.today() - timedelta(days=10),
        )  # fmt: skip
    assert refused_to(context, None)
    assert "Als gebiedswethouder ziet u geen persoonsgegevens" in told[0]
