"""Beheer → Inzage en verwijdering…: find, check the mentions in texts, give the overview,
erase after confirming."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from gebiedsapp.domain import (
    AuditAction,
    AuditEntry,
    Conversation,
    KoffiekarSession,
    Resident,
    reference_id,
)
from gebiedsapp.services import koffiekar
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
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


def _search(qtbot: Any, dialog: PrivacyDialog, text: str) -> None:
    """Type and press Zoeken, as a user does; wait for the mentions to be listed."""
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, text)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    if dialog.table.rowCount():
        qtbot.waitUntil(dialog.erase_button.isEnabled)


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
    _search(qtbot, dialog, "x")
    assert "ten minste twee tekens" in dialog.state.text()
    _search(qtbot, dialog, "inzagema")
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == NAME
    assert dialog.state.text() == "1 bewoner gevonden."
    assert dialog.pdf_button.isEnabled()
    assert dialog.mentions_state.text() == "Geen andere teksten noemen deze bewoner."
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
    _search(qtbot, dialog, NAME)
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
    qtbot.waitUntil(lambda: bool(told) and told[-1].startswith("Gewist:"))
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


def _texts(context: AppContext) -> tuple[object, object]:
    """A round whose notes name the resident, and a conversation about another Klaasje."""
    with context.database.unit_of_work("anna") as s:
        round_ = koffiekar.start_session(
            s, SessionInput(area_id=reference_id("area", "beerta"), day=date(2026, 3, 9),
                            notes=f"{NAME} kwam langs voor koffie")
        )  # fmt: skip
        other = koffiekar.record_conversation(
            s, session_id=round_.id,
            data=ConversationInput("Klaasje van de overkant vraagt om een bankje",
                                   theme_ids=[reference_id("theme", "eenzaamheid")]),
        )  # fmt: skip
    return round_.id, other.id


def _checked(dialog: PrivacyDialog) -> list[tuple[str, bool]]:
    return [
        (dialog.hits.item(row, 3).text(), dialog.hits.item(row, 0).checkState() == Qt.Checked)
        for row in range(dialog.hits.rowCount())
    ]


def test_mentions_are_listed_and_only_the_checked_ones_are_erased(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    round_id, other_id = _texts(context)
    dialog, told = _dialog(qtbot, context)
    _search(qtbot, dialog, "inzagema")
    assert _checked(dialog) == [
        ("«Klaasje» van de overkant vraagt om een bankje", False),  # a first name alone
        (f"«{NAME}» kwam langs voor koffie", True),  # the full name: checked
    ]
    assert "2 vermelding(en) gevonden, 1 aangevinkt" in dialog.mentions_state.text()
    dialog.ask_path = lambda suggested, kind: tmp_path / f"i.{kind}"
    qtbot.mouseClick(dialog.json_button, Qt.MouseButton.LeftButton)
    document = json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))
    assert [v["fragment"] for v in document["vermeldingen"]] == [f"«{NAME}» kwam langs voor koffie"]
    qtbot.mouseClick(dialog.check_all, Qt.MouseButton.LeftButton)
    assert [checked for _text, checked in _checked(dialog)] == [True, True]
    # the user decides the other Klaasje is somebody else: Space on the row unchecks it
    dialog.hits.setFocus()
    dialog.hits.setCurrentCell(0, 0)
    qtbot.keyClick(dialog.hits, Qt.Key.Key_Space)
    assert [checked for _text, checked in _checked(dialog)] == [False, True]
    dialog.confirm = lambda question: "1 aangevinkte vermelding(en)" in question
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told) and told[-1].startswith("Gewist:"))
    assert "1 vermelding(en) in 1 tekst(en) vervangen door [gewist]" in told[-1]
    with context.read() as s:
        round_ = s.get(KoffiekarSession, round_id)
        other = s.get(Conversation, other_id)
        assert round_ is not None
        assert other is not None
        assert round_.notes == "[gewist] kwam langs voor koffie"
        assert other.summary == "Klaasje van de overkant vraagt om een bankje"


def test_the_window_start_finishes_a_clean_up_left_by_an_erasure(context: AppContext) -> None:
    """An erasure whose clean-up could not finish (another reader, a crash) leaves a marker;
    the next start's maintenance does the clean-up and removes it."""
    from gebiedsapp.services import erasure
    from gebiedsapp.storage import traces
    from gebiedsapp.ui.app import start_maintenance

    database = context.database
    erasure.prepare(database)  # as if the app stopped after the erasure
    path = database.file
    assert path is not None
    assert traces.marker(path).exists()
    start_maintenance(database, context.paths, "test")
    assert not traces.marker(path).exists()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
