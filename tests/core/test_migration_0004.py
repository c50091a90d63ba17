"""Revision 0004: every existing dossier gets its folded name key, so an upgraded store finds
"Al-Hassan" for "al hassan" at once."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from core.services.dossiers import list_dossiers
from core.services.store import Store
from core.session import open_database

SCHEMA_0002 = Path(__file__).resolve().parents[1] / "data" / "schema_0002.db"


def test_existing_dossiers_are_found_folded_after_the_upgrade(tmp_path):
    path = tmp_path / "data" / "blauwemap.db"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(SCHEMA_0002, path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE person SET given_names = 'Zeynep', family_name = 'Çelik-Al Amin' WHERE id = 1"
        )
    conn.close()
    db = open_database(path, None)
    try:
        store = Store(db)
        assert [r.name for r in list_dossiers(store, "celik al amin")] == ["Zeynep Çelik-Al Amin"]
        assert [r.name for r in list_dossiers(store, "AMIN ZEYNEP")] == ["Zeynep Çelik-Al Amin"]
    finally:
        db.close()
