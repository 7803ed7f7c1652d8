"""The initiative form: lays out the fields and turns them into an InitiativeInput.

It knows nothing about saving; the screen decides when to save or ask. Amounts and milestone
dates are read only when saving, so a typing error is reported and stays in its field.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import InitiativeStatus
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.initiatives import (
    MAX_GROUP,
    MAX_TITLE,
    InitiativeInput,
    InitiativeView,
)
from gebiedsapp.services.money import format_euros, parse_euros
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.admin.common import current_id, fill_area_combo, id_text, select_data
from gebiedsapp.ui.contacts.form import PartnerOption
from gebiedsapp.ui.contacts.themes import ThemeOption, ThemePicker
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.initiatives.milestones import MilestonesEditor
from gebiedsapp.ui.initiatives.widgets import (
    NO_DATE,
    PartnerPicker,
    date_edit,
    money_edit,
    text_edit,
)
from gebiedsapp.ui.labels import label_of


class InitiativeForm(QWidget):
    """Fields of one initiative with its milestones; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members: list[MemberView] = []
        self.theme_names: dict[uuid.UUID, str] = {}  # retired ones too: to label old choices
        self.heading = QLabel(self.tr("Nieuw initiatief"), self)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.heading.setWordWrap(True)

        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setAccessibleName(self.tr("Naam van het initiatief"))
        self.title_edit.setPlaceholderText(self.tr("bijv. 'Speeltuin Hoofdstraat' (verplicht)"))
        self.title_edit.setToolTip(
            self.tr("De naam staat in de samenvatting voor de wethouder: noem er geen bewoner in.")
        )
        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName(self.tr("Gebied"))
        self.area_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in InitiativeStatus:
            self.status_combo.addItem(label_of(status), status.value)
        self.started_edit = date_edit(self, self.tr("Gestart op"))
        self.started_edit.setToolTip(
            self.tr("Sinds wanneer het team het initiatief kent en steunt")
        )
        self.ended_edit = date_edit(self, self.tr("Afgerond of gestopt op"))
        self.ended_edit.setSpecialValueText("—")
        self.carried_edit = QLineEdit(self)
        self.carried_edit.setMaxLength(MAX_GROUP)
        self.carried_edit.setAccessibleName(self.tr("Gedragen door"))
        self.carried_edit.setPlaceholderText(
            self.tr("Groep of vereniging – geen naam van een bewoner")
        )
        self.carried_edit.setToolTip(
            self.tr(
                "Een groep bewoners of een organisatie. Schrijf hier nooit de naam van één "
                "bewoner: een initiatief bewaart geen persoonsgegevens."
            )
        )
        self.supporter_combo = QComboBox(self)
        self.supporter_combo.setAccessibleName(self.tr("Begeleider uit het team"))
        self.supporter_combo.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.requested_edit = money_edit(self, self.tr("Budget aangevraagd"))
        self.granted_edit = money_edit(self, self.tr("Budget toegekend"))
        self.source_edit = QLineEdit(self)
        self.source_edit.setMaxLength(MAX_GROUP)
        self.source_edit.setAccessibleName(self.tr("Bron van het budget"))
        self.source_edit.setPlaceholderText(self.tr("bijv. leefbaarheidsbudget"))

        self.themes = ThemePicker(self)
        self.themes.list.setMinimumHeight(100)
        self.partners = PartnerPicker(self)
        self.partners.setMinimumHeight(120)
        self.description_edit = text_edit(
            self, self.tr("Omschrijving"), self.tr("Wat willen de bewoners bereiken?")
        )
        self.support_edit = text_edit(
            self,
            self.tr("Ondersteuning door het team"),
            self.tr("Advies, contacten, hulp bij een aanvraag…"),
        )
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

        self._lay_out()
        self._connect()
        self._show_end()

    # -- layout -----------------------------------------------------------------------------

    def _lay_out(self) -> None:
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading_row = QHBoxLayout()  # the screen adds the record's own buttons here
        self.heading_row.addWidget(self.heading, 1)
        layout.addLayout(self.heading_row)
        layout.addLayout(grid)
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
        for combo in (self.area_combo, self.status_combo, self.supporter_combo):
            combo.currentIndexChanged.connect(self._emit_changed)
        for day in (self.started_edit, self.ended_edit):
            day.dateChanged.connect(self._emit_changed)
        for line in (
            self.title_edit,
            self.carried_edit,
            self.source_edit,
            self.requested_edit,
            self.granted_edit,
        ):
            line.textChanged.connect(self._emit_changed)
        for text in (self.description_edit, self.support_edit):
            text.textChanged.connect(self._emit_changed)
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
        ended = self.ended_edit.date()
        return InitiativeInput(
            area_id=area_id,
            title=self.title_edit.text(),
            started_on=from_qdate(self.started_edit.date()),
            status=self.status,
            ended_on=from_qdate(ended) if self.status.ended and ended != NO_DATE else None,
            carried_by=self.carried_edit.text(),
            supporter_id=current_id(self.supporter_combo),
            description=self.description_edit.toPlainText(),
            support=self.support_edit.toPlainText(),
            budget_requested=parse_euros(self.requested_edit.text(), field="budget_requested"),
            budget_granted=parse_euros(self.granted_edit.text(), field="budget_granted"),
            budget_source=self.source_edit.text(),
            theme_ids=tuple(self.themes.checked_ids()),
            partner_ids=tuple(self.partners.checked_ids()),
            milestones=tuple(self.milestones.model.to_inputs()),
        )

    def snapshot(self) -> dict[str, Any]:
        """Everything typed, to tell whether there is unsaved input."""
        return {
            "area": self.area_combo.currentData(),
            "status": self.status_combo.currentData(),
            "started": self.started_edit.date().toString(Qt.DateFormat.ISODate),
            # the end day counts only with an end status (saving ignores it otherwise)
            "ended": self.ended_edit.date().toString(Qt.DateFormat.ISODate)
            if self.status.ended
            else "",
            "supporter": self.supporter_combo.currentData(),
            "themes": sorted(str(i) for i in self.themes.checked_ids()),
            "partners": sorted(str(i) for i in self.partners.checked_ids()),
            "milestones": self.milestones.snapshot(),
            **{name: text.strip() for name, text in self._texts().items()},
        }

    def _texts(self) -> dict[str, str]:
        return {
            "title": self.title_edit.text(),
            "carried_by": self.carried_edit.text(),
            "requested": self.requested_edit.text(),
            "granted": self.granted_edit.text(),
            "source": self.source_edit.text(),
            "description": self.description_edit.toPlainText(),
            "support": self.support_edit.toPlainText(),
        }

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        return not (
            any(text.strip() for text in self._texts().values())
            or self.milestones.snapshot()
            or self.themes.checked_ids()
            or self.partners.checked_ids()
        )

    # -- writing ----------------------------------------------------------------------------

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        self.heading.setText(self.tr("Nieuw initiatief"))
        if area_id is not None:
            select_data(self.area_combo, str(area_id))
        self.status_combo.setCurrentIndex(0)
        self.started_edit.setDate(to_qdate(today))
        self.ended_edit.setDate(NO_DATE)
        for line in (
            self.title_edit,
            self.carried_edit,
            self.source_edit,
            self.requested_edit,
            self.granted_edit,
        ):
            line.clear()
        self.description_edit.clear()
        self.support_edit.clear()
        self.supporter_combo.setCurrentIndex(0)
        self.themes.filter.clear()
        self.themes.set_checked([])
        self.partners.set_checked([])
        self.milestones.set_milestones([])
        self._show_end()

    def load(self, view: InitiativeView) -> None:
        """Fill the form with a stored initiative, to edit it."""
        self.heading.setText(self.tr("Bewerken (versie %s)") % view.version)
        if self.area_combo.findData(str(view.area_id)) < 0:
            # its area was removed: show that, rather than quietly moving it to the first one
            # (saving then asks for another area)
            self.area_combo.addItem(
                self.tr("%s (verwijderd gebied)") % view.area_name, str(view.area_id)
            )
        select_data(self.area_combo, str(view.area_id))
        select_data(self.status_combo, view.status.value)
        self.started_edit.setDate(to_qdate(view.started_on))
        self.ended_edit.setDate(to_qdate(view.ended_on) if view.ended_on else NO_DATE)
        self.title_edit.setText(view.title)
        self.carried_edit.setText(view.carried_by)
        self._select_member(view.supporter_id, view.supporter_name)
        self.requested_edit.setText(format_euros(view.budget_requested))
        self.granted_edit.setText(format_euros(view.budget_granted))
        self.source_edit.setText(view.budget_source)
        self.description_edit.setPlainText(view.description)
        self.support_edit.setPlainText(view.support)
        self.themes.filter.clear()
        self.themes.set_checked(view.theme_ids, names=self.theme_names)
        self.partners.set_checked(view.partner_ids)
        self.milestones.set_milestones(view.milestones)
        self._show_end()

    def focus_first(self) -> None:
        self.title_edit.setFocus()

    def focus_field(self, name: str | None) -> None:
        """Put the cursor where a ValidationError's `field` points, keeping what is typed."""
        if name == "milestones":
            self.milestones.focus_bad_cell(started=from_qdate(self.started_edit.date()))
            return
        widget: QWidget | None = {
            "title": self.title_edit,
            "area": self.area_combo,
            "status": self.status_combo,
            "started_on": self.started_edit,
            "ended_on": self.ended_edit,
            "carried_by": self.carried_edit,
            "supporter": self.supporter_combo,
            "budget_requested": self.requested_edit,
            "budget_granted": self.granted_edit,
            "budget_source": self.source_edit,
            "description": self.description_edit,
            "support": self.support_edit,
            "themes": self.themes.filter,
            "partners": self.partners,
        }.get(name or "")
        if widget is None:
            return
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
