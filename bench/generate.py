"""Synthetic caseloads of 100, 1,000 and 10,000 dossiers, cached on disk.

Rows are written with SQLAlchemy Core ``insert()`` in large executemany batches (the per-record
services would take hours for two million hour entries); the schema comes from the real
migrations, so the file is exactly what the app opens. Generation is deterministic: the same
size, seed and generator version give the same database, which is cached under
``$XDG_CACHE_HOME/blauwemap-bench/`` (or ``--cache-dir``) and reused by later runs.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, event, text

from bench.dossier import DossierBuilder, make_bsn
from bench.names import SCHOOLS

GENERATOR_VERSION = 2  # bump when the generated data changes: old cache files are not reused
REFERENCE_DATE = dt.date(2026, 11, 23)  # the generated trajects are "as seen on" this day
DEFAULT_SEED = 2021
BATCH_DOSSIERS = 250

# table name used by the builder -> model (inserted in this order; ids are assigned here)
_TABLES = (
    ("provider", "Provider"),
    ("person", "Person"),
    ("document", "Document"),
    ("azc_phase", "AzcPhase"),
    ("coa_location", "CoaLocation"),
    ("voorinburgering", "Voorinburgering"),
    ("training", "Training"),
    ("skill", "Skill"),
    ("education", "Education"),
    ("work", "WorkExperience"),
    ("ambition", "Ambition"),
    ("intake_topic", "IntakeTopic"),
    ("lbt", "Leerbaarheidstoets"),
    ("pip_version", "PipVersion"),
    ("afspraak", "Afspraak"),
    ("contact", "Contact"),
    ("conversation", "Conversation"),
    ("hour_entry", "HourEntry"),
    ("exam_attempt", "ExamAttempt"),
    ("verlenging", "Verlenging"),
    ("ontzorging", "OntzorgingItem"),
    ("precondition", "Precondition"),
    ("vrijstelling", "Vrijstelling"),
    ("ontheffing", "Ontheffing"),
    ("export_log", "ExportLog"),
    ("audit_entry", "AuditEntry"),
)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "blauwemap-bench"


def schema_head() -> str:
    from core.migrations import HEAD

    return HEAD


def cache_path(size: int, cache_dir: Path, seed: int = DEFAULT_SEED) -> Path:
    return cache_dir / f"caseload-{size}-g{GENERATOR_VERSION}-s{schema_head()}-r{seed}.db"


@dataclass
class GenerationStats:
    size: int
    seconds: float
    rows: dict[str, int]
    path: Path

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


class _Writer:
    """Collects rows per table with complete key sets and explicit ids; flushes in batches."""

    def __init__(self, conn: Any) -> None:
        from core import models as m

        self.conn = conn
        self.tables: dict[str, Table] = {}
        self.templates: dict[str, dict[str, Any]] = {}
        for name, model in _TABLES:
            table: Table = getattr(m, model).__table__
            self.tables[name] = table
            self.templates[name] = {c.name: _column_default(c) for c in table.columns}
        self.next_id = dict.fromkeys(self.tables, 1)
        self.pending: dict[str, list[dict[str, Any]]] = {name: [] for name in self.tables}
        self.counts = dict.fromkeys(self.tables, 0)
        self.audit = True

    def emit(self, name: str, values: dict[str, Any]) -> int:
        row_id = self.next_id[name]
        self.next_id[name] = row_id + 1
        row = {**self.templates[name], **values, "id": row_id}
        self.pending[name].append(row)
        if self.audit and name not in ("audit_entry", "export_log", "provider"):
            when = values.get("created_at") or values.get("added_at") or values.get("at")
            self.emit(
                "audit_entry",
                {
                    "person_id": row_id if name == "person" else values.get("person_id"),
                    "at": when or AUDIT_AT,
                    "actor_kind": "consultant",
                    "actor_name": "Bench",
                    "action": "create",
                    "entity": self.tables[name].name,
                    "entity_id": row_id,
                    "fields": [],
                },
            )
        return row_id

    def flush(self) -> None:
        for name, rows in self.pending.items():
            if rows:
                self.conn.execute(self.tables[name].insert(), rows)
                self.counts[name] += len(rows)
                rows.clear()


AUDIT_AT = dt.datetime.combine(REFERENCE_DATE, dt.time(8, 0))


def _column_default(column: Any) -> Any:
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return default.arg
    if default is not None and getattr(default, "is_callable", False) and column.name != "uuid":
        return AUDIT_AT if column.name in ("created_at", "updated_at", "added_at", "at") else None
    if column.name == "languages_spoken" or column.name in ("sections", "fields"):
        return []
    return None


def _identities(rng: random.Random, size: int) -> tuple[list[str], list[str]]:
    """Unique, valid BSNs and V-nummers, in a reproducible order."""
    bsns: dict[str, None] = {}
    while len(bsns) < size:
        bsns[make_bsn(rng)] = None
    vnums: dict[str, None] = {}
    while len(vnums) < size:
        vnums[str(rng.randint(1_000_000_000, 9_999_999_999))] = None
    return list(bsns), list(vnums)


def generate(
    path: Path,
    size: int,
    *,
    seed: int = DEFAULT_SEED,
    progress: Callable[[str], None] | None = None,
) -> GenerationStats:
    """Write a new caseload database of ``size`` dossiers to ``path`` (replacing it)."""
    from core.db import Database
    from core.rules.intake_topics import TOPICS

    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    Database.open(tmp, None).close()  # the real schema, through the real migrations
    engine = create_engine(f"sqlite:///{tmp}")

    @event.listens_for(engine, "connect")
    def _fast(dbapi_conn: Any, _record: Any) -> None:  # generation only: no crash safety needed
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode = MEMORY")
        cur.execute("PRAGMA synchronous = OFF")
        cur.execute("PRAGMA foreign_keys = OFF")
        cur.execute("PRAGMA cache_size = -200000")
        cur.close()

    rng = random.Random(f"{seed}-{size}")
    topics = [t.code for t in TOPICS]
    bsns, vnums = _identities(rng, size)
    with engine.begin() as conn:
        writer = _Writer(conn)
        providers = [
            writer.emit(
                "provider",
                {
                    "name": f"{name} ({city})",
                    "city": city,
                    "keurmerk": "keurmerk",
                    "keurmerk_from": dt.date(2019, 1, 1),
                    "taalschakel_erkend": i % 4 == 0,
                },
            )
            for i, (name, city) in enumerate(
                (s, c) for s in SCHOOLS for c in ("Noord", "Zuid", "Oost", "West")
            )
        ]
        for i in range(size):
            dossier_rng = random.Random(f"{seed}-{size}-{i}")
            DossierBuilder(
                dossier_rng, writer.emit, REFERENCE_DATE, providers, topics, bsns[i], vnums[i]
            ).build()
            if (i + 1) % BATCH_DOSSIERS == 0:
                writer.flush()
                if progress:
                    progress(f"  {i + 1:,}/{size:,} dossiers")
        writer.flush()
    with engine.connect() as conn:
        conn.execute(text("PRAGMA journal_mode = WAL"))  # as the app leaves it
    engine.dispose()
    os.replace(tmp, path)
    return GenerationStats(size, time.perf_counter() - started, dict(writer.counts), path)


def ensure_caseload(
    size: int,
    cache_dir: Path | None = None,
    *,
    seed: int = DEFAULT_SEED,
    rebuild: bool = False,
    quiet: bool = False,
) -> Path:
    """The cached database of ``size`` dossiers, generated first if it is not there yet."""
    path = cache_path(size, cache_dir or default_cache_dir(), seed)
    if path.exists() and not rebuild:
        return path

    def say(msg: str) -> None:
        if not quiet:
            print(msg, file=sys.stderr, flush=True)

    say(f"Generating a caseload of {size:,} dossiers (cached in {path.parent}) …")
    stats = generate(path, size, seed=seed, progress=say if size >= 1000 else None)
    say(
        f"  done: {stats.total_rows:,} rows ({stats.rows['hour_entry']:,} hour entries) "
        f"in {stats.seconds:.1f} s, {path.stat().st_size / 2**20:.0f} MB"
    )
    return path
