"""Folding names for search: "al hassan" finds "Al-Hassan", "celik" finds "Çelik".

One function, used both for the key stored beside each dossier (``person.name_key``, kept by the
model on every write and filled for old stores by migration 0004) and for the text being searched,
so SQLite and PostgreSQL compare the same plain strings with an ordinary LIKE.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "ŋ": "n",
        "ـ": "",  # Arabic tatweel: a stretch, not a letter
    }
)
# Hamza and madda forms of alif fold to the bare alif, as people type them without.
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold(text: str | None) -> str:
    """Case, diacritics, hyphens, apostrophes and spaces folded away; letters and digits kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC)
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (ch for ch in decomposed if unicodedata.category(ch)[0] in "LN")
    return "".join(kept).translate(_LETTERS)


def name_key(given_names: str | None, family_name: str | None) -> str:
    """What a name search matches: given + family and family + given, each folded, so that
    "hassan amira" and "amira al hassan" both find Amira Al-Hassan (``|`` never occurs in a fold,
    so no match spans the two orders)."""
    given, family = fold(given_names), fold(family_name)
    return f"{given}{family}|{family}{given}"
