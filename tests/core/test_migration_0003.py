"""Revision 0003: an exam's kind and who registered it become choices, and what people typed
into those fields before is kept (as the code, or in the attempt's notes)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from core.errors import ValidationError
from core.services.dossiers import load_dossier
from core.services.records import update_record
from core.services.store import Store
from core.session import open_database

SCHEMA_0002 = Path(__file__).resolve().parents[1] / "data" / "schema_0002.db"

# (exam_type, registered_by, notes) as typed at 0002 -> what 0003 keeps
CASES = [
    (("inburgering", "school", None), ("inburgering", "school", None)),
    (("Staatsexamen ", "Zelf", "Own notes"), ("staatsexamen", "self", "Own notes")),
    (("staatsexamen programma II", "GEMEENTE", None), ("staatsexamen", "gemeente", None)),
    (
        ("Alfa toets", "mijn docent", "Own notes"),
        (
            "inburgering",
            None,
            "Own notes\nKind of exam as typed before: Alfa toets\n"
            "Registered by (as typed before): mijn docent",
        ),
    ),
]


@pytest.fixture
def upgraded(tmp_path):
    path = tmp_path / "data" / "blauwemap.db"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(SCHEMA_0002, path)
    conn = sqlite3.connect(path)
    with conn:
        for number, ((kind, by, notes), _) in enumerate(CASES, start=1):
            conn.execute(
                "INSERT INTO exam_attempt (id, person_id, onderdeel, exam_type, registered_by,"
                " attempt_no, free_attempt, notes) VALUES (?, 1, 'LE', ?, ?, ?, 1, ?)",
                (number, kind, by, number, notes),
            )
    assert conn.execute("SELECT count(*) FROM clock_fresh").fetchone() == (1,)
    conn.close()
    db = open_database(path, None)
    yield db, path
    db.close()


def test_typed_values_become_codes_and_nothing_typed_is_lost(upgraded):
    db, _path = upgraded
    person = load_dossier(Store(db), 1)
    got = {x.id: (x.exam_type, x.registered_by, x.notes) for x in person.exams}
    assert got == {number: want for number, (_, want) in enumerate(CASES, start=1)}


def test_the_changed_dossiers_clock_plans_are_computed_again(upgraded):
    _db, path = upgraded
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM clock_fresh").fetchone() == (0,)
    finally:
        conn.close()


def test_after_the_upgrade_only_the_choices_are_accepted_in_any_case(upgraded):
    db, _path = upgraded
    store = Store(db)
    update_record(store, "exam", 1, {"exam_type": "STAATSEXAMEN", "registered_by": "Gemeente"})
    exam = next(x for x in load_dossier(store, 1).exams if x.id == 1)
    assert (exam.exam_type, exam.registered_by) == ("staatsexamen", "gemeente")
    with pytest.raises(ValidationError) as err:
        update_record(store, "exam", 1, {"registered_by": "my neighbour"})
    assert err.value.field == "registered_by"
    exam = next(x for x in load_dossier(store, 1).exams if x.id == 1)
    assert exam.registered_by == "gemeente"  # the refused value changed nothing
