"""The two small dialogs of Beheer › Teams: link a member to an area, and end a link."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import Role
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.ui.admin.common import current_enum, current_id, fill_area_combo, fill_enum_combo
from gebiedsapp.ui.formatting import format_date, from_qdate, to_qdate


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setDate(to_qdate(day))
    return edit


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Annuleren"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class AssignDialog(QDialog):
    """Which area, which role, from when (and optionally until when)."""

    def __init__(
        self,
        member_name: str,
        areas: Sequence[AreaNode],
        *,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Koppelen aan gebied"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Koppel %s aan een gebied in een rol.") % member_name, self)
        intro.setWordWrap(True)
        self.area_combo = QComboBox(self)
        fill_area_combo(self.area_combo, areas)
        self.role_combo = QComboBox(self)
        fill_enum_combo(self.role_combo, Role)
        self.start_edit = date_edit(self, today)
        self.has_end = QCheckBox(self.tr("einddatum"), self)
        self.end_edit = date_edit(self, today)
        self.end_edit.setEnabled(False)
        self.has_end.toggled.connect(self.end_edit.setEnabled)
        self.start_edit.dateChanged.connect(self.end_edit.setMinimumDate)

        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end_edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("Gebied:"), self.area_combo)
        form.addRow(self.tr("Rol:"), self.role_combo)
        form.addRow(self.tr("Vanaf:"), self.start_edit)
        form.addRow(self.tr("Tot en met:"), end_row)
        box, self.ok_button = _buttons(self, self.tr("Koppelen"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)

    @property
    def area_id(self) -> uuid.UUID | None:
        return current_id(self.area_combo)

    @property
    def role(self) -> Role:
        return current_enum(self.role_combo, Role)

    @property
    def start_date(self) -> date:
        return from_qdate(self.start_edit.date())

    @property
    def end_date(self) -> date | None:
        return from_qdate(self.end_edit.date()) if self.has_end.isChecked() else None


class EndDateDialog(QDialog):
    """Asks the last day of an assignment (it may not lie before the first)."""

    def __init__(
        self, description: str, *, start: date, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Koppeling beëindigen"))
        self.setMinimumWidth(360)
        text = QLabel(
            self.tr("%s\n\nLaatste dag (de koppeling liep vanaf %s):")
            % (description, format_date(start)),
            self,
        )
        text.setWordWrap(True)
        self.date_edit = date_edit(self, max(today, start))
        self.date_edit.setMinimumDate(to_qdate(start))
        box, self.ok_button = _buttons(self, self.tr("Beëindigen"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.date_edit)
        layout.addWidget(box)

    @property
    def end_date(self) -> date:
        return from_qdate(self.date_edit.date())
