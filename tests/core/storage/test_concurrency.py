"""Working at the same time on one server: no save is silently lost, every conflict is told,
and a connection that drops in the middle of a save leaves nothing half-written."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from sqlalchemy import func, select, text

from core import models as m
from core.errors import ConflictError, StorageError
from core.services.dossiers import create_dossier, load_dossier, update_person
from core.storage import team
from tests.core.storage.concurrency_worker import hammer
from tests.core.storage.team_support import PASSWORD

PROCESSES = 20
ROUNDS = 10  # per process: a bounded amount of work in ./check
# BLAUWEMAP_CONCURRENCY_SECONDS=60 makes each process hammer for that long instead (the issue's
# "20 processes for a minute"); ./check keeps the bounded run so the suite stays short.
SECONDS = float(os.environ.get("BLAUWEMAP_CONCURRENCY_SECONDS", "0"))


def test_twenty_clients_on_the_same_dossiers_lose_no_update(team_server):
    team_server.add("anna")
    team_server.add("lotte", team.TEAMLEIDER)
    anna = team_server.store("anna")
    dossiers = [create_dossier(anna, {"given_names": f"P{i}", "notes": "0"}) for i in range(3)]
    urls = [team_server.url("anna" if i % 2 else "lotte") for i in range(PROCESSES)]
    context = multiprocessing.get_context("forkserver")  # imports the app once, then forks
    context.set_forkserver_preload([hammer.__module__])
    with context.Pool(PROCESSES) as pool:
        jobs = [(url, PASSWORD, dossiers, ROUNDS, SECONDS) for url in urls]
        results = pool.starmap(hammer, jobs)
    attempts = sum(a for a, _s, _c in results)
    saved = sum(s for _a, s, _c in results)
    conflicts = sum(c for _a, _s, c in results)
    assert saved + conflicts == attempts  # every attempt ended one way or the other
    if not SECONDS:
        assert attempts == PROCESSES * ROUNDS
    total = sum(int(load_dossier(anna, d).notes or 0) for d in dossiers)
    assert total == saved, "a save was lost"
    assert conflicts > 0  # they did meet: the conflicts were told, not swallowed
    assert sum(load_dossier(anna, d).version_id - 1 for d in dossiers) == saved


def test_a_save_on_an_outdated_version_carries_both_values(team_server):
    team_server.add("anna")
    team_server.add("lotte", team.TEAMLEIDER)
    anna, lotte = team_server.store("anna"), team_server.store("lotte")
    dossier = create_dossier(anna, {"given_names": "Sara", "phone": "0612345671"})
    seen = load_dossier(lotte, dossier).version_id
    update_person(anna, dossier, {"phone": "0612345672"}, base_version=seen)
    with pytest.raises(ConflictError) as caught:
        update_person(lotte, dossier, {"phone": "0612345673"}, base_version=seen)
    assert caught.value.conflicts == {"phone": ("0612345672", "0612345673")}
    assert load_dossier(anna, dossier).phone == "0612345672"


def test_a_connection_dropped_mid_save_writes_nothing_and_says_so(team_server):
    team_server.add("anna")
    anna = team_server.store("anna")
    dossier = create_dossier(anna, {"given_names": "Sara"})
    admin = team_server.admin.db.engine
    lost = pytest.raises(StorageError, match="connection to the team server was lost")
    with lost, anna.transaction() as session:
        session.add(m.Contact(person_id=dossier, name="Klantmanager"))
        person = session.get(m.Person, dossier)
        assert person is not None
        person.phone = "0612345676"
        session.flush()
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
        with admin.begin() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    with team_server.admin.db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.Contact)).scalar() == 0
        assert conn.execute(select(m.Person.phone)).scalar() is None
    # the next save opens a fresh connection and works
    update_person(anna, dossier, {"phone": "0612345677"})
    assert load_dossier(anna, dossier).phone == "0612345677"
