"""Text as the dossier keeps it: one normal form, nothing invisible, one line where one is meant.

Every text a person types, pastes or imports passes :func:`clean_text` on its way to the database
(through :func:`core.domain.validation.clean`), so the exports, the PDFs and the calendar never
meet a byte order mark inside a name or a line break inside a family name.
"""

from __future__ import annotations

import re
import unicodedata

from core.i18n import _

# Characters that show nothing and mean nothing in a stored text: zero width space, word joiner,
# invisible operators, the byte order mark (U+FEFF, often pasted from Windows files), and the
# stray direction marks LRM, RLM and ALM (the app isolates names itself where it shows them).
# The zero width (non-)joiners U+200C/U+200D stay: Persian spelling and emoji need them.
_INVISIBLE = re.compile("[\u180e\u200b\u200e\u200f\u061c\u2060-\u2064\ufeff]")
# Characters that are refused: C0 and C1 controls (except tab and the line breaks handled
# below), DEL, the bidi embeddings, overrides and isolates (they can make text read differently
# from how it is stored) and lone surrogates (they cannot be stored as UTF-8).
_REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# Line breaks in every spelling: CR LF, CR, NEL, and the Unicode line and paragraph separators.
_LINE_BREAK = re.compile("\r\n|[\r\x85\u2028\u2029]")
# In a one-line field: any whitespace run that holds a line break or a tab becomes one space.
_BREAKING_SPACE = re.compile("[ \t]*[\n\t][ \t\n]*")


def clean_text(value: str, *, multiline: bool) -> str:
    """``value`` in NFC, trimmed, without invisible characters; a one-line field's line breaks
    and tabs become single spaces, a multi-line field's line breaks become ``\\n``.

    Raises ValueError (with a message to show) for control characters and bidi overrides."""
    text = _LINE_BREAK.sub("\n", value)
    if _REFUSED.search(text):
        raise ValueError(_("This text contains invisible control characters."))
    # Removed before NFC, so "e", U+FEFF, U+0301 composes to "é" like "e", U+0301 does
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    if not multiline:
        text = _BREAKING_SPACE.sub(" ", text)
    return text.strip()
