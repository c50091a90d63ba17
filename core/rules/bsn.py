"""Identity numbers: the BSN eleven-test (elfproef, from python-stdnum) and the V-nummer format."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-]")


def normalize_bsn(value: str) -> str:
    """Digits only; an 8-digit BSN gets its leading zero back."""
    digits = _SEPARATORS.sub("", str(value))
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def is_valid_bsn(value: str) -> bool:
    """Nine digits (eight with the leading zero dropped) passing python-stdnum's elfproef:
    9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11, and not all zeros."""
    # Imported here: stdnum.util loads pydoc and ssl (~30 ms), which the first paint does not need.
    from stdnum.nl import bsn

    digits = normalize_bsn(value)
    # stdnum pads any shorter number with zeros ("11" would be 000000011); a BSN has 9 digits.
    return len(digits) == 9 and bsn.is_valid(digits)


def is_valid_v_nummer(value: str) -> bool:
    """A V-nummer (IND/COA foreigners number) has ten digits."""
    digits = _SEPARATORS.sub("", str(value))
    return len(digits) == 10 and digits.isascii() and digits.isdigit()
