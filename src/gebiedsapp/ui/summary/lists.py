"""Samenvatting's lists (open signals, quotes, open actions, initiatives), each loaded apart
from the whole summary, on the app's pages worker: its first page (from its order cut to a
page), then, for a longer list, its whole order, then the rest a page at a time as the view
scrolls (issue 19: on ten times today's data the whole summary takes seconds, a list's first
page a fraction of that)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_lists import (
    ACTIONS,
    INITIATIVES,
    LISTS,
    OPEN_SIGNALS,
    QUOTES,
    ListOrder,
    Page,
)
from gebiedsapp.ui.background import PAGES, REST
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.summary.data import load_list, read_order, read_page
from gebiedsapp.ui.summary.models import (
    InitiativesModel,
    OpenActionsModel,
    OpenSignalsModel,
    PagedModel,
    QuotesModel,
)

log = logging.getLogger(__name__)


class SummaryLists(QObject):
    """The lists' models and their loading; the screen lays out their tables."""

    failed = Signal(object)  # the exception of a list that could not be read
    shown = Signal(str)  # a list's first page is in (its name, one of LISTS)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # the pages worker: the lists' pages never wait behind the whole summary (seconds on
        # ten times today's data) or another screen's reads on the reads worker; it is the
        # app's, so a restore waits for it too (a worker of this screen's own was forgotten)
        self.lane = context.background
        ask = self._ask_page
        self.open_signals = OpenSignalsModel(ask, self)
        self.quotes = QuotesModel(ask, self)
        self.actions = OpenActionsModel(ask, self)
        self.initiatives = InitiativesModel(ask, self)
        self.models: dict[str, PagedModel[Any]] = {
            OPEN_SIGNALS: self.open_signals,
            QUOTES: self.quotes,
            ACTIONS: self.actions,
            INITIATIVES: self.initiatives,
        }
        self.pending: set[str] = set()  # lists whose first page is not in yet
        self.ordering: set[str] = set()  # lists whose whole order is still being read

    def load(
        self,
        area_id: uuid.UUID,
        period: Period,
        *,
        today: date,
        then: Callable[[], None] = lambda: None,
    ) -> None:
        """Each list's first page, the first list (open signals, at the top) first: the pages
        worker runs them in turn. `then` runs once that first page is in (or failed): the
        screen's heavier reads wait for it, which on two cores shared with the whole summary
        took three times as long (issue 19). A newer load makes an older one's pages stale
        (and its `then` is not run)."""
        self.pending = set(LISTS)
        self.ordering = set()
        for name in LISTS:  # the last area's whole orders, still waiting: not read at all
            self.lane.forget(f"summary-order-{name}")
        first, *rest = LISTS
        self._submit(first, area_id, period, today, then=then)
        for name in rest:
            self._submit(name, area_id, period, today)

    def _submit(
        self,
        name: str,
        area_id: uuid.UUID,
        period: Period,
        today: date,
        *,
        then: Callable[[], None] = lambda: None,
    ) -> None:
        context = self.context

        def work() -> tuple[ListOrder, Page[Any]]:
            return load_list(context, area_id, period, today=today, name=name)

        def done(result: tuple[ListOrder, Page[Any]]) -> None:
            self._loaded(name, result)
            then()

        def failed(error: Exception) -> None:
            self._failed(name, error)
            then()

        self.lane.submit(
            f"summary-list-{name}", work, owner=self, on_done=done, on_error=failed,
            lane=PAGES, skippable=True,  # a newer load's makes it stale before it runs
        )  # fmt: skip

    def _read_order(self, first: ListOrder) -> None:
        """The whole order of a list longer than its first page, for the next pages: after
        the first pages of every list (the pages worker runs them in turn)."""
        context, name = self.context, first.name
        model = self.models[name]
        self.ordering.add(name)

        def done(whole: ListOrder) -> None:
            self.ordering.discard(name)
            model.set_order(first, whole)

        def failed(error: Exception) -> None:
            self.ordering.discard(name)
            log.warning("the order of a summary list was not read: %s", error)
            model.page_failed(first)

        self.lane.submit(
            f"summary-order-{name}",
            lambda: read_order(context, first),
            owner=model,
            on_done=done,
            on_error=failed,
            lane=PAGES,
            priority=REST,  # a newer load's first pages go before it
            skippable=True,
        )

    def busy(self) -> bool:
        """A list's first page or whole order is still being read."""
        return bool(self.pending or self.ordering)

    def _ask_page(self, model: PagedModel[Any], order: ListOrder, offset: int) -> None:
        """The next page of a list the view scrolled down, from the lists' worker."""
        context = self.context

        def work() -> Page[Any]:
            return read_page(context, order, offset)

        def failed(error: Exception) -> None:
            log.warning("a page of a summary list was not read: %s", error)
            model.page_failed(order)

        self.lane.submit(
            f"summary-page-{order.name}",
            work,
            owner=model,
            on_done=lambda page: model.add_page(order, page),
            on_error=failed,
            lane=PAGES,
        )

    def wait(self, msecs: int = 30_000) -> bool:
        """Until the lists' worker is idle (tests)."""
        return self.lane.wait_lane(PAGES, msecs)

    def _loaded(self, name: str, result: tuple[ListOrder, Page[Any]]) -> None:
        self.pending.discard(name)
        order, page = result
        self.models[name].set_page(order, page)
        if not order.complete:
            self._read_order(order)
        self.shown.emit(name)

    def _failed(self, name: str, error: Exception) -> None:
        self.pending.discard(name)
        self.models[name].clear()
        self.failed.emit(error)
