"""The contact form's values: reading its inputs into a draft or a ContactInput, and putting a
draft back in them, each field as its definition says (services.contact_record); and the list
of agreed actions. `ContactForm` (ui.contacts.form) lays the inputs out and mixes this in.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QTableView, QWidget

from gebiedsapp.domain import ContactWith
from gebiedsapp.services.contact_record import (
    DRAFT_FIELDS,
    MEEDENKER,
    PARTNER,
    RECORD_FIELDS,
    ContactDraft,
    ContactInput,
    contact_input,
)
from gebiedsapp.services.record_fields import FieldDef, InputKind
from gebiedsapp.ui.admin.common import current_id, id_text, select_data
from gebiedsapp.ui.contacts.models import PendingAction, PendingActionsModel
from gebiedsapp.ui.contacts.themes import ThemePicker
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.record_inputs import read_input, write_input

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    _Widget = QWidget
else:
    _Widget = object


class ContactFormValues(_Widget):
    """Mix in before QWidget; the form makes the inputs named here."""

    changed: SignalInstance
    inputs: dict[str, QWidget]
    type_combo: QComboBox
    with_combo: QComboBox
    area_combo: QComboBox
    action_edit: QLineEdit
    owner_combo: QComboBox
    due_edit: QDateEdit
    actions_model: PendingActionsModel
    actions_table: QTableView
    themes: ThemePicker
    _theme_names: dict[uuid.UUID, str]

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        raise NotImplementedError

    def _clear_new_action(self, today: date) -> None:
        raise NotImplementedError

    def _select_partner(self, partner_id: uuid.UUID | None) -> None:
        raise NotImplementedError

    def select_meedenker(self, entry_id: str) -> None:
        raise NotImplementedError

    # -- reading ----------------------------------------------------------------------------

    @property
    def with_kind(self) -> ContactWith:
        return ContactWith(self.with_combo.currentData())

    @property
    def area_id(self) -> uuid.UUID | None:
        return current_id(self.area_combo)

    def to_input(self) -> ContactInput | None:
        """What the service needs; None only when no area could be chosen at all."""
        return contact_input(self.draft())

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

    def draft(self) -> ContactDraft:
        """What the form holds, read field by field as its definition says."""
        return ContactDraft(**{d.key: self._read(d) for d in DRAFT_FIELDS})

    def _read(self, definition: FieldDef) -> Any:
        kind = definition.kind
        if kind is InputKind.THEMES:
            return tuple(self.themes.checked_ids())
        if kind is InputKind.ACTIONS:
            return tuple(self.actions_model.rows)
        if kind is InputKind.ACTION:
            return self.typed_action()
        return read_input(definition, self.inputs[definition.key])

    def payload(self) -> dict[str, Any]:
        return self.draft().to_json()

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        return self.draft().is_empty()

    def fill(self, draft: ContactDraft, *, today: date) -> None:
        """A blank form, then each field of the draft put in its input."""
        self.clear(area_id=draft.area_id, today=today)
        for definition in DRAFT_FIELDS:
            self._write(definition, getattr(draft, definition.key))

    def _write(self, definition: FieldDef, value: Any) -> None:
        kind = definition.kind
        if kind is InputKind.THEMES:
            self.themes.set_checked(value, names=self._theme_names)
        elif kind is InputKind.ACTIONS:
            self.actions_model.set_rows(list(value))
        elif kind is InputKind.ACTION:
            if value is not None:
                self.action_edit.setText(value.description)
                select_data(self.owner_combo, id_text(value.owner_id))
                if value.due_date:
                    self.due_edit.setDate(to_qdate(value.due_date))
        elif definition is PARTNER:
            self._select_partner(value)  # a retired one stays on an older contact
        elif definition is MEEDENKER:
            if value is not None:
                self.select_meedenker(str(value))
        else:
            write_input(definition, self.inputs[definition.key], value)

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
        widgets = {d.error_name: self.inputs.get(d.key) for d in RECORD_FIELDS}
        widget = {
            **widgets,
            "themes": self.themes.filter,
            "description": self.action_edit,
            "owner": self.owner_combo,
        }.get(name or "")
        if widget is not None:
            widget.setFocus()
