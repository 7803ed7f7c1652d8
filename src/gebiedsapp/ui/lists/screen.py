"""Lists of rounds, conversations, contacts and actions per area and period, with filters and
search.

On the large database a query takes a noticeable moment, so typing never waits for it: the
search field is debounced, and every query runs on the background worker with its own session,
handing back plain rows. A newer query makes the older result stale (the worker drops it).
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import Handling
from gebiedsapp.services.actions import ActionLine, action_lines
from gebiedsapp.services.list_exports import (
    actions_table,
    contacts_table,
    conversations_table,
    sessions_table,
)
from gebiedsapp.services.lists import (
    DEFAULT_LIMIT,
    ListFilter,
    list_contacts,
    list_conversations,
    list_sessions,
)
from gebiedsapp.services.overview import AreaHeader
from gebiedsapp.ui.actions import ActionsModel
from gebiedsapp.ui.admin.common import current_id, make_table, select_data
from gebiedsapp.ui.contacts.models import ContactsModel
from gebiedsapp.ui.context import ACTIONS, AREAS, CONTACTS, KOFFIEKAR, THEMES, AppContext
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import format_number, from_qdate, to_qdate
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.layout import ColumnFit, FlowLayout, text_width, together
from gebiedsapp.ui.lists.choices import FilterChoices
from gebiedsapp.ui.lists.models import ConversationsModel, SessionsModel
from gebiedsapp.ui.lists.tabs import (
    ACTIONS_TAB,
    AREA_COLUMNS,
    CONTACTS_TAB,
    CONVERSATIONS,
    SESSIONS,
    TABS,
    Tab,
    TabSpec,
)
from gebiedsapp.ui.page import page_title, scope_name
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.table_model import RowTableModel

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
FIRST_PAGE = 100  # rows of the visible tab shown before the rest is in
READ_COLUMN_CHARACTERS = 32  # the summary or subject column keeps room for this much text


class ListsScreen(FilterChoices, ScreenDefaults, QWidget):
    """Tabs 'Rondes', 'Gesprekken', 'Contacten', 'Acties' for the chosen area and sub-areas."""

    follows_area = True  # the main window's contract (ui.screen.Screen)

    session_activated = Signal(object)  # uuid.UUID of a koffiekar round
    conversation_activated = Signal(object)  # uuid.UUID of a conversation
    contact_activated = Signal(object)  # uuid.UUID of a contact

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.area_id: uuid.UUID | None = None
        self.area_ids: frozenset[uuid.UUID] | None = None
        self._area_pending = self._header_busy = False  # an area's header not read / being read

        title = page_title(self.tr("Lijsten"), self)
        self.subtitle = QLabel(self.tr("Heel Oldambt"), self)
        style(self.subtitle, "color: $muted;")

        self._build_filters()
        search_row = self._search_row()
        filter_row = self._filter_row()
        self._build_tabs()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.tabs, 1)

        self._connect_signals()
        self._update_filter_widgets()
        self._watch_choices()

    def _build_filters(self) -> None:
        """The search field and the filters on period, theme, author and handling."""
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Zoek in samenvattingen, citaten, onderwerpen en aantekeningen")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Zoeken"))
        self.status = QLabel(self)
        self.status.setMinimumWidth(220)
        self.start_edit = self._date_edit(self.tr("Van"))
        self.end_edit = self._date_edit(self.tr("Tot en met"))
        today = to_qdate(date.today())
        self.start_edit.setDate(today.addYears(-1).addDays(1))
        self.end_edit.setDate(today)
        self.theme_combo = self._combo(self.tr("Thema"))
        self.author_combo = self._combo(self.tr("Auteur"))
        self.handling_combo = self._combo(self.tr("Afhandeling"))
        self.handling_combo.addItem(self.tr("(alle)"), "")
        for handling in Handling:
            self.handling_combo.addItem(label_of(handling), handling.value)

    def _search_row(self) -> QHBoxLayout:
        """Search, what it found, and the export of the visible tab."""
        search_row = QHBoxLayout()
        search_row.addWidget(self._label(self.tr("&Zoeken:"), self.search))
        search_row.addWidget(self.search, 1)
        search_row.addSpacing(12)
        search_row.addWidget(self.status)
        self.exporter = Exporter(self.context, self, self.export_job)
        search_row.addWidget(self.exporter.button)
        return search_row

    def _filter_row(self) -> FlowLayout:
        filter_row = FlowLayout()  # a second line on a narrow screen, not a wider screen
        for text, widget in (
            (self.tr("&Van:"), self.start_edit),
            (self.tr("&t/m:"), self.end_edit),
            (self.tr("T&hema:"), self.theme_combo),
            (self.tr("A&uteur:"), self.author_combo),
            (self.tr("Afh&andeling:"), self.handling_combo),
        ):
            filter_row.addWidget(together(self._label(text, widget), widget, parent=self))
        return filter_row

    def _build_tabs(self) -> None:
        """One tab per list (ui.lists.tabs), each a table over its own model."""
        self.sessions_model = SessionsModel(self)
        self.conversations_model = ConversationsModel(self)
        self.contacts_model = ContactsModel(self)
        self.actions_model: ActionsModel[ActionLine] = ActionsModel(self)
        self.tabs = QTabWidget(self)
        models: tuple[RowTableModel[Any], ...] = (
            self.sessions_model,
            self.conversations_model,
            self.contacts_model,
            self.actions_model,
        )
        self._tabs: list[Tab] = [
            self._add_tab(spec, model) for spec, model in zip(TABS, models, strict=True)
        ]
        self.tabs.setCurrentIndex(1)  # conversations: what the lists are opened for most

    def _connect_signals(self) -> None:
        """A changed filter queries again once the user pauses (debounced)."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._filters_changed)
        self.start_edit.dateChanged.connect(self._filters_changed)
        self.end_edit.dateChanged.connect(self._filters_changed)
        for combo in (self.theme_combo, self.author_combo, self.handling_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.context.hub.changed.connect(self._on_changes)

    # -- building ---------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setAccessibleName(name)
        return edit

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _add_tab(self, spec: TabSpec, model: RowTableModel[Any]) -> Tab:
        title = self.tr(spec.title)
        table = make_table(model, self, stretch_column=spec.stretch)
        table.setAccessibleName(title.replace("&", ""))
        header = table.horizontalHeader()
        for column, width in spec.widths.items():
            header.resizeSection(column, width)
        table.activated.connect(lambda index, k=spec.key: self._on_activated(k, index))
        index = self.tabs.addTab(table, title)
        if spec.tooltip:
            self.tabs.setTabToolTip(index, self.tr(spec.tooltip))
        fit = ColumnFit(table, minimum=text_width(table, READ_COLUMN_CHARACTERS))
        one, many = self.tr(spec.one), self.tr(spec.many)
        return Tab(spec.key, model, table, one, many, uses=spec.uses, fit=fit)

    # -- public contract --------------------------------------------------------------------

    def set_area(self, area_id: uuid.UUID) -> None:
        """Show this area and all its sub-areas. Hidden, only remembered (issue 19); its
        header comes from the worker (AreaHeaders.fetch), the lists follow it."""
        self.area_id, self._area_pending = area_id, True
        self._mark_stale()
        if self.isVisible():
            self._read_area()

    def _read_area(self) -> None:
        if self.area_id is None:
            return
        self._area_pending, self._header_busy = False, True
        self.status.setText(self.tr("Zoeken…"))
        self.context.headers.fetch(
            self.area_id, owner=self, on_done=self._on_header, on_error=self._on_header_failed
        )

    def _on_header(self, header: AreaHeader) -> None:
        if header.area.id != self.area_id:
            return  # another area was chosen meanwhile; its header comes next
        self._header_busy = False
        self.area_ids = header.area_ids
        for tab in self._tabs:
            self._fit_columns(tab)
        self.subtitle.setText(scope_name(header))
        self._mark_stale()
        if self.isVisible():
            self.refresh()

    def _on_header_failed(self, error: Exception) -> None:
        self._header_busy, self._area_pending = False, True  # tried again when shown again
        self._on_failed(self._current_tab(), error)

    def is_busy(self) -> bool:
        return self.timer.isActive() or self._header_busy or any(t.busy for t in self._tabs)

    def current_filter(self) -> ListFilter:
        handling = self.handling_combo.currentData()
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        return ListFilter(
            area_ids=self.area_ids,
            start=min(start, end),
            end=max(start, end),
            theme_id=current_id(self.theme_combo),
            author=self.author_combo.currentData() or None,
            handling=Handling(handling) if handling else None,
            text=self.search.text(),
        )

    def export_job(self) -> ExportJob:
        """The visible tab, whole, with the filters as they are set now."""
        filters = self.current_filter()
        name, build, personal = {
            SESSIONS: ("rondes", sessions_table, False),
            CONVERSATIONS: ("gesprekken", conversations_table, True),
            CONTACTS_TAB: ("contacten", contacts_table, True),
            ACTIONS_TAB: ("acties", actions_table, False),
        }[self._current_tab().key]
        return ExportJob(
            name, lambda session, options: [build(session, filters, options)], personal
        )

    # -- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._area_pending:
            self._read_area()  # the rows follow the header
        elif self._current_tab().stale:
            self.refresh()  # first on the worker: the rows are what the user waits for
        if self._stale_choices:
            self._read_choices()  # the theme and author filters (ui.lists.choices)
        super().showEvent(event)

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        """(alle) and `items` (data, text); what was chosen stays chosen, and when it is gone
        (an author whose records were erased) the lists follow the filter's (alle)."""
        keep = combo.currentData() or ""
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("(alle)"), "")
            for data, text in items:
                combo.addItem(text, data)
            select_data(combo, keep)
        finally:
            combo.blockSignals(False)
        if combo.currentData() != keep:
            self._filters_changed()

    def _current_tab(self) -> Tab:
        return self._tabs[max(0, self.tabs.currentIndex())]

    def _mark_stale(self) -> None:
        for tab in self._tabs:
            tab.stale = True

    def _filters_changed(self, *_args: object) -> None:
        self._mark_stale()
        self.status.setText(self.tr("Zoeken…"))
        self.timer.start()  # typing on: the query waits until the user pauses

    def _on_tab_changed(self, _index: int) -> None:
        self._update_filter_widgets()
        tab = self._current_tab()
        if tab.stale:
            self.refresh()
        else:
            self.status.setText(self.tr("Zoeken…") if tab.busy else tab.summary)

    def _update_filter_widgets(self) -> None:
        uses = self._current_tab().uses
        note = self.tr("Dit filter geldt niet voor deze lijst.")
        for name, combo in (
            ("theme", self.theme_combo),
            ("author", self.author_combo),
            ("handling", self.handling_combo),
        ):
            combo.setEnabled(name in uses)
            combo.setToolTip("" if name in uses else note)

    def _on_changes(self, kinds: frozenset[str]) -> None:
        self._choices_changed(kinds)  # read by the refresh (their kinds are among these)
        if kinds & {KOFFIEKAR, CONTACTS, ACTIONS, AREAS, THEMES}:
            self._mark_stale()
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Query the visible tab with the current filters, off the GUI thread (once the
        area's header is in)."""
        self.timer.stop()
        if self._area_pending or self._header_busy:
            return  # the tabs are stale: the header's arrival queries
        tab = self._current_tab()
        tab.stale = False
        tab.busy = True
        self.status.setText(self.tr("Zoeken…"))
        filters = self.current_filter()
        if tab.key != ACTIONS_TAB:  # the first rows in view while the rest is read (10x: s)
            self.context.background.submit(
                f"lists-{tab.key}-first",
                self._work(tab.key, filters, limit=FIRST_PAGE),
                owner=self,
                on_done=functools.partial(self._on_first_rows, tab),
                on_error=functools.partial(self._on_failed, tab),
            )
        if self._stale_choices:
            self._read_choices()  # a few ms: after the first rows, before the rest (10x: 1 s)
        self.context.background.submit(
            f"lists-{tab.key}",
            self._work(tab.key, filters),
            owner=self,
            on_done=functools.partial(self._on_rows, tab),
            on_error=functools.partial(self._on_failed, tab),
        )

    def _work(
        self, key: str, filters: ListFilter, *, limit: int = DEFAULT_LIMIT + 1
    ) -> Callable[[], list[Any]]:
        """The tab's query; `limit` DEFAULT_LIMIT + 1 tells when there are more."""
        context = self.context
        today = date.today()

        def sessions() -> list[Any]:
            with context.read() as session:
                return list_sessions(session, filters, limit=limit)

        def conversations() -> list[Any]:
            with context.read() as session:
                return list_conversations(session, filters, limit=limit)

        def contacts() -> list[Any]:
            with context.read() as session:
                return list_contacts(session, filters, limit=min(limit, DEFAULT_LIMIT))

        def actions() -> list[Any]:
            with context.read() as session:  # lines, soonest first (issue 19)
                return action_lines(
                    session,
                    area_ids=filters.area_ids,
                    start=filters.start,
                    end=filters.end,
                    text=filters.text,
                    author=filters.author,
                    today=today,
                )

        return {
            SESSIONS: sessions,
            CONVERSATIONS: conversations,
            CONTACTS_TAB: contacts,
            ACTIONS_TAB: actions,
        }[key]

    def _on_first_rows(self, tab: Tab, rows: list[Any]) -> None:
        """The first FIRST_PAGE rows, shown while the rest is still read."""
        if tab.busy:
            tab.model.set_rows(rows)
            self._fit_columns(tab)

    def _on_rows(self, tab: Tab, rows: list[Any]) -> None:
        tab.busy = False
        more = tab.key in (SESSIONS, CONVERSATIONS) and len(rows) > DEFAULT_LIMIT
        if more:
            rows = rows[:DEFAULT_LIMIT]
        tab.model.set_all_rows(rows)  # below the first page, when that is what is shown
        self._fit_columns(tab)
        count = format_number(len(rows))
        tab.summary = f"{count} {tab.one if len(rows) == 1 else tab.many}"
        if more:
            tab.summary = self.tr("meer dan %s %s; verfijn het filter") % (count, tab.many)
        if tab is self._current_tab() and not self.timer.isActive():
            self.status.setText(tab.summary)

    def _fit_columns(self, tab: Tab) -> None:
        """One area chosen: a 'Gebied' column would only repeat it; it gives its width away,
        as does a column empty on every row."""
        single = self.area_ids is not None and len(self.area_ids) == 1
        if tab.fit is not None:
            tab.fit.show_columns(tab.model, hidden={AREA_COLUMNS[tab.key]} if single else set())

    def _on_failed(self, tab: Tab, _error: Exception) -> None:
        tab.busy = False
        tab.stale = True
        tab.summary = self.tr("Zoeken mislukt; zie het logboek.")
        if tab is self._current_tab():
            self.status.setText(tab.summary)

    def _on_activated(self, key: str, index: QModelIndex) -> None:
        if key == SESSIONS:
            round_ = self.sessions_model.row_at(index)
            if round_ is not None:
                self.session_activated.emit(round_.id)
        elif key == CONVERSATIONS:
            row = self.conversations_model.row_at(index)
            if row is not None:
                self.conversation_activated.emit(row.id)
        elif key == CONTACTS_TAB:
            contact = self.contacts_model.row_at(index)
            if contact is not None:
                self.contact_activated.emit(contact.id)

    def set_period(self, start: date, end: date) -> None:
        """For the caller (and tests): another period than the last twelve months."""
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))
