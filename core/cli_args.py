"""Argument types and the usage error shared by the command line's commands (core/cli.py and
the export/import commands in core/cli_export.py): bad arguments exit with code 2."""

from __future__ import annotations

import argparse
import datetime as dt

from core.errors import UsageError
from core.i18n import _, format_number


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a date; use YYYY-MM-DD.").format(text=text[:30])
        ) from None


MAX_ARGUMENT = 1_000_000  # ids and counts; far below SQLite's and Python's own limits
MAX_WEEKS = 5_200  # a hundred years ahead: still a real date


def positive_int(text: str, limit: int = MAX_ARGUMENT) -> int:
    digits = text.strip()
    if digits.isascii() and digits.isdigit() and (len(digits) > 12 or int(digits) > limit):
        # 4,301 digits and more would even break int(): refuse by length before converting
        raise argparse.ArgumentTypeError(
            _("Give a whole number from 1 to {n}.").format(n=format_number(limit))
        ) from None
    try:
        value = int(digits)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a number.").format(text=text[:30])
        ) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(_("Give a number above zero."))
    return value


def weeks(text: str) -> int:
    return positive_int(text, MAX_WEEKS)


__all__ = ["MAX_ARGUMENT", "MAX_WEEKS", "UsageError", "iso_date", "positive_int", "weeks"]
