"""Samenvatting's lists come from the database a page at a time (issue 19: on ten times the data
Winschoten's year has thousands of open signals, and the whole summary took seconds to build
before any row showed). The first page of each list shows while the summary's charts are still
being computed; scrolling down brings the next page, the very rows of the full summary."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from signal_steps import click_area, open_screen

from gebiedsapp.services.summary import area_summary
from gebiedsapp.services.summary_lists import FIRST_PAGE, OPEN_SIGNALS, PAGE
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SUMMARY, MainWindow
from gebiedsapp.ui.summary import lists as lists_module
from gebiedsapp.ui.summary import screen as screen_module
from support.long_lists import LongLists


@pytest.fixture
def held_back(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The whole summary waits until the test lets it go on (the one reads worker waits with
    it: the lists asked for before it come first)."""
    go_on = threading.Event()
    whole = screen_module.load_dashboard

    def waiting(*args: Any, **kwargs: Any) -> Any:
        go_on.wait(30)
        return whole(*args, **kwargs)

    monkeypatch.setattr(screen_module, "load_dashboard", waiting)
    yield go_on
    go_on.set()


def _shown(model: Any, rows: range) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in rows
    ]


def test_the_lists_show_a_page_before_the_summary_and_the_next_on_scrolling(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    long_lists: LongLists,
    held_back: threading.Event,
    qtmodeltester: Any,
) -> None:
    window.resize(1366, 768)  # a regisseur's laptop
    click_area(qtbot, window, long_lists.area)
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    model = screen.open_model
    # the first pages, and the whole orders of the lists longer than a page
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not screen.lists.busy(), timeout=20_000)
    quotes = screen.quotes_table.horizontalHeader()  # the quote is wider than where it was said
    # (its stretched width comes with the table's next layout, a posted event under load)
    qtbot.waitUntil(lambda: quotes.sectionSize(0) > quotes.sectionSize(2), timeout=5_000)
    assert screen.data is None  # the whole summary is still held back: the lists came first
    period = screen.period.period()  # this quarter: the signals and actions still open count
    with context.read() as session:
        full = area_summary(session, [long_lists.area], period, today=screen.today)
    reference = type(model)(lambda _order, _offset: None)  # shows the full list's rows alike
    reference.rows = list(full.open_signals)
    assert len(full.open_signals) > PAGE
    assert model.rowCount() == FIRST_PAGE
    assert model.total == len(full.open_signals)
    assert _shown(model, range(FIRST_PAGE)) == _shown(reference, range(FIRST_PAGE))
    actions = screen.actions_model
    assert len(full.open_action_list) > PAGE
    assert actions.rows == list(full.open_action_list[:FIRST_PAGE])

    table = screen.open_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the bottom
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE, timeout=5_000)
    shown = model.rowCount()
    assert shown == min(FIRST_PAGE + PAGE, len(full.open_signals))
    assert _shown(model, range(FIRST_PAGE, shown)) == _shown(reference, range(FIRST_PAGE, shown))
    qtmodeltester.check(model)

    held_back.set()
    qtbot.waitUntil(lambda: screen.data is not None and not screen.is_busy(), timeout=30_000)
    assert model.rowCount() == shown  # the whole summary leaves the lists as they are
    assert screen.data is not None
    assert model.rows == list(screen.data.summary.open_signals[:shown])


def test_the_open_signals_first_page_is_read_before_the_figures(
    qtbot: Any, window: MainWindow, long_lists: LongLists, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On two cores the key figures' counts beside the open signals' order made that order
    take three times as long (10x data, issue 19): the figures wait until its page is in."""
    calls: list[str] = []
    figures_started = threading.Event()
    real_list, real_figures = lists_module.load_list, screen_module.load_first_figures

    def first_list(*args: Any, **kwargs: Any) -> Any:
        if kwargs["name"] == OPEN_SIGNALS:
            figures_started.wait(1.0)  # before issue 19 the figures' counts started meanwhile
            calls.append("open signals read")
        return real_list(*args, **kwargs)

    def figures(*args: Any, **kwargs: Any) -> Any:
        calls.append("figures started")
        figures_started.set()
        return real_figures(*args, **kwargs)

    monkeypatch.setattr(lists_module, "load_list", first_list)
    monkeypatch.setattr(screen_module, "load_first_figures", figures)
    click_area(qtbot, window, long_lists.area)
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    qtbot.waitUntil(lambda: screen.data is not None and not screen.is_busy(), timeout=20_000)
    assert calls[:2] == ["open signals read", "figures started"]
    assert screen.open_model.rowCount() == FIRST_PAGE


def test_the_lists_kept_while_shown_give_the_garbage_collector_nothing_to_walk(
    qtbot: Any, window: MainWindow, long_lists: LongLists
) -> None:
    """Each list's order (its records' ids, thousands for the municipality on ten times the
    data) lives as long as the screen shows it: as UUID objects every collection of the GUI
    thread walked them, a young one over 100 ms (issue 19). As ints they drop out of the
    collector's sight at its first look, and the tuple holding them with them."""
    click_area(qtbot, window, long_lists.area)
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    qtbot.waitUntil(lambda: not screen.lists.busy(), timeout=20_000)  # the whole orders too
    # the window's warm-up ends by freezing what exists (ui.gc_guard.freeze_start_up): when it
    # ends after the lists came (a loaded machine), a frozen order is never looked at again,
    # walked by no collection either; thawed, the collector's first look must untrack it
    gc.unfreeze()
    gc.collect()
    orders = [model.order for model in screen.lists.models.values()]
    for order in orders:
        assert order is not None
        assert not gc.is_tracked(order.ids), order.name
    assert len(screen.open_model.order.ids) > PAGE  # the long list: pages still come
    table = screen.open_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.open_model.rowCount() > FIRST_PAGE, timeout=20_000)
