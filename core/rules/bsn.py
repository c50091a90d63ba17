"""Identity numbers: the BSN eleven-test (elfproef) and the V-nummer format."""

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
    """The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros)."""
    digits = normalize_bsn(value)
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def is_valid_v_nummer(value: str) -> bool:
    """A V-nummer (IND/COA foreigners number) has ten digits."""
    digits = _SEPARATORS.sub("", str(value))
    return len(digits) == 10 and digits.isascii() and digits.isdigit()
