"""The activity form: lays out the fields and turns them into an ActivityInput or a draft
payload. It knows nothing about saving; the screen decides when to save, autosave or ask."""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import ActivityKind
from gebiedsapp.services.activities import (
    MAX_ATTENDANCE,
    MAX_PLACE,
    MAX_SUBJECT,
    ActivityInput,
    ActivityView,
    LinkOption,
    LinkOptions,
    NewAction,
)
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.admin.common import (
    current_id,
    fill_area_combo,
    fill_enum_combo,
    id_text,
    select_data,
)
from gebiedsapp.ui.contacts.models import PendingAction
from gebiedsapp.ui.contacts.themes import ThemeOption, ThemePicker
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.koffiekar.conversation_fields import DateEdit, TimeEdit

NO_TIME = QTime(0, 0)  # shown as "--:--": no activity starts at midnight
NOT_COUNTED = -1  # the attendance box's lowest value, shown as "niet geteld"
ID_ROLE = Qt.ItemDataRole.UserRole
NEW_ROLE = Qt.ItemDataRole.UserRole + 1  # an action agreed here, made when the form is saved
DEFAULT_DUE_DAYS = 14


def _time_edit(parent: QWidget, name: str) -> TimeEdit:
    edit = TimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText("--:--")
    edit.setAccessibleName(name)
    return edit


def _get_time(edit: TimeEdit) -> time | None:
    value = edit.time()
    return None if value == NO_TIME else time(value.hour(), value.minute())


def _set_time(edit: TimeEdit, value: time | str | None) -> None:
    if isinstance(value, str):
        try:
            value = time.fromisoformat(value) if value else None
        except ValueError:
            value = None
    edit.setTime(NO_TIME if value is None else QTime(value.hour, value.minute))


def _ids(values: Any) -> list[uuid.UUID]:
    found = []
    for value in values if isinstance(values, list) else []:
        with contextlib.suppress(ValueError):
            found.append(uuid.UUID(str(value)))
    return found


class LinkList(QListWidget):
    """Checkable records to link (signals, actions, initiatives); a linked one that is no
    longer offered (closed since) stays listed, ticked."""

    changed = Signal()
    new_unticked = Signal(int)  # the index of a new (not yet made) entry that was unticked

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setUniformItemSizes(True)
        self._options: list[LinkOption] = []
        self._new: list[str] = []  # texts of entries made on saving, listed first, ticked
        self.itemChanged.connect(self._on_item)

    def _on_item(self, item: QListWidgetItem) -> None:
        index = item.data(NEW_ROLE)
        if isinstance(index, int) and item.checkState() != Qt.CheckState.Checked:
            self.new_unticked.emit(index)  # unticking a new one takes it away
            return
        self.changed.emit()

    def set_new(self, texts: Sequence[str]) -> None:
        self._new = list(texts)
        keep = {o.id: o for o in self._checked_options()}
        self._fill(keep, set(keep))

    def set_options(self, options: Sequence[LinkOption]) -> None:
        keep = {o.id: o for o in self._checked_options()}
        self._options = list(options)
        self._fill(keep, set(keep))

    def set_checked(self, ids: Iterable[uuid.UUID], known: Sequence[LinkOption] = ()) -> None:
        wanted = list(dict.fromkeys(ids))
        labels = {o.id: o for o in (*self._options, *known)}
        extra = {i: labels.get(i, LinkOption(i, self.tr("(niet meer te kiezen)"))) for i in wanted}
        self._fill(extra, set(wanted))

    def checked_ids(self) -> list[uuid.UUID]:
        return [o.id for o in self._checked_options()]

    def _checked_options(self) -> list[LinkOption]:
        found = []
        for row in range(self.count()):
            item = self.item(row)
            if item.data(NEW_ROLE) is None and item.checkState() == Qt.CheckState.Checked:
                found.append(LinkOption(uuid.UUID(item.data(ID_ROLE)), item.text()))
        return found

    def _fill(self, extra: dict[uuid.UUID, LinkOption], checked: set[uuid.UUID]) -> None:
        self.blockSignals(True)
        try:
            self.clear()
            for index, text in enumerate(self._new):
                item = QListWidgetItem(self.tr("Nieuw: %s") % text, self)
                item.setData(NEW_ROLE, index)
                item.setToolTip(self.tr("Wordt gemaakt bij het opslaan; uitvinken haalt hem weg"))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            offered = {o.id for o in self._options}
            listed = [*(o for i, o in extra.items() if i not in offered), *self._options]
            for option in listed:
                item = QListWidgetItem(option.text, self)
                item.setData(ID_ROLE, str(option.id))
                item.setToolTip(option.text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if option.id in checked else Qt.CheckState.Unchecked
                item.setCheckState(state)
        finally:
            self.blockSignals(False)
        self.changed.emit()


class ActivityForm(QWidget):
    """Fields of one activity and what it is linked to; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Nieuwe activiteit"), self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")

        self.date_edit = DateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setAccessibleName(self.tr("Datum"))
        self.start_edit = _time_edit(self, self.tr("Begintijd"))
        self.end_edit = _time_edit(self, self.tr("Eindtijd"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Soort activiteit"))
        fill_enum_combo(self.kind_combo, ActivityKind)
        # 'Overleg dorps- of wijkvereniging' whole only in the open list: the form stays narrow
        self.kind_combo.setMinimumContentsLength(12)
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName(self.tr("Gebied"))
        self.area_combo.setMinimumContentsLength(12)
        self.area_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.place_edit = QLineEdit(self)
        self.place_edit.setMaxLength(MAX_PLACE)
        self.place_edit.setPlaceholderText(self.tr("bijv. dorpshuis, school, kerk"))
        self.place_edit.setAccessibleName(self.tr("Plaats"))
        self.attendance_spin = QSpinBox(self)
        self.attendance_spin.setRange(NOT_COUNTED, MAX_ATTENDANCE)
        self.attendance_spin.setSpecialValueText(self.tr("niet geteld"))
        self.attendance_spin.setAccessibleName(self.tr("Aantal aanwezigen"))
        self.attendance_spin.setToolTip(
            self.tr("Hoeveel mensen er waren (vul je in na de activiteit)")
        )
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setMaxLength(MAX_SUBJECT)
        self.subject_edit.setPlaceholderText(self.tr("Waar ging het over?"))
        self.subject_edit.setAccessibleName(self.tr("Onderwerp"))
        self.themes = ThemePicker(self)
        self.themes.list.setMinimumHeight(90)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setAccessibleName(self.tr("Aantekeningen"))
        self.notes_edit.setPlaceholderText(self.tr("Wat werd er gezegd? Geen namen van bewoners."))
        self.notes_edit.setMinimumHeight(60)
        self.outcomes_edit = QPlainTextEdit(self)
        self.outcomes_edit.setTabChangesFocus(True)
        self.outcomes_edit.setAccessibleName(self.tr("Uitkomsten"))
        self.outcomes_edit.setPlaceholderText(self.tr("Wat is afgesproken of opgehaald?"))
        self.outcomes_edit.setMinimumHeight(60)
        self.signals_list = LinkList(self.tr("Gekoppelde signalen"), self)
        self.actions_list = LinkList(self.tr("Gekoppelde acties"), self)
        self.initiatives_list = LinkList(self.tr("Gekoppelde initiatieven"), self)
        self.new_actions: list[PendingAction] = []
        self.default_owner: uuid.UUID | None = None
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(self.tr("Nieuwe afgesproken actie (Enter voegt toe)"))
        self.action_edit.setAccessibleName(self.tr("Omschrijving van een nieuwe actie"))
        self.owner_combo = QComboBox(self)
        self.owner_combo.setAccessibleName(self.tr("Eigenaar van de actie"))
        self.owner_combo.setMinimumContentsLength(10)
        self.owner_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.due_edit = DateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("dd-MM-yyyy")
        self.due_edit.setAccessibleName(self.tr("Uiterlijk"))
        self.due_edit.setToolTip(self.tr("Uiterlijk klaar op"))
        self.add_action_button = QPushButton(self.tr("Toevoegen"), self)
        actions_page = QWidget(self)
        actions_layout = QVBoxLayout(actions_page)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.setSpacing(4)
        actions_layout.addWidget(self.actions_list, 1)
        actions_layout.addWidget(self.action_edit)
        new_row = QHBoxLayout()
        new_row.addWidget(self.owner_combo, 1)
        new_row.addWidget(self.due_edit)
        new_row.addWidget(self.add_action_button)
        actions_layout.addLayout(new_row)
        self.links = QTabWidget(self)
        self.links.setAccessibleName(self.tr("Koppelingen"))
        self.links.addTab(self.signals_list, self.tr("Signalen"))
        self.links.addTab(actions_page, self.tr("Acties"))
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
        self._lay_out()
        self.clear(area_id=None, today=date.today())  # 'niet geteld', not a count of 0
        self._connect()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _lay_out(self) -> None:
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
        for signal in (
            self.date_edit.dateChanged,
            self.start_edit.timeChanged,
            self.end_edit.timeChanged,
            self.kind_combo.currentIndexChanged,
            self.area_combo.currentIndexChanged,
            self.place_edit.textChanged,
            self.attendance_spin.valueChanged,
            self.subject_edit.textChanged,
            self.themes.changed,
            self.notes_edit.textChanged,
            self.outcomes_edit.textChanged,
            self.signals_list.changed,
            self.actions_list.changed,
            self.initiatives_list.changed,
            self.action_edit.textChanged,
            self.owner_combo.currentIndexChanged,
            self.due_edit.dateChanged,
        ):
            signal.connect(self._emit_changed)
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

    def add_action(self) -> None:
        typed = self.typed_action()
        if typed is not None:
            self._set_new_actions([*self.new_actions, typed])
            self._clear_new_action(date.today())
        self.action_edit.setFocus()

    def _drop_new_action(self, index: int) -> None:
        if 0 <= index < len(self.new_actions):
            self._set_new_actions([a for i, a in enumerate(self.new_actions) if i != index])

    def _set_new_actions(self, actions: list[PendingAction]) -> None:
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

    def actions_to_create(self) -> list[PendingAction]:
        """The added actions plus one still typed in the line: typed text is never dropped."""
        typed = self.typed_action()
        return [*self.new_actions, *([typed] if typed else [])]

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

    def _attendance(self) -> int | None:
        value = self.attendance_spin.value()
        return None if value == NOT_COUNTED else value

    def to_input(self) -> ActivityInput | None:
        """What the service needs; None only when no area could be chosen at all."""
        area_id = self.area_id
        if area_id is None:
            return None
        return ActivityInput(
            area_id=area_id,
            kind=ActivityKind(self.kind_combo.currentData()),
            day=from_qdate(self.date_edit.date()),
            subject=self.subject_edit.text(),
            start_time=_get_time(self.start_edit),
            end_time=_get_time(self.end_edit),
            place=self.place_edit.text(),
            attendance=self._attendance(),
            notes=self.notes_edit.toPlainText(),
            outcomes=self.outcomes_edit.toPlainText(),
            theme_ids=tuple(self.themes.checked_ids()),
            signal_ids=tuple(self.signals_list.checked_ids()),
            action_ids=tuple(self.actions_list.checked_ids()),
            initiative_ids=tuple(self.initiatives_list.checked_ids()),
            new_actions=tuple(
                NewAction(a.description, a.owner_id, a.due_date) for a in self.actions_to_create()
            ),
        )

    def payload(self) -> dict[str, Any]:
        start, end = _get_time(self.start_edit), _get_time(self.end_edit)
        return {
            "day": from_qdate(self.date_edit.date()).isoformat(),
            "start_time": start.isoformat() if start else "",
            "end_time": end.isoformat() if end else "",
            "kind": self.kind_combo.currentData(),
            "area_id": self.area_combo.currentData() or "",
            "place": self.place_edit.text(),
            "attendance": self._attendance(),
            "subject": self.subject_edit.text(),
            "notes": self.notes_edit.toPlainText(),
            "outcomes": self.outcomes_edit.toPlainText(),
            "theme_ids": [str(i) for i in self.themes.checked_ids()],
            "signal_ids": [str(i) for i in self.signals_list.checked_ids()],
            "action_ids": [str(i) for i in self.actions_list.checked_ids()],
            "initiative_ids": [str(i) for i in self.initiatives_list.checked_ids()],
            "new_actions": [a.payload() for a in self.new_actions],
            "new_action": typed.payload() if (typed := self.typed_action()) else {},
        }

    def is_empty(self) -> bool:
        """Nothing typed that would be a pity to lose (defaults do not count)."""
        return not (
            self.subject_edit.text().strip()
            or self.place_edit.text().strip()
            or self.notes_edit.toPlainText().strip()
            or self.outcomes_edit.toPlainText().strip()
            or self.themes.checked_ids()
            or self.signals_list.checked_ids()
            or self.actions_list.checked_ids()
            or self.initiatives_list.checked_ids()
            or self.new_actions
            or self.action_edit.text().strip()
            or self._attendance() is not None
        )

    # -- writing ----------------------------------------------------------------------------

    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None:
        self.heading.setText(self.tr("Nieuwe activiteit"))
        self.date_edit.setDate(to_qdate(today))
        _set_time(self.start_edit, None)
        _set_time(self.end_edit, None)
        if area_id is not None:
            select_data(self.area_combo, str(area_id))
        self.kind_combo.setCurrentIndex(0)
        self.place_edit.clear()
        self.attendance_spin.setValue(NOT_COUNTED)
        self.subject_edit.clear()
        self.themes.filter.clear()
        self.themes.set_checked([])
        self.notes_edit.clear()
        self.outcomes_edit.clear()
        for links in (self.signals_list, self.actions_list, self.initiatives_list):
            links.set_checked([])
        self.new_actions = []
        self.actions_list.set_new([])
        self._clear_new_action(today)

    def load_activity(self, view: ActivityView, *, today: date) -> None:
        """Fill the form with a recorded activity, to edit it."""
        self.clear(area_id=view.area_id, today=today)
        self.heading.setText(self.tr("Activiteit bewerken (versie %s)") % view.version)
        self.date_edit.setDate(to_qdate(view.day))
        _set_time(self.start_edit, view.start_time)
        _set_time(self.end_edit, view.end_time)
        select_data(self.kind_combo, view.kind.value)
        self.place_edit.setText(view.place)
        self.attendance_spin.setValue(NOT_COUNTED if view.attendance is None else view.attendance)
        self.subject_edit.setText(view.subject)
        self.themes.set_checked(
            view.theme_ids, names=dict(zip(view.theme_ids, view.themes, strict=False))
        )
        self.notes_edit.setPlainText(view.notes)
        self.outcomes_edit.setPlainText(view.outcomes)
        self.signals_list.set_checked([o.id for o in view.signals], view.signals)
        self.actions_list.set_checked([o.id for o in view.actions], view.actions)
        self.initiatives_list.set_checked([o.id for o in view.initiatives], view.initiatives)

    def load_payload(self, payload: dict[str, Any], *, today: date, editing: bool) -> None:
        """Fill the form from a draft, exactly as it was typed; tolerant of odd values."""
        self.clear(area_id=None, today=today)
        if editing:
            self.heading.setText(self.tr("Activiteit bewerken (hersteld concept)"))
        with contextlib.suppress(ValueError):
            self.date_edit.setDate(to_qdate(date.fromisoformat(str(payload.get("day", "")))))
        _set_time(self.start_edit, str(payload.get("start_time") or ""))
        _set_time(self.end_edit, str(payload.get("end_time") or ""))
        if payload.get("area_id"):
            select_data(self.area_combo, str(payload["area_id"]))
        select_data(self.kind_combo, str(payload.get("kind", "")))
        self.place_edit.setText(str(payload.get("place", "")))
        attendance = payload.get("attendance")
        if isinstance(attendance, int) and 0 <= attendance <= MAX_ATTENDANCE:
            self.attendance_spin.setValue(attendance)
        self.subject_edit.setText(str(payload.get("subject", "")))
        self.notes_edit.setPlainText(str(payload.get("notes", "")))
        self.outcomes_edit.setPlainText(str(payload.get("outcomes", "")))
        self.themes.set_checked(_ids(payload.get("theme_ids")))
        self.signals_list.set_checked(_ids(payload.get("signal_ids")))
        self.actions_list.set_checked(_ids(payload.get("action_ids")))
        self.initiatives_list.set_checked(_ids(payload.get("initiative_ids")))
        agreed = [PendingAction.from_payload(a) for a in payload.get("new_actions", []) or []]
        self._set_new_actions([a for a in agreed if a is not None])
        typed = PendingAction.from_payload(payload.get("new_action"))
        if typed is not None:
            self.action_edit.setText(typed.description)
            select_data(self.owner_combo, id_text(typed.owner_id))
            if typed.due_date:
                self.due_edit.setDate(to_qdate(typed.due_date))

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
