"""Helpers shared by the export and import tests."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pdfplumber
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
    """pdfplumber gives each shaped Arabic word as presentation forms (ligatures included) with
    its letters in visual order: reverse the letters of Arabic words, then undo the forms."""
    words = []
    for word in text.split():
        words.append(unicodedata.normalize("NFKC", word[::-1] if ARABIC.search(word) else word))
    return " ".join(words)


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
