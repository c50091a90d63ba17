"""Right-to-left lines in visual order: the Unicode Bidirectional Algorithm, checked on the page.

Each line is printed as the PDFs print it (an Arabic paragraph from ``DocLang.p`` and a table
cell from ``table``), its glyphs are read back with their x positions, and the visual string,
left to right, is compared with what the algorithm says (python-bidi's levels, rule N0 for
brackets, mirrored brackets in right-to-left runs), written out by hand below. ReportLab 5.1
without ``rlbidi`` has no bidirectional layout of its own: before this, the words of every
Arabic line came out left to right in reading order, numbers and Latin words on the wrong side.
"""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
import pytest

from core.export.bidi_lines import levels, visual_runs
from core.export.pdf_common import DocLang, build, document, table

# (language, as typed, as seen from left to right on the page)
LINES = [
    ("ar", "الهاتف: 06 12345678", "12345678 06 :فتاهلا"),
    ("ar", "المستوى (B1)", "(B1) ىوتسملا"),
    ("ar", "مدة: 3 سنوات", "تاونس 3 :ةدم"),
    # the digits follow an Arabic letter, so they are Arabic numbers (W2) and the hyphens
    # between them right to left: read from the right, 05, 01, 2025
    ("ar", "التاريخ: 05-01-2025", "2025-01-05 :خيراتلا"),
    ("ar", "Enschede مدينة", "ةنيدم Enschede"),
    ("ar", "KNM ساعات 16", "16 تاعاس KNM"),
    ("ar", "ساعات KNM: 12.", ".KNM: 12 تاعاس"),
    ("ar", "Blauwe Map هو ملف (PIP) الخاص بك", "كب صاخلا (PIP) فلم وه Blauwe Map"),
    ("ar", "عشرة (B1) 2025", "2025 (B1) ةرشع"),
    ("ar", "ساعات KNM وIntroPVT", "IntroPVT و KNM تاعاس"),
    ("fa", "تاریخ تولد: ۱۵ مه ۱۹۹۴", "۱۹۹۴ هم ۱۵ :دلوت خیرات"),
    ("fa_AF", "سطح (A2) – ۳ سال", "لاس ۳ – (A2) حطس"),
    ("ti", "ዕለት: 05-01-2025 (B1)", "ዕለት: 05-01-2025 (B1)"),  # left to right: as typed
]


def _visual(data: bytes) -> str:
    """The page's glyphs left to right, as characters (presentation forms normalised; a
    ligature of two Arabic letters stands for them right to left), spaces left out."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        # the footer (its page number) left out
        chars = sorted(
            (c for c in page.chars if c["top"] < page.height - 80), key=lambda c: c["x0"]
        )
    out = []
    for c in chars:
        text = unicodedata.normalize("NFKC", c["text"])
        if len(text) > 1 and any("\u0600" <= ch <= "\u06ff" for ch in text):
            text = text[::-1]
        out.append(text)
    return "".join(out).replace(" ", "")


def _render(lang: str, text: str, how: str) -> bytes:
    doc = DocLang(lang)
    buf = io.BytesIO()
    # no footer text: only the line is on the page
    template = document(buf, "bidi", doc, "")
    story = [doc.p(text)] if how == "paragraph" else [table(doc, [[text]], [400], header=False)]
    build(template, story)
    return buf.getvalue()


@pytest.mark.parametrize("how", ["paragraph", "cell"])
@pytest.mark.parametrize(("lang", "typed", "seen"), LINES)
def test_a_line_is_drawn_in_bidi_visual_order(lang, typed, seen, how):
    assert _visual(_render(lang, typed, how)) == seen.replace(" ", "")


def test_no_private_characters_for_digits_and_punctuation_in_arabic_lines():
    """The merged Arabic font draws Latin digits and punctuation with Noto Sans's copies,
    glyphs without a character: a copied or searched text must still have "1" and ":"."""
    with pdfplumber.open(io.BytesIO(_render("ar", "ساعات KNM: 12 (B1)", "paragraph"))) as pdf:
        text = pdf.pages[0].extract_text()
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in text)
    assert "12" in text and ":" in text and "B1" in text


def test_a_long_arabic_paragraph_breaks_in_reading_order():
    """Lines are broken in logical order: the first words read come on the first line, at
    its right end."""
    words = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
    doc = DocLang("ar")
    buf = io.BytesIO()
    template = document(buf, "bidi", doc, "")
    build(template, [table(doc, [[" ".join(words)]], [110], header=False)])
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        lines = pdf.pages[0].extract_text_lines()
    first = sorted(lines, key=lambda line: line["top"])[0]["text"]
    last_on_right = unicodedata.normalize("NFKC", first.split()[-1])[::-1]
    assert last_on_right == words[0]


def test_runs_follow_rule_l2():
    assert levels("عشرة (B1) 2025") == (1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2)
    assert visual_runs([("F", "الهاتف: 06 12345678")]) == [
        ("F", "12345678", False),
        ("F", " ", True),
        ("F", "06", False),
        ("F", "الهاتف: ", True),
    ]
