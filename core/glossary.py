"""The Dutch words of inburgering that a person has to learn, explained in their own language.

The term itself stays Dutch everywhere (it is what letters, websites and consultants use); the
explanation is an English msgid marked with ``N_()`` and translated through the catalogues like
every other string. Facts follow DOMAIN.md §2-§11. The GUI opens this list from every screen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from core.i18n import N_, _


@dataclass(frozen=True)
class GlossaryEntry:
    term: str  # Dutch, never translated
    explanation_msgid: str  # English msgid, translated at display time
    aliases: tuple[str, ...] = ()  # other spellings or abbreviations to find it by

    @property
    def explanation(self) -> str:
        return _(self.explanation_msgid)


@dataclass(frozen=True)
class ExplainedTerm:
    """One glossary line in the active language."""

    term: str
    explanation: str
    entry: GlossaryEntry


def _e(term: str, explanation: str, *aliases: str) -> GlossaryEntry:
    return GlossaryEntry(term, explanation, aliases)


GLOSSARY: tuple[GlossaryEntry, ...] = (
    # Translators: the glossary explains Dutch terms in plain, short sentences. Keep the Dutch
    # terms (PIP, leerroute, MAP, KNM, gemeente…) in Dutch; add a short word in your language
    # where it helps.
    _e(
        "inburgering",
        N_(
            "Learning Dutch and learning how life in the Netherlands works, so that you can take part. The law for this is the Wet inburgering 2021."
        ),
    ),
    _e(
        "inburgeringsplicht",
        N_(
            "The legal duty to do the inburgering. DUO decides who has this duty and checks that it is met."
        ),
        "inburgeringsplichtig",
    ),
    _e(
        "inburgeringstermijn",
        N_(
            "The time you have to finish your inburgering: 3 years, usually counted from the date of your PIP. DUO can extend it."
        ),
        "termijn",
    ),
    _e(
        "PIP",
        N_(
            "Persoonlijk Plan Inburgering en Participatie: your personal plan. The gemeente makes it with you after the brede intake. It states your leerroute, your level and your activities. It is a formal decision (beschikking)."
        ),
        "Persoonlijk Plan Inburgering en Participatie",
    ),
    _e(
        "brede intake",
        N_(
            "Conversations with the gemeente about your education, work, health, family and wishes, including the leerbaarheidstoets. Your PIP is based on them. Taking part is compulsory."
        ),
        "intake",
    ),
    _e(
        "leerbaarheidstoets",
        N_(
            "A test from DUO that shows whether the B1-route is possible for you within 3 years. It does not measure how much Dutch you know."
        ),
        "LBT",
    ),
    _e(
        "leerroute",
        N_(
            "The way you do your inburgering: the B1-route, the onderwijsroute or the Z-route. The gemeente decides it with you and writes it in your PIP."
        ),
    ),
    _e(
        "B1-route",
        N_(
            "Leerroute to Dutch at level B1. You take exams in reading, listening, writing, speaking and KNM, and you do the MAP and the PVT."
        ),
    ),
    _e(
        "onderwijsroute",
        N_(
            "Leerroute for people who want to study at an mbo, hbo or university. You follow a full-time taalschakeltraject and the PVT."
        ),
    ),
    _e(
        "Z-route",
        N_(
            "Zelfredzaamheidsroute (self-reliance route), for people for whom learning Dutch is very hard. You follow at least 800 hours of Dutch and KNM lessons and take part in activities. It ends with a final conversation with the gemeente."
        ),
        "zelfredzaamheidsroute",
    ),
    _e(
        "afschalen",
        N_(
            "Lowering the required level of one language skill from B1 to A2, when B1 turns out to be too hard. Only in the B1-route."
        ),
    ),
    _e(
        "KNM",
        N_(
            "Kennis van de Nederlandse Maatschappij: knowledge of Dutch society, such as work, housing, health, education and the law. In the B1-route and the onderwijsroute you take an exam."
        ),
        "Kennis van de Nederlandse Maatschappij",
    ),
    _e(
        "MAP",
        N_(
            "Module Arbeidsmarkt en Participatie: you learn about work in the Netherlands and about your own chances. It has at least 40 practical hours and ends with a final conversation (eindgesprek)."
        ),
        "Module Arbeidsmarkt en Participatie",
    ),
    _e(
        "PVT",
        N_(
            "Participatieverklaringstraject: you learn about the core values of the Netherlands, such as freedom and equality. It takes at least 12 hours and ends with signing the participatieverklaring."
        ),
        "participatieverklaringstraject",
    ),
    _e(
        "participatieverklaring",
        N_(
            "A statement that you sign at the end of the PVT. With it you say that you know and respect the core values of Dutch society."
        ),
    ),
    _e(
        "Voorinburgering",
        N_(
            "A free, voluntary programme of COA while you still live in the azc: Dutch lessons, KNM and a first introduction to the MAP and the PVT."
        ),
    ),
    _e(
        "blauwe map",
        N_(
            "The blue folder (PID, Persoonlijk Informatiedossier) that COA gives you, to keep your courses, certificates and skills together. This app is a digital blue folder."
        ),
        "PID",
        "Persoonlijk Informatiedossier",
    ),
    _e(
        "klantprofiel",
        N_(
            "A profile that COA makes about you and sends to the gemeente: your education, work experience, Dutch level and Voorinburgering."
        ),
    ),
    _e(
        "ontzorgen",
        N_(
            "For at least 6 months the gemeente pays your rent, energy and health insurance from your benefit (bijstand), so that you can focus on learning."
        ),
        "financieel ontzorgen",
    ),
    _e(
        "vrijstelling",
        N_(
            "Exemption: you do not have to do the inburgering, or not all of it, for example because you already have a Dutch diploma or already speak Dutch well."
        ),
    ),
    _e(
        "ontheffing",
        N_(
            "Release from the duty because it cannot reasonably be asked of you, for example because of a lasting illness or disability. DUO decides."
        ),
    ),
    _e(
        "verlenging",
        N_(
            "Extension of your inburgeringstermijn by DUO, for example when the delay is not your fault. You can ask for it yourself."
        ),
    ),
    _e(
        "DUO",
        N_(
            "Dienst Uitvoering Onderwijs: the government agency that runs the exams, checks your inburgeringsplicht and can give fines. Website: inburgeren.nl."
        ),
        "Dienst Uitvoering Onderwijs",
    ),
    _e(
        "COA",
        N_(
            "Centraal Orgaan opvang asielzoekers: the agency that runs the azc and the Voorinburgering."
        ),
        "Centraal Orgaan opvang asielzoekers",
    ),
    _e(
        "azc",
        N_("Asielzoekerscentrum: the centre where asylum seekers live until they get a home."),
        "asielzoekerscentrum",
    ),
    _e(
        "gemeente",
        N_(
            "The municipality where you live. It makes your PIP with you, arranges your lessons and guides you."
        ),
        "municipality",
    ),
    _e(
        "klantmanager",
        N_(
            "Your contact person for inburgering at the gemeente. The title can differ, for example consulent or regievoerder."
        ),
        "consulent",
        "regievoerder",
    ),
    _e(
        "vaste aanspreekpunt",
        N_("Your fixed contact person: the one person you can always go to with your questions."),
    ),
    _e(
        "Blik op Werk",
        N_(
            "The quality mark (keurmerk) for language schools. Choose a school with this mark, so that your lessons count for the inburgering."
        ),
        "keurmerk",
    ),
    _e(
        "urenverklaring",
        N_(
            "A statement from your school of how many hours of lessons you followed. Keep it: DUO or the gemeente may ask for it."
        ),
    ),
    _e(
        "taalschakeltraject",
        N_(
            "A full-time course in the onderwijsroute that prepares you for studying in Dutch, with Dutch, maths, English and study skills."
        ),
    ),
    _e(
        "beschikking",
        N_(
            "A formal written decision of the government, such as your PIP. You can object to it (bezwaar)."
        ),
    ),
    _e(
        "bezwaar",
        N_(
            "A formal objection to a decision (beschikking). Send it in writing to the organisation that made the decision. The letter says how much time you have."
        ),
        "bezwaarschrift",
        "beroep",
    ),
    # Enforcement as practised now (DOMAIN.md, "DUO fines / RvS" and "Gemeente fines"): DUO's
    # fine for a culpable overrun of the termijn (Wet inburgering 2021); after the Raad van State's
    # ruling of 9 July 2025 (raadvanstate.nl, on late completion by asielstatushouders) DUO fines no
    # Wi2021 asielstatushouders for that; the gemeente's fine for not cooperating without a valid
    # reason, after a warning (seed 001 L4218-4293).
    _e(
        "boete",
        N_(
            "A fine. DUO can fine you if you do not finish the inburgering in time and it is your own fault; since a court ruling of July 2025 DUO does not fine asielstatushouders under the Wet inburgering 2021 for this. The gemeente can fine you if you do not take part (intake, lessons, PIP activities) without a good reason, usually after a warning. You can object to a fine (bezwaar)."
        ),
        "bestuurlijke boete",
    ),
    _e(
        "handhaving",
        N_(
            "What the gemeente and DUO do when someone does not meet the inburgering rules: first a talk or a warning, sometimes a fine (boete). A good reason, such as illness with a doctor's letter, counts."
        ),
        "vooraankondiging",
    ),
    _e(
        "DigiD",
        N_(
            "Your personal login for Dutch government websites. With DigiD you log in to Mijn Inburgering, the website of DUO where you see your deadlines and register for exams."
        ),
        "Mijn Inburgering",
    ),
    _e(
        "maatschappelijke begeleiding",
        N_(
            "Practical help when you start living in the gemeente, for example with registration, allowances, insurance and school. Often given by VluchtelingenWerk."
        ),
    ),
    _e(
        "eindgesprek",
        N_(
            "A final conversation that closes the MAP or the Z-route. You talk about what you have learned and what you want to do next."
        ),
    ),
    _e(
        "A1, A2, B1, B2",
        N_(
            "Language levels, from beginner (A1) to independent (B2). With B1 you can manage in simple Dutch in daily life and at work."
        ),
        "A1",
        "A2",
        "B1",
        "B2",
        "taalniveau",
    ),
)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for searching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _explain(entry: GlossaryEntry) -> ExplainedTerm:
    return ExplainedTerm(entry.term, entry.explanation, entry)


def entries() -> list[ExplainedTerm]:
    """Every term, alphabetically, with its explanation in the active language."""
    return [_explain(e) for e in sorted(GLOSSARY, key=lambda e: _fold(e.term))]


def find(term: str) -> ExplainedTerm | None:
    """The entry for a term or one of its aliases (exact, ignoring case), e.g. for a "?" link."""
    wanted = _fold(term.strip())
    for entry in GLOSSARY:
        if wanted in (_fold(entry.term), *(_fold(a) for a in entry.aliases)):
            return _explain(entry)
    return None


def search(text: str) -> list[ExplainedTerm]:
    """Entries whose term, alias or explanation (active language, or English) contains ``text``;
    terms that start with it first. An empty query gives every entry."""
    query = _fold(text.strip())
    if not query:
        return entries()
    ranked: list[tuple[int, str, GlossaryEntry]] = []
    for entry in GLOSSARY:
        names = [_fold(entry.term), *(_fold(a) for a in entry.aliases)]
        if any(name.startswith(query) for name in names):
            rank = 0
        elif any(query in name for name in names):
            rank = 1
        elif query in _fold(entry.explanation) or query in _fold(entry.explanation_msgid):
            rank = 2
        else:
            continue
        ranked.append((rank, _fold(entry.term), entry))
    return [_explain(entry) for _rank, _key, entry in sorted(ranked, key=lambda r: (r[0], r[1]))]
