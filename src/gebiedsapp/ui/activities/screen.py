"""Activiteiten: bewonersavonden, dorpsschouwen and meetings with a dorpsvereniging of the
area, and the area's agenda.

The first tab is the list (left) and the form (right), with the same rules as the contact
log (`ListFormScreen`): the form autosaves a draft on every change and on focus loss, Ctrl+Enter
saves (and deletes that draft in the same transaction), Escape never throws typed text away
without asking, editing keeps the earlier version ('Geschiedenis…'). The second tab is the
agenda.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import DraftKind
from gebiedsapp.services.activities import (
    ActivityInput,
    ActivityView,
    edit_activity,
    get_activity,
    link_options,
    list_activities,
    record_activity,
    remove_activity,
)
from gebiedsapp.services.activity_exports import activities_table
from gebiedsapp.services.drafts import DraftView
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.overview import AreaHeader
from gebiedsapp.ui.activities.agenda import AgendaPanel
from gebiedsapp.ui.activities.form import ActivityForm
from gebiedsapp.ui.activities.history import show_history
from gebiedsapp.ui.activities.models import ActivitiesModel
from gebiedsapp.ui.admin.common import confirm, make_table
from gebiedsapp.ui.context import (
    ACTIONS,
    ACTIVITIES,
    AREAS,
    INITIATIVES,
    KOFFIEKAR,
    SIGNALS,
    TEAM,
    THEMES,
    AppContext,
)
from gebiedsapp.ui.drafting import DraftAutosaver
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.layout import ColumnFit, FlowLayout, text_width
from gebiedsapp.ui.list_form import DraftListFormScreen
from gebiedsapp.ui.page import StaleList, form_keys, muted_label, page_title, scope_name
from gebiedsapp.ui.prompts import Leave, ask_leave

LOG_DAYS = 365  # the list shows a year back, and everything planned
AGENDA_TAB = 1


class ActivitiesScreen(DraftListFormScreen[ActivityView, ActivityForm], QWidget):
    list_job = "activities-list"  # the worker job that loads the list
    model: ActivitiesModel

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_list_form(context)
        self.links_state = StaleList(self, self._load_links)
        title = page_title(self.tr("Activiteiten"), self)
        self.subtitle = muted_label(self)
        list_panel = self._build_list_panel()
        form_body, form_panel = self._build_form_panel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(form_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([360, 560])
        # on a narrow screen (125% scaling) the form takes its width from the list first
        self._list_panel = list_panel
        self.splitter.installEventFilter(self)
        self.splitter.setChildrenCollapsible(False)

        self.agenda = AgendaPanel(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.splitter, self.tr("&Vastleggen"))
        self.tabs.addTab(self.agenda, self.tr("A&genda"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)

        self.autosaver = DraftAutosaver(
            context,
            kind=DraftKind.ACTIVITY,
            payload=self.form.payload,
            is_empty=self.form.is_empty,
            parent=self,
        )
        self.autosaver.watch(form_body)
        self._connect(form_body)
        self.record_buttons = (self.history_button, self.remove_button)
        self._update_mode()

    def _build_list_panel(self) -> QWidget:
        """Left: the area's activities, planned ones on top, with the export below."""
        self.model = ActivitiesModel(self)
        self.table = make_table(self.model, self, stretch_column=ActivitiesModel.COL_SUBJECT)
        self.table.setAccessibleName(self.tr("Activiteiten van het gebied"))
        header = self.table.horizontalHeader()
        header.resizeSection(ActivitiesModel.COL_DATE, 85)
        header.resizeSection(ActivitiesModel.COL_KIND, 80)
        header.resizeSection(ActivitiesModel.COL_ATTENDANCE, 75)
        for column in (ActivitiesModel.COL_TIME, ActivitiesModel.COL_AREA):
            self.table.setColumnHidden(column, True)  # in the subject's tooltip
        # on a narrow screen (125% scaling) the other columns give way to the subject
        self.column_fit = ColumnFit(self.table, minimum=text_width(self.table, 18))
        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 8, 0)
        list_layout.addWidget(self.list_label)
        list_layout.addWidget(self.table, 1)
        self.exporter = Exporter(self.context, self, self.export_job)
        hint_row = QHBoxLayout()
        hint_row.addWidget(
            muted_label(
                list_panel, self.tr("Dubbelklik (of Enter) om een activiteit te bewerken.")
            ),
            1,
        )
        hint_row.addWidget(self.exporter.button)
        list_layout.addLayout(hint_row)
        return list_panel

    def _build_form_panel(self) -> tuple[QWidget, QWidget]:
        """Right: the form, scrollable on a small laptop screen; its buttons stay in view.
        Returns the form's body (what the autosave and the keys watch) and the panel."""
        self.form = ActivityForm(self)
        self.save_button = QPushButton(self.tr("Opslaan (Ctrl+Enter)"), self)
        self.history_button = QPushButton(self.tr("Geschiedenis…"), self)
        self.history_button.setToolTip(self.tr("Eerdere versies van deze activiteit"))
        self.remove_button = QPushButton(self.tr("Verwijderen…"), self)
        self.remove_button.setToolTip(self.tr("Een per vergissing vastgelegde activiteit weghalen"))
        self.new_button = QPushButton(self.tr("Nieuwe activiteit"), self)
        self.cancel_button = QPushButton(self.tr("Annuleren (Esc)"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = FlowLayout()
        for button in (
            self.save_button,
            self.history_button,
            self.remove_button,
            self.new_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        form_body = QWidget(self)
        form_layout = QVBoxLayout(form_body)
        form_layout.setContentsMargins(8, 0, 8, 0)
        form_layout.addWidget(self.form, 1)
        self._form_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_body)
        QWidget.setTabOrder(self.form.last_field, self.save_button)
        form_panel = QWidget(self)
        panel_layout = QVBoxLayout(form_panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(scroll, 1)
        buttons.setContentsMargins(8, 0, 8, 0)
        panel_layout.addLayout(buttons)
        self.status.setContentsMargins(8, 0, 8, 0)
        panel_layout.addWidget(self.status)
        return form_body, form_panel

    def _connect(self, form_body: QWidget) -> None:
        self.autosaver.failed.connect(self.status.setText)
        self.form.changed.connect(self.autosaver.changed)
        form_keys(form_body, save=self.save, leave=self.leave_form)
        self.save_button.clicked.connect(self.save)
        self.history_button.clicked.connect(self.show_history)
        self.remove_button.clicked.connect(self.remove)
        self.new_button.clicked.connect(self.new_activity)
        self.cancel_button.clicked.connect(self.leave_form)
        self.tabs.currentChanged.connect(self._on_tab)
        self._connect_list()
        self.context.hub.changed.connect(self._on_changes)

    # -- public contract --------------------------------------------------------------------

    def _show_scope(self, header: AreaHeader) -> None:
        """The list and the agenda show the area with its sub-areas."""
        self.subtitle.setText(
            self.tr("Bewonersavonden, schouwen en overleggen in %s, en de agenda.")
            % scope_name(header)
        )
        if self.area_id is not None:
            self.agenda.set_area(self.area_id)

    def _on_area(self) -> None:
        self.links_state.changed()  # what the form offers to link: the area's records

    def may_close(self) -> bool:
        """Closing the window never loses typing here: flush() keeps it as a draft."""
        return True

    def export_job(self) -> ExportJob:
        """The list as shown: the area with its sub-areas, a year back and what is planned."""
        ids = self.area_ids
        start = date.today() - timedelta(days=LOG_DAYS)
        return ExportJob(
            "activiteiten",
            lambda session, _options: [activities_table(session, area_ids=ids, start=start)],
        )

    def flush(self) -> None:
        """The window closes (or an error happened): what is typed is kept as a draft."""
        if self._loaded and self._is_dirty() and not self.form.is_empty():
            self.autosaver.save_now()

    def new_activity(self) -> None:
        """Start a blank activity (asks first when the form holds unsaved text)."""
        self._ensure_loaded()
        self.tabs.setCurrentIndex(0)
        if not self._may_leave():
            return
        self._reset_form()
        self.status.setText("")
        self.form.focus_first()

    def restore_draft(self, draft: DraftView) -> None:
        """Continue a draft exactly as it was typed ('Herstel je werk?')."""
        self._ensure_loaded()
        if draft.kind is not DraftKind.ACTIVITY:
            return
        self.tabs.setCurrentIndex(0)
        if self.autosaver.draft_id not in (None, draft.id):
            self.autosaver.save_now()
        self.autosaver.suspended = True
        try:
            self.form.load_payload(
                draft.payload, today=date.today(), editing=draft.target_id is not None
            )
        finally:
            self.autosaver.suspended = False
        self.autosaver.start(draft_id=draft.id, target_id=draft.target_id)
        self.editing_id = draft.target_id
        self._baseline = {}
        self._update_mode()
        self.status.setText(self.tr("Concept hersteld. Sla het op met Ctrl+Enter."))
        self.form.focus_first()

    def edit_activity(self, activity_id: uuid.UUID) -> None:
        self._ensure_loaded()
        if not self._may_leave():
            return
        with self.context.read() as session:
            view = get_activity(session, activity_id)
        self.autosaver.suspended = True
        try:
            self.form.load_activity(view, today=date.today())
        finally:
            self.autosaver.suspended = False
        self.autosaver.start(target_id=view.id)
        self.editing_id = view.id
        self._baseline = self.form.payload()
        self._update_mode()
        self.status.setText("")
        self.form.focus_first()

    # -- loading ----------------------------------------------------------------------------

    def open_record(self, record_id: uuid.UUID) -> None:
        self.edit_activity(record_id)

    def _first_load(self) -> None:
        self._load_reference_data(AREAS, THEMES, TEAM)
        if self.editing_id is None and not self._is_dirty():
            self._reset_form()

    def _load_links(self) -> None:
        """The signals, actions and initiatives of the navigator's area, to link to."""
        self.links_state.stale = False
        self.autosaver.suspended = True
        try:
            with self.context.read() as session:
                options = link_options(session, area_ids=self.area_ids, today=date.today())
            self.form.set_link_options(options)
        finally:
            self.autosaver.suspended = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._give_the_form_its_width)
        return super().eventFilter(watched, event)

    def _give_the_form_its_width(self) -> None:
        """Move width from the list to the form while the form would scroll sideways and
        the list can spare it (its columns give way: ColumnFit)."""
        sizes = self.splitter.sizes()
        scroll = self._form_scroll
        body = scroll.widget()
        assert body is not None
        need = (  # the form, beside the vertical scroll bar it may have
            body.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )
        spare = sizes[0] - self._list_panel.minimumSizeHint().width()
        moved = min(need - sizes[1], spare)
        if moved > 0:
            self.splitter.setSizes([sizes[0] - moved, sizes[1] + moved])

    def _on_shown(self) -> None:
        self.links_state.shown()

    def _list_query(self) -> Callable[[Session], list[ActivityView]]:
        """The area's activities: a year back and everything planned."""
        ids, start = self.area_ids, date.today() - timedelta(days=LOG_DAYS)
        return lambda session: list_activities(session, area_ids=ids, start=start)

    def _on_reload(self) -> None:
        """The agenda reloads with the list when it is the tab in view."""
        if self.tabs.currentIndex() == AGENDA_TAB:
            self.agenda.reload()

    def _loading_text(self) -> str:
        return self.tr("Activiteiten laden…")

    def _failed_text(self) -> str:
        return self.tr("De activiteiten konden niet worden geladen. Zie het logboek.")

    def _on_list(self, rows: list[ActivityView]) -> None:
        self.model.today = date.today()
        self.model.set_rows(rows)
        self.list_label.setText(
            self.tr("%s activiteiten sinds %s (en gepland)")
            % (format_number(len(rows)), format_date(date.today() - timedelta(days=LOG_DAYS)))
        )

    def _on_tab(self, index: int) -> None:
        if index == AGENDA_TAB:  # the navigator's area, also while its header is still read
            self.agenda.set_area(self.area_id)
            self.agenda.reload()

    def _on_changes(self, kinds: frozenset[str]) -> None:
        reference = kinds & {AREAS, THEMES, TEAM}
        if reference and self._loaded:
            self._load_reference_data(*reference)
        if kinds & {SIGNALS, ACTIONS, INITIATIVES, AREAS} and self.area_ids is not None:
            self.links_state.changed()
        if kinds & {ACTIVITIES, AREAS, KOFFIEKAR}:
            self.list_state.changed()

    # -- form state -------------------------------------------------------------------------

    def _may_leave(self) -> bool:
        if not self._is_dirty():
            return True
        answer = ask_leave(
            self,
            title=self.tr("Activiteit niet opgeslagen"),
            text=self.tr("Je hebt deze activiteit nog niet opgeslagen. Wat wil je doen?"),
            detail=self.tr(
                "Een bewaard concept kun je later herstellen; weggooien kun je niet ongedaan maken."
            ),
        )
        if answer is Leave.CANCEL:
            return False
        if answer is Leave.DISCARD:
            self.autosaver.discard()
            self.status.setText(self.tr("Concept weggegooid."))
        else:
            self.autosaver.save_now()
            self.autosaver.start()
            self.status.setText(self.tr("Concept bewaard; je kunt het later herstellen."))
        return True

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Ctrl+Enter: check what is typed, then write it in one unit of work."""
        self._ensure_loaded()
        data = self.form.to_input()
        if data is None:
            QMessageBox.warning(self, self.tr("Niet opgeslagen"), self.tr("Kies een gebied."))
            return
        draft_id = self.autosaver.save_now()
        editing = self.editing_id
        failed_field: list[str | None] = []

        def work(session: Session) -> uuid.UUID:
            try:
                return _write(session, data, editing=editing, draft_id=draft_id)
            except ValidationError as exc:
                failed_field.append(exc.field)
                raise

        agreed = len(data.new_actions)
        changes = (ACTIVITIES, ACTIONS) if agreed else (ACTIVITIES,)
        saved = self.context.perform(self, work, changes=changes)
        if saved is None:
            self.form.focus_field(failed_field[0] if failed_field else None)
            return
        self.autosaver.finished()
        what = self.tr("Wijziging opgeslagen") if editing else self.tr("Activiteit opgeslagen")
        if agreed:
            what += self.tr(", met %s nieuwe actie(s)") % agreed
        self._reset_form()
        self.status.setText(f"{what}: {' '.join(data.subject.split())}")
        self.form.focus_first()

    def remove(self) -> None:
        activity_id = self.editing_id
        if activity_id is None or not confirm(
            self,
            self.tr("Activiteit verwijderen"),
            self.tr(
                "Deze activiteit verwijderen? Haal alleen weg wat per vergissing is vastgelegd."
            ),
        ):
            return

        def work(session: Session) -> None:
            remove_activity(session, activity_id)

        if self.context.perform(self, work, changes=(ACTIVITIES,), title="Niet verwijderd") is None:
            return
        self.autosaver.discard()
        self._reset_form()
        self.status.setText(self.tr("Activiteit verwijderd."))

    def show_history(self) -> None:
        if self.editing_id is not None:
            show_history(self.context, self.editing_id, self)


def _write(
    session: Session,
    data: ActivityInput,
    *,
    editing: uuid.UUID | None,
    draft_id: uuid.UUID | None,
) -> uuid.UUID:
    today = date.today()
    if editing is not None:
        return edit_activity(session, editing, data, today=today, draft_id=draft_id).id
    return record_activity(session, data, today=today, draft_id=draft_id).id
