"""The selected round's header: place, date and times, who was there, weather, buurt, notes.

Edits autosave as a SESSION draft (target = the round) and are finalised with Ctrl+S, or by the
screen when another round or area is chosen; finalising deletes the draft in the same unit of
work as the update.
"""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import DraftKind
from gebiedsapp.services.drafts import DraftView
from gebiedsapp.services.koffiekar import (
    SessionInput,
    SessionView,
    start_session,
    update_session,
)
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.context import KOFFIEKAR, AppContext
from gebiedsapp.ui.drafting import DraftAutosaver
from gebiedsapp.ui.formatting import format_date, from_qdate, to_qdate
from gebiedsapp.ui.koffiekar.conversation_fields import (
    DateEdit,
    get_time,
    set_time,
    time_edit,
)
from gebiedsapp.ui.koffiekar.conversation_form import parse_uuid
from gebiedsapp.ui.palette import style

WEATHER = ("zonnig", "half bewolkt", "bewolkt", "regen", "buien", "wind", "koud", "warm")
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
STAFF_ROWS = 3  # rows of names the 'Aanwezig' grid shows whole; more scroll


def _set_time(edit: QTimeEdit, value: time | str | None) -> None:
    """A draft's time, as text or a time; unreadable text leaves the field empty."""
    if isinstance(value, str):
        try:
            value = time.fromisoformat(value) if value else None
        except ValueError:
            value = None
    set_time(edit, value)


class SessionForm(QFrame):
    finalised = Signal(object)  # the round id, after its header was saved

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: uuid.UUID | None = None
        self.area_id: uuid.UUID | None = None
        self.dirty = False
        self.new_round = False  # showing a restored draft of a round not yet started
        self._loading = False
        self.members: list[MemberView] = []
        self.team: frozenset[uuid.UUID] = frozenset()
        self.setObjectName("sessionForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self._build_header()
        self._build_details()
        self._lay_out_details()
        top = QHBoxLayout()
        top.addWidget(self.toggle)
        top.addWidget(self.summary, 1)
        top.addWidget(self.state)
        top.addWidget(self.save_button)
        outer = QGridLayout(self)
        outer.setContentsMargins(10, 4, 10, 6)
        outer.addLayout(top, 0, 0)
        outer.addWidget(self.details, 1, 0)
        self._connect_signals()
        self.setEnabled(False)

    def _build_header(self) -> None:
        """The fold button, the round in one line, its save state and the save button."""
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setText(self.tr("Ronde"))
        self.toggle.setStyleSheet(
            "QToolButton { border: none; font-size: 12pt; font-weight: 600; }"
        )
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary = QLabel(self)
        style(self.summary, "color: $muted;")
        self.summary.setWordWrap(True)  # a narrow screen: two lines, not a wider form
        self.state = QLabel(self)
        self.save_button = QPushButton(self.tr("Ronde opslaan (Ctrl+S)"), self)

    def _build_details(self) -> None:
        """The round's fields, folded away once the round is under way."""
        self.details = QWidget(self)
        self.place = QLineEdit(self.details)
        self.place.setPlaceholderText(self.tr("bijv. bij de supermarkt"))
        self.place.setAccessibleName(self.tr("Plek"))
        self.places = QStringListModel(self)
        completer = QCompleter(self.places, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(completer)
        self.day = DateEdit(self.details)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setAccessibleName(self.tr("Datum"))
        self.start = time_edit(self.details, self.tr("Begintijd"))
        self.end = time_edit(self.details, self.tr("Eindtijd"))
        self.buurt = QComboBox(self.details)
        self.buurt.setAccessibleName(self.tr("CBS-buurt"))
        # long buurt names widen the list that opens, not the form
        self.buurt.setMinimumContentsLength(10)
        self.buurt.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.weather = QComboBox(self.details)
        self.weather.setEditable(True)
        self.weather.addItems(["", *WEATHER])
        self.weather.setAccessibleName(self.tr("Weer"))
        self.passers_by = QSpinBox(self.details)
        self.passers_by.setRange(0, 10_000)
        self.passers_by.setAccessibleName(self.tr("Voorbijgangers"))
        self.staff = QListWidget(self.details)
        self.staff.setFlow(QListView.Flow.LeftToRight)
        self.staff.setWrapping(True)
        self.staff.setResizeMode(QListView.ResizeMode.Adjust)
        self.staff.setSpacing(2)
        self.staff.setFixedHeight(self._staff_height(STAFF_ROWS))
        self.staff.setAccessibleName(self.tr("Aanwezige teamleden"))
        self.staff.setToolTip(self.tr("Spatie vinkt het gekozen teamlid aan of uit"))
        self.notes = QPlainTextEdit(self.details)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(
            max(self.notes.minimumSizeHint().height(), self.notes.fontMetrics().lineSpacing() * 3)
        )
        self.notes.setPlaceholderText(self.tr("notities bij de ronde"))
        self.notes.setAccessibleName(self.tr("Notities"))

    def _lay_out_details(self) -> None:
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        # two pairs a row, so that the round fits beside the list at 125-150% scaling
        cells: list[tuple[int, int, str, QWidget, int]] = [
            (0, 0, self.tr("Plek"), self.place, 1),
            (0, 2, self.tr("Datum"), self.day, 3),
            (1, 0, self.tr("CBS-buurt"), self.buurt, 1),
            (1, 2, self.tr("Van"), self.start, 1),
            (1, 4, self.tr("tot"), self.end, 1),
            (2, 0, self.tr("Weer"), self.weather, 1),
            (2, 2, self.tr("Voorbijgangers"), self.passers_by, 3),
            (3, 0, self.tr("Aanwezig"), self.staff, 5),
            (4, 0, self.tr("Notities"), self.notes, 5),
        ]
        for row, column, text, widget, span in cells:
            label = QLabel(text, self.details)
            label.setBuddy(widget)
            grid.addWidget(label, row, column)
            grid.addWidget(widget, row, column + 1, 1, span)
        grid.setColumnStretch(1, 1)

    def _connect_signals(self) -> None:
        """Every edit marks the round changed (a draft is saved in a moment); the header saves
        and folds."""
        self.autosaver = DraftAutosaver(
            self.context,
            kind=DraftKind.SESSION,
            payload=self.payload,
            is_empty=lambda: not self.dirty,
            parent=self,
        )
        self.place.textEdited.connect(self._edited)
        self.day.dateChanged.connect(self._edited)
        self.start.timeChanged.connect(self._edited)
        self.end.timeChanged.connect(self._edited)
        self.buurt.currentIndexChanged.connect(self._edited)
        self.weather.currentTextChanged.connect(self._edited)
        self.passers_by.valueChanged.connect(self._edited)
        self.staff.itemChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.autosaver.watch(self.details)
        self.autosaver.saved.connect(lambda _id: self._show_state())
        self.save_button.clicked.connect(self.finalise)
        self.toggle.toggled.connect(self._fold)

    # -- choices of the area ----------------------------------------------------------------

    def set_area(
        self,
        area_id: uuid.UUID,
        *,
        places: list[str],
        buurten: list[tuple[str, str]],
        members: list[MemberView],
        team: frozenset[uuid.UUID] = frozenset(),
    ) -> None:
        """The choices for this area; a round being shown keeps its values.

        `team` are the members assigned to the area: listed right after those present.
        """
        self._loading = True
        try:
            keep_buurt = self.buurt.currentData() or ""
            chosen = set(self.staff_ids())
            self.area_id = area_id
            self.places.setStringList(places)
            self.buurt.clear()
            self.buurt.addItem(self.tr("(onbekend)"), "")
            for code, name in buurten:
                self.buurt.addItem(f"{name} ({code})" if name else code, code)
            self.buurt.setCurrentIndex(max(self.buurt.findData(keep_buurt), 0))
            self.members = members
            self.team = team
            if self.session_id is not None:
                self._fill_staff(chosen)
        finally:
            self._loading = False

    def _staff_height(self, rows: int) -> int:
        """The height that shows `rows` whole rows of check boxes, never a cut-off one."""
        if self.staff.count():
            row = self.staff.sizeHintForRow(0)
        else:
            indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
            row = max(self.staff.fontMetrics().height(), indicator) + 2
        frame = self.staff.frameWidth()
        return rows * (row + 2 * self.staff.spacing()) + 2 * frame

    def _fill_staff(self, chosen: set[uuid.UUID]) -> None:
        self.staff.clear()
        ordered = sorted(
            self.members,
            key=lambda m: (m.id not in chosen, m.id not in self.team, m.name.casefold()),
        )
        for member in ordered:
            if not member.active and member.id not in chosen:
                continue
            item = QListWidgetItem(member.name, self.staff)
            item.setData(MEMBER_ROLE, str(member.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = member.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.staff.setFixedHeight(self._staff_height(STAFF_ROWS))

    # -- values -----------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        return {
            "area_id": str(self.area_id) if self.area_id else None,
            "place": self.place.text(),
            "day": from_qdate(self.day.date()).isoformat(),
            "start_time": (t.isoformat() if (t := get_time(self.start)) else None),
            "end_time": (t.isoformat() if (t := get_time(self.end)) else None),
            "staff_ids": [str(i) for i in self.staff_ids()],
            "weather": self.weather.currentText(),
            "passers_by": self.passers_by.value(),
            "buurt_code": self.buurt.currentData() or None,
            "notes": self.notes.toPlainText(),
        }

    def staff_ids(self) -> list[uuid.UUID]:
        ids = []
        for row in range(self.staff.count()):
            item = self.staff.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                member = parse_uuid(item.data(MEMBER_ROLE))
                if member is not None:
                    ids.append(member)
        return ids

    def fill(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.place.setText(str(data.get("place", "")))
            try:
                self.day.setDate(to_qdate(date.fromisoformat(str(data.get("day")))))
            except ValueError:
                self.day.setDate(to_qdate(date.today()))
            _set_time(self.start, data.get("start_time"))
            _set_time(self.end, data.get("end_time"))
            index = self.buurt.findData(data.get("buurt_code") or "")
            self.buurt.setCurrentIndex(max(index, 0))
            self.weather.setCurrentText(str(data.get("weather", "")))
            try:
                self.passers_by.setValue(int(data.get("passers_by", 0)))
            except (TypeError, ValueError):
                self.passers_by.setValue(0)
            chosen = {i for s in data.get("staff_ids", []) if (i := parse_uuid(s)) is not None}
            self._fill_staff(chosen)
            self.notes.setPlainText(str(data.get("notes", "")))
        finally:
            self._loading = False
        self._show_summary()

    def load(self, view: SessionView | None) -> None:
        """Show a round as saved (or nothing); any earlier edits were finalised by the caller."""
        self.session_id = view.id if view else None
        self.new_round = False
        self.dirty = False
        self.setEnabled(view is not None)
        if view is None:
            self.fill({})
        else:
            self.fill(
                {
                    "place": view.place,
                    "day": view.day.isoformat(),
                    "start_time": view.start_time,
                    "end_time": view.end_time,
                    "buurt_code": view.buurt_code,
                    "weather": view.weather,
                    "passers_by": view.passers_by,
                    "staff_ids": [str(i) for i in view.staff_ids],
                    "notes": view.notes,
                }
            )
        self.autosaver.start(target_id=self.session_id)
        self._show_state()

    def restore(self, draft: DraftView) -> None:
        """Continue header edits that were autosaved but not finalised.

        A draft without a target is a round that was never started: Ctrl+S starts it.
        """
        self.new_round = draft.target_id is None
        if self.new_round:
            self.session_id = None
            self.setEnabled(True)
        base = self.payload() if self.session_id is not None else {}
        self.fill({**base, **draft.payload})  # a field the draft lacks keeps the round's value
        self.dirty = True
        self.autosaver.start(draft_id=draft.id, target_id=draft.target_id)
        self._show_state()

    def _edited(self, *_args: object) -> None:
        if self._loading or (self.session_id is None and not self.new_round):
            return
        self.dirty = True
        self.autosaver.changed()
        self._show_state()
        self._show_summary()

    def _show_state(self) -> None:
        if self.new_round:
            self.state.setText(self.tr("nieuwe ronde, nog niet gestart"))
        elif not self.dirty:
            self.state.setText("")
        elif self.autosaver.draft_id is not None:
            self.state.setText(self.tr("gewijzigd, concept bewaard"))
        else:
            self.state.setText(self.tr("gewijzigd"))
        self.save_button.setEnabled(self.dirty)

    def _show_summary(self) -> None:
        start, end = get_time(self.start), get_time(self.end)
        when = format_date(from_qdate(self.day.date()))
        if start:
            when += f" {start:%H:%M}" + (f"–{end:%H:%M}" if end else "")
        parts = [when, self.place.text().strip() or self.tr("plek nog niet ingevuld")]
        names = [
            self.staff.item(r).text()
            for r in range(self.staff.count())
            if self.staff.item(r).checkState() == Qt.CheckState.Checked
        ]
        if names:
            parts.append(", ".join(names))
        self.summary.setText(" · ".join(parts) if self.session_id or self.new_round else "")

    def _fold(self, open_: bool) -> None:
        self.details.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    # -- finalising -------------------------------------------------------------------------

    def session_input(self) -> SessionInput:
        assert self.area_id is not None
        return SessionInput(
            area_id=self.area_id,
            day=from_qdate(self.day.date()),
            start_time=get_time(self.start),
            end_time=get_time(self.end),
            place=self.place.text(),
            buurt_code=self.buurt.currentData() or None,
            staff_ids=tuple(self.staff_ids()),
            weather=self.weather.currentText(),
            passers_by=self.passers_by.value(),
            notes=self.notes.toPlainText(),
        )

    def finalise(self) -> bool:
        """Save the header edits (Ctrl+S); True when there is nothing left unsaved."""
        if not self.dirty or (self.session_id is None and not self.new_round):
            return True
        data = self.session_input()
        session_id = self.session_id
        draft_id = self.autosaver.save_now() or self.autosaver.draft_id

        def work(session: Session) -> uuid.UUID:
            if session_id is None:  # a restored draft of a round never started
                return start_session(session, data, draft_id=draft_id).id
            update_session(session, session_id, data, draft_id=draft_id)
            return session_id

        title = self.tr("Ronde niet opgeslagen")
        saved = self.context.perform(self, work, changes=(KOFFIEKAR,), title=title)
        if saved is None:
            return False  # the message was shown; the edits stay, and so does their draft
        self.session_id = saved
        self.new_round = False
        self.dirty = False
        self.autosaver.finished()
        self.autosaver.start(target_id=saved)
        self._show_state()
        self.finalised.emit(saved)
        return True
