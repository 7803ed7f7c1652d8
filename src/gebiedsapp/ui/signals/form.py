"""The form for a new signal, empty or pre-filled from a conversation or contact.

Its inputs are made, read and filled from the field definitions of `services.signal_record`
(one per field: label, placeholder, how it is typed in); what it holds is a `SignalDraft`,
which `services.signals.signal_input` turns into what `create_signal` takes.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.areas import AreaNode, area_tree, list_buurten
from gebiedsapp.services.signal_record import (
    SIGNAL_FIELDS,
    SignalDraft,
    SignalFieldDef,
    SignalInputKind,
)
from gebiedsapp.services.signals import SignalInput, create_signal, signal_draft, signal_input
from gebiedsapp.services.taxonomy import list_categories
from gebiedsapp.ui.admin.common import current_id, fill_area_combo, fill_enum_combo, select_data
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.signals.choices import category_choices, partner_choices
from gebiedsapp.ui.signals.dialogs import fill_choices, refused
from gebiedsapp.ui.signals.picker import Pick, category_picker

_IDS = (SignalInputKind.AREA, SignalInputKind.CATEGORY, SignalInputKind.PARTNER)


def attribute(definition: SignalFieldDef) -> str:
    """The form's attribute of a field's input: its key without _id or _code."""
    return definition.key.removesuffix("_id").removesuffix("_code")


class SignalForm(QDialog):
    """Nieuw signaal. Ctrl+Enter saves; the service says what is missing."""

    # the inputs, made from the definitions (attribute(): the key without _id or _code)
    area: QComboBox
    buurt: QComboBox
    location: QLineEdit
    latitude: QLineEdit
    longitude: QLineEdit
    description: QPlainTextEdit
    category: QComboBox
    partner: QComboBox
    source: QComboBox
    priority: QComboBox
    reported_on: QDateEdit
    wants_feedback: QCheckBox

    def __init__(
        self,
        context: AppContext,
        *,
        area_id: uuid.UUID | None,
        prefill: SignalInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.prefill = prefill
        self.created: uuid.UUID | None = None
        self.links: dict[str, uuid.UUID | None] = {}  # conversation_id, contact_id
        self.setWindowTitle(self.tr("Nieuw signaal"))
        self._load_choices()
        self.inputs: dict[str, QWidget] = {}  # per draft key (services.signal_record)
        self.origin = QLabel(self)
        self.origin.setWordWrap(True)
        style(self.origin, "color: $muted;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addLayout(self._fields())
        layout.addWidget(self._buttons())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.area.currentIndexChanged.connect(self._fill_buurten)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.fill(signal_draft(prefill) if prefill else SignalDraft(area_id=area_id))
        self._say_origin(prefill)
        self.resize(560, 520)

    # -- building ---------------------------------------------------------------------------

    def _load_choices(self) -> None:
        with self.context.read() as session:
            self.nodes: list[AreaNode] = area_tree(session)
            self.buurt_names = {b.code: b.name for b in list_buurten(session)}
            self.default_partner = {
                str(c.id): str(c.default_partner_id or "")
                for c in list_categories(session, include_retired=False)
            }

    def _fields(self) -> QFormLayout:
        """One row per field, in the definitions' order; a field without a label sits beside
        the one before it (the coordinates) or, a check box, on a row of its own."""
        form = QFormLayout()
        row: QHBoxLayout | None = None
        for definition in SIGNAL_FIELDS:
            widget = self._make(definition)
            if widget is None:
                continue
            self.inputs[definition.key] = widget
            setattr(self, attribute(definition), widget)
            if definition.label and definition.kind is SignalInputKind.COORDINATE:
                row = QHBoxLayout()
                row.addWidget(widget)
                label = QLabel(self.tr(definition.label), self)
                label.setBuddy(widget)
                form.addRow(label, row)
            elif not definition.label and row is not None and isinstance(widget, QLineEdit):
                row.addWidget(widget)
            else:
                form.addRow(self.tr(definition.label) if definition.label else "", widget)
        return form

    def _make(self, definition: SignalFieldDef) -> QWidget | None:
        """The input of one field, by the kind of its definition."""
        kind = definition.kind
        widget: QWidget
        if kind is SignalInputKind.LINK:
            return None
        if kind in (SignalInputKind.LINE, SignalInputKind.COORDINATE):
            widget = QLineEdit(self)
        elif kind is SignalInputKind.TEXT:
            widget = QPlainTextEdit(self)
            widget.setTabChangesFocus(True)
            widget.setMaximumHeight(140)
        elif kind is SignalInputKind.CATEGORY:
            first = Pick("", self.tr(definition.placeholder), "")
            widget = category_picker(self, [first, *category_choices(self.context)])
        elif kind is SignalInputKind.DAY:
            widget = QDateEdit(self)
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("dd-MM-yyyy")
            widget.setMaximumDate(to_qdate(date.today()))
        elif kind is SignalInputKind.FLAG:
            widget = QCheckBox(self.tr(definition.caption), self)
        else:
            widget = self._combo(definition)
        if isinstance(widget, QLineEdit | QPlainTextEdit) and definition.placeholder:
            widget.setPlaceholderText(self.tr(definition.placeholder))
        if definition.accessible:
            widget.setAccessibleName(self.tr(definition.accessible))
        if definition.tooltip:
            widget.setToolTip(self.tr(definition.tooltip))
        return widget

    def _combo(self, definition: SignalFieldDef) -> QComboBox:
        combo = QComboBox(self)
        if definition.kind is SignalInputKind.AREA:
            fill_area_combo(combo, self.nodes)
        elif definition.kind is SignalInputKind.PARTNER:
            first = ("", self.tr(definition.placeholder))
            fill_choices(combo, [first, *partner_choices(self.context)])
        elif definition.choices is not None:
            fill_enum_combo(combo, definition.choices)
        return combo

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Opslaan"))
        self.save_button.setToolTip(self.tr("Opslaan (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _say_origin(self, prefill: SignalInput | None) -> None:
        if prefill is not None and prefill.conversation_id is not None:
            self.origin.setText(self.tr("Uit een koffiekargesprek; kies nog een categorie."))
        elif prefill is not None and prefill.contact_id is not None:
            self.origin.setText(self.tr("Uit een contact; kies nog een categorie."))
        self.origin.setVisible(bool(self.origin.text()))

    # -- what the form holds ----------------------------------------------------------------

    def draft(self) -> SignalDraft:
        """What the form holds, read field by field as its definition says."""
        return SignalDraft(**{d.key: self._read(d) for d in SIGNAL_FIELDS})

    def _read(self, definition: SignalFieldDef) -> Any:
        widget = self.inputs.get(definition.key)
        if widget is None:
            return self.links.get(definition.key)
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QDateEdit):
            return from_qdate(widget.date())
        assert isinstance(widget, QComboBox)
        if definition.kind in _IDS:
            return current_id(widget)
        if definition.choices is not None:
            return definition.choices(widget.currentData())
        return widget.currentData() or ""

    def fill(self, draft: SignalDraft) -> None:
        """Put a draft in the inputs; None leaves the form's proposal."""
        for definition in SIGNAL_FIELDS:
            self._write(definition, getattr(draft, definition.key))

    def _write(self, definition: SignalFieldDef, value: Any) -> None:
        widget = self.inputs.get(definition.key)
        if widget is None:
            self.links[definition.key] = value
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(to_qdate(value or date.today()))
        elif isinstance(widget, QComboBox):
            select_data(widget, str(getattr(value, "value", value) or ""))
            if definition.kind is SignalInputKind.AREA:
                self._fill_buurten()

    def payload(self) -> dict[str, Any]:
        return self.draft().to_json()

    def is_empty(self) -> bool:
        return self.draft().is_empty()

    def signal_input(self) -> SignalInput:
        """What saving asks for (a Dutch ValidationError for coordinates that are no number)."""
        return signal_input(self.draft())

    # -- choices that follow each other -----------------------------------------------------

    def _fill_buurten(self, *_args: object) -> None:
        area_id = current_id(self.area)
        codes: tuple[str, ...] = ()
        if area_id is not None:
            codes = next((n.buurt_codes for n in self.nodes if n.id == area_id), ())
        keep = self.buurt.currentData() or ""
        items = [("", self.tr("(onbekend)"))]
        items += [(c, f"{self.buurt_names.get(c, '')} ({c})") for c in codes]
        fill_choices(self.buurt, items, keep)
        self.buurt.setEnabled(bool(codes))

    def _category_changed(self, *_args: object) -> None:
        """The partner follows the category's default (it stays changeable)."""
        default = self.default_partner.get(self.category.currentData() or "", "")
        select_data(self.partner, default)

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if refused(self, [self.category]):
            return
        draft = self.draft()

        def action(session: Session) -> uuid.UUID:
            return create_signal(session, signal_input(draft)).id  # a Dutch message when wrong

        created = self.context.perform(self, action, changes=(SIGNALS,))
        if created is not None:
            self.created = created
            self.accept()
