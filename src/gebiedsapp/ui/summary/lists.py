"""Samenvatting's lists (open signals, quotes, open actions, initiatives), each loaded apart
from the whole summary: its order and first page on the worker, before the summary's charts,
the rest a page at a time as the view scrolls (issue 19: on ten times today's data the
whole summary takes seconds, a list's first page a fraction of that)."""

from __future__ import annotations

import logging
import uuid
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
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.summary.data import load_list, read_page
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

        def read(order: ListOrder, offset: int) -> Page[Any]:
            return read_page(context, order, offset)

        self.open_signals = OpenSignalsModel(read, self)
        self.quotes = QuotesModel(read, self)
        self.actions = OpenActionsModel(read, self)
        self.initiatives = InitiativesModel(read, self)
        self.models: dict[str, PagedModel[Any]] = {
            OPEN_SIGNALS: self.open_signals,
            QUOTES: self.quotes,
            ACTIONS: self.actions,
            INITIATIVES: self.initiatives,
        }
        self.pending: set[str] = set()

    def load(self, area_id: uuid.UUID, period: Period, *, today: date) -> None:
        """Each list's first page, the first list first (the reads worker runs them in turn;
        a newer load makes an older one's pages stale)."""
        self.pending = set(LISTS)
        for name in LISTS:
            self._submit(name, area_id, period, today)

    def _submit(self, name: str, area_id: uuid.UUID, period: Period, today: date) -> None:
        context = self.context

        def work() -> tuple[ListOrder, Page[Any]]:
            return load_list(context, area_id, period, today=today, name=name)

        def done(result: tuple[ListOrder, Page[Any]]) -> None:
            self._loaded(name, result)

        def failed(error: Exception) -> None:
            self._failed(name, error)

        context.background.submit(
            f"summary-list-{name}", work, owner=self, on_done=done, on_error=failed
        )

    def _loaded(self, name: str, result: tuple[ListOrder, Page[Any]]) -> None:
        self.pending.discard(name)
        order, page = result
        self.models[name].set_page(order, page)
        self.shown.emit(name)

    def _failed(self, name: str, error: Exception) -> None:
        self.pending.discard(name)
        self.models[name].clear()
        self.failed.emit(error)
