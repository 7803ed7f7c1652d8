"""Synchroniseren in the window without a server at hand (issue 16): no server set says where
to set it, the status bar counts move after a save, the address is kept in Beheer where the CLI
reads it too, and the background attempt stays quiet when it cannot sync."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolButton

from gebiedsapp.services import sync
from gebiedsapp.ui.admin import AdminScreen
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import ADMIN, MainWindow
from gebiedsapp.ui.sync import controller
from gebiedsapp.ui.sync.controller import Outcome

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
