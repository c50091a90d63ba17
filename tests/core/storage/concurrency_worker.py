"""One consultant's client in the concurrency test, run in its own process: read a counter,
save it plus one on the version it read; count the saves and the conflicts it was told of."""

from __future__ import annotations

from sqlalchemy import select

from core import models as m
from core.errors import ConflictError
from core.models.enums import ActorKind
from core.services.dossiers import update_person
from core.services.store import Actor, Store
from core.storage.postgres import open_server


def hammer(url: str, password: str, dossiers: list[int], rounds: int) -> tuple[int, int]:
    db = open_server(url, lambda _where: password)
    store = Store(db, Actor(ActorKind.CONSULTANT.value, "worker"))
    saved = conflicts = 0
    try:
        for i in range(rounds):
            dossier = dossiers[i % len(dossiers)]
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
    return saved, conflicts
