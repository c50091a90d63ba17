"""The intake's consent per topic is honoured by every export that carries intake topics: a
topic whose "the person agrees to share this" is No is in no file, and the CLI says what was
left out."""

from __future__ import annotations

import io
import json

from core.export import klantprofiel_pdf
from core.export.pdf_common import DocLang
from core.export.pdf_content import TOPIC_TITLES
from core.export.sections import ALL_CODES, withheld_topics
from core.services import exports as ex
from core.services.dossiers import load_dossier
from tests.conftest import TODAY
from tests.core.export_support import pdf_pages
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)


def test_no_export_holds_a_topic_the_person_did_not_agree_to_share(store, demo_id, tmp_path):
    person = load_dossier(store, demo_id)
    withheld = {t.topic for t in person.intake_topics if not t.share_consent}
    shared = {t.topic for t in person.intake_topics if t.share_consent}
    assert withheld and shared  # the demo has both
    assert {t.topic for t in withheld_topics(person, ALL_CODES)} == withheld

    out = tmp_path / "all.json"
    ex.export_dossier(store, demo_id, "json", out, sections=ALL_CODES, today=TODAY)
    content = json.loads(out.read_text(encoding="utf-8"))
    topics = [t for s in content["secties"].values() for t in s.get("bredeIntake", [])]
    assert {t["topic"] for t in topics} == shared
    assert all(t["shareConsent"] is True for t in topics)

    buf = io.BytesIO()
    klantprofiel_pdf.render(person, buf, "nl", ALL_CODES, today=TODAY)
    text = "\n".join(pdf_pages(buf.getvalue()))
    doc = DocLang("nl")
    for topic in withheld:
        assert doc.gettext(TOPIC_TITLES[topic]) not in text, topic
    for topic in shared:
        assert doc.gettext(TOPIC_TITLES[topic]) in text, topic


def test_the_cli_names_what_it_left_out_for_lack_of_consent(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    assert run(capsys, *base, "demo", "--today", "2026-11-23")[0] == 0
    code, _out, err = run(
        capsys,
        *base,
        "export",
        "--dossier",
        "1",
        "--format",
        "json",
        "--sections",
        "intake,health",
        "--out",
        str(tmp_path / "h.json"),
    )
    assert code == 0, err
    assert "Left out: 2 brede-intake topics the person did not agree to share" in err
    assert "Physical health" in err and "Mental health" in err
