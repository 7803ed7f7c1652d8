"""Signalen: the list of an area (or all of Oldambt) with filters, overdue first, and the
detail of the chosen signal beside it.

Queries run on the background worker after a short pause (debounce), so clicking through the
filters stays smooth on a large database; the detail of one signal loads directly.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import Priority, SignalStatus
from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.domain.signal_workflow import OPEN
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.geo import is_area_code
from gebiedsapp.services.geojson_export import signals_geojson
from gebiedsapp.services.list_exports import signals_table
from gebiedsapp.services.signal_views import (
    SignalFilter,
)
from gebiedsapp.services.signals import (
    SignalInput,
    signal_input_from_contact,
    signal_input_from_conversation,
)
from gebiedsapp.ui.admin.common import current_id, make_table, select_data
from gebiedsapp.ui.context import AREAS, CATEGORIES, PARTNERS, SIGNALS, AppContext
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.layout import room_for_rows
from gebiedsapp.ui.page import page_title
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.signal_map import BuurtMap
from gebiedsapp.ui.signals.detail import SignalDetailPane
from gebiedsapp.ui.signals.form import SignalForm
from gebiedsapp.ui.signals.import_dialog import SignalImportDialog
from gebiedsapp.ui.signals.loading import SignalReads
from gebiedsapp.ui.signals.models import ColumnWidths, SignalsModel
from gebiedsapp.ui.signals.picker import category_picker
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

DEBOUNCE_MS = 200
_OPEN, _ALL = "open", "alle"
PERIODS = (  # (key, text, days back; None: no limit)
    ("", QT_TRANSLATE_NOOP("SignalsScreen", "Altijd"), None),
    ("30", QT_TRANSLATE_NOOP("SignalsScreen", "Laatste 30 dagen"), 30),
    ("90", QT_TRANSLATE_NOOP("SignalsScreen", "Laatste 3 maanden"), 91),
    ("365", QT_TRANSLATE_NOOP("SignalsScreen", "Laatste 12 maanden"), 365),
)

log = logging.getLogger(__name__)


class SignalsScreen(ScreenDefaults, SignalReads, QWidget):
    """The list of signals of an area with filters and counts, and one signal's detail."""

    follows_area = True  # the main window's contract (ui.screen.Screen)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.area_id: uuid.UUID | None = None
        self.area_ids: frozenset[uuid.UUID] | None = None
        self.buurt_code: str | None = None
        self.busy = False
        self.stale = True
        self.map_for: frozenset[uuid.UUID] | None = None  # the areas the map's shapes are of
        self.map_busy = False
        self.form: SignalForm | None = None
        self.import_dialog: SignalImportDialog | None = None
        self._select_after: uuid.UUID | None = None
        # what the list holds changes with the area and filters; the detail then follows it
        self._filters_version = 0
        self._asked_version = self._shown_version = -1
        self._first_shown = False  # the list's first page is shown, its rest to come
        self._rest_waits = False  # the rest of the list waits for the map's shapes
        self._asked: tuple[SignalFilter, date] | None = None  # the list being read
        self._choices_loaded = False
        self.choices_busy = False
        self.header_busy = False  # the area's header is being read on the worker
        self._area_pending = False  # an area chosen while hidden: read when shown
        self._detail_stale = False  # the signal shown changed while hidden

        top = self._top_row()
        self._filter_inputs()
        filters = self._filter_grid()
        second = self._counts_row()
        left = self._list_and_map()
        self.detail = SignalDetailPane(context, self)
        self.detail.open_signal.connect(self.show_signal)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 400])  # at 1366 px: the detail at about its least width
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(second)
        layout.addWidget(self.splitter, 1)

        self._wire()

    def _top_row(self) -> QHBoxLayout:
        """The title with the area, then Exporteren, Importeren and Nieuw signaal."""
        title = page_title(self.tr("Signalen"), self)
        self.subtitle = QLabel(self.tr("Heel Oldambt"), self)
        style(self.subtitle, "color: $muted;")
        self.new_button = QPushButton(self.tr("&Nieuw signaal…"), self)
        self.new_button.clicked.connect(self.new_signal)  # prefill is keyword-only: not `checked`
        self.import_button = QPushButton(self.tr("&Importeren…"), self)
        self.import_button.setToolTip(
            self.tr("Signalen importeren uit een CSV- of Excel-export (bijv. uit Signalen)")
        )
        self.import_button.clicked.connect(self.import_signals)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.exporter = Exporter(self.context, self, self.export_job)
        top.addWidget(self.exporter.button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        return top

    def _filter_inputs(self) -> None:
        """The filters' combo boxes and check box, and the buurt filter's chip."""
        self.status_combo = self._combo(self.tr("Status"), 11)
        self.status_combo.addItem(self.tr("Open"), _OPEN)
        self.status_combo.addItem(self.tr("(alle)"), _ALL)
        for status in SignalStatus:
            self.status_combo.addItem(label_of(status), status.value)
        self.category_combo = category_picker(self, [], revert=True)  # typing finds a category
        self._combo(self.tr("Categorie"), 14, self.category_combo)  # 150%: fits beside the tree
        self.partner_combo = self._combo(self.tr("Partner"), 14)
        self.priority_combo = self._combo(self.tr("Prioriteit"), 7)
        self.priority_combo.addItem(self.tr("(alle)"), "")
        for priority in Priority:
            self.priority_combo.addItem(label_of(priority), priority.value)
        self.label_combo = self._combo(self.tr("Termijn"), 14)
        self.label_combo.addItem(self.tr("(alle)"), "")
        for label in DeadlineLabel:
            self.label_combo.addItem(label_of(label), label.value)
        self.period_combo = self._combo(self.tr("Periode"), 12)
        for key, text, _days in PERIODS:
            self.period_combo.addItem(self.tr(text), key)
        self.waiting = QCheckBox(self.tr("&Wacht op terugkoppeling"), self)
        self.waiting.setToolTip(
            self.tr("Afgesloten signalen waarvan de melder nog terugkoppeling verwacht.")
        )
        self.buurt_chip = QPushButton(self)
        self.buurt_chip.setToolTip(self.tr("Buurtfilter opheffen"))
        self.buurt_chip.clicked.connect(lambda: self.set_buurt_filter(None))
        self.buurt_chip.hide()

    def _filter_grid(self) -> QGridLayout:
        """Two rows of three labelled filters: fits a 1366 px laptop beside the area tree."""
        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        for position, (text, widget) in enumerate(
            (
                (self.tr("&Status:"), self.status_combo),
                (self.tr("&Categorie:"), self.category_combo),
                (self.tr("&Partner:"), self.partner_combo),
                (self.tr("P&rioriteit:"), self.priority_combo),
                (self.tr("&Termijn:"), self.label_combo),
                (self.tr("P&eriode:"), self.period_combo),
            )
        ):
            buddy = QLabel(text, self)
            buddy.setBuddy(widget)
            row, column = divmod(position, 3)
            filters.addWidget(buddy, row, column * 2)
            filters.addWidget(widget, row, column * 2 + 1)
        filters.setColumnStretch(6, 1)
        return filters

    def _counts_row(self) -> QHBoxLayout:
        """Wacht op terugkoppeling, the buurt chip and the counts per status."""
        second = QHBoxLayout()
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("Aantallen per status"))
        second.addWidget(self.waiting)
        second.addWidget(self.buurt_chip)
        second.addSpacing(12)
        second.addWidget(self.counts, 1)
        return second

    def _list_and_map(self) -> QSplitter:
        """The map above the list (and its status line)."""
        self.model = SignalsModel(self)
        self.table = make_table(self.model, self, stretch_column=SignalsModel.COL_CATEGORY)
        self.table.setAccessibleName(self.tr("Signalen"))
        self.columns = ColumnWidths(self.table)
        room_for_rows(self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.status_line = QLabel(self)
        style(self.status_line, "color: $muted;")
        self.map = BuurtMap(self)
        self.map.setMinimumHeight(160)
        self.map.setToolTip(
            self.tr(
                "Klik op een buurt om alleen de signalen daar te zien, of op een punt om dat "
                "signaal te openen"
            )
        )
        self.map.buurt_clicked.connect(lambda code: self.set_buurt_filter(code or None))
        self.map.point_clicked.connect(self._point_clicked)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.status_line)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.map)
        left.addWidget(table_box)
        # a short screen (125-150% scaling) takes height from both, so the list keeps its rows
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        left.setSizes([230, 400])
        left.setChildrenCollapsible(False)
        return left

    def _wire(self) -> None:
        """Filters re-query after a pause; changes elsewhere reach the list."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        for combo in (
            self.status_combo,
            self.category_combo,
            self.partner_combo,
            self.priority_combo,
            self.label_combo,
            self.period_combo,
        ):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.waiting.toggled.connect(self._on_waiting)
        self.context.hub.changed.connect(self._on_changes)

    def _combo(self, name: str, length: int, combo: QComboBox | None = None) -> QComboBox:
        combo = combo or QComboBox(self)
        combo.setAccessibleName(name)
        combo.setMinimumContentsLength(length)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # -- public contract --------------------------------------------------------------------

    def set_area(self, area_id: uuid.UUID) -> None:
        """This area and its sub-areas; the gemeente root shows the whole municipality.
        Hidden, the screen only remembers it: nothing is read until it is shown."""
        self.area_id = area_id
        self.buurt_code = None
        self._show_buurt_chip()
        if not self.isVisible():
            self._area_pending = True
            self.stale = True
            return
        self._read_header()

    def set_buurt_filter(self, code: str | None) -> None:
        """Only signals in this CBS buurt (None: the whole area again)."""
        self.buurt_code = code or None
        self.map.select(self.buurt_code or "")
        self._show_buurt_chip()
        self._filters_changed()

    def new_signal(self, *, prefill: SignalInput | None = None) -> SignalForm:
        """Open the form (window-modal, not blocking); the new signal is selected after."""
        form = SignalForm(self.context, area_id=self.area_id, prefill=prefill, parent=self)
        form.accepted.connect(lambda: self._created(form))
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form

    def import_signals(self) -> SignalImportDialog:
        """Open the CSV import (window-modal); the list refreshes through the change hub."""
        dialog = SignalImportDialog(self.context, parent=self)
        dialog.accepted.connect(lambda: self._imported(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, dialog: SignalImportDialog) -> None:
        if dialog.imported is None:
            return
        count = dialog.imported
        noun = self.tr("signaal") if count == 1 else self.tr("signalen")
        QMessageBox.information(
            self,
            self.tr("Importeren"),
            self.tr("%s %s geïmporteerd (status Gemeld).") % (format_number(count), noun),
        )

    def new_signal_from_conversation(self, conversation_id: uuid.UUID) -> SignalForm | None:
        return self._prefilled(lambda s: signal_input_from_conversation(s, conversation_id))

    def new_signal_from_contact(self, contact_id: uuid.UUID) -> SignalForm | None:
        return self._prefilled(lambda s: signal_input_from_contact(s, contact_id))

    def show_signal(self, signal_id: uuid.UUID) -> None:
        """Show this signal's detail (and select it when it is in the list)."""
        for row, item in enumerate(self.model.rows):
            if item.id == signal_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        self.table.clearSelection()
        self.detail.show_signal(signal_id)

    def export_job(self) -> ExportJob:
        """The list as filtered now (read here, on the GUI thread), in the same order."""
        filters = self.current_filter()
        today = date.today()
        return ExportJob(
            "signalen",
            lambda session, options: [signals_table(session, filters, options)],
            personal_data=True,
            geojson=lambda session: signals_geojson(session, filters, today=today),
        )

    def current_filter(self) -> SignalFilter:
        status = self.status_combo.currentData()
        statuses: frozenset[SignalStatus] | None
        if self.waiting.isChecked():
            statuses = None  # the waiting list is closed signals by definition
        elif status == _OPEN:
            statuses = OPEN
        elif status == _ALL:
            statuses = None
        else:
            statuses = frozenset({SignalStatus(status)})
        days = {key: d for key, _t, d in PERIODS}[self.period_combo.currentData() or ""]
        label = self.label_combo.currentData()
        priority = self.priority_combo.currentData()
        area_ids, buurt_code = self.area_ids, self.buurt_code
        outline = self.map.shape_of(buurt_code) if buurt_code and is_area_code(buurt_code) else None
        if outline is not None and outline.area_id is not None:  # an area's own outline
            area_ids, buurt_code = frozenset({outline.area_id}), None
        return SignalFilter(
            area_ids=area_ids,
            statuses=statuses,
            category_id=current_id(self.category_combo),
            partner_id=current_id(self.partner_combo),
            priority=Priority(priority) if priority else None,
            label=DeadlineLabel(label) if label else None,
            start=date.today() - timedelta(days=days) if days is not None else None,
            buurt_code=buurt_code,
            awaiting_feedback=self.waiting.isChecked(),
        )

    def is_busy(self) -> bool:
        return (
            self.timer.isActive()
            or self.busy
            or self.map_busy
            or self.header_busy
            or self.choices_busy
        )

    # -- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._detail_stale:
            self._detail_stale = False
            self.detail.reload()  # one signal: read directly, as a click on it does
        if self._area_pending:
            self._read_header()
        elif self.header_busy:
            pass  # the header's arrival reads the map and the list
        elif self.area_ids is not None and self.map_for != self.area_ids:
            self._read_area()
        elif self.stale:
            self.refresh()
        if not self._choices_loaded:  # after the list's first page on the worker
            self._load_choices()
        super().showEvent(event)

    def _show_buurt_chip(self) -> None:
        self.buurt_chip.setVisible(self.buurt_code is not None)
        if self.buurt_code is not None:
            outline = self.map.shape_of(self.buurt_code)
            if outline is not None and outline.approximate:
                self.buurt_chip.setText(self.tr("Gebied %s  ✕") % outline.name)
            else:
                self.buurt_chip.setText(self.tr("Buurt %s  ✕") % self.buurt_code)

    def _on_waiting(self, checked: bool) -> None:
        self.status_combo.setEnabled(not checked)
        self.status_combo.setToolTip(
            self.tr("De lijst 'wacht op terugkoppeling' bevat alleen afgesloten signalen.")
            if checked
            else ""
        )
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        self._filters_version += 1
        self.stale = True
        self.status_line.setText(self.tr("Zoeken…"))
        if self.isVisible():  # a hidden screen queries when it is shown
            self.timer.start()

    def _on_changes(self, kinds: frozenset[str]) -> None:
        """Shown: read what changed. Hidden: only remember it (issue 19: every save elsewhere
        read the detail on the GUI thread); it is read when the screen is shown."""
        visible = self.isVisible()
        if kinds & {CATEGORIES, PARTNERS} and self._choices_loaded:
            if visible:
                self._load_choices()
            else:
                self._choices_loaded = False
        if kinds & {SIGNALS, CATEGORIES, PARTNERS, AREAS}:
            self.stale = True
            if visible:
                self.detail.reload()
                self.refresh()
            else:
                self._detail_stale = True

    def _point_clicked(self, key: str) -> None:
        try:
            self.show_signal(uuid.UUID(key))
        except ValueError:
            return

    def _on_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0]) if rows else None
        if row is not None and (self.detail.detail is None or self.detail.detail.id != row.id):
            self.detail.show_signal(row.id)

    # -- new signals ------------------------------------------------------------------------

    def _prefilled(self, load: Callable[[Session], SignalInput]) -> SignalForm | None:
        try:
            with self.context.read() as session:
                prefill = load(session)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Nieuw signaal"), exc.message)
            return None
        return self.new_signal(prefill=prefill)

    def _created(self, form: SignalForm) -> None:
        if form.created is None:
            return
        self._select_after = form.created
        self.detail.show_signal(form.created)
        if self.waiting.isChecked() or self.status_combo.currentData() not in (_OPEN, _ALL):
            select_data(self.status_combo, _OPEN)  # so the new signal shows in the list
            self.waiting.setChecked(False)
        self.stale = True
        self.refresh()
