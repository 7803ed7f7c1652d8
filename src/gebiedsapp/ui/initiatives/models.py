"""Table models of the initiatives screen: the area's initiatives, and the milestones being edited.

Milestone dates are kept as the text the user typed (dd-mm-jjjj) until saving, so that a typing
error is shown with a Dutch message and stays in the cell to be corrected, never silently lost.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.initiative_record import MilestoneDraft
from gebiedsapp.services.initiatives import InitiativeListItem, MilestoneInput, MilestoneView
from gebiedsapp.services.money import format_euros
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import ColourRole, brush
from gebiedsapp.ui.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
NONE = "—"
_DAY = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def parse_day(text: str) -> date | None:
    """'1-9-2026', '01-09-2026', '1/9/26' → a date; '' → None; ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    match = _DAY.fullmatch(text)
    if match is None:
        raise ValueError(f"geen datum: {text}")
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:  # 31-02-2026
        raise ValueError(f"geen datum: {text}") from None


def milestone_text(step: MilestoneView | None) -> str:
    """'01-09-2026 · Opening' for the list (the date first: a narrow column elides the text,
    never the date); '—' when there is none."""
    if step is None:
        return NONE
    return _step_text(step.description, step.due_on)


def _step_text(description: str | None, due_on: date | None) -> str:
    if description is None:
        return NONE
    if due_on is None:
        return description
    return f"{format_date(due_on)} · {description}"


class InitiativesModel(RowTableModel[InitiativeListItem]):
    """The rows are services.initiatives' InitiativeListItem as read on the worker: texts,
    dates and ints (the id too, as `uuid.int`), no UUIDs or milestone objects for the GUI
    thread's collections to walk (issue 19); the texts shown are made per cell shown."""

    COL_TITLE, COL_STATUS, COL_AREA, COL_SINCE, COL_NEXT, COL_GRANTED = range(6)
    headers = ("Naam", "Status", "Gebied", "Sinds", "Volgende mijlpaal", "Toegekend")
    header_tips = (
        "",
        "",
        "",
        "Gestart op",
        "De eerste mijlpaal die nog niet bereikt is",
        "Budget toegekend",
    )

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.header_tips)
            and self.header_tips[section]
        ):
            return QCoreApplication.translate(type(self).__name__, self.header_tips[section])
        return super().headerData(section, orientation, role)

    def set_rows(self, rows: Any) -> None:
        self.today = date.today()  # a screen left open overnight marks the right ones late
        super().set_rows(rows)

    def _late(self, row: InitiativeListItem) -> bool:
        due = row.next_due
        return (
            row.next_description is not None
            and due is not None
            and due < self.today
            and not row.status.ended
        )

    def cell(self, row: InitiativeListItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_NEXT and self._late(row):
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_NEXT and self._late(row):
                return brush(ColourRole.OVERDUE)
            if row.status.ended:
                return brush(ColourRole.MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_GRANTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: InitiativeListItem, column: int) -> str | None:
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_STATUS:
            return label_of(row.status)
        if column == self.COL_AREA:
            return row.area_name
        if column == self.COL_SINCE:
            return format_date(row.started_on)
        if column == self.COL_NEXT:
            return _step_text(row.next_description, row.next_due)
        if column == self.COL_GRANTED:
            return format_euros(row.budget_granted)
        return None

    def _tooltip(self, row: InitiativeListItem, column: int) -> str | None:
        if column == self.COL_NEXT:
            if row.next_description is None:
                return self.tr("Geen open mijlpaal (%s van %s bereikt)") % (
                    row.reached,
                    row.milestones,
                )
            text = _step_text(row.next_description, row.next_due)
            if self._late(row):
                text = self.tr("Te laat: %s (streefdatum voorbij, nog niet bereikt)") % text
            return (
                text
                + "\n"
                + self.tr("%s van %s mijlpalen bereikt")
                % (
                    row.reached,
                    row.milestones,
                )
            )
        if column == self.COL_TITLE:
            lines = [row.title, f"{label_of(row.status)} · {row.area_name}"]
            if row.carried_by:
                lines.append(self.tr("Gedragen door: %s") % row.carried_by)
            if row.supporter_name:
                lines.append(self.tr("Begeleider: %s") % row.supporter_name)
            if row.themes:
                lines.append(", ".join(row.themes))
            if row.ended_on is not None:
                lines.append(
                    self.tr("%s op %s") % (label_of(row.status), format_date(row.ended_on))
                )
            return "\n".join(lines)
        return self._text(row, column)


# one milestone as typed in the form: the draft's own type (services.initiative_record)
MilestoneRow = MilestoneDraft


def milestone_row(view: MilestoneView) -> MilestoneRow:
    """A stored milestone as the form shows it (dates as dd-mm-jjjj)."""
    return MilestoneRow(
        view.description, format_date(view.due_on), format_date(view.reached_on), view.id
    )


class MilestonesModel(RowTableModel[MilestoneRow]):
    """An editable list: every cell is text; `to_inputs()` turns it into MilestoneInputs."""

    COL_DESCRIPTION, COL_DUE, COL_REACHED = range(3)
    headers = ("Mijlpaal", "Streefdatum", "Bereikt op")
    _fields = ("description", "due", "reached")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def cell(self, row: MilestoneRow, column: int, role: int) -> Any:
        text = getattr(row, self._fields[column])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        late = column == self.COL_DUE and self._late(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if late:
                return self.tr("Te laat: de streefdatum is voorbij en de mijlpaal is niet bereikt")
            if column != self.COL_DESCRIPTION:
                return self.tr("Typ een datum als dd-mm-jjjj; leeg laten mag")
            return text or self.tr("Typ wat er bereikt moet worden")
        if late and role == Qt.ItemDataRole.FontRole:
            return _bold()
        if late and role == Qt.ItemDataRole.ForegroundRole:
            return brush(ColourRole.OVERDUE)
        return None

    @staticmethod
    def _late(row: MilestoneRow) -> bool:
        try:
            due = parse_day(row.due)
        except ValueError:
            return False
        return due is not None and not row.reached.strip() and due < date.today()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index)
        if row is None or role != Qt.ItemDataRole.EditRole:
            return False
        name = self._fields[index.column()]
        if getattr(row, name) == str(value):
            return True
        text = str(value)
        if index.column() == self.COL_DESCRIPTION:
            row = replace(row, description=text)
        elif index.column() == self.COL_DUE:
            row = replace(row, due=text)
        else:
            row = replace(row, reached=text)
        self.rows[index.row()] = row
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True

    def append(self, row: MilestoneRow) -> int:
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append(row)
        self.endInsertRows()
        return position

    def remove(self, position: int) -> None:
        if 0 <= position < len(self.rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.rows[position]
            self.endRemoveRows()

    def to_inputs(self) -> list[MilestoneInput]:
        """MilestoneInputs (blank rows skipped); ValidationError for a date that is not one."""
        inputs = []
        for row in self.rows:
            if row.is_blank():
                continue
            days = []
            for text, what in ((row.due, "streefdatum"), (row.reached, "datum van bereiken")):
                try:
                    days.append(parse_day(text))
                except ValueError:
                    name = row.description.strip() or "zonder naam"
                    message = self.tr(
                        "De %s van mijlpaal '%s' is geen datum: '%s'. "
                        "Schrijf die als dd-mm-jjjj (bijvoorbeeld 01-09-2026)."
                    ) % (self.tr(what), name, text.strip())
                    raise ValidationError(message, field="milestones") from None
            inputs.append(
                MilestoneInput(row.description, due_on=days[0], reached_on=days[1], id=row.id)
            )
        return inputs

    def bad_cell(self, *, today: date, started: date | None = None) -> tuple[int, int] | None:
        """The first cell the service or the form would refuse (to put the cursor there): a
        milestone without a description, a date that is not one, or a 'bereikt op' in the
        future or before the initiative started."""
        for position, row in enumerate(self.rows):
            if not row.is_blank() and not row.description.strip():
                return position, self.COL_DESCRIPTION
            for column, text in ((self.COL_DUE, row.due), (self.COL_REACHED, row.reached)):
                try:
                    day = parse_day(text)
                except ValueError:
                    return position, column
                too_late = day is not None and day > today
                too_early = day is not None and started is not None and day < started
                if column == self.COL_REACHED and (too_late or too_early):
                    return position, column
        return None
