"""Eerste keer instellen (issue 17, first run): walked by a user with keyboard and mouse."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWizard

from gebiedsapp.domain import Role
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import sync
from gebiedsapp.services.teams import (
    add_member,
    list_assignments,
    list_members,
    update_member,
)
from gebiedsapp.startup import open_database
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.first_run import SERVER_KEY, FirstRunWizard, is_fresh, offer_first_run
from support.dbfile import TEST_KEY


def _click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _next(qtbot, wizard: QWizard) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)


def _offered(qtbot, window, context: AppContext, settings: QSettings) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    wizard = offer_first_run(window, context, settings, fresh=True)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    return wizard


def _fill_me(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    _next(qtbot, wizard)  # past the welcome
    assert wizard.currentPage() is wizard.me
    qtbot.keyClicks(wizard.me.name_edit, "Anna de Vries")
    qtbot.keyClick(wizard.me.role_combo, Qt.Key.Key_Down)  # gebiedsregisseur → opbouwwerker
    _next(qtbot, wizard)


def _check_areas(qtbot, wizard: FirstRunWizard, rows: tuple[int, ...]) -> list[object]:  # type: ignore[no-untyped-def]
    listing = wizard.areas.area_list
    chosen = []
    for row in rows:
        item = listing.item(row)
        rect = listing.visualItemRect(item)
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(listing, Qt.Key.Key_Space)
        assert item.checkState() == Qt.CheckState.Checked
        chosen.append(item.data(Qt.ItemDataRole.UserRole))
    return chosen


def _nothing_in_the_team(context: AppContext) -> None:
    with context.read() as session:
        assert list_members(session) == []
        assert list_assignments(session) == []


def test_walking_it_adds_me_with_my_login_and_my_areas_in_my_role(  # type: ignore[no-untyped-def]
    qtbot, window, context: AppContext, settings: QSettings
) -> None:
    _nothing_in_the_team(context)
    wizard = _offered(qtbot, window, context, settings)
    assert "wachtwoord" in wizard.welcome.passphrase_label.text()
    _next(qtbot, wizard)
    assert "beheerder" in wizard.me.subTitle()  # said before it happens
    _click(qtbot, wizard, QWizard.WizardButton.BackButton)
    _fill_me(qtbot, wizard)
    assert wizard.currentPage() is wizard.areas
    chosen = _check_areas(qtbot, wizard, (0, 2))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.demo
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.server.server_edit, "postgresql://teamserver.oldambt.local:5432/gebied")
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    with context.read() as session:
        (member,) = list_members(session)
        assignments = list_assignments(session, member_id=member.id)
    assert (member.name, member.account, member.beheerder) == ("Anna de Vries", "test", True)
    assert sorted(a.area_id for a in assignments) == sorted(chosen)  # type: ignore[type-var]
    assert {a.role for a in assignments} == {Role.OPBOUWWERKER}
    assert {a.start_date for a in assignments} == {date.today()}
    with context.read() as session:  # one setting, shared with `gebiedsapp sync`
        assert sync.saved_server(session) == "postgresql://teamserver.oldambt.local:5432/gebied"
    assert settings.value(SERVER_KEY) is None
    assert not (context.paths.data_dir / "demo.db").exists()  # not asked for: not made


def test_demo_data_goes_into_a_separate_database_opened_beside(  # type: ignore[no-untyped-def]
    qtbot, window, context: AppContext, settings: QSettings, monkeypatch
) -> None:
    asked: list[str] = []
    started: list[tuple[str, list[str]]] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def start(program: str, arguments: list[str]) -> tuple[bool, int]:
        started.append((program, arguments))
        return True, 4242

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(start))
    wizard = _offered(qtbot, window, context, settings)
    _fill_me(qtbot, wizard)
    _next(qtbot, wizard)  # no areas
    assert "verzonnen" in wizard.demo.findChild(QLabel).text()
    qtbot.mouseClick(wizard.demo.demo_check, Qt.MouseButton.LeftButton)
    assert wizard.demo.demo_check.isChecked()
    _next(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)

    demo = context.paths.data_dir / "demo.db"
    assert str(demo) in asked[0]
    assert started == [(sys.executable, ["-m", "gebiedsapp", "--database", str(demo)])]
    with context.read() as session:  # the real database: only the wizard's own member
        assert [m.name for m in list_members(session)] == ["Anna de Vries"]
    practice = open_database(f"sqlite:///{demo}", context.paths, actor="test", key=TEST_KEY)
    try:
        with practice.database.read_session("test") as session:
            assert len(list_members(session)) > 5
    finally:
        practice.database.dispose()


def test_skipping_it_changes_nothing(qtbot, window, context: AppContext, settings) -> None:  # type: ignore[no-untyped-def]
    wizard = _offered(qtbot, window, context, settings)
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.me.name_edit, "Anna de Vries")
    assert wizard.button(QWizard.WizardButton.CancelButton).text().replace("&", "") == "Overslaan"
    _click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    _nothing_in_the_team(context)
    assert settings.value(SERVER_KEY) is None


def test_offered_on_a_fresh_database_once_and_not_at_the_next_start(  # type: ignore[no-untyped-def]
    qtbot, window, context: AppContext, settings: QSettings
) -> None:
    assert offer_first_run(window, context, settings, fresh=False) is None  # an existing database
    wizard = _offered(qtbot, window, context, settings)
    _click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # the next start
    assert offer_first_run(window, context, again, fresh=True) is None


def test_a_database_is_fresh_only_at_the_start_that_made_it(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    url = f"sqlite:///{tmp_path / 'nieuw.db'}"
    for expected in (True, False):  # the first start makes it, the second opens it
        opened = open_database(url, app_paths, actor="test", key=TEST_KEY)
        try:
            assert is_fresh(opened) is expected
        finally:
            opened.database.dispose()


def test_the_help_menu_opens_it_again_with_who_i_am_filled_in(  # type: ignore[no-untyped-def]
    qtbot, window, context: AppContext
) -> None:
    with context.database.unit_of_work("test") as session:
        me = add_member(session, name="Anna de Vries")
        update_member(
            session,
            me.id,
            name=me.name,
            organisation="",
            email="",
            phone="",
            active=True,
            account="test",
        )
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    action = next(
        a for a in menu.actions() if a.text().replace("&", "") == "Eerste keer instellen…"
    )
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FirstRunWizard))
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, FirstRunWizard)
    assert wizard.me.name_edit.text() == "Anna de Vries"
    _click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_a_bad_server_address_is_refused_in_dutch_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    qtbot, window, context: AppContext, settings: QSettings
) -> None:
    wizard = _offered(qtbot, window, context, settings)
    _fill_me(qtbot, wizard)
    _next(qtbot, wizard)  # no areas
    _next(qtbot, wizard)  # past the demo page
    for bad, said in (
        ("http://teamserver/gebied", "geen geldig adres van een teamserver"),
        ("postgresql://anna:geheim@teamserver/gebied", "geen gebruikersnaam of wachtwoord"),
    ):
        wizard.server.server_edit.clear()
        qtbot.keyClicks(wizard.server.server_edit, bad)
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        assert wizard.isVisible()
        assert wizard.currentPage() is wizard.server
        assert wizard.server.problem.isVisible()
        assert said in wizard.server.problem.text()
    assert settings.value(SERVER_KEY) is None
    with context.read() as session:
        assert sync.saved_server(session) == ""
    _nothing_in_the_team(context)


def test_an_address_an_earlier_version_kept_is_offered_and_moves_to_the_shared_setting(  # type: ignore[no-untyped-def]
    qtbot, window, context: AppContext, settings: QSettings
) -> None:
    """Before sync the wizard kept the address in QSettings; the window and `gebiedsapp sync`
    now share the database's setting: the old value is offered, and Voltooien moves it."""
    settings.setValue(SERVER_KEY, "postgresql://oud.oldambt.local/gebied")
    wizard = _offered(qtbot, window, context, settings)
    assert wizard.server.server_edit.text() == "postgresql://oud.oldambt.local/gebied"
    _fill_me(qtbot, wizard)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    with context.read() as session:
        assert sync.saved_server(session) == "postgresql://oud.oldambt.local/gebied"
    assert settings.value(SERVER_KEY) is None
