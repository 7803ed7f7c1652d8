"""Signalen's reads on the worker: the area's header, the map's shapes, the filters' choices and
the list itself, each applied on the GUI thread when it is in (issue 19). Mixed into
SignalsScreen, which builds the widgets these fill."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QTableView

from gebiedsapp.domain import SignalStatus
from gebiedsapp.domain.signal_workflow import OPEN
from gebiedsapp.services.overview import AreaHeader
from gebiedsapp.services.signal_views import (
    SignalFilter,
    SignalList,
    SignalRow,
    first_signal_rows,
    list_signals,
    open_in_areas,
)
from gebiedsapp.services.signals import signal_points
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.page import scope_name
from gebiedsapp.ui.signal_map import BuurtMap, MapPoint
from gebiedsapp.ui.signals.choices import read_category_choices, read_partner_choices
from gebiedsapp.ui.signals.detail import SignalDetailPane
from gebiedsapp.ui.signals.dialogs import Choice, fill_choices
from gebiedsapp.ui.signals.map_reads import MapShapes, map_points, read_shapes
from gebiedsapp.ui.signals.models import SignalsModel
from gebiedsapp.ui.signals.picker import ChoicePicker, Pick
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object

SHOWN_LIMIT = 5_000
FIRST_PAGE = 200  # what fills the view, and some: read first and alone (issue 19)

# the screen's texts, in its translation context (the screen's class, as before the split)
SEARCHING = QT_TRANSLATE_NOOP("SignalsScreen", "Zoeken…")
EVERYTHING = QT_TRANSLATE_NOOP("SignalsScreen", "(alle)")
ONE_SIGNAL = QT_TRANSLATE_NOOP("SignalsScreen", "signaal")
SIGNALS_NOUN = QT_TRANSLATE_NOOP("SignalsScreen", "signalen")
FIRST_SHOWN = QT_TRANSLATE_NOOP(
    "SignalsScreen", "; de eerste %s worden getoond, verfijn het filter"
)
NONE_FOUND = QT_TRANSLATE_NOOP("SignalsScreen", "Geen signalen met deze filters.")
FAILED = QT_TRANSLATE_NOOP("SignalsScreen", "Laden mislukt; zie het logboek.")

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignalsScreen", text)


class SignalReads(_Widget):
    """Mix in before QWidget; the screen makes these widgets and state."""

    context: AppContext
    area_id: uuid.UUID | None
    area_ids: frozenset[uuid.UUID] | None
    buurt_code: str | None
    busy: bool
    stale: bool
    map_for: frozenset[uuid.UUID] | None
    map_busy: bool
    header_busy: bool
    choices_busy: bool
    _area_pending: bool
    _choices_loaded: bool
    _select_after: uuid.UUID | None
    _filters_version: int
    _asked_version: int
    _shown_version: int
    _first_shown: bool  # the asked list's first page is in the model; its rest comes after
    _rest_waits: bool  # the rest of the list waits for the map's shapes (their outlines)
    _asked: tuple[SignalFilter, date] | None  # the list being read: filters and day
    subtitle: QLabel
    status_line: QLabel
    counts: QLabel
    category_combo: ChoicePicker
    partner_combo: QComboBox
    map: BuurtMap
    model: SignalsModel
    table: QTableView
    detail: SignalDetailPane
    timer: QTimer

    def current_filter(self) -> SignalFilter:
        raise NotImplementedError  # the screen's

    def show_signal(self, signal_id: uuid.UUID) -> None:
        raise NotImplementedError  # the screen's

    def _filters_changed(self, *_args: object) -> None:
        raise NotImplementedError  # the screen's

    def _read_header(self) -> None:
        """The area's header (its sub-areas, its name) from the worker; then the map, then
        the list."""
        if self.area_id is None:
            return
        self._area_pending = False
        self.header_busy = True
        self.status_line.setText(_tr(SEARCHING))
        self.context.headers.fetch(
            self.area_id, owner=self, on_done=self._on_header, on_error=self._on_header_failed
        )

    def _on_header(self, header: AreaHeader) -> None:
        if header.area.id != self.area_id:
            return  # another area was chosen meanwhile; its header comes next
        self.header_busy = False
        self.area_ids = header.area_ids
        self.subtitle.setText(scope_name(header))
        self._read_area()

    def _read_area(self) -> None:
        """Another area's list: its first page first, alone on the worker, then the map's
        shapes, then the rest of the list, which counts the shapes' own outlines (issue 19:
        on ten times the data Winschoten's first rows waited for the shapes, a 200 ms pause
        and the whole list with its map points and counts)."""
        self._filters_version += 1  # another list: the detail follows it
        self.map_busy = True  # set before the list is asked: its rest waits for the shapes
        self.refresh()
        self._read_map()

    def _on_header_failed(self, error: Exception) -> None:
        self.header_busy = False
        self._area_pending = True  # tried again when shown again
        self._on_failed(error)

    def _read_map(self) -> None:
        """The area's CBS buurten and the own outlines of its areas without one (all of Oldambt
        for the gemeente), read and made into paths off the GUI thread; coloured when rows
        come."""
        if self.area_ids is None:
            return
        self.map_busy = True
        self.status_line.setText(_tr(SEARCHING))
        read, ids = self.context.read, self.area_ids
        self.context.background.submit(
            "signals-map", lambda: read_shapes(read, ids), owner=self,
            on_done=self._on_map, on_error=self._on_map_failed,
        )  # fmt: skip

    def _on_map(self, found: MapShapes) -> None:
        self.map_busy = False
        self.map_for = found.area_ids
        self.map.set_buurten(found.shapes, paths=found.paths)
        self.map.setVisible(bool(found.shapes))
        self._after_map()

    def _after_map(self) -> None:
        """The rest of the list asked before the shapes came, else the list read again."""
        if self.header_busy or self._area_pending:
            return  # another area's shapes come: its header's arrival reads them and its list
        if self._rest_waits:
            self._read_rest()
        else:
            self._filters_changed()

    def _on_map_failed(self, error: Exception) -> None:
        log.warning("the map's shapes were not read: %s", error)
        self.map_busy = False
        self.map_for = self.area_ids  # not again for every filter: the list still comes
        self.map.set_buurten([])
        self.map.setVisible(False)
        self._after_map()

    def _load_choices(self) -> None:
        """The category and partner filters' choices, read on the worker; the two filters
        wait (disabled) until they are in."""
        self._choices_loaded = True
        self.choices_busy = True
        for combo in (self.category_combo, self.partner_combo):
            combo.setEnabled(False)
        read = self.context.read

        def work() -> tuple[list[Pick], list[Choice]]:
            with read() as session:
                return read_category_choices(session), read_partner_choices(session)

        self.context.background.submit(
            "signals-choices", work, owner=self,
            on_done=self._on_choices, on_error=self._on_choices_failed,
        )  # fmt: skip

    def _on_choices(self, found: tuple[list[Pick], list[Choice]]) -> None:
        self.choices_busy = False
        everything = _tr(EVERYTHING)
        categories, partners = self.category_combo, self.partner_combo
        keep = (categories.currentData() or "", partners.currentData() or "")
        for combo in (categories, partners):
            combo.blockSignals(True)
        try:
            categories.set_picks([Pick("", everything, ""), *found[0]], keep[0])
            fill_choices(partners, [("", everything), *found[1]], keep[1])
        finally:
            for combo in (categories, partners):
                combo.blockSignals(False)
                combo.setEnabled(True)

    def _on_choices_failed(self, error: Exception) -> None:
        log.warning("the filters' choices were not read: %s", error)
        self.choices_busy = False
        self._choices_loaded = False  # tried again when shown again

    def refresh(self) -> None:
        """Query the list with the current filters, off the GUI thread: another list's first
        page first (what the view shows), then the whole list with its counts and map points;
        the same list again (a change elsewhere) only whole, as its rows are shown."""
        self.timer.stop()
        if self.header_busy or self._area_pending:
            self.stale = True  # the area's header comes first; its arrival reads the list
            return
        self.stale = False
        self.busy = True
        self.status_line.setText(_tr(SEARCHING))
        filters = self.current_filter()
        today = date.today()
        self._asked_version = self._filters_version  # a newer request drops this one's answer
        self._asked = (filters, today)
        self._first_shown = False
        if self._asked_version != self._shown_version:
            self._read_first_page(filters, today)
        if self.map_busy:
            self._rest_waits = True  # the shapes' arrival reads it
        else:
            self._read_rest()

    def _read_first_page(self, filters: SignalFilter, today: date) -> None:
        context, version = self.context, self._asked_version

        def work() -> list[SignalRow]:
            with context.read() as session:
                return first_signal_rows(session, filters, today=today, limit=FIRST_PAGE)

        self.context.background.submit(
            "signals-first", work, owner=self,
            on_done=lambda rows: self._on_first_page(version, rows),
            on_error=lambda error: log.warning("the list's first page failed: %s", error),
            skippable=True,  # a newer list's makes it stale before it runs
        )  # fmt: skip

    def _on_first_page(self, version: int, rows: list[SignalRow]) -> None:
        if version != self._asked_version or not self.busy:
            return  # another list was asked meanwhile, or the whole list is in already
        self._first_shown = True
        self.model.set_rows(rows)

    def _read_rest(self) -> None:
        """The whole list (its first SHOWN_LIMIT rows made, the rest counted), the counts per
        status and the map's points and counts, for the filters `refresh` asked."""
        self._rest_waits = False
        if self._asked is None:
            return
        filters, today = self._asked
        context, version = self.context, self._asked_version
        outlined = {} if self.buurt_code else self.map.own_outlines()

        def work() -> tuple[SignalList, list[MapPoint], dict[str, int]]:
            with context.read() as session:
                # the first rows only: the rest are counted, not made (issue 19)
                found = list_signals(session, filters, today=today, limit=SHOWN_LIMIT)
                own = open_in_areas(session, filters, outlined, today=today)
                points = signal_points(session, filters.area_ids)
            return found, map_points(found.rows, points, open_keys=found.open_keys), own

        self.context.background.submit(
            "signals-list", work, owner=self,
            on_done=lambda found: self._on_rest(version, found), on_error=self._on_failed,
            skippable=True,
        )  # fmt: skip

    def _on_rest(
        self, version: int, found: tuple[SignalList, list[MapPoint], dict[str, int]]
    ) -> None:
        if version == self._asked_version:  # else another list was asked: it comes next
            self._on_rows(found)

    def _on_rows(self, found: tuple[SignalList, list[MapPoint], dict[str, int]]) -> None:
        self.busy = False
        result, points, own = found
        created, self._select_after = self._select_after, None
        keep = created or (self.detail.detail.id if self.detail.detail else None)
        other_list = self._asked_version != self._shown_version
        self._shown_version = self._asked_version
        rows = result.rows
        self.map.set_points(points)
        if self.buurt_code is None:  # with a buurt chosen, the map keeps the whole area's view
            counts = dict.fromkeys(self.map.codes(), 0)
            for code, count in (result.open_per_buurt or {}).items():
                if code in counts:
                    counts[code] = count
            self.map.set_counts(counts | own)
        shown = rows[:SHOWN_LIMIT]
        if self._first_shown:  # its first page is shown: the rest is appended to it
            self.model.set_all_rows(shown)
        else:
            self.model.set_rows(shown)
        self._first_shown = False
        total = result.length
        noun = _tr(ONE_SIGNAL) if total == 1 else _tr(SIGNALS_NOUN)
        text = f"{format_number(total)} {noun}"
        if total > SHOWN_LIMIT:
            text += _tr(FIRST_SHOWN) % format_number(SHOWN_LIMIT)
        self.status_line.setText(text)
        self.counts.setText(self._counts_text(result.counts))
        if keep is None:
            return
        if created or not other_list or any(row.id == keep for row in shown):
            self.show_signal(keep)
        else:  # another area or filter: a signal that left the list is not changed by mistake
            self.detail.show_signal(None)

    def _counts_text(self, counts: dict[SignalStatus, int]) -> str:
        parts = []
        for status in SignalStatus:
            count = counts.get(status, 0)
            if count:
                text = f"{format_number(count)} {label_of(status).lower()}"
                parts.append(f"<b>{text}</b>" if status in OPEN else text)
        if not parts:
            return _tr(NONE_FOUND)
        return " · ".join(parts)

    def _on_failed(self, _error: Exception) -> None:
        self.busy = False
        self.stale = True
        self.status_line.setText(_tr(FAILED))
