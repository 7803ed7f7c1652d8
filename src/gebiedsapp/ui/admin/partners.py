"""Beheer › Partners: organisations signals are routed to and contacts are with."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import PartnerKind
from gebiedsapp.services import taxonomy
from gebiedsapp.services.taxonomy import TaxonomyKind, save_partner, set_retired
from gebiedsapp.ui.admin.common import (
    button_row,
    current_enum,
    fill_enum_combo,
    form_panel,
    heading,
    italic_font,
    make_table,
    select_data,
    side_by_side,
)
from gebiedsapp.ui.context import PARTNERS, AppContext
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import ColourRole, brush, style
from gebiedsapp.ui.table_model import RowTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("PartnersTab", text)


@dataclass(frozen=True)
class PartnerRow:
    id: uuid.UUID
    name: str
    kind: PartnerKind
    email: str
    phone: str
    description: str
    retired: bool


class PartnerTableModel(RowTableModel[PartnerRow]):
    COL_NAME, COL_KIND, COL_EMAIL, COL_PHONE, COL_STATUS = range(5)
    headers = (_tr("Naam"), _tr("Soort"), _tr("E-mail"), _tr("Telefoon"), _tr("Status"))

    def cell(self, row: PartnerRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            status = _tr("buiten gebruik") if row.retired else _tr("in gebruik")
            values = (row.name, label_of(row.kind), row.email, row.phone, status)
            return values[column]
        if row.retired and role == Qt.ItemDataRole.ForegroundRole:
            return brush(ColourRole.MUTED)
        if row.retired and role == Qt.ItemDataRole.FontRole:
            return italic_font()
        return None


class PartnersTab(QWidget):
    KINDS = frozenset({PARTNERS})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: PartnerRow | None = None
        self.creating = False

        self.partners = PartnerTableModel(self)
        self.table = make_table(self.partners, self, stretch_column=PartnerTableModel.COL_NAME)
        self.table.setAccessibleName(self.tr("Partners"))
        for column, width in ((1, 170), (2, 150), (3, 100), (4, 100)):
            self.table.setColumnWidth(column, width)

        form_widget = QWidget(self)
        self.title = heading("", form_widget)
        self.name_edit = QLineEdit(form_widget)
        self.name_edit.setMaxLength(160)
        self.kind_combo = QComboBox(form_widget)
        fill_enum_combo(self.kind_combo, PartnerKind)
        self.email_edit = QLineEdit(form_widget)
        self.phone_edit = QLineEdit(form_widget)
        self.description_edit = QPlainTextEdit(form_widget)
        self.description_edit.setMaximumHeight(90)
        self.description_edit.setTabChangesFocus(True)
        self.status = QLabel(
            self.tr(
                "Buiten gebruik: bestaande signalen en contacten houden deze partner, maar hij "
                "wordt niet meer aangeboden."
            ),
            form_widget,
        )
        self.status.setWordWrap(True)
        style(self.status, "color: $muted;")

        self.save_button = QPushButton(self.tr("Opslaan"), form_widget)
        self.save_button.setDefault(True)
        self.new_button = QPushButton(self.tr("Nieuwe partner"), form_widget)
        self.retire_button = QPushButton(self.tr("Buiten gebruik stellen"), form_widget)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Naam:"), self.name_edit)
        form.addRow(self.tr("Soort:"), self.kind_combo)
        form.addRow(self.tr("E-mail:"), self.email_edit)
        form.addRow(self.tr("Telefoon:"), self.phone_edit)
        form.addRow(self.tr("Omschrijving:"), self.description_edit)
        buttons = button_row(self.save_button, self.new_button, self.retire_button)
        form_panel(form_widget, title=self.title, form=form, status=self.status, buttons=buttons)
        side_by_side(self, self.table, form_widget, stretch=(3, 2), sizes=(600, 420))

        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_partner)
        self.retire_button.clicked.connect(self.toggle_retired)
        context.hub.changed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        with self.context.read() as session:
            rows = [
                PartnerRow(p.id, p.name, p.kind, p.email, p.phone, p.description, p.retired)
                for p in taxonomy.list_partners(session)
            ]
        keep = self.current.id if self.current else None
        self.current = None
        self.partners.set_rows(rows)
        if keep is None and self.creating:
            return  # keep what is being typed for a new partner
        if keep not in [row.id for row in rows]:
            keep = rows[0].id if rows else None
        if keep is None:
            self.new_partner()
        else:
            self.select(keep)

    def select(self, partner_id: uuid.UUID) -> None:
        for row, partner in enumerate(self.partners.rows):
            if partner.id == partner_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.partners.index(row, 0))
                if self.current is None or self.current.id != partner_id:
                    self._show(partner)
                return

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        partner = self.partners.row_at(rows[0]) if rows else None
        if partner is not None:
            self._show(partner)

    def _show(self, partner: PartnerRow | None) -> None:
        self.current = partner
        self.creating = partner is None
        self.title.setText(partner.name if partner else self.tr("Nieuwe partner"))
        self.name_edit.setText(partner.name if partner else "")
        select_data(self.kind_combo, (partner.kind if partner else PartnerKind.OVERIG).value)
        self.email_edit.setText(partner.email if partner else "")
        self.phone_edit.setText(partner.phone if partner else "")
        self.description_edit.setPlainText(partner.description if partner else "")
        retired = partner is not None and partner.retired
        self.status.setVisible(retired)
        self.retire_button.setEnabled(partner is not None)
        self.retire_button.setText(
            self.tr("Weer in gebruik nemen") if retired else self.tr("Buiten gebruik stellen")
        )

    def new_partner(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.name_edit.setFocus()

    def save(self) -> None:
        partner_id = self.current.id if self.current else None
        name = self.name_edit.text()
        kind = current_enum(self.kind_combo, PartnerKind)
        email = self.email_edit.text()
        phone = self.phone_edit.text()
        description = self.description_edit.toPlainText()

        def action(session: Session) -> uuid.UUID:
            partner = save_partner(
                session,
                partner_id=partner_id,
                name=name,
                kind=kind,
                email=email,
                phone=phone,
                description=description,
            )
            return partner.id

        saved = self.context.perform(self, action, changes=(PARTNERS,))
        if saved is not None:
            self.creating = False
            self.select(saved)

    def toggle_retired(self) -> None:
        partner = self.current
        if partner is None:
            return
        self.context.perform(
            self,
            lambda session: set_retired(
                session, TaxonomyKind.PARTNER, partner.id, retired=not partner.retired
            ),
            changes=(PARTNERS,),
        )

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & self.KINDS:
            self.reload()
