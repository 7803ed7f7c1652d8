"""Dutch formats for dates and numbers: dd-mm-jjjj, 1.234 (Qt's nl_NL locale)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def format_date(day: date | None) -> str:
    return "" if day is None else day.strftime("%d-%m-%Y")


def format_number(value: int) -> str:
    return DUTCH.toString(value)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
