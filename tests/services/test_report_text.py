"""The words shared by the summary PDF and the dashboard."""

from __future__ import annotations

from datetime import date

import pytest

from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import (
    KEY_FIGURES,
    difference,
    long_date,
    number,
    period_range,
    period_text,
)
from gebiedsapp.services.summary import KeyFigures


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period.month(2026, 3), "maart 2026"),
        (Period.quarter(2026, 3), "derde kwartaal 2026"),
        (Period.quarter(2024, 1), "eerste kwartaal 2024"),
        (Period.year(2025), "2025"),
        (Period(date(2026, 2, 1), date(2026, 3, 31)), "1 februari 2026 t/m 31 maart 2026"),
        (Period(date(2025, 12, 1), date(2026, 1, 31)), "1 december 2025 t/m 31 januari 2026"),
        (Period(date(2026, 7, 14), date(2026, 7, 14)), "14 juli 2026 t/m 14 juli 2026"),
    ],
)
def test_period_in_words(period: Period, text: str) -> None:
    assert period_text(period) == text


def test_exact_days_and_long_dates() -> None:
    assert long_date(date(2026, 8, 1)) == "1 augustus 2026"
    assert period_range(Period.quarter(2026, 4)) == "1 oktober 2026 t/m 31 december 2026"


def test_dutch_numbers_and_differences() -> None:
    assert number(1234567) == "1.234.567"
    assert number(3.5, 1) == "3,5"
    assert number(1234.25, 2) == "1.234,25"
    assert difference(12, 9) == "+3"
    assert difference(9, 12) == "\u22123"
    assert difference(1500, 0) == "+1.500"
    assert difference(4, 4) == "0"


def test_every_key_figure_has_a_label() -> None:
    fields = list(KeyFigures.__dataclass_fields__)
    assert [field for field, _label, _why in KEY_FIGURES] == fields


def test_every_printed_status_is_dutch() -> None:
    from gebiedsapp.domain import SignalStatus
    from gebiedsapp.services.report_text import status_text

    assert status_text(SignalStatus.ON_HOLD) == "Aangehouden"
    assert status_text(SignalStatus.IN_BEHANDELING) == SignalStatus.IN_BEHANDELING.label
    assert all("hold" not in status_text(s).lower() for s in SignalStatus)
