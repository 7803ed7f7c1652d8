"""Bewonersinitiatieven: the initiatives of the area on the left, the form on the right.

An initiative lives for months, so after saving it stays open in the form (its milestones now
have their ids, so a second save edits them instead of adding them again). Escape never throws
typed text away without asking; editing keeps the earlier version ('Geschiedenis…').
There is no draft kind for initiatives: unsaved input is either saved, thrown away, or kept on
screen to go on typing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.initiatives import (
    InitiativeInput,
    InitiativeListItem,
    InitiativeView,
    create_initiative,
    edit_initiative,
    get_initiative,
    initiative_list,
    remove_initiative,
)
from gebiedsapp.services.list_exports import initiatives_tables
from gebiedsapp.services.overview import AreaHeader
from gebiedsapp.ui.admin.common import confirm, make_table
from gebiedsapp.ui.context import AREAS, INITIATIVES, PARTNERS, TEAM, THEMES, AppContext
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.initiatives.choices import Choices, read_choices
from gebiedsapp.ui.initiatives.form import InitiativeForm
from gebiedsapp.ui.initiatives.history import show_history
from gebiedsapp.ui.initiatives.models import InitiativesModel
from gebiedsapp.ui.initiatives.widgets import ask_leave
from gebiedsapp.ui.layout import ColumnFit, text_width
from gebiedsapp.ui.list_form import ListFormScreen
from gebiedsapp.ui.page import form_keys, muted_label, page_title, scope_name
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.prompts import Leave
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

NOT_SAVED = QT_TRANSLATE_NOOP("InitiativesScreen", "Niet opgeslagen")


class InitiativesScreen(ListFormScreen[InitiativeListItem, InitiativeForm], QWidget):
    list_job = "initiatives-list"  # the worker job that loads the list

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_list_form(context)
        self._choices_pending = 0  # reads of the form's choices under way on the worker
        self._choices_generation = 0  # a read at once makes those under way too old

        title = page_title(self.tr("Initiatieven"), self)
        self.subtitle = muted_label(self)
        list_panel = self._make_list_panel(context)
        form_panel = self._make_form_panel()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(form_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([380, 480])  # the form its width first; the list the rest
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)

        form_keys(form_panel, save=self.save, leave=self.leave_form)
        self._wire(context)
        self._update_mode()

    def _make_list_panel(self, context: AppContext) -> QWidget:
        """Left: the initiatives of this area, with 'Nieuw initiatief' and the export."""
        self.model = InitiativesModel(self)
        self.table = make_table(self.model, self, stretch_column=InitiativesModel.COL_TITLE)
        self.table.setAccessibleName(self.tr("Initiatieven van het gebied"))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column, width in (
            (InitiativesModel.COL_STATUS, 108),
            (InitiativesModel.COL_AREA, 85),
            (InitiativesModel.COL_SINCE, 82),
            (InitiativesModel.COL_NEXT, 135),
            (InitiativesModel.COL_GRANTED, 72),
        ):
            header.resizeSection(column, width)
        self.column_fit = ColumnFit(self.table, minimum=text_width(self.table, 20))
        self.list_label = QLabel(self)
        self.ended_check = QCheckBox(self.tr("Ook afgeronde en gestopte"), self)
        self.ended_check.setToolTip(self.tr("Toon ook de initiatieven die klaar of gestopt zijn"))
        top_row = QHBoxLayout()
        top_row.addWidget(self.list_label, 1)
        top_row.addWidget(self.ended_check)
        hint = QLabel(self.tr("Dubbelklik (of Enter) om te openen."), self)
        style(hint, "color: $muted;")
        hint.setWordWrap(True)
        self.exporter = Exporter(context, self, self.export_job)
        self.new_button = QPushButton(self.tr("Nieuw initiatief"), self)
        self.new_button.setToolTip(self.tr("Begin een nieuw initiatief in het formulier"))
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(hint, 1)
        bottom_row.addWidget(self.new_button)
        bottom_row.addWidget(self.exporter.button)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 8, 0)
        list_layout.addLayout(top_row)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(bottom_row)
        return list_panel

    def _make_form_panel(self) -> QWidget:
        """Right: the form, scrollable on a small laptop screen; Opslaan and Annuleren stay
        in sight below it."""
        self.form = InitiativeForm(self)
        self.save_button = QPushButton(self.tr("Opslaan (Ctrl+Enter)"), self)
        self.history_button = QPushButton(self.tr("Geschiedenis…"), self)
        self.history_button.setToolTip(self.tr("Eerdere versies van dit initiatief"))
        self.remove_button = QPushButton(self.tr("Verwijderen…"), self)
        self.remove_button.setToolTip(self.tr("Verwijder dit initiatief (na een vraag)"))
        self.cancel_button = QPushButton(self.tr("Annuleren (Esc)"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.form.heading_row.addWidget(self.history_button)  # about this record, not the input
        self.form.heading_row.addWidget(self.remove_button)
        form_body = QWidget(self)
        form_layout = QVBoxLayout(form_body)
        form_layout.setContentsMargins(8, 0, 4, 0)
        form_layout.addWidget(self.form, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_body)
        form_panel = QWidget(self)
        panel_layout = QVBoxLayout(form_panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(scroll, 1)
        buttons.setContentsMargins(8, 0, 4, 0)
        panel_layout.addLayout(buttons)
        self.status.setContentsMargins(8, 0, 4, 0)
        panel_layout.addWidget(self.status)
        QWidget.setTabOrder(self.form.partners, self.save_button)
        return form_panel

    def _wire(self, context: AppContext) -> None:
        self.save_button.clicked.connect(self.save)
        self.history_button.clicked.connect(self.show_history)
        self.remove_button.clicked.connect(self.remove)
        self.new_button.clicked.connect(self.new_initiative)
        self.cancel_button.clicked.connect(self.leave_form)
        self.ended_check.toggled.connect(self.reload_list)
        self._connect_list()
        context.hub.changed.connect(self._on_changes)
        self.record_buttons = (self.history_button, self.remove_button)

    # -- public contract --------------------------------------------------------------------

    def _show_scope(self, header: AreaHeader) -> None:
        self.subtitle.setText(
            self.tr("Bewonersinitiatieven in %s: status, mijlpalen, ondersteuning en budget.")
            % scope_name(header)
        )
        self.table.setColumnHidden(InitiativesModel.COL_AREA, len(header.area_ids) <= 1)

    def export_job(self) -> ExportJob:
        """The list as shown: the area with its sub-areas, ended ones only when ticked."""
        ids, ended = self.area_ids, self.ended_check.isChecked()
        return ExportJob(
            "initiatieven",
            lambda session, options: initiatives_tables(
                session, options, area_ids=ids, include_ended=ended
            ),
        )

    def new_initiative(self) -> None:
        """Start a blank initiative (asks first when the form holds unsaved input)."""
        self._ensure_loaded()
        self._settle_choices()
        said = self.status.text()
        if not self._may_leave():
            return
        self._reset_form()
        if self.status.text() == said:  # keep what the question's answer just reported
            self.status.setText("")
        self.form.focus_first()

    def edit_initiative(self, initiative_id: uuid.UUID) -> None:
        self._ensure_loaded()
        self._settle_choices()
        if initiative_id == self.editing_id and self._is_dirty():
            self.form.focus_first()  # already open, with changes: keep them
            return
        if initiative_id != self.editing_id and not self._may_leave():
            return
        with self.context.read() as session:
            view = get_initiative(session, initiative_id)
        self._load(view)
        self.status.setText("")
        self.form.focus_first()

    # -- loading ----------------------------------------------------------------------------

    def open_record(self, record_id: uuid.UUID) -> None:
        self.edit_initiative(record_id)

    def _first_load(self) -> None:
        self._load_choices(AREAS, THEMES, PARTNERS, TEAM)
        if self.editing_id is None:
            self._reset_form()

    def _load_choices(self, *kinds: str) -> None:
        """The areas, themes, partners and team members the form offers, read on the worker;
        the form waits (disabled) until they are in."""
        self._choices_pending += 1
        self._set_form_enabled()
        read, asked = self.context.read, frozenset(kinds)
        generation = self._choices_generation

        def work() -> Choices:
            with read() as session:
                return read_choices(session, asked)

        self.context.background.submit(
            f"initiatives-choices:{','.join(sorted(asked))}", work, owner=self,
            on_done=lambda choices: self._on_choices(choices, generation),
            on_error=self._on_choices_failed,
        )  # fmt: skip

    def _settle_choices(self) -> None:
        """'Nieuw initiatief', opening one, saving: they need the choices now, not when the
        worker is done (a read under way is then not applied again)."""
        if self._choices_pending == 0:
            return
        self._choices_generation += 1
        self._choices_pending = 0
        with self.context.read() as session:
            choices = read_choices(session, frozenset({AREAS, THEMES, PARTNERS, TEAM}))
        self._apply_choices(choices)
        self._set_form_enabled()

    def _on_choices(self, choices: Choices, generation: int) -> None:
        if generation != self._choices_generation:
            return  # read at once meanwhile (_settle_choices)
        self._apply_choices(choices)
        self._choices_pending -= 1
        self._set_form_enabled()

    def _apply_choices(self, choices: Choices) -> None:
        keep_clean = not self._is_dirty()
        if choices.areas is not None:
            self.form.set_areas(choices.areas)
        if choices.theme_names is not None and choices.themes is not None:
            self.form.theme_names = choices.theme_names
            self.form.set_theme_options(choices.themes)
        if choices.partners is not None:
            self.form.set_partners(choices.partners)
        if choices.members is not None:
            self.form.set_members(choices.members)
        if self.editing_id is None and keep_clean:
            self._reset_form()  # the area chosen for a new one: its combo has it now
        elif keep_clean:  # a new choice offered is not unsaved input
            self._baseline = self.form.snapshot()

    def _on_choices_failed(self, _error: Exception) -> None:
        self._choices_pending = max(self._choices_pending - 1, 0)
        self.status.setText(self.tr("De keuzes van het formulier konden niet worden geladen."))

    def _set_form_enabled(self) -> None:
        ready = self._choices_pending == 0
        for widget in (self.form, self.save_button):
            widget.setEnabled(ready)

    def _list_query(self) -> Callable[[Session], list[InitiativeListItem]]:
        """The area's initiatives; the ended ones only when ticked. As compact rows, made on
        the worker (InitiativeListItem)."""
        ids, ended = self.area_ids, self.ended_check.isChecked()
        return lambda session: initiative_list(session, area_ids=ids, include_ended=ended)

    def _loading_text(self) -> str:
        return self.tr("Initiatieven laden…")

    def _failed_text(self) -> str:
        return self.tr("De initiatieven konden niet worden geladen.")

    def _on_list(self, rows: list[InitiativeListItem]) -> None:
        keep = self.editing_id
        self.model.set_rows(rows)
        count = format_number(len(rows))
        one = len(rows) == 1
        if self.ended_check.isChecked():
            text = (self.tr("%s initiatief") if one else self.tr("%s initiatieven")) % count
        else:
            text = (
                self.tr("%s lopend initiatief") if one else self.tr("%s lopende initiatieven")
            ) % count
        self.list_label.setText(text)
        for position, row in enumerate(rows):
            if row.id == keep:
                self.table.selectRow(position)

    def _on_changes(self, kinds: frozenset[str]) -> None:
        choices = kinds & {AREAS, THEMES, PARTNERS, TEAM}
        if choices and self._loaded:
            self._load_choices(*choices)
        if kinds & {INITIATIVES, AREAS}:
            self.list_state.changed()

    # -- form state -------------------------------------------------------------------------

    def _reset_form(self) -> None:
        self.form.clear(area_id=self.area_id, today=date.today())
        self.editing_id = None
        self._baseline = self.form.snapshot()
        self._update_mode()
        self.table.clearSelection()

    def _load(self, view: InitiativeView) -> None:
        self.form.load(view)
        self.editing_id = view.id
        self._baseline = self.form.snapshot()
        self._update_mode()

    def _is_dirty(self) -> bool:
        if self.editing_id is None and self.form.is_empty():
            return False
        return self.form.snapshot() != self._baseline

    def _may_leave(self) -> bool:
        """True when the form may be emptied: nothing unsaved, or the user chose what to do."""
        self.form.milestones.delegate.commit_open_editors()
        if not self._is_dirty():
            return True
        answer = ask_leave(self)
        if answer is Leave.CANCEL:
            return False
        if answer is Leave.KEEP:
            return self.save()
        self.status.setText(self.tr("Wijzigingen weggegooid."))
        return True

    def may_close(self) -> bool:
        """The window closes: unsaved input is saved, thrown away or kept (then it stays)."""
        return self._may_leave()

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Ctrl+Enter: check what is typed, then write it in one unit of work."""
        self._ensure_loaded()
        self._settle_choices()
        self.form.milestones.delegate.commit_open_editors()
        try:
            data = self.form.to_input()
        except ValidationError as exc:  # an amount or a date that is not one: nothing written
            QMessageBox.warning(self, self.tr(NOT_SAVED), exc.message)
            self.form.focus_field(exc.field)
            return False
        editing = self.editing_id
        failed_field: list[str | None] = []

        def work(session: Session) -> uuid.UUID:
            try:
                return _write(session, data, editing=editing)
            except ValidationError as exc:
                failed_field.append(exc.field)
                raise

        saved = self.context.perform(self, work, changes=(INITIATIVES,))
        if saved is None:
            self.form.focus_field(failed_field[0] if failed_field else None)
            return False
        with self.context.read() as session:
            view = get_initiative(session, saved)
        self._load(view)
        what = self.tr("Wijziging opgeslagen") if editing else self.tr("Initiatief opgeslagen")
        self.status.setText(f"{what}: {view.title}")
        return True

    def remove(self) -> None:
        """'Verwijderen…': for an initiative entered by mistake; asks first (No is default)."""
        initiative_id = self.editing_id
        if initiative_id is None:
            return
        name = self.form.title_edit.text().strip() or self.tr("dit initiatief")
        question = (
            self.tr(
                "'%s' verwijderen? Het verdwijnt uit de lijsten en de samenvatting; de "
                "geschiedenis blijft bewaard. Is het initiatief gestopt, kies dan liever de "
                "status 'Gestopt'."
            )
            % name
        )
        if not confirm(self, self.tr("Initiatief verwijderen"), question):
            return

        def work(session: Session) -> bool:
            remove_initiative(session, initiative_id)
            return True

        removed = self.context.perform(
            self, work, changes=(INITIATIVES,), title=self.tr("Niet verwijderd")
        )
        if removed is None:
            return
        self._reset_form()
        self.status.setText(self.tr("Initiatief verwijderd: %s") % name)
        self.form.focus_first()

    def show_history(self) -> None:
        if self.editing_id is not None:
            show_history(self.context, self.editing_id, self)


def _write(session: Session, data: InitiativeInput, *, editing: uuid.UUID | None) -> uuid.UUID:
    if editing is not None:
        return edit_initiative(session, editing, data, today=date.today()).id
    return create_initiative(session, data, today=date.today()).id
