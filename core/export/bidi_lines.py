"""One right-to-left line in visual order: the Unicode Bidirectional Algorithm, then uharfbuzz.

ReportLab breaks a paragraph into lines in logical order (the order it is read). Each line is
then laid out here: python-bidi gives every character its embedding level (paragraph direction
right to left), the line is cut into runs of one level and one font, the runs are put in
visual order (rule L2: from the highest level down to the lowest odd one, reverse every
sequence at that level or higher) and each run is shaped in its own direction: odd levels right
to left (harfbuzz also mirrors brackets there), even levels left to right, so "06 12345678",
"05-01-2025", "(B1)" and Persian ۱۹۹۴ read as they should inside Arabic.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import uharfbuzz
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

_PRIVATE = 0xE000  # ReportLab gives a glyph without a character one in the private use area
_FEATURES = {"kern": True, "liga": True, "dlig": True}  # what ReportLab's shaping asks for


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


@functools.lru_cache(maxsize=4096)
def levels(text: str) -> tuple[int, ...]:
    """Each character's resolved embedding level in a right-to-left paragraph.

    python-bidi's Rust core (unicode-bidi) follows the current algorithm, with the paired
    brackets of rule N0: "(B1) 2025" keeps its brackets round B1. (Its old pure-Python
    ``bidi.algorithm`` predates N0 and prints "B1) 2025)".) The levels are only offered in the
    debug description, one per UTF-8 byte; a character has the level of its first byte."""
    found = get_display(text, base_dir="R", debug=True)
    section = found[found.index("levels:") : found.index("paragraphs:")]
    per_byte = [int(level) for level in _LEVEL.findall(section)]
    out, at = [], 0
    for ch in text:
        out.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    return tuple(out)


def visual_runs(pieces: Sequence[tuple[str, str]]) -> list[tuple[str, str, bool]]:
    """(font, text, right_to_left) runs in visual order, left to right, for one line given as
    (font, text) pieces in logical order."""
    text = "".join(chunk for _, chunk in pieces)
    fonts = [font for font, chunk in pieces for _ in chunk]
    found = levels(text)
    runs: list[tuple[int, str, list[str]]] = []
    for ch, font, level in zip(text, fonts, found, strict=True):
        if runs and runs[-1][0] == level and (runs[-1][1] == font or ch == " "):
            runs[-1][2].append(ch)
        else:
            runs.append((level, font, [ch]))
    top = max(found, default=1)
    lowest_odd = min(found, default=1) | 1
    order = list(range(len(runs)))
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if runs[order[i]][0] >= level:
                j = i
                while j < len(order) and runs[order[j]][0] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return [(runs[k][1], "".join(runs[k][2]), runs[k][0] % 2 == 1) for k in order]


@functools.lru_cache(maxsize=8192)
def shaped(text: str, font_name: str, size: float, rtl: bool) -> tuple[str, float]:
    """``text`` shaped by uharfbuzz in the given direction, as ReportLab's ``shapeFragWord``
    does it (there the direction is guessed from the script: a number in Persian digits would
    come out right to left); and its width in points."""
    font: Any = pdfmetrics.getFont(font_name)
    hb_font = font.hbFont(size)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb_font, buf, _FEATURES)
    chars, data = [], []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        name = hb_font.glyph_to_string(gid)
        uchar = font.face.glyphToChar.get(gid, (_PRIVATE,))[0]
        if 0xE000 <= uchar <= 0xF8FF:  # none, or a private one from ReportLab's own shaping
            # The merged fonts swap in Noto Sans's own copy of a digit or punctuation mark in
            # Latin text ("one.1"): it has no character, so ReportLab would give it a private
            # one and a copied or searched text would lose it. The font's glyph for the
            # character itself is drawn instead (the same design, from the same family).
            source = ord(text[info.cluster])
            own = font.face.charToGlyph.get(source)
            if own is not None and name.split(".")[0] == hb_font.glyph_to_string(own):
                uchar = source
            else:
                uchar = font.hbAddPrivate(name, gid, pos.x_advance)
        chars.append(chr(uchar))
        data.append(
            ShapeData(
                info.cluster,
                font.pdfScale(pos.x_advance),
                font.pdfScale(pos.y_advance),
                font.pdfScale(pos.x_offset),
                font.pdfScale(pos.y_offset),
                font.face.charWidths[uchar],
            )
        )
    width = sum(d.x_advance for d in data) * size / 1000
    return ShapedStr("".join(chars), shapeData=data), width


def visual_lines(
    lines: Sequence[Any], words: Sequence[tuple[tuple[str, str], ...]]
) -> list[Any] | None:
    """ReportLab's broken lines (``ParaLines.lines`` of kind 1, logical order) drawn again in
    visual order from ``words`` (each word's (font, text) runs, logical order): copies of the
    lines whose fragments are the shaped runs, left to right. None when the lines do not hold
    exactly these words (a word ReportLab cut in two, markup): then nothing is reordered."""
    if sum(line.wordCount for line in lines) != len(words):
        return None
    if not all(line.words and hasattr(line.words[0], "clone") for line in lines):
        return None
    out = []
    start = 0
    for line in lines:
        pieces: list[tuple[str, str]] = []
        for word in words[start : start + line.wordCount]:
            if pieces:
                pieces.append((pieces[-1][0], " "))
            pieces.extend(word)
        start += line.wordCount
        proto = line.words[0]  # its style (size, colour) for every run
        size = proto.fontSize
        frags, width = [], 0.0
        for font, text, rtl in visual_runs(pieces):
            glyphs, advance = shaped(text, font, size, rtl)
            frags.append(proto.clone(fontName=font, fontSize=size, text=glyphs))
            width += advance
        out.append(line.clone(words=frags, extraSpace=line.maxWidth - width))
    return out
