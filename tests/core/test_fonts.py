"""Bundled fonts, ReportLab registration and shaping of Arabic and Ethiopic text in PDFs."""

from __future__ import annotations

import re
import unicodedata

import pdfplumber
import pytest
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from core import fonts, i18n
from core.export.pdf_common import DocLang

ARABIC = "خطة الاندماج (PIP) من البلدية بتاريخ 2026-11-23"
ARABIC_WORD = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
TIGRINYA = "ናይ ውልቀ መደብ ውህደት (PIP) ብ 23 ሕዳር 2026"


def test_every_bundled_font_file_exists():
    for font in fonts.font_files() + fonts.font_files(pdf=True):
        assert font.path.is_file(), font.filename
        assert font.path.stat().st_size > 100_000


@pytest.mark.parametrize("lang", i18n.LANGUAGES, ids=lambda x: x.code)
def test_every_language_has_a_script_and_fonts(lang):
    script = fonts.script_for_language(lang.code)
    families = fonts.ui_families(lang.code)
    assert families[0] == fonts.UI_FAMILY_OF_SCRIPT[script]
    assert set(families) == set(fonts.UI_FALLBACK_FAMILIES)
    assert fonts.pdf_font_family(lang.code) in pdfmetrics.getRegisteredFontNames()
    assert (script == "arabic") == lang.rtl


def test_scripts_of_the_languages():
    assert fonts.script_for_language("ti") == "ethiopic"
    assert fonts.script_for_language("fa_AF") == "arabic"
    assert fonts.script_for_language("uk") == "cyrillic"
    with pytest.raises(ValueError):
        fonts.script_for_language("xx")


def test_reportlab_registration_is_idempotent_with_bold_mapping():
    first = fonts.register_reportlab_fonts()
    assert fonts.register_reportlab_fonts() == first
    from reportlab.lib.fonts import tt2ps

    assert tt2ps("BlauweMapArabic", 1, 0) == "BlauweMapArabic-Bold"
    assert tt2ps("NotoSans", 0, 0) == "NotoSans"


@pytest.mark.parametrize(
    "code,text",
    [("ar", ARABIC), ("ti", TIGRINYA), ("fa", "شما ۲۳ PIP"), ("uk", "Особистий план PIP — 12,5")],
)
def test_pdf_font_has_a_glyph_for_every_character(code, text):
    font = pdfmetrics.getFont(fonts.pdf_font_name(code))
    cmap = font.face.charToGlyph
    missing = [ch for ch in text if ch != " " and ord(ch) not in cmap]
    assert missing == []  # no empty boxes


def test_pdf_text_escapes_markup_and_drops_bidi_marks():
    assert fonts.pdf_text("\u2068A & <b>\u2069") == "A &amp; &lt;b&gt;"


def _logical(visual: str) -> str:
    """A word as pdfplumber extracts shaped Arabic (presentation forms, visual order) → logical."""
    return unicodedata.normalize("NFKC", visual[::-1])


def _words(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        return page.extract_words(), page.extract_text()


def test_pdf_with_arabic_and_tigrinya_contains_the_text(tmp_path):
    target = tmp_path / "scripts.pdf"
    doc = SimpleDocTemplate(str(target))
    ar, ti, fa = DocLang("ar"), DocLang("ti"), DocLang("fa")
    doc.build([ar.p("واحد اثنان ثلاثة"), ar.p(ARABIC), ti.p(TIGRINYA), fa.p("سال ۲۰۲۶")])
    words, text = _words(target)
    # Ethiopic comes out as written.
    assert "ናይ ውልቀ መደብ ውህደት (PIP)" in text
    assert "ሕዳር 2026" in text
    # Arabic comes out as shaped presentation forms in visual order: fold them back.
    logical = {_logical(w["text"]) for w in words}
    for word in ("واحد", "اثنان", "ثلاثة", "البلدية", "الاندماج"):
        assert word in logical, word
    # 2026-11-23 after Arabic: Arabic numbers (rule W2) with right-to-left hyphens between
    # them, so the parts stand right to left, each read left to right.
    assert "PIP" in text and "23-11-2026" in text
    assert "۲۰۲۶" in text  # Persian digits in reading order
    # Right to left: the first word read stands rightmost (ReportLab has no bidi layout of its
    # own; pdf_common draws each line in visual order).
    para = DocLang("ar").p("واحد اثنان ثلاثة")
    para.wrap(400, 100)
    assert para.style.wordWrap is None and para.style.alignment == TA_RIGHT
    first = sorted((w for w in words if ARABIC_WORD.search(w["text"])), key=lambda w: w["top"])
    line = [w for w in first if abs(w["top"] - first[0]["top"]) < 2]
    drawn = [_logical(w["text"]) for w in sorted(line, key=lambda w: -w["x0"])]
    assert drawn == ["واحد", "اثنان", "ثلاثة"]
    # No .notdef glyphs slipped in.
    assert "\ufffd" not in text


def test_rtl_paragraph_wraps_long_text_over_lines(tmp_path):
    target = tmp_path / "long.pdf"
    sentence = "يجب أن تنهي المسار خلال ثلاث سنوات " * 12
    style = fonts.pdf_paragraph_style("ar")
    assert style.wordWrap == "RTL" and style.shaping == 1
    flowable = DocLang("ar").p(sentence)
    assert flowable.style.wordWrap is None  # broken in reading order, drawn in visual order
    _width, height = flowable.wrap(300, 1000)
    assert height > style.leading * 3
    SimpleDocTemplate(str(target)).build(
        [flowable, Paragraph("end", fonts.pdf_paragraph_style("nl"))]
    )
    words, text = _words(target)
    assert "ثلاث" not in text  # shaped presentation forms, not the bare letters
    assert [_logical(w["text"]) for w in words].count("ثلاث") == 12
    assert len({round(w["top"]) for w in words}) > 3
