"""Validation before anything reaches the database (core.domain.validation.clean)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core import models as m
from core.domain.validation import clean, to_date
from core.errors import ValidationError

TODAY = dt.date(2026, 11, 23)


def bad(model, values, **kw) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        clean(model, values, today=TODAY, **kw)
    assert str(err.value)
    return err.value.errors


def test_bsn_is_normalized_and_checked():
    assert clean(m.Person, {"bsn": "1112.22.333"})["bsn"] == "111222333"
    assert clean(m.Person, {"bsn": "12345672"})["bsn"] == "012345672"
    assert "bsn" in bad(m.Person, {"bsn": "111222334"})
    assert "elfproef" in bad(m.Person, {"bsn": "111222334"})["bsn"]
    assert clean(m.Person, {"bsn": ""})["bsn"] is None


def test_v_nummer():
    assert clean(m.Person, {"v_nummer": "27 0123 4567"})["v_nummer"] == "2701234567"
    assert "v_nummer" in bad(m.Person, {"v_nummer": "12345"})


def test_messages_never_echo_the_bsn():
    errors = bad(m.Person, {"bsn": "999999999"})
    assert "999999999" not in errors["bsn"]


def test_coded_values_must_be_known():
    assert clean(m.Person, {"regime": "Wi2013"})["regime"] == "Wi2013"
    assert "regime" in bad(m.Person, {"regime": "Wi2030"})
    assert clean(m.PipVersion, {"leerroute": "Z"})["leerroute"] == "Z"
    assert "leerroute" in bad(m.PipVersion, {"leerroute": "Q"})


def test_dates():
    assert to_date("2024-02-29") == dt.date(2024, 2, 29)
    assert to_date(dt.datetime(2024, 2, 29, 12)) == dt.date(2024, 2, 29)
    assert to_date("") is None
    with pytest.raises(ValueError):
        to_date("2023-02-29")
    assert "planned_date" in bad(m.ExamAttempt, {"planned_date": "29-02-2024"})
    assert "planned_date" in bad(m.ExamAttempt, {"planned_date": "1899-12-31"})


def test_date_of_birth_not_in_the_future_or_too_old():
    assert clean(m.Person, {"date_of_birth": "1990-05-01"}, today=TODAY)[
        "date_of_birth"
    ] == dt.date(1990, 5, 1)
    assert "date_of_birth" in bad(m.Person, {"date_of_birth": "2026-11-24"})
    assert "date_of_birth" in bad(m.Person, {"date_of_birth": "1905-01-01"})


def test_date_order_uses_the_existing_record():
    errors = bad(
        m.OntzorgingItem,
        {"until_date": dt.date(2025, 1, 1)},
        existing={"from_date": dt.date(2025, 2, 1)},
    )
    assert "until_date" in errors
    ok = clean(
        m.OntzorgingItem,
        {"until_date": dt.date(2025, 3, 1)},
        existing={"from_date": dt.date(2025, 2, 1)},
    )
    assert ok == {"until_date": dt.date(2025, 3, 1)}


def test_numbers():
    assert clean(m.HourEntry, {"hours": "2,5"})["hours"] == 2.5
    assert "hours" in bad(m.HourEntry, {"hours": "two"})
    assert "hours" in bad(m.HourEntry, {"hours": "nan"})
    assert "hours" in bad(m.HourEntry, {"hours": True})
    assert "hours" in bad(m.HourEntry, {"hours": -1})
    assert clean(m.ExamAttempt, {"fee": "50,00"})["fee"] == Decimal("50.00")
    assert "fee" in bad(m.ExamAttempt, {"fee": "-1"})
    assert "months" in bad(m.Verlenging, {"months": 0})
    assert "months" in bad(m.Verlenging, {"months": "six"})
    assert clean(m.Verlenging, {"months": "6"})["months"] == 6


def test_text_is_trimmed_normalized_and_free_of_control_characters():
    assert clean(m.Person, {"family_name": "  Tesfay  "})["family_name"] == "Tesfay"
    decomposed = "Jose\u0301"
    assert clean(m.Person, {"family_name": decomposed})["family_name"] == "José"
    assert "family_name" in bad(m.Person, {"family_name": "evil\u202ename"})
    assert "family_name" in bad(m.Person, {"family_name": "x" * 201})
    assert clean(m.Person, {"notes": "line 1\nline 2"})["notes"] == "line 1\nline 2"


def test_contact_details():
    assert "email" in bad(m.Person, {"email": "name@"})
    assert "phone" in bad(m.Person, {"phone": "call me"})
    assert clean(m.Person, {"phone": "+31 6 12345678"})["phone"] == "+31 6 12345678"


def test_protected_and_unknown_fields_are_refused():
    errors = bad(m.Person, {"id": 5, "uuid": "x", "no_such_column": 1})
    assert set(errors) == {"id", "uuid", "no_such_column"}


def test_required_fields_when_not_partial():
    errors = bad(m.HourEntry, {"hours": 2}, partial=False)
    assert {"date", "category"} <= set(errors)


def test_booleans_and_json():
    assert clean(m.Person, {"map_omitted_working": "true"})["map_omitted_working"] is True
    assert clean(m.Person, {"map_omitted_working": 0})["map_omitted_working"] is False
    assert "map_omitted_working" in bad(m.Person, {"map_omitted_working": "maybe"})
    assert clean(m.Person, {"languages_spoken": ["ar", "ti"]})["languages_spoken"] == ["ar", "ti"]
    assert "languages_spoken" in bad(m.Person, {"languages_spoken": "ar"})
    assert "languages_spoken" in bad(m.Person, {"languages_spoken": ["a"]})


def test_all_errors_at_once():
    errors = bad(m.Person, {"bsn": "1", "email": "x", "regime": "?", "date_of_birth": "2030-01-01"})
    assert set(errors) == {"bsn", "email", "regime", "date_of_birth"}


def test_arabic_indic_and_persian_digits_are_read_as_digits(store):
    """Dates, numbers, BSN and phone typed with Arabic-Indic or Persian digits are accepted and
    kept in ASCII, as the same value typed with 0-9 would be."""
    from core.services.dossiers import create_dossier, load_dossier
    from core.services.records import add_record

    pid = create_dossier(
        store,
        {
            "given_names": "Amal",
            "family_name": "Nasser",
            "date_of_birth": "١٩٩٤-٠٥-١٧",
            "bsn": "١١١٢٢٢٣٣٣",
            "phone": "٠٦ ١٢٣٤٥٦٧٨",
        },
    )
    add_record(
        store,
        pid,
        "hour",
        {"date": "۲۰۲۶-۰۳-۰۲", "hours": "۲٫۵", "category": "voorinburgering_nt2"},
    )
    person = load_dossier(store, pid)
    assert person.date_of_birth == dt.date(1994, 5, 17)
    assert (person.bsn, person.phone) == ("111222333", "06 12345678")
    (hour,) = person.hours
    assert (hour.date, float(hour.hours)) == (dt.date(2026, 3, 2), 2.5)


def test_invisible_characters_and_line_breaks_are_handled_at_the_gate():
    """The one gate every write passes: forms, services and import all meet clean()."""
    assert clean(m.Person, {"given_names": "\ufeffAmanuel\u200b"})["given_names"] == "Amanuel"
    assert clean(m.Person, {"family_name": "Tesfay\nGebremedhin"})["family_name"] == (
        "Tesfay Gebremedhin"
    )
    assert clean(m.Person, {"notes": "a\r\nb"})["notes"] == "a\nb"
    assert clean(m.Person, {"gemeente": "\ufeff"})["gemeente"] is None  # nothing visible: empty
    assert "family_name" in bad(m.Person, {"family_name": "c1\x9bcontrol"})
