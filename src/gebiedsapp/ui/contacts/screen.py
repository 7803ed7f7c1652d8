"""The contact log (opbouwwerk): the contacts of the area on the left, the form on the right.

Same rules as the koffiekar conversations: the form autosaves a draft on every change and on
focus loss; saving deletes that draft in the same transaction that writes the contact and its
agreed actions; Escape never throws typed text away without asking; editing a logged contact
keeps the earlier version ('Geschiedenis…').
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import ContactType, ContactWith, DraftKind
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.contact_record import contact_labels
from gebiedsapp.services.contacts import (
    ContactView,
    get_contact,
)
from gebiedsapp.services.drafts import DraftView
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.history import history
from gebiedsapp.services.list_exports import contacts_table
from gebiedsapp.services.lists import ListFilter, list_contacts
from gebiedsapp.services.overview import AreaHeader
from gebiedsapp.services.taxonomy import list_partners, list_themes
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.contacts.form import ContactForm, partner_options
from gebiedsapp.ui.contacts.form_panel import FormPanel, LazyFormPanel
from gebiedsapp.ui.contacts.history import HistoryDialog, enum_label, history_lines
from gebiedsapp.ui.contacts.meedenkers import MeedenkerChoices, read_meedenkers
from gebiedsapp.ui.contacts.models import ContactLine, ContactRowsModel, contact_rows
from gebiedsapp.ui.contacts.writing import write_contact
from gebiedsapp.ui.context import (
    ACTIONS,
    AREAS,
    CONTACTS,
    KOFFIEKAR,
    PARTNERS,
    TEAM,
    THEMES,
    AppContext,
)
from gebiedsapp.ui.drafting import DraftAutosaver
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.layout import ColumnFit, text_width
from gebiedsapp.ui.list_form import DraftListFormScreen
from gebiedsapp.ui.page import form_keys, muted_label, page_title, scope_name
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.prompts import Leave
from gebiedsapp.ui.prompts import ask_leave as ask_question
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

LOG_DAYS = 365
FIRST_PAGE = 100  # rows shown before the whole list is in
MEEDENKERS_FAILED = QT_TRANSLATE_NOOP(
    "ContactsScreen", "Het register van meedenkers kon niet worden geladen. Zie het logboek."
)
CHOOSE_MEEDENKER_AGAIN = QT_TRANSLATE_NOOP(
    "ContactsScreen",
    "Dit contact was met een meedenker uit het register: kies die meedenker opnieuw bij 'Met wie' "
    "voordat je opslaat.",
)


def ask_leave(parent: QWidget) -> Leave:
    return ask_question(
        parent,
        title=parent.tr("Contact niet opgeslagen"),
        text=parent.tr("Je hebt dit contact nog niet opgeslagen. Wat wil je doen?"),
        detail=parent.tr(
            "Een bewaard concept kun je later herstellen; weggooien kun je niet ongedaan maken."
        ),
    )


# `form` and `autosaver` are LazyFormPanel's read-only properties (made on first use), where
# the list-form bases declare attributes that other screens set in their __init__
class ContactsScreen(  # type: ignore[override]
    LazyFormPanel, DraftListFormScreen[ContactLine, ContactForm], QWidget
):
    list_job = "contacts-log"  # the worker job that loads the list
    signal_requested = Signal(object)  # a contact id: the window opens a new signal for it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meedenkers_stale = False  # the register was not read for the form's area yet
        self._putting_record = False  # a contact or draft with a meedenker is put in the form
        self._start_list_form(context)

        title = page_title(self.tr("Contacten"), self)
        self.subtitle = muted_label(self)
        list_panel = self._make_list_panel(context)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(list_panel)
        self._start_form_panel()  # the form's side: made after the first paint (issue 19)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 560])  # the form its width first; the list the rest
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)

        self._connect_list()
        context.hub.changed.connect(self._on_changes)

    def _make_list_panel(self, context: AppContext) -> QWidget:
        """Left: what was logged in this area, with the export button."""
        self.model = ContactRowsModel(self)
        self.table = make_table(self.model, self, stretch_column=ContactRowsModel.COL_SUBJECT)
        self.table.setAccessibleName(self.tr("Gelogde contacten"))
        for column in (
            ContactRowsModel.COL_AREA,
            ContactRowsModel.COL_WITH,
            ContactRowsModel.COL_THEMES,
            ContactRowsModel.COL_AUTHOR,
        ):
            self.table.setColumnHidden(column, True)  # in the subject's tooltip
        header = self.table.horizontalHeader()
        header.resizeSection(ContactRowsModel.COL_DATE, 85)
        header.resizeSection(ContactRowsModel.COL_TYPE, 95)
        self.column_fit = ColumnFit(self.table, minimum=text_width(self.table, 18))
        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 8, 0)
        list_layout.addWidget(self.list_label)
        list_layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Dubbelklik (of Enter) om een contact te bewerken."), list_panel)
        style(hint, "color: $muted;")
        hint.setWordWrap(True)
        self.exporter = Exporter(context, self, self.export_job)
        hint_row = QHBoxLayout()
        hint_row.addWidget(hint, 1)
        hint_row.addWidget(self.exporter.button)
        list_layout.addLayout(hint_row)
        return list_panel

    def _connect_form_panel(self, built: FormPanel) -> None:
        """The form's draft autosave, keys and buttons (LazyFormPanel: once it is made)."""
        self._autosaver = autosaver = DraftAutosaver(
            self.context,
            kind=DraftKind.CONTACT,
            payload=built.form.payload,
            is_empty=built.form.is_empty,
            parent=self,
        )
        autosaver.watch(built.body)
        autosaver.failed.connect(built.status.setText)
        built.form.changed.connect(autosaver.changed)
        built.form.area_combo.currentIndexChanged.connect(self._load_meedenkers)

        form_keys(built.body, save=self.save, leave=self.leave_form)

        built.save_button.clicked.connect(self.save)
        built.history_button.clicked.connect(self.show_history)
        built.signal_button.clicked.connect(
            lambda: self.signal_requested.emit(self.editing_id) if self.editing_id else None
        )
        built.new_button.clicked.connect(self.new_contact)
        built.cancel_button.clicked.connect(self.leave_form)
        self.record_buttons = (built.history_button, built.signal_button)

    def _on_form_placed(self) -> None:
        """What the screen did to the form before it was there: a blank form for the
        navigator's area, with the choices that came in meanwhile, usable once they are in."""
        self._apply_held_choices()
        self.form_panel.setEnabled(self._ready)
        if self.editing_id is None:
            self._reset_form()
        else:
            self._update_mode()
        if self._meedenkers_stale and self._ready and self.isVisible():
            self._load_meedenkers()

    # -- public contract --------------------------------------------------------------------

    def _show_scope(self, header: AreaHeader) -> None:
        self.subtitle.setText(
            self.tr("Contacten van de opbouwwerker in %s: huisbezoeken, telefoon, bijeenkomsten.")
            % scope_name(header)
        )

    def export_job(self) -> ExportJob:
        """The list as shown: the area with its sub-areas, the last LOG_DAYS days."""
        filters = ListFilter(area_ids=self.area_ids, start=date.today() - timedelta(days=LOG_DAYS))
        return ExportJob(
            "contacten",
            lambda session, options: [contacts_table(session, filters, options)],
            personal_data=True,
        )

    def new_contact(self) -> None:
        """Start a blank contact (asks first when the form holds unsaved text)."""
        self._when_ready(self._new_contact)

    def _new_contact(self) -> None:
        if not self._may_leave():
            return
        self._reset_form()
        self.status.setText("")
        self.form.focus_first()

    def restore_draft(self, draft: DraftView) -> None:
        """Continue a draft exactly as it was typed ('Herstel je werk?'), once the form's
        choices are in."""
        if draft.kind is DraftKind.CONTACT:
            self._when_ready(lambda: self._restore_draft(draft))

    def _restore_draft(self, draft: DraftView) -> None:
        if self.autosaver.draft_id not in (None, draft.id):
            self.autosaver.save_now()  # the work in the form stays recoverable too
        self.autosaver.suspended = True
        self._putting_record = bool(draft.payload.get("meedenker_id"))
        try:
            if self._meedenkers_stale:  # the form's area's register, before its choice
                self._load_meedenkers()
            self.form.load_payload(
                draft.payload, today=date.today(), editing=draft.target_id is not None
            )
        finally:
            self.autosaver.suspended = self._putting_record = False
        self.autosaver.start(draft_id=draft.id, target_id=draft.target_id)
        self.editing_id = draft.target_id
        self._baseline = {}  # a restored draft always counts as unsaved work
        self._update_mode()
        self.status.setText(self.tr("Concept hersteld. Sla het op met Ctrl+Enter."))
        self.form.focus_first()

    def edit_contact(self, contact_id: uuid.UUID) -> None:
        """Open a logged contact in the form; saving keeps the earlier version."""
        self._when_ready(lambda: self._edit_contact(contact_id))

    def _edit_contact(self, contact_id: uuid.UUID) -> None:
        if not self._may_leave():
            return
        with self.context.read() as session:
            view = get_contact(session, contact_id)
        self._load_contact(view)

    # -- loading ----------------------------------------------------------------------------

    def open_record(self, record_id: uuid.UUID) -> None:
        self.edit_contact(record_id)

    def _first_load(self) -> None:
        """The form's choices on the worker; the form waits for them, the list does not."""
        self._load_reference_data_later(AREAS, THEMES, PARTNERS, TEAM, first=True)

    def _on_choices_ready(self) -> None:
        if self.editing_id is None and not self._is_dirty():
            self._reset_form()
        self._load_meedenkers()

    def _set_form_enabled(self, enabled: bool) -> None:
        if self._form_exists():  # else: as it is made (_on_form_placed)
            self.form_panel.setEnabled(enabled)

    def _read_more_choices(self, session: Session, kinds: tuple[str, ...]) -> dict[str, Any]:
        if PARTNERS not in kinds:
            return {}
        return {PARTNERS: partner_options(list_partners(session, include_retired=True))}

    def _apply_more_choices(self, found: dict[str, Any]) -> None:
        if PARTNERS in found:
            self.form.set_partners(found[PARTNERS])

    def _load_meedenkers(self, *_args: object) -> None:
        """The register entries of the area chosen in the form (and its sub-areas), read off
        the GUI thread (ui.contacts.meedenkers). Hidden (an area clicked, a conversation saved
        elsewhere): read when shown again. While a contact or draft with a meedenker is put in
        the form, read at once: its meedenker must be there to choose."""
        if not self._form_exists() or (not self.isVisible() and not self._putting_record):
            self._meedenkers_stale = True  # read for the form's area once it is there
            return
        self._meedenkers_stale = False
        area_id, context = self.form.area_id, self.context
        if self._putting_record:
            self._on_meedenkers(read_meedenkers(context, area_id))
            return
        context.background.submit(
            "contacts-meedenkers", lambda: read_meedenkers(context, area_id), owner=self,
            on_done=self._on_meedenkers,
            on_error=lambda error: self.status.setText(self.tr(MEEDENKERS_FAILED)),
        )  # fmt: skip

    def _on_meedenkers(self, found: MeedenkerChoices) -> None:
        if found.area_id == self.form.area_id:  # else the form moved on to another area
            self.form.set_meedenkers(found)

    def _list_query(self) -> Callable[[Session], list[ContactLine]]:
        """The area's contacts of the last year, as compact rows (made on the worker)."""
        filters = ListFilter(area_ids=self.area_ids, start=date.today() - timedelta(days=LOG_DAYS))
        return lambda session: contact_rows(list_contacts(session, filters))

    def _first_page_query(self) -> Callable[[Session], list[ContactLine]]:
        """The newest FIRST_PAGE of them (the whole municipality's year: seconds at 10x)."""
        filters = ListFilter(area_ids=self.area_ids, start=date.today() - timedelta(days=LOG_DAYS))
        return lambda session: contact_rows(list_contacts(session, filters, limit=FIRST_PAGE))

    def _on_shown(self) -> None:
        if self._meedenkers_stale:
            self._load_meedenkers()

    def _loading_text(self) -> str:
        return self.tr("Contacten laden…")

    def _failed_text(self) -> str:
        return self.tr("De contacten konden niet worden geladen. Zie het logboek.")

    def _on_list(self, rows: list[ContactLine]) -> None:
        self.model.set_all_rows(rows)  # below its first page, if that is shown
        self.list_label.setText(
            self.tr("%s contacten sinds %s")
            % (format_number(len(rows)), format_date(date.today() - timedelta(days=LOG_DAYS)))
        )

    def _on_changes(self, kinds: frozenset[str]) -> None:
        reference = kinds & {AREAS, THEMES, PARTNERS, TEAM}
        if reference and self._loaded:
            self._load_reference_data_later(*sorted(reference))
        if kinds & {AREAS, KOFFIEKAR} and self._loaded:  # conversations add meedenkers
            self._load_meedenkers()
        if kinds & {CONTACTS, AREAS}:
            self.list_state.changed()

    # -- form state -------------------------------------------------------------------------

    def _load_contact(self, view: ContactView) -> None:
        self.autosaver.suspended = True
        self._putting_record = view.meedenker_id is not None
        try:
            if self._meedenkers_stale:  # the form's area's register, before its choice
                self._load_meedenkers()
            self.form.load_contact(view, today=date.today())
        finally:
            self.autosaver.suspended = self._putting_record = False
        self.autosaver.start(target_id=view.id)
        self.editing_id = view.id
        self._baseline = self.form.payload()
        self._update_mode()
        if view.with_kind is ContactWith.MEEDENKER and view.meedenker_id is None:
            self.status.setText(self.tr(CHOOSE_MEEDENKER_AGAIN))
            self.form.meedenker_combo.setFocus()
        else:
            self.status.setText("")
            self.form.subject_edit.setFocus()

    def _may_leave(self) -> bool:
        """True when the form may be emptied: nothing typed, or the user chose what to do."""
        if not self._is_dirty():
            return True
        answer = ask_leave(self)
        if answer is Leave.CANCEL:
            return False
        if answer is Leave.DISCARD:
            self.autosaver.discard()
            self.status.setText(self.tr("Concept weggegooid."))
        else:
            self.autosaver.save_now()
            self.autosaver.start()  # the draft stays in the database; the form starts fresh
            self.status.setText(self.tr("Concept bewaard; je kunt het later herstellen."))
        return True

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Ctrl+Enter: write the contact and its agreed actions in one unit of work."""
        self._ensure_loaded()
        if not self._ready:
            return  # the form is disabled until its choices are in
        data = self.form.to_input()
        if data is None:
            QMessageBox.warning(self, self.tr("Niet opgeslagen"), self.tr("Kies een gebied."))
            return
        actions = self.form.actions_to_create()
        draft_id = self.autosaver.save_now()
        editing = self.editing_id
        failed_field: list[str | None] = []

        def work(session: Session) -> uuid.UUID:
            try:
                return write_contact(session, data, actions, editing=editing, draft_id=draft_id)
            except ValidationError as exc:
                failed_field.append(exc.field)
                raise

        changes = (CONTACTS, ACTIONS) if actions else (CONTACTS,)
        saved = self.context.perform(self, work, changes=changes)
        if saved is None:
            self.form.focus_field(failed_field[0] if failed_field else None)
            return
        self.autosaver.finished()
        what = self.tr("Wijziging opgeslagen") if editing else self.tr("Contact opgeslagen")
        if actions:
            what += self.tr(", met %s actie(s)") % len(actions)
        self._reset_form()
        self.status.setText(f"{what}: {data.subject.strip()}")
        self.form.focus_first()

    def show_history(self) -> None:
        contact_id = self.editing_id
        if contact_id is None:
            return
        with self.context.read() as session:
            entries = history(session, "contact", contact_id)
            names: dict[str, str] = {str(n.id): n.name for n in area_tree(session)}
            names.update({str(t.id): t.name for t in list_themes(session)})
            names.update({str(p.id): p.name for p in list_partners(session)})

        def describe(field: str, value: Any) -> str:
            if value in (None, "", []):
                return "—"
            if field == "themes" and isinstance(value, list):
                return ", ".join(sorted(names.get(str(v), "?") for v in value))
            if field == "date":
                try:
                    return format_date(date.fromisoformat(str(value)))
                except ValueError:
                    return str(value)
            if field == "contact_type":
                return enum_label(ContactType, value)
            if field == "with_kind":
                return enum_label(ContactWith, value)
            if field == "resident_id":
                return self.tr("(een meedenker)")  # never a resident's name here
            return names.get(str(value), str(value))

        lines = history_lines(entries, labels=contact_labels(), describe=describe)
        dialog = HistoryDialog(self.tr("Geschiedenis van dit contact"), lines, self)
        dialog.exec()
