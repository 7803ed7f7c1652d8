"""Table models of the Activiteiten screen: the area's activities, the agenda, and the villages
and wijken not visited for a while."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from gebiedsapp.domain import ActivityKind
from gebiedsapp.services.activities import ActivityView
from gebiedsapp.services.agenda import AgendaItem, VisitGap
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.table_model import RowTableModel


def time_span(start: time | None, end: time | None) -> str:
    """'19:30–21:00', '19:30', or '' (a whole day)."""
    if start is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}" if end is not None else f"{start:%H:%M}"


# One word each, so that the list keeps its width for the subject (the tooltip says it whole).
SHORT_KINDS: dict[ActivityKind, str] = {
    ActivityKind.BEWONERSAVOND: str(QT_TRANSLATE_NOOP("ActivitiesModel", "Avond")),
    ActivityKind.DORPSSCHOUW: str(QT_TRANSLATE_NOOP("ActivitiesModel", "Schouw")),
    ActivityKind.DORPSVERENIGING: str(QT_TRANSLATE_NOOP("ActivitiesModel", "Vereniging")),
    ActivityKind.ANDERS: str(QT_TRANSLATE_NOOP("ActivitiesModel", "Anders")),
}


class ActivitiesModel(RowTableModel[ActivityView]):
    COL_DATE, COL_TIME, COL_KIND, COL_SUBJECT, COL_ATTENDANCE, COL_AREA = range(6)
    headers = ("Datum", "Tijd", "Soort", "Onderwerp", "Aanwezig", "Gebied")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = date.today()

    def cell(self, row: ActivityView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SUBJECT:
            lines = [row.subject, f"{label_of(row.kind)} · {row.area_name}"]
            if row.place:
                lines.append(row.place)
            if row.themes:
                lines.append(", ".join(row.themes))
            if row.outcomes:
                lines += ["", row.outcomes[:600]]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_ATTENDANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_DATE:
            return format_date(row.day)
        if column == self.COL_TIME:
            return time_span(row.start_time, row.end_time)
        if column == self.COL_KIND:
            if role == Qt.ItemDataRole.ToolTipRole:
                return label_of(row.kind)
            return self.tr(SHORT_KINDS[row.kind])
        if column == self.COL_SUBJECT:
            return row.subject
        if column == self.COL_ATTENDANCE:
            if row.planned(self.today):
                return self.tr("gepland")
            return "" if row.attendance is None else format_number(row.attendance)
        if column == self.COL_AREA:
            return row.area_name
        return None


class AgendaModel(RowTableModel[AgendaItem]):
    COL_DATE, COL_TIME, COL_WHAT, COL_AREA, COL_PLACE = range(5)
    headers = ("Datum", "Tijd", "Wat", "Gebied", "Plaats")

    def cell(self, row: AgendaItem, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_DATE:
            return format_date(row.day)
        if column == self.COL_TIME:
            return time_span(row.start, row.end) or self.tr("hele dag")
        if column == self.COL_WHAT:
            return f"{row.what}: {row.subject}" if row.subject else row.what
        if column == self.COL_AREA:
            return row.area_name
        if column == self.COL_PLACE:
            return row.place
        return None


class GapsModel(RowTableModel[VisitGap]):
    COL_AREA, COL_LAST, COL_WEEKS = range(3)
    headers = ("Dorp of wijk", "Laatst geweest", "Weken")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = date.today()

    def cell(self, row: VisitGap, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_WEEKS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_AREA:
            return row.name
        if column == self.COL_LAST:
            return format_date(row.last_visit) if row.last_visit else self.tr("nog nooit")
        if column == self.COL_WEEKS:
            weeks = row.weeks_since(self.today)
            return "" if weeks is None else format_number(weeks)
        return None
