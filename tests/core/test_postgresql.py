"""The same models and services on a PostgreSQL server, as a team of consultants will share one:
the migrations build the models' schema, and a whole dossier is searched, computed, exported,
imported and deleted there. A throwaway server is started from Debian's postgresql programs
(``check`` installs them); without them these tests are skipped and say why."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text

import core.migrations as migrations
from core import models as m
from core.db import Database
from core.export import json_io
from core.export.sections import ALL_CODES
from core.models import Base
from core.models.enums import ActorKind
from core.services import exports as ex
from core.services.clock_cache import first_open_clocks
from core.services.demo import create_demo_dossier
from core.services.dossiers import (
    count_dossiers,
    create_dossier,
    delete_dossier,
    list_dossiers,
    load_dossier,
)
from core.services.store import Actor, Store
from tests.conftest import TODAY

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")


@pytest.fixture
def server(pg_server, pg_database) -> str:
    return pg_server.admin_url(pg_database)


@pytest.fixture
def pg(server: str) -> Iterator[Store]:
    """A store on an empty database migrated to head, as a team's server would be."""
    engine = create_engine(server)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    cfg = migrations._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        from alembic import command

        command.upgrade(cfg, "head")
    yield Store(Database(engine, None, False), Actor(ActorKind.CONSULTANT.value, "Team"))
    engine.dispose()


def test_the_migrations_build_the_models_schema_on_postgresql(pg):
    with pg.db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            migrations.HEAD
        )
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], "the migrations and the models differ on PostgreSQL"


def test_search_ignores_case_there_too(pg):
    create_dossier(pg, {"given_names": "Elif", "family_name": "Özdemir", "gemeente": "Enschede"})
    create_dossier(pg, {"given_names": "Yonas", "family_name": "Tesfay", "gemeente": "Zwolle"})
    assert [r.name for r in list_dossiers(pg, "elif özd")] == ["Elif Özdemir"]
    assert [r.name for r in list_dossiers(pg, "ÖZDEMIR")] == ["Elif Özdemir"]
    assert count_dossiers(pg, "zwolle") == 1 and count_dossiers(pg, "ENSCHEDE") == 1
    assert count_dossiers(pg, "50%") == 0  # LIKE wildcards typed are plain characters


def test_search_folds_case_diacritics_hyphens_and_spaces_as_on_sqlite(pg):
    create_dossier(pg, {"given_names": "Ahmad", "family_name": "Al-Hassan"})
    create_dossier(pg, {"given_names": "Zeynep", "family_name": "Çelik"})
    assert [r.name for r in list_dossiers(pg, "al hassan")] == ["Ahmad Al-Hassan"]
    assert [r.name for r in list_dossiers(pg, "hassan ahmad")] == ["Ahmad Al-Hassan"]
    assert [r.name for r in list_dossiers(pg, "celik")] == ["Zeynep Çelik"]
    assert [r.name for r in list_dossiers(pg, "ÇELİK")] == ["Zeynep Çelik"]


def test_a_whole_dossier_gives_the_same_clocks_as_on_sqlite(pg, store):
    on_pg = create_demo_dossier(pg, TODAY)
    on_sqlite = create_demo_dossier(store, TODAY)
    for day in (TODAY, TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=400)):
        assert first_open_clocks(pg, day)[on_pg] == first_open_clocks(store, day)[on_sqlite]
    person = load_dossier(pg, on_pg)
    assert len(person.hours) > 10 and person.pip_versions and person.exams


def test_export_import_and_delete_on_postgresql(pg, tmp_path):
    dossier = create_demo_dossier(pg, TODAY)
    first = tmp_path / "first.json"
    ex.export_dossier(pg, dossier, "json", first, sections=ALL_CODES, today=TODAY)
    delete_dossier(pg, dossier)
    with pg.db.session() as session:
        assert session.execute(select(func.count()).select_from(m.HourEntry)).scalar() == 0
    again = ex.apply_import(pg, ex.preview_import(pg, first.read_bytes()))
    second = tmp_path / "second.json"
    ex.export_dossier(pg, again, "json", second, sections=ALL_CODES, today=TODAY)
    # byte for byte the same file once the one field that differs between two exports is equal
    again_content = json.loads(second.read_bytes())
    again_content["export"]["exportedAt"] = json.loads(first.read_bytes())["export"]["exportedAt"]
    assert json_io.dumps(again_content) == first.read_bytes()
    ex.export_dossier(
        pg, again, "pdf", tmp_path / "klantprofiel.pdf", sections=ALL_CODES, today=TODAY
    )
    assert (tmp_path / "klantprofiel.pdf").read_bytes().startswith(b"%PDF")
