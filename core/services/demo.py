"""A realistic, fictional demo dossier that touches every part of the model.

Dates are relative to ``today`` so the clocks always show something to act on. The person,
the BSN (the well-known test number 111222333) and every organisation are made up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from core import models as m
from core.rules.dates import add_months
from core.services import records as rec
from core.services.documents import attach_document
from core.services.dossiers import create_dossier, update_person
from core.services.intake import set_intake_topic
from core.services.pip import new_pip_version
from core.services.store import Store

DEMO_NAME = ("Amanuel", "Tesfay Gebremedhin")
DEMO_BSN = "111222333"
DEMO_V_NUMMER = "2701234567"

_TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
    b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def is_example(person: Any) -> bool:
    """The fictional demo dossier (its BSN and V-number are made up: no real person has both)."""
    return getattr(person, "bsn", None) == DEMO_BSN and getattr(person, "v_nummer", None) == (
        DEMO_V_NUMMER
    )


def example_dossier(store: Store) -> int | None:
    """The example dossier's id, when there is one."""
    with store.read() as session:
        return session.scalars(
            select(m.Person.id).where(m.Person.bsn == DEMO_BSN, m.Person.v_nummer == DEMO_V_NUMMER)
        ).first()


def create_demo_dossier(store: Store, today: dt.date | None = None) -> int:
    today = today or dt.date.today()

    def ago(months: int, days: int = 0) -> dt.date:
        return add_months(today, -months) - dt.timedelta(days=days)

    pid = create_dossier(
        store,
        {
            "given_names": DEMO_NAME[0],
            "family_name": DEMO_NAME[1],
            "date_of_birth": dt.date(1994, 5, 17),
            "sex": "m",
            "bsn": DEMO_BSN,
            "v_nummer": DEMO_V_NUMMER,
            "nationality": "Eritrese",
            "country_of_origin": "Eritrea",
            "languages_spoken": ["ti", "ar", "en"],
            "preferred_language": "ti",
            "literacy": "AA",
            "phone": "06 12345678",
            "email": "amanuel.demo@example.nl",
            "address": "Lindelaan 12",
            "postcode": "7511 AB",
            "woonplaats": "Enschede",
            "gemeente": "Enschede",
            "household": "Married; wife and two children (4 and 7) arrived with nareis.",
            "doelgroep": "Asielstatushouder",
            "gedetailleerde_doelgroep": "Asielstatushouder",
            "regime": "Wi2021",
            "plicht_status": "plichtig",
            "plicht_begindatum": ago(20),
            "pip_clock_start": "huisvesting",
            "bijstand_start": ago(14),
            "note_next_teacher": "Works hard, learns best with pictures; speaking is his strongest skill.",
        },
    )
    rec.set_section(
        store,
        pid,
        "azc",
        {
            "vergunning_date": ago(20),
            "koppeling_date": ago(20) + dt.timedelta(days=10),
            "koppeling_gemeente": "Enschede",
            "first_coa_gesprek_date": ago(20) + dt.timedelta(days=12),
            "blauwe_map_received": True,
            "huisvesting_date": ago(14),
            "vestiging_date": ago(14) + dt.timedelta(days=3),
            "brp_inschrijving_date": ago(14) + dt.timedelta(days=5),
            "source": "coa",
            "source_date": ago(14),
        },
    )
    rec.add_record(
        store,
        pid,
        "coa_location",
        {
            "name": "azc Ter Apel",
            "place": "Ter Apel",
            "kind": "azc",
            "from_date": ago(26),
            "until_date": ago(22),
            "move_reason": "Doorplaatsing na aanmeldfase",
        },
    )
    rec.add_record(
        store,
        pid,
        "coa_location",
        {
            "name": "azc Almelo",
            "place": "Almelo",
            "kind": "azc",
            "from_date": ago(22),
            "until_date": ago(14),
            "move_reason": "Huisvesting in de gemeente",
        },
    )
    rec.set_section(
        store,
        pid,
        "voorinburgering",
        {
            "toestemming": "ja",
            "toestemming_date": ago(19),
            "start_date": ago(18),
            "end_date": ago(15),
            "nt2_hours": 96,
            "knm_hours": 15,
            "intromap_hours": 12,
            "begeleiding_hours": 10,
            "placement_test": "nt2-toets",
            "class_group": "middel",
            "level_reached": "A1",
            "overdracht_date": ago(15),
        },
    )
    rec.add_record(
        store,
        pid,
        "training",
        {
            "title": "Fietsles",
            "kind": "training",
            "provider": "VluchtelingenWerk",
            "date": ago(17),
            "certificate": True,
        },
    )
    rec.add_record(
        store,
        pid,
        "training",
        {
            "title": "Voorlichting zorgverzekering",
            "kind": "voorlichting",
            "provider": "COA",
            "date": ago(16),
        },
    )
    rec.add_record(
        store,
        pid,
        "skill",
        {
            "name": "Electrical installation",
            "level": "5 years of practice",
            "evidence": "Photos of work",
        },
    )
    rec.add_record(
        store,
        pid,
        "education",
        {
            "level": "Secondary school",
            "field": "Technical",
            "institution": "Asmara Technical School",
            "country": "Eritrea",
            "from_year": 2008,
            "to_year": 2012,
            "diploma": True,
            "idw_status": "aangevraagd",
        },
    )
    rec.add_record(
        store,
        pid,
        "work",
        {
            "role": "Electrician",
            "employer": "Own business",
            "country": "Eritrea",
            "from_date": dt.date(2013, 1, 1),
            "until_date": dt.date(2018, 6, 30),
            "hours_per_week": 45,
        },
    )
    rec.add_record(
        store,
        pid,
        "work",
        {
            "role": "Volunteer at the food bank",
            "employer": "Voedselbank Enschede",
            "country": "Nederland",
            "from_date": ago(10),
            "volunteering": True,
            "hours_per_week": 4,
            "dutch_speaking": True,
        },
    )
    rec.add_record(
        store,
        pid,
        "ambition",
        {
            "text": "Work as an electrician in the Netherlands (mbo-2 Eerste Monteur).",
            "term": "lang",
            "noted_on": ago(13),
        },
    )
    rec.add_record(
        store,
        pid,
        "lbt",
        {
            "datum_afname": ago(13),
            "behaalde_score": 58,
            "benodigde_score": 50,
            "resultaat": "B1-route haalbaar",
            "with_interpreter": True,
            "language": "ti",
        },
    )

    statuses = {
        "leerbaarheid": ("known", "LBT done with a Tigrinya interpreter: B1-route haalbaar."),
        "opleiding": ("known", "Technical secondary school in Asmara; IDW requested."),
        "werkervaring": ("known", "5 years electrician, own business."),
        "praktische_competenties": (
            "partial",
            "Good with tools; Dutch safety rules not known yet.",
        ),
        "taalniveau": ("known", "A1 after Voorinburgering; speaking stronger than writing."),
        "motivatie": ("known", "Wants to work as an electrician soon."),
        "digitale_vaardigheden": ("partial", "Smartphone yes, laptop little."),
        "gezinssituatie": ("known", "Wife and two children; childcare needed for the youngest."),
        "fysieke_gezondheid": ("known", "No limitations reported."),
        "mentale_gezondheid": ("unknown", ""),
        "kinderen_vve": ("partial", "Youngest (4) on the waiting list for vve."),
        "financiele_zelfredzaamheid": (
            "partial",
            "Ontzorgen for rent and energy; learning the bills.",
        ),
    }
    for code, (status, notes) in statuses.items():
        set_intake_topic(
            store,
            pid,
            code,
            {
                "status": status,
                "notes": notes or None,
                "source": "conversation",
                "source_date": ago(13),
                "author": "M. de Vries (klantmanager)",
                "share_consent": code
                not in (
                    "fysieke_gezondheid",
                    "mentale_gezondheid",
                    "gezinssituatie",
                    "financiele_zelfredzaamheid",
                ),
            },
        )

    _first_pip, _findings = new_pip_version(
        store,
        pid,
        {
            "dagtekening": ago(12),
            "gemeente": "Enschede",
            "leerroute": "B",
            "niveau": "B1",
            "geschatte_intensiteit": 600,
            "intensiteit": "12 hours of Dutch a week at Taalcentrum Twente",
            "map_invulling": "MAP at Werkplein Enschede, 40 praktijkuren at an installation company",
            "pvt_invulling": "Three half-days with excursion to the town hall, signing in year 2",
            "knm_invulling": "KNM lessons within the language course",
            "begeleiding": "Maatschappelijke begeleiding by VluchtelingenWerk; voortgangsgesprek every 4 months",
            "voortgangsgesprekken": "Every 4 months",
            "ontzorging": "Rent, energy and health insurance paid from the bijstand for 6 months",
            "kinderopvang": "Place for the youngest requested",
            "vve": "Youngest child to vve",
            "participatiewet": "Bijstand; participation duties per Participatiewet beschikking",
            "alfabetisering": "AA",
            "looptijd": "3 years",
            "contact_name": "M. de Vries",
            "contact_email": "m.devries@example.nl",
            "reason": "First PIP after the brede intake",
            "signed_person_date": ago(12),
            "signed_gemeente_date": ago(12),
        },
    )
    second_pip, _ = new_pip_version(
        store,
        pid,
        {
            "dagtekening": ago(4),
            "niveau_sc": "A2",
            "intensiteit": "16 hours of Dutch a week, writing support added",
            "reason": "Afschalen for writing (schrijven) to A2 after 600 hours",
            "trigger": "wijziging",
            "signed_person_date": ago(4),
            "signed_gemeente_date": ago(4),
        },
    )
    rec.add_record(
        store,
        pid,
        "afspraak",
        {
            "text": "Register for the KNM exam",
            "owner": "deelnemer",
            "term": "kort",
            "due_date": today + dt.timedelta(days=21),
            "status": "open",
            "pip_version_id": second_pip,
        },
    )
    rec.add_record(
        store,
        pid,
        "afspraak",
        {
            "text": "Find a MAP workplace visit at an installation company",
            "owner": "gemeente",
            "term": "middellang",
            "due_date": add_months(today, 3),
            "status": "bezig",
        },
    )
    rec.add_record(
        store,
        pid,
        "afspraak",
        {
            "text": "Apply for the diploma evaluation (IDW)",
            "owner": "deelnemer",
            "term": "kort",
            "due_date": ago(2),
            "status": "gedaan",
        },
    )
    rec.add_record(
        store,
        pid,
        "afspraak",
        {
            "text": "Start mbo-2 Eerste Monteur",
            "owner": "deelnemer",
            "term": "lang",
            "status": "open",
        },
    )

    school = rec.add_provider(
        store,
        {
            "name": "Taalcentrum Twente (demo)",
            "city": "Enschede",
            "keurmerk": "keurmerk",
            "keurmerk_from": dt.date(2020, 1, 1),
        },
    )
    werkplein = rec.add_provider(
        store, {"name": "Werkplein Enschede (demo)", "city": "Enschede", "keurmerk": "geen"}
    )
    doc = attach_document(
        store,
        pid,
        "urenverklaring-taalcentrum.pdf",
        _TINY_PDF,
        {
            "title": "Urenverklaring Taalcentrum Twente",
            "kind": "urenverklaring",
            "document_date": ago(1),
        },
    )
    start = ago(11)
    day = start
    n = 0
    while day < today - dt.timedelta(days=3):
        if day.weekday() in (0, 2):  # lessons on Monday and Wednesday
            n += 1
            attendance = "aanwezig"
            reason = None
            if n % 17 == 0:
                attendance, reason = "verzuim_geoorloofd", "Appointment at the hospital"
            elif n % 41 == 0:
                attendance, reason = "verzuim_ongeoorloofd", None
            rec.add_record(
                store,
                pid,
                "hour",
                {
                    "date": day,
                    "hours": 4,
                    "category": "ParticipatieAlsTaalles",
                    "attendance": attendance,
                    "absence_reason": reason,
                    "provider_id": school,
                    "source": "provider",
                    "document_id": doc if n % 10 == 0 else None,
                },
            )
        day += dt.timedelta(days=1)
    for i, hours in enumerate((6, 6, 4, 8)):
        rec.add_record(
            store,
            pid,
            "hour",
            {
                "date": ago(6) + dt.timedelta(days=7 * i + 1),
                "hours": hours,
                "category": "map_theorie",
                "provider_id": werkplein,
            },
        )
    for i in range(4):
        rec.add_record(
            store,
            pid,
            "hour",
            {
                "date": ago(3) + dt.timedelta(days=7 * i + 4),
                "hours": 6,
                "category": "map_praktijk",
                "description": "Workplace visit, installation company",
                "dutch_speaking": True,
            },
        )
    rec.add_record(
        store,
        pid,
        "hour",
        {
            "date": ago(2) + dt.timedelta(days=4),
            "hours": 4,
            "category": "pvt",
            "description": "Excursion to the town hall",
        },
    )

    rec.add_record(
        store,
        pid,
        "exam",
        {
            "onderdeel": "LU",
            "niveau": "B1",
            "planned_date": ago(2),
            "registration_date": ago(4),
            "registered_by": "school",
            "location": "DUO Enschede",
            "resultaat": "Gezakt",
            "result_date": ago(1),
        },
    )
    rec.add_record(
        store,
        pid,
        "exam",
        {
            "onderdeel": "SP",
            "niveau": "B1",
            "planned_date": ago(2, -2),
            "registration_date": ago(4),
            "registered_by": "school",
            "location": "DUO Enschede",
            "resultaat": "Geslaagd",
            "result_date": ago(1),
        },
    )
    rec.add_record(
        store,
        pid,
        "exam",
        {
            "onderdeel": "LE",
            "niveau": "B1",
            "planned_date": ago(2, -5),
            "registration_date": ago(4),
            "registered_by": "self",
            "location": "DUO Enschede",
            "resultaat": "Geen",
            "reden_geen_resultaat": "Afgemeld",
        },
    )
    rec.add_record(
        store,
        pid,
        "exam",
        {
            "onderdeel": "LU",
            "niveau": "B1",
            "planned_date": today + dt.timedelta(days=70),
            "location": "DUO Enschede",
        },
    )
    rec.add_record(
        store,
        pid,
        "exam",
        {
            "onderdeel": "KNM",
            "planned_date": today + dt.timedelta(days=50),
            "location": "DUO Enschede",
        },
    )

    rec.add_record(
        store,
        pid,
        "verlenging",
        {
            "requested_date": ago(1),
            "ground": "Lessons started late: no aanbod for 4 months after the PIP (waiting list)",
            "months": 4,
            "decision": "aangevraagd",
        },
    )
    for kind, payee in (
        ("huur", "Domijn (demo)"),
        ("energie", "Energie Twente (demo)"),
        ("zorgverzekering", "Menzis (demo)"),
    ):
        rec.add_record(
            store,
            pid,
            "ontzorging",
            {
                "kind": kind,
                "payee": payee,
                "from_date": ago(14),
                "until_date": ago(8),
                "extended": kind == "huur",
                "step": "met_mij" if kind != "zorgverzekering" else "door_mij",
                "step_date": ago(3),
                "status": "actief" if kind == "huur" else "beeindigd",
            },
        )
    rec.add_record(
        store,
        pid,
        "precondition",
        {
            "kind": "kinderopvang",
            "status": "in_behandeling",
            "due_date": add_months(today, 1),
            "notes": "Waiting list at the kinderopvang near the school",
        },
    )
    rec.add_record(
        store,
        pid,
        "precondition",
        {
            "kind": "vervoer",
            "status": "geregeld",
            "notes": "Bike from VluchtelingenWerk; OV-chipkaart",
        },
    )
    rec.add_record(
        store,
        pid,
        "precondition",
        {
            "kind": "digitale_toegang",
            "status": "probleem",
            "notes": "No laptop at home; DigiD works on the phone",
        },
    )

    rec.add_record(
        store,
        pid,
        "contact",
        {
            "name": "M. de Vries",
            "role": "klantmanager",
            "organisation": "Gemeente Enschede",
            "phone": "053 4811234",
            "email": "m.devries@example.nl",
            "is_vaste_aanspreekpunt": True,
        },
    )
    rec.add_record(
        store,
        pid,
        "contact",
        {
            "name": "S. Bakker",
            "role": "maatschappelijk_begeleider",
            "organisation": "VluchtelingenWerk Oost",
            "phone": "06 87654321",
        },
    )
    rec.add_record(
        store,
        pid,
        "contact",
        {
            "name": "Taalcentrum Twente (demo)",
            "role": "school",
            "organisation": "Taalcentrum Twente",
            "email": "info@example.nl",
        },
    )
    rec.add_record(
        store,
        pid,
        "conversation",
        {
            "date": dt.datetime.combine(ago(13), dt.time(10, 0)),
            "type": "intake",
            "channel": "in_person",
            "location": "Stadskantoor Enschede",
            "interpreter": "professional",
            "language": "ti",
            "participants": "M. de Vries, tolk",
            "summary": "Brede intake part 1: education, work, family.",
            "agreements": "LBT next week",
        },
    )
    rec.add_record(
        store,
        pid,
        "conversation",
        {
            "date": dt.datetime.combine(ago(4), dt.time(14, 0)),
            "type": "voortgang",
            "channel": "in_person",
            "interpreter": "phone",
            "language": "ti",
            "participants": "M. de Vries",
            "summary": "Progress good except writing; afschalen SC to A2 agreed.",
            "follow_up": "New PIP version",
        },
    )
    rec.add_record(
        store,
        pid,
        "conversation",
        {
            "date": dt.datetime.combine(today + dt.timedelta(days=14), dt.time(9, 30)),
            "planned": True,
            "type": "voortgang",
            "channel": "video",
            "interpreter": "phone",
            "participants": "M. de Vries",
        },
    )
    update_person(store, pid, {"notes": "Demo dossier: fictional person."})
    return pid
