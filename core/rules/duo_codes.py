"""Where the app's own values and DUO's M2M codes differ: one table per field, each citing the
specification file and schema (github.com/duonl/gemeente-m2m-inburgering, copied in
tests/data/duo-m2m). The exports to DUO read these; the database keeps the app's values."""

from __future__ import annotations

# API/PIP/openapi.yml, schema Leerroute (B / O / Z): the app stores DUO's codes (enums.Leerroute).
LEERROUTE = {"B": "B", "O": "O", "Z": "Z"}

# API/PIP/openapi.yml, schema NiveauPip: A2 or B1 only. The app also knows A0 to B2 (exam levels,
# the Z-route's aim); those have no PIP code.
NIVEAU_PIP = {"A2": "A2", "B1": "B1"}

# API/PIP/openapi.yml, schema Alfabetiseringsonderwijs (A / AA / NVT): the app stores DUO's codes.
ALFABETISERING = {"A": "A", "AA": "AA", "NVT": "NVT"}

# API/"MAP,PVT,Zroute"/openapi.yml, schema InburgeringJaNeeType (Ja / Nee): the app words
# culpability as API/Examen/openapi.yml does (RedenGeenResultaatInburgeringsexamen).
VERWIJTBAAR = {"Verwijtbaar": "Ja", "Nietverwijtbaar": "Nee"}


def lbt_score(value: int | float | None) -> str | None:
    """API/Leerbaarheidstoets/openapi.yml, schema Resultaat: behaaldeScore and benodigdeScore are
    text with a decimal comma and two decimals (pattern ``^(\\d{1,3}\\,\\d{2})$``); the app keeps
    a number."""
    if value is None or not 0 <= value < 1000:
        return None
    return f"{value:.2f}".replace(".", ",")


def verlengingsgrond(ground: str | None) -> dict[str, str] | None:
    """API/Inburgeringstermijn/openapi.yml, schema Verlengingsgrond: ``omschrijving`` is 1-200
    characters; its ``code`` comes from DUO's keteninformatiemodel, which the app does not hold
    (it keeps the ground as DUO's letter words it, up to 300 characters)."""
    text = " ".join((ground or "").split())
    return {"omschrijving": text[:200]} if text else None
