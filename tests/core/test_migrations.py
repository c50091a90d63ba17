"""Schema migrations: every released schema upgrades with its data; a newer file is refused and
left byte for byte as it was; a failed migration rolls back and keeps its backup."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import core.migrations as migrations
from core import paths
from core.db import Database
from core.errors import MigrationError, NewerDatabaseError, StorageError
from core.migrations import schema_revision
from core.models import Base
from core.services import backup as backup_service
from core.services.documents import document_content
from core.services.dossiers import load_dossier
from core.services.store import Store
from core.session import open_database

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA_FILES = sorted(DATA.glob("schema_*.db"))
LAST = SCHEMA_FILES[-1].stem.removeprefix("schema_")  # the newest released revision


def _copy(src: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data" / "blauwemap.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, target)
    return target


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_a_file_is_kept_for_every_released_revision():
    released = {p.stem.removeprefix("schema_") for p in SCHEMA_FILES}
    assert "0001" in released
    assert released <= migrations.known_revisions()


def test_head_is_the_newest_revision():
    script = ScriptDirectory.from_config(migrations._config())
    assert script.get_current_head() == migrations.HEAD


def test_the_models_match_the_schema_the_migrations_build(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], "a model changed without a migration"


@pytest.mark.parametrize("schema_file", SCHEMA_FILES, ids=lambda p: p.stem)
def test_every_released_schema_upgrades_to_head_with_its_data(schema_file, tmp_path):
    path = _copy(schema_file, tmp_path)
    db = open_database(path, None)
    try:
        assert schema_revision(db) == migrations.HEAD
        assert db.integrity_ok()
        store = Store(db)
        person = load_dossier(store, 1)
        assert (person.given_names, person.family_name) == ("Yohannes", "Fikre Testdossier")
        assert person.bsn == "123456782"
        assert person.uuid == "5d0c1e1a-3f2b-4c55-9d7e-0a1b2c3d4e5f"
        assert sorted(h.date.day for h in person.hours) == [1, 2, 3, 4, 5]
        assert sum(h.hours for h in person.hours) == pytest.approx(12.5)
        assert {h.provider.name for h in person.hours} == {"Taalschool Voorbeeld"}
        assert [c.name for c in person.contacts] == ["Klantmanager Voorbeeld"]
        doc, data = document_content(store, person.documents[0].id)
        assert data.startswith(b"%PDF") and doc.filename == "attendance.pdf"
    finally:
        db.close()
    upgraded = schema_file.stem != f"schema_{migrations.HEAD}"
    assert bool(backup_service.list_backups(paths.current().backups)) == upgraded


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = _copy(SCHEMA_FILES[0], tmp_path)
    _stamp(path, "9999")
    before = _sha(path)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path, None)
    assert _sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.is_file()) == ["blauwemap.db"]
    assert backup_service.list_backups(paths.current().backups) == []


BOGUS_FAILING = """
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("person", sa.Column("bogus", sa.Integer()))
    op.create_table("bogus_table", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE person SET family_name = 'CHANGED'")
    op.execute("DELETE FROM hour_entry")
    raise RuntimeError("this migration fails halfway")
"""

BOGUS_BATCH = """
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    # re-creates the person table (copy, drop, rename): the DROP must not cascade to children
    with op.batch_alter_table("person", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50)))
"""


@pytest.fixture
def bogus_revision(tmp_path, monkeypatch):
    """A copy of the migrations folder with one extra revision on top of HEAD."""

    def install(source: str) -> None:
        scripts = tmp_path / "migrations"
        shutil.copytree(
            migrations.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__")
        )
        (scripts / "versions" / "9001_bogus.py").write_text(
            source.format(down=migrations.HEAD), encoding="utf-8"
        )
        monkeypatch.setattr(migrations, "SCRIPT_LOCATION", scripts)
        monkeypatch.setattr(migrations, "HEAD", "9001")

    return install


def test_a_failed_migration_rolls_back_and_keeps_the_backup(tmp_path, bogus_revision):
    path = _copy(SCHEMA_FILES[-1], tmp_path)
    counts_before = _counts(path)
    bogus_revision(BOGUS_FAILING)
    with pytest.raises(MigrationError, match="Nothing was changed"):
        open_database(path, None)
    # nothing of the half-run migration stayed: no column, no table, no changed or lost rows
    assert _counts(path) == counts_before
    conn = sqlite3.connect(path)
    try:
        assert "bogus" not in [r[1] for r in conn.execute("PRAGMA table_info(person)")]
        assert conn.execute("SELECT family_name FROM person").fetchall() == [("Fikre Testdossier",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(LAST,)]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    # the backup taken before the attempt is kept and is whole
    kept = backup_service.list_backups(paths.current().backups)
    assert [(b.reason, b.revision) for b in kept] == [("migration", LAST)]
    assert backup_service.verify_backup(kept[0].path, None) == LAST
    assert Database.contains_row(kept[0].path, None, "person", "bsn", "123456782")


def test_a_migration_that_recreates_a_table_keeps_the_child_rows(tmp_path, bogus_revision):
    path = _copy(SCHEMA_FILES[-1], tmp_path)
    before = _counts(path)
    bogus_revision(BOGUS_BATCH)
    db = open_database(path, None)
    try:
        assert schema_revision(db) == "9001"
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
    after = _counts(path)
    for table in ("hour_entry", "contact", "document", "person", "audit_entry", "clock"):
        assert after[table] == before[table] > 0, table


def test_no_migration_runs_without_its_backup(tmp_path, bogus_revision, monkeypatch):
    path = _copy(SCHEMA_FILES[-1], tmp_path)
    bogus_revision(BOGUS_BATCH)
    before = _sha(path)

    def disk_full(*_args, **_kwargs):
        raise StorageError("The disk is full. Free some space; nothing was lost.")

    monkeypatch.setattr(backup_service, "make_backup", disk_full)
    with pytest.raises(StorageError, match="disk is full"):
        open_database(path, None)
    assert _sha(path) == before
