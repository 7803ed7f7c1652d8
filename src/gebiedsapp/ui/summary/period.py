"""Choosing the period of a summary: a month, a quarter, a year or any from-to range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import MONTHS
from gebiedsapp.ui.formatting import from_qdate, to_qdate

MONTH, QUARTER, YEAR, RANGE = "maand", "kwartaal", "jaar", "periode"


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        for key, text in (
            (MONTH, self.tr("Maand")),
            (QUARTER, self.tr("Kwartaal")),
            (YEAR, self.tr("Jaar")),
            (RANGE, self.tr("Van – tot")),
        ):
            self.kind.addItem(text, key)
        self.kind.setAccessibleName(self.tr("Soort periode"))
        self.month = QComboBox(self)
        for number, name in enumerate(MONTHS, start=1):
            self.month.addItem(name, number)
        self.quarter = QComboBox(self)
        for number in range(1, 5):
            self.quarter.addItem(self.tr("kwartaal %d") % number, number)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName(self.tr("Jaar"))
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        self.until = QLabel(self.tr("t/m"), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.kind,
            self.month,
            self.quarter,
            self.year,
            self.start,
            self.until,
            self.end,
        ):
            layout.addWidget(widget)

        self.kind.setCurrentIndex(self.kind.findData(QUARTER))
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.month.setCurrentIndex(today.month - 1)
        self.year.setValue(today.year)
        self.start.setDate(to_qdate(date(today.year, 1, 1)))
        self.end.setDate(to_qdate(today))
        self._show_fields()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.month, self.quarter):
            combo.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)
        self.start.dateChanged.connect(self.changed)
        self.end.dateChanged.connect(self.changed)

    def _kind_changed(self) -> None:
        self._show_fields()
        self.changed.emit()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        self.month.setVisible(kind == MONTH)
        self.quarter.setVisible(kind == QUARTER)
        self.year.setVisible(kind in (MONTH, QUARTER, YEAR))
        for widget in (self.start, self.until, self.end):
            widget.setVisible(kind == RANGE)

    def set_period(self, kind: str, *, year: int, number: int = 1) -> None:
        """Choose a month (number 1-12), a quarter (1-4) or a year."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.year.setValue(year)
        if kind == MONTH:
            self.month.setCurrentIndex(number - 1)
        elif kind == QUARTER:
            self.quarter.setCurrentIndex(number - 1)

    def set_range(self, start: date, end: date) -> None:
        self.kind.setCurrentIndex(self.kind.findData(RANGE))
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))

    def period(self) -> Period:
        """The chosen period; ValidationError (Dutch) when the range runs backwards."""
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == MONTH:
            return Period.month(year, int(self.month.currentData()))
        if kind == QUARTER:
            return Period.quarter(year, int(self.quarter.currentData()))
        if kind == YEAR:
            return Period.year(year)
        return Period(from_qdate(self.start.date()), from_qdate(self.end.date()))
