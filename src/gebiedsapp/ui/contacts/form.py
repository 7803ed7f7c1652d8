"""The contact form: lays out the fields and turns them into a ContactInput or a draft payload.

It knows nothing about saving; the screen decides when to save, autosave or ask.
"""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

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

from gebiedsapp.domain import ContactType, ContactWith
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.contacts import MAX_SUBJECT, ContactInput, ContactView
from gebiedsapp.services.residents import MeedenkerView
from gebiedsapp.services.taxonomy_views import PartnerView
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.admin.common import (
    current_id,
    fill_area_combo,
    fill_enum_combo,
    id_text,
    select_data,
)
from gebiedsapp.ui.admin.common import make_table as _make_table
from gebiedsapp.ui.contacts.meedenkers import MeedenkerModel, meedenker_rows
from gebiedsapp.ui.contacts.models import PendingAction, PendingActionsModel
from gebiedsapp.ui.contacts.themes import ThemeOption, ThemePicker
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.personal_data import PersonalDataWarning
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

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


class ContactForm(QWidget):
    """Fields of one contact plus the actions agreed in it; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._partners: list[PartnerOption] = []
        self._members: list[MemberView] = []
        self.default_owner: uuid.UUID | None = None

        self.heading = QLabel(self.tr("Nieuw contact"), self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")

        self.date_edit = _date_edit(self, self.tr("Datum"))
        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(self.tr("Soort contact"))
        fill_enum_combo(self.type_combo, ContactType)
        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName(self.tr("Gebied"))
        self.area_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.with_combo = QComboBox(self)
        self.with_combo.setAccessibleName(self.tr("Met wie"))
        for kind in (
            ContactWith.ANONIEM,
            ContactWith.GROEP,
            ContactWith.ORGANISATIE,
            ContactWith.MEEDENKER,
        ):
            self.with_combo.addItem(label_of(kind), kind.value)
        self.group_edit = QLineEdit(self)
        self.group_edit.setPlaceholderText(self.tr("Naam van de groep, bijv. 'moestuinclub'"))
        self.group_edit.setAccessibleName(self.tr("Groepsnaam"))
        self.partner_combo = QComboBox(self)
        self.partner_combo.setAccessibleName(self.tr("Organisatie"))
        self.partner_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.meedenker_combo = QComboBox(self)
        self.meedenker_combo.setAccessibleName(self.tr("Meedenker uit het register"))
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

        self.subject_edit = QLineEdit(self)
        self.subject_edit.setMaxLength(MAX_SUBJECT)
        self.subject_edit.setPlaceholderText(self.tr("Waar ging het over?"))
        self.subject_edit.setAccessibleName(self.tr("Onderwerp"))
        self.themes = ThemePicker(self)
        self.themes.list.setMinimumHeight(100)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setAccessibleName(self.tr("Aantekeningen"))
        self.notes_edit.setPlaceholderText(self.tr("Wat is er besproken? Geen namen van bewoners."))
        self.notes_edit.setMinimumHeight(70)

        # agreed actions: a line to type one, and the ones added so far
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(self.tr("Afgesproken actie: wat moet er gebeuren?"))
        self.action_edit.setAccessibleName(self.tr("Omschrijving van de actie"))
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
        self.add_action_button = QPushButton(self.tr("Toevoegen"), self)
        self.add_action_button.setToolTip(self.tr("Voeg de actie toe (Enter in de omschrijving)"))
        self.actions_model = PendingActionsModel(self)
        self.actions_table = _make_table(
            self.actions_model, self, stretch_column=PendingActionsModel.COL_DESCRIPTION
        )
        self.actions_table.setAccessibleName(self.tr("Afgesproken acties"))
        self.actions_table.horizontalHeader().resizeSection(PendingActionsModel.COL_OWNER, 150)
        self.actions_table.horizontalHeader().resizeSection(PendingActionsModel.COL_DUE, 100)
        self.actions_table.setFixedHeight(84)
        self.remove_action_button = QPushButton(self.tr("Verwijderen"), self)
        self.remove_action_button.setToolTip(self.tr("Verwijder de gekozen actie (Delete)"))

        self._lay_out()
        self._connect()
        self.actions_table.installEventFilter(self)
        self.action_edit.installEventFilter(self)
        self._show_with_fields()

    # -- layout -----------------------------------------------------------------------------

    def _lay_out(self) -> None:
        # two columns of short fields, then the long ones; themes and notes side by side, so
        # the whole form fits a 1366x768 laptop screen without scrolling
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(middle, 1)
        layout.addLayout(actions)

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
        self.date_edit.dateChanged.connect(self._emit_changed)
        self.type_combo.currentIndexChanged.connect(self._emit_changed)
        self.area_combo.currentIndexChanged.connect(self._emit_changed)
        self.with_combo.currentIndexChanged.connect(self._show_with_fields)
        self.with_combo.currentIndexChanged.connect(self._emit_changed)
        self.group_edit.textChanged.connect(self._emit_changed)
        self.partner_combo.currentIndexChanged.connect(self._emit_changed)
        self.meedenker_combo.currentIndexChanged.connect(self._emit_changed)
        self.meedenker_combo.currentIndexChanged.connect(self.privacy_warning.check)
        self.with_combo.currentIndexChanged.connect(self.privacy_warning.check)
        self.subject_edit.textChanged.connect(self._emit_changed)
        self.themes.changed.connect(self._emit_changed)
        self.notes_edit.textChanged.connect(self._emit_changed)
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

    def set_meedenkers(self, entries: list[MeedenkerView]) -> None:
        """The register entries of the chosen area; the chosen one stays chosen if offered."""
        keep = self.meedenker_combo.currentData()
        self.meedenker_combo.blockSignals(True)
        try:
            first = self.tr("(kies een meedenker)") if entries else self.tr(NO_MEEDENKERS)
            self._meedenker_names = {str(entry.id): entry.name for entry in entries}
            self.meedenkers.set_rows([(first, ""), *meedenker_rows(entries)])
            select_data(self.meedenker_combo, keep or "")
        finally:
            self.meedenker_combo.blockSignals(False)

    def _linked_names(self) -> list[str]:
        """The meedenker this contact is with (the resident an action's text must not name)."""
        if self.with_kind is not ContactWith.MEEDENKER:
            return []
        name = self._meedenker_names.get(self.meedenker_combo.currentData() or "")
        return [name] if name else []

    def select_meedenker(self, entry_id: str) -> None:
        select_data(self.meedenker_combo, entry_id)

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

    # -- reading ----------------------------------------------------------------------------

    @property
    def with_kind(self) -> ContactWith:
        return ContactWith(self.with_combo.currentData())

    @property
    def area_id(self) -> uuid.UUID | None:
        return current_id(self.area_combo)

    def to_input(self) -> ContactInput | None:
        """What the service needs; None only when no area could be chosen at all."""
        area_id = self.area_id
        if area_id is None:
            return None
        kind = self.with_kind
        return ContactInput(
            day=from_qdate(self.date_edit.date()),
            area_id=area_id,
            contact_type=ContactType(self.type_combo.currentData()),
            with_kind=kind,
            subject=self.subject_edit.text(),
            notes=self.notes_edit.toPlainText(),
            theme_ids=tuple(self.themes.checked_ids()),
            group_name=self.group_edit.text() if kind is ContactWith.GROEP else "",
            partner_id=current_id(self.partner_combo) if kind is ContactWith.ORGANISATIE else None,
            meedenker_id=(
                current_id(self.meedenker_combo) if kind is ContactWith.MEEDENKER else None
            ),
        )

    def typed_action(self) -> PendingAction | None:
        """The action in the 'new action' line, if something is typed there."""
        text = self.action_edit.text().strip()
        if not text:
            return None
        owner = current_id(self.owner_combo)
        return PendingAction(
            description=text,
            owner_id=owner,
            owner_name=self.owner_combo.currentText() if owner else "",
            due_date=from_qdate(self.due_edit.date()),
        )

    def actions_to_create(self) -> list[PendingAction]:
        """The added actions plus one still typed in the line: typed text is never dropped."""
        typed = self.typed_action()
        return [*self.actions_model.rows, *([typed] if typed else [])]

    def payload(self) -> dict[str, Any]:
        typed = self.typed_action()
        return {
            "day": from_qdate(self.date_edit.date()).isoformat(),
            "area_id": self.area_combo.currentData() or "",
            "contact_type": self.type_combo.currentData(),
            "with_kind": self.with_combo.currentData(),
            "group_name": self.group_edit.text(),
            "partner_id": self.partner_combo.currentData() or "",
            "meedenker_id": self.meedenker_combo.currentData() or "",
            "subject": self.subject_edit.text(),
            "notes": self.notes_edit.toPlainText(),
            "theme_ids": [str(i) for i in self.themes.checked_ids()],
            "actions": [a.payload() for a in self.actions_model.rows],
            "new_action": typed.payload() if typed else {},
        }

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        return not (
            self.subject_edit.text().strip()
            or self.notes_edit.toPlainText().strip()
            or self.group_edit.text().strip()
            or self.action_edit.text().strip()
            or self.actions_model.rows
            or self.themes.checked_ids()
        )

    # -- writing ----------------------------------------------------------------------------

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        self.heading.setText(self.tr("Nieuw contact"))
        self.date_edit.setDate(to_qdate(today))
        if area_id is not None:
            select_data(self.area_combo, str(area_id))
        self.type_combo.setCurrentIndex(0)
        self.with_combo.setCurrentIndex(0)
        self.group_edit.clear()
        self.partner_combo.setCurrentIndex(0)
        self.meedenker_combo.setCurrentIndex(0)
        self.subject_edit.clear()
        self.themes.filter.clear()
        self.themes.set_checked([])
        self.notes_edit.clear()
        self.actions_model.set_rows([])
        self._clear_new_action(today)

    def _clear_new_action(self, today: date) -> None:
        self.action_edit.clear()
        select_data(self.owner_combo, id_text(self.default_owner))
        self.due_edit.setDate(to_qdate(today + timedelta(days=DEFAULT_DUE_DAYS)))

    def load_contact(self, view: ContactView, *, today: date) -> None:
        """Fill the form with a logged contact, to edit it."""
        self.clear(area_id=view.area_id, today=today)
        self.heading.setText(self.tr("Contact bewerken (versie %s)") % view.version)
        self.date_edit.setDate(to_qdate(view.day))
        select_data(self.area_combo, str(view.area_id))
        select_data(self.type_combo, view.contact_type.value)
        select_data(self.with_combo, view.with_kind.value)
        if view.with_kind is ContactWith.GROEP:
            self.group_edit.setText(view.group_name)
        elif view.with_kind is ContactWith.ORGANISATIE:
            self._select_partner(view.partner_id)
        elif view.with_kind is ContactWith.MEEDENKER and view.meedenker_id is not None:
            self.select_meedenker(str(view.meedenker_id))
        self.subject_edit.setText(view.subject)
        self.themes.set_checked(
            view.theme_ids, names=dict(zip(view.theme_ids, view.themes, strict=False))
        )
        self.notes_edit.setPlainText(view.notes)

    def load_payload(self, payload: dict[str, Any], *, today: date, editing: bool) -> None:
        """Fill the form from a draft, exactly as it was typed; tolerant of odd values."""
        self.clear(area_id=None, today=today)
        if editing:
            self.heading.setText(self.tr("Contact bewerken (hersteld concept)"))
        with contextlib.suppress(ValueError):
            self.date_edit.setDate(to_qdate(date.fromisoformat(str(payload.get("day", "")))))
        if payload.get("area_id"):
            select_data(self.area_combo, str(payload["area_id"]))
        select_data(self.type_combo, str(payload.get("contact_type", "")))
        select_data(self.with_combo, str(payload.get("with_kind", "")))
        self.group_edit.setText(str(payload.get("group_name", "")))
        try:
            partner = uuid.UUID(str(payload["partner_id"])) if payload.get("partner_id") else None
        except ValueError:
            partner = None
        self._select_partner(partner)
        self.select_meedenker(str(payload.get("meedenker_id", "")))
        self.subject_edit.setText(str(payload.get("subject", "")))
        self.notes_edit.setPlainText(str(payload.get("notes", "")))
        ids = []
        for value in payload.get("theme_ids", []) or []:
            try:
                ids.append(uuid.UUID(str(value)))
            except ValueError:
                continue
        self.themes.set_checked(ids)
        actions = [PendingAction.from_payload(a) for a in payload.get("actions", []) or []]
        self.actions_model.set_rows([a for a in actions if a is not None])
        typed = PendingAction.from_payload(payload.get("new_action"))
        if typed is not None:
            self.action_edit.setText(typed.description)
            select_data(self.owner_combo, id_text(typed.owner_id))
            if typed.due_date:
                self.due_edit.setDate(to_qdate(typed.due_date))

    # -- actions ----------------------------------------------------------------------------

    def add_action(self) -> None:
        typed = self.typed_action()
        if typed is None:
            self.action_edit.setFocus()
            return
        self.actions_model.set_rows([*self.actions_model.rows, typed])
        self._clear_new_action(date.today())
        self.action_edit.setFocus()
        self.changed.emit()

    def remove_action(self) -> None:
        row = self.actions_table.currentIndex().row()
        if not 0 <= row < len(self.actions_model.rows):
            return
        rows = list(self.actions_model.rows)
        del rows[row]
        self.actions_model.set_rows(rows)
        if rows:
            self.actions_table.selectRow(min(row, len(rows) - 1))
        self.changed.emit()

    def focus_first(self) -> None:
        self.type_combo.setFocus()

    def focus_field(self, name: str | None) -> None:
        """Put the cursor where the service's message points (its ValidationError.field)."""
        widget = {
            "subject": self.subject_edit,
            "notes": self.notes_edit,
            "group": self.group_edit,
            "partner": self.partner_combo,
            "meedenker": self.meedenker_combo,
            "themes": self.themes.filter,
            "description": self.action_edit,
            "owner": self.owner_combo,
        }.get(name or "")
        if widget is not None:
            widget.setFocus()
