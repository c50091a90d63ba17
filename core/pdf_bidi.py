"""Right-to-left paragraphs for ReportLab without its optional ``rlbidi`` package.

Measured (ReportLab 5.1, uharfbuzz, no rlbidi): with ``shaping=1`` every *word* is shaped
correctly (joined Arabic letters, right to left inside the word), but the words of a line are
still laid out left to right, so a sentence reads backwards; Arabic-Indic and Persian digits
inside a word come out reversed too. :class:`RtlParagraph` fixes both: it breaks the text into
lines itself, puts each line's words in visual order (right-to-left runs reversed, runs of Latin
words and numbers kept left to right, as the Unicode bidi algorithm would for these simple cases)
and hands ReportLab the lines joined by ``<br/>``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from core.fonts import pdf_text

_WORD = re.compile(r"\S+")
_NATIVE_NUMBER = re.compile(
    r"[\u0660-\u0669\u06f0-\u06f9]+(?:[.,:/\u066b\u066c][\u0660-\u0669\u06f0-\u06f9]+)*"
)
_TRAILING_PUNCT = re.compile(r"[.,:;!?\u060c\u061b\u061f]+$")


def _strong(word: str) -> str:
    """'R' (Arabic-script letter first), 'L' (Latin/other letter first) or 'N' (no letter)."""
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    for ch in word:
        if unicodedata.bidirectional(ch) in ("EN", "AN"):
            return "D"  # a number: left to right inside, placed like its neighbours
    return "N"


def _fix_native_digits(word: str) -> str:
    # harfbuzz shapes a word with Arabic-script digits as one right-to-left run, which reverses
    # the number; reversing the digit run first makes it come out in reading order.
    return _NATIVE_NUMBER.sub(lambda m: m.group(0)[::-1], word)


def visual_order(words: list[str]) -> list[str]:
    """Words of one right-to-left line, in the order they appear from left to right."""
    kinds = [_strong(w) for w in words]
    # A number or neutral between (or after) left-to-right words belongs to their run.
    resolved: list[str] = []
    for index, kind in enumerate(kinds):
        if kind in ("D", "N"):
            before = next((k for k in reversed(resolved) if k in ("L", "R")), "R")
            after = next((k for k in kinds[index + 1 :] if k in ("L", "R")), "R")
            kind = "L" if before == "L" and (after == "L" or kind == "D") else "R"
        resolved.append(kind)
    runs: list[list[str]] = []
    for word, kind in zip(words, resolved, strict=True):
        if runs and kind == "L" and runs[-1] and runs[-1][0] == "L":
            runs[-1].append(word)
        else:
            runs.append([kind, word])
    out: list[str] = []
    for run in reversed(runs):
        kind, items = run[0], run[1:]
        if kind == "L" and items and _TRAILING_PUNCT.search(items[-1]):
            # sentence punctuation after a Latin word ends up left of it in RTL text
            last = items[-1]
            mark = _TRAILING_PUNCT.search(last)
            assert mark is not None
            items = (
                [mark.group(0) + items[0], *items[1:-1], last[: mark.start()]]
                if len(items) > 1
                else [mark.group(0) + last[: mark.start()]]
            )
        out.extend(items)
    return [_fix_native_digits(w) for w in out]


def _width(word: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(word, font, size)


def visual_lines(text: str, font: str, size: float, width: float) -> list[list[str]]:
    """Break ``text`` (logical order) into lines that fit ``width``; each line in visual order."""
    space = _width(" ", font, size)
    lines: list[list[str]] = []
    for hard_line in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in _WORD.findall(hard_line):
            need = _width(word, font, size)
            if current and used + space + need > width:
                lines.append(visual_order(current))
                current, used = [], 0.0
            used += (space if current else 0.0) + need
            current.append(word)
        lines.append(visual_order(current))
    return lines


class RtlParagraph(Flowable):
    """A Paragraph for right-to-left text (plain text, not markup) in a shaping style."""

    def __init__(self, text: str, style: Any) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._inner: Paragraph | None = None

    def _build(self, width: float) -> Paragraph:
        # ReportLab's shaped widths differ a little from the unshaped ones: keep a margin.
        lines = visual_lines(self.text, self.style.fontName, self.style.fontSize, width * 0.95)
        markup = "<br/>".join(pdf_text(" ".join(line)) for line in lines)
        return Paragraph(markup, self.style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._inner = self._build(availWidth)
        return self._inner.wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        inner = self._inner or self._build(availWidth)
        return list(inner.split(availWidth, availHeight))

    def draw(self) -> None:
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)

    def plain_text(self) -> str:
        return self.text


def paragraph(text: str, code: str, style: Any = None) -> Flowable:
    """A flowable for plain ``text`` in language ``code``: right to left where the language is."""
    from core.fonts import pdf_paragraph_style, script_for_language
    from core.i18n import language

    style = style or pdf_paragraph_style(code)
    if language(code).rtl and script_for_language(code) == "arabic":
        return RtlParagraph(text, style)
    return Paragraph(pdf_text(text), style)
