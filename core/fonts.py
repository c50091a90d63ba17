"""The bundled Noto fonts: which family serves which script and language, for screen and PDF.

The screen (gui/fonts.py) registers the plain Noto files with Qt, which falls back from family to
family per character. ReportLab cannot fall back inside a paragraph, and an RTL paragraph made of
several fonts comes out in the wrong word order, so PDFs use merged fonts (resources/fonts/pdf/,
built by scripts/build_pdf_fonts.py): each script font plus the Latin of Noto Sans, so Latin names,
BSN numbers, dates and Dutch terms inside Arabic or Tigrinya text render in one paragraph. Arabic
needs uharfbuzz (ReportLab's shaping); the style from :func:`pdf_paragraph_style` sets it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.i18n import language
from core.paths import RESOURCES

FONT_DIR = RESOURCES / "fonts"
PDF_FONT_DIR = FONT_DIR / "pdf"


@dataclass(frozen=True)
class FontFile:
    filename: str
    family: str  # the family name inside the file (what Qt reports)
    bold: bool
    scripts: tuple[str, ...]

    @property
    def path(self) -> Path:
        return (PDF_FONT_DIR if self.filename.startswith("BlauweMap") else FONT_DIR) / self.filename


# The files shipped in resources/fonts/ (OFL 1.1, from Debian's fonts-noto-core).
BUNDLED: tuple[FontFile, ...] = (
    FontFile("NotoSans-Regular.ttf", "Noto Sans", False, ("latin", "cyrillic", "greek")),
    FontFile("NotoSans-Bold.ttf", "Noto Sans", True, ("latin", "cyrillic", "greek")),
    FontFile("NotoSansArabic-Regular.ttf", "Noto Sans Arabic", False, ("arabic",)),
    FontFile("NotoSansArabic-Bold.ttf", "Noto Sans Arabic", True, ("arabic",)),
    FontFile("NotoNaskhArabic-Regular.ttf", "Noto Naskh Arabic", False, ("arabic",)),
    FontFile("NotoSansEthiopic-Regular.ttf", "Noto Sans Ethiopic", False, ("ethiopic",)),
    FontFile("NotoSansEthiopic-Bold.ttf", "Noto Sans Ethiopic", True, ("ethiopic",)),
)
# Merged fonts for PDFs: script font + Latin/punctuation of Noto Sans.
PDF_BUNDLED: tuple[FontFile, ...] = (
    FontFile("BlauweMapArabic-Regular.ttf", "Blauwe Map Arabic", False, ("arabic", "latin")),
    FontFile("BlauweMapArabic-Bold.ttf", "Blauwe Map Arabic", True, ("arabic", "latin")),
    FontFile("BlauweMapEthiopic-Regular.ttf", "Blauwe Map Ethiopic", False, ("ethiopic", "latin")),
    FontFile("BlauweMapEthiopic-Bold.ttf", "Blauwe Map Ethiopic", True, ("ethiopic", "latin")),
)

SCRIPT_OF_LANGUAGE: dict[str, str] = {
    "nl": "latin",
    "en": "latin",
    "so": "latin",
    "tr": "latin",
    "uk": "cyrillic",
    "ar": "arabic",
    "fa": "arabic",
    "fa_AF": "arabic",
    "ti": "ethiopic",
}
UI_FAMILY_OF_SCRIPT: dict[str, str] = {
    "latin": "Noto Sans",
    "cyrillic": "Noto Sans",
    "greek": "Noto Sans",
    "arabic": "Noto Sans Arabic",
    "ethiopic": "Noto Sans Ethiopic",
}
UI_FALLBACK_FAMILIES: tuple[str, ...] = ("Noto Sans", "Noto Sans Ethiopic", "Noto Sans Arabic")

# ReportLab names: <family> (regular) and <family>-Bold; a family maps bold/italic onto them.
PDF_FAMILY_OF_SCRIPT: dict[str, str] = {
    "latin": "NotoSans",
    "cyrillic": "NotoSans",
    "greek": "NotoSans",
    "arabic": "BlauweMapArabic",
    "ethiopic": "BlauweMapEthiopic",
}
_PDF_FILES: dict[str, tuple[str, str]] = {
    "NotoSans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "NotoNaskhArabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf"),
    "BlauweMapArabic": ("BlauweMapArabic-Regular.ttf", "BlauweMapArabic-Bold.ttf"),
    "BlauweMapEthiopic": ("BlauweMapEthiopic-Regular.ttf", "BlauweMapEthiopic-Bold.ttf"),
}
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_registered: set[str] = set()


def script_for_language(code: str) -> str:
    """'latin', 'cyrillic', 'arabic' or 'ethiopic'; pseudo-locales are Latin."""
    language(code)  # raises ValueError for an unknown code
    return SCRIPT_OF_LANGUAGE.get(code, "latin")


def ui_families(code: str) -> list[str]:
    """Qt font families for ``code``: its script's family first, then every bundled fallback."""
    first = UI_FAMILY_OF_SCRIPT[script_for_language(code)]
    return [first, *(family for family in UI_FALLBACK_FAMILIES if family != first)]


def font_files(pdf: bool = False) -> list[FontFile]:
    return list(PDF_BUNDLED if pdf else BUNDLED)


# --------------------------------------------------------------------------- ReportLab
def register_reportlab_fonts() -> list[str]:
    """Register every PDF family with ReportLab (idempotent); returns the family names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for family, (regular, bold) in _PDF_FILES.items():
        if family in _registered:
            continue
        folder = PDF_FONT_DIR if family.startswith("BlauweMap") else FONT_DIR
        pdfmetrics.registerFont(TTFont(family, str(folder / regular)))
        pdfmetrics.registerFont(TTFont(f"{family}-Bold", str(folder / bold)))
        for is_bold, is_italic, face in (
            (0, 0, family),
            (1, 0, f"{family}-Bold"),
            (0, 1, family),
            (1, 1, f"{family}-Bold"),
        ):
            addMapping(family, is_bold, is_italic, face)
        _registered.add(family)
    return list(_PDF_FILES)


def pdf_font_family(code: str) -> str:
    """The registered ReportLab family for text in language ``code`` (Latin text included)."""
    register_reportlab_fonts()
    return PDF_FAMILY_OF_SCRIPT[script_for_language(code)]


def pdf_font_name(code: str, bold: bool = False) -> str:
    family = pdf_font_family(code)
    return f"{family}-Bold" if bold else family


def pdf_paragraph_style(
    code: str, name: str = "body", *, bold: bool = False, font_size: float = 10, **overrides: Any
) -> Any:
    """A ParagraphStyle that shapes (uharfbuzz) and, for Arabic script, runs right to left."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    rtl = language(code).rtl and script_for_language(code) == "arabic"
    values: dict[str, Any] = {
        "fontName": pdf_font_name(code, bold),
        "fontSize": font_size,
        "leading": font_size * 1.45,
        "shaping": 1,
        "alignment": TA_RIGHT if rtl else TA_LEFT,
    }
    if rtl:
        values["wordWrap"] = "RTL"
    values.update(overrides)
    return ParagraphStyle(f"{name}-{code}{'-bold' if bold else ''}", **values)


def pdf_text(text: str) -> str:
    """Plain text made safe for a ReportLab Paragraph: XML-escaped and without bidi control
    marks (FSI/PDI… have no glyph and ReportLab orders words itself)."""
    text = _BIDI_CONTROLS.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
