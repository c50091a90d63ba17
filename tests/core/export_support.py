"""Helpers shared by the export and import tests."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pdfplumber
from bidi import algorithm
from sqlalchemy import func, select, text

from core import models as m
from core.models.base import Base

ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
ETHIOPIC = re.compile("[\u1200-\u139f]")


def pdf_pages(data_or_path) -> list[str]:
    import io

    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    with pdfplumber.open(source) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def logical_arabic(text: str) -> str:
    """pdfplumber reads each line left to right, as it is drawn: Arabic lines in visual order,
    shaped letters as presentation forms (ligatures included). Each line with Arabic is put
    back in reading order by the bidirectional algorithm (reordering is its own inverse for
    such lines: runs reversed, Arabic letters reversed, brackets mirrored back), then the
    forms are undone; the words are joined by single spaces."""
    lines = []
    for line in text.splitlines():
        if ARABIC.search(line):
            # a ligature glyph stands for its letters in visual order, right to left
            line = "".join(
                form[::-1] if len(form) > 1 and ARABIC.search(form) else form
                for form in (unicodedata.normalize("NFKC", ch) for ch in line)
            )
            line = algorithm.get_display(line, base_dir="R")
        lines.append(unicodedata.normalize("NFKC", line))
    return " ".join(" ".join(lines).split())


def db_fingerprint(store) -> tuple[dict[str, int], str]:
    """Row counts per table and a hash of every row (to prove nothing was written)."""
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    with store.read() as session:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = session.execute(
                select(func.count()).select_from(table)
            ).scalar_one()
            for row in session.execute(text(f'SELECT * FROM "{table.name}" ORDER BY 1')):
                digest.update(repr(tuple(row)).encode())
    return counts, digest.hexdigest()


__all__ = ["ARABIC", "ETHIOPIC", "db_fingerprint", "logical_arabic", "m", "pdf_pages"]
