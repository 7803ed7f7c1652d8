"""'Herstel je werk?': every draft is offered, restored on request, and discarded only after a
confirmation; 'Later' keeps them all."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import DraftKind
from gebiedsapp.paths import AppPaths
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.drafts import DraftView, list_drafts, save_draft
from gebiedsapp.services.koffiekar import SessionInput, start_session
from gebiedsapp.startup import OpenedDatabase
from gebiedsapp.ui.app import show_window
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.recovery import RecoveryDialog, pending_drafts, saved_at

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def make_draft(context: AppContext, kind: DraftKind, payload: dict[str, object]) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        return save_draft(session, draft_id=None, kind=kind, payload=payload)


def make_draft_as(opened: OpenedDatabase, actor: str, payload: dict[str, object]) -> None:
    with opened.database.unit_of_work(actor) as session:
        save_draft(session, draft_id=None, kind=DraftKind.CONVERSATION, payload=payload)


@pytest.fixture
def drafts(context: AppContext) -> list[DraftView]:
    make_draft(context, DraftKind.SESSION, {"place": "Bij de Spar"})
    make_draft(context, DraftKind.CONVERSATION, {"summary": "Zorgen om de bushalte"})
    return pending_drafts(context)


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext, drafts: list[DraftView]) -> RecoveryDialog:
    dialog = RecoveryDialog(context, drafts)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox.StandardButton]:
    """The answer to the next confirmation; the test fails if a question comes unexpectedly."""
    queue: list[QMessageBox.StandardButton] = []

    def question(*_args: object) -> QMessageBox.StandardButton:
        assert queue, "an unexpected question"
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return queue


def summaries(context: AppContext) -> list[str]:
    return [d.summary() for d in pending_drafts(context)]


def test_pending_drafts_are_the_users_newest_first(context: AppContext) -> None:
    make_draft(context, DraftKind.CONVERSATION, {"summary": "eerst"})
    make_draft(context, DraftKind.CONVERSATION, {"summary": "daarna"})
    with context.database.unit_of_work("iemand-anders") as session:
        save_draft(
            session, draft_id=None, kind=DraftKind.CONVERSATION, payload={"summary": "niet van mij"}
        )
    assert summaries(context) == ["daarna", "eerst"]


def test_the_dialog_lists_each_draft_with_kind_summary_and_time(
    dialog: RecoveryDialog, drafts: list[DraftView]
) -> None:
    assert dialog.windowTitle() == "Herstel je werk?"
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "<b>Gesprek</b>" in texts
    assert "<b>Koffiekarronde</b>" in texts
    assert {"Bij de Spar", "Zorgen om de bushalte"} <= texts
    for draft in drafts:
        assert f"laatst bewaard {saved_at(draft)}" in texts
    assert len(dialog.restore_buttons) == 2


def test_saved_at_is_local_time_as_dd_mm_jjjj_uu_mm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        draft = DraftView(
            uuid.uuid4(),
            DraftKind.CONVERSATION,
            None,
            None,
            {},
            datetime(2025, 3, 4, 5, 6, tzinfo=UTC),
        )
        assert saved_at(draft) == "04-03-2025 06:06"  # stored in UTC, shown in Dutch time
    finally:
        monkeypatch.undo()
        time.tzset()


def test_later_keeps_every_draft(
    qtbot: QtBot, context: AppContext, dialog: RecoveryDialog, answer: list[object]
) -> None:
    dialog.show()
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecoveryDialog.DialogCode.Rejected
    assert sorted(summaries(context)) == ["Bij de Spar", "Zorgen om de bushalte"]


def test_escape_is_later_too(
    qtbot: QtBot, context: AppContext, dialog: RecoveryDialog, answer: list[object]
) -> None:
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert len(pending_drafts(context)) == 2


def test_restore_emits_the_draft_and_keeps_it_until_finalised(
    qtbot: QtBot, context: AppContext, dialog: RecoveryDialog, drafts: list[DraftView]
) -> None:
    dialog.show()
    with qtbot.waitSignal(dialog.restore_requested) as signal:
        qtbot.mouseClick(dialog.restore_buttons[1], Qt.MouseButton.LeftButton)
    assert signal.args == [drafts[1]]
    assert dialog.result() == RecoveryDialog.DialogCode.Accepted
    assert len(pending_drafts(context)) == 2  # the form that finalises it deletes it


def discard_button(dialog: RecoveryDialog, draft: DraftView) -> QPushButton:
    button = dialog.rows[draft.id].findChild(QPushButton, "discard")
    assert isinstance(button, QPushButton)
    return button


def test_discard_asks_first_and_no_keeps_the_draft(
    qtbot: QtBot,
    context: AppContext,
    dialog: RecoveryDialog,
    drafts: list[DraftView],
    answer: list[QMessageBox.StandardButton],
) -> None:
    dialog.show()
    answer.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(discard_button(dialog, drafts[0]), Qt.MouseButton.LeftButton)
    assert answer == []  # it asked
    assert len(pending_drafts(context)) == 2

    answer.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(discard_button(dialog, drafts[0]), Qt.MouseButton.LeftButton)
    assert [d.id for d in pending_drafts(context)] == [drafts[1].id]
    assert list(dialog.rows) == [drafts[1].id]


def test_discarding_the_last_draft_closes_the_dialog(
    qtbot: QtBot,
    context: AppContext,
    dialog: RecoveryDialog,
    drafts: list[DraftView],
    answer: list[QMessageBox.StandardButton],
) -> None:
    dialog.show()
    answer.extend([QMessageBox.StandardButton.Yes] * 2)
    for draft in drafts:
        qtbot.mouseClick(discard_button(dialog, draft), Qt.MouseButton.LeftButton)
    assert pending_drafts(context) == []
    assert dialog.result() == RecoveryDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_weggooien_and_ja_at_start_leave_the_app_running(
    qtbot: QtBot, opened: OpenedDatabase, app_paths: AppPaths, settings: QSettings
) -> None:
    """Issue 13: after 'Herstel je werk?' → Weggooien… → Ja on the last draft, the app died
    (segmentation fault): the dialog's last Python reference was a lambda on the row's own
    button, so deleting the row freed the dialog inside the row's destructor, which deleted
    the row again. Clicked here on the real dialog and the real question, as the start
    shows them. Without the fix the dialog outlives the start's offer, held by its own
    button, and this test fails (in a real event loop the app crashes: test_app_process)."""
    make_draft_as(opened, "test", {"summary": "Halfgetypt over de bus"})
    clicked: list[str] = []

    def answer_ja() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, answer_ja)
            return
        clicked.append(box.windowTitle())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def weggooien() -> None:
        found = QApplication.activeModalWidget()
        if not isinstance(found, RecoveryDialog) or not found.isVisible():
            QTimer.singleShot(20, weggooien)
            return
        button = found.findChild(QPushButton, "discard")
        assert isinstance(button, QPushButton)
        assert button.text() == "Weggooien…"
        clicked.append(found.windowTitle())
        QTimer.singleShot(0, answer_ja)  # the click opens the question and waits for it
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, weggooien)
    window = show_window(opened, app_paths, actor="test", settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: clicked == ["Herstel je werk?", "Concept weggooien?"])
    # the dialog is gone (and the row it deleted with it) while the app goes on
    qtbot.waitUntil(lambda: not window.findChildren(RecoveryDialog))
    assert window.isVisible()
    with opened.database.read_session("test") as session:
        assert list_drafts(session) == []
    qtbot.waitUntil(lambda: window.context.background.wait(0))
    window.close()


def test_the_discard_button_goes_through_the_question(
    qtbot: QtBot,
    context: AppContext,
    dialog: RecoveryDialog,
    answer: list[QMessageBox.StandardButton],
) -> None:
    dialog.show()
    buttons = [
        b for b in dialog.findChildren(type(dialog.later_button)) if b.objectName() == "discard"
    ]
    assert len(buttons) == 2
    answer.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert answer == []
    assert len(pending_drafts(context)) == 2


def test_each_draft_says_where_it_belongs_and_whether_it_corrects_a_record(
    qtbot: QtBot, context: AppContext
) -> None:
    with context.database.unit_of_work("test") as session:
        beerta = find_area(session, "Beerta").id
        round_id = start_session(
            session, SessionInput(area_id=beerta, day=date(2025, 6, 3), place="Plein")
        ).id
        for target in (None, uuid.uuid4()):
            save_draft(
                session,
                draft_id=None,
                kind=DraftKind.CONVERSATION,
                session_id=round_id,
                target_id=target,
                payload={"summary": "Over de bus"},
            )
        save_draft(
            session,
            draft_id=None,
            kind=DraftKind.CONTACT,
            payload={"subject": "Huisbezoek", "area_id": str(beerta)},
        )
    dialog = RecoveryDialog(context, pending_drafts(context))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert texts.count("Beerta, ronde van 03-06-2025") == 2
    assert "Beerta" in texts  # the contact: its area only
    assert "<b>Gesprek (wijziging)</b>" in texts
    assert "<b>Gesprek</b>" in texts
