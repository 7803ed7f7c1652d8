"""Samenvatting's first rows come from a list's order cut to its first page (issue 19: on ten
times the data the open signals of the whole municipality were all sorted before the first
row showed, three times the time of the first page). The whole order follows for the next
pages; the rows are those of the full summary, and a switch of area meanwhile shows only the
new area's list."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from signal_steps import click_area, open_screen

from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import area_summary
from gebiedsapp.services.summary_lists import FIRST_PAGE, PAGE, ListOrder, ListScope, Page
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SUMMARY, MainWindow
from gebiedsapp.ui.summary import data as data_module
from gebiedsapp.ui.summary.models import OpenSignalsModel, PagedModel
from gebiedsapp.ui.table_model import SampledColumns
from support.long_lists import LongLists


@pytest.fixture
def whole_orders_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Reading a list's whole order waits until the test lets it go on."""
    go_on = threading.Event()
    whole = data_module.list_order

    def waiting(*args: Any, **kwargs: Any) -> Any:
        go_on.wait(30)
        return whole(*args, **kwargs)

    monkeypatch.setattr(data_module, "list_order", waiting)
    yield go_on
    go_on.set()


def _shown(model: Any, rows: range) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in rows
    ]


def _full_open_signals(context: AppContext, screen: Any, area: uuid.UUID) -> OpenSignalsModel:
    """The full summary's open signals of `area`, in a model that shows them alike."""
    with context.read() as session:
        full = area_summary(session, [area], screen.period.period(), today=screen.today)
    reference = OpenSignalsModel(lambda _model, _order, _offset: None)
    reference.rows = list(full.open_signals)
    return reference


def _to_the_bottom(qtbot: Any, screen: Any) -> None:
    table = screen.open_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_the_first_rows_show_before_the_whole_order_and_the_next_come_after_it(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    long_lists: LongLists,
    whole_orders_held: threading.Event,
) -> None:
    click_area(qtbot, window, long_lists.area)
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    model = screen.open_model
    qtbot.waitUntil(lambda: not screen.lists.pending, timeout=20_000)
    reference = _full_open_signals(context, screen, long_lists.area)
    assert len(reference.rows) > PAGE
    assert screen.lists.ordering  # the whole orders are held back: the first pages came first
    assert model.rowCount() == FIRST_PAGE
    assert _shown(model, range(FIRST_PAGE)) == _shown(reference, range(FIRST_PAGE))
    assert not model.canFetchMore(model.index(-1, -1))  # the next pages wait for the order

    whole_orders_held.set()
    qtbot.waitUntil(lambda: not screen.lists.busy(), timeout=20_000)
    assert model.total == len(reference.rows)
    _to_the_bottom(qtbot, screen)
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE, timeout=10_000)
    shown = model.rowCount()
    assert shown == min(FIRST_PAGE + PAGE, len(reference.rows))
    assert _shown(model, range(shown)) == _shown(reference, range(shown))


def test_a_switch_of_area_while_the_whole_order_is_read_shows_only_the_new_list(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    long_lists: LongLists,
    whole_orders_held: threading.Event,
) -> None:
    click_area(qtbot, window, long_lists.area)
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    model = screen.open_model
    qtbot.waitUntil(lambda: not screen.lists.pending, timeout=20_000)
    assert screen.lists.ordering  # Midwolda's whole order is being read
    with context.read() as session:
        municipality = next(node.id for node in area_tree(session) if node.parent_id is None)
    click_area(qtbot, window, municipality)  # meanwhile
    whole_orders_held.set()
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=30_000)
    reference = _full_open_signals(context, screen, municipality)
    assert len(reference.rows) > PAGE
    assert model.total == len(reference.rows)
    _to_the_bottom(qtbot, screen)
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE, timeout=10_000)
    shown = model.rowCount()
    assert _shown(model, range(shown)) == _shown(reference, range(shown))


def _order(ids: range, *, complete: bool = True) -> ListOrder:
    scope = ListScope(None, Period.year(2024), date(2024, 12, 20))
    return ListOrder("open_signals", scope, tuple(ids), complete=complete)


def test_a_whole_order_that_no_longer_starts_with_the_first_page_shows_the_list_again(
    qtmodeltester: Any,
) -> None:
    """The records changed between the first page's read and the whole order's: the list
    shows again from the whole order's start, so no row is shown twice or left out."""
    asked: list[tuple[ListOrder, int]] = []
    model = OpenSignalsModel(lambda _model, order, offset: asked.append((order, offset)))
    first = _order(range(3), complete=False)
    model.set_page(first, Page(("a", "b", "c"), 0, 3, 3))
    assert not model.canFetchMore(model.index(-1, -1))

    same_start = _order(range(10))
    model.set_order(first, same_start)
    assert model.rows == ["a", "b", "c"]
    assert model.order is same_start
    assert model.canFetchMore(model.index(-1, -1))

    model.set_page(first, Page(("a", "b", "c"), 0, 3, 3))
    other_start = _order(range(1, 10))  # the first record was closed meanwhile
    model.set_order(first, other_start)
    assert model.rows == []
    assert asked == [(other_start, 0)]  # the whole order's first page is asked for
    model.set_order(first, same_start)  # an older whole order: dropped
    assert model.order is other_start
    qtmodeltester.check(model)


def test_a_view_scrolled_to_the_end_before_the_whole_order_gets_the_next_page(
    qtbot: Any,
    window: MainWindow,
    long_lists: LongLists,
    whole_orders_held: threading.Event,
) -> None:
    """At the end of the first page before the whole order is in, the user presses nothing
    more: the next page comes once the order is in."""
    click_area(qtbot, window, long_lists.area)
    open_screen(qtbot, window, SUMMARY)
    screen = window.screens[SUMMARY]
    model = screen.open_model
    qtbot.waitUntil(lambda: not screen.lists.pending, timeout=20_000)
    bar = screen.open_table.verticalScrollBar()
    qtbot.keyClick(bar, Qt.Key.Key_End)  # the scroll bar to its end
    assert bar.value() == bar.maximum() > 0
    assert model.rowCount() == FIRST_PAGE  # the next pages wait for the whole order
    whole_orders_held.set()
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE, timeout=10_000)


def test_a_switch_of_area_reads_no_more_whole_orders_of_the_last_area(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    long_lists: LongLists,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last area's whole orders still waiting when another area is clicked are not read:
    the new area's first pages went behind every one of them (review)."""
    go_on, running = threading.Event(), threading.Event()
    whole = data_module.list_order
    read: list[tuple[object, str]] = []

    def noted(session: Any, scope: ListScope, name: str) -> Any:
        read.append((scope.area_ids, name))
        running.set()
        go_on.wait(30)
        return whole(session, scope, name)

    monkeypatch.setattr(data_module, "list_order", noted)
    try:
        click_area(qtbot, window, long_lists.area)
        open_screen(qtbot, window, SUMMARY)
        screen = window.screens[SUMMARY]
        qtbot.waitUntil(lambda: not screen.lists.pending, timeout=20_000)
        qtbot.waitUntil(running.is_set)  # one whole order is read; the others wait
        assert len(screen.lists.ordering) > 1
        with context.read() as session:
            municipality = next(n.id for n in area_tree(session) if n.parent_id is None)
        click_area(qtbot, window, municipality)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=30_000)
    context.background.wait()
    of_the_last = [name for ids, name in read if ids is not None]  # None: every area
    assert len(of_the_last) == 1, read  # the one already under way, no other
    assert screen.open_model.total > PAGE  # the new area's list, whole


class _Texts(PagedModel[str]):
    headers = ("Tekst", "Rest")

    def cell(self, row: str, column: int, role: int) -> Any:
        return row if role == Qt.ItemDataRole.DisplayRole and column == 0 else None


def test_columns_are_measured_again_when_a_list_shown_again_fills_page_by_page(
    qtbot: Any,
) -> None:
    """A list emptied by a whole order that no longer starts with its first page, then filled
    by its first page again: the columns had kept their headers' width (review)."""
    model = _Texts(lambda _model, _order, _offset: None)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    SampledColumns(view)
    text = "een heel lange categorie met veel tekst erin"
    first = _order(range(3), complete=False)
    model.set_page(first, Page((text,) * 3, 0, 3, 3))
    wide = view.horizontalHeader().sectionSize(0)
    other_start = _order(range(1, 10))
    model.set_order(first, other_start)  # emptied: only the header measured
    assert view.horizontalHeader().sectionSize(0) < wide
    model.add_page(other_start, Page((text,) * 4, 0, 4, 4))
    assert view.horizontalHeader().sectionSize(0) == wide
