"""Calendar export (RFC 5545, icalendar): exams, planned conversations and deadlines.

Every event has a stable UID (dossier uuid + what it is), so importing a newer export into a
phone calendar updates events instead of doubling them. Exams carry reminders before the
registration window closes (DOMAIN.md §3: register at least 6 weeks ahead) and the day before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vText

from core import models as m
from core.domain.facts import dossier_facts
from core.export.klantprofiel import CLOCK_SECTION
from core.export.pdf_common import DocLang
from core.export.pdf_content import STATUS
from core.models import enums as e
from core.rules.clocks import KIND_LABELS, all_clocks, exam_registration_deadline
from core.rules.facts import ExamFacts

PRODID = "-//Blauwe Map//klantprofiel//NL"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _uid(person: m.Person, *parts: object) -> str:
    digest = hashlib.sha256("|".join(map(str, (person.uuid, *parts))).encode()).hexdigest()[:24]
    return f"{digest}@blauwemap.invalid"


def _alarm(text: str, before: dt.timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", -before)
    return alarm


def _all_day(
    person: m.Person, uid_parts: tuple[object, ...], summary: str, day: dt.date, stamp: dt.datetime
) -> Event:
    ev = Event()
    ev.add("uid", _uid(person, *uid_parts))
    ev.add("dtstamp", stamp)
    ev.add("summary", summary)
    ev.add("dtstart", day)
    ev.add("dtend", day + dt.timedelta(days=1))
    ev.add("transp", "TRANSPARENT")
    return ev


def render(
    person: m.Person,
    sections: Iterable[str] = ("plicht", "exams", "contacts", "pip"),
    *,
    today: dt.date,
    lang: str = "nl",
    stamp: dt.datetime | None = None,
) -> bytes:
    """The .ics bytes. Only what the chosen sections allow goes in."""
    chosen = set(sections)
    doc = DocLang(lang)
    when = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # An X- property is written as it is unless it is given as TEXT: then a name's comma,
    # semicolon, backslash or line break is escaped (RFC 5545 3.3.11) like the other texts.
    cal.add(
        "x-wr-calname",
        vText(
            doc.gettext("Inburgering: {name}").format(name=person.display_name)
            if "identity" in chosen
            else doc.gettext("Inburgering")
        ),
    )
    if "exams" in chosen:
        for x in sorted(person.exams, key=lambda x: x.id):
            if x.planned_date is None or x.resultaat is not None:
                continue
            name = doc.label(e.Onderdeel, x.onderdeel)
            summary = doc.gettext("Exam: {name}").format(name=name) + (
                f" ({x.niveau})" if x.niveau else ""
            )
            ev = _all_day(
                person, ("exam", x.onderdeel, x.planned_date), summary, x.planned_date, when
            )
            if x.location:
                ev.add("location", x.location)
            deadline = exam_registration_deadline(
                ExamFacts(onderdeel=x.onderdeel, planned_date=x.planned_date)
            )
            if x.registration_date is None and deadline is not None:
                text = doc.gettext("Register for the {name} exam before {date}.").format(
                    name=name, date=doc.date(deadline)
                )
                ev.add("description", text)
                lead = (x.planned_date - deadline) + dt.timedelta(days=7)
                ev.add_component(_alarm(text, lead))  # a week before registration closes
            ev.add_component(_alarm(summary, dt.timedelta(days=1)))
            cal.add_component(ev)
    if "contacts" in chosen:
        for c in sorted(person.conversations, key=lambda c: c.id):
            if not c.planned or c.date.date() < today:
                continue
            ev = Event()
            ev.add("uid", _uid(person, "conversation", c.date.isoformat(), c.type))
            ev.add("dtstamp", when)
            ev.add("summary", doc.label(e.ConversationType, c.type))
            start = c.date.replace(tzinfo=AMSTERDAM)  # stored as Dutch local time
            ev.add("dtstart", start)
            ev.add("dtend", start + dt.timedelta(hours=1))
            if c.location:
                ev.add("location", c.location)
            ev.add_component(_alarm(doc.label(e.ConversationType, c.type), dt.timedelta(days=1)))
            cal.add_component(ev)
    if "plicht" in chosen:
        for clock in all_clocks(dossier_facts(person), today):
            if clock.date is None or clock.status == "done" or clock.date < today:
                continue
            if CLOCK_SECTION.get(clock.kind, "plicht") not in chosen:
                continue
            label = doc.gettext(KIND_LABELS[clock.kind]).format(detail=clock.detail)
            ev = _all_day(
                person, ("clock", clock.kind, clock.detail, clock.date), label, clock.date, when
            )
            ev.add("description", f"{doc.gettext(STATUS[clock.status])} · {clock.source}")
            ev.add("categories", ["deadline"])
            ev.add_component(_alarm(label, dt.timedelta(days=14)))
            cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical()
