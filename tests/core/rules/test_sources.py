"""Issue 15: every rule cites a public source; the research notes behind them ("seed 001 L1057")
stay in code comments and never reach the catalogue, the deadlines output or a document."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from core.export.sections import ALL_CODES
from core.rules import sources
from core.services import exports as ex
from core.services.deadlines import caseload_clocks
from tests.conftest import TODAY
from tests.core.export_support import pdf_pages

NOTE = re.compile(r"seed\s*\d|\bL\d{3,4}\b", re.IGNORECASE)
ROOT = Path(__file__).resolve().parents[3]


def test_the_cited_sources_name_nothing_internal():
    cited = [v for k, v in vars(sources).items() if k.isupper() and isinstance(v, str)]
    assert len(cited) >= 10
    for text in cited:
        assert not NOTE.search(text), text
        assert "ext " not in text


def test_the_catalogue_holds_no_research_notes():
    with (ROOT / "locales" / "messages.pot").open("rb") as fh:
        msgids = [str(m.id) for m in read_po(fh) if m.id]
    assert len(msgids) > 100
    assert [m for m in msgids if NOTE.search(m)] == []


def test_the_demos_deadlines_and_klantprofiel_json_cite_public_sources(store, demo_id, tmp_path):
    items = [c.as_json() for c in caseload_clocks(store, TODAY, dossier_id=demo_id)]
    text = json.dumps(items, ensure_ascii=False)
    assert items and not NOTE.search(text)
    assert all(i["source"] for i in items)
    path = tmp_path / "k.json"
    ex.export_dossier(store, demo_id, "json", path, sections=ALL_CODES, today=TODAY)
    assert not NOTE.search(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["pdf", "pid-pdf"])
def test_the_pdfs_hold_no_research_notes(store, demo_id, tmp_path, fmt):
    path = tmp_path / f"{fmt}.pdf"
    ex.export_dossier(store, demo_id, fmt, path, sections=ALL_CODES, lang="en", today=TODAY)
    text = "\n".join(pdf_pages(path))
    assert len(text) > 500
    assert re.findall(r"seed\s*\d", text, re.IGNORECASE) == []
