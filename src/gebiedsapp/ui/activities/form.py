"""The activity form: lays out the fields and turns them into a draft (`ActivityDraft`, its
payload) or the service's input. Each field is read, filled and watched as its definition
(`services.activity_record`) says; the form knows nothing about saving: the screen decides when
to save, autosave or ask."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import ActivityKind
from gebiedsapp.services import activity_record as fields
from gebiedsapp.services.activities import (
    ActivityInput,
    ActivityView,
    LinkOptions,
    activity_draft,
    activity_input,
)
from gebiedsapp.services.activity_record import (
    DRAFT_FIELDS,
    MAX_ATTENDANCE,
    ActivityDraft,
    AgreedAction,
)
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.conversation_record import FieldDef, InputKind
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.activities.links import (
    LinkList,
    date_edit,
    get_time,
    narrow_combo,
    set_time,
    text_box,
    time_edit,
)
from gebiedsapp.ui.admin.common import (
    current_id,
    fill_area_combo,
    fill_enum_combo,
    id_text,
    select_data,
)
from gebiedsapp.ui.contacts.themes import ThemeOption, ThemePicker
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.koffiekar.conversation_fields import DateEdit
from gebiedsapp.ui.record_inputs import read_input, write_input

NOT_COUNTED = -1  # the attendance box's lowest value, shown as "niet geteld"
DEFAULT_DUE_DAYS = 14


class ActivityForm(QWidget):
    """Fields of one activity and what it is linked to; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Nieuwe activiteit"), self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self._make_when_and_where()
        self._make_texts()
        self._make_links()
        self._make_new_action()
        # every field of the draft, by its key: read, filled and watched by its definition
        self.inputs: dict[str, QWidget] = {
            fields.DAY.key: self.date_edit,
            fields.START_TIME.key: self.start_edit,
            fields.END_TIME.key: self.end_edit,
            fields.KIND.key: self.kind_combo,
            fields.PLACE.key: self.place_edit,
            fields.AREA.key: self.area_combo,
            fields.SUBJECT.key: self.subject_edit,
            fields.ATTENDANCE.key: self.attendance_spin,
            fields.THEMES.key: self.themes,
            fields.NOTES.key: self.notes_edit,
            fields.OUTCOMES.key: self.outcomes_edit,
            fields.SIGNALS.key: self.signals_list,
            fields.ACTIONS.key: self.actions_list,
            fields.INITIATIVES.key: self.initiatives_list,
            fields.NEW_ACTIONS.key: self.actions_list,
            fields.NEW_ACTION.key: self.action_edit,
        }
        self._lay_out()
        self.clear(area_id=None, today=date.today())  # 'niet geteld', not a count of 0
        self._connect()

    def _make_when_and_where(self) -> None:
        self.date_edit = date_edit(self, self.tr("Datum"))
        self.start_edit = time_edit(self, self.tr("Begintijd"))
        self.end_edit = time_edit(self, self.tr("Eindtijd"))
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, ActivityKind)
        # 'Overleg dorps- of wijkvereniging' whole only in the open list
        narrow_combo(self.kind_combo, self.tr("Soort activiteit"))
        self.area_combo = QComboBox(self)
        narrow_combo(self.area_combo, self.tr("Gebied"))
        self.place_edit = QLineEdit(self)
        self.place_edit.setMaxLength(fields.PLACE.max_length or 0)
        self.place_edit.setPlaceholderText(self.tr("bijv. dorpshuis, school, kerk"))
        self.place_edit.setAccessibleName(self.tr("Plaats"))
        self.attendance_spin = QSpinBox(self)
        self.attendance_spin.setRange(NOT_COUNTED, MAX_ATTENDANCE)
        self.attendance_spin.setSpecialValueText(self.tr("niet geteld"))
        self.attendance_spin.setAccessibleName(self.tr("Aantal aanwezigen"))
        self.attendance_spin.setToolTip(
            self.tr("Hoeveel mensen er waren (vul je in na de activiteit)")
        )

    def _make_texts(self) -> None:
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setMaxLength(fields.SUBJECT.max_length or 0)
        self.subject_edit.setPlaceholderText(self.tr("Waar ging het over?"))
        self.subject_edit.setAccessibleName(self.tr("Onderwerp"))
        self.themes = ThemePicker(self)
        self.themes.list.setMinimumHeight(90)
        self.notes_edit = text_box(
            self, self.tr("Aantekeningen"), self.tr("Wat werd er gezegd? Geen namen van bewoners.")
        )
        self.outcomes_edit = text_box(
            self, self.tr("Uitkomsten"), self.tr("Wat is afgesproken of opgehaald?")
        )

    def _make_links(self) -> None:
        self.signals_list = LinkList(self.tr("Gekoppelde signalen"), self)
        self.actions_list = LinkList(self.tr("Gekoppelde acties"), self)
        self.initiatives_list = LinkList(self.tr("Gekoppelde initiatieven"), self)
        self.links = QTabWidget(self)
        self.links.setAccessibleName(self.tr("Koppelingen"))
        self.links.addTab(self.signals_list, self.tr("Signalen"))
        self.actions_page = QWidget(self)  # the Acties tab: the list, then a new action
        self.links.addTab(self.actions_page, self.tr("Acties"))
        self.links.addTab(self.initiatives_list, self.tr("Initiatieven"))
        self.links.setMinimumHeight(110)
        # the text boxes and lists share what height there is, above their minimum, instead of
        # asking for their preferred 190 px each (which made the form scroll at 1366x768)
        for box in (
            self.themes.list,
            self.notes_edit,
            self.outcomes_edit,
            self.signals_list,
            self.actions_list,
            self.initiatives_list,
        ):
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.actions_list.setMinimumHeight(48)

    def _make_new_action(self) -> None:
        """The line below the linked actions where an action agreed at the activity is typed."""
        self.new_actions: tuple[AgreedAction, ...] = ()
        self.default_owner: uuid.UUID | None = None
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(self.tr("Nieuwe afgesproken actie (Enter voegt toe)"))
        self.action_edit.setAccessibleName(self.tr("Omschrijving van een nieuwe actie"))
        self.owner_combo = QComboBox(self)
        narrow_combo(self.owner_combo, self.tr("Eigenaar van de actie"), 10)
        self.due_edit = date_edit(self, self.tr("Uiterlijk"))
        self.due_edit.setToolTip(self.tr("Uiterlijk klaar op"))
        self.add_action_button = QPushButton(self.tr("Toevoegen"), self)
        actions_layout = QVBoxLayout(self.actions_page)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.setSpacing(4)
        actions_layout.addWidget(self.actions_list, 1)
        actions_layout.addWidget(self.action_edit)
        new_row = QHBoxLayout()
        new_row.addWidget(self.owner_combo, 1)
        new_row.addWidget(self.due_edit)
        new_row.addWidget(self.add_action_button)
        actions_layout.addLayout(new_row)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _grid(self) -> QGridLayout:
        """Date and times, kind, place, area, subject and count: two columns of label and input."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self._label(self.tr("&Datum:"), self.date_edit), 0, 0)
        when = QHBoxLayout()
        when.setSpacing(4)
        when.addWidget(self.date_edit)
        when.addWidget(self._label(self.tr("v&an"), self.start_edit))
        when.addWidget(self.start_edit)
        when.addWidget(self._label(self.tr("t&ot"), self.end_edit))
        when.addWidget(self.end_edit)
        when.addStretch(1)
        grid.addLayout(when, 0, 1)
        grid.addWidget(self._label(self.tr("&Soort:"), self.kind_combo), 0, 2)
        grid.addWidget(self.kind_combo, 0, 3)
        grid.addWidget(self._label(self.tr("&Plaats:"), self.place_edit), 1, 0)
        grid.addWidget(self.place_edit, 1, 1)
        grid.addWidget(self._label(self.tr("Geb&ied:"), self.area_combo), 1, 2)
        grid.addWidget(self.area_combo, 1, 3)
        grid.addWidget(self._label(self.tr("Onde&rwerp:"), self.subject_edit), 2, 0)
        grid.addWidget(self.subject_edit, 2, 1)
        grid.addWidget(self._label(self.tr("Aan&wezig:"), self.attendance_spin), 2, 2)
        grid.addWidget(self.attendance_spin, 2, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 1)
        return grid

    def _lay_out(self) -> None:
        grid = self._grid()

        def column(label: str, widget: QWidget, buddy: QWidget | None = None) -> QVBoxLayout:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self._label(label, buddy or widget))
            box.addWidget(widget, 1)
            return box

        middle = QHBoxLayout()
        middle.addLayout(column(self.tr("&Thema's:"), self.themes, self.themes.filter), 1)
        middle.addLayout(column(self.tr("Aa&ntekeningen:"), self.notes_edit), 1)
        lower = QHBoxLayout()
        lower.addLayout(column(self.tr("&Uitkomsten:"), self.outcomes_edit), 1)
        lower.addLayout(column(self.tr("&Koppelingen (aanvinken):"), self.links), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(middle, 1)
        layout.addLayout(lower, 1)
        order: list[QWidget] = [
            self.date_edit,
            self.start_edit,
            self.end_edit,
            self.kind_combo,
            self.place_edit,
            self.area_combo,
            self.subject_edit,
            self.attendance_spin,
            self.themes.filter,
            self.themes.list,
            self.notes_edit,
            self.outcomes_edit,
            self.links,  # its tab bar: arrows choose Signalen, Acties or Initiatieven
            self.signals_list,  # then the shown list (hidden ones are skipped)
            self.actions_list,
            self.action_edit,
            self.owner_combo,
            self.due_edit,
            self.add_action_button,
            self.initiatives_list,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        """Every field's change says `changed`, by the kind of its input."""
        for widget in dict.fromkeys(self.inputs.values()):
            if isinstance(widget, LinkList | ThemePicker):
                widget.changed.connect(self._emit_changed)
            elif isinstance(widget, DateEdit):
                widget.dateChanged.connect(self._emit_changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._emit_changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._emit_changed)
            elif isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self._emit_changed)
            elif isinstance(widget, QTimeEdit):
                widget.timeChanged.connect(self._emit_changed)
        self.owner_combo.currentIndexChanged.connect(self._emit_changed)
        self.due_edit.dateChanged.connect(self._emit_changed)
        self.add_action_button.clicked.connect(self.add_action)
        self.actions_list.new_unticked.connect(self._drop_new_action)
        self.action_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.action_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.add_action()
            return True
        return super().eventFilter(watched, event)

    # -- new actions ------------------------------------------------------------------------

    def typed_action(self) -> AgreedAction | None:
        """The action in the 'new action' line, if something is typed there."""
        text = self.action_edit.text().strip()
        if not text:
            return None
        owner = current_id(self.owner_combo)
        return AgreedAction(
            description=text,
            owner_id=owner,
            owner_name=self.owner_combo.currentText() if owner else "",
            due_date=from_qdate(self.due_edit.date()),
        )

    def add_action(self) -> None:
        typed = self.typed_action()
        if typed is not None:
            self._set_new_actions((*self.new_actions, typed))
            self._clear_new_action(date.today())
        self.action_edit.setFocus()

    def _drop_new_action(self, index: int) -> None:
        if 0 <= index < len(self.new_actions):
            self._set_new_actions(tuple(a for i, a in enumerate(self.new_actions) if i != index))

    def _set_new_actions(self, actions: tuple[AgreedAction, ...]) -> None:
        self.new_actions = actions
        self.actions_list.set_new(
            [
                a.description + (f" ({a.owner_name})" if a.owner_name else "")
                for a in self.new_actions
            ]
        )
        self.changed.emit()

    def _clear_new_action(self, today: date) -> None:
        self.action_edit.clear()
        select_data(self.owner_combo, id_text(self.default_owner))
        self.due_edit.setDate(to_qdate(today + timedelta(days=DEFAULT_DUE_DAYS)))

    def set_members(self, members: list[MemberView], *, default_owner: uuid.UUID | None) -> None:
        self.default_owner = default_owner
        keep = self.owner_combo.currentData()
        self.owner_combo.blockSignals(True)
        try:
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("(nog niemand)"), "")
            for member in members:
                self.owner_combo.addItem(member.name, str(member.id))
            select_data(self.owner_combo, keep if keep else id_text(default_owner))
        finally:
            self.owner_combo.blockSignals(False)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    # -- reference data ---------------------------------------------------------------------

    def set_areas(self, nodes: list[AreaNode]) -> None:
        fill_area_combo(self.area_combo, nodes)

    def set_theme_options(self, options: list[ThemeOption]) -> None:
        self.themes.set_options(options)

    def set_link_options(self, options: LinkOptions) -> None:
        self.signals_list.set_options(options.signals)
        self.actions_list.set_options(options.actions)
        self.initiatives_list.set_options(options.initiatives)

    # -- reading ----------------------------------------------------------------------------

    @property
    def area_id(self) -> uuid.UUID | None:
        return current_id(self.area_combo)

    def draft(self) -> ActivityDraft:
        """What the form holds, read field by field as its definition says."""
        return ActivityDraft(**{d.key: self._read(d) for d in DRAFT_FIELDS})

    def _read(self, definition: FieldDef) -> Any:
        widget, kind = self.inputs[definition.key], definition.kind
        if kind is InputKind.NEW_ACTIONS:
            return self.new_actions
        if kind is InputKind.NEW_ACTION:
            return self.typed_action()
        if isinstance(widget, LinkList | ThemePicker):
            return tuple(widget.checked_ids())
        if isinstance(widget, DateEdit):
            return from_qdate(widget.date())
        if isinstance(widget, QTimeEdit):
            return get_time(widget)
        if isinstance(widget, QSpinBox):
            return None if widget.value() == NOT_COUNTED else widget.value()
        return read_input(definition, widget)  # a line, a text, a choice, a day

    def _write(self, definition: FieldDef, value: Any) -> None:
        """Put one value in its input; None for a day, kind or area leaves what is there."""
        widget, kind = self.inputs[definition.key], definition.kind
        if kind is InputKind.NEW_ACTIONS:
            self._set_new_actions(tuple(value))
        elif kind is InputKind.NEW_ACTION:
            if value is not None:
                self.action_edit.setText(value.description)
                select_data(self.owner_combo, id_text(value.owner_id))
                if value.due_date:
                    self.due_edit.setDate(to_qdate(value.due_date))
        elif isinstance(widget, LinkList | ThemePicker):
            widget.set_checked(list(value))
        elif isinstance(widget, QTimeEdit):
            set_time(widget, value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(NOT_COUNTED if value is None else value)
        else:
            write_input(definition, widget, value)  # None leaves a day, kind or area as it is

    def to_input(self) -> ActivityInput | None:
        """What the service needs; None only when no area could be chosen at all."""
        return activity_input(self.draft())

    def payload(self) -> dict[str, Any]:
        return self.draft().to_json()

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        return self.draft().is_empty()

    # -- writing ----------------------------------------------------------------------------

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        """A blank form: today, no times, the first kind, `area_id` (None: as it is)."""
        self.heading.setText(self.tr("Nieuwe activiteit"))
        self.themes.filter.clear()
        self.fill(ActivityDraft(day=today, area_id=area_id, kind=next(iter(ActivityKind))))
        self._clear_new_action(today)

    def fill(self, draft: ActivityDraft) -> None:
        """Put a draft in the fields, each as its definition says."""
        for definition in DRAFT_FIELDS:
            self._write(definition, getattr(draft, definition.key))

    def load_activity(self, view: ActivityView, *, today: date) -> None:
        """Fill the form with a recorded activity, to edit it."""
        self.clear(area_id=view.area_id, today=today)
        self.heading.setText(self.tr("Activiteit bewerken (versie %s)") % view.version)
        self.fill(activity_draft(view))
        # with the names of what may no longer be offered (a retired theme, a closed signal)
        self.themes.set_checked(
            view.theme_ids, names=dict(zip(view.theme_ids, view.themes, strict=False))
        )
        self.signals_list.set_checked([o.id for o in view.signals], view.signals)
        self.actions_list.set_checked([o.id for o in view.actions], view.actions)
        self.initiatives_list.set_checked([o.id for o in view.initiatives], view.initiatives)

    def load_payload(self, payload: dict[str, Any], *, today: date, editing: bool) -> None:
        """Fill the form from a stored draft, exactly as it was typed; tolerant of odd values
        and of drafts of earlier versions."""
        self.clear(area_id=None, today=today)
        if editing:
            self.heading.setText(self.tr("Activiteit bewerken (hersteld concept)"))
        self.fill(ActivityDraft.from_json(payload))

    @property
    def last_field(self) -> QWidget:
        return self.initiatives_list

    def focus_first(self) -> None:
        self.subject_edit.setFocus()

    def focus_field(self, name: str | None) -> None:
        """Put the cursor where the service's message points (its ValidationError.field)."""
        widget: QWidget | None = {
            "subject": self.subject_edit,
            "place": self.place_edit,
            "notes": self.notes_edit,
            "outcomes": self.outcomes_edit,
            "start_time": self.start_edit,
            "end_time": self.end_edit,
            "attendance": self.attendance_spin,
            "themes": self.themes.filter,
            "signals": self.links,
            "actions": self.links,
            "new_actions": self.action_edit,
            "description": self.action_edit,
            "owner": self.owner_combo,
            "initiatives": self.links,
        }.get(name or "")
        if widget is not None:
            widget.setFocus()
