"""The glossary of Dutch inburgering terms, explained in the person's language."""

from __future__ import annotations

from babel.messages import pofile

from core import glossary, i18n
from core.paths import LOCALES

REQUIRED = [
    "inburgering",
    "inburgeringsplicht",
    "inburgeringstermijn",
    "PIP",
    "brede intake",
    "leerbaarheidstoets",
    "leerroute",
    "B1-route",
    "onderwijsroute",
    "Z-route",
    "afschalen",
    "KNM",
    "MAP",
    "PVT",
    "participatieverklaring",
    "Voorinburgering",
    "blauwe map",
    "klantprofiel",
    "ontzorgen",
    "vrijstelling",
    "ontheffing",
    "verlenging",
    "DUO",
    "COA",
    "azc",
    "gemeente",
    "klantmanager",
    "vaste aanspreekpunt",
    "Blik op Werk",
    "urenverklaring",
    "taalschakeltraject",
    "beschikking",
    "bezwaar",
    "DigiD",
]


def test_every_required_term_is_explained():
    terms = {entry.term for entry in glossary.entries()}
    assert set(REQUIRED) <= terms
    assert glossary.find("PID").term == "blauwe map"
    assert glossary.find("Mijn Inburgering").term == "DigiD"


def test_entries_are_sorted_and_explained_in_english_by_default():
    items = glossary.entries()
    folded = [item.term.casefold() for item in items]
    assert folded == sorted(folded)
    pip = glossary.find("pip")
    assert pip is not None and "personal plan" in pip.explanation
    assert all(len(item.explanation) > 40 for item in items)


def test_explanations_are_in_the_catalogues():
    with (LOCALES / "messages.pot").open("rb") as fh:
        template = pofile.read_po(fh)
    for entry in glossary.GLOSSARY:
        assert template.get(entry.explanation_msgid) is not None, entry.term


def test_explanations_follow_the_active_language_and_keep_the_dutch_term():
    i18n.set_language("nl")
    pip = glossary.find("PIP")
    assert pip is not None and pip.term == "PIP"
    assert pip.explanation != pip.entry.explanation_msgid
    assert "persoonlijk plan" in pip.explanation.casefold()
    i18n.set_language("ar")
    termijn = glossary.find("inburgeringstermijn")
    assert termijn is not None and termijn.term == "inburgeringstermijn"
    assert any("\u0600" <= ch <= "\u06ff" for ch in termijn.explanation)
    assert "PIP" in termijn.explanation  # the Dutch term stays inside the translation
    i18n.set_language("ti")
    assert any("\u1200" <= ch <= "\u137f" for ch in glossary.find("KNM").explanation)


def test_search_ranks_terms_before_explanations():
    results = glossary.search("pip")
    assert results[0].term == "PIP"
    assert len(results) > 1  # other explanations mention the PIP
    assert [r.term for r in glossary.search("LBT")] == ["leerbaarheidstoets"]
    assert glossary.search("  ") == glossary.entries()
    assert glossary.search("nothing-matches-this") == []


def test_search_ignores_case_and_accents_and_finds_translated_text():
    assert glossary.search("BLIK OP")[0].term == "Blik op Werk"
    assert glossary.search("Voörinburgering")[0].term == "Voorinburgering"
    i18n.set_language("nl")
    assert "vrijstelling" in [r.term for r in glossary.search("diploma")]
    assert "DUO" in [r.term for r in glossary.search("examens")]
