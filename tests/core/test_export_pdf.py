"""PDF printouts, checked by their extracted text: summary dates, both PIP languages, scripts."""

from __future__ import annotations

import io
import re

import pytest
from babel import Locale

from core.domain.facts import dossier_facts
from core.errors import ValidationError
from core.export import klantprofiel_pdf, pid_pdf, pip_pdf
from core.export.pdf_common import ARABIC as ARABIC_FONT
from core.export.pdf_common import LATIN, DocLang, runs, split_runs
from core.export.pdf_content import TOPIC_TITLES
from core.export.sections import ALL_CODES, DEFAULT_CODES
from core.i18n import format_date
from core.models.enums import RecordSource
from core.rules.clocks import all_clocks
from core.services.dossiers import load_dossier, update_person
from tests.conftest import TODAY
from tests.core.export_support import ARABIC, ETHIOPIC, logical_arabic, pdf_pages


def klantprofiel(person, lang="nl", sections=ALL_CODES) -> list[str]:
    buf = io.BytesIO()
    klantprofiel_pdf.render(person, buf, lang, sections, today=TODAY)
    return pdf_pages(buf.getvalue())


def test_summary_page_holds_every_clock_date(store, demo_id):
    person = load_dossier(store, demo_id)
    pages = klantprofiel(person, "nl")
    first = pages[0]
    nl = Locale.parse("nl")
    clocks = [c for c in all_clocks(dossier_facts(person), TODAY) if c.date is not None]
    assert len(clocks) > 10
    for clock in clocks:
        assert format_date(clock.date, locale=nl) in first, clock.kind
    assert "23 nov. 2028" in first or "23 nov 2028" in first  # end of the termijn
    assert "Amanuel Tesfay Gebremedhin" in first
    assert "111222333" in first
    assert "B1-route" in first and "SC A2" in first
    assert "M. de Vries" in first  # the vaste aanspreekpunt
    assert "Works hard, learns best with pictures" in first  # note for the next teacher
    doc = DocLang("nl")
    assert doc.hours(24) in first and doc.hours(40) in first  # MAP practical hours against the norm
    assert doc.gettext(TOPIC_TITLES["digitale_vaardigheden"]) in first  # needs attention
    # Mental health needs attention too, but the person did not agree to share it.
    assert doc.gettext(TOPIC_TITLES["mentale_gezondheid"]) not in "\n".join(pages)
    assert len(pages) > 2
    details = "\n".join(pages[1:])
    assert (
        doc.gettext("Source: {source}, {date}").split("{")[0] + doc.label(RecordSource, "coa")
        in details
    )
    assert "M. de Vries (klantmanager)" in details  # author of intake notes


def test_consent_keeps_sensitive_sections_out_of_the_pdf(store, demo_id):
    person = load_dossier(store, demo_id)
    text = "\n".join(klantprofiel(person, "nl", DEFAULT_CODES))
    assert "Married; wife and two children" not in text
    assert "No limitations reported" not in text
    assert "Works hard" in text


def test_summary_is_one_page_even_for_a_big_dossier(store, demo_id):
    person = load_dossier(store, demo_id)
    pages = klantprofiel(person, "en")
    doc = DocLang("en")
    assert "Clocks and deadlines" in pages[0]
    assert "Note for the next teacher" in pages[0]
    assert doc.gettext("Details per section") not in pages[0] and "Details per section" in pages[1]


def test_arabic_text_comes_out_as_arabic_unicode(store, demo_id):
    update_person(store, demo_id, {"note_next_teacher": "يتعلم بسرعة ويحب العمل"})
    person = load_dossier(store, demo_id)
    first = klantprofiel(person, "ar")[0]
    assert ARABIC.search(first)
    assert "يتعلم بسرعة ويحب العمل" in logical_arabic(first)


def test_tigrinya_pdf_has_ethiopic_dates(store, demo_id):
    person = load_dossier(store, demo_id)
    first = klantprofiel(person, "ti")[0]
    assert ETHIOPIC.search(first)
    assert "111222333" in first


def test_pip_is_bilingual_with_rights_and_signatures(store, demo_id):
    person = load_dossier(store, demo_id)
    buf = io.BytesIO()
    pip_pdf.render(person, buf, "ar", today=TODAY)
    text = "\n".join(pdf_pages(buf.getvalue()))
    # Dutch side: Babel's Dutch month names; Arabic side: Arabic month names, as real letters.
    assert "23 juli 2026" in text  # dagtekening of version 2
    assert ARABIC.search(text)
    assert "يوليو" in logical_arabic(text)
    assert "16 hours of Dutch a week" in text  # the PIP's own wording, on both sides
    assert text.count("16 hours of Dutch a week") >= 2
    assert "bezwaar" in text.lower() and "beroep" in text.lower()
    for side in (DocLang("nl"), DocLang("ar")):
        assert side.gettext(pip_pdf.GOVERNING["nl"]) in text.replace("\n", " ") or ARABIC.search(
            side.gettext(pip_pdf.GOVERNING["nl"])
        )
    assert "Register for the KNM exam" in text  # an agreement
    assert DocLang("nl").gettext("Signature") in text and "gemeente" in text


def test_pip_governing_text_is_configurable(store, demo_id):
    person = load_dossier(store, demo_id)
    buf = io.BytesIO()
    pip_pdf.render(person, buf, "ti", today=TODAY, governing="both")
    text = "\n".join(pdf_pages(buf.getvalue()))
    flat = text.replace("\n", " ")
    nl = DocLang("nl")
    assert nl.gettext(pip_pdf.GOVERNING["both"])[:25] in flat
    assert nl.gettext(pip_pdf.GOVERNING["nl"])[:25] not in flat
    assert ETHIOPIC.search(text)
    with pytest.raises(ValidationError):
        pip_pdf.render(person, io.BytesIO(), "ti", today=TODAY, governing="neither")


def test_pid_in_the_preferred_language_with_next_steps(store, demo_id):
    person = load_dossier(store, demo_id)
    buf = io.BytesIO()
    pid_pdf.render(person, buf, None, DEFAULT_CODES, today=TODAY)  # preferred: ti
    pages = pdf_pages(buf.getvalue())
    assert ETHIOPIC.search(pages[0])
    assert "Register for the KNM exam" in pages[0]
    assert "Fietsles" in "\n".join(pages[1:])  # a training from the blauwe map


def test_text_runs_get_the_font_of_their_script():
    parts = split_runs("Amanuel يتعلم 12")
    assert [p[0] for p in parts] == [LATIN, ARABIC_FONT]
    assert "BlauweMapEthiopic" in runs("ሰላም Amanuel")
    # The Arabic PDF font carries Latin too: a Latin name inside Arabic stays in one run, so
    # ReportLab orders the words of the right-to-left paragraph itself.
    assert split_runs("مرحبا Amanuel 12", ARABIC_FONT) == [(ARABIC_FONT, "مرحبا Amanuel 12")]
    mixed = runs("ሰላም مرحبا", ARABIC_FONT, rtl=True)
    # runs stay in reading order: each line is put in visual order when it is drawn
    assert mixed.index("ሰላም") < mixed.index("مرحبا")


def test_pip_sides_are_in_their_own_languages(store, demo_id):
    """Each side takes its heading from its own catalogue (Dutch left, Arabic/Tigrinya right)."""
    person = load_dossier(store, demo_id)
    heading = "Your rights: objection and appeal"
    for lang in ("ar", "ti"):
        buf = io.BytesIO()
        pip_pdf.render(person, buf, lang, today=TODAY)
        text = "\n".join(pdf_pages(buf.getvalue()))
        assert DocLang("nl").gettext(heading) in text
        other = DocLang(lang).gettext(heading)
        if lang == "ti":
            assert other in text
            assert ETHIOPIC.search(other) or other == heading
        else:
            assert other in logical_arabic(text) or other == heading


def test_a_long_summary_splits_across_pages_in_every_pdf(store, demo_id):
    """7,200 characters are accepted at the gate; every PDF carries them over several pages
    instead of failing with ReportLab's LayoutError (one table cell taller than a page)."""
    from core.services.records import update_record

    words = " ".join(f"word{i}" for i in range(1200))[:7190] + " THE-END"
    person = load_dossier(store, demo_id)
    update_record(store, "conversation", person.conversations[0].id, {"summary": words})
    update_record(store, "afspraak", person.afspraken[0].id, {"text": words})
    person = load_dossier(store, demo_id)
    for lang in ("nl", "ar", "ti"):
        pages = klantprofiel(person, lang)
        assert "THE-END" in "\n".join(pages)
        buf = io.BytesIO()
        pip_pdf.render(person, buf, lang, today=TODAY)
        assert "THE-END" in "\n".join(pdf_pages(buf.getvalue()))
        buf = io.BytesIO()
        pid_pdf.render(person, buf, lang, today=TODAY)
        assert pdf_pages(buf.getvalue())


def test_invisible_characters_in_a_name_never_reach_a_pdf(store, demo_id):
    """Removed at the gate; and one stored before it is left out of the printout."""
    update_person(store, demo_id, {"given_names": "\ufeffAmanuel\u200b"})
    assert load_dossier(store, demo_id).given_names == "Amanuel"
    person = load_dossier(store, demo_id)
    person.given_names = "\ufeffAmanuel"  # as a database from before the gate may hold it
    for lang in ("nl", "ar", "ti"):
        text = "\n".join(klantprofiel(person, lang, DEFAULT_CODES))
        assert "Amanuel Tesfay" in text
        assert not re.search("[\ufeff\u200b]", text)  # no stray glyph


def test_before_any_pip_page_one_shows_the_azc_phase_first(store, demo_id):
    import datetime as dt

    from core.services import records as rec
    from core.services.dossiers import create_dossier

    pid = create_dossier(
        store,
        {
            "given_names": "Sara",
            "family_name": "Haile",
            "regime": "Wi2021",
            "doelgroep": "Asielstatushouder",
        },
    )
    rec.set_section(
        store,
        pid,
        "azc",
        {
            "vergunning_date": dt.date(2026, 6, 1),
            "koppeling_date": dt.date(2026, 6, 12),
            "koppeling_gemeente": "Zwolle",
        },
    )
    rec.set_section(
        store, pid, "voorinburgering", {"toestemming": "ja", "nt2_hours": 40, "knm_hours": 15}
    )
    rec.add_record(store, pid, "coa_location", {"name": "Azc Zutphen", "place": "Zutphen"})
    first = klantprofiel(load_dossier(store, pid), "nl", DEFAULT_CODES)[0]
    doc = DocLang("nl")
    assert doc.gettext("Azc phase and Voorinburgering") in first
    assert "12 jun 2026" in first and "Zwolle" in first and "Azc Zutphen, Zutphen" in first
    assert f"{doc.hours(40)} / {doc.hours(115)}" in first  # NT2 hours against the norm
    # With a PIP the leerroute and its clocks lead page one instead.
    demo_first = klantprofiel(load_dossier(store, demo_id), "nl", DEFAULT_CODES)[0]
    assert f"/ {doc.hours(115)}" not in demo_first
