"""The traject part of a synthetic dossier: lessons and other hours, exams with retakes,
verlengingen and ontzorging, and conversations. A mixin of :class:`bench.dossier.DossierBuilder`,
kept apart so each module stays readable."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import TYPE_CHECKING

from bench import names
from core.rules.dates import add_months

if TYPE_CHECKING:
    from bench.dossier import Emit, _Plan

ONDERDELEN = ("KNM", "LE", "LU", "SC", "SP")


class TrajectRecords:
    """Needs the builder's ``rng``, ``emit``, ``ref`` (the day the caseload is looked at),
    ``pid`` and ``school``."""

    rng: random.Random
    emit: Emit
    ref: dt.date
    pid: int
    school: int

    def day(self, start: dt.date, lo: int, hi: int) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(lo, hi))

    def past(self, day: dt.date | None) -> bool:
        return day is not None and day < self.ref

    def stamp(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(min(day, self.ref), dt.time(9 + self.rng.randint(0, 8), 0))

    def hours(self, plan: _Plan, docs: list[int]) -> None:
        rng, pid = self.rng, self.pid
        weekdays = rng.choice(((0, 2), (1, 3), (0, 3), (1, 4)))
        size = rng.choice((3.0, 3.5, 4.0))
        route = plan.route
        proof = docs[1] if len(docs) > 1 else None
        day, n = plan.lessons_from, 0
        until = plan.lessons_until
        while day <= until:
            wd = day.weekday()
            holiday = (
                (day.month == 7 and day.day > 14)
                or day.month == 8
                or (day.month == 12 and day.day > 23)
            )
            if wd in weekdays and not holiday:
                n += 1
                if plan.regime_2013:
                    cat = "wi2013_cursus"
                elif route == "Z":
                    cat = "z_taal" if wd == weekdays[0] else "z_participatie"
                elif n <= 4:
                    cat = "TaallesEnKnmBredeIntake"
                else:
                    cat = "ParticipatieAlsTaalles"
                r = rng.random()
                att, reason = ("aanwezig", None)
                if r < 0.02:
                    att = "verzuim_ongeoorloofd"
                elif r < 0.07:
                    att, reason = (
                        "verzuim_geoorloofd",
                        rng.choice(
                            (
                                "Ill",
                                "Appointment at the hospital",
                                "Child ill",
                                "Appointment at the gemeente",
                            )
                        ),
                    )
                self.emit(
                    "hour_entry",
                    {
                        "person_id": pid,
                        "date": day,
                        "hours": size,
                        "category": cat,
                        "attendance": att,
                        "absence_reason": reason,
                        "provider_id": self.school,
                        "source": "provider" if rng.random() < 0.7 else "self",
                        "document_id": proof if n % 20 == 0 else None,
                    },
                )
            elif wd == 4 and route in ("B", "Z") and n > 120 and n % 6 == 0 and not holiday:
                cat = rng.choice(("map_theorie", "map_praktijk", "map_praktijk", "pvt"))
                self.emit(
                    "hour_entry",
                    {
                        "person_id": pid,
                        "date": day,
                        "hours": float(rng.choice((4, 6, 8))),
                        "category": cat,
                        "attendance": "aanwezig",
                        "absence_reason": None,
                        "provider_id": None,
                        "source": "self",
                        "document_id": None,
                        "description": "Workplace visit" if cat == "map_praktijk" else None,
                        "dutch_speaking": True if cat == "map_praktijk" else None,
                    },
                )
            day += dt.timedelta(days=1)

    def exams(self, plan: _Plan, docs: list[int]) -> None:
        if plan.route != "B" and not plan.regime_2013:
            return
        rng, pid = self.rng, self.pid
        onderdelen = ("KNM", "LE", "LU", "SC", "SP", "ONA") if plan.regime_2013 else ONDERDELEN
        base = plan.pip1 or plan.lessons_from
        voldaan = plan.status == "voldaan_diploma"
        for ond in onderdelen:
            planned = self.day(base, 330, 700)
            if voldaan:
                planned = min(planned, self.ref - dt.timedelta(days=rng.randint(60, 200)))
            counted = 0
            for _attempt in range(4):
                future = planned >= self.ref
                reg = planned - dt.timedelta(days=rng.randint(42, 90))
                registered = not future or rng.random() < 0.5
                result = reden = None
                result_date = None
                if not future:
                    r = rng.random()
                    result = (
                        "Geslaagd" if voldaan or r < 0.62 else ("Gezakt" if r < 0.94 else "Geen")
                    )
                    if result == "Geen":
                        reden = rng.choice(("Afgemeld", "Absent", "Nietverwijtbaar"))
                    result_date = planned + dt.timedelta(days=rng.randint(20, 50))
                    if result_date >= self.ref:
                        result = reden = result_date = None
                attempt_no, free = counted + 1, counted < 2
                if reden != "Afgemeld":
                    counted += 1
                self.emit(
                    "exam_attempt",
                    {
                        "person_id": pid,
                        "onderdeel": ond,
                        "niveau": None
                        if ond in ("KNM", "ONA")
                        else ("A2" if plan.regime_2013 else "B1"),
                        "exam_type": "inburgering",
                        "planned_date": planned,
                        "registration_date": reg if registered else None,
                        "registered_by": rng.choice(("self", "school")) if registered else None,
                        "location": f"DUO {rng.choice(('Utrecht', 'Zwolle', 'Rotterdam', 'Groningen'))}",
                        "resultaat": result,
                        "reden_geen_resultaat": reden,
                        "result_date": result_date,
                        "attempt_no": attempt_no,
                        "free_attempt": free,
                        "fee": None if free else Decimal("50.00"),
                        "document_id": docs[-1] if result == "Geslaagd" and len(docs) > 2 else None,
                    },
                )
                if result != "Gezakt" and result != "Geen":
                    break
                planned = planned + dt.timedelta(days=rng.randint(60, 120))

    def support(self, plan: _Plan) -> None:
        rng, pid = self.rng, self.pid
        if plan.bijstand is not None:
            extended = rng.random() < 0.2
            for kind, payee in (
                ("huur", "Woningcorporatie"),
                ("energie", "Energiebedrijf"),
                ("zorgverzekering", "Zorgverzekeraar"),
            ):
                until = add_months(plan.bijstand, 12 if extended else 6)
                over = until < self.ref
                self.emit(
                    "ontzorging",
                    {
                        "person_id": pid,
                        "kind": kind,
                        "payee": payee,
                        "amount": float(rng.randint(40, 900)),
                        "from_date": plan.bijstand,
                        "until_date": until,
                        "extended": extended,
                        "step": "door_mij" if over else rng.choice(("voor_mij", "met_mij")),
                        "step_date": min(until, self.ref),
                        "status": "beeindigd" if over else "actief",
                    },
                )
        if plan.pip1 is not None and rng.random() < 0.25:
            req = self.day(plan.pip1, 500, 900)
            if self.past(req):
                decision = rng.choices(("toegekend", "afgewezen", "aangevraagd"), (60, 10, 30))[0]
                dec_day = self.day(req, 20, 80) if decision != "aangevraagd" else None
                self.emit(
                    "verlenging",
                    {
                        "person_id": pid,
                        "requested_date": req,
                        "ambtshalve": rng.random() < 0.2,
                        "ground": "Lessons started late: waiting list at the school",
                        "months": rng.choice((3, 6, 12)),
                        "decision": decision,
                        "decision_date": dec_day if dec_day and dec_day < self.ref else None,
                    },
                )
        for kind in rng.sample(
            ("kinderopvang", "vervoer", "digitale_toegang", "rooster"), rng.randint(0, 3)
        ):
            self.emit(
                "precondition",
                {
                    "person_id": pid,
                    "kind": kind,
                    "status": rng.choice(("geregeld", "in_behandeling", "probleem", "nvt")),
                    "due_date": self.day(self.ref, -60, 90) if rng.random() < 0.5 else None,
                    "notes": None,
                },
            )

    def conversations(self, plan: _Plan, contacts: list[int], language: str) -> None:
        rng, pid = self.rng, self.pid
        day = plan.pip1 - dt.timedelta(days=30) if plan.pip1 else self.day(plan.start, 30, 60)
        kinds = ["kennismaking", "intake", "lbt", "pip"]
        while day < self.ref:
            kind = kinds.pop(0) if kinds else "voortgang"
            self.emit(
                "conversation",
                {
                    "person_id": pid,
                    "date": self.stamp(day),
                    "planned": False,
                    "type": kind,
                    "channel": rng.choice(("in_person", "in_person", "phone", "video")),
                    "location": None,
                    "interpreter": rng.choice(("none", "professional", "phone")),
                    "language": language,
                    "participants": "Klantmanager",
                    "summary": rng.choice(names.CONVERSATION_SUMMARIES),
                    "agreements": None,
                    "follow_up": None,
                    "contact_id": contacts[0],
                },
            )
            day += dt.timedelta(days=rng.randint(60, 140))
        self.emit(
            "conversation",
            {
                "person_id": pid,
                "date": self.stamp(self.ref) + dt.timedelta(days=rng.randint(3, 40)),
                "planned": True,
                "type": "voortgang",
                "channel": "in_person",
                "location": None,
                "interpreter": "none",
                "language": language,
                "participants": "Klantmanager",
                "summary": None,
                "agreements": None,
                "follow_up": None,
                "contact_id": contacts[0],
            },
        )
