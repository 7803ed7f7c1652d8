"""Samenvatting: the figures, charts and map of the wethouder's summary on screen, so users look
before they print. The numbers come from `services.summary`, the same code that fills the PDF."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.summary_export import summary_tables
from gebiedsapp.ui.admin.common import heading
from gebiedsapp.ui.context import (
    ACTIONS,
    ACTIVITIES,
    AREAS,
    CATEGORIES,
    CBS,
    CONTACTS,
    INITIATIVES,
    KOFFIEKAR,
    PARTNERS,
    SIGNALS,
    SURVEY,
    TEAM,
    THEMES,
    AppContext,
)
from gebiedsapp.ui.export import Exporter, ExportJob, file_stem
from gebiedsapp.ui.layout import FlowLayout
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.pdf import Build, PdfActions
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.summary.body import BODY_MARGINS, SummaryBody
from gebiedsapp.ui.summary.data import Dashboard, load_dashboard, load_first_figures
from gebiedsapp.ui.summary.filling import DashboardFilling
from gebiedsapp.ui.summary.lists import SummaryLists
from gebiedsapp.ui.summary.parts import MUTED, SideBySide
from gebiedsapp.ui.summary.period import PeriodPicker
from gebiedsapp.ui.summary.printing import summary_pdf_job

WATCHED = frozenset(
    {
        AREAS, TEAM, THEMES, CATEGORIES, PARTNERS, KOFFIEKAR, CONTACTS, ACTIONS, SIGNALS,
        INITIATIVES, ACTIVITIES, SURVEY, CBS,
    }
)  # fmt: skip
REST_AFTER_MS = 10  # the charts and tables: built this long after the screen is shown


class SummaryScreen(ScreenDefaults, DashboardFilling, QWidget):
    """The dashboard of one area over a chosen period, with the buttons to print it."""

    follows_area = True  # the main window's contract (ui.screen.Screen)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today or date.today()
        self.area_id: uuid.UUID | None = None
        self.data: Dashboard | None = None
        self.stale = True
        self._busy = False
        self._shown = 0  # which load's figures are being shown (slice by slice)
        self._asked = 0  # which load was asked for last; its first figures show once
        self._steps = 0  # slices of it still to show
        self._rest_built = False  # the charts and lists under the first row (see _build_rest)

        self.title = heading(self.tr("Samenvatting"), self)
        top = self._build_top()
        body = self._build_body()

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        SideBySide(self.first_row, scroll.viewport(), margins=BODY_MARGINS)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addLayout(top)
        outer.addWidget(self.state)
        outer.addWidget(scroll, 1)
        self.context.hub.changed.connect(self._on_changes)
        self._show_empty()

    def _build_top(self) -> QHBoxLayout:
        """The period, and the buttons that show, print, save and export the summary."""
        self.period = PeriodPicker(self.today, self)
        self.period.changed.connect(self._period_changed)
        self.preview_button = QPushButton(self.tr("&Voorbeeld PDF"), self)
        self.print_button = QPushButton(self.tr("Af&drukken…"), self)
        self.save_button = QPushButton(self.tr("&Opslaan als PDF…"), self)
        self.preview_button.setToolTip(
            self.tr("De samenvatting voor de wethouder als PDF bekijken")
        )
        self.appendix = QCheckBox(self.tr("Met &bijlage"), self)
        self.appendix.setToolTip(
            self.tr("De PDF met een bijlage met alle cijfers en volledige lijsten")
        )
        self.pdf = PdfActions(self.context, self, self.pdf_job)
        self.exporter = Exporter(self.context, self, self.export_job)
        self.exporter.button.setToolTip(
            self.tr("Alle lijsten achter de samenvatting (open signalen, uitspraken, acties...) ")
            + self.tr("opslaan als Excel- of CSV-bestand")
        )
        self.preview_button.clicked.connect(self.preview_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        self.state = QLabel(self)
        style(self.state, MUTED)
        self.state.setWordWrap(True)

        # the buttons continue on a next line where the window is narrow (1366x768 at 150%:
        # in one row with the period they made the whole screen scroll sideways, issue 19)
        buttons = FlowLayout()
        for widget in (
            self.appendix,
            self.preview_button,
            self.print_button,
            self.save_button,
            self.exporter.button,
        ):
            buttons.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Periode:"), self))
        top.addWidget(self.period)
        top.addStretch(1)
        top.addLayout(buttons)
        return top

    def _build_body(self) -> QWidget:
        """Everything under the buttons, which scrolls (`SummaryBody`): the first row now, the
        charts and the lists' tables after the first paint (_build_rest)."""
        self.lists = SummaryLists(self.context, self)
        self.lists.failed.connect(self._list_failed)
        self.lists.shown.connect(self._list_shown)
        self.open_model = self.lists.open_signals
        self.quotes_model = self.lists.quotes
        self.actions_model = self.lists.actions
        self.initiatives_model = self.lists.initiatives
        body = SummaryBody(self.lists, self)
        self.body = body
        self.team, self.figures, self.figure_labels = body.team, body.figures, body.figure_labels
        self.map, self.map_note, self.population = body.map, body.map_note, body.population
        self.first_row = body.first_row
        return body

    def _build_rest(self) -> None:
        """The charts and the lists' tables, under the first row: built once the screen has
        been painted, not in its first open (on ten times today's data that open held the GUI
        thread over 100 ms, issue 19); at once when their data comes first."""
        if self._rest_built:
            return
        self._rest_built = True
        body = self.body
        body.build_rest()
        self.themes, self.theme_moves = body.themes, body.theme_moves
        self.by_category, self.by_status, self.median = (
            body.by_category,
            body.by_status,
            body.median,
        )
        self.open_table, self.quotes_table = body.open_table, body.quotes_table
        self.quotes = body.quotes
        self.actions_table, self.initiatives_table = body.actions_table, body.initiatives_table

    # -- loading ----------------------------------------------------------------------------

    def set_area(self, area_id: uuid.UUID) -> None:
        if area_id == self.area_id:
            return
        self.area_id = area_id
        self._invalidate()

    def _period_changed(self) -> None:
        self._invalidate()

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & WATCHED:
            self._invalidate()

    def _invalidate(self) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._rest_built:  # a timer, not a queued call: the paint goes first
            QTimer.singleShot(REST_AFTER_MS, self, self._build_rest)
        if self.stale:
            self.refresh()

    def is_busy(self) -> bool:
        return self._busy or self._steps > 0 or self.lists.busy()

    def refresh(self) -> None:
        area_id = self.area_id
        if area_id is None:
            return
        try:
            period = self.period.period()
        except ValidationError as error:
            self.state.setText(error.message)
            self._set_buttons(False)
            return
        self.stale = False
        self._busy = True
        self._set_buttons(False)
        self.state.setText(self.tr("Cijfers berekenen…"))
        context, today = self.context, self.today
        self._asked += 1
        asked = self._asked

        def figures() -> None:
            """The key figures, in a few counts (the reads worker runs them before the rest);
            the charts and map follow with the whole summary (issue 19)."""
            if asked != self._asked:
                return  # a newer load asks for its own
            self.context.background.submit(
                "summary-first-figures",
                lambda: load_first_figures(context, area_id, period, today=today),
                owner=self,
                on_done=lambda data: self._first_figures(asked, data),
                on_error=lambda _error: None,  # the whole summary's load says what went wrong
            )
            self.context.background.submit(
                "summary-dashboard",
                lambda: load_dashboard(context, area_id, period, today=today),
                owner=self,
                on_done=self._loaded,
                on_error=self._failed,
            )

        # the open signals' first page first, alone: on ten times today's data it took 1.5 s
        # beside the key figures' counts and 0.4 s alone; the figures follow it (issue 19)
        self.lists.load(area_id, period, today=today, then=figures)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        message = error.message if isinstance(error, ValidationError) else str(error)
        self.state.setText(self.tr("De cijfers konden niet worden berekend: %s") % message)

    def _list_failed(self, error: Exception) -> None:
        message = error.message if isinstance(error, ValidationError) else str(error)
        self.state.setText(self.tr("De lijsten konden niet worden gelezen: %s") % message)

    def _set_buttons(self, enabled: bool) -> None:
        for button in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.exporter.button,
        ):
            button.setEnabled(enabled)

    # -- showing ----------------------------------------------------------------------------

    def _show_empty(self) -> None:
        self.title.setText(self.tr("Samenvatting"))
        self.state.setText(self.tr("Kies links een gebied."))
        self._set_buttons(False)

    def _first_figures(self, asked: int, data: Dashboard) -> None:
        """The key figures of the load asked for last, unless its whole summary came first."""
        if asked == self._asked and self._busy:
            self._show_figures(data)

    def _loaded(self, data: Dashboard) -> None:
        """Show the figures at once; the charts and the map follow one per turn of the event
        loop (on ten times today's data all at once held the GUI thread ~0.5 s). The lists
        came on their own (`SummaryLists`)."""
        self._busy = False
        self.data = data
        self._set_buttons(True)
        self._shown += 1
        steps: list[Callable[[Dashboard], None]] = [
            self._show_figures, self._show_charts, self._show_map,
        ]  # fmt: skip
        self._steps = len(steps)
        self._next_step(self._shown, data, steps)

    def _next_step(
        self, shown: int, data: Dashboard, steps: list[Callable[[Dashboard], None]]
    ) -> None:
        if shown != self._shown:
            return  # newer figures came meanwhile; they go their own way
        steps.pop(0)(data)
        self._steps = len(steps)
        if steps:
            QTimer.singleShot(0, self, lambda: self._next_step(shown, data, steps))

    # -- printing ---------------------------------------------------------------------------

    def pdf_job(self) -> tuple[str, str, Build] | None:
        if self.data is None:
            return None
        return summary_pdf_job(self.data, self.today, appendix=self.appendix.isChecked())

    def export_job(self) -> ExportJob | None:
        """The full lists of the summary shown (the brief prints only the top few)."""
        if self.data is None:
            return None
        summary = self.data.summary
        return ExportJob(
            file_stem(f"samenvatting {summary.title}"),
            lambda _session, _options: summary_tables(summary),
        )

    def preview_pdf(self) -> None:
        self.pdf.show_preview()

    def print_pdf(self) -> None:
        self.pdf.print()

    def save_pdf(self) -> None:
        self.pdf.save()
