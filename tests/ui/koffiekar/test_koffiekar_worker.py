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

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication
from signal_steps import click_area, open_screen
from sqlalchemy import event

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.koffiekar import SessionInput, start_session
from gebiedsapp.ui.context import KOFFIEKAR as KOFFIEKAR_CHANGES
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.main_window import AREA, KOFFIEKAR, MainWindow
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
        and "koffiekar_session.id =" not in statement  # one round's row: not the list
    ]


def _round(
    context: AppContext, area_id: uuid.UUID, day: date, place: str, at: int = 10
) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        data = SessionInput(area_id=area_id, day=day, start_time=clock(at), place=place)
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


# ---- the user acts while the area is being read (the reads worker held, as on 10x) -------


def _area(context: AppContext, name: str) -> uuid.UUID:
    with context.read() as session:
        return find_area(session, name).id


_owner = QObject()


def _block_worker(context: AppContext) -> threading.Event:
    """The reads worker busy (as with ten times the data, or the area page's reads first)."""
    go, started = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        go.wait(20)

    context.background.submit(
        "test-block", work, owner=_owner, on_done=lambda _r: None, on_error=lambda _e: None
    )
    started.wait(5)
    return go


def test_a_second_area_chosen_on_another_screen_is_not_undone(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    scheemda, finsterwolde = _area(context, "Scheemda"), _area(context, "Finsterwolde")
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == beerta)
    qtbot.waitUntil(lambda: not context.background.busy())

    go = _block_worker(context)
    click_area(qtbot, window, scheemda)  # on Koffiekar: read on the worker
    open_screen(qtbot, window, AREA)  # Ctrl+1 / toolbar
    click_area(qtbot, window, finsterwolde)  # the area the user wants
    assert window.navigator.current_area() == finsterwolde
    go.set()
    qtbot.waitUntil(lambda: not context.background.busy())
    assert window.navigator.current_area() == finsterwolde  # not jumped back to Scheemda


def test_typing_right_after_an_area_click_stays_in_front_of_the_user(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    scheemda = _area(context, "Scheemda")
    _round(context, beerta, date.today(), "Dorpsplein")
    _round(context, scheemda, date.today(), "Bij de kerk")
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: _places(screen) == ["Dorpsplein"])
    qtbot.waitUntil(lambda: not context.background.busy())

    go = _block_worker(context)
    click_area(qtbot, window, scheemda)
    click(qtbot, screen.form.summary)  # the user clicks where the summary goes and types
    Keyboard(qtbot).type("Bewoner vraagt")
    go.set()
    qtbot.waitUntil(lambda: not context.background.busy())
    assert screen.area is not None
    assert screen.area.id == scheemda
    assert screen.form.summary.text() == "Bewoner vraagt"  # vanished: kept as Beerta's draft


def test_ctrl_n_right_after_an_area_click_starts_the_round_there(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID, messages: list[str]
) -> None:
    scheemda = _area(context, "Scheemda")
    _round(context, scheemda, date.today() - timedelta(days=1), "Bij de kerk")
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == beerta)
    qtbot.waitUntil(lambda: not context.background.busy())

    go = _block_worker(context)
    click_area(qtbot, window, scheemda)
    Keyboard(qtbot).press(Qt.Key.Key_N, CTRL)
    go.set()
    qtbot.waitUntil(lambda: not context.background.busy())
    assert messages == []
    assert screen.area is not None
    assert screen.area.id == scheemda
    assert window.navigator.current_area() == scheemda
    assert len(_places(screen)) == 2
    assert screen.rounds.currentIndex().row() == 0
    assert screen.rounds_model.rows[0].id == screen.round_id
    assert focused() is screen.form.summary


def test_ctrl_n_with_a_later_round_today_ends_in_date_order_and_keeps_the_new_round(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID, messages: list[str]
) -> None:
    _round(context, beerta, date.today(), "Avondronde", at=23)
    _round(context, beerta, date.today() - timedelta(days=1), "Gisteren")
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == beerta)
    qtbot.waitUntil(lambda: not context.background.busy())
    Keyboard(qtbot).press(Qt.Key.Key_N, CTRL)
    new = screen.round_id
    qtbot.waitUntil(lambda: not context.background.busy())
    assert [r.id for r in screen.rounds_model.rows].index(new) == 1
    assert screen.rounds.currentIndex().row() == 1
    assert screen.round_id == new


def test_restored_new_round_started_with_ctrl_s_while_reads_wait(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    from gebiedsapp.domain import DraftKind
    from gebiedsapp.services.drafts import save_draft
    from gebiedsapp.ui.recovery import RecoveryDialog, pending_drafts

    scheemda = _area(context, "Scheemda")
    _round(context, beerta, date.today(), "Dorpsplein", at=9)
    with context.database.unit_of_work("test") as session:
        save_draft(
            session,
            draft_id=None,
            kind=DraftKind.SESSION,
            payload={
                "area_id": str(beerta),
                "day": date.today().isoformat(),
                "place": "bij de bushalte",
                "staff_ids": [],
                "start_time": "11:00:00",
            },
        )
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, scheemda)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == scheemda)
    qtbot.waitUntil(lambda: not context.background.busy())
    dialog = RecoveryDialog(context, pending_drafts(context), window)
    qtbot.addWidget(dialog)
    dialog.restore_requested.connect(screen.restore_draft)
    with qtbot.waitExposed(dialog):
        dialog.show()
    go = _block_worker(context)
    click(qtbot, dialog.restore_buttons[0])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert screen.area is not None
    assert screen.area.id == beerta
    Keyboard(qtbot).press(Qt.Key.Key_S, CTRL)
    new = screen.round_id
    assert new is not None
    assert _places(screen) == ["bij de bushalte", "Dorpsplein"]
    go.set()
    qtbot.waitUntil(lambda: not context.background.busy())
    assert screen.round_id == new
    assert _places(screen) == ["bij de bushalte", "Dorpsplein"]
    assert screen.rounds.currentIndex().row() == 0
    assert window.navigator.current_area() == beerta


def test_arrowing_through_the_tree_reads_only_the_last_area(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    screen = _koffiekar(qtbot, window, context)
    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == beerta)
    qtbot.waitUntil(lambda: not context.background.busy())
    seen = _statements(context)
    go = _block_worker(context)
    for _ in range(5):
        qtbot.keyClick(window.navigator.tree, Qt.Key.Key_Down)
    last = window.navigator.current_area()
    assert last != beerta
    go.set()
    qtbot.waitUntil(lambda: not context.background.busy())
    assert screen.area is not None
    assert screen.area.id == last
    assert _rounds_lists(seen) == [False]  # the last area's only, on the worker
