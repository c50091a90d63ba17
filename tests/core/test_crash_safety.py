"""Crash safety: the save path is SIGKILLed at random moments, hundreds of times. After every kill
the database must pass ``PRAGMA integrity_check`` and hold every change reported as saved.

The child (tests/core/crash_child.py) forks a fresh worker per round from one warm process; each
worker opens the database like the app does, then adds hours, changes hours, attaches documents
and creates dossiers through the services, printing ``SAVED`` after each call returned.
"""

from __future__ import annotations

import hashlib
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.db import Database
from core.services.dossiers import create_dossier
from core.services.store import Store
from tests.conftest import TEST_KDF_ITER, TEST_PASSPHRASE

CHILD = Path(__file__).with_name("crash_child.py")
READ_TIMEOUT = 60.0  # a watchdog for a hung child, not a timing assertion

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the child forks workers")


class Lines:
    """Line reader on a pipe with a watchdog, so a hung child fails the test instead of hanging."""

    def __init__(self, stream: object) -> None:
        self.fd = stream.fileno()  # type: ignore[attr-defined]
        self.buffer = b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def next(self) -> str:
        while b"\n" not in self.buffer:
            if not self.selector.select(READ_TIMEOUT):
                pytest.fail("the crash child stopped answering")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                pytest.fail("the crash child ended unexpectedly")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode("ascii")


class Ledger:
    """What the workers reported: ids saved per kind, and the hours value of updated entries."""

    def __init__(self) -> None:
        self.saved: dict[str, set[int]] = {"hour": set(), "document": set(), "person": set()}
        self.hours: dict[int, tuple[float, set[float]]] = {}  # id → (last saved, tried since)
        self.reports = 0

    def take(self, line: str) -> str | None:
        kind, *rest = line.split()
        if kind == "ERROR":
            pytest.fail(f"the worker failed: {line}")
        if kind == "TRY":
            hid, value = int(rest[1]), float(rest[2])
            last, tried = self.hours.get(hid, (None, set()))
            self.hours[hid] = (last, {*tried, value})  # type: ignore[assignment]
            return None
        if kind == "SAVED":
            self.reports += 1
            self.saved[rest[0]].add(int(rest[1]))
            if len(rest) == 3:
                self.hours[int(rest[1])] = (float(rest[2]), set())
            return "saved"
        return kind

    def check(self, db_path: Path, passphrase: str | None) -> None:
        conn = _connect(db_path, passphrase)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            for kind, table in (
                ("hour", "hour_entry"),
                ("document", "document"),
                ("person", "person"),
            ):
                present = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
                lost = self.saved[kind] - present
                assert not lost, f"{kind} rows reported saved but missing: {sorted(lost)[:10]}"
            values = dict(conn.execute("SELECT id, hours FROM hour_entry").fetchall())
            for hid, (last, tried) in self.hours.items():
                if last is not None:
                    assert values[hid] == last or values[hid] in tried, (hid, values[hid], last)
            for content, digest in conn.execute("SELECT content, sha256 FROM document"):
                assert hashlib.sha256(content).hexdigest() == digest
        finally:
            conn.close()


def _connect(db_path: Path, passphrase: str | None) -> sqlite3.Connection:
    """Read-only, so the check neither checkpoints nor removes the log the next worker recovers."""
    uri = f"{db_path.as_uri()}?mode=ro"
    if passphrase is None:
        return sqlite3.connect(uri, uri=True)
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(uri, uri=True)
    conn.execute(f"PRAGMA key = '{passphrase}'")
    conn.execute(f"PRAGMA kdf_iter = {TEST_KDF_ITER}")
    return conn


def _prepare(db_path: Path, passphrase: str | None) -> None:
    db = Database.open(db_path, passphrase, kdf_iter=TEST_KDF_ITER if passphrase else None)
    store = Store(db)
    for n in (1, 2):
        create_dossier(store, {"given_names": "Crash", "family_name": f"Start {n}"})
    db.close()


def _kill_loop(
    tmp_path: Path, passphrase: str | None, kills: int, seed: int
) -> tuple[Ledger, float]:
    db_path = tmp_path / "crash.db"
    _prepare(db_path, passphrase)
    args = [sys.executable, str(CHILD), str(db_path)]
    if passphrase:
        args += [passphrase, str(TEST_KDF_ITER)]
    rnd = random.Random(seed)
    ledger = Ledger()
    started = time.monotonic()
    with (tmp_path / "child-stderr.txt").open("wb") as err:
        server = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
        try:
            lines = Lines(server.stdout)
            assert lines.next() == "READY"
            for _round in range(kills):
                server.stdin.write(f"RUN {rnd.randrange(2**32)}\n".encode())  # type: ignore[union-attr]
                server.stdin.flush()  # type: ignore[union-attr]
                # how many commits to let through: 0 kills the worker while it opens the database
                target = rnd.choice((0, 0, 1, 1, 2, 3, 4, 6, 9, 14))
                pid, seen = None, 0
                while pid is None or seen < target:
                    line = lines.next()
                    if line.startswith("PID "):
                        pid = int(line.split()[1])
                    elif ledger.take(line) == "saved":
                        seen += 1
                os.kill(pid, signal.SIGKILL)
                server.stdin.write(f"WAIT {pid}\n".encode())  # type: ignore[union-attr]
                server.stdin.flush()  # type: ignore[union-attr]
                while (line := lines.next()) != f"DEAD {pid}":
                    ledger.take(line)  # reported before it died: it counts
                ledger.check(db_path, passphrase)
            server.stdin.write(b"QUIT\n")  # type: ignore[union-attr]
            server.stdin.flush()  # type: ignore[union-attr]
            assert server.wait(timeout=READ_TIMEOUT) == 0
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
            server.stdout.close()  # type: ignore[union-attr]
            server.stdin.close()  # type: ignore[union-attr]
    return ledger, time.monotonic() - started


@pytest.mark.slow
def test_sigkill_at_random_moments_keeps_the_database_whole_and_every_saved_change(tmp_path):
    ledger, seconds = _kill_loop(tmp_path, None, kills=200, seed=20261123)
    # the workers really saved, of every kind, and the final database still opens in the app
    assert ledger.reports >= 250
    assert all(ledger.saved[kind] for kind in ("hour", "document", "person"))
    assert any(last is not None for last, _ in ledger.hours.values())
    db = Database.open(tmp_path / "crash.db", None)
    assert db.integrity_ok()
    db.close()
    print(f"200 kills, {ledger.reports} saves reported, {seconds:.1f} s")


@pytest.mark.slow
def test_sigkill_with_an_encrypted_database(tmp_path):
    ledger, seconds = _kill_loop(tmp_path, TEST_PASSPHRASE, kills=30, seed=7)
    assert ledger.reports >= 30
    assert ledger.saved["hour"]
    print(f"30 kills (encrypted), {ledger.reports} saves reported, {seconds:.1f} s")
