"""What every PDF shares: fonts, a per-document language, styles, script-aware text runs.

A printout may be in another language than the interface: :class:`DocLang` carries that
document's own catalogue (``core.i18n.load_translations``) and Babel locale, so nothing switches
the UI. ReportLab 5.1 shapes Arabic and Ethiopic through uharfbuzz when a style has
``shaping=1``, but has no bidirectional layout of its own: right-to-left paragraphs are broken
into lines in reading order and each line is drawn in the visual order of the Unicode
Bidirectional Algorithm (:class:`_BidiParagraph`, ``core.export.bidi_lines``). The bundled Noto fonts each
cover one script, so text is split into runs and every run gets the font for its script.
A dossier's hours make tables of thousands of cells: repeated cells share one paragraph
(:meth:`DocLang.cell`) and string cells are written directly (:class:`_Canvas`).
"""

from __future__ import annotations

import datetime as dt
import gettext
import math
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape

from babel import Locale
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paragraph import split as split_words
from reportlab.platypus.tables import CellStyle

from core import fonts, i18n
from core.export.bidi_lines import visual_lines
from core.labels import _LABELS  # the display-name msgids, translated here per document

# Families registered by core.fonts: Noto Sans, and the script fonts merged with its Latin, so
# Latin names and numbers inside Arabic or Tigrinya text stay in one font run.
LATIN, ARABIC, ETHIOPIC = "NotoSans", "BlauweMapArabic", "BlauweMapEthiopic"
RTL_CODES = {"ar", "fa", "fa_AF", "ps"}
# Direction controls (the layout sets the direction itself) and characters that show nothing
# (zero width space, word joiner, byte order mark): text stored before the gate cleaned them
# must not turn into a stray glyph.
_INVISIBLE = re.compile("[\u2066-\u2069\u202a-\u202e\u200b\u200e\u200f\u2060\ufeff]")
# A table row is never split across pages: one taller than this is made into several rows.
MAX_ROW_HEIGHT = 200.0
GREY = colors.HexColor("#555555")


def halves_style() -> list[Any]:
    """The table style of a bilingual document's two halves (Dutch | the person's language):
    top-aligned, a thin grey line between them, tight padding (the PIP and the CV)."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, colors.HexColor("#999999")),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]


LIGHT = colors.HexColor("#e8eef6")
BLUE = colors.HexColor("#1f4e8c")
RED = colors.HexColor("#a4262c")


_COVERAGE: dict[str, frozenset[int]] = {}


def register_fonts() -> None:
    """Register the bundled fonts once (idempotent) and note which characters each covers."""
    if _COVERAGE:
        return
    fonts.register_reportlab_fonts()
    for family in (LATIN, ARABIC, ETHIOPIC):
        font = pdfmetrics.getFont(family)
        _COVERAGE[family] = frozenset(font.face.charToGlyph)


_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff"
_ETHIOPIC_CHARS = "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f"
_ARABIC_TEXT = re.compile(f"[{_ARABIC_CHARS}]")
_COMPLEX_TEXT = re.compile(f"[{_ARABIC_CHARS}{_ETHIOPIC_CHARS}]")


def script_font(ch: str) -> str | None:
    """The font family for one character; None for spaces (they join the run they are in)."""
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return ARABIC
    if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F:
        return ETHIOPIC
    if ch.isspace():
        return None
    return LATIN


def _stays_in(ch: str, base: str, cover: frozenset[int]) -> bool:
    """Whether a run in ``base`` goes on through ``ch`` (spaces, its script, digits it has)."""
    font = script_font(ch)
    return font is None or font == base or (font == LATIN and ord(ch) in cover)


def split_runs(text: str, base: str = LATIN) -> list[tuple[str, str]]:
    """(font, text) runs of one script each."""
    register_fonts()
    text = _INVISIBLE.sub("", text)
    if base == LATIN and not _COMPLEX_TEXT.search(text):
        return [(LATIN, text)] if text else []  # what the loop below gives, without the loop
    if base != LATIN and text:
        # One run when no character would leave the script's font (what the loop below finds)
        cover = _COVERAGE.get(base, frozenset())
        if all(_stays_in(ch, base, cover) for ch in set(text)):
            return [(base, text)]
    out: list[tuple[str, str]] = []
    current = base
    buf: list[str] = []
    for ch in text:
        font = script_font(ch) or current
        if font == LATIN and current != LATIN and ord(ch) in _COVERAGE.get(current, ()):
            font = current  # digits and punctuation the script's own font has
        if font != current and buf:
            out.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        out.append((current, "".join(buf)))
    return out


_FONT_RUN = re.compile('<font name="([^"<>]*)">([^<>]*)</font>')
_FONT_RUNS = re.compile('(?:<font name="[^"<>]*">[^<>]*</font>)+')

# An Arabic-script letter touching a Latin letter in one word ("وIntroPVT", "الـKNM")
_LATIN_LETTER = "A-Za-z\u00c0-\u024f"
_ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
_SCRIPT_SEAM = re.compile(
    f"(?<=[{_ARABIC_LETTER}\u0640])(?=[{_LATIN_LETTER}])|(?<=[{_LATIN_LETTER}])(?=[{_ARABIC_LETTER}])"
)


def runs(text: str, base: str = LATIN, rtl: bool = False, bold: bool = False) -> str:
    """Paragraph markup: ``text`` escaped, split into runs, each in its script's font, in
    logical order (the order it is read). A right-to-left line is put in visual order only when
    it is drawn (:class:`_BidiParagraph`), after the paragraph is broken into lines."""
    if rtl:
        # ReportLab measures each word for the line breaks as one uharfbuzz buffer in one font:
        # where the script changes inside a word ("وIntroPVT") a space makes two words.
        text = _SCRIPT_SEAM.sub(" ", text)
    suffix = "-Bold" if bold else ""
    return "".join(
        f'<font name="{font}{suffix}">{escape(chunk)}</font>'
        for font, chunk in split_runs(text, base)
    ).replace("\n", "<br/>")


@dataclass
class DocLang:
    """One document's language: its catalogue, locale, direction and paragraph styles."""

    code: str
    translations: gettext.NullTranslations = field(init=False)
    locale: Locale = field(init=False)
    rtl: bool = field(init=False)
    base_font: str = field(init=False)

    def __post_init__(self) -> None:
        register_fonts()
        lang = i18n.language(self.code)  # ValueError for an unknown code
        self.translations = i18n.load_translations(self.code)
        self.locale = Locale.parse(lang.babel_code)
        self.rtl = self.code in RTL_CODES
        self.base_font = ARABIC if self.rtl else ETHIOPIC if self.code == "ti" else LATIN
        self._styles: dict[str, ParagraphStyle] = {}
        self._cells: dict[tuple[str, str, float], Paragraph] = {}
        self._plain: dict[tuple[str, float, bool, float], str | None] = {}
        self._formatted: dict[tuple[Any, ...], str] = {}
        self._frags: dict[tuple[str, str], Any] = {}

    # ---- text
    def gettext(self, msgid: str) -> str:
        return self.translations.gettext(msgid)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def label(self, enum: type[StrEnum], code: str | None) -> str:
        if code is None or code == "":
            return "—"
        msgid = _LABELS.get(enum, {}).get(str(code))
        return self.gettext(msgid) if msgid else str(code)

    def date(self, value: dt.date | dt.datetime | None, fmt: str = "medium") -> str:
        key = (type(value), value, fmt)  # a dossier repeats its dates; Babel is not quick
        found = self._formatted.get(key)
        if found is None:
            if isinstance(value, dt.datetime):
                found = i18n.format_datetime(value, "short", locale=self.locale)
            else:
                found = i18n.format_date(value, fmt, locale=self.locale)
            self._formatted[key] = found
        return found

    def number(self, value: float, decimals: int | None = None) -> str:
        key = (type(value), value, decimals)  # the same hours hundreds of times
        found = self._formatted.get(key)
        if found is None:
            found = self._formatted[key] = i18n._digits(
                i18n.format_number(value, locale=self.locale, decimals=decimals), self.locale
            )
        return found

    def hours(self, value: float) -> str:
        rounded = round(value, 1)
        count = int(rounded) if rounded == int(rounded) else 2
        return self.ngettext("{n} hour", "{n} hours", count).format(n=self.number(rounded))

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return "—"
        return self.gettext("Yes") if value else self.gettext("No")

    # ---- styles and flowables
    def style(self, name: str = "body", shaped: bool = True) -> ParagraphStyle:
        key = name if shaped else f"{name}-plain"
        if key not in self._styles:
            size, bold, colour, space = {
                "title": (16, True, BLUE, 4),
                "h1": (12, True, BLUE, 3),
                "h2": (10, True, colors.black, 2),
                "body": (9, False, colors.black, 1),
                "small": (7.5, False, GREY, 0),
                "cell": (8, False, colors.black, 0),
                "cellb": (8, True, colors.black, 0),
            }[name]
            self._styles[key] = ParagraphStyle(
                f"{self.code}-{key}",
                fontName=f"{self.base_font}-Bold" if bold else self.base_font,
                fontSize=size,
                leading=size * 1.3,
                textColor=colour,
                spaceAfter=space,
                spaceBefore=space if name in ("h1", "h2") else 0,
                alignment=TA_RIGHT if self.rtl else TA_LEFT,
                shaping=1 if shaped else 0,
            )
        return self._styles[key]

    def p(self, text: Any, style: str = "body") -> Paragraph:
        return self._make(text, style, _BidiParagraph)

    def _make(self, text: Any, style: str, kind: type[Paragraph]) -> Paragraph:
        bold = style in ("title", "h1", "h2", "cellb")
        raw = str(text)
        # Shaping costs time; only Arabic script needs it (Latin and Ethiopic do not join).
        arabic = _ARABIC_TEXT.search(raw) is not None
        # Text without any Arabic script (a name, a gemeente's Dutch wording) keeps its own
        # left-to-right order, even in a right-to-left document; it is only aligned right.
        rtl = self.rtl and arabic
        base = self.base_font if rtl or not self.rtl else LATIN
        markup = runs(raw, base, rtl, bold)
        st = self.style(style, arabic)
        if self.rtl and not rtl:
            st = self._ltr(st)
        para = self._paragraph(markup, st, kind)
        if rtl:
            # the words in reading order, each as its font runs: what a line is drawn from
            suffix = "-Bold" if bold else ""
            text = _SCRIPT_SEAM.sub(" ", _INVISIBLE.sub("", raw))
            para._bm_words = [
                tuple((f"{font}{suffix}", chunk) for font, chunk in split_runs(word, base))
                for word in split_words(text)
            ]
        return para

    def _paragraph(self, markup: str, st: ParagraphStyle, kind: type[Paragraph]) -> Paragraph:
        """``kind(markup, st)`` without running ReportLab's XML parser over ``runs()`` markup
        of plain text (no entities, no line breaks): each run's fragment is a copy of the one
        the parser makes for that font in that style, with the run's text, whitespace
        collapsed as ReportLab does."""
        if "&" in markup or "<br/>" in markup:
            return kind(markup, st)
        text = cleanBlockQuotedText(markup)
        found = _FONT_RUNS.fullmatch(text) and _FONT_RUN.findall(text)
        if not found:
            return kind(markup, st)
        frags = []
        for font, chunk in found:
            if chunk:  # the parser makes no fragment of an empty run
                key = (st.name, font)
                if key not in self._frags:
                    self._frags[key] = Paragraph(f'<font name="{font}">x</font>', st).frags[0]
                frags.append(self._frags[key].clone(text=chunk))
        return kind(text, st, frags=frags) if frags else kind(markup, st)

    def cell(self, text: str, style: str, width: float) -> Paragraph:
        """The paragraph of a table cell ``width`` wide. Cells with the same text, style and
        width share one (a dossier's hours repeat the same category, attendance and school
        hundreds of times), so each is parsed, shaped and broken into lines once."""
        key = (text, style, width)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = self._make(text, style, _SharedParagraph)
        return found

    def _ltr(self, st: ParagraphStyle) -> ParagraphStyle:
        key = f"{st.name}-ltr"
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(key, parent=st, wordWrap=None, shaping=0)
        return self._styles[key]

    def row(self, cells: Sequence[Any]) -> list[Any]:
        """Table cells in reading order: mirrored for right-to-left documents."""
        return list(reversed(cells)) if self.rtl else list(cells)


class _BidiParagraph(Paragraph):
    """A paragraph whose lines are broken in logical order and drawn in the visual order of
    the Unicode bidirectional algorithm (right-to-left base direction).

    ReportLab 5.1 has no bidirectional layout without its optional ``rlbidi`` package: with
    ``wordWrap="RTL"`` it only reverses the order of a line's font runs, and a run's words come
    out left to right (the words of an Arabic sentence mirrored). So the style leaves the
    direction alone, ReportLab breaks and measures the lines (shaping each word), and when a
    line is drawn its words are laid out again here: levels from python-bidi, one run per level
    and font, the runs reordered (rule L2) and each shaped by uharfbuzz in its own direction,
    which mirrors brackets in right-to-left runs. ``_bm_words`` holds the words in logical
    order, each as (font, text) runs; None for a paragraph drawn as ReportLab lays it out."""

    _bm_words: list[tuple[tuple[str, str], ...]] | None = None
    _bm_visual: tuple[Any, Any] | None = None

    def drawPara(self, debug: int = 0) -> None:
        logical = getattr(self, "blPara", None)
        if self._bm_words is None or logical is None or logical.kind != 1:
            super().drawPara(debug)
            return
        done = self._bm_visual
        if done is None or done[0] is not logical:
            lines = visual_lines(logical.lines, self._bm_words)
            done = self._bm_visual = (logical, lines and logical.clone(lines=lines))
        if done[1] is None:  # the lines do not hold the words given (nothing to reorder)
            super().drawPara(debug)
            return
        self.blPara = done[1]
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        words = self._bm_words
        if (
            words is not None
            and len(parts) == 2
            and all(isinstance(part, _BidiParagraph) for part in parts)
        ):
            first = len("".join(str(f.text) for f in parts[0].frags).split())
            parts[0]._bm_words, parts[1]._bm_words = words[:first], words[first:]
        return parts


class _SharedParagraph(_BidiParagraph):
    """A table cell's Paragraph, shared by every cell with the same text, style and width
    (:meth:`DocLang.cell`): its lines are broken (and shaped) once per width, and its page
    operators are written once and then copied to each further place it is drawn."""

    _wrapped: tuple[float, tuple[float, float]] | None = None
    _drawn: tuple[Any, float, list[str]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is None or self._wrapped[0] != availWidth:
            self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return self._wrapped[1]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        # Flowable.drawOn writes "q", moves the origin, draws, and writes "Q". What the paragraph
        # draws is then the same wherever it stands: it starts its own text object and sets its
        # font and colour inside q/Q, so it does not depend on the canvas's state, and the font
        # subsets are the document's (same canvas only). So the first drawing's operators are
        # kept and written again at the next place.
        x = self._hAlignAdjust(x, _sW)
        move = f"{fp_str(1, 0, 0, 1, x, y)} cm"
        done = self._drawn
        if done is not None and done[0]() is canvas and done[1] == self.width:
            canvas._code.extend(("q", move, *done[2], "Q"))
            return
        start = len(canvas._code)
        super().drawOn(canvas, x, y)
        ops = canvas._code[start:]
        if len(ops) > 3 and ops[0] == "q" and ops[1] == move and ops[-1] == "Q":
            # a weak reference: the canvas (through its page callback) refers to this document
            self._drawn = (weakref.ref(canvas), self.width, ops[2:-1])
        else:
            self._wrapped = None


# One number in Arabic-Indic or Persian digits (a date, hours): nothing in it joins, and it reads
# left to right even in a right-to-left line, so it is drawn as it is, without shaping.
_NUMBER = re.compile(
    "[\u0660-\u0669\u06f0-\u06f90-9]+(?:[.,/:\u066b\u066c-][\u0660-\u0669\u06f0-\u06f90-9]+)*"
)


def _plain_font(text: str, width: float, bold: bool, size: float) -> str | None:
    """The font to draw a cell as a plain string (fast), or None if it needs a Paragraph:
    Arabic needs shaping, mixed scripts need runs, long text needs wrapping."""
    if "\n" in text:
        return None
    parts = split_runs(text)
    if len(parts) > 1 or (parts and parts[0][0] == ARABIC and not _NUMBER.fullmatch(text)):
        return None
    font = parts[0][0] if parts else LATIN
    font = f"{font}-Bold" if bold else font
    return font if pdfmetrics.stringWidth(text, font, size) <= width - 7 else None


def _cell_style(font: str | None, size: float, rtl: bool) -> CellStyle:
    """The style of one kind of cell (a string in ``font``, or a flowable when None). A table's
    cells share these few objects: with a TableStyle, ReportLab makes a style per cell and
    applies each command to every cell it covers, thousands for a dossier's hours."""
    style = CellStyle(font or "flowable")
    style.valign = "TOP"
    style.alignment = "RIGHT" if rtl else "LEFT"
    style.topPadding = style.bottomPadding = 1.5
    style.leftPadding = style.rightPadding = 3
    if font is not None:
        style.fontname, style.fontsize, style.leading = font, size, size * 1.3
    return style


def _flowable_height(cell: Flowable, width: float, look: CellStyle) -> float:
    """A cell paragraph's height as Table._listCellGeom works it out (the same sums, so the
    same float): given to the table, it does not wrap every cell again for each page."""
    height = cell.wrap(width - look.leftPadding - look.rightPadding, 72000)[1]
    before, after = cell.getSpaceBefore(), cell.getSpaceAfter()
    return float(height + after + before - before - after)


def _cut_near(text: str, at: int) -> int:
    """Where to cut ``text`` near ``at``: a line break, else a space, else ``at`` itself."""
    for sep in ("\n", " "):
        before, after = text.rfind(sep, 0, at), text.find(sep, at)
        cuts = [i for i in (before, after) if 0 < i < len(text) - 1]
        if cuts:
            return min(cuts, key=lambda i: abs(i - at))
    return at


def _pieces(text: str, count: int) -> list[str]:
    """``text`` cut into about ``count`` pieces of similar length, at line breaks or spaces."""
    out, rest = [], text
    for left in range(count, 1, -1):
        cut = _cut_near(rest, len(rest) // left)
        if cut <= 0 or cut >= len(rest):
            break
        out.append(rest[:cut].rstrip())
        rest = rest[cut + 1 :].lstrip() if rest[cut] in "\n " else rest[cut:]
    out.append(rest)
    return [piece for piece in out if piece]


def fit_text(
    docs: Sequence[DocLang],
    text: str,
    style: str,
    width: float,
    limit: float = MAX_ROW_HEIGHT,
) -> list[str]:
    """``text`` in pieces that each, as a paragraph ``width`` wide, are at most ``limit`` high in
    every one of ``docs``: a long note then fills table rows that break across pages, where one
    cell with all of it would be taller than a page (ReportLab's LayoutError). Most texts are
    one piece. The text is cut once into as many pieces as its height asks for (with a margin),
    and only a piece that is still too tall is cut again: a text of thousands of lines is laid
    out a few times, not once per halving."""
    height = max(doc.p(text, style).wrap(width, 1e9)[1] for doc in docs)
    if height <= limit or len(text) < 2:
        return [text]
    count = max(2, math.ceil(height / (limit * 0.8)))
    pieces = _pieces(text, count)
    if len(pieces) < 2:  # nothing to cut at: halve by length
        middle = len(text) // 2
        pieces = [text[:middle], text[middle:]]
    return [part for piece in pieces for part in fit_text(docs, piece, style, width, limit)]


def table(
    doc: DocLang,
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    style: str = "cell",
) -> Table:
    data = []
    cell_styles = []
    heights: list[float | None] = []
    size = doc.style(style).fontSize
    known = doc._plain
    kinds: dict[str | None, CellStyle] = {}

    def add(r: Sequence[Any], cell_style: str, split: bool = True) -> list[int]:
        """Append the row; or, when a text cell is too tall (and ``split``), return those
        cells' places."""
        cells = []
        looks = []
        tall = []
        height: float | None = 0.0
        for c, w in zip(r, widths, strict=True):
            font = None
            if isinstance(c, str):
                key = (c, w, cell_style == "cellb", size)
                if key not in known:
                    known[key] = _plain_font(_INVISIBLE.sub("", c), w, key[2], size)
                font = known[key]
            if font not in kinds:
                kinds[font] = _cell_style(font, size, doc.rtl)
            look = kinds[font]
            looks.append(look)
            if font is not None:
                cells.append(_INVISIBLE.sub("", c))
                need = look.leading
            elif isinstance(c, str):
                cells.append(doc.cell(c, cell_style, w))
                need = _flowable_height(cells[-1], w, look)
                if need > MAX_ROW_HEIGHT:
                    tall.append(len(cells) - 1)
            else:
                cells.append(c)
                height = None
                continue
            if height is not None:
                height = max(height, need + (look.bottomPadding + look.topPadding))
        if tall and split:
            return tall
        data.append(doc.row(cells))
        cell_styles.append(doc.row(looks))
        heights.append(height)
        return []

    for i, r in enumerate(rows):
        cell_style = "cellb" if header and i == 0 else style
        tall = add(r, cell_style)
        if tall:
            # The long texts go on in the rows below, the other cells stay in the first.
            pieces = {
                j: fit_text([doc], r[j], cell_style, widths[j] - 6, MAX_ROW_HEIGHT) for j in tall
            }
            for k in range(max(map(len, pieces.values()))):
                add(
                    [
                        (pieces[j][k] if k < len(pieces[j]) else "")
                        if j in pieces
                        else (c if k == 0 else "")
                        for j, c in enumerate(r)
                    ],
                    cell_style,
                    split=False,
                )
    cols = list(reversed(widths)) if doc.rtl else list(widths)
    t = Table(
        data,
        colWidths=cols,
        rowHeights=heights,
        repeatRows=1 if header else 0,
        cellStyles=cell_styles,
    )
    commands: list[Any] = [("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc"))]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT))
    t.setStyle(TableStyle(commands))
    return t


def document(out: Any, title: str, doc: DocLang, footer: str) -> SimpleDocTemplate:
    """An A4 document with a footer that names the document and the page."""

    def on_page(canvas: Any, template: Any) -> None:
        canvas.saveState()
        canvas.setFont(LATIN, 7)
        canvas.setFillColor(GREY)
        # A Paragraph, not drawString: the title and date may be in Arabic or Ethiopic script.
        # The same on every page: made, shaped and broken into lines once (see DocLang.cell).
        number = 12 * mm  # room for the page number, on the line's end side
        text = doc.cell(footer[:150], "small", CONTENT_WIDTH - number)
        text.wrap(CONTENT_WIDTH - number, 20)
        text.drawOn(canvas, 15 * mm + (number if doc.rtl else 0), 8 * mm)
        if doc.rtl:
            canvas.drawString(15 * mm, 9 * mm, str(template.page))
        else:
            canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, str(template.page))
        canvas.restoreState()

    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="Blauwe Map",
        lang=doc.locale.language,
        invariant=1,
    )
    template._bm_on_page = on_page
    return template


class _TextObject(PDFTextObject):
    """Works around a ReportLab 5.1 bug in ``PDFTextObject.setRise``.

    Shaped (uharfbuzz) text moves each glyph with a vertical offset (Arabic harakat such as
    shadda or fatha) by a text rise. ``_formatText`` starts every text run on an empty code list,
    and ``setRise`` looks at ``self._code[-1]``: when a line's first glyph, visually, is such a mark
    and no font subset switch was written before it, that is an IndexError ("list index out of
    range" in setRise, from Paragraph._rightDrawParaLineX). Its "optimize out r0 Ts r1 Ts" branch
    also forgets to record the new rise, so the glyphs after two stacked marks could keep the
    second mark's offset. This version does both right; it is otherwise ReportLab's own."""

    _rise: float
    _curSubset: int

    def setRise(self, rise: float) -> None:
        v = f"{fp_str(rise)} Ts"
        if self._code and self._code[-1].endswith(" Ts"):
            self._y += self._rise  # undo the previous rise; its operator is replaced
            self._code[-1] = v
        else:
            self._code.append(v)
        self._rise = rise
        self._y -= rise

    def _formatText(self, text: str) -> str:
        # The operators for a plain string depend only on the string, the font, its size and
        # leading and the font subset already selected: the same hours, category, attendance
        # and source in a few hundred table rows are encoded once. Shaped text (ShapedStr, with
        # glyph positions) is left to ReportLab.
        if type(text) is not str:
            return str(super()._formatText(text))
        key = (text, self._fontname, self._fontsize, self._leading, self._curSubset)
        known = self._canvas._bm_texts
        found = known.get(key)
        if found is None:
            found = known[key] = (str(super()._formatText(text)), self._curSubset)
        self._curSubset = found[1]
        return found[0]


def _plain_call(text: Any, mode: Any, *options: Any) -> bool:
    """A drawString call without render mode, spacing, direction or shaping, of a plain str."""
    return type(text) is str and mode is None and not any(options)


class _Canvas(Canvas):
    """The canvas of every Blauwe Map PDF: hands out the fixed text object above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bm_texts: dict[tuple[Any, ...], tuple[str, int]] = {}

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _TextObject(self, x, y, direction=direction)

    def _line(self, x: float, y: float, text: str) -> None:
        """What drawString writes for one plain string: a text object at (x, y) with the text
        in the canvas's font (its encoding found once per string and font)."""
        key = (text, self._fontname, self._fontsize, self._leading, -1)
        found = self._bm_texts.get(key)
        encoded = found[0] if found is not None else self.beginText()._formatText(text)
        self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {encoded} T* ET")

    def drawString(
        self,
        x: float,
        y: float,
        text: str,
        mode: Any = None,
        charSpace: float = 0,
        direction: Any = None,
        wordSpace: Any = None,
        shaping: bool = False,
    ) -> None:
        # A table draws each of its string cells with this: thousands for a dossier's hours.
        # ReportLab's own version makes a text object per call; the result is the same.
        if _plain_call(text, mode, charSpace, direction, wordSpace, shaping):
            self._line(x, y, text)
        else:
            super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawRightString(
        self,
        x: float,
        y: float,
        text: str,
        mode: Any = None,
        charSpace: float = 0,
        direction: Any = None,
        wordSpace: Any = None,
        shaping: bool = False,
    ) -> None:
        if _plain_call(text, mode, charSpace, direction, wordSpace, shaping):
            self._line(x - self.stringWidth(text, self._fontname, self._fontsize), y, text)
        else:
            super().drawRightString(x, y, text, mode, charSpace, direction, wordSpace, shaping)


def build(template: SimpleDocTemplate, story: list[Any]) -> None:
    on_page = template._bm_on_page
    # Page streams are compressed binary, not also ASCII85 text (ReportLab's default, a quarter
    # larger and encoded in pure Python): every PDF reader takes both.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        template.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=_Canvas)
    finally:
        rl_config.useA85 = a85
        # The template refers to itself (its name space) and to the canvas, so the whole
        # document, thousands of objects, would wait for Python's slow full garbage collection
        # (tens of ms, in the middle of some later export). Done with it: let it go now.
        template._nameSpace.clear()
        template.canv = None


CONTENT_WIDTH = A4[0] - 30 * mm
