"""One consultant's client in the concurrency test, run in its own process: read a counter,
save it plus one on the version it read; count the attempts, the saves and the conflicts it was
told of. It stops after ``rounds`` saves attempted, or, when ``seconds`` is given, when that much
time has passed (the issue's "hammering for a minute")."""

from __future__ import annotations

import time

from sqlalchemy import select

from core import models as m
from core.errors import ConflictError
from core.models.enums import ActorKind
from core.services.dossiers import update_person
from core.services.store import Actor, Store
from core.storage.postgres import open_server


def hammer(
    url: str, password: str, dossiers: list[int], rounds: int, seconds: float = 0.0
) -> tuple[int, int, int]:
    db = open_server(url, lambda _where: password)
    store = Store(db, Actor(ActorKind.CONSULTANT.value, "worker"))
    attempts = saved = conflicts = 0
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline if seconds else attempts < rounds:
            dossier = dossiers[attempts % len(dossiers)]
            attempts += 1
            with store.read() as session:  # what a form shows: the values and their version
                notes, version = session.execute(
                    select(m.Person.notes, m.Person.version_id).where(m.Person.id == dossier)
                ).one()
            try:
                update_person(store, dossier, {"notes": str(int(notes) + 1)}, base_version=version)
            except ConflictError:
                conflicts += 1
            else:
                saved += 1
    finally:
        db.close()
    return attempts, saved, conflicts
