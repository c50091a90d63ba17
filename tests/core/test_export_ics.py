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


def test_a_line_break_in_a_family_name_keeps_the_calendar_and_the_re_import_whole(
    store, demo_id, tmp_path
):
    from core.services.dossiers import update_person

    update_person(store, demo_id, {"family_name": "Tesfay\nGebremedhin;\ufeff Jr, \\"})
    person, data, _evs = events(store, demo_id, ("identity", "plicht", "exams", "contacts"))
    assert person.family_name == "Tesfay Gebremedhin; Jr, \\"
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets (RFC 5545 3.1)
    unfolded = data.replace(b"\r\n ", b"").decode()
    assert "X-WR-CALNAME:Inburgering: Amanuel Tesfay Gebremedhin\\; Jr\\, \\\\" in unfolded
    # The app's own klantprofiel of this dossier goes back in.
    from core.db import Database
    from core.models.enums import ActorKind
    from core.services import exports as ex
    from core.services.store import Actor, Store

    path = tmp_path / "out.json"
    ex.export_dossier(store, demo_id, "json", path, sections=("identity",), today=TODAY)
    other = Database.open(tmp_path / "other.db", None)
    try:
        target = Store(other, Actor(ActorKind.CONSULTANT.value, "Other"))
        new_id = ex.apply_import(target, ex.preview_import(target, path.read_bytes()))
        assert load_dossier(target, new_id).family_name == person.family_name
    finally:
        other.close()


def test_texts_stored_before_the_gate_are_escaped(store, demo_id):
    """A name with a line break from before text was cleaned at the gate still makes valid
    RFC 5545: every text property is escaped, the calendar's name too."""
    person = load_dossier(store, demo_id)
    person.family_name = "Tesfay\nGebremedhin, Jr"
    data = ics.render(person, ("identity",), today=TODAY, lang="nl")
    cal = Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0"
    assert b": Amanuel Tesfay\\nGebremedhin\\, Jr\r\n" in data
