"""Digits as people type them: Arabic-Indic (٠١٢٣), Persian/Dari (۰۱۲۳) and other decimal digits
become ASCII before a date or number is read, with the Arabic decimal and thousands separators.

Python's ``int()`` already reads any decimal digit, but ``date.fromisoformat`` and ``Decimal`` do
not; one translation, used wherever typed text becomes a date or a number (the validation gate and
the date field), keeps "١٥-٠٣-٢٠٢٥" and "۱۶" as good as "15-03-2025" and "16".
"""

from __future__ import annotations

import unicodedata

_SEPARATORS = {
    "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
    "\u066c": "",  # ARABIC THOUSANDS SEPARATOR
    "\u060c": ",",  # ARABIC COMMA (typed as a decimal comma, as in Dutch)
}


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit in ASCII; other characters unchanged."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch in _SEPARATORS:
            out.append(_SEPARATORS[ch])
        elif not ch.isascii() and (digit := unicodedata.decimal(ch, None)) is not None:
            out.append(str(digit))
        else:
            out.append(ch)
    return "".join(out)
