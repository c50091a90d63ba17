"""The bilingual CV (core/export/cv_pdf.py) and ``export --format cv-pdf``."""

from __future__ import annotations

import io
import re

import pytest

from core import models as m
from core.export import cv_pdf
from core.export.sections import ALL_CODES, DEFAULT_CODES
from core.services import exports as ex
from core.services import records as rec
from core.services.dossiers import create_dossier, load_dossier
from tests.conftest import TODAY
from tests.core.export_support import ARABIC, ETHIOPIC, logical_arabic, pdf_pages
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)


def _cv(person, lang: str, sections=DEFAULT_CODES) -> tuple[bytes, list[str]]:
    buf = io.BytesIO()
    cv_pdf.render(person, buf, lang, sections, today=TODAY)
    data = buf.getvalue()
    assert data.startswith(b"%PDF-")
    return data, pdf_pages(data)


def _flat(pages: list[str]) -> str:
    return " ".join("\n".join(pages).split())


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_the_demo_cv_has_dutch_beside_the_persons_language(store, demo_id, lang):
    person = load_dossier(store, demo_id)
    _data, pages = _cv(person, lang)
    assert 1 <= len(pages) <= 2  # a realistic CV: one or two pages
    text = _flat(pages)
    # The Dutch half, with the labels of the field declarations and the enum labels.
    for dutch in (
        "Curriculum vitae",
        "Amanuel Tesfay Gebremedhin",
        "Woonplaats: Enschede",
        "Telefoon: 06 12345678",
        "Werkervaring",
        "Vrijwilligerswerk",
        "Opleiding",
        "Trainingen en cursussen",
        "Talen",
        "Vaardigheden",
        "Rijbewijs",
        "Diplomawaardering (IDW): Ontvangen — mbo-2",
        "Nederlands — Spreken (SP) B1",
        "jan 2013 – jun 2018",
        "Asmara Technical School, Eritrea",
        "VCA Basis (safety at work)",
    ):
        assert dutch in text, dutch
    if lang == "nl":
        assert "Work experience" in text and "Volunteer work" in text  # the English half
    elif lang == "ar":
        assert len(ARABIC.findall(text)) > 150
        logical = logical_arabic(text)
        for arabic in ("الخبرة العملية", "العمل التطوعي", "السيرة الذاتية", "منذ"):
            assert arabic in logical, arabic
    else:
        assert len(ETHIOPIC.findall(text)) > 100
        for tigrinya in ("ተመክሮ ስራሕ", "ወለንታዊ ስራሕ", "ስልጠናታትን ኮርሳትን", "መንጃ ፍቓድ", "ትግርኛ"):
            assert tigrinya in text, tigrinya


def test_a_cv_holds_no_bsn_v_number_birth_date_or_nationality(store, demo_id):
    person = load_dossier(store, demo_id)
    _data, pages = _cv(person, "nl", ALL_CODES)
    text = _flat(pages)
    assert person.bsn and person.bsn not in text and "BSN" not in text
    assert person.v_nummer and person.v_nummer not in text
    assert "1994" not in text and "Geboortedatum" not in text
    assert "Eritrese" not in text and "Nationaliteit" not in text
    assert "wife" not in text  # the household (family, sensitive) stays out


def test_volunteering_is_its_own_section_after_paid_work_newest_first(store, demo_id):
    person = load_dossier(store, demo_id)
    _data, pages = _cv(person, "nl")
    text = _flat(pages)
    work, volunteering, school = (
        text.index("Werkervaring"),
        text.index("Vrijwilligerswerk"),
        text.index("Opleiding"),
    )
    assert work < volunteering < school
    paid = text[work:volunteering]
    assert "Voedselbank" not in paid and "Repair Café" not in paid
    assert "Voedselbank Enschede" in text[volunteering:school]
    # newest first: Sudan (2019–2021) before the own business (2013–2018) before 2010–2012
    assert (
        paid.index("Workshop Al-Amal") < paid.index("Own business") < paid.index("Tesfay Electric")
    )
    # the Repair Café (6 months) is newer than the food bank (10 months), both still going on
    assert text.index("Repair Café") < text.index("Voedselbank Enschede")
    assert "sinds " in text[volunteering:school]


def test_what_the_person_did_not_agree_to_share_stays_out(store, demo_id):
    person = load_dossier(store, demo_id)
    _data, pages = _cv(person, "nl", ("identity",))
    text = _flat(pages)
    assert "Telefoon: 06 12345678" in text and "Talen" in text
    assert "Werkervaring" not in text and "Opleiding" not in text and "Vaardigheden" not in text
    _data, pages = _cv(person, "nl", ("background",))
    text = _flat(pages)
    assert "Werkervaring" in text and "06 12345678" not in text


def test_an_empty_dossier_gives_one_page_that_says_what_to_fill_in(store):
    empty = int(create_dossier(store, {"given_names": "Sara", "family_name": "Haile"}))
    person = load_dossier(store, empty)
    _data, pages = _cv(person, "ar")
    assert len(pages) == 1
    text = _flat(pages)
    assert "Sara Haile" in text
    assert "Er staat nog niets voor een cv in dit dossier" in text
    assert "Werkervaring" not in text and "Talen" not in text
    assert ARABIC.search(text)


def test_a_long_description_goes_on_over_pages(store, demo_id):
    long = " ".join(
        f"Installed and tested circuit {i} in a new school building." for i in range(300)
    )
    rec.add_record(
        store,
        demo_id,
        "work",
        {"role": "Electrician", "employer": "Bouwbedrijf Twente", "description": long},
    )
    person = load_dossier(store, demo_id)
    _data, pages = _cv(person, "ti")
    assert len(pages) >= 3
    text = _flat(pages)
    assert "circuit 0 " in text and "circuit 299 " in text


def test_export_cv_pdf_on_the_command_line_is_logged(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    code, _out, _err = run(capsys, *base, "demo", "--today", "2026-11-23")
    assert code == 0
    out = tmp_path / "cv.pdf"
    args = ["export", "--dossier", "1", "--format", "cv-pdf", "--today", "2026-11-23"]
    code, stdout, err = run(capsys, *base, *args, "--out", str(out))
    assert code == 0, err
    assert "SHA-256" in stdout
    text = _flat(pdf_pages(str(out)))
    assert ETHIOPIC.search(text)  # the person's own language by default (Tigrinya)
    assert "Werkervaring" in text and "111222333" not in text
    # for a referral: held to its consent, logged with it
    code, _out, err = run(
        capsys, *base, *args, "--out", str(tmp_path / "bad.pdf"), "--referral", "3"
    )
    assert code == 2 and "did not agree to share" in err
    assert not (tmp_path / "bad.pdf").exists()
    code, _out, err = run(
        capsys,
        *base,
        *args,
        "--out",
        str(tmp_path / "wsp.pdf"),
        "--lang",
        "ar",
        "--referral",
        "3",
        "--sections",
        "identity,background,azc,exams",
    )
    assert code == 0, err
    assert ARABIC.search(_flat(pdf_pages(str(tmp_path / "wsp.pdf"))))
    code, _out, err = run(capsys, *base, *args, "--out", str(tmp_path / "x.pdf"), "--lang", "xx")
    assert code == 2 and "Unknown language code" in err
    code, _out, err = run(capsys, *base, *args, "--out", str(tmp_path / "y.pdf"), "--sections", ",")
    assert code == 2 and "at least one section" in err


def test_the_cv_export_log_entry(store, demo_id, tmp_path):
    person = load_dossier(store, demo_id)
    wsp = next(r for r in person.referrals if r.partner_kind == "werkgeversservicepunt")
    result = ex.export_dossier(
        store,
        demo_id,
        "cv-pdf",
        tmp_path / "cv.pdf",
        sections=("identity", "background"),
        lang="ar",
        today=TODAY,
        referral_id=wsp.id,
    )
    log = next(e for e in ex.export_log(store, demo_id) if e.id == result.log_id)
    assert isinstance(log, m.ExportLog)
    assert log.kind == "cv_pdf" and log.referral_id == wsp.id
    assert log.recipient == "UWV Werkgeversservicepunt Twente"
    assert log.sections == ["identity", "background"]
    assert re.fullmatch("[0-9a-f]{64}", log.sha256)
    printed = ex.print_document(
        store,
        demo_id,
        "cv-pdf",
        sections=("identity",),
        lang="ti",
        today=TODAY,
        referral_id=wsp.id,
    )
    assert printed.startswith(b"%PDF-")
    assert ex.export_log(store, demo_id)[-1].referral_id == wsp.id


@pytest.mark.parametrize("lang", ["fa", "fa_AF", "uk", "tr", "so", "en"])
def test_the_cv_renders_in_the_other_languages(store, demo_id, lang):
    from core.i18n import shipped_codes

    assert lang in shipped_codes()
    person = load_dossier(store, demo_id)
    _data, pages = _cv(person, lang)
    text = _flat(pages)
    assert 1 <= len(pages) <= 2 and "Werkervaring" in text
    if lang in ("fa", "fa_AF"):
        assert len(ARABIC.findall(text)) > 150
    elif lang == "uk":
        assert "Досвід роботи" in text
    elif lang == "tr":
        assert "İş deneyimi" in text and "Sürücü belgesi" in text
    elif lang == "so":
        assert "Khibrad shaqo" in text
    else:
        assert "Work experience" in text


def test_a_printout_for_a_referral_is_held_to_its_consent(store, demo_id):
    from core.errors import ValidationError

    person = load_dossier(store, demo_id)
    wsp = next(r for r in person.referrals if r.partner_kind == "werkgeversservicepunt")
    before = len(ex.export_log(store, demo_id))
    with pytest.raises(ValidationError):
        ex.print_document(
            store,
            demo_id,
            "cv-pdf",
            sections=("identity", "health"),
            recipient="Someone else",
            today=TODAY,
            referral_id=wsp.id,
        )
    assert len(ex.export_log(store, demo_id)) == before
