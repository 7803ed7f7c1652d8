"""Issue 19: a hidden Koffiekar does not read its rounds on every area click elsewhere (on
ten times the data that froze the window for 0.3-0.6 s per click); shown again, it shows the
area chosen meanwhile and what was saved meanwhile. Clicks on the real window."""

from __future__ import annotations

import uuid
from datetime import date, time

import pytest
from pytestqt.qtbot import QtBot
from signal_steps import click_area, open_screen

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.koffiekar import SessionInput, start_session
from gebiedsapp.ui.context import KOFFIEKAR as KOFFIEKAR_CHANGES
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.main_window import KOFFIEKAR, SIGNALS, MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


def add_round(context: AppContext, area_id: uuid.UUID, place: str) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        return start_session(
            session,
            SessionInput(area_id=area_id, day=date(2026, 3, 4), start_time=time(10), place=place),
        ).id


def shown_places(screen: KoffiekarScreen) -> list[str]:
    return [row.place for row in screen.rounds_model.rows]


def test_a_hidden_koffiekar_waits_for_the_area_click_until_it_is_shown(
    qtbot: QtBot, context: AppContext, window: MainWindow, beerta: uuid.UUID
) -> None:
    with context.read() as session:
        finsterwolde = find_area(session, "Finsterwolde").id
    add_round(context, beerta, "Dorpshuis Beerta")
    add_round(context, finsterwolde, "Kerkplein Finsterwolde")
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, KOFFIEKAR)
    screen = window.screens[KOFFIEKAR]
    assert isinstance(screen, KoffiekarScreen)
    qtbot.waitUntil(lambda: shown_places(screen) == ["Dorpshuis Beerta"])

    open_screen(qtbot, window, SIGNALS)
    click_area(qtbot, window, finsterwolde)
    # hidden: nothing read for Finsterwolde yet, Beerta's rounds are still what it holds
    assert screen.area is not None
    assert screen.area.id == beerta
    assert shown_places(screen) == ["Dorpshuis Beerta"]

    open_screen(qtbot, window, KOFFIEKAR)
    qtbot.waitUntil(lambda: shown_places(screen) == ["Kerkplein Finsterwolde"])
    assert screen.area is not None
    assert screen.area.id == finsterwolde
    assert "Finsterwolde" in screen.title.text()


def test_a_round_saved_while_hidden_is_there_when_shown(
    qtbot: QtBot, context: AppContext, window: MainWindow, beerta: uuid.UUID
) -> None:
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, KOFFIEKAR)
    screen = window.screens[KOFFIEKAR]
    assert isinstance(screen, KoffiekarScreen)
    open_screen(qtbot, window, SIGNALS)
    add_round(context, beerta, "Bibliotheek Beerta")  # saved elsewhere (a sync, a colleague)
    context.hub.announce(KOFFIEKAR_CHANGES)  # as a pull or an import announces it
    assert shown_places(screen) == []  # hidden: not read on every save

    open_screen(qtbot, window, KOFFIEKAR)
    qtbot.waitUntil(lambda: shown_places(screen) == ["Bibliotheek Beerta"])
