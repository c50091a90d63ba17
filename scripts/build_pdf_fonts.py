#!/usr/bin/env python3
"""Build the merged PDF fonts in resources/fonts/pdf/ from the bundled Noto fonts.

ReportLab cannot fall back from one font to another inside a paragraph, and a right-to-left
paragraph with several fonts comes out in the wrong order. The Noto Arabic and Ethiopic fonts have
no Latin letters (Noto Sans Ethiopic has no digits either), yet a Tigrinya or Arabic printout holds
Latin names, BSN numbers, dates and Dutch terms (PIP, KNM…). So each script font is merged with
the Latin/punctuation part of Noto Sans into one font, renamed "Blauwe Map … " so it never clashes
with an installed Noto font. All are OFL 1.1 (Noto has no reserved font names).

Run once after changing the source fonts (needs fontTools, a dev dependency via matplotlib):
    .venv/bin/python scripts/build_pdf_fonts.py
The results are committed; the app never runs this.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
OUT = FONTS / "pdf"
# Latin, Latin-1, Latin Extended A/B, combining marks, general punctuation (incl. FSI/PDI),
# currency, letterlike symbols, arrows, math operators, geometric shapes (bullets, checkboxes).
LATIN = "U+0020-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2713-2717"
BUILDS = {
    # output file: (family name, script font, Latin font)
    "BlauweMapArabic-Regular.ttf": (
        "Blauwe Map Arabic",
        "NotoSansArabic-Regular.ttf",
        "NotoSans-Regular.ttf",
    ),
    "BlauweMapArabic-Bold.ttf": (
        "Blauwe Map Arabic",
        "NotoSansArabic-Bold.ttf",
        "NotoSans-Bold.ttf",
    ),
    "BlauweMapEthiopic-Regular.ttf": (
        "Blauwe Map Ethiopic",
        "NotoSansEthiopic-Regular.ttf",
        "NotoSans-Regular.ttf",
    ),
    "BlauweMapEthiopic-Bold.ttf": (
        "Blauwe Map Ethiopic",
        "NotoSansEthiopic-Bold.ttf",
        "NotoSans-Bold.ttf",
    ),
}


def latin_subset(source: Path, target: Path) -> None:
    subset.main(
        [
            str(source),
            f"--unicodes={LATIN}",
            "--layout-features=*",
            "--glyph-names",
            "--notdef-outline",
            "--name-IDs=*",
            f"--output-file={target}",
        ]
    )


def rename(font: TTFont, family: str, style: str) -> None:
    name = font["name"]
    full = f"{family} {style}"
    postscript = full.replace(" ", "")
    for record_id, value in (
        (1, family),
        (2, style),
        (3, f"BlauweMap:{postscript}"),
        (4, full),
        (6, postscript),
        (16, family),
        (17, style),
    ):
        name.setName(value, record_id, 3, 1, 0x409)
        name.setName(value, record_id, 1, 0, 0)
    name.setName(
        "Merged by Blauwe Map from Noto Sans and a Noto script font (SIL OFL 1.1).", 10, 3, 1, 0x409
    )


def build(out_name: str, family: str, script_file: str, latin_file: str) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        latin = Path(tmp) / "latin.ttf"
        latin_subset(FONTS / latin_file, latin)
        merger = Merger(
            options=Options(drop_tables=["DSIG", "STAT", "MVAR", "HVAR", "vhea", "vmtx"])
        )
        font = merger.merge(
            [str(FONTS / script_file), str(latin)]
        )  # script font wins shared codepoints
    rename(font, family, "Bold" if "Bold" in out_name else "Regular")
    OUT.mkdir(exist_ok=True)
    target = OUT / out_name
    font.save(target)
    return target


def main() -> int:
    for out_name, (family, script_file, latin_file) in BUILDS.items():
        path = build(out_name, family, script_file, latin_file)
        print(f"{path.relative_to(FONTS.parent.parent)}: {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
