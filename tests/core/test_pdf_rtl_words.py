"""Right-to-left printouts: a word that mixes Arabic and Latin letters is printed as two words,
so ReportLab shapes each in its own direction (the Latin half came out mirrored)."""

from __future__ import annotations

import re

import pytest

from core.export.pdf_common import ARABIC, LATIN, DocLang, register_fonts, runs


def _text(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("ساعات KNM وIntroPVT", "ساعات KNM و IntroPVT"),
        ("الـgemeente", "الـ gemeente"),
        ("KNMو", "KNM و"),
        ("ساعات KNM و IntroPVT", "ساعات KNM و IntroPVT"),  # already apart: unchanged
        ("Amsterdam-Noord 12", "Amsterdam-Noord 12"),  # no Arabic: unchanged
    ],
)
def test_script_seams_inside_a_word_become_spaces_in_rtl(typed, printed):
    register_fonts()
    assert _text(runs(typed, ARABIC, rtl=True)) == printed


def test_left_to_right_documents_keep_the_words_as_typed():
    register_fonts()
    assert _text(runs("ساعات وIntroPVT", LATIN, rtl=False)).count(" ") == 1


def test_an_arabic_paragraph_has_the_latin_word_as_its_own_word():
    doc = DocLang("ar")
    para = doc.p("ساعات KNM وIntroPVT")
    words = " ".join(f.text for f in para.frags).split()
    assert "IntroPVT" in words and "وIntroPVT" not in words
