"""The koffiekar screen's list of an area's rounds: filled from a read, a round just written
put in place at once, and the whole list read again on the worker (issue 19: reading every
round of an area on the GUI thread held the window 60-110 ms per Ctrl+Enter on ten times the
data). Mixed into KoffiekarScreen, which builds the list."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.lists import SessionRow
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar.area_reads import area_rounds
from gebiedsapp.ui.koffiekar.models import RoundListModel

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object

log = logging.getLogger(__name__)


class RoundsList(_Widget):
    """Mix in before QWidget; the screen makes `rounds` and `rounds_model`."""

    context: AppContext
    area: AreaNode | None
    round_id: uuid.UUID | None
    rounds: QTableView
    rounds_model: RoundListModel
    _refreshing: bool  # the list's selection is being set: not the user's choice

    def _reload_rounds_later(self) -> None:
        """The area's rounds read again on the worker (a sync or another screen may have
        changed any of them); the list is only refilled when they differ from it."""
        if self.area is None:
            return
        area_id, context = self.area.id, self.context

        def work() -> list[SessionRow]:
            with context.read() as session:
                return area_rounds(session, area_id)

        def done(rows: list[SessionRow]) -> None:
            if self.area is not None and self.area.id == area_id and rows != self.rounds_model.rows:
                self._set_rounds(rows, select=self.round_id)

        context.background.submit(
            "koffiekar-rounds",
            work,
            owner=self,
            on_done=done,
            on_error=lambda error: log.warning("the rounds were not read again: %s", error),
            skippable=True,
        )

    def _put_round(self, row: SessionRow | None) -> None:
        """A round of the area shown just written, in the list as it is now (its number of
        conversations)."""
        if row is None:
            return
        self._refreshing = True
        try:
            self.rounds_model.put_row(row)
            if row.id == self.round_id:
                self._highlight_round(row.id)
        finally:
            self._refreshing = False

    def _set_rounds(self, rows: list[SessionRow], select: uuid.UUID | None) -> None:
        self._refreshing = True
        try:
            self.rounds_model.set_rows(rows)
            self._highlight_round(select)
        finally:
            self._refreshing = False

    def _highlight_round(self, round_id: uuid.UUID | None) -> None:
        row = self.rounds_model.index_of(round_id) if round_id else -1
        if row < 0:
            self.rounds.selectionModel().clear()
            return
        index = self.rounds_model.index(row, 0)
        self.rounds.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.rounds.scrollTo(index)
