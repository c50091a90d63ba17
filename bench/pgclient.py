"""One consultant's (or teamleider's) client in the PostgreSQL benchmark, run in its own process:
it logs in through the app's own open path (``open_server``) and calls the services the GUI
calls, timing each: the caseload's first page, search as you type, "needs attention", open a
dossier, save it (with the version it was read at, so a concurrent save is a conflict, never a
lost update). Returns the timings and what it saved, for the lost-update check."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from core import models as m
from core.errors import ConflictError
from core.models.enums import ActorKind
from core.services.clock_cache import first_open_clocks
from core.services.deadlines import dossier_overview
from core.services.dossiers import count_dossiers, list_dossiers, load_dossier, update_person
from core.services.store import Actor, Store
from core.storage.postgres import open_server

PAGE = 50


def run_client(job: dict[str, Any]) -> dict[str, Any]:
    """``job``: url, password, login, teamleider (bool), open_ids, save_ids, keystrokes, rounds
    and seconds (whichever ends first), think_s (mean pause after each action), barrier (all clients start together), today (ISO)."""
    db = open_server(job["url"], lambda _where: job["password"])
    store = Store(db, Actor(ActorKind.CONSULTANT.value, job["login"]))
    today = dt.date.fromisoformat(job["today"])
    rng = random.Random(job["login"])
    timings: dict[str, list[float]] = {}
    saved: dict[int, int] = {}
    conflicts = 0
    timing = False

    def timed(op: str, fn: Callable[[], Any]) -> None:
        start = time.perf_counter()
        fn()
        if timing:
            timings.setdefault(op, []).append((time.perf_counter() - start) * 1000)
            if job["think_s"]:
                time.sleep(rng.uniform(0, 2 * job["think_s"]))

    def save(dossier: int) -> None:
        nonlocal conflicts
        with store.read() as session:  # what the form shows: the values and their version
            notes, version = session.execute(
                select(m.Person.notes, m.Person.version_id).where(m.Person.id == dossier)
            ).one()
        start = time.perf_counter()
        try:
            update_person(store, dossier, {"notes": str(int(notes or 0) + 1)}, base_version=version)
        except ConflictError:
            conflicts += 1
        else:  # the warm-up's saves count too: the check adds up every save
            saved[dossier] = saved.get(dossier, 0) + 1
        if timing:
            timings.setdefault("save", []).append((time.perf_counter() - start) * 1000)
            if job["think_s"]:
                time.sleep(rng.uniform(0, 2 * job["think_s"]))

    def typing(text: str) -> Callable[[], Any]:
        return lambda: (list_dossiers(store, text, limit=PAGE), count_dossiers(store, text))

    def one_round(r: int) -> None:
        keys = job["keystrokes"]
        if job["teamleider"]:
            timed("attention_team", lambda: first_open_clocks(store, today))
        else:
            timed("first_page", lambda: list_dossiers(store, "", limit=PAGE))
            for text in (keys[(2 * r) % len(keys)], keys[(2 * r + 1) % len(keys)]):
                timed("search", typing(text))
            timed("attention", lambda: first_open_clocks(store, today))
        pid = job["open_ids"][r % len(job["open_ids"])]
        timed("open", lambda: dossier_overview(load_dossier(store, pid), today))
        save(job["save_ids"][r % len(job["save_ids"])])

    try:
        one_round(0)  # warm-up: connections, caches; not timed
        job["barrier"].wait(900)
        timing = True
        started = time.perf_counter()
        rounds = 0
        while rounds < job["rounds"] and time.perf_counter() - started < job["seconds"]:
            one_round(rounds)
            rounds += 1
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return {
        "login": job["login"],
        "timings": timings,
        "saved": saved,
        "conflicts": conflicts,
        "seconds": seconds,
        "rounds": rounds,
    }
