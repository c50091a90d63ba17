"""DUO's own forms (M2M inburgering, github.com/duonl/gemeente-m2m-inburgering): the current PIP
as the PIP API's ``Gemeente`` object (API/PIP/openapi.yml: ``gemeentecode`` + ``pip``, the ``pip``
member being the body of ``POST /personen/{bsn}/PIP``) and the MAP, PVT and Z-route results as
the bodies of their ``PUT /personen/{bsn}/map|pvt|zroute`` (API/"MAP,PVT,Zroute"/openapi.yml,
schemas ResultaatMap, ResultaatPvt, ResultaatZroute).

A form DUO would reject is not made: :class:`ValidationError` names what the dossier lacks.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from core import models as m
from core.domain.facts import dossier_facts, stored_pip_findings
from core.errors import ValidationError
from core.i18n import _
from core.rules.bsn import is_valid_bsn
from core.rules.clocks import termijn_end, termijn_start
from core.rules.duo_codes import ALFABETISERING, LEERROUTE, NIVEAU_PIP
from core.rules.duo_validation import ERROR
from core.rules.gemeenten import find_gemeente


def dumps(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _refuse(message: str, field: str) -> ValidationError:
    return ValidationError(message, field=field)


def _check_bsn(person: m.Person) -> None:
    # Every DUO call names the person by BSN in its path (parameter Bsn: nine digits).
    if not person.bsn or not is_valid_bsn(person.bsn):
        raise _refuse(_("DUO's forms need the person's BSN: record a valid BSN first."), "bsn")


def current_pip(person: m.Person) -> m.PipVersion:
    if not person.pip_versions:
        raise _refuse(_("DUO's PIP form needs a PIP: this dossier has none yet."), "pip")
    return max(person.pip_versions, key=lambda p: p.version_no)


def pip_message(person: m.Person) -> dict[str, Any]:
    """The ``Gemeente`` object (API/PIP/openapi.yml) for the dossier's current PIP version."""
    _check_bsn(person)
    pip = current_pip(person)
    name = (pip.gemeente or person.gemeente or "").strip()
    if not name:
        raise _refuse(
            _("DUO's PIP form needs the gemeente: record the person's gemeente."), "gemeente"
        )
    gemeente = find_gemeente(name)
    if gemeente is None:
        raise _refuse(
            _(
                "“{name}” is not in the list of gemeenten of 2026: write the gemeente's "
                "official name, e.g. 's-Hertogenbosch."
            ).format(name=name[:100]),
            "gemeente",
        )
    route = LEERROUTE[pip.leerroute]  # the model keeps DUO's codes (enums.Leerroute)
    body: dict[str, Any] = {"dagtekeningPip": pip.dagtekening.isoformat(), "leerroute": route}
    if pip.niveau in NIVEAU_PIP:
        body["niveau"] = NIVEAU_PIP[pip.niveau]
    elif pip.niveau and route != "Z":
        raise _refuse(
            _("DUO's PIP form knows the levels A2 and B1 only; this PIP says {level}.").format(
                level=pip.niveau
            ),
            "niveau",
        )
    if pip.geschatte_intensiteit is not None:
        body["geschatteIntensiteitB1Route"] = int(pip.geschatte_intensiteit)
    body["indicatorMagOpleidingAfmaken"] = bool(pip.mag_opleiding_afmaken)
    if pip.alfabetisering in ALFABETISERING:
        body["indicatorAlfabetiseringsonderwijs"] = ALFABETISERING[pip.alfabetisering]
    # DUO's own checks on a PIP (its README: dagtekening, niveau, intensiteit), as the PIP form
    # applies them (core.rules.duo_validation).
    errors = [f for f in stored_pip_findings(person) if f.severity == ERROR]
    if errors:
        raise ValidationError(" ".join(f.text() for f in errors), field=errors[0].field or "pip")
    return {"gemeentecode": gemeente.code, "pip": body}


# (message, DUO's field, the person's column), API/"MAP,PVT,Zroute"/openapi.yml
RESULTS = (
    ("map", "datumEindgesprekMap", "datum_eindgesprek_map"),
    ("pvt", "datumOndertekeningPvt", "datum_ondertekening_pvt"),
    ("zroute", "datumAfrondingZroute", "datum_afronding_zroute"),
)


def result_messages(person: m.Person, today: dt.date) -> dict[str, dict[str, Any]]:
    """The PUT bodies DUO takes for the results the dossier holds, keyed ``map``, ``pvt`` and
    ``zroute`` after their paths; checked against DUO's rules (its README, sections MAP and PVT)."""
    _check_bsn(person)
    current_pip(person)  # DUO: the gemeente must have a current PIP for the person
    facts = dossier_facts(person, include_hours=False)
    start, end = termijn_start(facts), termijn_end(facts)
    zroute = person.datum_afronding_zroute
    out: dict[str, dict[str, Any]] = {}
    for key, duo_field, column in RESULTS:
        day: dt.date | None = getattr(person, column)
        if day is None:
            continue
        if day > today:
            raise _refuse(
                _("DUO does not take a date in the future ({date}).").format(date=day.isoformat()),
                column,
            )
        if start is not None and day < start:
            raise _refuse(
                _(
                    "DUO does not take a date before the inburgeringstermijn started ({date})."
                ).format(date=day.isoformat()),
                column,
            )
        if key != "zroute" and zroute is not None and day > zroute:
            raise _refuse(
                _("DUO does not take a MAP or PVT date after the Z-route was completed."), column
            )
        if key != "zroute" and end is not None and day >= end:
            # After the termijn DUO requires "verwijtbaar" Ja/Nee, which the dossier does not
            # record (yet): refuse rather than send what DUO rejects.
            raise _refuse(
                _(
                    "This date is after the end of the inburgeringstermijn: DUO then needs to "
                    "know whether the overrun was the person's fault, which the dossier does "
                    "not record."
                ),
                column,
            )
        out[key] = {duo_field: day.isoformat()}
    if not out:
        raise _refuse(
            _(
                "Nothing to report to DUO: the dossier has no date of the MAP final talk, the "
                "PVT signing or the Z-route completion."
            ),
            "datum_eindgesprek_map",
        )
    return out
