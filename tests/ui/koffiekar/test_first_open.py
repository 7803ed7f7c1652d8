"""Issue 19: Koffiekar's first open paints before it builds the round's forms (in the next
event-loop turns). A regisseur who clicks Koffiekar and types straight away loses nothing: the
cursor lands in the summary as soon as the forms are there, and Ctrl+Enter saves."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from signal_steps import click_area, open_screen

from gebiedsapp.services.koffiekar import SessionInput, session_conversations, start_session
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.main_window import KOFFIEKAR, MainWindow
from support.clicks import CTRL, Keyboard, focused

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


def test_typing_at_once_after_the_first_open_saves_the_conversation(
    qtbot: QtBot,
    context: AppContext,
    window: MainWindow,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    with context.database.unit_of_work("test") as session:
        round_id = start_session(
            session,
            SessionInput(area_id=beerta, day=date.today(), start_time=time(10), place="Dorpshuis"),
        ).id
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, KOFFIEKAR)  # the toolbar button: the screen is made now
    screen = window.screens[KOFFIEKAR]
    assert isinstance(screen, KoffiekarScreen)
    # the user types where the cursor is: no reaching into the screen for its form, which
    # would build it at once; the cursor goes to today's round's summary by itself
    qtbot.waitUntil(
        lambda: (
            isinstance(focused(), QLineEdit)
            and screen.isAncestorOf(focused())
            and focused().isEnabled()
        )
    )
    keys = Keyboard(qtbot)
    keys.type("Bewoner vraagt naar de bushalte")
    keys.press(Qt.Key.Key_Return)  # on to the themes
    keys.type("eenz")
    keys.press(Qt.Key.Key_Return)  # Eenzaamheid
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []

    with context.read() as session:
        saved = session_conversations(session, round_id)
    assert [c.summary for c in saved] == ["Bewoner vraagt naar de bushalte"]
    assert focused() is screen.form.summary  # ready for the next one
    assert screen.form.summary.text() == ""
    window.context.background.wait()


def _form_turns(
    monkeypatch: pytest.MonkeyPatch, after_header: Callable[[], object] = lambda: None
) -> list[str]:
    """What happens as Koffiekar's forms are made: "header" and "form" as each is made, and
    "turn" when the event loop turns after the header (`after_header` runs before that)."""
    from PySide6.QtCore import QTimer

    from gebiedsapp.ui.koffiekar import forms_panel

    happened: list[str] = []
    session_form, conversation_form = forms_panel.SessionForm, forms_panel.ConversationForm

    def header(*args: object) -> object:
        made = session_form(*args)  # type: ignore[arg-type]
        happened.append("header")
        after_header()
        QTimer.singleShot(0, lambda: happened.append("turn"))  # runs when the loop turns
        return made

    def form(*args: object) -> object:
        happened.append("form")
        return conversation_form(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(forms_panel, "SessionForm", header)
    monkeypatch.setattr(forms_panel, "ConversationForm", form)
    return happened


def test_the_first_open_makes_the_header_and_the_conversation_form_in_turns_of_their_own(
    qtbot: QtBot,
    context: AppContext,
    window: MainWindow,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The round's header and the conversation form made in one turn took 70-135 ms on a
    loaded machine: each gets a turn of the event loop of its own (issue 19)."""
    happened = _form_turns(monkeypatch)
    click_area(qtbot, window, beerta)
    # the area's rounds come after the forms here (the next test: when they come sooner)
    go_on = threading.Event()
    context.background.submit(
        "held", lambda: go_on.wait(20), owner=window, on_done=_ignore, on_error=_ignore
    )
    try:
        open_screen(qtbot, window, KOFFIEKAR)  # the toolbar button: the screen is made now
        qtbot.waitUntil(lambda: len(happened) == 3)
    finally:
        go_on.set()
    assert happened == ["header", "turn", "form"]
    window.context.background.wait()


def test_the_area_read_in_before_the_forms_are_made_waits_for_them(
    qtbot: QtBot,
    context: AppContext,
    window: MainWindow,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On ten times the data the worker's read of the area came in between the header's turn
    and the form's, and showing it made every form in that one turn (110-120 ms): it waits
    for the forms' turns instead (issue 19)."""
    # the area's read is in before the loop turns: its result is queued first
    happened = _form_turns(monkeypatch, after_header=context.background.wait)
    with context.database.unit_of_work("test") as session:
        start_session(
            session,
            SessionInput(area_id=beerta, day=date.today(), start_time=time(10), place="Dorpshuis"),
        )
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, KOFFIEKAR)
    qtbot.waitUntil(lambda: len(happened) == 3)
    assert happened == ["header", "turn", "form"]
    screen = window.screens[KOFFIEKAR]
    assert isinstance(screen, KoffiekarScreen)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == beerta)
    qtbot.waitUntil(lambda: focused() is screen.form.summary)  # today's round, ready to type
    window.context.background.wait()


def _ignore(_result: object) -> None:
    """A held-back job's result: nothing to do with it."""
