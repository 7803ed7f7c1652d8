"""The contract between the main window and its screens (ui.screen.Screen), issue 20 item 3:
every screen the window builds keeps it, mypy checks it, and the window no longer probes."""

from __future__ import annotations

import ast
import inspect
import typing
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gebiedsapp.services.areas import find_area
from gebiedsapp.ui import main_window as main_window_module
from gebiedsapp.ui import window_screens
from gebiedsapp.ui.main_window import (
    ACTIONS,
    ACTIVITIES,
    ADMIN,
    AREA,
    CONFLICTS,
    CONTACTS,
    INITIATIVES,
    KOFFIEKAR,
    LISTS,
    SCREEN_KEYS,
    SIGNALS,
    SUMMARY,
    TEAM_OVERVIEW,
    MainWindow,
)
from gebiedsapp.ui.screen import Screen, ScreenDefaults
from ui.test_main_window import click_area

SHORTCUTS = {
    AREA: Qt.Key.Key_1,
    KOFFIEKAR: Qt.Key.Key_2,
    CONTACTS: Qt.Key.Key_3,
    SIGNALS: Qt.Key.Key_4,
    INITIATIVES: Qt.Key.Key_5,
    SUMMARY: Qt.Key.Key_6,
    ACTIONS: Qt.Key.Key_7,
    LISTS: Qt.Key.Key_8,
    TEAM_OVERVIEW: Qt.Key.Key_9,
    ADMIN: Qt.Key.Key_0,
    CONFLICTS: Qt.Key.Key_C,  # with Shift: Ctrl+1..0 are taken
    ACTIVITIES: Qt.Key.Key_A,
}
CTRL = Qt.KeyboardModifier.ControlModifier
MODIFIERS = {
    CONFLICTS: CTRL | Qt.KeyboardModifier.ShiftModifier,
    ACTIVITIES: CTRL | Qt.KeyboardModifier.ShiftModifier,
}
FOLLOW_THE_AREA = {AREA, KOFFIEKAR, CONTACTS, SIGNALS, INITIATIVES, SUMMARY, LISTS, ACTIVITIES}


def test_every_screen_the_window_builds_keeps_the_contract(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert set(SHORTCUTS) == set(SCREEN_KEYS)
    for key in SCREEN_KEYS:
        qtbot.keyClick(window, SHORTCUTS[key], MODIFIERS.get(key, CTRL))
        assert window.stack.currentWidget() is window.screens[key]
    window.context.background.wait()
    assert set(window.screens) == set(SCREEN_KEYS)
    for key, screen in window.screens.items():
        assert isinstance(screen, Screen), key
        assert isinstance(screen, QWidget), key
        assert screen.follows_area is (key in FOLLOW_THE_AREA), key
        assert screen.may_close(), key  # nothing typed: every screen lets the window close


def test_mypy_checks_every_screen_against_the_contract() -> None:
    """`_create` (and window_screens.create_screen that builds them) returns a Screen, so mypy
    (part of the checks) rejects a screen class that misses a part of it; and the window asks
    the contract instead of probing with getattr."""
    hints = typing.get_type_hints(MainWindow._create, vars(main_window_module))
    assert hints["return"] is Screen
    names = {**vars(window_screens), "MainWindow": MainWindow}
    hints = typing.get_type_hints(window_screens.create_screen, names)
    assert hints["return"] is Screen
    for module in (main_window_module, window_screens):
        tree = ast.parse(inspect.getsource(module))
        probes = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "hasattr"}
        ]
        assert probes == [], f"{module.__name__} probes screens at lines {probes}"


def test_a_widget_without_the_contract_is_not_a_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    class Plain(QWidget):
        pass

    class Kept(ScreenDefaults, QWidget):
        pass

    plain, kept = Plain(), Kept()
    qtbot.addWidget(plain)
    qtbot.addWidget(kept)
    assert not isinstance(plain, Screen)
    assert isinstance(kept, Screen)
    assert not kept.follows_area
    assert kept.may_close()


def _area(context, name: str) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with context.read() as session:
        return find_area(session, name).id


def test_choosing_an_area_keeps_a_screen_that_follows_it_and_leaves_one_that_does_not(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, context
) -> None:
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Contacten
    click_area(window, qtbot, "Beerta")
    contacts = window.screens[CONTACTS]
    assert window.stack.currentWidget() is contacts
    assert contacts.area_id == _area(context, "Beerta")  # type: ignore[attr-defined]

    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # Mijn acties
    click_area(window, qtbot, "Scheemda")
    assert window.stack.currentWidget() is window.area_page
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Scheemda")
    assert contacts.area_id == _area(context, "Scheemda")  # type: ignore[attr-defined]
    window.context.background.wait()


SHARED = (
    "set_area",
    "showEvent",
    "reload_list",
    "_on_list_failed",
    "_ensure_loaded",
    "_update_mode",
    "leave_form",
    "_on_activated",
)


def test_list_and_form_screens_share_one_helper_instead_of_copies() -> None:
    from gebiedsapp.ui.activities import ActivitiesScreen
    from gebiedsapp.ui.contacts import ContactsScreen
    from gebiedsapp.ui.initiatives import InitiativesScreen
    from gebiedsapp.ui.list_form import DraftListFormScreen, ListFormScreen

    for screen_class in (ContactsScreen, InitiativesScreen, ActivitiesScreen):
        assert issubclass(screen_class, ListFormScreen)
        copies = [name for name in SHARED if name in vars(screen_class)]
        assert copies == [], f"{screen_class.__name__} has its own {copies}"
    for screen_class in (ContactsScreen, ActivitiesScreen):  # their forms keep drafts
        assert issubclass(screen_class, DraftListFormScreen)
        copies = [name for name in ("_reset_form", "_is_dirty") if name in vars(screen_class)]
        assert copies == [], f"{screen_class.__name__} has its own {copies}"


def test_a_hidden_list_misses_a_change_and_loads_it_when_shown(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, context
) -> None:
    """The helper's showEvent: a change while the screen is hidden loads on showing it."""
    from datetime import date

    from gebiedsapp.services.initiatives import InitiativeInput, create_initiative
    from gebiedsapp.ui.context import INITIATIVES as CHANGED_INITIATIVES

    window.show()
    qtbot.waitExposed(window)
    click_area(window, qtbot, "Beerta")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Initiatieven
    screen = window.screens[INITIATIVES]
    qtbot.waitUntil(
        lambda: screen.model.rowCount() == 0 and "laden" not in screen.list_label.text()
    )  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Gebied

    data = InitiativeInput(
        area_id=_area(context, "Beerta"), title="Moestuin", started_on=date.today()
    )
    context.perform(
        None,
        lambda s: create_initiative(s, data, today=date.today()).id,
        changes=(CHANGED_INITIATIVES,),
    )
    assert screen.list_state.stale  # type: ignore[attr-defined]
    assert screen.model.rowCount() == 0  # type: ignore[attr-defined]

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)  # type: ignore[attr-defined]
    assert screen.list_label.text() == "1 lopend initiatief"  # type: ignore[attr-defined]
    window.context.background.wait()
