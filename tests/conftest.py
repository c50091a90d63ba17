"""Root fixtures: headless Qt, a fresh temporary data folder and database per test."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from core import i18n, paths
from core.db import Database
from core.models.enums import ActorKind
from core.services.store import Actor, Store

TODAY = dt.date(2026, 11, 23)
TEST_PASSPHRASE = "correct horse battery staple"
TEST_KDF_ITER = 4000  # SQLCipher's default (256,000) costs ~0.3 s a connection; tests need speed


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Every test gets its own data folder and starts in English."""
    monkeypatch.delenv("BLAUWEMAP_PASSPHRASE", raising=False)
    paths.init(tmp_path / "data").ensure()
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "data" / "test.db", None)
    yield database
    database.close()


@pytest.fixture
def encrypted_db(tmp_path):
    database = Database.open(tmp_path / "data" / "enc.db", TEST_PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield database
    database.close()


@pytest.fixture
def store(db):
    return Store(db, Actor(ActorKind.CONSULTANT.value, "Test Consultant"))


@pytest.fixture
def demo_id(store):
    from core.services.demo import create_demo_dossier

    return create_demo_dossier(store, TODAY)


# a real PostgreSQL server and a team on it (tests/core/pg_support.py, team_support.py)
from tests.core.pg_support import pg_database, pg_server  # noqa: E402
from tests.core.storage.team_support import team_server  # noqa: E402

__all__ = ["pg_database", "pg_server", "team_server"]
