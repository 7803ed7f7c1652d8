"""The widgets of the conversation form, laid out in Tab order (the view; no data access).

The controller (`conversation_form.ConversationForm`) reads and fills these fields and saves.
"""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QWidget,
)

from gebiedsapp.domain import Handling
from gebiedsapp.services.conversation_record import BY_KEY, HANDLING, QUOTE, SUMMARY, THEMES
from gebiedsapp.ui.formatting import to_qdate
from gebiedsapp.ui.koffiekar.theme_picker import ThemePicker
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.layout import FlowLayout
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.personal_data import PersonalDataWarning

HANDLINGS = (Handling.TER_PLEKKE, Handling.DOORVERWIJZEN, Handling.ACTIE_NODIG)
DEFAULT_DUE_DAYS = 14
CALLBACK_DUE_DAYS = 7  # a resident who asked to be called should not wait two weeks


class DateEdit(QDateEdit):
    """dd-mm-jjjj where Tab leaves the field (typing moves through day, month and year)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class TimeEdit(QTimeEdit):
    """uu:mm where Tab leaves the field, like every other field of the form."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


NO_TIME = QTime(0, 0)  # shown as "--:--": no round or activity starts at midnight


def time_edit(parent: QWidget, name: str) -> TimeEdit:
    """A time of day that may be left empty ("--:--")."""
    edit = TimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText("--:--")
    edit.setAccessibleName(name)
    return edit


def get_time(edit: QTimeEdit) -> time | None:
    value = edit.time()
    return None if value == NO_TIME else time(value.hour(), value.minute())


def set_time(edit: QTimeEdit, value: time | None) -> None:
    edit.setTime(NO_TIME if value is None else QTime(value.hour, value.minute))


def _row(*widgets: QWidget, stretch_last: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    if not stretch_last:
        row.addStretch(1)
    return row


class ConversationFields(QFrame):
    """Samenvatting, thema's, afhandeling, citaat, bewoner, actie; the buttons last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.set_edit_look(False)

        self._build_heading()
        self.inputs: dict[str, QWidget] = {}  # per draft key (services.conversation_record)
        self.summary = self._line("summary", self)
        self.summary.setStyleSheet("QLineEdit { font-size: 11pt; padding: 3px; }")
        self.themes = ThemePicker(self)
        handling_row = self._build_handling()
        self.quote = self._line("quote", self)
        self.quote_reportable = self._flag("quote_reportable", self)
        self._build_resident()
        self._build_callback()
        self._build_action()
        self._build_privacy_warning()
        keys = self._build_buttons()
        self._lay_out(handling_row, keys)
        self.resident_box.setVisible(False)
        self.callback_box.setVisible(False)
        self.resident_note.setVisible(False)
        self.action_box.setVisible(False)
        self.wants_contact.toggled.connect(self._reveal)
        self.wants_meedenken.toggled.connect(self._reveal)
        self.make_action.toggled.connect(self._reveal)
        self._chain_tab_order()

    def _build_heading(self) -> None:
        self.title = QLabel(self.tr("Nieuw gesprek"), self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.round_label = QLabel(self)
        style(self.round_label, "color: $muted;")
        self.draft_label = QLabel(self)
        style(self.draft_label, "color: $success;")

    def _build_handling(self) -> QWidget:
        """One radio button per way of handling; they wrap on a narrow screen."""
        self.handling_group = QButtonGroup(self)
        self.handling_buttons: list[QRadioButton] = []
        handling_row = QWidget(self)
        for number, handling in enumerate(HANDLINGS):
            button = QRadioButton(label_of(handling), handling_row)
            self.handling_group.addButton(button, number)
            self.handling_buttons.append(button)
        self.handling_buttons[0].setChecked(True)
        handling_flow = FlowLayout(handling_row)  # under each other on a narrow screen
        for button in self.handling_buttons:
            handling_flow.addWidget(button)
        return handling_row

    def _build_resident(self) -> None:
        """What the resident wants, and their name and contact details (with consent)."""
        self.wants_contact = self._flag("wants_contact", self)
        self.wants_meedenken = self._flag("wants_meedenken", self)
        self.resident_note = QLabel(self)
        self.resident_note.setWordWrap(False)
        style(self.resident_note, "color: $muted;")
        self.resident_box = QWidget(self)
        self.name = self._line("name", self.resident_box)
        self.phone = self._line("phone", self.resident_box)
        self.email = self._line("email", self.resident_box)
        self.consent = self._flag("consent", self.resident_box)
        self.consent.setToolTip(
            self.tr(
                "De bewoner geeft toestemming om naam en telefoon of e-mail te bewaren voor dit "
                "doel. Zonder toestemming worden geen persoonsgegevens opgeslagen."
            )
        )
        resident_row = _row(self.name, self.phone, self.email, self.consent, stretch_last=True)
        resident_row.setStretch(0, 3)
        resident_row.setStretch(1, 2)
        resident_row.setStretch(2, 3)
        self.resident_box.setLayout(resident_row)

    def _build_callback(self) -> None:
        """'Wil contact' proposes a call-back; untick it (or change it) before saving."""
        self.callback_box = QWidget(self)
        self.callback = self._flag("callback", self.callback_box)
        self.callback.setToolTip(
            self.tr("Wordt met het gesprek opgeslagen als actie; vink uit als het niet nodig is")
        )
        self.callback_description = self._line("callback_description", self.callback_box)
        self.callback_owner = self._owner("callback_owner_id", self.callback_box, width=10)
        self.callback_due = self._day("callback_due", self.callback_box)
        callback_row = _row(
            self.callback,
            self.callback_description,
            QLabel(self.tr("eigenaar"), self.callback_box),
            self.callback_owner,
            QLabel(self.tr("uiterlijk"), self.callback_box),
            self.callback_due,
            stretch_last=True,
        )
        callback_row.setStretch(1, 1)
        self.callback_box.setLayout(callback_row)
        self.callback.toggled.connect(self._enable_callback)

    def _build_action(self) -> None:
        self.make_action = self._flag("action", self)
        self.action_box = QWidget(self)
        self.action_description = self._line("action_description", self.action_box)
        self.action_owner = self._owner("action_owner_id", self.action_box, width=14)
        self.action_due = self._day("action_due", self.action_box)
        self.action_due.setDate(to_qdate(date.today() + timedelta(days=DEFAULT_DUE_DAYS)))
        action_row = _row(
            self.action_description,
            QLabel(self.tr("eigenaar"), self.action_box),
            self.action_owner,
            QLabel(self.tr("uiterlijk"), self.action_box),
            self.action_due,
            stretch_last=True,
        )
        action_row.setStretch(0, 1)
        self.action_box.setLayout(action_row)

    def _build_privacy_warning(self) -> None:
        """Text that goes into the reports: warn (without blocking) when it names the resident."""
        self.privacy_warning = PersonalDataWarning(self)
        self.privacy_warning.names_from(lambda: [self.name.text()])
        self.privacy_warning.watch(self.quote, reported=self.quote_reportable.isChecked)
        self.privacy_warning.watch(self.action_description, reported=self.make_action.isChecked)
        self.privacy_warning.watch(
            self.callback_description,
            reported=lambda: self.callback.isChecked() and self.wants_callback_row(),
        )
        for box in (self.quote_reportable, self.make_action, self.callback, self.wants_contact):
            box.toggled.connect(self.privacy_warning.check)
        self.name.textChanged.connect(self.privacy_warning.check)

    def _build_buttons(self) -> QLabel:
        """Save, clear and history, and the keys hint that goes beside them (returned)."""
        self.save_button = QPushButton(self.tr("Opslaan  (Ctrl+Enter)"), self)
        self.save_button.setStyleSheet("font-weight: 600;")
        self.clear_button = QPushButton(self.tr("Leegmaken  (Esc)"), self)
        self.history_button = QPushButton(self.tr("Geschiedenis…"), self)
        self.history_button.setVisible(False)
        keys = QLabel(
            self.tr("Tab: volgend veld · Enter: thema kiezen · Backspace: thema weghalen"),
            self,
        )
        style(keys, "color: $muted;")
        keys.setWordWrap(True)  # on a narrow screen it takes two lines, not the form's width
        return keys

    def _lay_out(self, handling_row: QWidget, keys: QLabel) -> None:
        """Label and field per row, in Tab order, with the buttons in the last row."""
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.round_label, 1)
        heading.addWidget(self.draft_label)
        grid.addLayout(heading, 0, 0, 1, 2)
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            (self.tr(SUMMARY.label), self.summary),
            (self.tr(THEMES.label), self.themes),
            (self.tr(HANDLING.label), handling_row),
            (self.tr(QUOTE.label), _row(self.quote, self.quote_reportable, stretch_last=True)),
            (
                self.tr("Bewoner"),
                _row(self.wants_contact, self.wants_meedenken, self.resident_note),
            ),
            ("", self.resident_box),
            ("", self.callback_box),
            (self.tr("Actie"), _row(self.make_action)),
            ("", self.action_box),
            ("", self.privacy_warning),
        ]
        for number, (text, field) in enumerate(rows, start=1):
            if text:
                label = QLabel(text, self)
                label.setStyleSheet("font-weight: 600;")
                grid.addWidget(label, number, 0, Qt.AlignmentFlag.AlignVCenter)
            if isinstance(field, QWidget):
                grid.addWidget(field, number, 1)
            else:
                grid.addLayout(field, number, 1)
        buttons = _row(
            self.save_button, self.clear_button, self.history_button, keys, stretch_last=True
        )
        buttons.setStretch(3, 1)  # the key hint takes the room there is, on one line if it can
        grid.addLayout(buttons, len(rows) + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    # -- inputs made from their field definitions (texts listed for lupdate in field_texts) ---

    def _line(self, key: str, parent: QWidget) -> QLineEdit:
        definition = BY_KEY[key]
        line = QLineEdit(parent)
        line.setPlaceholderText(self.tr(definition.placeholder) if definition.placeholder else "")
        line.setAccessibleName(self.tr(definition.accessible or definition.label))
        self.inputs[key] = line
        return line

    def _flag(self, key: str, parent: QWidget) -> QCheckBox:
        definition = BY_KEY[key]
        box = QCheckBox(self.tr(definition.caption or definition.label), parent)
        self.inputs[key] = box
        return box

    def _owner(self, key: str, parent: QWidget, *, width: int) -> QComboBox:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr(BY_KEY[key].label))
        combo.setMinimumContentsLength(width)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.inputs[key] = combo
        return combo

    def _day(self, key: str, parent: QWidget) -> DateEdit:
        day = DateEdit(parent)
        day.setCalendarPopup(True)
        day.setDisplayFormat("dd-MM-yyyy")
        day.setAccessibleName(self.tr(BY_KEY[key].label))
        self.inputs[key] = day
        return day

    def set_edit_look(self, edit: bool) -> None:
        """Blue for a new conversation, amber while correcting a saved one. Only when the look
        changes: a new style sheet repolishes every field of the form (~50 ms at a time)."""
        if getattr(self, "_edit_look", None) is edit:
            return
        self._edit_look = edit
        background, border = ("$editing", "$editing_border") if edit else ("$note", "$note_border")
        style(
            self,
            f"QFrame#conversationForm {{ background: {background}; border: 1px solid {border};"
            " border-radius: 6px; }",
        )

    def _reveal(self, *_args: object) -> None:
        wanted = self.wants_contact.isChecked() or self.wants_meedenken.isChecked()
        self.resident_box.setVisible(wanted and self.wants_contact.isEnabled())
        self.callback_box.setVisible(self.wants_callback_row())
        self.action_box.setVisible(self.make_action.isChecked())

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.summary,
            self.themes.edit,
            *self.handling_buttons,
            self.quote,
            self.quote_reportable,
            self.wants_contact,
            self.wants_meedenken,
            self.name,
            self.phone,
            self.email,
            self.consent,
            self.callback,
            self.callback_description,
            self.callback_owner,
            self.callback_due,
            self.make_action,
            self.action_description,
            self.action_owner,
            self.action_due,
            self.save_button,
            self.clear_button,
            self.history_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- values -----------------------------------------------------------------------------

    @property
    def handling(self) -> Handling:
        return HANDLINGS[max(self.handling_group.checkedId(), 0)]

    @handling.setter
    def handling(self, value: Handling) -> None:
        self.handling_buttons[HANDLINGS.index(value)].setChecked(True)

    def reset_due_date(self) -> None:
        self.action_due.setDate(to_qdate(date.today() + timedelta(days=DEFAULT_DUE_DAYS)))

    def wants_callback_row(self) -> bool:
        """The call-back row belongs to a new conversation with a resident who wants contact."""
        return self.wants_contact.isChecked() and self.wants_contact.isEnabled()

    def reset_callback(self) -> None:
        """The proposal: call the resident back within a week (the owner is set by the form)."""
        self.callback.setChecked(True)
        self.callback_description.setText(self.tr("Bewoner terugbellen"))
        self.callback_description.setCursorPosition(0)  # the start shows when it is narrow
        self.callback_due.setDate(to_qdate(date.today() + timedelta(days=CALLBACK_DUE_DAYS)))
        self._enable_callback(True)

    def _enable_callback(self, on: bool) -> None:
        for widget in (self.callback_description, self.callback_owner, self.callback_due):
            widget.setEnabled(on)
