"""Small dialogs of the signal detail: a status move with a note, a changed choice (category,
partner, priority) with a note, splitting, and recording feedback."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import cast

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.signals import FEEDBACK_WAYS, SplitPart
from gebiedsapp.ui.admin.common import current_id, select_data
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.signals.picker import ChoicePicker, Pick, category_picker
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

Choice = tuple[str, str]  # (data, text); data "" means none


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Annuleren"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def fill_choices(combo: QComboBox, choices: Sequence[Choice], current: str = "") -> None:
    combo.clear()
    for data, text in choices:
        combo.addItem(text, data)
    select_data(combo, current)


def refused(dialog: QDialog, fields: Sequence[QComboBox]) -> bool:
    """True (and said why, the field focused) when a typed choice names no single entry:
    a dialog never goes on with something other than what the field shows."""
    for field in fields:
        if isinstance(field, ChoicePicker) and not field.commit():
            QMessageBox.warning(dialog, dialog.windowTitle(), field.problem)
            field.setFocus()
            return True
    return False


_WAYS = {  # services.signals.FEEDBACK_WAYS, as shown (translated where shown)
    "telefoon": QT_TRANSLATE_NOOP("FeedbackDialog", "Telefoon"),
    "e-mail": QT_TRANSLATE_NOOP("FeedbackDialog", "E-mail"),
    "brief": QT_TRANSLATE_NOOP("FeedbackDialog", "Brief"),
    "persoonlijk": QT_TRANSLATE_NOOP("FeedbackDialog", "Persoonlijk"),
}


class NoteDialog(QDialog):
    """Confirm a status move; the note is optional and goes into the history."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Notitie voor de geschiedenis (niet verplicht)"))
        self.note.setAccessibleName(self.tr("Notitie"))
        layout = QVBoxLayout(self)
        text = QLabel(question, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.note)
        layout.addWidget(_buttons(self, self.tr("Wijzigen")))
        self.resize(420, self.sizeHint().height())


class ChoiceDialog(QDialog):
    """Choose another category, partner or priority, with an optional note."""

    def __init__(
        self,
        title: str,
        label: str,
        choices: Sequence[Choice] | Sequence[Pick],
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo: QComboBox
        if choices and all(isinstance(choice, Pick) for choice in choices):
            self.combo = category_picker(self, cast(Sequence[Pick], choices), current=current)
        else:
            self.combo = QComboBox(self)
            fill_choices(self.combo, cast(Sequence[Choice], choices), current)
        self.combo.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Waarom? (niet verplicht)"))
        form = QFormLayout()
        form.addRow(label, self.combo)
        form.addRow(self.tr("&Notitie:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Wijzigen")))
        self.resize(460, self.sizeHint().height())

    def value(self) -> str:
        return str(self.combo.currentData() or "")

    def accept(self) -> None:
        if refused(self, [self.combo]):
            return
        super().accept()


class SplitDialog(QDialog):
    """One row per child signal: category, partner (empty: the category's default), text."""

    def __init__(
        self,
        categories: Sequence[Pick],
        partners: Sequence[Choice],
        description: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signaal splitsen"))
        self._categories = categories
        self._partners = partners
        self._description = description
        self.rows: list[tuple[ChoicePicker, QComboBox, QLineEdit]] = []
        intro = QLabel(
            self.tr(
                "Elk deelsignaal krijgt een eigen categorie en partner. Het signaal zelf is "
                "afgehandeld zodra alle deelsignalen zijn afgesloten."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        for column, text in enumerate(
            (self.tr("Categorie"), self.tr("Partner"), self.tr("Beschrijving"))
        ):
            self.grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, column)
        self.grid.setColumnStretch(2, 1)
        self.add_button = QPushButton(self.tr("Deelsignaal &toevoegen"), self)
        self.add_button.clicked.connect(self.add_row)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Notitie voor de geschiedenis (niet verplicht)"))
        self.note.setAccessibleName(self.tr("Notitie"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)
        layout.addWidget(self.note)
        layout.addWidget(_buttons(self, self.tr("Splitsen")))
        self.add_row()
        self.add_row()
        self.resize(820, self.sizeHint().height())

    def add_row(self) -> None:
        category = category_picker(
            self, [Pick("", self.tr("(kies een categorie)"), ""), *self._categories]
        )
        partner = QComboBox(self)
        partner.setAccessibleName(self.tr("Partner"))
        fill_choices(partner, [("", self.tr("(standaard van de categorie)")), *self._partners])
        text = QLineEdit(self._description, self)
        text.setAccessibleName(self.tr("Beschrijving"))
        row = len(self.rows) + 1
        for column, widget in enumerate((category, partner, text)):
            self.grid.addWidget(widget, row, column)
        self.rows.append((category, partner, text))

    def accept(self) -> None:
        if refused(self, [category for category, _partner, _text in self.rows]):
            return
        super().accept()

    def parts(self) -> list[SplitPart]:
        """The filled-in rows; a row without a category is skipped (the service says when
        none is left)."""
        result = []
        for category, partner, text in self.rows:
            category_id = current_id(category)
            if category_id is not None:
                result.append(SplitPart(category_id, current_id(partner), text.text()))
        return result


class FeedbackDialog(QDialog):
    """Terugkoppeling: when, how and by whom the resident was told what happened."""

    def __init__(self, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Terugkoppeling vastleggen"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setDate(to_qdate(date.today()))
        self.day.setMaximumDate(to_qdate(date.today()))
        self.how = QComboBox(self)
        for way in FEEDBACK_WAYS:
            self.how.addItem(self.tr(_WAYS.get(way, way)), way)
        self.by = QLineEdit(actor, self)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Wat is de bewoner verteld?"))
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&Wanneer:"), self.day)
        form.addRow(self.tr("&Hoe:"), self.how)
        form.addRow(self.tr("&Door wie:"), self.by)
        form.addRow(self.tr("&Notitie:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Vastleggen")))
        self.resize(440, 300)

    def given_on(self) -> date:
        return from_qdate(self.day.date())


def uuid_or_none(value: str) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None
