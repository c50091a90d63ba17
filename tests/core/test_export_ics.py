"""Calendar export: RFC 5545 that a phone imports, with reminders before registration closes."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from core.domain.facts import dossier_facts
from core.export import ics
from core.export.sections import DEFAULT_CODES
from core.rules.clocks import all_clocks
from core.services.dossiers import load_dossier
from tests.conftest import TODAY


def events(store, demo_id, sections=DEFAULT_CODES):
    person = load_dossier(store, demo_id)
    data = ics.render(
        person, sections, today=TODAY, lang="en", stamp=dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
    )
    cal = Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0" and "PRODID" in cal
    return person, data, cal.walk("VEVENT")


def test_exams_have_a_reminder_before_registration_closes(store, demo_id):
    _person, _data, evs = events(store, demo_id)
    knm = next(
        e for e in evs if "KNM" in str(e["SUMMARY"]) and str(e["SUMMARY"]).startswith("Exam")
    )
    assert knm.decoded("DTSTART") == TODAY + dt.timedelta(days=50)
    assert "Dec 1, 2026" in str(knm["DESCRIPTION"])  # 6 weeks before the exam
    triggers = sorted(a.decoded("TRIGGER") for a in knm.walk("VALARM"))
    assert triggers[0] == -dt.timedelta(days=49)  # a week before registration closes
    assert triggers[1] == -dt.timedelta(days=1)
    assert knm.decoded("DTSTART") + triggers[0] < TODAY + dt.timedelta(days=50) - dt.timedelta(
        weeks=6
    )


def test_planned_conversation_and_open_deadlines(store, demo_id):
    person, data, evs = events(store, demo_id)
    talk = next(e for e in evs if str(e["SUMMARY"]) == "Progress meeting")
    assert talk.decoded("DTSTART").replace(tzinfo=None) == dt.datetime.combine(
        TODAY + dt.timedelta(days=14), dt.time(9, 30)
    )
    assert b"TZID=Europe/Amsterdam" in data and b"BEGIN:VTIMEZONE" in data
    open_clocks = {
        c.date
        for c in all_clocks(dossier_facts(person), TODAY)
        if c.status != "done" and c.date and c.date >= TODAY and c.kind != "ontzorging_end"
    }
    starts = {
        e.decoded("DTSTART")
        for e in evs
        if "CATEGORIES" in e and b"deadline" in e["CATEGORIES"].to_ical()
    }
    assert open_clocks <= starts
    assert len({str(e["UID"]) for e in evs}) == len(evs)


def test_uids_are_stable_between_exports(store, demo_id):
    _p, _d, first = events(store, demo_id)
    _p, _d, second = events(store, demo_id)
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]


def test_only_consented_sections(store, demo_id):
    _p, data, evs = events(store, demo_id, ("exams",))
    assert all(str(e["SUMMARY"]).startswith("Exam") for e in evs)
    assert b"Amanuel" not in data  # identity not shared: no name in the calendar title
