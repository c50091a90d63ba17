"""One synthetic dossier with a full traject, as plain row dicts per table.

The traject follows DOMAIN.md: permit → koppeling → housing (azc phase, Voorinburgering), brede
intake and LBT, PIP versions and the ontwikkelplan, about two years of lessons (two sessions a
week), exams with retakes, verlengingen, ontzorging, contacts, conversations and documents.
Values are valid per the models and ``core.domain.validation`` (a test checks a sample).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import unicodedata
import uuid
from collections.abc import Callable
from typing import Any

from bench import names
from bench.traject import TrajectRecords
from core.models.folding import name_key
from core.rules.dates import add_months

Row = dict[str, Any]
Emit = Callable[[str, Row], int]  # (table, values) -> the new row's id

_ORIGINS = list(names.ORIGINS)
_WEIGHTS = [names.ORIGINS[o][4] for o in _ORIGINS]
_HEALTH = ("fysieke_gezondheid", "mentale_gezondheid", "mentale_belastbaarheid", "gezinssituatie")


def make_bsn(rng: random.Random) -> str:
    """A random nine-digit number that passes the elfproef (the BSN eleven-test)."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9:
            return "".join(map(str, digits)) + str(last)


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _pdf(rng: random.Random, title: str) -> bytes:
    """A small one-page PDF (1–4 KB) standing in for a scanned letter."""
    body = " ".join(rng.choice(names.CONVERSATION_SUMMARIES) for _ in range(rng.randint(8, 40)))
    stream = f"BT /F1 10 Tf 40 780 Td ({title}) Tj ET % {body}".encode("latin-1", "replace")
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(stream)}>>stream\n".encode()
        + stream
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


class DossierBuilder(TrajectRecords):
    """Builds one dossier through ``emit``; ``ref`` is the day the caseload is looked at."""

    def __init__(
        self,
        rng: random.Random,
        emit: Emit,
        ref: dt.date,
        providers: list[int],
        topics: list[str],
        bsn: str,
        v_nummer: str,
    ) -> None:
        self.rng, self.emit, self.ref = rng, emit, ref
        self.providers, self.topics = providers, topics
        self.bsn, self.v_nummer = bsn, v_nummer

    # ------------------------------------------------------------------ the dossier
    def build(self) -> int:
        rng = self.rng
        origin = rng.choices(_ORIGINS, _WEIGHTS)[0]
        nationality, langs, givens, families, _w = names.ORIGINS[origin]
        kind = rng.choices(("traject", "recent", "wi2013"), (85, 10, 5))[0]
        asiel = kind != "wi2013" and rng.random() < 0.78
        months_ago = {"traject": rng.randint(24, 42), "recent": rng.randint(2, 18), "wi2013": 60}[
            kind
        ]
        start = add_months(self.ref, -months_ago) - dt.timedelta(days=rng.randint(0, 27))
        given = rng.choice(givens) + (f" {rng.choice(givens)}" if rng.random() < 0.15 else "")
        family = rng.choice(families)
        gemeente = rng.choice(names.GEMEENTEN)
        self.school = rng.choice(self.providers)
        plan = _Plan(kind, asiel, start)
        if kind == "traject":
            plan.status = rng.choices(("plichtig", "voldaan_diploma", "ontheffing"), (85, 12, 3))[0]
        status = plan.status
        self.timeline(plan)
        pid = self.emit(
            "person",
            {
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "given_names": given,
                "family_name": family,
                "name_key": name_key(given, family),  # the model's event does this for the app
                "date_of_birth": dt.date(
                    self.ref.year - rng.randint(18, 64), rng.randint(1, 12), rng.randint(1, 28)
                ),
                "sex": rng.choice(("m", "f")),
                "bsn": self.bsn,
                "v_nummer": self.v_nummer,
                "nationality": nationality,
                "country_of_origin": origin,
                "languages_spoken": list(langs[: rng.randint(1, len(langs))])
                + (["en"] if rng.random() < 0.3 else []),
                "preferred_language": langs[0],
                "literacy": rng.choices(("A", "AA", "NVT"), (15, 35, 50))[0],
                "phone": f"06 {rng.randint(10000000, 99999999)}",
                "email": f"{_ascii(given.split()[0])}.{_ascii(family)}{rng.randint(1, 999)}@example.nl",
                "address": f"{rng.choice(names.STREETS)} {rng.randint(1, 180)}",
                "postcode": f"{rng.randint(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
                "woonplaats": gemeente,
                "gemeente": gemeente,
                "household": rng.choice(
                    (
                        None,
                        "Single.",
                        "Married, two children.",
                        "Married; partner arrives with nareis.",
                        "Single parent, one child.",
                    )
                ),
                "doelgroep": "Asielstatushouder" if asiel else "Gezinsmigrant en overige migrant",
                "gedetailleerde_doelgroep": "Asielstatushouder"
                if asiel
                else rng.choice(("Gezinsvormer", "Gezinshereniger", "Overig")),
                "regime": "Wi2013" if kind == "wi2013" else "Wi2021",
                "plicht_status": status,
                "plicht_begindatum": start,
                "datum_kennisgeving": self.day(start, 20, 90) if kind == "wi2013" else None,
                "pip_clock_start": "huisvesting",
                "bijstand_start": plan.bijstand,
                "datum_eindgesprek_map": plan.end_map,
                "datum_ondertekening_pvt": plan.end_pvt,
                "map_omitted_working": False,
                "note_next_teacher": rng.choice(
                    (None, None, "Learns best with pictures.", "Speaking is the strongest skill.")
                ),
                "created_at": self.stamp(start),
                "updated_at": self.stamp(self.ref),
            },
        )
        self.pid = pid
        self.azc_phase(plan)
        self.background(plan, langs)
        self.intake(plan)
        pips = self.pip_versions(plan, gemeente)
        self.afspraken(plan, pips)
        contact_ids = self.contacts(plan, gemeente)
        docs = self.documents(plan)
        self.hours(plan, docs)
        self.exams(plan, docs)
        self.support(plan)
        self.conversations(plan, contact_ids, langs[0])
        if status == "ontheffing":
            self.emit(
                "ontheffing",
                {
                    "person_id": pid,
                    "grond": "MED",
                    "decision": "toegekend",
                    "decision_date": self.day(plan.pip1 or start, 200, 400),
                },
            )
        elif rng.random() < 0.04:
            self.emit(
                "vrijstelling",
                {
                    "person_id": pid,
                    "code": "DOC",
                    "onderdeel": "KNM",
                    "decision": "toegekend",
                    "decision_date": self.day(start, 100, 300),
                },
            )
        if rng.random() < 0.1:
            self.emit(
                "export_log",
                {
                    "person_id": pid,
                    "at": self.stamp(self.ref - dt.timedelta(days=30)),
                    "kind": "pdf",
                    "sections": ["profile", "pip", "hours"],
                    "recipient": "Gemeente",
                    "consent_by": "participant",
                },
            )
        return pid

    def timeline(self, plan: _Plan) -> None:
        rng, s = self.rng, plan.start
        if plan.asiel:
            plan.koppeling = self.day(s, 7, 70)
            plan.huisvesting = self.day(plan.koppeling, 40, 240)
            plan.bijstand = plan.huisvesting + dt.timedelta(days=rng.randint(0, 14))
            base = plan.huisvesting
        else:
            base = s
        pip1 = self.day(base, 28, 120)
        if plan.kind != "wi2013" and self.past(pip1 + dt.timedelta(days=7)):
            plan.pip1 = pip1
            plan.route = rng.choices(("B", "Z", "O"), (60, 25, 15))[0]
        plan.lessons_from = self.day(pip1 if plan.pip1 else self.day(s, 60, 120), 14, 45)
        plan.lessons_until = self.ref - dt.timedelta(days=1)
        if not self.past(plan.huisvesting):
            plan.huisvesting = plan.bijstand = None
        if not self.past(plan.koppeling):
            plan.koppeling = None
        if plan.pip1 and (plan.status == "voldaan_diploma" or rng.random() < 0.08):
            plan.end_map = self.day(self.ref, -120, -20) if plan.route in ("B", "Z") else None
            plan.end_pvt = self.day(self.ref, -120, -20)

    def azc_phase(self, plan: _Plan) -> None:
        if not plan.asiel:
            return
        rng, pid, s = self.rng, self.pid, plan.start
        h = plan.huisvesting
        self.emit(
            "azc_phase",
            {
                "person_id": pid,
                "vergunning_date": s,
                "koppeling_date": plan.koppeling,
                "koppeling_gemeente": rng.choice(names.GEMEENTEN),
                "first_coa_gesprek_date": self.day(s, 3, 20),
                "blauwe_map_received": rng.random() < 0.8,
                "huisvesting_date": h,
                "vestiging_date": h + dt.timedelta(days=rng.randint(0, 7)) if h else None,
                "brp_inschrijving_date": h + dt.timedelta(days=rng.randint(2, 14)) if h else None,
                "source": "coa",
                "source_date": h or s,
            },
        )
        moved = s - dt.timedelta(days=rng.randint(60, 400))
        for i in range(rng.randint(1, 3)):
            name, place, kind = rng.choice(names.COA_LOCATIONS)
            until = moved + dt.timedelta(days=rng.randint(30, 200))
            self.emit(
                "coa_location",
                {
                    "person_id": pid,
                    "name": name,
                    "place": place,
                    "kind": kind,
                    "from_date": moved,
                    "until_date": until,
                    "move_reason": "Doorplaatsing" if i else None,
                },
            )
            moved = until
        vi_start = self.day(s, 14, 60)
        vi_end = min(h or self.ref, vi_start + dt.timedelta(days=180))
        if vi_end > vi_start:
            frac = min(1.0, (vi_end - vi_start).days / 180)
            self.emit(
                "voorinburgering",
                {
                    "person_id": pid,
                    "toestemming": "ja",
                    "toestemming_date": self.day(s, 3, 13),
                    "start_date": vi_start,
                    "end_date": vi_end,
                    "nt2_hours": round(115 * frac),
                    "knm_hours": round(15 * frac),
                    "intromap_hours": round(15 * frac),
                    "begeleiding_hours": round(11 * frac),
                    "placement_test": rng.choice(("nt2-toets", "alfa-toets")),
                    "class_group": rng.choice(("analfabeet", "middel", "hoog")),
                    "level_reached": rng.choice(("A0", "pre-A1", "A1", "A2")),
                    "overdracht_date": vi_end,
                },
            )

    def background(self, plan: _Plan, langs: tuple[str, ...]) -> None:
        rng, pid = self.rng, self.pid
        for _ in range(rng.randint(1, 2)):
            y = rng.randint(1995, 2018)
            self.emit(
                "education",
                {
                    "person_id": pid,
                    "level": rng.choice(names.EDUCATION_LEVELS),
                    "field": rng.choice(names.STUDY_FIELDS),
                    "institution": "School in the country of origin",
                    "country": None,
                    "from_year": y,
                    "to_year": y + rng.randint(1, 6),
                    "diploma": rng.random() < 0.6,
                    "idw_status": rng.choice(("geen", "aangevraagd", "ontvangen")),
                },
            )
        role = rng.choice(names.ROLES)
        for _ in range(rng.randint(0, 3)):
            frm = dt.date(rng.randint(2005, 2019), rng.randint(1, 12), 1)
            self.emit(
                "work",
                {
                    "person_id": pid,
                    "role": rng.choice(names.ROLES),
                    "employer": None,
                    "country": None,
                    "from_date": frm,
                    "until_date": frm + dt.timedelta(days=rng.randint(100, 2000)),
                    "volunteering": False,
                    "hours_per_week": float(rng.randint(16, 50)),
                },
            )
        if rng.random() < 0.3:
            self.emit(
                "work",
                {
                    "person_id": pid,
                    "role": "Volunteer",
                    "employer": "Voedselbank",
                    "country": "Nederland",
                    "from_date": self.day(plan.start, 200, 500),
                    "volunteering": True,
                    "hours_per_week": 4.0,
                    "dutch_speaking": True,
                },
            )
        for _ in range(rng.randint(1, 2)):
            self.emit(
                "ambition",
                {
                    "person_id": pid,
                    "text": rng.choice(names.AMBITIONS).format(role=role.lower()),
                    "term": rng.choice(("kort", "middellang", "lang")),
                    "noted_on": self.day(plan.start, 100, 300),
                },
            )
        for _ in range(rng.randint(0, 2)):
            self.emit(
                "skill",
                {
                    "person_id": pid,
                    "name": role,
                    "level": f"{rng.randint(1, 15)} years of practice",
                    "evidence": None,
                },
            )
        for _ in range(rng.randint(0, 3)):
            self.emit(
                "training",
                {
                    "person_id": pid,
                    "title": rng.choice(
                        (
                            "Fietsles",
                            "Voorlichting zorgverzekering",
                            "Budgetcursus",
                            "Digitale vaardigheden",
                        )
                    ),
                    "kind": rng.choice(("training", "voorlichting")),
                    "provider": "VluchtelingenWerk",
                    "date": self.day(plan.start, 10, 300),
                    "certificate": rng.random() < 0.4,
                },
            )

    def intake(self, plan: _Plan) -> None:
        rng, pid = self.rng, self.pid
        when = (plan.pip1 or self.ref) - dt.timedelta(days=rng.randint(14, 40))
        for code in self.topics:
            status = rng.choices(("known", "partial", "unknown"), (60, 25, 15))[0]
            self.emit(
                "intake_topic",
                {
                    "person_id": pid,
                    "topic": code,
                    "status": status,
                    "answers": rng.choice(names.CONVERSATION_SUMMARIES)
                    if status != "unknown"
                    else None,
                    "notes": rng.choice(names.CONVERSATION_SUMMARIES)
                    if status == "known"
                    else None,
                    "source": rng.choice(("conversation", "coa_profile", "assessment", "self")),
                    "source_date": when,
                    "author": "Klantmanager",
                    "sensitive": code in _HEALTH,
                    "share_consent": code not in _HEALTH,
                    "needs_attention": rng.random() < 0.05,
                    "created_at": self.stamp(when),
                    "updated_at": self.stamp(when),
                },
            )
        lbt_day = when - dt.timedelta(days=rng.randint(3, 20))
        haalbaar = plan.route in ("B", "O")
        for i in range(2 if rng.random() < 0.15 else 1):
            self.emit(
                "lbt",
                {
                    "person_id": pid,
                    "datum_afname": lbt_day + dt.timedelta(days=30 * i),
                    "behaalde_score": rng.randint(52, 70) if haalbaar else rng.randint(20, 45),
                    "benodigde_score": 50,
                    "resultaat": "B1-route haalbaar" if haalbaar else "B1-route niet haalbaar",
                    "with_interpreter": bool(i) or rng.random() < 0.4,
                    "language": "nl",
                },
            )

    def pip_versions(self, plan: _Plan, gemeente: str) -> list[int]:
        if plan.pip1 is None:
            return []
        rng, ids, day = self.rng, [], plan.pip1
        route = plan.route
        for no in range(1, rng.randint(2, 4) + 1):
            if no > 1:
                day = day + dt.timedelta(days=rng.randint(90, 270))
                if not self.past(day):
                    break
            changes = {}
            if no > 1 and route == "B" and rng.random() < 0.3:
                changes["niveau_sc"] = "A2"
            ids.append(
                self.emit(
                    "pip_version",
                    {
                        "person_id": self.pid,
                        "version_no": no,
                        "created_at": self.stamp(day),
                        "dagtekening": day,
                        "gemeente": gemeente,
                        "leerroute": route,
                        "niveau": "B1" if route in ("B", "O") else None,
                        # only for an asielstatushouder on the B1-route (the PIP gate refuses it
                        # otherwise: core/services/pip.py)
                        "geschatte_intensiteit": rng.choice((600, 800, 1000))
                        if route == "B" and plan.asiel
                        else None,
                        "intensiteit": f"{rng.choice((8, 10, 12, 16))} hours of Dutch a week",
                        "map_invulling": "MAP at the Werkplein, 40 praktijkuren"
                        if route != "O"
                        else None,
                        "pvt_invulling": "Three half-days with an excursion",
                        "knm_invulling": "KNM within the course",
                        "begeleiding": "Maatschappelijke begeleiding; voortgangsgesprek every 4 months",
                        "voortgangsgesprekken": "Every 4 months",
                        "ontzorging": "Rent, energy and insurance for 6 months"
                        if plan.asiel
                        else None,
                        "alfabetisering": rng.choice(("A", "AA", "NVT")),
                        "looptijd": "3 years",
                        "contact_name": "Klantmanager",
                        "contact_email": "klantmanager@example.nl",
                        "reason": "First PIP after the brede intake"
                        if no == 1
                        else "Change of the ontwikkelplan",
                        "trigger": "eerste"
                        if no == 1
                        else rng.choice(("wijziging", "wijziging", "verhuizing")),
                        "signed_person_date": day,
                        "signed_gemeente_date": day,
                        **changes,
                    },
                )
            )
        return ids

    def afspraken(self, plan: _Plan, pips: list[int]) -> None:
        rng = self.rng
        for _ in range(rng.randint(3, 8)):
            due = self.day(plan.pip1 or plan.start, 30, 900)
            if due < self.ref:
                status = rng.choices(("gedaan", "vervallen", "open"), (65, 10, 25))[0]
            else:
                status = rng.choice(("open", "bezig"))
            self.emit(
                "afspraak",
                {
                    "person_id": self.pid,
                    "pip_version_id": rng.choice(pips) if pips else None,
                    "text": rng.choice(names.AFSPRAKEN),
                    "owner": rng.choice(("deelnemer", "gemeente", "school", "begeleider")),
                    "term": rng.choice(("kort", "middellang", "lang")),
                    "due_date": due if rng.random() < 0.85 else None,
                    "status": status,
                    "done_date": due if status == "gedaan" else None,
                    "created_at": self.stamp(plan.pip1 or plan.start),
                    "updated_at": self.stamp(due),
                },
            )

    def contacts(self, plan: _Plan, gemeente: str) -> list[int]:
        rng, out = self.rng, []
        people = [("klantmanager", f"Gemeente {gemeente}"), ("school", "Taalschool")]
        if plan.asiel:
            people.append(("maatschappelijk_begeleider", "VluchtelingenWerk"))
        if rng.random() < 0.3:
            people.append(("jobcoach", "Werkplein"))
        for i, (role, org) in enumerate(people):
            out.append(
                self.emit(
                    "contact",
                    {
                        "person_id": self.pid,
                        "name": f"{rng.choice('ABCDEJKMS')}. {rng.choice(('de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer'))}",
                        "role": role,
                        "organisation": org,
                        "phone": f"0{rng.randint(10, 79)} {rng.randint(1000000, 9999999)}",
                        "email": f"{role}@example.nl",
                        "is_vaste_aanspreekpunt": i == 0,
                    },
                )
            )
        return out

    def documents(self, plan: _Plan) -> list[int]:
        rng, out = self.rng, []
        kinds = [("beschikking", "PIP beschikking"), ("urenverklaring", "Urenverklaring")]
        kinds += [
            rng.choice(
                (
                    ("uitslagbrief", "Uitslag examen"),
                    ("diploma", "Diploma"),
                    ("contract", "Contract school"),
                    ("identiteit", "Verblijfsdocument"),
                )
            )
            for _ in range(rng.randint(0, 3))
        ]
        for kind, title in kinds:
            data = _pdf(rng, title)
            day = self.day(
                plan.pip1 or plan.start, 0, max(1, (self.ref - (plan.pip1 or plan.start)).days - 1)
            )
            out.append(
                self.emit(
                    "document",
                    {
                        "person_id": self.pid,
                        "title": title,
                        "kind": kind,
                        "filename": f"{kind}-{day.isoformat()}.pdf",
                        "mime_type": "application/pdf",
                        "size": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "content": data,
                        "document_date": day,
                        "added_at": self.stamp(day),
                    },
                )
            )
        return out


class _Plan:
    """The key dates of one traject, decided before the records are written."""

    def __init__(self, kind: str, asiel: bool, start: dt.date) -> None:
        self.kind, self.asiel, self.start = kind, asiel, start
        self.regime_2013 = kind == "wi2013"
        self.koppeling: dt.date | None = None
        self.huisvesting: dt.date | None = None
        self.bijstand: dt.date | None = None
        self.pip1: dt.date | None = None
        self.route: str | None = None
        self.lessons_from = start
        self.lessons_until = start
        self.end_map: dt.date | None = None
        self.end_pvt: dt.date | None = None
        self.status = "plichtig"
