"""Calendar arithmetic of legal periods (core.rules.dates): month-end clamping and leap days."""

from __future__ import annotations

import datetime as dt

import pytest

from core.rules.dates import add_months, add_weeks, add_years, days_between

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2023, 3, 15), 36, D(2026, 3, 15)),  # the termijn of a PIP dated 15 March 2023
        (D(2024, 2, 29), 36, D(2027, 2, 28)),  # leap day → 28 Feb in a common year
        (D(2024, 2, 29), 18, D(2025, 8, 29)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),  # leap year again: the 29th exists
        (D(2023, 8, 31), 18, D(2025, 2, 28)),  # 31 Aug + 18 months: clamped to month end
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # clamped to a leap-year February
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),  # across the year end
        (D(2025, 1, 15), -1, D(2024, 12, 15)),  # backwards across the year end
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2025, 5, 20), 0, D(2025, 5, 20)),
        (D(2025, 1, 1), 120, D(2035, 1, 1)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


def test_add_years_is_twelve_months_and_clamps_leap_day():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_years(D(2023, 3, 15), 3) == D(2026, 3, 15)


def test_add_weeks_and_days_between():
    assert add_weeks(D(2025, 1, 6), 10) == D(2025, 3, 17)
    assert add_weeks(D(2026, 6, 1), -6) == D(2026, 4, 20)
    assert add_weeks(D(2026, 6, 1), 8) == D(2026, 7, 27)
    assert add_weeks(D(2024, 2, 22), 1) == D(2024, 2, 29)
    assert days_between(D(2024, 2, 28), D(2024, 3, 1)) == 2
    assert days_between(D(2025, 2, 28), D(2025, 3, 1)) == 1
    assert days_between(D(2025, 3, 1), D(2025, 2, 28)) == -1
