"""The shortcuts that make a large dossier's PDF quick must not change what is printed.

Table cells with the same text share one paragraph whose page operators are written once and
copied; plain string cells are written by the canvas without a text object per call; numbers in
Persian digits are drawn as strings; row heights are worked out once. Each test compares with
what ReportLab itself makes, or checks the extracted text row by row.
"""

from __future__ import annotations

import io
import re

import pdfplumber
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table

from core.export import klantprofiel_pdf
from core.export.pdf_common import (
    ARABIC,
    CONTENT_WIDTH,
    LATIN,
    DocLang,
    _Canvas,
    _SharedParagraph,
    build,
    document,
    register_fonts,
    table,
)
from core.export.pdf_content import HOURS_WIDTHS
from core.export.sections import ALL_CODES
from core.i18n import shipped_codes
from core.services.dossiers import load_dossier
from tests.conftest import TODAY
from tests.core.export_support import ARABIC as ARABIC_TEXT
from tests.core.export_support import ETHIOPIC, logical_arabic

SCHOOL = "مدرسة أو مقدّم خدمة"  # "school or provider": several joined words, right to left
PRESENT = "ሓዲሩ ኣሎ"  # Tigrinya, two words
MIXED = "اللغة ትግርኛ المفضلة"  # two scripts, so two fonts: ReportLab reverses such lines in place


def _pdf(doc: DocLang, story: list) -> bytes:
    buf = io.BytesIO()
    build(document(buf, "test", doc, "test"), story)
    return buf.getvalue()


def _pages(doc: DocLang, story: list) -> list[str]:
    with pdfplumber.open(io.BytesIO(_pdf(doc, story))) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _rows(lang: str, cells: list[str], n: int) -> tuple[int, list[str]]:
    """(pages, the text of each row: its words in the order of their place on the page) of a
    table of ``n`` equal rows."""
    doc = DocLang(lang)
    w = CONTENT_WIDTH
    rows = [["Nr", *(f"H{i}" for i in range(len(cells)))]]
    rows += [[f"R{i:03d}", *cells] for i in range(n)]
    t = table(doc, rows, [w * 0.1] + [w * 0.9 / len(cells)] * len(cells))
    out = []
    with pdfplumber.open(io.BytesIO(_pdf(doc, [t]))) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            for mark in (w for w in words if re.fullmatch(r"R\d{3}", w["text"])):
                row = [w for w in words if mark["top"] - 2 <= w["top"] < mark["top"] + 12]
                row.sort(key=lambda w: w["x0"])
                out.append(" ".join(w["text"] for w in row if w is not mark))
        return len(pdf.pages), out


def test_a_shared_right_to_left_cell_reads_the_same_in_every_row_on_every_page():
    cells = [SCHOOL, "ROC Inburgering Midden (Zuid)", "حاضر", MIXED]
    pages, rows = _rows("ar", cells, 150)
    assert pages >= 3  # the table is split over pages: the shared cells are drawn again
    assert len(rows) == 150
    _, (first,) = _rows("ar", cells, 1)
    assert rows == [first] * 150  # the same words in the same places as a table of one row
    words = logical_arabic(first)
    assert "مدرسة" in words and "خدمة" in words and "حاضر" in words
    assert "ROC Inburgering Midden" in first
    assert "ትግርኛ" in words


def test_a_shared_cell_is_one_paragraph_and_plain_cells_stay_strings():
    doc = DocLang("ar")
    t = table(doc, [["التاريخ", "الحالة"], [SCHOOL, "13/1/2022"], [SCHOOL, "3.5"]], [150, 150])
    cells = t._cellvalues
    # right to left: the columns are mirrored
    assert cells[1][1] is cells[2][1]
    assert isinstance(cells[1][1], _SharedParagraph)
    assert cells[1][0] == "13/1/2022" and cells[2][0] == "3.5"
    assert t._argH[1] == t._argH[2] > 0  # row heights worked out once, for every page


def test_persian_numbers_are_strings_that_keep_their_reading_order():
    doc = DocLang("fa")
    date, hours = doc.date(TODAY, "short"), doc.number(3.5)
    assert re.fullmatch("[۰-۹/]+", date) and "٫" in hours
    t = table(doc, [["تاریخ", "ساعت‌ها"], [date, hours]], [150, 150])
    assert t._cellvalues[1] == [hours, date]  # drawn as they are, no shaping needed
    text = "\n".join(_pages(doc, [t]))
    assert date in text and hours in text  # left to right, as a number reads
    assert date[::-1] not in text


def test_arabic_words_are_still_shaped_and_ethiopic_drawn():
    _, rows = _rows("ar", [SCHOOL, PRESENT], 3)
    text = "\n".join(rows)
    # shaped: the letters come out as their joined (presentation) forms, not the bare letters
    assert re.search("[\ufe70-\ufeff]", text)
    assert len(ARABIC_TEXT.findall(text)) > 30
    assert len(ETHIOPIC.findall(text)) >= 3 * 4


def test_the_fast_string_drawing_writes_what_reportlab_writes():
    register_fonts()
    fast, plain = _Canvas(io.BytesIO()), Canvas(io.BytesIO())
    for canvas in (fast, plain):
        for font, text in ((LATIN, "ROC Inburgering Midden"), (ARABIC, "13/1/2022"), (LATIN, "")):
            canvas.setFont(font, 8, 10.4)
            for _ in range(2):  # the second time from the cache
                canvas.drawString(12.5, 700.25, text)
                canvas.drawRightString(300, 650.5, text)
        canvas.drawString(10, 10, "mode", mode=0)
    assert fast._code == plain._code


def test_a_shared_paragraph_draws_what_a_new_one_draws():
    register_fonts()
    doc = DocLang("ar")
    style = doc.style("cell")
    markup = doc.p(MIXED, "cell").text
    shared = Paragraph(markup, style)
    shared.__class__ = _SharedParagraph
    canvases = []
    for repeat in (True, False):
        canvas = _Canvas(io.BytesIO())
        for y in (100, 200, 300):
            para = shared if repeat else Paragraph(markup, style)
            para.wrap(120, 100)
            para.drawOn(canvas, 40, y)
        canvases.append(canvas)
    assert canvases[0]._code == canvases[1]._code


def test_the_hours_headers_and_dates_fit_their_columns_in_every_language():
    """A header word wider than its column is cut into letters (Arabic "الساعات" came out as
    "الساعا" over "ت" in a column 7% wide); a date that does not fit takes two lines."""
    import datetime as dt

    from reportlab.pdfbase.pdfmetrics import stringWidth

    for code in shipped_codes():
        doc = DocLang(code)
        headers = ("Date", "Hours", "Category", "Attendance", "School or provider", "Source")
        for msgid, share in zip(headers, HOURS_WIDTHS, strict=True):
            text = doc.gettext(msgid)
            font = doc.base_font + "-Bold" if doc.base_font != LATIN else "NotoSans-Bold"
            widest = max(stringWidth(word, font, 8) for word in text.split())
            assert widest <= CONTENT_WIDTH * share - 6, (code, text)
        widths = [CONTENT_WIDTH * share for share in HOURS_WIDTHS[:2]]
        t = table(doc, [[doc.date(dt.date(2023, 12, 28), "short"), "3"]], widths, header=False)
        assert all(isinstance(c, str) for c in t._cellvalues[0]), code  # one line each


def test_rendering_twice_gives_the_same_file(store, demo_id):
    person = load_dossier(store, demo_id)
    outputs = []
    for _ in range(2):
        buf = io.BytesIO()
        klantprofiel_pdf.render(person, buf, "fa", ALL_CODES, today=TODAY)
        outputs.append(buf.getvalue())
    assert outputs[0] == outputs[1]


def test_a_wide_table_of_flowables_still_lays_out():
    """Cells that are not strings (a flowable given by the caller) keep ReportLab's sizing."""
    doc = DocLang("nl")
    t = table(doc, [["A", "B"], [doc.p("één twee drie " * 20, "cell"), "x"]], [100, 200])
    assert t._argH[0] is not None and t._argH[1] is None
    text = "\n".join(_pages(doc, [t, Table([["end"]])]))
    assert text.count("twee") == 20


def test_paragraphs_made_without_the_xml_parser_have_the_parsers_fragments(monkeypatch):
    texts = [
        "Klantprofiel for overdracht: Amanuel Tesfay",
        "  two  spaces\tand a tab  ",
        "23\u202fnov.\xa02026, 11:00\u202fAM",  # Babel's narrow and no-break spaces
        "مدرسة أو مقدّم خدمة",
        MIXED,
        "الـ gemeente (البلدية) · Ede",
        PRESENT + " Amanuel 12",
        "Отримано: 12 листопада",
        "",
        " ",
        "a & b <c>",  # entities: left to the parser
        "line one\nline two",  # a line break: left to the parser
    ]
    styles = ("body", "cellb", "small", "title")
    docs = [DocLang(code) for code in ("nl", "ar", "fa", "ti", "uk")]
    made = [(doc.p(text, style), text) for doc in docs for text in texts for style in styles]
    for para, text in made:
        parsed = Paragraph(para.text, para.style)  # what ReportLab's parser makes of it
        assert para.text == parsed.text, text
        assert [f.__dict__ for f in para.frags] == [f.__dict__ for f in parsed.frags], text
    # and the parser was not used again for plain text (its fragments per font are kept)
    from reportlab.platypus import paraparser

    def refuse(*args):
        raise AssertionError("parsed")

    monkeypatch.setattr(paraparser.ParaParser, "parse", refuse)
    for doc in docs:
        for text in texts[:8]:
            doc.p(text, "body")


def _runs_one_by_one(text: str, base: str) -> list[tuple[str, str]]:
    """split_runs as it was written first: character by character."""
    from core.export.pdf_common import _COVERAGE, _INVISIBLE, script_font

    out: list[tuple[str, str]] = []
    current, buf = base, []
    for ch in _INVISIBLE.sub("", text):
        font = script_font(ch) or current
        if font == LATIN and current != LATIN and ord(ch) in _COVERAGE.get(current, ()):
            font = current
        if font != current and buf:
            out.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        out.append((current, "".join(buf)))
    return out


def test_script_runs_found_at_once_are_the_ones_found_character_by_character():
    import random

    from core.export.pdf_common import ETHIOPIC as ETHIOPIC_FONT
    from core.export.pdf_common import split_runs

    register_fonts()
    pieces = [*"ab XY 12 ,.:()/-", *"مرحبا يتعلم", *"ሰላም ትግርኛ", "\u202f", "\xa0", "\u200f"]
    pieces += ["€", "✓", "—", "·", "Ж", "ğ", "\u0660", "\u06f1", "\t", "\n", "😀"]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        for base in (LATIN, ARABIC, ETHIOPIC_FONT):
            assert split_runs(text, base) == _runs_one_by_one(text, base), (text, base)
