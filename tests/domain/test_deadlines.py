"""Afhandeltermijnen across weekends, Dutch holidays and year ends, and the deadline labels."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsapp.domain import DeadlineLabel, TermUnit
from gebiedsapp.domain.deadlines import (
    Bevrijdingsdag,
    deadline,
    deadline_label,
    is_work_day,
    public_holidays,
)

W = TermUnit.WERKDAGEN
K = TermUnit.KALENDERDAGEN


@pytest.mark.parametrize(
    ("reported", "term", "expected", "why"),
    [
        (date(2026, 11, 23), 1, date(2026, 11, 24), "monday + 1 = tuesday"),
        (date(2026, 11, 27), 1, date(2026, 11, 30), "friday + 1 skips the weekend"),
        (date(2026, 11, 28), 1, date(2026, 11, 30), "reported on saturday"),
        (date(2026, 11, 23), 5, date(2026, 11, 30), "a full week"),
        (date(2026, 11, 23), 10, date(2026, 12, 7), "two weeks"),
        (date(2026, 12, 24), 5, date(2027, 1, 4), "both Kerstdagen, weekend and Nieuwjaar"),
        (date(2027, 12, 23), 3, date(2027, 12, 28), "Kerst 2027 on a weekend: no extra day"),
        (date(2026, 4, 2), 1, date(2026, 4, 3), "Goede Vrijdag is a work day by default"),
        (date(2026, 4, 3), 1, date(2026, 4, 7), "Easter weekend and tweede Paasdag"),
        (date(2026, 4, 24), 1, date(2026, 4, 28), "weekend and Koningsdag (monday 27 April)"),
        (date(2025, 4, 25), 1, date(2025, 4, 28), "Koningsdag 2025 on a saturday (26th)"),
        (date(2026, 5, 4), 1, date(2026, 5, 6), "Bevrijdingsdag 2026 (every year by default)"),
        (date(2026, 5, 13), 1, date(2026, 5, 15), "Hemelvaartsdag 2026"),
        (date(2026, 5, 22), 1, date(2026, 5, 26), "Pinksteren and tweede Pinksterdag"),
        (date(2026, 5, 1), 0, date(2026, 5, 1), "a term of 0 is the day itself"),
    ],
)
def test_work_days(reported: date, term: int, expected: date, why: str) -> None:
    assert deadline(reported, term, W) == expected, why


def test_calendar_days_just_add_days() -> None:
    assert deadline(date(2026, 12, 24), 1, K) == date(2026, 12, 25)
    assert deadline(date(2026, 12, 31), 3, K) == date(2027, 1, 3)
    assert deadline(date(2026, 2, 27), 2, K) == date(2026, 3, 1)


def test_holidays_of_a_year() -> None:
    days = public_holidays(2026)
    assert {
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    } <= days
    assert date(2026, 4, 3) not in days  # Goede Vrijdag
    assert date(2026, 4, 3) in public_holidays(2026, good_friday=True)


def test_bevrijdingsdag_is_a_municipal_choice() -> None:
    assert not is_work_day(date(2026, 5, 5))
    assert is_work_day(date(2026, 5, 5), bevrijdingsdag=Bevrijdingsdag.LUSTRUM)
    assert not is_work_day(date(2025, 5, 5), bevrijdingsdag=Bevrijdingsdag.LUSTRUM)
    assert is_work_day(date(2025, 5, 5), bevrijdingsdag=Bevrijdingsdag.NOOIT)
    assert deadline(date(2026, 5, 4), 1, W, bevrijdingsdag=Bevrijdingsdag.LUSTRUM) == date(
        2026, 5, 5
    )


def test_a_term_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="term"):
        deadline(date(2026, 1, 1), -1, W)


@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)),
    st.integers(min_value=1, max_value=30),
)
def test_work_day_deadlines_land_on_a_work_day_after_enough_days(reported: date, term: int) -> None:
    end = deadline(reported, term, W)
    assert is_work_day(end)
    assert (end - reported).days >= term
    span = (end - reported).days
    counted = sum(is_work_day(reported + timedelta(days=i)) for i in range(1, span + 1))
    assert counted == term


# --- labels ---------------------------------------------------------------------------------

REPORTED = date(2026, 6, 1)
DUE = date(2026, 6, 11)  # a term of 10 calendar days


@pytest.mark.parametrize(
    ("today", "closed_on", "expected"),
    [
        (date(2026, 6, 5), None, DeadlineLabel.BINNEN),
        (DUE, None, DeadlineLabel.BINNEN),  # the deadline itself is still in time
        (date(2026, 6, 12), None, DeadlineLabel.BUITEN),
        (date(2026, 7, 1), None, DeadlineLabel.BUITEN),  # 30 days taken: exactly 3x
        (date(2026, 7, 2), None, DeadlineLabel.RUIM_BUITEN),  # 31 days: more than 3x
        (date(2026, 12, 1), date(2026, 6, 10), DeadlineLabel.BINNEN),  # closed in time
        (date(2026, 12, 1), date(2026, 6, 20), DeadlineLabel.BUITEN),
        (date(2026, 12, 1), date(2026, 8, 1), DeadlineLabel.RUIM_BUITEN),
    ],
)
def test_labels(today: date, closed_on: date | None, expected: DeadlineLabel) -> None:
    assert deadline_label(REPORTED, DUE, today, closed_on) == expected


def test_label_of_a_same_day_term() -> None:
    day = date(2026, 6, 1)
    assert deadline_label(day, day, day) == DeadlineLabel.BINNEN
    assert deadline_label(day, day, day + timedelta(days=3)) == DeadlineLabel.BUITEN
    assert deadline_label(day, day, day + timedelta(days=4)) == DeadlineLabel.RUIM_BUITEN


def test_label_texts() -> None:
    assert [label.label for label in DeadlineLabel] == [
        "binnen de termijn",
        "buiten de termijn",
        "ruim buiten de termijn",
    ]
