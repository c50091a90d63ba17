"""Coded values, stored as short strings so the schema stays portable (SQLite today, PostgreSQL
for a team later). Codes follow DUO's M2M inburgering API where it has one (DOMAIN.md §4-§9);
display names are translated in ``core.labels``."""

from __future__ import annotations

from enum import StrEnum


class Regime(StrEnum):
    WI2021 = "Wi2021"
    WI2013 = "Wi2013"
    WI2007 = "Wi2007"


class PlichtStatus(StrEnum):
    """DOMAIN.md §9 (seed 001 appendix B3)."""

    PLICHTIG = "plichtig"
    VOLDAAN_DIPLOMA = "voldaan_diploma"
    VOLDAAN_Z_CERTIFICAAT = "voldaan_z_certificaat"
    ONTHEFFING = "ontheffing"
    VRIJSTELLING = "vrijstelling"
    TIJDELIJK_VRIJGESTELD = "tijdelijk_vrijgesteld"
    VERVALLEN = "vervallen"
    NIET_PLICHTIG = "niet_plichtig"


class Doelgroep(StrEnum):
    """DUO ``Doelgroepindeling``."""

    ASIEL = "Asielstatushouder"
    GEZIN = "Gezinsmigrant en overige migrant"


class GedetailleerdeDoelgroep(StrEnum):
    ASIELSTATUSHOUDER = "Asielstatushouder"
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar"
    GEZINSHERENIGER = "Gezinshereniger"
    GEZINSHERENIGER_ASIEL = "Gezinshereniger met Asielstatushouder"
    GEZINSVORMER = "Gezinsvormer"
    GEZINSVORMER_ASIEL = "Gezinsvormer met Asielstatushouder"
    OVERIG = "Overig"


class Alfabetisering(StrEnum):
    """DUO ``indicatorAlfabetiseringsonderwijs``."""

    ANALFABEET = "A"
    ANDERS_GEALFABETISEERD = "AA"
    NVT = "NVT"


class Toestemming(StrEnum):
    JA = "ja"
    NEE = "nee"
    ONBEKEND = "onbekend"


class Leerroute(StrEnum):
    B1 = "B"
    ONDERWIJS = "O"
    Z = "Z"


class Niveau(StrEnum):
    A0 = "A0"
    PRE_A1 = "pre-A1"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"


class Onderdeel(StrEnum):
    KNM = "KNM"
    LE = "LE"
    LU = "LU"
    SC = "SC"
    SP = "SP"
    ONA = "ONA"  # Wi2013


LANGUAGE_SKILLS = (Onderdeel.LE, Onderdeel.LU, Onderdeel.SC, Onderdeel.SP)


class ExamType(StrEnum):
    INBURGERING = "inburgering"  # the inburgeringsexamen (DUO)
    STAATSEXAMEN = "staatsexamen"  # Staatsexamen NT2 (onderwijsroute or instead of B1)


class ExamRegisteredBy(StrEnum):
    SELF = "self"
    SCHOOL = "school"
    GEMEENTE = "gemeente"


class ExamResultaat(StrEnum):
    GESLAAGD = "Geslaagd"
    GEZAKT = "Gezakt"
    GEEN = "Geen"


class RedenGeenResultaat(StrEnum):
    VERWIJTBAAR = "Verwijtbaar"
    NIETVERWIJTBAAR = "Nietverwijtbaar"
    AFGEMELD = "Afgemeld"
    ABSENT = "Absent"


class IntakeStatus(StrEnum):
    KNOWN = "known"
    PARTIAL = "partial"
    UNKNOWN = "unknown"


class InfoSource(StrEnum):
    COA_PROFILE = "coa_profile"
    CONVERSATION = "conversation"
    ASSESSMENT = "assessment"
    PARTNER = "partner"
    DOCUMENT = "document"
    SELF = "self"
    IMPORT = "import"


class LbtResultaat(StrEnum):
    HAALBAAR = "B1-route haalbaar"
    NIET_HAALBAAR = "B1-route niet haalbaar"
    ONBEKEND = "Onbekend"


class PipClockStart(StrEnum):
    """Which event starts the 10-week PIP clock: the sources disagree (DOMAIN.md §3)."""

    HUISVESTING = "huisvesting"  # seed 001 L2418
    VESTIGING = "vestiging"  # seed 001 L2468
    BRP_INSCHRIJVING = "brp_inschrijving"  # seed 004 L1344 (pre-law)


class HourCategory(StrEnum):
    VI_NT2 = "voorinburgering_nt2"
    VI_KNM = "voorinburgering_knm"  # incl. IntroPVT
    VI_INTROMAP = "voorinburgering_intromap"
    VI_BEGELEIDING = "voorinburgering_begeleiding"
    TAAL_KNM_INTAKE = "TaallesEnKnmBredeIntake"
    PARTICIPATIE_INTAKE = "ParticipatieactiviteitenBredeIntake"
    TAALLES = "ParticipatieAlsTaalles"  # DUO: NT2 + KNM hours at the provider
    ALFABETISERING = "alfabetisering"
    MAP_THEORIE = "map_theorie"
    MAP_PRAKTIJK = "map_praktijk"
    PVT = "pvt"
    Z_TAAL = "z_taal"
    Z_PARTICIPATIE = "z_participatie"
    ONA = "ona"  # Wi2013
    WI2013_CURSUS = "wi2013_cursus"


class Attendance(StrEnum):
    AANWEZIG = "aanwezig"
    VERZUIM_GEOORLOOFD = "verzuim_geoorloofd"
    VERZUIM_ONGEOORLOOFD = "verzuim_ongeoorloofd"


class RecordSource(StrEnum):
    SELF = "self"
    PROVIDER = "provider"
    GEMEENTE = "gemeente"
    DUO = "duo"
    COA = "coa"


class Keurmerk(StrEnum):
    GEEN = "geen"
    KEURMERK = "keurmerk"
    ASPIRANT = "aspirant"


class ContactRole(StrEnum):
    CASEMANAGER = "casemanager"
    KLANTMANAGER = "klantmanager"
    MAATSCHAPPELIJK_BEGELEIDER = "maatschappelijk_begeleider"
    SCHOOL = "school"
    JOBCOACH = "jobcoach"
    BUDGETCOACH = "budgetcoach"
    TOLK = "tolk"
    DUO = "duo"
    OTHER = "other"


class ConversationType(StrEnum):
    KENNISMAKING = "kennismaking"
    BEGELEIDING = "begeleiding"
    INTAKE = "intake"
    LBT = "lbt"
    PIP = "pip"
    VOORTGANG = "voortgang"
    HANDHAVING = "handhaving"
    DRIEGESPREK = "driegesprek"
    OVERDRACHT = "overdracht"
    EINDGESPREK = "eindgesprek"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    WHATSAPP = "whatsapp"


class Interpreter(StrEnum):
    NONE = "none"
    PROFESSIONAL = "professional"
    PHONE = "phone"
    VOLUNTEER = "volunteer"
    FAMILY = "family"
    ENGLISH = "english"
    CULTURAL_SUPPORTER = "cultural_supporter"


class OntzorgingKind(StrEnum):
    HUUR = "huur"
    ENERGIE = "energie"  # gas, water, elektriciteit
    ZORGVERZEKERING = "zorgverzekering"
    OTHER = "other"


class OntzorgingStep(StrEnum):
    VOOR_MIJ = "voor_mij"
    MET_MIJ = "met_mij"
    DOOR_MIJ = "door_mij"


class PreconditionKind(StrEnum):
    KINDEROPVANG = "kinderopvang"
    VERVOER = "vervoer"
    DIGITALE_TOEGANG = "digitale_toegang"
    ROOSTER = "rooster"
    OTHER = "other"


class PreconditionStatus(StrEnum):
    GEREGELD = "geregeld"
    IN_BEHANDELING = "in_behandeling"
    PROBLEEM = "probleem"
    NVT = "nvt"


class Decision(StrEnum):
    AANGEVRAAGD = "aangevraagd"
    TOEGEKEND = "toegekend"
    AFGEWEZEN = "afgewezen"


class VrijstellingCode(StrEnum):
    AVI = "AVI"
    DIP = "DIP"
    DOC = "DOC"
    GED = "GED"
    INB = "INB"
    INS = "INS"
    OPL = "OPL"


class OntheffingGrond(StrEnum):
    BIO = "BIO"
    MED = "MED"


class AfspraakTerm(StrEnum):
    KORT = "kort"
    MIDDELLANG = "middellang"
    LANG = "lang"


class AfspraakStatus(StrEnum):
    OPEN = "open"
    BEZIG = "bezig"
    GEDAAN = "gedaan"
    VERVALLEN = "vervallen"


class AfspraakOwner(StrEnum):
    DEELNEMER = "deelnemer"
    GEMEENTE = "gemeente"
    SCHOOL = "school"
    BEGELEIDER = "begeleider"
    OTHER = "other"


class DocumentKind(StrEnum):
    CONTRACT = "contract"
    FACTUUR = "factuur"
    URENVERKLARING = "urenverklaring"
    VOORTGANG = "voortgangsrapport"
    BESCHIKKING = "beschikking"
    DIPLOMA = "diploma"
    UITSLAG = "uitslagbrief"
    ID = "identiteit"
    OTHER = "other"


class IdwStatus(StrEnum):
    GEEN = "geen"
    AANGEVRAAGD = "aangevraagd"
    ONTVANGEN = "ontvangen"


class ActorKind(StrEnum):
    PARTICIPANT = "participant"
    CONSULTANT = "consultant"
    SYSTEM = "system"


class BesluitSoort(StrEnum):
    """What a beschikking (formal decision, Awb art. 1:3) decides (handhaving and legal protection)."""

    PIP = "pip"
    LEERROUTE = "leerroute"
    VERLENGING = "verlenging"
    VRIJSTELLING = "vrijstelling"
    ONTHEFFING = "ontheffing"
    BOETE = "boete"
    OVERIG = "overig"


class Bestuursorgaan(StrEnum):
    GEMEENTE = "gemeente"
    DUO = "duo"


class BezwaarUitkomst(StrEnum):
    GEGROND = "gegrond"
    DEELS_GEGROND = "deels_gegrond"
    ONGEGROND = "ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"
    INGETROKKEN = "ingetrokken"


class BoeteGrond(StrEnum):
    """Grounds for a fine under the Wi2021 (DOMAIN.md §3: gemeente fines and DUO fines)."""

    GEEN_MEDEWERKING = "geen_medewerking"  # intake, voortgangsgesprekken (gemeente)
    PIP_NIET_NAGEKOMEN = "pip_niet_nagekomen"  # PIP activities (gemeente)
    VERZUIM = "verzuim"  # lessons missed without a valid reason (gemeente, asiel)
    TERMIJN = "termijn"  # culpable overrun of the inburgeringstermijn (DUO)
    PVT_MAP = "pvt_map"  # PVT or MAP not done within the termijn (DUO)
    OVERIG = "overig"


class BoeteStatus(StrEnum):
    OPEN = "open"
    BETALINGSREGELING = "betalingsregeling"
    BETAALD = "betaald"
    VERLAAGD = "verlaagd"
    VERNIETIGD = "vernietigd"
    KWIJTGESCHOLDEN = "kwijtgescholden"


class StartItemKind(StrEnum):
    """The practical steps of the first months after housing (seed 001 L3898, seed 004 L1601-1648)."""

    BRP = "brp"
    DIGID = "digid"
    BANKREKENING = "bankrekening"
    ZORGVERZEKERING = "zorgverzekering"
    ZORGTOESLAG = "zorgtoeslag"
    HUURTOESLAG = "huurtoeslag"
    KINDERBIJSLAG = "kinderbijslag"
    KINDEROPVANGTOESLAG = "kinderopvangtoeslag"
    HUISARTS = "huisarts"
    SCHOOL = "school"
    BIJSTAND = "bijstand"
    ENERGIE_WATER = "energie_water"
    KWIJTSCHELDING = "kwijtschelding"
    OVERIG = "overig"


class StartItemStatus(StrEnum):
    TE_DOEN = "te_doen"
    BEZIG = "bezig"
    GEREGELD = "geregeld"
    NIET_NODIG = "niet_nodig"


class PartnerKind(StrEnum):
    """The partners a consultant refers to most (issue 18 part 4; seed 001 on the ketenpartners)."""

    VLUCHTELINGENWERK = "vluchtelingenwerk"
    TAALSCHOOL = "taalschool"
    GGZ = "ggz"
    SCHULDHULP = "schuldhulp"
    WERKGEVERSSERVICEPUNT = "werkgeversservicepunt"
    HUISARTS = "huisarts"
    OVERIG = "overig"


class ReferralOutcome(StrEnum):
    LOPEND = "lopend"
    GESTART = "gestart"
    AFGEROND = "afgerond"
    AFGEWEZEN = "afgewezen"
    NIET_GESTART = "niet_gestart"
