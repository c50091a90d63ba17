"""Build ``tests/data/schema_<rev>.db``: a database at one released schema revision holding a
small fictional dossier, for tests/core/test_migrations.py to upgrade.

Run once, when a revision is released, and commit the file; never rebuild an old one (it stands
for the files people have on their laptops). The rows are written with plain SQL in the columns
of that revision, not through today's models, so the script keeps working as the models change:

    .venv/bin/python tests/data/make_schema_db.py 0002

Everyone in it is made up; the BSN passes the elfproef but belongs to no one we know of.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.db import Database
from core.migrations import upgrade

HERE = Path(__file__).resolve().parent
PERSON_UUID = "5d0c1e1a-3f2b-4c55-9d7e-0a1b2c3d4e5f"
GIVEN, FAMILY, BSN = "Yohannes", "Fikre Testdossier", "123456782"
DOCUMENT = b"%PDF-1.4\n% fictional attendance letter for the schema test\n%%EOF\n"

ROWS_0001: list[tuple[str, dict[str, object]]] = [
    (
        "person",
        {
            "id": 1,
            "uuid": PERSON_UUID,
            "given_names": GIVEN,
            "family_name": FAMILY,
            "date_of_birth": "1990-03-14",
            "bsn": BSN,
            "v_nummer": "3012345678",
            "languages_spoken": json.dumps(["ti", "en"]),
            "preferred_language": "ti",
            "gemeente": "Zwolle",
            "doelgroep": "Asielstatushouder",
            "regime": "Wi2021",
            "plicht_status": "plichtig",
            "plicht_begindatum": "2024-02-01",
            "pip_clock_start": "huisvesting",
            "map_omitted_working": 0,
            "notes": "Fictional dossier kept to test schema upgrades.",
            "created_at": "2024-02-01 09:00:00.000000",
            "updated_at": "2024-02-01 09:00:00.000000",
        },
    ),
    (
        "provider",
        {"id": 1, "name": "Taalschool Voorbeeld", "keurmerk": "keurmerk", "taalschakel_erkend": 0},
    ),
    (
        "document",
        {
            "id": 1,
            "person_id": 1,
            "title": "Attendance letter",
            "kind": "other",
            "filename": "attendance.pdf",
            "mime_type": "application/pdf",
            "size": len(DOCUMENT),
            "sha256": hashlib.sha256(DOCUMENT).hexdigest(),
            "content": DOCUMENT,
            "added_at": "2024-03-01 10:00:00.000000",
        },
    ),
    *[
        (
            "hour_entry",
            {
                "id": n,
                "person_id": 1,
                "date": f"2024-03-{n:02d}",
                "hours": 2.5,
                "category": "ParticipatieAlsTaalles",
                "attendance": "aanwezig",
                "provider_id": 1,
                "source": "self",
                "document_id": 1 if n == 1 else None,
            },
        )
        for n in range(1, 6)
    ],
    (
        "contact",
        {
            "id": 1,
            "person_id": 1,
            "name": "Klantmanager Voorbeeld",
            "role": "klantmanager",
            "is_vaste_aanspreekpunt": 1,
        },
    ),
    (
        "audit_entry",
        {
            "id": 1,
            "person_id": 1,
            "at": "2024-02-01 09:00:00.000000",
            "actor_kind": "consultant",
            "action": "create",
            "entity": "person",
            "entity_id": 1,
            "fields": json.dumps([]),
        },
    ),
]


# 0002 adds the stored clock plans (derived data): one clock and its fresh mark.
ROWS_0002: list[tuple[str, dict[str, object]]] = [
    *ROWS_0001,
    (
        "clock",
        {
            "id": 1,
            "person_id": 1,
            "kind": "termijn_end",
            "date": "2027-06-01",
            "source": "seed 001 L1137-1138",
            "start": "2024-06-01",
            "detail": "",
            "met": 0,
            "closes": 0,
            "shown_from": None,
            "shown_until": None,
            "order_key": "2027-06-01|termijn_end|000|",
        },
    ),
    ("clock_fresh", {"person_id": 1, "plan_version": "0/schema-test"}),
]
ROWS_0003: list[tuple[str, dict[str, object]]] = [
    *ROWS_0002,
    (
        "exam_attempt",
        {
            "id": 1,
            "person_id": 1,
            "onderdeel": "LE",
            "niveau": "A2",
            "exam_type": "inburgering",
            "planned_date": "2025-03-10",
            "registration_date": "2025-01-20",
            "registered_by": "school",
            "resultaat": "Geslaagd",
            "result_date": "2025-04-01",
            "attempt_no": 1,
            "free_attempt": 1,
        },
    ),
]
ROWS = {"0001": ROWS_0001, "0002": ROWS_0002, "0003": ROWS_0003}


def build(revision: str, target: Path) -> Path:
    if revision not in ROWS:
        raise SystemExit(f"no rows written for revision {revision} yet: add ROWS_{revision}")
    work = target.with_name(target.name + ".building")
    for side in ("", "-wal", "-shm", "-journal"):
        work.with_name(work.name + side).unlink(missing_ok=True)
    db = Database.open(work, None, migrate=False)
    upgrade(db, revision)
    db.close()
    conn = sqlite3.connect(work)
    with conn:
        for table, row in ROWS[revision]:
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values()))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    work.replace(target)
    return target


if __name__ == "__main__":
    rev = sys.argv[1] if len(sys.argv) > 1 else "0001"
    print(build(rev, HERE / f"schema_{rev}.db"))
