"""Synchroniseren in the window without a server at hand (issue 16): no server set says where
to set it, the status bar counts move after a save, the address is kept in Beheer where the CLI
reads it too, and the background attempt stays quiet when it cannot sync."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from gebiedsapp.domain import SignalSource, SyncConflict, reference_id
from gebiedsapp.services import signals, sync
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.repositories import sync_visibility
from gebiedsapp.ui.admin import AdminScreen
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import ADMIN, CONFLICTS, MainWindow
from gebiedsapp.ui.sync import controller
from gebiedsapp.ui.sync.conflicts import ConflictsModel, ConflictsScreen
from gebiedsapp.ui.sync.controller import Outcome
from gebiedsapp.ui.sync.merge_dialog import MergeDialog

ADDRESS = "postgresql://127.0.0.1:9/gebiedsapp"  # the discard port: nobody answers


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return shown


def keep_address(context: AppContext, address: str = ADDRESS) -> None:
    with context.database.unit_of_work("test") as session:
        sync.save_server(session, address)


def test_no_server_set_says_in_dutch_where_to_set_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, said: list[str]
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert len(said) == 1
    assert "Er is nog geen teamserver ingesteld" in said[0]
    assert "Beheer → Teamserver" in said[0]
    assert not window.sync.running


def test_the_status_bar_button_and_the_file_menu_start_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, said: list[str]
) -> None:
    button = window.statusBar().findChild(QToolButton, "syncButton")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(said) == 1
    from ui.test_main_window import menu_action

    menu_action(window, "Bestand", "Synchroniseren").trigger()
    assert len(said) == 2


def test_the_status_bar_counts_move_after_a_save(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext
) -> None:
    keep_address(context)
    window.sync.refresh_status()  # (set behind the window's back: a user would use Beheer)
    label = window.sync.status_label
    qtbot.waitUntil(lambda: label.isVisible() and "Nog niet gesynchroniseerd" in label.text())
    before = sync.sync_status(context.database).pending

    admin = window.admin_screen
    window.show_screen(ADMIN)
    admin.show_tab("partners")
    tab = admin.partners_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.name_edit, "Dorpsvereniging Beerta")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    after = sync.sync_status(context.database).pending
    assert after > before
    qtbot.waitUntil(lambda: f"{after} wijzigingen wachten" in label.text(), timeout=10_000)


def test_the_status_bar_counts_no_further_than_its_limit(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After every save the status bar counts the waiting changes; a laptop with millions of
    them (years offline, a big import) must not read them all each time: up to a limit, then
    'meer dan'. The exact count stays in `gebiedsapp sync`."""
    keep_address(context)
    before = sync.sync_status(context.database).pending
    assert before >= 2
    monkeypatch.setattr(controller, "STATUS_COUNT_UP_TO", before)
    window.sync.refresh_status()
    label = window.sync.status_label
    qtbot.waitUntil(lambda: f"· {before} wijzigingen wachten" in label.text())

    window.show_screen(ADMIN)
    window.admin_screen.show_tab("partners")
    tab = window.admin_screen.partners_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.name_edit, "Dorpsvereniging Finsterwolde")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: f"meer dan {before} wijzigingen wachten" in label.text())
    counted = sync.sync_status(context.database, count_up_to=before)
    assert (counted.pending, counted.more_pending) == (before, True)
    assert sync.sync_status(context.database).pending > before  # the CLI's count is exact


def test_a_team_members_status_bar_counts_what_cannot_be_sent_no_further_either(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team member's laptop with many changes of an area not theirs: the status bar counts
    those no further than the waiting ones ('meer dan 2 … · minstens 2 niet te versturen',
    never more than are said to wait)."""
    keep_address(context)
    with context.database.unit_of_work("test") as session:  # changes waiting for Winschoten
        beerta = find_area(session, "Beerta")
        for n in range(4):
            signals.create_signal(
                session,
                SignalInput(
                    area_id=find_area(session, "Winschoten").id,
                    description=f"Losse stoeptegel nummer {n}",
                    source=SignalSource.TELEFOON,
                    reported_on=date(2026, 11, 2),
                    category_id=reference_id("signal_category", "afval/zwerfvuil"),
                ),
                today=date(2026, 11, 2),
            )
    rights = {"areas": [beerta.id.hex], "staff": True, "beheerder": False, "columns": {}}
    with context.database.engine.begin() as connection:  # as a pull from the server keeps them
        sync_visibility.keep_rights(connection, rights)
    assert sync.sync_status(context.database).not_theirs > 2  # the CLI's count is exact
    monkeypatch.setattr(controller, "STATUS_COUNT_UP_TO", 2)

    window.show_screen(ADMIN)
    window.admin_screen.show_tab("partners")
    tab = window.admin_screen.partners_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.name_edit, "Buurtvereniging Oostwold")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    label = window.sync.status_label
    qtbot.waitUntil(lambda: "meer dan 2 wijzigingen wachten" in label.text())
    assert "· minstens 2 niet te versturen" in label.text()
    assert "minstens 2 wijzigingen konden niet worden verstuurd" in label.toolTip()


def test_the_address_is_kept_in_beheer_where_the_cli_reads_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, said: list[str]
) -> None:
    admin: AdminScreen = window.admin_screen
    window.show_screen(ADMIN)
    admin.show_tab("server")
    tab = admin.server_tab
    qtbot.waitUntil(tab.address_edit.isVisible)
    qtbot.keyClicks(tab.address_edit, "postgresql://anna:geheim@teamserver/gebied")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "geen gebruikersnaam of wachtwoord" in tab.problem.text()
    with context.read() as session:
        assert sync.saved_server(session) == ""

    tab.address_edit.clear()
    qtbot.keyClicks(tab.address_edit, "postgresql://teamserver.oldambt.local:5432/gebied")
    qtbot.keyClick(tab.address_edit, Qt.Key.Key_Return)
    assert tab.problem.text() == "Opgeslagen."
    with context.read() as session:  # the setting `gebiedsapp sync` reads
        assert sync.saved_server(session) == "postgresql://teamserver.oldambt.local:5432/gebied"
    qtbot.waitUntil(window.sync.status_label.isVisible)  # the status bar shows sync now
    assert said == []


def _attempt(qtbot, window: MainWindow) -> Outcome:  # type: ignore[no-untyped-def]
    outcomes: list[Outcome] = []
    window.sync.finished.connect(outcomes.append)
    window.sync.timer.start(0)  # the background timer, due now instead of in minutes
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10_000)
    assert window.sync.timer.isActive()  # the next one is planned
    assert window.sync.timer.interval() == controller.INTERVAL_MS
    return outcomes[0]


def test_the_background_attempt_never_asks_for_a_password(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, said: list[str]
) -> None:
    assert _attempt(qtbot, window).skipped == "no-server"
    keep_address(context)
    assert _attempt(qtbot, window).skipped == "no-password"  # and no dialog
    assert said == []


def test_the_background_attempt_waits_for_a_reachable_server_quietly(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, said: list[str], memory_keyring
) -> None:
    keep_address(context)
    memory_keyring.set_password(sync.KEYRING_SERVICE, sync.account(ADDRESS), "geheim")
    assert _attempt(qtbot, window).skipped == "unreachable"
    label = window.sync.status_label
    qtbot.waitUntil(lambda: "teamserver niet bereikbaar" in label.text())  # quietly, here
    assert said == []  # no box
    assert not window.sync.running


def test_the_interval_is_a_setting(qtbot, context: AppContext, settings) -> None:  # type: ignore[no-untyped-def]
    settings.setValue(controller.INTERVAL_KEY, "0.5")
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    assert window.sync.interval_ms == 30_000
    for hostile in ("0", "-3", "vijf"):
        settings.setValue(controller.INTERVAL_KEY, hostile)
        other = MainWindow(context, settings)
        qtbot.addWidget(other)
        assert other.sync.interval_ms in (controller.MINIMUM_INTERVAL_MS, controller.INTERVAL_MS)


def _clash_on_beerta(context: AppContext) -> None:
    """A conflict as a pull leaves it (tests/ui/sync/test_sync_team.py makes real ones with two
    laptops and a server): Beerta's description, changed here and by bert."""
    with context.database.unit_of_work("test") as session:
        beerta = find_area(session, "Beerta")
        beerta.description = "van bert"
        session.add(
            SyncConflict(
                table_name="area",
                row_key=beerta.id.hex,
                area_id=beerta.id,
                fields="description",
                local_values=json.dumps({"description": "Dorp met een plein"}),
                server_values=json.dumps({"description": "van bert"}),
                local_by="test",
                server_by="bert",
            )
        )


def test_samenvoegen_keeps_what_the_user_typed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, said: list[str]
) -> None:
    _clash_on_beerta(context)
    window.sync.refresh_status()
    qtbot.waitUntil(window.sync.conflict_label.isVisible)
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    screen = window.screens[CONFLICTS]
    assert isinstance(screen, ConflictsScreen)
    assert window.stack.currentWidget() is screen
    (row,) = screen.model.rows
    assert (row.label, row.area) == ("Beerta", "Beerta")
    assert screen.model.index(0, ConflictsModel.COL_FIELDS).data() == "Omschrijving"
    assert screen.table.hasFocus()  # the keyboard starts in the list

    def merge() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MergeDialog)
        edit = dialog.edits["description"]
        assert edit.toPlainText() == "Dorp met een plein"  # prefilled: my version
        qtbot.keyClick(edit, Qt.Key.Key_End)
        qtbot.keyClicks(edit, " en een kerk")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, merge)
    qtbot.mouseClick(screen.merge_button, Qt.MouseButton.LeftButton)

    assert said == []
    with context.read() as session:
        assert find_area(session, "Beerta").description == "Dorp met een plein en een kerk"
        (done,) = sync.list_conflicts(session, include_resolved=True)
    assert (done.status, done.resolution, done.resolved_by) == ("resolved", "merged", "test")
    assert screen.model.rows == []
    qtbot.waitUntil(lambda: not window.sync.conflict_label.isVisible())


def test_a_resolved_conflict_stays_visible_with_the_checkbox(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, said: list[str]
) -> None:
    _clash_on_beerta(context)
    window.show_screen(CONFLICTS)
    screen = window.screens[CONFLICTS]
    assert isinstance(screen, ConflictsScreen)
    qtbot.mouseClick(screen.theirs_button, Qt.MouseButton.LeftButton)
    assert screen.model.rows == []
    assert not screen.mine_button.isEnabled()
    qtbot.mouseClick(screen.show_resolved, Qt.MouseButton.LeftButton)
    (row,) = screen.model.rows
    assert row.conflict.resolution == "theirs"
    assert "Opgelost: versie van de server (test" in screen.status.text()
    assert not screen.mine_button.isEnabled()  # decided: nothing more to choose
    with context.read() as session:
        assert find_area(session, "Beerta").description == "van bert"


def test_samenvoegen_of_a_number_refuses_text_in_dutch_and_keeps_the_dialog_open(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, context: AppContext, said: list[str]
) -> None:
    with context.database.unit_of_work("test") as session:
        beerta = find_area(session, "Beerta")
        session.add(
            SyncConflict(
                table_name="area",
                row_key=beerta.id.hex,
                area_id=beerta.id,
                fields="sort_order",
                local_values=json.dumps({"sort_order": 3}),
                server_values=json.dumps({"sort_order": 5}),
                local_by="test",
                server_by="bert",
            )
        )
    window.show_screen(CONFLICTS)
    screen = window.screens[CONFLICTS]
    assert isinstance(screen, ConflictsScreen)
    problems: list[str] = []

    def merge() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MergeDialog)
        edit = dialog.edits["sort_order"]
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, "vier")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        problems.append(dialog.problem.text())
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, "4")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, merge)
    qtbot.mouseClick(screen.merge_button, Qt.MouseButton.LeftButton)

    assert problems == ["'vier' is geen geldige waarde voor Volgorde."]
    assert said == []
    with context.read() as session:
        assert find_area(session, "Beerta").sort_order == 4
