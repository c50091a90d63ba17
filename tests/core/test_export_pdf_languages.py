"""Every PDF kind renders in every shipped language, with that language's script and dates.

Regression test for an IndexError in ReportLab's ``PDFTextObject.setRise`` (Arabic marks with a
vertical offset at a line's visual start) and for Persian digits that came out reversed.
"""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from core.export import klantprofiel_pdf, pid_pdf, pip_pdf
from core.export.pdf_common import DocLang
from core.export.sections import ALL_CODES
from core.i18n import shipped_codes
from core.services.dossiers import load_dossier
from tests.conftest import TODAY
from tests.core.export_support import ARABIC, ETHIOPIC

CYRILLIC = re.compile("[\u0400-\u04ff]")
SCRIPT = {"ar": ARABIC, "fa": ARABIC, "fa_AF": ARABIC, "ti": ETHIOPIC, "uk": CYRILLIC}
LATIN_ONLY = {"nl", "en", "so", "tr"}
RTL = {"ar", "fa", "fa_AF"}


def _render(kind: str, person, lang: str) -> list[str]:
    buf = io.BytesIO()
    if kind == "klantprofiel":
        klantprofiel_pdf.render(person, buf, lang, ALL_CODES, today=TODAY)
    elif kind == "pip":
        pip_pdf.render(person, buf, lang, today=TODAY)
    else:
        pid_pdf.render(person, buf, lang, ALL_CODES, today=TODAY)
    data = buf.getvalue()
    assert data.startswith(b"%PDF-")
    # The PID's detail pages are the klantprofiel's (same code): its first pages are enough,
    # and reading fewer pages keeps this file fast (pdfplumber costs more than rendering).
    pages = [1, 2] if kind == "pid" else None
    with pdfplumber.open(io.BytesIO(data), pages=pages) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _date_found(text: str, formatted: str, rtl: bool) -> bool:
    """A right-to-left date comes out in visual order, so look for each of its parts (the
    digit groups must still read left to right: ۱۹۹۴, not ۴۹۹۱)."""
    formatted = re.sub(r"\s+", " ", formatted.replace("\u202f", " ").replace("\xa0", " "))
    if not rtl:
        return formatted in " ".join(text.split())
    words = set(re.split(r"[\s,،.]+", text))
    numbers = re.findall(r"\d+", formatted)
    return bool(numbers) and all(n in words or n in text for n in numbers)


def test_shipped_languages_are_the_ones_covered():
    assert set(shipped_codes()) == set(SCRIPT) | LATIN_ONLY


@pytest.mark.parametrize("lang", shipped_codes())
def test_every_pdf_kind_renders_in_every_shipped_language(store, demo_id, lang):
    person = load_dossier(store, demo_id)
    doc = DocLang(lang)
    births = [doc.date(person.date_of_birth, fmt) for fmt in ("medium", "long", "short")]
    for kind in ("klantprofiel", "pip", "pid"):
        pages = _render(kind, person, lang)
        text = "\n".join(pages)
        assert len(pages) >= (1 if kind == "pip" else 2), kind
        assert all(page.strip() for page in pages), f"{kind}: an empty page"
        assert len(text) > 2000, kind
        assert "111222333" in text, kind  # the BSN, in Latin digits in every language
        pattern = SCRIPT.get(lang)
        if pattern is not None:
            assert len(pattern.findall(text)) > 200, f"{kind}: too little {lang} script"
        else:
            assert "Gebremedhin" in text, kind
        if lang != "nl" or kind != "pip":  # the Dutch PIP shows the English side too
            found = any(_date_found(text, b, lang in RTL) for b in births)
            assert found, f"{kind}: {births[0]!r} missing"
        if lang in RTL:
            digits = re.findall(r"\d+", births[0])
            assert digits
            year = max(digits, key=len)
            assert year[::-1] not in text or year == year[::-1], f"{kind}: reversed digits"


def test_persian_year_reads_left_to_right(store, demo_id):
    person = load_dossier(store, demo_id)
    text = "\n".join(_render("pid", person, "fa"))
    assert "۱۹۹۴" in text  # the year of birth, in Persian digits and in reading order
    assert "۴۹۹۱" not in text


def test_arabic_mark_at_a_line_start_draws():
    """The shadda of للمعلّم starts the second line (visually): ReportLab 5.1's setRise raised
    IndexError there; pdf_common's text object fixes it."""
    from reportlab.platypus import Table

    from core.export.pdf_common import build, document

    doc = DocLang("ar")
    buf = io.BytesIO()
    template = document(buf, "test", doc, "test")
    narrow = Table([[doc.p("ملاحظة للمعلّم")], [doc.p("للمعلّم للمعلّم للمعلّم")]], colWidths=[40])
    build(template, [narrow])
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        text = pdf.pages[0].extract_text()
    assert len(ARABIC.findall(text)) >= 20


def test_each_half_of_the_pip_writes_numbers_in_its_own_digits(store, demo_id):
    """The Persian half says "نسخه ۲" with Persian digits, the Dutch half "Versie 2"."""
    import io

    from core.export import pip_pdf
    from core.services.dossiers import load_dossier
    from tests.conftest import TODAY
    from tests.core.export_support import pdf_pages

    buf = io.BytesIO()
    pip_pdf.render(load_dossier(store, demo_id), buf, "fa", today=TODAY)
    text = "\n".join(pdf_pages(buf.getvalue()))
    assert "Versie 2" in text
    assert "۲" in text


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_the_pid_speaks_its_own_language_whatever_the_interface_speaks(store, demo_id, lang):
    """The PID's next steps (hours to go, open intake topics) come from the PID's language,
    not from the app's: no '… uur' on an Arabic or Tigrinya page (issue 19)."""
    from core import i18n

    i18n.set_language("nl")
    try:
        person = load_dossier(store, demo_id)
        text = "\n".join(_render("pid", person, lang))
    finally:
        i18n.set_language("en")
    assert not re.search(r"\buur\b", text)
    assert not re.search(r"\bhours?\b", text)


@pytest.mark.parametrize(
    ("lang", "signature", "duration"),
    [("ar", "التوقيع", "3 سنوات"), ("fa", "امضا", "۳ سال"), ("ti", "ክታም", "3 ዓመታት")],
)
def test_each_half_of_the_pip_signs_and_counts_in_its_own_language(
    store, demo_id, lang, signature, duration
):
    """The signature labels and the duration ("3 years" in the demo) in each half's own
    language: no "Signature / Signature", no English "3 years" beside the Dutch "3 jaar"."""
    from tests.core.export_support import logical_arabic

    buf = io.BytesIO()
    pip_pdf.render(load_dossier(store, demo_id), buf, lang, today=TODAY)
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    readable = logical_arabic(text) if lang in RTL else text
    assert "Handtekening" in text and "3 jaar" in text
    assert signature in readable and duration in readable
    assert "Signature" not in text and "3 years" not in text


def test_a_duration_in_other_words_is_printed_as_written():
    from core.export.pip_pdf import _duration

    ar, nl = DocLang("ar"), DocLang("nl")
    assert _duration(nl, "36 maanden") == "36 maanden"
    assert _duration(ar, "1 year") == "سنة واحدة"
    assert _duration(nl, "tot het examen") == "tot het examen"
