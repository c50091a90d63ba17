"""The date field reads what people type: ISO, day-month-year, and Arabic-Indic or Persian digits."""

from __future__ import annotations

import datetime as dt

from gui.widgets.date_edit import DateEdit, parse_date


def test_arabic_indic_and_persian_digits_give_the_date():
    assert parse_date("١٥-٠٣-٢٠٢٥") == dt.date(2025, 3, 15)
    assert parse_date("۲۰۲۵-۰۳-۱۵") == dt.date(2025, 3, 15)
    assert parse_date("15/3/2025") == dt.date(2025, 3, 15)
    assert parse_date("٣١-٠٢-٢٠٢٥") == "31-02-2025"  # not a date: the text comes back to explain


def test_the_field_gives_the_typed_arabic_date(qtbot):
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.setText("١٧-٠٥-١٩٩٤")
    assert edit.value() == dt.date(1994, 5, 17)
