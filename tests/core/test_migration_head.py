"""Migrations: HEAD matches the newest revision, a fresh database is stamped with it, the schema
the migrations build equals the models, and a database from a newer version is refused."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, MetaData, String

from core import migrations
from core.db import Database
from core.errors import NewerDatabaseError
from core.migrations import schema_revision
from core.models import Base


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrations._config())


def test_head_constant_is_the_newest_revision_file():
    script = script_directory()
    heads = script.get_heads()
    assert heads == [migrations.HEAD], "core.migrations.HEAD must name the single newest revision"
    files = sorted(p.name for p in (migrations.SCRIPT_LOCATION / "versions").glob("*.py"))
    assert files[-1].startswith(migrations.HEAD)
    assert migrations.HEAD in migrations.known_revisions()


def test_revisions_form_one_line():
    revisions = list(script_directory().walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for r in revisions:
        assert not r.is_merge_point


def test_fresh_database_gets_head(tmp_path):
    db = Database.open(tmp_path / "fresh.db", None)
    try:
        assert schema_revision(db) == migrations.HEAD
    finally:
        db.close()


def test_migrated_schema_matches_the_models(tmp_path):
    db = Database.open(tmp_path / "compare.db", None)
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True}
            )
            diff = compare_metadata(ctx, Base.metadata)
            assert diff == [], diff
            # The comparison does see differences: a column the database lacks shows up.
            extra = MetaData()
            for table in Base.metadata.sorted_tables:
                table.to_metadata(extra)
            extra.tables["person"].append_column(Column("not_in_db", String(5)))
            changed = compare_metadata(ctx, extra)
        assert [d[0] for d in changed] == ["add_column"]
    finally:
        db.close()


def test_reopening_at_head_changes_nothing(tmp_path):
    path = tmp_path / "again.db"
    Database.open(path, None).close()
    db = Database.open(path, None)
    try:
        assert schema_revision(db) == migrations.HEAD
        assert "person" in db.table_names()
    finally:
        db.close()


def test_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    Database.open(path, None).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as err:
        Database.open(path, None)
    assert "newer version" in str(err.value)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
    con.close()
    assert len(path.read_bytes()) == len(before)


def test_downgrade_to_base_drops_every_table_and_upgrade_rebuilds_them(tmp_path):
    from alembic import command

    from core.db import Database
    from core.migrations import _config

    db = Database.open(tmp_path / "down.db", None)
    tables = set(db.table_names())
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert db.table_names() == ["alembic_version"]
    db.close()
    again = Database.open(tmp_path / "down.db", None)
    assert set(again.table_names()) == tables
    again.close()
