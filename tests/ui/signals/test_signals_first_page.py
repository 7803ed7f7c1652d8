"""Signalen shows its list's first page first (issue 19: on ten times the data Winschoten's
first rows waited ~1 s for the whole list of 62,000 signals, its counts and its map points,
after the map's shapes and a 200 ms pause): the first rows are the whole list's first rows,
the rest is appended after, and another area or filter chosen meanwhile never mixes lists.
The worker is held at a chosen read (as the map tests do) so each step can be seen."""

from __future__ import annotations

import threading
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from signal_steps import click_area, click_signal, ids, make_signal, open_screen, settle

from gebiedsapp.domain import SignalStatus
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import signals
from gebiedsapp.services.signal_views import list_signals
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS, MainWindow
from gebiedsapp.ui.signals import SignalsScreen, loading, map_reads

FIRST = 3  # the first page's length here: the test lists are a little longer
FINSTERWOLDE = reference_id("area", "finsterwolde")


class Gate:
    """Holds the worker inside `name` of `module` until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        self.started, self.release = threading.Event(), threading.Event()
        read = getattr(module, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.started.set()
            self.release.wait(10)
            return read(*args, **kwargs)

        monkeypatch.setattr(module, name, held)


@pytest.fixture
def screen(
    qtbot: Any, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> SignalsScreen:
    monkeypatch.setattr(loading, "FIRST_PAGE", FIRST, raising=False)
    today = date.today()
    for area in (FINSTERWOLDE, reference_id("area", "beerta")):
        for days in (40, 3, 12, 25, 1, 60):
            made = make_signal(context, area_id=area, reported_on=today - timedelta(days=days))
    with context.database.unit_of_work("test") as session:  # not among the Gemeld ones
        signals.transition(session, made, SignalStatus.IN_BEHANDELING, today=today)
    open_screen(qtbot, window, SIGNALS)
    shown = window.screens[SIGNALS]
    assert isinstance(shown, SignalsScreen)
    settle(qtbot, shown)
    return shown


def _whole(screen: SignalsScreen) -> list[uuid.UUID]:
    """The whole list the filters ask for now, as the service reads it."""
    with screen.context.read() as session:
        rows = list_signals(session, screen.current_filter(), today=date.today()).rows
    return [row.id for row in rows]


def _states(screen: SignalsScreen) -> list[list[uuid.UUID]]:
    """Every list the model holds from now on (after each reset or append)."""
    seen: list[list[uuid.UUID]] = []
    for signal in (screen.model.modelReset, screen.model.rowsInserted):
        signal.connect(lambda *_args: seen.append(ids(screen)))
    return seen


def test_the_first_page_shows_before_the_rest_is_read(
    qtbot: Any,
    window: MainWindow,
    screen: SignalsScreen,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(monkeypatch, map_reads, "drawable_shapes")  # the rest comes after the shapes
    seen = _states(screen)
    try:
        click_area(qtbot, window, beerta)
        qtbot.waitUntil(gate.started.is_set)
        qtbot.waitUntil(lambda: len(seen) == 1)
        whole = _whole(screen)
        assert len(whole) > FIRST
        assert ids(screen) == whole[:FIRST]  # the whole list's first rows, in its order
        assert screen.is_busy()
        assert screen.status_line.text() == "Zoeken…"
    finally:
        gate.release.set()
    settle(qtbot, screen)
    assert seen == [whole[:FIRST], whole]  # the rest appended to the first page
    assert screen.status_line.text() == f"{len(whole)} signalen"


def test_another_area_meanwhile_does_not_mix_the_lists(
    qtbot: Any,
    window: MainWindow,
    screen: SignalsScreen,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(monkeypatch, map_reads, "drawable_shapes")
    try:
        click_area(qtbot, window, beerta)
        qtbot.waitUntil(gate.started.is_set)
        qtbot.waitUntil(lambda: len(screen.model.rows) == FIRST)
        chosen = screen.model.rows[1].id
        click_signal(qtbot, screen, chosen)  # a Beerta signal in the detail
        qtbot.waitUntil(lambda: screen.detail.detail is not None)
        seen = _states(screen)
        click_area(qtbot, window, FINSTERWOLDE)  # its header waits behind Beerta's shapes
    finally:
        gate.release.set()
    settle(qtbot, screen)
    whole = _whole(screen)
    assert chosen not in whole
    assert seen == [whole[:FIRST], whole]  # nothing of Beerta's list after the click
    assert screen.detail.detail is None  # the Beerta signal left the list: not kept shown
    assert screen.status_line.text() == f"{len(whole)} signalen"


def test_another_filter_meanwhile_does_not_mix_the_lists(
    qtbot: Any,
    window: MainWindow,
    screen: SignalsScreen,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    click_area(qtbot, window, beerta)
    settle(qtbot, screen)
    gate = Gate(monkeypatch, loading, "signal_points")  # the rest's map points
    seen = _states(screen)
    try:
        screen.status_combo.setFocus()
        qtbot.keyClick(screen.status_combo, Qt.Key.Key_Down)  # (alle)
        everything = _whole(screen)
        qtbot.waitUntil(gate.started.is_set)
        qtbot.waitUntil(lambda: seen == [everything[:FIRST]])
        qtbot.keyClick(screen.status_combo, Qt.Key.Key_Down)  # Gemeld only
        qtbot.waitUntil(lambda: not screen.timer.isActive())
    finally:
        gate.release.set()
    settle(qtbot, screen)
    reported = _whole(screen)
    assert reported != everything
    assert seen == [everything[:FIRST], reported[:FIRST], reported]
    assert screen.status_line.text() == f"{len(reported)} signalen"
