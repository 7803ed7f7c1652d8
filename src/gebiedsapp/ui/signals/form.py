"""The form for a new signal, empty or pre-filled from a conversation or contact."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

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

from gebiedsapp.domain import Priority, SignalSource
from gebiedsapp.services.areas import AreaNode, area_tree, list_buurten
from gebiedsapp.services.signals import SignalInput, create_signal, parse_coordinates
from gebiedsapp.services.taxonomy import list_categories
from gebiedsapp.ui.admin.common import (
    current_enum,
    current_id,
    fill_area_combo,
    fill_enum_combo,
    select_data,
)
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.signals.detail import category_choices, partner_choices
from gebiedsapp.ui.signals.dialogs import fill_choices, refused
from gebiedsapp.ui.signals.picker import Pick, category_picker


def _degrees(value: float) -> str:
    """Degrees as typed in Dutch: a decimal comma, no trailing zeros."""
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


class SignalForm(QDialog):
    """Nieuw signaal. Ctrl+Enter saves; the service says what is missing."""

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
        self.setWindowTitle(self.tr("Nieuw signaal"))
        with context.read() as session:
            self.nodes: list[AreaNode] = area_tree(session)
            self.buurt_names = {b.code: b.name for b in list_buurten(session)}
            self.default_partner = {
                str(c.id): str(c.default_partner_id or "")
                for c in list_categories(session, include_retired=False)
            }

        self.area = QComboBox(self)
        fill_area_combo(self.area, self.nodes)
        self.buurt = QComboBox(self)
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("Adres of omschrijving van de plek"))
        self.latitude = QLineEdit(self)
        self.latitude.setPlaceholderText(self.tr("breedtegraad, bv. 53,1712"))
        self.latitude.setAccessibleName(self.tr("Breedtegraad"))
        self.latitude.setToolTip(
            self.tr(
                "Niet verplicht. Breedte- en lengtegraad in graden, met komma of punt; "
                "een geplakt paar als '53.1712, 7.0341' mag ook in dit veld."
            )
        )
        self.longitude = QLineEdit(self)
        self.longitude.setPlaceholderText(self.tr("lengtegraad, bv. 7,0341"))
        self.longitude.setAccessibleName(self.tr("Lengtegraad"))
        self.longitude.setToolTip(self.latitude.toolTip())
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude)
        coordinates.addWidget(self.longitude)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(140)
        self.description.setPlaceholderText(self.tr("Wat is er gemeld of gezien?"))
        self.category = category_picker(
            self, [Pick("", self.tr("(kies een categorie)"), ""), *category_choices(context)]
        )
        self.partner = QComboBox(self)
        fill_choices(
            self.partner, [("", self.tr("(standaard van de categorie)")), *partner_choices(context)]
        )
        self.source = QComboBox(self)
        fill_enum_combo(self.source, SignalSource)
        self.priority = QComboBox(self)
        fill_enum_combo(self.priority, Priority)
        self.reported_on = QDateEdit(self)
        self.reported_on.setCalendarPopup(True)
        self.reported_on.setDisplayFormat("dd-MM-yyyy")
        self.reported_on.setMaximumDate(to_qdate(date.today()))
        self.reported_on.setDate(to_qdate(date.today()))
        self.wants_feedback = QCheckBox(self.tr("De melder wil &terugkoppeling"), self)
        self.origin = QLabel(self)
        self.origin.setWordWrap(True)
        style(self.origin, "color: $muted;")

        form = QFormLayout()
        form.addRow(self.tr("&Gebied:"), self.area)
        form.addRow(self.tr("CBS-&buurt:"), self.buurt)
        form.addRow(self.tr("&Locatie:"), self.location)
        coordinates_label = QLabel(self.tr("C&oördinaten:"), self)
        coordinates_label.setBuddy(self.latitude)
        form.addRow(coordinates_label, coordinates)
        form.addRow(self.tr("B&eschrijving:"), self.description)
        form.addRow(self.tr("&Categorie:"), self.category)
        form.addRow(self.tr("&Partner:"), self.partner)
        form.addRow(self.tr("Bro&n:"), self.source)
        form.addRow(self.tr("P&rioriteit:"), self.priority)
        form.addRow(self.tr("Ge&meld op:"), self.reported_on)
        form.addRow("", self.wants_feedback)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Opslaan"))
        self.save_button.setToolTip(self.tr("Opslaan (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        self.area.currentIndexChanged.connect(self._fill_buurten)
        self.category.currentIndexChanged.connect(self._category_changed)
        if area_id is not None:
            select_data(self.area, str(area_id))
        self._fill_buurten()
        if prefill is not None:
            self._apply(prefill)
        self.origin.setVisible(bool(self.origin.text()))
        self.resize(560, 520)

    def _apply(self, data: SignalInput) -> None:
        select_data(self.area, str(data.area_id))
        self._fill_buurten()
        select_data(self.buurt, data.buurt_code or "")
        self.location.setText(data.location)
        if data.latitude is not None and data.longitude is not None:
            self.latitude.setText(_degrees(data.latitude))
            self.longitude.setText(_degrees(data.longitude))
        self.description.setPlainText(data.description)
        if data.category_id is not None:
            select_data(self.category, str(data.category_id))
        if data.partner_id is not None:
            select_data(self.partner, str(data.partner_id))
        select_data(self.source, data.source.value)
        select_data(self.priority, data.priority.value)
        self.reported_on.setDate(to_qdate(data.reported_on))
        self.wants_feedback.setChecked(data.wants_feedback)
        if data.conversation_id is not None:
            self.origin.setText(self.tr("Uit een koffiekargesprek; kies nog een categorie."))
        elif data.contact_id is not None:
            self.origin.setText(self.tr("Uit een contact; kies nog een categorie."))

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

    def signal_input(self) -> SignalInput:
        prefill = self.prefill
        area_id = current_id(self.area)
        if area_id is None:  # no areas at all: the service refuses the nil id
            area_id = uuid.UUID(int=0)
        return SignalInput(
            area_id=area_id,
            buurt_code=self.buurt.currentData() or None,
            location=self.location.text(),
            description=self.description.toPlainText(),
            category_id=current_id(self.category),
            source=current_enum(self.source, SignalSource),
            priority=current_enum(self.priority, Priority),
            partner_id=current_id(self.partner),
            reported_on=from_qdate(self.reported_on.date()),
            wants_feedback=self.wants_feedback.isChecked(),
            conversation_id=prefill.conversation_id if prefill else None,
            contact_id=prefill.contact_id if prefill else None,
            # typed coordinates are read (and checked) by save()
            latitude=prefill.latitude if prefill else None,
            longitude=prefill.longitude if prefill else None,
        )

    def save(self) -> None:
        if refused(self, [self.category]):
            return
        data = self.signal_input()
        latitude, longitude = self.latitude.text(), self.longitude.text()

        def action(session: Session) -> uuid.UUID:
            lat, lon = parse_coordinates(latitude, longitude)  # a Dutch message when wrong
            return create_signal(session, replace(data, latitude=lat, longitude=lon)).id

        created = self.context.perform(self, action, changes=(SIGNALS,))
        if created is not None:
            self.created = created
            self.accept()
