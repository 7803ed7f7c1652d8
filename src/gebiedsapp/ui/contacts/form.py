"""The contact form: lays out the fields and turns them into a ContactInput or a draft payload.

It knows nothing about saving; the screen decides when to save, autosave or ask.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import ContactWith
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.contact_record import (
    ACTIONS,
    AREA,
    CONTACT_TYPE,
    DAY,
    GROUP,
    MEEDENKER,
    NEW_ACTION,
    NOTES,
    PARTNER,
    RECORD_FIELDS,
    SUBJECT,
    WITH_KIND,
    WITH_WHOM,
    ContactDraft,
)
from gebiedsapp.services.contacts import ContactView
from gebiedsapp.services.record_fields import FieldDef, InputKind
from gebiedsapp.services.taxonomy_views import PartnerView
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.admin.common import (
    fill_area_combo,
    id_text,
    select_data,
)
from gebiedsapp.ui.admin.common import make_table as _make_table
from gebiedsapp.ui.contacts.form_values import ContactFormValues
from gebiedsapp.ui.contacts.meedenkers import MeedenkerChoices, MeedenkerModel
from gebiedsapp.ui.contacts.models import PendingActionsModel
from gebiedsapp.ui.contacts.themes import ThemeOption, ThemePicker
from gebiedsapp.ui.formatting import to_qdate
from gebiedsapp.ui.personal_data import PersonalDataWarning
from gebiedsapp.ui.record_inputs import make_input, watch_input, write_input
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

W = TypeVar("W", bound=QWidget)
DEFAULT_DUE_DAYS = 14
MEEDENKER_CHARACTERS = 30  # a name and its village
NO_MEEDENKERS = QT_TRANSLATE_NOOP("ContactForm", "(geen meedenkers in dit gebied)")


@dataclass(frozen=True)
class PartnerOption:
    id: uuid.UUID
    name: str
    retired: bool


def partner_options(partners: Iterable[PartnerView]) -> list[PartnerOption]:
    """What a form offers of the partners (retired ones stay, to show an older choice)."""
    return [PartnerOption(p.id, p.name, p.retired) for p in partners]


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setAccessibleName(name)
    return edit


class ContactForm(ContactFormValues, QWidget):
    """Fields of one contact plus the actions agreed in it; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._partners: list[PartnerOption] = []
        self._members: list[MemberView] = []
        self._theme_names: dict[uuid.UUID, str] = {}  # of themes no longer offered
        self.default_owner: uuid.UUID | None = None
        self.inputs: dict[str, QWidget] = {}  # per draft key (services.contact_record)

        self.heading = QLabel(self.tr("Nieuw contact"), self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self._make_record_inputs()
        self._make_action_inputs()

        self._lay_out()
        self._connect()
        self.actions_table.installEventFilter(self)
        self.action_edit.installEventFilter(self)
        self._show_with_fields()

    def _make_record_inputs(self) -> None:
        """The contact's own fields, each made from its definition."""
        self.date_edit = self._input(DAY, QDateEdit)
        self.type_combo = self._input(CONTACT_TYPE, QComboBox)
        self.area_combo = self._input(AREA, QComboBox)
        self.area_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.with_combo = self._input(WITH_KIND, QComboBox)
        self.group_edit = self._input(GROUP, QLineEdit)
        self.partner_combo = self._input(PARTNER, QComboBox)
        self.partner_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.meedenker_combo = self._input(MEEDENKER, QComboBox)
        self.meedenker_combo.setToolTip(
            self.tr("De meedenkers van dit gebied (met toestemming in het register)")
        )
        self.meedenker_combo.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.meedenkers = MeedenkerModel(self)
        self.meedenker_combo.setModel(self.meedenkers)
        self.meedenker_combo.setMinimumContentsLength(MEEDENKER_CHARACTERS)
        self.meedenker_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )  # not measured over every entry of the register
        self.subject_edit = self._input(SUBJECT, QLineEdit)
        self.themes = ThemePicker(self)
        self.themes.list.setMinimumHeight(100)
        self.notes_edit = self._input(NOTES, QPlainTextEdit)
        self.notes_edit.setMinimumHeight(70)

    def _input(self, definition: FieldDef, kind: type[W]) -> W:
        widget = make_input(definition, self)
        assert isinstance(widget, kind)
        self.inputs[definition.key] = widget
        return widget

    def _make_action_inputs(self) -> None:
        """Agreed actions: a line to type one, and the ones added so far."""
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(self.tr("Afgesproken actie: wat moet er gebeuren?"))
        self.action_edit.setAccessibleName(self.tr(NEW_ACTION.label))
        self.owner_combo = QComboBox(self)
        self.owner_combo.setAccessibleName(self.tr("Eigenaar van de actie"))
        self.owner_combo.setMinimumContentsLength(14)
        self.owner_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.due_edit = _date_edit(self, self.tr("Uiterlijk"))
        self.due_edit.setToolTip(self.tr("Uiterlijk klaar op"))
        # an agreed action is printed in the summary and werkbon: warn when it names someone
        self.privacy_warning = PersonalDataWarning(self)
        self.privacy_warning.watch(self.action_edit)
        self.privacy_warning.names_from(self._linked_names)
        self._meedenker_names: dict[str, str] = {}
        # a contact's meedenker not (yet) among the choices: the register is still being
        # read on the worker; chosen when it is in
        self._wanted_meedenker = ""
        self.add_action_button = QPushButton(self.tr("Toevoegen"), self)
        self.add_action_button.setToolTip(self.tr("Voeg de actie toe (Enter in de omschrijving)"))
        self.actions_model = PendingActionsModel(self)
        self.actions_table = _make_table(
            self.actions_model, self, stretch_column=PendingActionsModel.COL_DESCRIPTION
        )
        self.actions_table.setAccessibleName(self.tr(ACTIONS.label))
        self.actions_table.horizontalHeader().resizeSection(PendingActionsModel.COL_OWNER, 150)
        self.actions_table.horizontalHeader().resizeSection(PendingActionsModel.COL_DUE, 100)
        self.actions_table.setFixedHeight(84)
        self.remove_action_button = QPushButton(self.tr("Verwijderen"), self)
        self.remove_action_button.setToolTip(self.tr("Verwijder de gekozen actie (Delete)"))

    # -- layout -----------------------------------------------------------------------------

    def _lay_out(self) -> None:
        # two columns of short fields, then the long ones; themes and notes side by side, so
        # the whole form fits a 1366x768 laptop screen without scrolling
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self._grid())
        layout.addLayout(self._themes_and_notes(), 1)
        layout.addLayout(self._actions_block())
        self._chain_tab_order()

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self._label(self.tr("&Datum:"), self.date_edit), 0, 0)
        grid.addWidget(self.date_edit, 0, 1)
        grid.addWidget(self._label(self.tr("&Soort:"), self.type_combo), 0, 2)
        grid.addWidget(self.type_combo, 0, 3)
        grid.addWidget(self._label(self.tr("&Gebied:"), self.area_combo), 1, 0)
        grid.addWidget(self.area_combo, 1, 1)
        grid.addWidget(self._label(self.tr("&Met wie:"), self.with_combo), 1, 2)
        grid.addWidget(self.with_combo, 1, 3)
        grid.addWidget(self.group_edit, 2, 3)
        grid.addWidget(self.partner_combo, 2, 3)
        grid.addWidget(self.meedenker_combo, 2, 3)
        grid.addWidget(self._label(self.tr("&Onderwerp:"), self.subject_edit), 3, 0)
        grid.addWidget(self.subject_edit, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _themes_and_notes(self) -> QHBoxLayout:
        themes = QVBoxLayout()
        themes.setSpacing(2)
        themes.addWidget(self._label(self.tr("&Thema's:"), self.themes.filter))
        themes.addWidget(self.themes, 1)
        notes = QVBoxLayout()
        notes.setSpacing(2)
        notes.addWidget(self._label(self.tr("&Aantekeningen:"), self.notes_edit))
        notes.addWidget(self.notes_edit, 1)
        middle = QHBoxLayout()
        middle.addLayout(themes, 1)  # theme names stay readable on a narrow screen
        middle.addLayout(notes, 1)
        return middle

    def _actions_block(self) -> QVBoxLayout:
        """Afgesproken acties: the line to type one, the privacy warning, the ones added."""
        new_action = QHBoxLayout()
        new_action.addWidget(self.action_edit, 1)
        new_action.addWidget(self.owner_combo)
        new_action.addWidget(self.due_edit)
        new_action.addWidget(self.add_action_button)
        table_row = QHBoxLayout()
        table_row.addWidget(self.actions_table, 1)
        table_row.addWidget(self.remove_action_button, 0, Qt.AlignmentFlag.AlignTop)
        actions = QVBoxLayout()
        actions.setSpacing(4)
        actions.addWidget(self._label(self.tr("Afgesproken a&cties:"), self.action_edit))
        actions.addLayout(new_action)
        actions.addWidget(self.privacy_warning)
        actions.addLayout(table_row)
        return actions

    def _chain_tab_order(self) -> None:
        order = [
            self.date_edit,
            self.type_combo,
            self.area_combo,
            self.with_combo,
            self.group_edit,
            self.partner_combo,
            self.meedenker_combo,
            self.subject_edit,
            self.themes.filter,
            self.themes.list,
            self.notes_edit,
            self.action_edit,
            self.owner_combo,
            self.due_edit,
            self.add_action_button,
            self.actions_table,
            self.remove_action_button,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _connect(self) -> None:
        for widget in self.inputs.values():  # every field of the contact, by its kind
            watch_input(widget, self._emit_changed)
        self.with_combo.currentIndexChanged.connect(self._show_with_fields)
        self.meedenker_combo.currentIndexChanged.connect(self.privacy_warning.check)
        self.meedenker_combo.activated.connect(self._meedenker_chosen)
        self.with_combo.currentIndexChanged.connect(self.privacy_warning.check)
        self.themes.changed.connect(self._emit_changed)
        self.action_edit.textChanged.connect(self._emit_changed)
        self.owner_combo.currentIndexChanged.connect(self._emit_changed)
        self.due_edit.dateChanged.connect(self._emit_changed)
        self.add_action_button.clicked.connect(self.add_action)
        self.remove_action_button.clicked.connect(self.remove_action)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _show_with_fields(self, *_args: object) -> None:
        kind = self.with_kind
        self.group_edit.setVisible(kind is ContactWith.GROEP)
        self.partner_combo.setVisible(kind is ContactWith.ORGANISATIE)
        self.meedenker_combo.setVisible(kind is ContactWith.MEEDENKER)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            key = event.key()
            if (
                watched is self.action_edit
                and plain
                and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                self.add_action()
                return True
            if watched is self.actions_table and plain and key == Qt.Key.Key_Delete:
                self.remove_action()
                return True
        return super().eventFilter(watched, event)

    # -- reference data ---------------------------------------------------------------------

    def set_areas(self, nodes: list[AreaNode]) -> None:
        fill_area_combo(self.area_combo, nodes)

    def set_theme_options(self, options: list[ThemeOption]) -> None:
        self.themes.set_options(options)

    def set_partners(self, partners: list[PartnerOption]) -> None:
        """All partners (retired ones too, to show old contacts); only current ones offered."""
        self._partners = list(partners)
        keep = self.partner_combo.currentData()
        self.partner_combo.blockSignals(True)
        try:
            self.partner_combo.clear()
            self.partner_combo.addItem(self.tr("(kies een organisatie)"), "")
            for partner in self._partners:
                if not partner.retired:
                    self.partner_combo.addItem(partner.name, str(partner.id))
            if keep:
                self._select_partner(uuid.UUID(keep))
        finally:
            self.partner_combo.blockSignals(False)

    def _select_partner(self, partner_id: uuid.UUID | None) -> None:
        if partner_id is not None and self.partner_combo.findData(str(partner_id)) < 0:
            known = next((p for p in self._partners if p.id == partner_id), None)
            if known is not None:  # retired since: still shown on this contact
                self.partner_combo.addItem(known.name, str(known.id))
        select_data(self.partner_combo, id_text(partner_id))

    def set_meedenkers(self, choices: MeedenkerChoices) -> None:
        """The register entries of the chosen area; the chosen one stays chosen if offered."""
        keep = self.meedenker_combo.currentData() or self._wanted_meedenker
        self.meedenker_combo.blockSignals(True)
        try:
            first = self.tr("(kies een meedenker)") if choices.rows else self.tr(NO_MEEDENKERS)
            self._meedenker_names = choices.names
            self.meedenkers.set_rows([(first, ""), *choices.rows])
            self.select_meedenker(keep or "")
        finally:
            self.meedenker_combo.blockSignals(False)

    def _linked_names(self) -> list[str]:
        """The meedenker this contact is with (the resident an action's text must not name)."""
        if self.with_kind is not ContactWith.MEEDENKER:
            return []
        name = self._meedenker_names.get(self.meedenker_combo.currentData() or "")
        return [name] if name else []

    def _meedenker_chosen(self, _index: int) -> None:
        self._wanted_meedenker = ""  # the user's own choice, also "(kies een meedenker)"

    def select_meedenker(self, entry_id: str) -> None:
        """By id, without asking the model for every entry of the register (findData); one
        not among the choices yet is chosen when the register's read is in."""
        row = self.meedenkers.row_of(entry_id)
        self._wanted_meedenker = entry_id if row < 0 else ""
        self.meedenker_combo.setCurrentIndex(max(row, 0))

    def set_members(self, members: list[MemberView], *, default_owner: uuid.UUID | None) -> None:
        self._members = list(members)
        self.default_owner = default_owner
        keep = self.owner_combo.currentData()
        self.owner_combo.blockSignals(True)
        try:
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("(nog niemand)"), "")
            for member in self._members:
                self.owner_combo.addItem(member.name, str(member.id))
            select_data(self.owner_combo, keep if keep else id_text(default_owner))
        finally:
            self.owner_combo.blockSignals(False)

    # -- writing ----------------------------------------------------------------------------

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        self.heading.setText(self.tr("Nieuw contact"))
        self.date_edit.setDate(to_qdate(today))
        if area_id is not None:
            select_data(self.area_combo, str(area_id))
        for combo in (self.type_combo, self.with_combo, self.partner_combo, self.meedenker_combo):
            combo.setCurrentIndex(0)
        self._wanted_meedenker = ""
        for definition in RECORD_FIELDS:
            if definition.kind in (InputKind.LINE, InputKind.TEXT):
                write_input(definition, self.inputs[definition.key], "")
        self.themes.filter.clear()
        self.themes.set_checked([])
        self.actions_model.set_rows([])
        self._clear_new_action(today)

    def _clear_new_action(self, today: date) -> None:
        self.action_edit.clear()
        select_data(self.owner_combo, id_text(self.default_owner))
        self.due_edit.setDate(to_qdate(today + timedelta(days=DEFAULT_DUE_DAYS)))

    def load_contact(self, view: ContactView, *, today: date) -> None:
        """Fill the form with a logged contact, to edit it."""
        self._theme_names.update(zip(view.theme_ids, view.themes, strict=False))
        kind = view.with_kind
        self.fill(
            ContactDraft(
                **{d.key: getattr(view, d.key) for d in RECORD_FIELDS if d not in WITH_WHOM},
                with_kind=kind,
                group_name=view.group_name if kind is ContactWith.GROEP else "",
                partner_id=view.partner_id if kind is ContactWith.ORGANISATIE else None,
                meedenker_id=view.meedenker_id if kind is ContactWith.MEEDENKER else None,
            ),
            today=today,
        )
        self.heading.setText(self.tr("Contact bewerken (versie %s)") % view.version)

    def load_payload(self, payload: dict[str, Any], *, today: date, editing: bool) -> None:
        """Fill the form from a stored draft (of any earlier version), exactly as typed."""
        self.fill(ContactDraft.from_json(payload), today=today)
        if editing:
            self.heading.setText(self.tr("Contact bewerken (hersteld concept)"))
