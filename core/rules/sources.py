"""The public sources the rules cite, in words a consultant can look up.

A clock, a requirement or a rule shows one of these (on screen, in ``deadlines --json``, in the
klantprofiel and its PDF). The research notes behind them (DOMAIN.md's seed lines) stay in code
comments next to the rule; they are never shown. Law texts: wetten.overheid.nl; DUO's pages:
inburgeren.nl; the M2M specification: github.com/duonl/gemeente-m2m-inburgering.
"""

from __future__ import annotations

# The law and its decree
WI2021 = "Wet inburgering 2021"
WI2021_ART11 = "Wet inburgering 2021, art. 11 (inburgeringstermijn: 3 years from the PIP)"
WI2021_ART15 = "Wet inburgering 2021, art. 15 (persoonlijk plan inburgering en participatie)"
WI2021_ART17 = "Wet inburgering 2021, art. 17 (leerroutes; afschalen in lid 3)"
WI2021_LEERROUTE_CHANGE = (
    "Wet inburgering 2021: leerroute change by a new PIP within 18 months of the termijn's start "
    "(nt2.nl, Wet inburgering 2021)"
)
ZVW_INSURANCE = (
    "Zorgverzekeringswet art. 2 (verzekeringsplicht) and art. 5 lid 3 (insured within four months: "
    "covered from the start); art. 9b-9d (CAK fine when still not insured)"
)
AWB_BEZWAAR = (
    "Awb art. 6:7 and 6:8 (bezwaar: 6 weeks from the day after the decision was made known); "
    "Algemene termijnenwet art. 1 (a weekend or holiday moves on to the following working day)"
)
AWB_BEROEP = (
    "Awb art. 7:1, 8:1, 6:7 and 6:8 (beroep to the court: 6 weeks from the day after the decision "
    "on the bezwaar was made known); Algemene termijnenwet art. 1"
)
BESLUIT_PIP_WEEKS = (
    "Besluit inburgering 2021: PIP within 10 weeks (Uitvoeringsbrief inburgering 2023)"
)
BESLUIT_VERLENGING = "Besluit inburgering 2021, art. 4.3 (verlenging van de termijn)"
# The gemeente pays the course and exams of an asielstatushouder under the Wi2021 (two attempts
# per onderdeel: seed 001 L3531-3533, beginmetinburgeren.nl); everyone else pays, with a DUO loan
# if they wish (rijksoverheid.nl product page, which names Wi2021 art. 20).
EXAM_COSTS = (
    "rijksoverheid.nl: Lening voor inburgeringscursus of inburgeringsexamen "
    "(Wet inburgering 2021, art. 20)"
)
# DUO's practice and specification
DUO_EXAMS = "inburgeren.nl (DUO): examen aanmelden en uitslag"
DUO_M2M_EXAMEN = "DUO M2M API Examen: gratisPogingenTegoed"
DUO_M2M_MAP_PVT = "DUO M2M API MAP, PVT, Z-route"
# Public evaluations of the law
TUSSENEVALUATIE = "Tussenevaluatie Wet inburgering 2021 (2025)"
COA_KOPPELING = "Tussenevaluatie Wet inburgering 2021 (2025): koppeling and housing norms"
ONTZORGEN = "Wet inburgering 2021: financieel ontzorgen for 6 months (Tussenevaluatie 2025)"
MAP = "Wet inburgering 2021: Module Arbeidsmarkt en Participatie (Tussenevaluatie 2025)"
PVT = "Wet inburgering 2021: participatieverklaringstraject (Tussenevaluatie 2025)"
Z_ROUTE = "Wet inburgering 2021: Z-route (Tussenevaluatie 2025)"
WI2013 = "Wet inburgering (2013): A2 exams, ONA and participatieverklaring"
BLIK_OP_WERK = "Blik op Werk keurmerk (Uitvoeringsbrief inburgering 2023)"
VRIJSTELLING = "Wet inburgering 2021: vrijstelling and ontheffing (DUO M2M API)"
