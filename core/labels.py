"""Display names for every coded value (core.models.enums), translated at display time.

The codes stay DUO's (or ours where DUO has none); a person sees words in their own language,
with the Dutch term kept where it is the real-world name (leerroute, MAP, PVT…).
"""

from __future__ import annotations

from enum import StrEnum

from core.i18n import N_, _
from core.models import enums as e

_LABELS: dict[type[StrEnum], dict[str, str]] = {
    e.Regime: {
        "Wi2021": N_("Wi2021 (law of 2021)"),
        "Wi2013": N_("Wi2013 (law of 2013)"),
        "Wi2007": N_("Wi2007 (law of 2007)"),
    },
    e.PlichtStatus: {
        "plichtig": N_("Obliged to integrate (inburgeringsplichtig)"),
        "voldaan_diploma": N_("Completed: diploma"),
        "voldaan_z_certificaat": N_("Completed: Z-route certificate"),
        "ontheffing": N_("Released (ontheffing)"),
        "vrijstelling": N_("Exempted (vrijstelling)"),
        "tijdelijk_vrijgesteld": N_("Temporarily exempted"),
        "vervallen": N_("Obligation lapsed"),
        "niet_plichtig": N_("Not obliged"),
    },
    e.Doelgroep: {
        "Asielstatushouder": N_("Asylum permit holder (asielstatushouder)"),
        "Gezinsmigrant en overige migrant": N_("Family or other migrant"),
    },
    e.GedetailleerdeDoelgroep: {
        "Asielstatushouder": N_("Asylum permit holder"),
        "Geestelijk bedienaar": N_("Religious minister"),
        "Gezinshereniger": N_("Family reunification"),
        "Gezinshereniger met Asielstatushouder": N_(
            "Family reunification with an asylum permit holder"
        ),
        "Gezinsvormer": N_("Family formation"),
        "Gezinsvormer met Asielstatushouder": N_("Family formation with an asylum permit holder"),
        "Overig": N_("Other"),
    },
    e.Alfabetisering: {
        "A": N_("Not literate (analfabeet)"),
        "AA": N_("Literate in another script"),
        "NVT": N_("Literate in the Latin script"),
    },
    e.Toestemming: {"ja": N_("Yes"), "nee": N_("No"), "onbekend": N_("Unknown")},
    e.Leerroute: {
        "B": N_("B1-route"),
        "O": N_("Onderwijsroute (education route)"),
        "Z": N_("Z-route (self-reliance route)"),
    },
    e.Niveau: {v.value: v.value for v in e.Niveau},
    e.Onderdeel: {
        "KNM": N_("KNM – knowledge of Dutch society"),
        "LE": N_("Reading (LE)"),
        "LU": N_("Listening (LU)"),
        "SC": N_("Writing (SC)"),
        "SP": N_("Speaking (SP)"),
        "ONA": N_("ONA – labour-market orientation (Wi2013)"),
    },
    e.ExamType: {
        "inburgering": N_("Inburgering exam (DUO)"),
        "staatsexamen": N_("Staatsexamen NT2"),
    },
    e.ExamRegisteredBy: {
        "self": N_("The person"),
        "school": N_("The school"),
        "gemeente": N_("The gemeente"),
    },
    e.ExamResultaat: {"Geslaagd": N_("Passed"), "Gezakt": N_("Failed"), "Geen": N_("No result")},
    e.RedenGeenResultaat: {
        "Verwijtbaar": N_("Own fault (e.g. fraud)"),
        "Nietverwijtbaar": N_("Not own fault"),
        "Afgemeld": N_("Cancelled"),
        "Absent": N_("Absent"),
    },
    e.IntakeStatus: {
        "known": N_("Known"),
        "partial": N_("Partly known"),
        "unknown": N_("Not known yet"),
    },
    e.InfoSource: {
        "coa_profile": N_("COA klantprofiel"),
        "conversation": N_("Conversation"),
        "assessment": N_("Test or assessment"),
        "partner": N_("Partner organisation"),
        "document": N_("Document"),
        "self": N_("The person"),
        "import": N_("Imported file"),
    },
    e.LbtResultaat: {
        "B1-route haalbaar": N_("B1-route feasible"),
        "B1-route niet haalbaar": N_("B1-route not feasible"),
        "Onbekend": N_("Unknown"),
    },
    e.PipClockStart: {
        # The sources disagree on the event: huisvesting seed 001 L2418, vestiging seed 001
        # L2468, BRP-inschrijving seed 004 L1344 (DOMAIN.md §3); DUO's clock is event SS139.
        "huisvesting": N_("Housing in the gemeente (default)"),
        "vestiging": N_("Settling in the gemeente (vestiging)"),
        "brp_inschrijving": N_("Registration in the BRP"),
    },
    e.HourCategory: {
        "voorinburgering_nt2": N_("Voorinburgering: Dutch (NT2)"),
        "voorinburgering_knm": N_("Voorinburgering: KNM and IntroPVT"),
        "voorinburgering_intromap": N_("Voorinburgering: IntroMAP"),
        "voorinburgering_begeleiding": N_("Voorinburgering: guidance"),
        "TaallesEnKnmBredeIntake": N_("Dutch and KNM lessons during the brede intake"),
        "ParticipatieactiviteitenBredeIntake": N_("Participation during the brede intake"),
        "ParticipatieAlsTaalles": N_("Dutch and KNM lessons"),
        "alfabetisering": N_("Literacy course (alfabetisering)"),
        "map_theorie": N_("MAP theory"),
        "map_praktijk": N_("MAP practical hours"),
        "pvt": N_("PVT"),
        "z_taal": N_("Z-route: language"),
        "z_participatie": N_("Z-route: participation"),
        "ona": N_("ONA (Wi2013)"),
        "wi2013_cursus": N_("Course hours (Wi2013)"),
    },
    e.Attendance: {
        "aanwezig": N_("Present"),
        "verzuim_geoorloofd": N_("Absent with permission"),
        "verzuim_ongeoorloofd": N_("Absent without permission"),
    },
    e.RecordSource: {
        "self": N_("Myself"),
        "provider": N_("School or provider"),
        "gemeente": N_("Gemeente"),
        "duo": N_("DUO"),
        "coa": N_("COA"),
    },
    e.Keurmerk: {
        "geen": N_("No quality mark"),
        "keurmerk": N_("Blik op Werk keurmerk"),
        "aspirant": N_("Blik op Werk aspirant keurmerk"),
    },
    e.ContactRole: {
        "casemanager": N_("COA case manager"),
        "klantmanager": N_("Klantmanager (gemeente)"),
        "maatschappelijk_begeleider": N_("Social counsellor (maatschappelijk begeleider)"),
        "school": N_("School"),
        "jobcoach": N_("Job coach"),
        "budgetcoach": N_("Budget coach"),
        "tolk": N_("Interpreter"),
        "duo": N_("DUO"),
        "other": N_("Other"),
    },
    e.ConversationType: {
        "kennismaking": N_("Introduction"),
        "begeleiding": N_("Guidance"),
        "intake": N_("Brede intake"),
        "lbt": N_("Leerbaarheidstoets"),
        "pip": N_("PIP conversation"),
        "voortgang": N_("Progress meeting"),
        "handhaving": N_("Enforcement"),
        "driegesprek": N_("Three-way handover (driegesprek)"),
        "overdracht": N_("Handover"),
        "eindgesprek": N_("Final interview"),
    },
    e.Channel: {
        "in_person": N_("In person"),
        "phone": N_("Phone"),
        "video": N_("Video call"),
        "whatsapp": N_("WhatsApp"),
    },
    e.Interpreter: {
        "none": N_("No interpreter"),
        "professional": N_("Professional interpreter"),
        "phone": N_("Interpreter by phone"),
        "volunteer": N_("Volunteer interpreter"),
        "family": N_("Family member"),
        "english": N_("In English"),
        "cultural_supporter": N_("Cultural supporter"),
    },
    e.OntzorgingKind: {
        "huur": N_("Rent"),
        "energie": N_("Gas, water and electricity"),
        "zorgverzekering": N_("Health insurance"),
        "other": N_("Other"),
    },
    e.OntzorgingStep: {
        "voor_mij": N_("Done for me"),
        "met_mij": N_("Done with me"),
        "door_mij": N_("Done by me"),
    },
    e.PreconditionKind: {
        "kinderopvang": N_("Childcare"),
        "vervoer": N_("Transport"),
        "digitale_toegang": N_("Digital access"),
        "rooster": N_("Timetable"),
        "other": N_("Other"),
    },
    e.PreconditionStatus: {
        "geregeld": N_("Arranged"),
        "in_behandeling": N_("In progress"),
        "probleem": N_("Problem"),
        "nvt": N_("Not applicable"),
    },
    e.BesluitSoort: {
        "pip": N_("PIP (Plan Inburgering en Participatie)"),
        "leerroute": N_("Change of leerroute"),
        "verlenging": N_("Extension of the termijn (verlenging)"),
        "vrijstelling": N_("Exemption (vrijstelling)"),
        "ontheffing": N_("Release (ontheffing)"),
        "boete": N_("Fine (boete)"),
        "overig": N_("Other decision"),
    },
    e.Bestuursorgaan: {
        "gemeente": N_("Gemeente"),
        "duo": N_("DUO"),
    },
    e.BezwaarUitkomst: {
        "gegrond": N_("Objection upheld (gegrond)"),
        "deels_gegrond": N_("Objection partly upheld"),
        "ongegrond": N_("Objection rejected (ongegrond)"),
        "niet_ontvankelijk": N_("Objection not admissible (niet-ontvankelijk)"),
        "ingetrokken": N_("Objection withdrawn"),
    },
    e.BoeteGrond: {
        "geen_medewerking": N_("Did not come to or cooperate with the intake or a progress talk"),
        "pip_niet_nagekomen": N_("Did not do what the PIP says"),
        "verzuim": N_("Missed lessons without a valid reason"),
        "termijn": N_("Inburgeringstermijn passed through own fault"),
        "pvt_map": N_("PVT or MAP not done within the termijn"),
        "overig": N_("Other ground"),
    },
    e.BoeteStatus: {
        "open": N_("Not paid yet"),
        "betalingsregeling": N_("Paying in instalments"),
        "betaald": N_("Paid"),
        "verlaagd": N_("Lowered"),
        "vernietigd": N_("Cancelled after objection or appeal"),
        "kwijtgescholden": N_("Remitted (kwijtgescholden)"),
    },
    e.StartItemKind: {
        "brp": N_("Registration in the BRP (the gemeente's register)"),
        "digid": N_("DigiD (your login for the government)"),
        "bankrekening": N_("Bank account"),
        "zorgverzekering": N_("Health insurance (zorgverzekering)"),
        "zorgtoeslag": N_("Health care allowance (zorgtoeslag)"),
        "huurtoeslag": N_("Rent allowance (huurtoeslag)"),
        "kinderbijslag": N_("Child benefit (kinderbijslag)"),
        "kinderopvangtoeslag": N_("Childcare allowance (kinderopvangtoeslag)"),
        "huisarts": N_("A family doctor (huisarts)"),
        "school": N_("School for the children"),
        "bijstand": N_("Social assistance (bijstand) application"),
        "energie_water": N_("Energy and water"),
        "kwijtschelding": N_("Remission of local taxes (kwijtschelding)"),
        "overig": N_("Something else"),
    },
    e.PartnerKind: {
        "vluchtelingenwerk": N_("VluchtelingenWerk (refugee support organisation)"),
        "taalschool": N_("Language school"),
        "ggz": N_("Mental health care (GGZ)"),
        "schuldhulp": N_("Debt help (schuldhulpverlening)"),
        "werkgeversservicepunt": N_("Employer service point (werkgeversservicepunt)"),
        "huisarts": N_("Family doctor (huisarts)"),
        "overig": N_("Other partner"),
    },
    e.ReferralOutcome: {
        "lopend": N_("Waiting for an answer"),
        "gestart": N_("Started"),
        "afgerond": N_("Completed"),
        "afgewezen": N_("Turned down"),
        "niet_gestart": N_("Did not start"),
    },
    e.StartItemStatus: {
        "te_doen": N_("Still to do"),
        "bezig": N_("Busy with it"),
        "geregeld": N_("Arranged"),
        "niet_nodig": N_("Not needed"),
    },
    e.Decision: {
        "aangevraagd": N_("Requested"),
        "toegekend": N_("Granted"),
        "afgewezen": N_("Refused"),
    },
    e.VrijstellingCode: {
        "AVI": N_("AVI – shown to be integrated"),
        "DIP": N_("DIP – exempting diploma"),
        "DOC": N_("DOC – recognised document"),
        "GED": N_("GED – partial, per skill"),
        "INB": N_("INB – Wi2013 diploma at B1"),
        "INS": N_("INS – proof of enrolment (temporary)"),
        "OPL": N_("OPL – follow-up education (temporary)"),
    },
    e.OntheffingGrond: {
        "BIO": N_("BIO – special individual circumstances"),
        "MED": N_("MED – medical"),
    },
    e.AfspraakTerm: {
        "kort": N_("Short term"),
        "middellang": N_("Medium term"),
        "lang": N_("Long term"),
    },
    e.AfspraakStatus: {
        "open": N_("Open"),
        "bezig": N_("In progress"),
        "gedaan": N_("Done"),
        "vervallen": N_("Cancelled"),
    },
    e.AfspraakOwner: {
        "deelnemer": N_("Me (the participant)"),
        "gemeente": N_("Gemeente"),
        "school": N_("School"),
        "begeleider": N_("Counsellor"),
        "other": N_("Other"),
    },
    e.DocumentKind: {
        "contract": N_("Contract"),
        "factuur": N_("Invoice"),
        "urenverklaring": N_("Hours statement (urenverklaring)"),
        "voortgangsrapport": N_("Progress report"),
        "beschikking": N_("Decision (beschikking)"),
        "diploma": N_("Diploma or certificate"),
        "uitslagbrief": N_("Exam result letter"),
        "identiteit": N_("Identity document"),
        "other": N_("Other"),
    },
    e.IdwStatus: {
        "geen": N_("Not requested"),
        "aangevraagd": N_("Requested"),
        "ontvangen": N_("Received"),
    },
    e.ActorKind: {
        "participant": N_("Participant"),
        "consultant": N_("Consultant"),
        "system": N_("System"),
    },
}


def label(enum: type[StrEnum], code: str | None) -> str:
    """The translated display name of ``code``; unknown codes are shown as they are."""
    if code is None or code == "":
        return "—"
    text = _LABELS.get(enum, {}).get(str(code))
    return _(text) if text else str(code)


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(code, translated label) for every value, in declaration order (for combo boxes)."""
    return [(item.value, label(enum, item.value)) for item in enum]
