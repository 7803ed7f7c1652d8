"""Synchroniseren in the window against a real PostgreSQL team server (issue 16): the window's
laptop and a second laptop converge, Annuleren stops a run and the next click goes on, the
password is asked and remembered, a conflict is decided in the Conflicten screen and reaches
the other laptop, and the background attempt syncs on its own.

Skipped without PostgreSQL, a failure in CI (tests/server/conftest.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QToolButton
from sqlalchemy import update

from gebiedsapp.domain import Conversation, Handling, reference_id
from gebiedsapp.services import koffiekar, sync
from gebiedsapp.services.database_access import Database
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.ui.context import KOFFIEKAR, AppContext
from gebiedsapp.ui.main_window import CONFLICTS, MainWindow
from gebiedsapp.ui.sync.controller import Outcome
from gebiedsapp.ui.sync.password import PasswordDialog
from server.conftest import pg_server, pg_url  # noqa: F401 - the server tests' PostgreSQL
from support.sync_world import Team, differences, make_team

BEERTA = reference_id("area", "beerta")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
LONG = 90_000  # ms: a first sync of a laptop moves the whole reference data


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:  # noqa: F811
    yield from make_team(tmp_path / "team", migrated_template, pg_url)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box, recorded instead of shown (they would block the test)."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return shown


def on_team(context: AppContext, team: Team, *, remembered: bool = True) -> None:
    """The window's laptop knows the team server (as Beheer → Teamserver keeps it) and, when
    `remembered`, its password is in the keyring."""
    with context.database.unit_of_work("test") as session:
        sync.save_server(session, team.address)
    if remembered:
        import keyring

        keyring.set_password(sync.KEYRING_SERVICE, sync.account(team.address), team.password)


def record_round(database: Database, actor: str, summary: str) -> None:
    with database.unit_of_work(actor) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place=actor),
        )
        koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                summary=summary, theme_ids=[EENZAAMHEID], handling=Handling.DOORVERWIJZEN
            ),
            today=date(2026, 11, 23),
        )


def follow(window: MainWindow) -> list[Outcome]:
    outcomes: list[Outcome] = []
    window.sync.finished.connect(outcomes.append)
    return outcomes


def click_sync(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The Synchroniseren button in the status bar, beside the counts."""
    button = window.statusBar().findChild(QToolButton, "syncButton")
    assert button.isVisible()
    assert button.text().replace("&", "") == "Synchroniseren"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def converged(context: AppContext, team: Team) -> None:
    assert team.server is not None
    assert differences(context.database, team.server) == []
    for name, laptop in team.laptops.items():
        assert differences(laptop, team.server) == [], name


def test_clicking_synchroniseren_brings_both_laptops_to_one_picture(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str]
) -> None:
    on_team(context, team)
    record_round(team.laptop("bert"), "bert", "Meneer wil een bankje")
    team.sync("bert")
    record_round(context.database, "test", "Mevrouw mist de bus")
    outcomes = follow(window)

    with qtbot.waitSignal(
        context.hub.changed, timeout=LONG, check_params_cb=lambda kinds: KOFFIEKAR in kinds
    ):  # the screens reload what came in
        click_sync(qtbot, window)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)

    result = outcomes[0].result
    assert result is not None, outcomes[0].error
    assert result.pulled > 0
    assert result.pushed > 0
    assert "opgehaald" in said[-1]
    assert "verstuurd" in said[-1]
    team.sync("bert")
    converged(context, team)
    qtbot.waitUntil(lambda: "Gesynchroniseerd:" in window.sync.status_label.text())
    assert "wacht" not in window.sync.status_label.text()  # nothing left to send


def test_annuleren_stops_a_running_sync_and_the_next_click_goes_on(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str]
) -> None:
    on_team(context, team)
    record_round(team.laptop("bert"), "bert", "Meneer wil een bankje")
    team.sync("bert")
    record_round(context.database, "test", "Mevrouw mist de bus")
    outcomes = follow(window)
    # hold the engine after its first table, until the user has clicked Annuleren
    reached, go = threading.Event(), threading.Event()

    def hold(step: sync.SyncProgress) -> None:
        if step.stage == "ophalen" and not reached.is_set():
            reached.set()
            go.wait(60)

    window.sync.relay.progress.connect(hold, Qt.ConnectionType.DirectConnection)

    click_sync(qtbot, window)
    qtbot.waitUntil(reached.is_set, timeout=LONG)
    dialog = window.sync.dialog
    assert dialog is not None
    assert dialog.isVisible()
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Annuleren"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    go.set()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)
    assert isinstance(outcomes[0].error, sync.SyncCancelled)
    assert "afgebroken" in window.statusBar().currentMessage()
    assert said == []  # the user cancelled: no box to click away
    assert sync.sync_status(context.database).pending > 0  # not all of it went

    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=LONG)
    assert outcomes[1].result is not None, outcomes[1].error
    team.sync("bert")
    converged(context, team)


def test_the_password_is_asked_and_onthouden_keeps_it_in_the_keyring(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str], memory_keyring
) -> None:
    on_team(context, team, remembered=False)
    outcomes = follow(window)
    asked: list[PasswordDialog] = []

    def type_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        asked.append(dialog)
        qtbot.keyClicks(dialog.password_edit, team.password)
        qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, type_it)
    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)
    assert len(asked) == 1
    assert outcomes[0].result is not None, outcomes[0].error
    account = sync.account(team.address)
    assert memory_keyring.secrets[(sync.KEYRING_SERVICE, account)] == team.password

    def refuse_any_dialog() -> None:  # a second prompt would be a failure, not a hang
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PasswordDialog):
            asked.append(dialog)
            dialog.reject()

    QTimer.singleShot(0, refuse_any_dialog)
    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=LONG)
    assert len(asked) == 1  # the keyring answered
    assert outcomes[1].result is not None, outcomes[1].error


def test_a_wrong_typed_password_is_said_in_dutch_and_not_remembered(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str], memory_keyring
) -> None:
    on_team(context, team, remembered=False)
    outcomes = follow(window)

    def type_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        qtbot.keyClicks(dialog.password_edit, "fout")
        qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_it)
    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)
    assert outcomes[0].error is not None
    assert "weigert het wachtwoord" in said[-1]
    assert memory_keyring.secrets == {}


def test_a_remembered_password_the_server_refuses_is_forgotten_so_the_next_click_asks(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str], memory_keyring
) -> None:
    on_team(context, team, remembered=False)
    account = sync.account(team.address)
    memory_keyring.set_password(sync.KEYRING_SERVICE, account, "oud wachtwoord")
    outcomes = follow(window)

    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)

    assert "weigert het wachtwoord" in said[-1]
    assert (sync.KEYRING_SERVICE, account) not in memory_keyring.secrets


def _conversation_on_both(context: AppContext, team: Team) -> None:
    record_round(team.laptop("bert"), "bert", "Mevrouw mist de bus")
    team.sync("bert")
    sync.run_sync(context.database, server_url=team.address, password=team.password)


def _summary(database: Database) -> str:
    with database.read_session() as session:
        (conversation,) = session.query(Conversation).all()
        return conversation.summary


def test_a_conflict_of_two_laptops_is_decided_in_conflicten_and_reaches_the_other(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str]
) -> None:
    on_team(context, team)
    _conversation_on_both(context, team)
    with team.laptop("bert").unit_of_work("bert") as session:
        session.execute(
            update(Conversation).values(summary="De bus rijdt te weinig", updated_by="bert")
        )
    team.sync("bert")
    with context.database.unit_of_work("test") as session:
        session.execute(
            update(Conversation).values(summary="Mevrouw mist lijn 73", updated_by="test")
        )
    outcomes = follow(window)

    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)
    assert outcomes[0].result is not None
    assert outcomes[0].result.conflicts == 1
    assert "1 nieuw conflict" in said[-1]
    notice = window.sync.conflict_label
    qtbot.waitUntil(lambda: notice.isVisible() and "1 conflict" in notice.text())

    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton, pos=notice.rect().center())
    screen = window.screens[CONFLICTS]
    assert window.stack.currentWidget() is screen
    (row,) = screen.model.rows  # type: ignore[attr-defined]
    assert row.label == "Gesprek van 23-11-2026, Beerta"
    assert row.area == "Beerta"
    heading = screen.heading.text()  # type: ignore[attr-defined]
    assert "Gesprek van 23-11-2026, Beerta" in heading
    shown = [w.text() for w in screen.details.findChildren(QLabel)]  # type: ignore[attr-defined]
    assert any("Samenvatting" in t for t in shown)
    assert any("lijn 73" in t and "underline" in t for t in shown)  # the difference marked
    assert any("Mijn versie (test)" in t for t in shown)
    assert any("server (gebiedsapp)" in t or "server (bert)" in t for t in shown)

    qtbot.mouseClick(screen.mine_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert screen.model.rows == []  # type: ignore[attr-defined]
    assert _summary(context.database) == "Mevrouw mist lijn 73"
    qtbot.mouseClick(screen.show_resolved, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    (done,) = screen.model.rows  # type: ignore[attr-defined]
    assert done.conflict.resolution == "mine"
    qtbot.waitUntil(lambda: not notice.isVisible())

    window.activateWindow()  # (offscreen does not give it back after the progress dialog)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=LONG)
    team.sync("bert")
    assert _summary(team.laptop("bert")) == "Mevrouw mist lijn 73"
    with team.laptop("bert").read_session() as session:
        (theirs,) = sync.list_conflicts(session, include_resolved=True)
    assert (theirs.status, theirs.resolution, theirs.resolved_by) == ("resolved", "mine", "test")
    converged(context, team)


def test_the_background_attempt_syncs_when_changes_wait(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str]
) -> None:
    on_team(context, team)
    record_round(context.database, "test", "Mevrouw mist de bus")
    outcomes = follow(window)

    window.sync.timer.start(0)  # the timer, due now instead of in minutes
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)

    result = outcomes[0].result
    assert result is not None, outcomes[0]
    assert result.pushed > 0
    assert said == []  # quiet: no box
    assert sync.sync_status(context.database).pending == 0
    assert window.sync.timer.isActive()  # the next attempt is planned

    window.sync.timer.start(0)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=LONG)
    assert outcomes[1].skipped == "nothing"  # nothing waits: the server is left alone
    team.sync("bert")
    converged(context, team)


def test_closing_the_window_during_a_sync_stops_it_and_loses_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str]
) -> None:
    on_team(context, team)
    record_round(context.database, "test", "Mevrouw mist de bus")
    reached, go = threading.Event(), threading.Event()

    def hold(step: sync.SyncProgress) -> None:
        if step.stage == "ophalen" and not reached.is_set():
            reached.set()
            go.wait(60)

    window.sync.relay.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    click_sync(qtbot, window)
    qtbot.waitUntil(reached.is_set, timeout=LONG)
    go.set()
    window.close()  # waits for the run to stop between two batches

    assert window.sync.worker.syncs.activeThreadCount() == 0
    QApplication.processEvents()  # the run's end arrives (queued) after the close
    assert not window.sync.timer.isActive()  # no attempt after the window is gone
    assert said == []
    result = sync.run_sync(context.database, server_url=team.address, password=team.password)
    assert result.waiting == 0  # the rerun sent the rest
    team.sync("bert")
    converged(context, team)


def test_a_restore_during_a_sync_says_so_and_replaces_nothing_until_it_ended(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, team: Team, said: list[str], monkeypatch
) -> None:
    """Bestand → Reservekopie terugzetten… replaces the database file; a sync on its own worker
    still reads and writes it (issue 19). While one runs (here the quiet background attempt,
    which shows no dialog) the restore refuses in Dutch and replaces nothing; once it ended
    the same clicks restore."""
    from test_main_window import menu_action

    from gebiedsapp.services import backups
    from gebiedsapp.ui.restore import RestoreDialog

    backups.make_backup(context.database, context.backup_dir())
    on_team(context, team)
    record_round(context.database, "test", "Mevrouw mist de bus")
    outcomes = follow(window)
    reached, go = threading.Event(), threading.Event()

    def hold(step: sync.SyncProgress) -> None:
        if step.stage == "ophalen" and not reached.is_set():
            reached.set()
            go.wait(60)

    window.sync.relay.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    replaced_during_sync: list[bool] = []
    real_restore = backups.restore_backup

    def restore(*args, **kwargs):  # type: ignore[no-untyped-def]
        replaced_during_sync.append(reached.is_set() and not go.is_set())
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(backups, "restore_backup", restore)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog.confirm = lambda _question: True  # "Ja" to "De reservekopie … terugzetten?"
        dialog.tell = lambda _title, _text: None
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        if not dialog.restored:
            dialog.reject()  # Annuleren: the user goes to wait for the sync

    window.sync.timer.start(0)  # the quiet background attempt, due now instead of in minutes
    qtbot.waitUntil(reached.is_set, timeout=LONG)
    QTimer.singleShot(0, answer)
    menu_action(window, "Bestand", "Reservekopie terugzetten…").trigger()
    assert replaced_during_sync == []
    assert any("Er loopt nu een synchronisatie" in text for text in said), said

    go.set()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=LONG)
    assert outcomes[0].result is not None, outcomes[0].error
    QTimer.singleShot(0, answer)
    menu_action(window, "Bestand", "Reservekopie terugzetten…").trigger()
    assert replaced_during_sync == [False]  # after the sync: restored
