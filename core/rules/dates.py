"""Calendar arithmetic for legal periods.

A period of months or years ends on the same day number in the target month; when that day does
not exist (31 → 30 April, 29 February in a common year) it ends on the last day of that month.
This follows the usual Dutch reading of calendar periods; DOMAIN.md §3 gives the lengths.
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def add_weeks(day: dt.date, weeks: int) -> dt.date:
    return day + dt.timedelta(weeks=weeks)


def days_between(start: dt.date, end: dt.date) -> int:
    return (end - start).days
