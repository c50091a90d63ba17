"""Child for test_crash_safety: saves through the services in a loop and reports every commit.

Started once as ``python crash_child.py DB_PATH [PASSPHRASE KDF_ITER]``, it imports the app
(which takes most of a second), prints ``READY`` and then serves the test on stdin:

* ``RUN <seed>``  fork a worker that saves in a loop; prints ``PID <pid>``. The worker prints
  ``TRY <kind> <id> <value>`` before an update and ``SAVED <kind> <id> [<value>]`` after each
  service call has returned (i.e. after the commit). It never stops by itself.
* ``WAIT <pid>``  reap the worker the test has SIGKILLed; prints ``DEAD <pid>``.
* ``QUIT``

Forking from a warm process is what makes hundreds of kills affordable; every worker still opens
the database afresh, as the app does at start. Lines are written with os.write (no buffering), so
a line the test reads was really printed after the commit.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.db import Database
from core.errors import ValidationError
from core.services import records
from core.services.documents import attach_document
from core.services.dossiers import create_dossier, list_dossiers
from core.services.store import Actor, Store


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("ascii"))


def worker(db_path: Path, passphrase: str | None, kdf_iter: int | None, seed: int) -> None:
    rnd = random.Random(seed)
    db = Database.open(db_path, passphrase, kdf_iter=kdf_iter)
    store = Store(db, Actor("consultant", "crash test"))
    dossiers = [row.id for row in list_dossiers(store)]
    hours: list[int] = []
    base = dt.date(2022, 1, 1)
    while True:
        action = rnd.random()
        try:
            if action < 0.55 or not hours:
                hid = records.add_record(
                    store,
                    rnd.choice(dossiers),
                    "hour",
                    {
                        "date": base + dt.timedelta(days=rnd.randrange(1500)),
                        "hours": rnd.choice((0.25, 0.5, 1.0, 1.5)),
                        "category": "ParticipatieAlsTaalles",
                    },
                )
                hours.append(hid)
                say(f"SAVED hour {hid}")
            elif action < 0.75:
                hid = rnd.choice(hours)
                value = rnd.choice((0.25, 0.5, 0.75, 1.0))
                say(f"TRY hour {hid} {value}")
                records.update_record(store, "hour", hid, {"hours": value})
                say(f"SAVED hour {hid} {value}")
            elif action < 0.93:
                # a document spans many pages: the transaction is big enough to be cut in half
                size = rnd.randrange(8_000, 60_000)
                data = b"%PDF-1.4\n" + rnd.randbytes(size)
                did = attach_document(store, rnd.choice(dossiers), f"scan{size}.pdf", data)
                say(f"SAVED document {did}")
            else:
                pid = create_dossier(
                    store, {"given_names": "Crash", "family_name": f"Test {rnd.randrange(10**6)}"}
                )
                dossiers.append(pid)
                say(f"SAVED person {pid}")
        except ValidationError:
            continue  # a day that would pass 24 hours: refused, nothing reported


def warm_up() -> None:
    """Configure the mappers and fill SQLAlchemy's statement caches once, in an in-memory
    database, so that every forked worker starts as warm as a running app."""
    db = Database.open(None)
    store = Store(db)
    pid = create_dossier(store, {"given_names": "Warm", "family_name": "Up"})
    hid = records.add_record(
        store,
        pid,
        "hour",
        {"date": dt.date(2022, 1, 1), "hours": 1.0, "category": "ParticipatieAlsTaalles"},
    )
    records.update_record(store, "hour", hid, {"hours": 0.5})
    attach_document(store, pid, "warm.pdf", b"%PDF-1.4\n" + bytes(100))
    list_dossiers(store)
    db.close()


def serve(db_path: Path, passphrase: str | None, kdf_iter: int | None) -> None:
    warm_up()
    say("READY")
    for line in sys.stdin:
        cmd, _, arg = line.strip().partition(" ")
        if cmd == "RUN":
            pid = os.fork()
            if pid == 0:
                try:
                    worker(db_path, passphrase, kdf_iter, int(arg))
                except BaseException as exc:  # a bug: tell the test instead of hanging it
                    say(f"ERROR {type(exc).__name__}: {str(exc)[:200]!a}")
                finally:
                    os._exit(3)
            say(f"PID {pid}")
        elif cmd == "WAIT":
            os.waitpid(int(arg), 0)
            say(f"DEAD {arg}")
        elif cmd == "QUIT":
            return


if __name__ == "__main__":
    path = Path(sys.argv[1])
    key = sys.argv[2] if len(sys.argv) > 2 else None
    kdf = int(sys.argv[3]) if len(sys.argv) > 3 else None
    serve(path, key, kdf)
