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


def easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def public_holidays(year: int) -> frozenset[dt.date]:
    """The days the Algemene termijnenwet (art. 3, and Goede Vrijdag by royal decree) treats as
    public holidays: New Year, Good Friday, Easter Monday, King's Day (27 April, 26 when the
    27th is a Sunday), 5 May, Ascension Day, Whit Monday and both Christmas days."""
    sunday = easter(year)
    kings = dt.date(year, 4, 27)
    if kings.weekday() == 6:
        kings = dt.date(year, 4, 26)
    return frozenset(
        {
            dt.date(year, 1, 1),
            sunday - dt.timedelta(days=2),
            sunday + dt.timedelta(days=1),
            kings,
            dt.date(year, 5, 5),
            sunday + dt.timedelta(days=39),
            sunday + dt.timedelta(days=50),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
        }
    )


def term_end(made_known: dt.date, weeks: int) -> dt.date:
    """The last day of a term of ``weeks`` weeks that starts the day after ``made_known``
    (Awb art. 6:8), moved on past a Saturday, Sunday or public holiday to the next working day
    (Algemene termijnenwet art. 1)."""
    end = made_known + dt.timedelta(weeks=weeks)
    while end.weekday() >= 5 or end in public_holidays(end.year):
        end += dt.timedelta(days=1)
    return end
