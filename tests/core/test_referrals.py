"""Referrals to partners (issue 18 part 4): stored through the core gate, in the JSON section
``verwijzingen``, and an export made for a referral holds only what the person agreed to share
with that partner and names the referral in the export log."""

from __future__ import annotations

import json

import pytest

from core import models as m
from core.errors import NotFoundError, ValidationError
from core.services import exports as ex
from core.services import records as rec
from core.services.dossiers import load_dossier
from tests.conftest import TODAY


def _referral(store, demo_id, partner_kind):
    person = load_dossier(store, demo_id)
    return next(r for r in person.referrals if r.partner_kind == partner_kind)


def test_the_demo_has_referrals_and_the_json_section_carries_them(store, demo_id, tmp_path):
    out = tmp_path / "all.json"
    ex.export_dossier(store, demo_id, "json", out, sections=("verwijzingen",), today=TODAY)
    rows = json.loads(out.read_text(encoding="utf-8"))["secties"]["verwijzingen"]["verwijzingen"]
    kinds = {r["partnerKind"] for r in rows}
    assert {"vluchtelingenwerk", "taalschool", "werkgeversservicepunt"} <= kinds
    school = next(r for r in rows if r["partnerKind"] == "taalschool")
    assert school["consentSections"] == ["identity", "pip", "exams"]


def test_referrals_are_sensitive_and_not_shared_by_default():
    assert "verwijzingen" not in ex.DEFAULT_CODES


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"partner": "GGZ Oost", "referred_on": "2099-01-01"}, "referred_on"),
        ({"partner": "GGZ Oost", "referred_on": "2026-01-01", "partner_kind": "x"}, "partner_kind"),
        ({"partner": "GGZ Oost", "referred_on": "2026-01-01", "consent_sections": "all"}, None),
        ({"partner": "GGZ", "referred_on": "2026-01-01", "consent_sections": ["Health!"]}, None),
        ({"partner": "GGZ", "referred_on": "2026-01-01", "consent_sections": ["healthx"]}, None),
        ({"referred_on": "2026-01-01"}, "partner"),
    ],
)
def test_bad_referrals_are_refused_and_nothing_is_written(store, demo_id, values, field):
    before = len(load_dossier(store, demo_id).referrals)
    with pytest.raises(ValidationError) as err:
        rec.add_record(store, demo_id, "referral", values)
    assert str(err.value)
    if field:
        assert field in err.value.errors
    else:
        assert "consent_sections" in err.value.errors
    assert len(load_dossier(store, demo_id).referrals) == before


def test_consent_sections_are_stored_in_the_canonical_order(store, demo_id):
    rid = rec.add_record(
        store,
        demo_id,
        "referral",
        {
            "partner": "GGZ Oost",
            "partner_kind": "ggz",
            "referred_on": "2026-10-01",
            "consent_sections": ["health", "identity"],
        },
    )
    stored = next(r for r in load_dossier(store, demo_id).referrals if r.id == rid)
    assert stored.consent_sections == ["identity", "health"]


def test_an_export_for_a_referral_stays_within_its_consent(store, demo_id, tmp_path):
    school = _referral(store, demo_id, "taalschool")
    logs_before = len(ex.export_log(store, demo_id))
    with pytest.raises(ValidationError) as err:
        ex.export_dossier(
            store,
            demo_id,
            "pdf",
            tmp_path / "too-much.pdf",
            sections=("identity", "health"),
            today=TODAY,
            referral_id=school.id,
        )
    assert "Taalcentrum Twente" in str(err.value)
    assert not (tmp_path / "too-much.pdf").exists()
    assert len(ex.export_log(store, demo_id)) == logs_before

    result = ex.export_dossier(
        store,
        demo_id,
        "pdf",
        tmp_path / "school.pdf",
        sections=("identity", "pip"),
        today=TODAY,
        referral_id=school.id,
    )
    log = next(e for e in ex.export_log(store, demo_id) if e.id == result.log_id)
    assert log.referral_id == school.id
    assert log.recipient == "Taalcentrum Twente"
    assert log.sections == ["identity", "pip"]


def test_an_export_for_another_dossiers_referral_is_refused(store, demo_id, tmp_path):
    with pytest.raises(NotFoundError):
        ex.export_dossier(
            store,
            demo_id,
            "json",
            tmp_path / "x.json",
            sections=("identity",),
            today=TODAY,
            referral_id=987654,
        )
    assert not (tmp_path / "x.json").exists()


def test_a_deleted_referral_leaves_its_export_log_entries(store, demo_id, tmp_path):
    wsp = _referral(store, demo_id, "werkgeversservicepunt")
    result = ex.export_dossier(
        store,
        demo_id,
        "json",
        tmp_path / "wsp.json",
        sections=("identity", "background"),
        today=TODAY,
        referral_id=wsp.id,
    )
    rec.delete_record(store, "referral", wsp.id)
    log = next(e for e in ex.export_log(store, demo_id) if e.id == result.log_id)
    assert log.referral_id is None
    assert isinstance(log, m.ExportLog)


def test_the_klantprofiel_pdf_names_each_referral_and_what_was_agreed(store, demo_id):
    import io

    from core.export import klantprofiel_pdf
    from tests.core.export_support import pdf_pages

    person = load_dossier(store, demo_id)
    buf = io.BytesIO()
    klantprofiel_pdf.render(person, buf, "nl", ("identity", "verwijzingen"), today=TODAY)
    text = "\n".join(pdf_pages(buf.getvalue()))
    assert "Verwijzingen naar partners en wat er is gedeeld" in text
    assert "Taalcentrum Twente ·" in text  # the partner titles its block
    assert "Toestemming om te delen" in text
    assert "Identiteit en contactgegevens, Contacten en gesprekken" in text  # titles, not codes


def test_an_imported_referral_with_an_unknown_section_is_refused(store, demo_id, tmp_path):
    from core.errors import ImportFileError

    out = tmp_path / "all.json"
    ex.export_dossier(
        store, demo_id, "json", out, sections=("identity", "verwijzingen"), today=TODAY
    )
    content = json.loads(out.read_text(encoding="utf-8"))
    content["secties"]["verwijzingen"]["verwijzingen"][0]["consentSections"] = ["gezondheid"]
    from core.export import json_io

    with pytest.raises(ImportFileError) as err:
        ex.preview_import(store, json_io.dumps(content))
    assert "gezondheid" in str(err.value)
