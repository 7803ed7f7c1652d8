"""The initiative form: lays out the fields and turns them into an InitiativeInput.

It knows nothing about saving; the screen decides when to save or ask. Amounts and milestone
dates are read only when saving, so a typing error is reported and stays in its field.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import InitiativeStatus
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.initiative_record import (
    AREA,
    CARRIED_BY,
    DESCRIPTION,
    ENDED,
    GRANTED,
    MILESTONES,
    RECORD_FIELDS,
    REQUESTED,
    SOURCE,
    STARTED,
    STATUS,
    SUPPORT,
    SUPPORTER,
    TITLE,
    InitiativeDraft,
    initiative_input,
)
from gebiedsapp.services.initiatives import InitiativeInput, InitiativeView
from gebiedsapp.services.money import format_euros
from gebiedsapp.services.record_fields import FieldDef, InputKind
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.admin.common import current_id, fill_area_combo, id_text, select_data
from gebiedsapp.ui.contacts.form import PartnerOption
from gebiedsapp.ui.contacts.themes import ThemeOption, ThemePicker
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.initiatives.milestones import MilestonesEditor
from gebiedsapp.ui.initiatives.models import milestone_row
from gebiedsapp.ui.initiatives.widgets import (
    NO_DATE,
    PartnerPicker,
    date_edit,
    money_edit,
    text_edit,
)
from gebiedsapp.ui.record_inputs import make_input, read_input, watch_input, write_input

W = TypeVar("W", bound=QWidget)
TYPED_AS_TEXT = (REQUESTED, GRANTED, MILESTONES)  # amounts and milestone dates, as typed


class InitiativeForm(QWidget):
    """Fields of one initiative with its milestones; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members: list[MemberView] = []
        self._member_names: dict[uuid.UUID, str] = {}  # of supporters no longer offered
        self.theme_names: dict[uuid.UUID, str] = {}  # retired ones too: to label old choices
        self.inputs: dict[str, QWidget] = {}  # per draft key (services.initiative_record)
        self.heading = QLabel(self.tr("Nieuw initiatief"), self)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self._make_inputs()
        self._lay_out()
        self._connect()
        self._show_end()

    def _make_inputs(self) -> None:
        """Each field's input, made from its definition (texts, limits, accessible name)."""
        self.title_edit = self._input(TITLE, QLineEdit)
        self.title_edit.setToolTip(
            self.tr("De naam staat in de samenvatting voor de wethouder: noem er geen bewoner in.")
        )
        self.area_combo = self._input(AREA, QComboBox)
        self.area_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_combo = self._input(STATUS, QComboBox)
        self.started_edit = self._keep(STARTED, date_edit(self, self.tr(STARTED.label)))
        self.started_edit.setToolTip(
            self.tr("Sinds wanneer het team het initiatief kent en steunt")
        )
        self.ended_edit = self._keep(ENDED, date_edit(self, self.tr(ENDED.accessible)))
        self.ended_edit.setSpecialValueText("—")
        self.carried_edit = self._input(CARRIED_BY, QLineEdit)
        self.carried_edit.setToolTip(
            self.tr(
                "Een groep bewoners of een organisatie. Schrijf hier nooit de naam van één "
                "bewoner: een initiatief bewaart geen persoonsgegevens."
            )
        )
        self.supporter_combo = self._input(SUPPORTER, QComboBox)
        self.supporter_combo.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.requested_edit = self._keep(REQUESTED, money_edit(self, self.tr(REQUESTED.label)))
        self.granted_edit = self._keep(GRANTED, money_edit(self, self.tr(GRANTED.label)))
        self.source_edit = self._input(SOURCE, QLineEdit)
        self.themes = ThemePicker(self)
        self.themes.list.setMinimumHeight(100)
        self.partners = PartnerPicker(self)
        self.partners.setMinimumHeight(120)
        self.description_edit = self._text(DESCRIPTION)
        self.support_edit = self._text(SUPPORT)
        self.milestones = MilestonesEditor(self)
        for combo, letters in (
            (self.area_combo, 8),
            (self.status_combo, 8),
            (self.supporter_combo, 8),
        ):  # narrow enough for a form beside the list on a laptop; the popup shows all
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)

    def _input(self, definition: FieldDef, kind: type[W]) -> W:
        widget = make_input(definition, self)
        assert isinstance(widget, kind)
        return self._keep(definition, widget)

    def _keep(self, definition: FieldDef, widget: W) -> W:
        self.inputs[definition.key] = widget
        return widget

    def _text(self, definition: FieldDef) -> QPlainTextEdit:
        name = self.tr(definition.accessible or definition.label)
        return self._keep(definition, text_edit(self, name, self.tr(definition.placeholder)))

    # -- layout -----------------------------------------------------------------------------

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading_row = QHBoxLayout()  # the screen adds the record's own buttons here
        self.heading_row.addWidget(self.heading, 1)
        layout.addLayout(self.heading_row)
        layout.addLayout(self._grid())
        layout.addWidget(self._label(self.tr("M&ijlpalen:"), self.milestones.table))
        layout.addWidget(self.milestones, 1)
        layout.addLayout(
            self._pair(
                (self.tr("O&mschrijving:"), self.description_edit, self.description_edit),
                (
                    self.tr("&Ondersteuning door het team:"),
                    self.support_edit,
                    self.support_edit,
                ),
            ),
            0,
        )
        layout.addLayout(
            self._pair(
                (self.tr("T&hema's:"), self.themes.filter, self.themes),
                (self.tr("&Partners:"), self.partners, self.partners),
            ),
            2,
        )
        self._chain_tab_order()

    def _grid(self) -> QGridLayout:
        """The short fields: one per row, or two side by side."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.ended_label = self._label(self.tr("Afgerond op:"), self.ended_edit)
        self.ended_label.setToolTip(self.tr("Afgerond of gestopt op (alleen bij die status)"))
        rows: list[tuple[tuple[str, QWidget], tuple[str, QWidget] | None]] = [
            ((self.tr("&Naam *:"), self.title_edit), None),
            ((self.tr("&Gebied:"), self.area_combo), None),
            (
                (self.tr("&Status:"), self.status_combo),
                (self.tr("&Begeleider:"), self.supporter_combo),
            ),
            ((self.tr("Ges&tart op:"), self.started_edit), ("", self.ended_edit)),
            ((self.tr("Gedragen &door:"), self.carried_edit), None),
            (
                (self.tr("Budget ge&vraagd:"), self.requested_edit),
                (self.tr("Toege&kend:"), self.granted_edit),
            ),
            ((self.tr("B&ron budget:"), self.source_edit), None),
        ]
        for row, (left, right) in enumerate(rows):
            grid.addWidget(self._label(left[0], left[1]), row, 0)
            if right is None:
                grid.addWidget(left[1], row, 1, 1, 3)
                continue
            grid.addWidget(left[1], row, 1)
            label = self.ended_label if right[1] is self.ended_edit else None
            grid.addWidget(label or self._label(right[0], right[1]), row, 2)
            grid.addWidget(right[1], row, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _chain_tab_order(self) -> None:
        order = [
            self.title_edit,
            self.area_combo,
            self.status_combo,
            self.supporter_combo,
            self.started_edit,
            self.ended_edit,
            self.carried_edit,
            self.requested_edit,
            self.granted_edit,
            self.source_edit,
            self.milestones.table,
            self.milestones.add_button,
            self.milestones.reached_button,
            self.milestones.remove_button,
            self.description_edit,
            self.support_edit,
            self.themes.filter,
            self.themes.list,
            self.partners,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def _pair(
        self, left: tuple[str, QWidget, QWidget], right: tuple[str, QWidget, QWidget]
    ) -> QHBoxLayout:
        """Two labelled blocks side by side, so the form fits a laptop screen."""
        row = QHBoxLayout()
        for text, buddy, widget in (left, right):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self._label(text, buddy))
            column.addWidget(widget, 1)
            row.addLayout(column, 1)
        return row

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _connect(self) -> None:
        self.status_combo.currentIndexChanged.connect(self._on_status)
        for widget in self.inputs.values():  # every plain field, by its kind
            watch_input(widget, self._emit_changed)
        self.themes.changed.connect(self._emit_changed)
        self.partners.changed.connect(self._emit_changed)
        self.milestones.changed.connect(self._emit_changed)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _on_status(self, *_args: object) -> None:
        """An end status asks for the end day (today unless one is there). Another status only
        disables it and saving ignores it: stepping through the statuses with the arrow keys
        must not replace a stored end day with today."""
        if self.status.ended and self.ended_edit.date() == NO_DATE:
            self.ended_edit.setDate(to_qdate(date.today()))
        self._show_end()

    def _show_end(self) -> None:
        status = self.status
        self.ended_edit.setEnabled(status.ended)
        stopped = status is InitiativeStatus.GESTOPT
        self.ended_label.setText(self.tr("Gestopt op:") if stopped else self.tr("Afgerond op:"))

    # -- reference data ---------------------------------------------------------------------

    def set_areas(self, nodes: list[AreaNode]) -> None:
        fill_area_combo(self.area_combo, nodes)

    def set_theme_options(self, options: list[ThemeOption]) -> None:
        self.themes.set_options(options)

    def set_partners(self, partners: list[PartnerOption]) -> None:
        self.partners.set_partners(partners)

    def set_members(self, members: list[MemberView]) -> None:
        """Active team members are offered; the current choice stays, even if inactive now."""
        self._members = list(members)
        keep = self.supporter_combo.currentData()
        keep_name = self.supporter_combo.currentText()
        self.supporter_combo.blockSignals(True)
        try:
            self.supporter_combo.clear()
            self.supporter_combo.addItem(self.tr("(niemand)"), "")
            for member in self._members:
                if member.active:
                    self.supporter_combo.addItem(member.name, str(member.id))
            if keep:
                self._select_member(uuid.UUID(keep), keep_name)
        finally:
            self.supporter_combo.blockSignals(False)

    def _select_member(self, member_id: uuid.UUID | None, name: str) -> None:
        if member_id is not None and self.supporter_combo.findData(str(member_id)) < 0:
            self.supporter_combo.addItem(name, str(member_id))
        select_data(self.supporter_combo, id_text(member_id))

    # -- reading ----------------------------------------------------------------------------

    @property
    def status(self) -> InitiativeStatus:
        return InitiativeStatus(self.status_combo.currentData())

    @property
    def area_id(self) -> uuid.UUID | None:
        return current_id(self.area_combo)

    def to_input(self) -> InitiativeInput:
        """What the service needs; ValidationError for an amount or a date that is not one."""
        area_id = self.area_id
        if area_id is None:
            raise ValidationError(self.tr("Kies een gebied."), field="area")
        data = initiative_input(self.draft(), area_id=area_id, today=date.today())
        return replace(data, milestones=tuple(self.milestones.model.to_inputs()))

    def draft(self) -> InitiativeDraft:
        """What the form holds, read field by field as its definition says."""
        return InitiativeDraft(**{d.key: self._read(d) for d in RECORD_FIELDS})

    def _read(self, definition: FieldDef) -> Any:
        kind = definition.kind
        if kind is InputKind.THEMES:
            return tuple(self.themes.checked_ids())
        if kind is InputKind.PICKS:
            return tuple(self.partners.checked_ids())
        if kind is InputKind.MILESTONES:
            return tuple(self.milestones.model.rows)
        return read_input(definition, self.inputs[definition.key])

    def snapshot(self) -> dict[str, Any]:
        """Everything typed, to tell whether there is unsaved input."""
        return self.draft().compared()

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        return self.draft().is_empty()

    # -- writing ----------------------------------------------------------------------------

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        self.heading.setText(self.tr("Nieuw initiatief"))
        self.status_combo.setCurrentIndex(0)
        self.themes.filter.clear()
        self.fill(InitiativeDraft(area_id=area_id, started_on=today))

    def load(self, view: InitiativeView) -> None:
        """Fill the form with a stored initiative, to edit it."""
        self.heading.setText(self.tr("Bewerken (versie %s)") % view.version)
        if self.area_combo.findData(str(view.area_id)) < 0:
            # its area was removed: show that, rather than quietly moving it to the first one
            # (saving then asks for another area)
            self.area_combo.addItem(
                self.tr("%s (verwijderd gebied)") % view.area_name, str(view.area_id)
            )
        if view.supporter_id is not None:
            self._member_names[view.supporter_id] = view.supporter_name
        self.themes.filter.clear()
        self.fill(
            InitiativeDraft(
                **{d.key: getattr(view, d.key) for d in RECORD_FIELDS if d not in TYPED_AS_TEXT},
                budget_requested=format_euros(view.budget_requested),
                budget_granted=format_euros(view.budget_granted),
                milestones=tuple(milestone_row(m) for m in view.milestones),
            )
        )

    def fill(self, draft: InitiativeDraft) -> None:
        """Each field of the draft in its input (None leaves the area, status or day)."""
        for definition in RECORD_FIELDS:
            self._write(definition, getattr(draft, definition.key))
        self._show_end()

    def _write(self, definition: FieldDef, value: Any) -> None:
        kind = definition.kind
        if kind is InputKind.THEMES:
            self.themes.set_checked(value, names=self.theme_names)
        elif kind is InputKind.PICKS:
            self.partners.set_checked(list(value))
        elif kind is InputKind.MILESTONES:
            self.milestones.model.set_rows(list(value))
        elif definition is SUPPORTER:  # one no longer active stays on its initiative
            self._select_member(value, self._member_names.get(value, "?") if value else "")
        else:
            write_input(definition, self.inputs[definition.key], value)

    def focus_first(self) -> None:
        self.title_edit.setFocus()

    def focus_field(self, name: str | None) -> None:
        """Put the cursor where a ValidationError's `field` points, keeping what is typed."""
        if name == "milestones":
            self.milestones.focus_bad_cell(started=from_qdate(self.started_edit.date()))
            return
        named = {d.error_name: self.inputs.get(d.key) for d in RECORD_FIELDS}
        widget: QWidget | None = {
            **named,
            "themes": self.themes.filter,
            "partners": self.partners,
        }.get(name or "")
        if widget is None:
            return
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
