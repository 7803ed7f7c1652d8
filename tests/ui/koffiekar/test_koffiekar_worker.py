"""Koffiekar does not read an area's rounds on the GUI thread (issue 19: on ten times the data
an area click held the window 110-180 ms, a Ctrl+Enter 60-110 ms): an area click reads the
area on the worker and leaves the cursor where the user clicked; a saved conversation counts
in its round's row at once, the area's other rounds are read again on the worker. Clicks and
keys on the real window."""

from __future__ import annotations

import threading
import uuid
from datetime import date, timedelta
from datetime import time as clock
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from signal_steps import click_area, open_screen
from sqlalchemy import event

from gebiedsapp.services.koffiekar import SessionInput, start_session
from gebiedsapp.ui.context import KOFFIEKAR as KOFFIEKAR_CHANGES
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.main_window import KOFFIEKAR, MainWindow
from support.clicks import CTRL, Keyboard, click, click_row, focused


def _statements(context: AppContext) -> list[tuple[str, bool]]:
    """Every statement run from now on, and whether the GUI thread ran it."""
    seen: list[tuple[str, bool]] = []

    def record(*args: Any) -> None:
        seen.append((str(args[2]), threading.current_thread() is threading.main_thread()))

    event.listen(context.database.engine, "before_cursor_execute", record)
    return seen


def _rounds_lists(seen: list[tuple[str, bool]]) -> list[bool]:
    """Per read of an area's rounds list (its rounds with their counts): on the GUI thread?"""
    return [
        on_gui
        for statement, on_gui in seen
        if "FROM koffiekar_session" in statement
        and "count(conversation.id)" in statement
        and "koffiekar_session.area_id IN" in statement
    ]


def _round(context: AppContext, area_id: uuid.UUID, day: date, place: str) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        data = SessionInput(area_id=area_id, day=day, start_time=clock(10), place=place)
        return start_session(session, data).id


def _koffiekar(qtbot: Any, window: MainWindow, context: AppContext) -> KoffiekarScreen:
    open_screen(qtbot, window, KOFFIEKAR)
    screen = window.screens[KOFFIEKAR]
    assert isinstance(screen, KoffiekarScreen)
    qtbot.waitUntil(lambda: screen._forms is not None)
    qtbot.waitUntil(lambda: not context.background.busy())
    return screen


def _places(screen: KoffiekarScreen) -> list[str]:
    model = screen.rounds_model
    return [model.index(row, model.COL_PLACE).data() for row in range(model.rowCount())]


def test_an_area_click_reads_the_rounds_on_the_worker_and_leaves_the_cursor_in_the_tree(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    _round(context, beerta, date.today() - timedelta(days=7), "Kerk")
    _round(context, beerta, date.today(), "Dorpsplein")
    screen = _koffiekar(qtbot, window, context)
    seen = _statements(context)

    click_area(qtbot, window, beerta)

    qtbot.waitUntil(lambda: _places(screen) == ["Dorpsplein", "Kerk"])
    qtbot.waitUntil(lambda: not context.background.busy())
    assert _rounds_lists(seen) == [False]  # read once, on the worker
    assert screen.title.text() == "Koffiekar · Beerta"
    assert screen.session_form.place.text() == "Dorpsplein"  # today's round opened
    assert focused() is window.navigator.tree  # the arrow keys go on through the areas


def _counts(screen: KoffiekarScreen) -> list[str]:
    model = screen.rounds_model
    return [model.index(row, model.COL_CONVERSATIONS).data() for row in range(model.rowCount())]


def _open_today(qtbot: Any, window: MainWindow, context: AppContext, area: uuid.UUID) -> Any:
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, area)
    qtbot.waitUntil(lambda: _places(screen) == ["Dorpsplein", "Kerk"])
    qtbot.waitUntil(lambda: not context.background.busy())
    click_row(qtbot, screen.rounds, 0)  # today's round
    click(qtbot, screen.form.summary)
    return screen


def _type_conversation(keys: Keyboard, summary: str) -> None:
    """The summary, Tab, a theme taken from its first letters, as at the cart."""
    keys.type(summary)
    keys.press(Qt.Key.Key_Tab)
    keys.type("eenz")
    keys.press(Qt.Key.Key_Return)


def test_ctrl_enter_counts_the_conversation_in_its_row_and_reads_the_others_on_the_worker(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    _round(context, beerta, date.today() - timedelta(days=7), "Kerk")
    today = _round(context, beerta, date.today(), "Dorpsplein")
    screen = _open_today(qtbot, window, context, beerta)
    assert screen.round_id == today
    assert _counts(screen) == ["0", "0"]
    keys = Keyboard(qtbot)
    seen = _statements(context)

    _type_conversation(keys, "Bewoner vraagt naar de bushalte")
    keys.press(Qt.Key.Key_Return, CTRL)

    assert messages == []
    assert _counts(screen) == ["1", "0"]  # at once, not when the worker is done
    assert _rounds_lists(seen) in ([], [False])  # not on the GUI thread
    qtbot.waitUntil(lambda: not context.background.busy())
    assert _rounds_lists(seen) == [False]  # the others read again, on the worker
    assert _counts(screen) == ["1", "0"]
    assert screen.rounds.currentIndex().row() == 0  # today's round stays chosen
    assert focused() is screen.form.summary  # ready for the next resident
    # the window manager's part: on the offscreen platform the theme choice's hidden popup
    # stays the active window once the event loop has run, and takes the next Tab (main
    # too); the window in front again, the user clicks where the next summary goes
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    click(qtbot, screen.form.summary)
    _type_conversation(keys, "Nog een")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert _counts(screen) == ["2", "0"]
    assert screen.conversation_list.model.rowCount() == 2


def test_a_round_written_elsewhere_comes_in_the_list_and_the_typing_goes_on(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    _round(context, beerta, date.today() - timedelta(days=7), "Kerk")
    today = _round(context, beerta, date.today(), "Dorpsplein")
    screen = _open_today(qtbot, window, context, beerta)
    keys = Keyboard(qtbot)
    keys.type("Bewoner over de")

    # a colleague's round, brought by a sync (announced as the sync announces its changes)
    _round(context, beerta, date.today() - timedelta(days=3), "Bij de school")
    context.hub.announce(KOFFIEKAR_CHANGES)

    qtbot.waitUntil(lambda: _places(screen) == ["Dorpsplein", "Bij de school", "Kerk"])
    assert screen.round_id == today
    assert screen.rounds.currentIndex().row() == 0
    keys.type(" bushalte")
    assert screen.form.summary.text() == "Bewoner over de bushalte"


def test_a_change_while_the_area_is_read_is_read_too_and_the_cursor_stays_in_the_tree(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    _round(context, beerta, date.today(), "Dorpsplein")
    screen = _koffiekar(qtbot, window, context)
    seen = _statements(context)

    click_area(qtbot, window, beerta)
    _round(context, beerta, date.today() - timedelta(days=2), "Bij de school")  # a sync, say
    context.hub.announce(KOFFIEKAR_CHANGES)  # before the worker's read is in

    qtbot.waitUntil(lambda: _places(screen) == ["Dorpsplein", "Bij de school"])
    qtbot.waitUntil(lambda: not context.background.busy())
    assert _rounds_lists(seen) == [False, False]  # read again for the change, on the worker
    assert focused() is window.navigator.tree
