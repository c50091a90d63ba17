"""The benchmark on a team's PostgreSQL server: a throwaway server (bench/pgserver.py), ``team
init``, a beheerder, teamleiders and consultants in teams, N generated dossiers (the generator of
bench/generate.py, written with COPY) assigned across the consultants, and then concurrent
clients, each its own process logged in as its own consultant through the app's open path
(bench/pgclient.py). Per operation p50 and p95; beside them, measured in the same run on the idle
server, the floors: the same SQL through psycopg as the consultant (row-level security on), and
as the table owner with the policy written out as a WHERE clause (row-level security off), whose
ratio is what RLS costs. Every save carries the version it was read at; the counters they add
to are summed afterwards: a lost update shows as a difference."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, func, select

from bench.figures import Figure
from bench.generate import _TABLES, DEFAULT_SEED, REFERENCE_DATE, _identities, _Writer
from bench.measure import PAGE, keystrokes, sample
from bench.pgserver import PgServer, running_server

PASSWORD = "bench-team-password"  # every bench login's; the server is thrown away afterwards
TEAMS = ("noord", "zuid", "oost", "west")
SAVE_DOSSIERS = 2  # per consultant; the teamleider saves on all of its team's too
KEURMERK = dt.date(2019, 1, 1)
OPEN_DOSSIERS = 10  # per client, opened in turn
SERVER_SETTINGS = {  # a small team server's tuning, not the 128 MB default
    "shared_buffers": "1GB",
    "effective_cache_size": "8GB",
    "maintenance_work_mem": "512MB",
    "work_mem": "16MB",
    "max_wal_size": "8GB",
}


@dataclass(frozen=True)
class Plan:
    size: int
    consultants: int
    teams: int
    rounds: int  # per client at most, each round every operation once
    think_s: float  # mean pause after each action (0 to 2× this, uniformly)
    seconds: float  # no client starts a new round after this long (a slow server ends early)


FULL = Plan(size=100_000, consultants=20, teams=4, rounds=40, think_s=1.0, seconds=180)
QUICK = Plan(size=2_000, consultants=4, teams=2, rounds=8, think_s=0.02, seconds=20)


@dataclass
class Team:
    server: PgServer
    database: str
    consultants: list[tuple[str, str]] = field(default_factory=list)  # (login, team)
    teamleiders: dict[str, str] = field(default_factory=dict)  # team -> login
    owned: dict[str, list[int]] = field(default_factory=dict)  # login -> dossier ids
    stats: dict[str, Any] = field(default_factory=dict)

    def url(self, login: str) -> str:
        return self.server.url(login, self.database)

    def raw(self, login: str) -> Any:
        """A psycopg connection as this login (no ORM): the floor's client."""
        import psycopg

        if login == "bm":
            return psycopg.connect(self.server.admin_conninfo(self.database), autocommit=True)
        return self.server.connect_as(login, self.database, PASSWORD)

    def members(self, team: str) -> list[str]:
        return [login for login, t in self.consultants if t == team]


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- loading
class _CopyWriter(_Writer):
    """The generator's writer, flushing each table with COPY instead of INSERT."""

    def __init__(self, conn: Any) -> None:
        super().__init__(conn)
        # COPY runs without triggers: a record's dossier assignee (core.storage.team.ASSIGNEE,
        # a column only the team server has) is written with it
        self.columns = {
            name: [c.name for c in t.columns] + (["assignee"] if "person_id" in t.columns else [])
            for name, t in self.tables.items()
        }
        self.json_at = {
            name: [i for i, c in enumerate(t.columns) if isinstance(c.type, JSON)]
            for name, t in self.tables.items()
        }
        self.owner: dict[int, str] = {}  # dossier id -> its consultant

    def emit(self, name: str, values: dict[str, Any]) -> int:
        if name != "person" and "assignee" not in values and values.get("person_id"):
            values = {**values, "assignee": self.owner.get(values["person_id"])}
        if name == "person":  # known before its own audit line is written
            self.owner[self.next_id[name]] = values["assigned_to"]
        return super().emit(name, values)

    def flush(self) -> None:
        from psycopg.types.json import Json

        for name, rows in self.pending.items():
            if not rows:
                continue
            cols = self.columns[name]
            listed = ", ".join(f'"{c}"' for c in cols)
            with (
                self.conn.cursor() as cur,
                cur.copy(f'COPY "{self.tables[name].name}" ({listed}) FROM STDIN') as copy,
            ):
                for row in rows:
                    values = [row[c] if c != "assignee" else row.get(c) for c in cols]
                    for i in self.json_at[name]:
                        if values[i] is not None:
                            values[i] = Json(values[i])
                    copy.write_row(values)
            self.counts[name] += len(rows)
            rows.clear()


def load(team: Team, plan: Plan, admin_db: Any) -> None:
    """Logins and teams, then ``plan.size`` dossiers, dossier i to consultant i mod n."""
    from bench.dossier import DossierBuilder
    from bench.names import SCHOOLS
    from core.rules.intake_topics import TOPICS
    from core.storage import team as team_admin

    teams = TEAMS[: plan.teams]
    team_admin.add_member(admin_db, "beheer", PASSWORD, team_admin.BEHEERDER, None)
    for name in teams:
        login = f"tl_{name}"
        team_admin.add_member(admin_db, login, PASSWORD, team_admin.TEAMLEIDER, name)
        team.teamleiders[name] = login
    for i in range(plan.consultants):
        login, name = f"c{i + 1:02d}", teams[i % len(teams)]
        team_admin.add_member(admin_db, login, PASSWORD, team_admin.CONSULTANT, name)
        team.consultants.append((login, name))
        team.owned[login] = []
    logins = [login for login, _t in team.consultants]

    started = time.perf_counter()
    rng = random.Random(f"{DEFAULT_SEED}-{plan.size}")
    bsns, vnums = _identities(rng, plan.size)
    with _bulk_mode(team), team.raw("bm") as conn:
        conn.autocommit = False
        conn.execute("SET session_replication_role = replica")  # no triggers, no FK checks
        writer = _CopyWriter(conn)
        providers = [
            writer.emit(
                "provider",
                {
                    "name": f"{s} ({c})",
                    "city": c,
                    "keurmerk": "keurmerk",
                    "keurmerk_from": dt.date(2019, 1, 1),
                    "taalschakel_erkend": j % 4 == 0,
                },
            )
            for j, (s, c) in enumerate((s, c) for s in SCHOOLS for c in ("Noord", "Zuid"))
        ]
        topics = [t.code for t in TOPICS]
        for i in range(plan.size):
            login = logins[i % len(logins)]

            def emit(name: str, values: dict[str, Any], login: str = login) -> int:
                if name != "person":
                    return writer.emit(name, {**values, "assignee": login})
                pid = writer.emit(name, {**values, "assigned_to": login})
                team.owned[login].append(pid)
                return pid

            DossierBuilder(
                random.Random(f"{DEFAULT_SEED}-{plan.size}-{i}"),
                emit,
                REFERENCE_DATE,
                providers,
                topics,
                bsns[i],
                vnums[i],
            ).build()
            if (i + 1) % 250 == 0:
                writer.flush()
                if (i + 1) % 10_000 == 0:
                    say(f"  {i + 1:,}/{plan.size:,} dossiers")
        writer.flush()
        for _name, model in _TABLES:
            from core import models as m

            table = getattr(m, model).__table__.name
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f'(SELECT max(id) FROM "{table}"))'
            )
        conn.commit()
    team.stats["rows"] = sum(writer.counts.values())
    team.stats["load_s"] = round(time.perf_counter() - started, 1)
    say(f"  {team.stats['rows']:,} rows in {team.stats['load_s']:.0f} s; analysing …")
    started = time.perf_counter()
    team.server.admin_sql("VACUUM ANALYZE", database=team.database)
    team.stats["analyze_s"] = round(time.perf_counter() - started, 1)


@contextmanager
def _bulk_mode(team: Team) -> Iterator[None]:
    """No fsync while loading (nothing to lose yet); a real server's durability afterwards."""
    team.server.admin_sql("ALTER SYSTEM SET fsync = off", "ALTER SYSTEM SET synchronous_commit = off",
                          "SELECT pg_reload_conf()")  # fmt: skip
    try:
        yield
    finally:
        team.server.admin_sql("ALTER SYSTEM RESET fsync", "ALTER SYSTEM RESET synchronous_commit",
                              "SELECT pg_reload_conf()", "CHECKPOINT")  # fmt: skip


# --------------------------------------------------------------------------- floors
def _sql(statement: Any) -> str:
    from sqlalchemy.dialects import postgresql

    return str(
        statement.compile(
            dialect=postgresql.psycopg.dialect(),
            compile_kwargs={"literal_binds": True},
        )
    )


def _queries(search: str, visible_to: list[str] | None) -> tuple[str, str]:
    """The caseload page and its count as the app asks them; ``visible_to``: the policy written
    out as a WHERE clause, for the owner, who is not under RLS."""
    from core import models as m
    from core.services.dossiers import _filtered, caseload_query

    page = caseload_query(search).limit(PAGE)
    count = _filtered(select(func.count()).select_from(m.Person), search, None, None)
    if visible_to is not None:
        page = page.where(m.Person.assigned_to.in_(visible_to))
        count = count.where(m.Person.assigned_to.in_(visible_to))
    return _sql(page), _sql(count)


def _attention(today: dt.date, visible_to: list[str] | None) -> str:
    from core import models as m
    from core.services.clock_cache import _open_on

    c = m.StoredClock
    query = (
        select(c.person_id, func.min(c.order_key)).where(_open_on(c, today)).group_by(c.person_id)
    )
    if visible_to is not None:
        mine = select(m.Person.id).where(m.Person.assigned_to.in_(visible_to))
        query = query.where(c.person_id.in_(mine))
    return _sql(query)


def _open_sql() -> list[str]:
    """The person row and every list the dossier screen loads, each by the dossier's id."""
    from core import models as m

    lists: list[Any] = [
        r.mapper.local_table for r in m.Person.__mapper__.relationships if r.uselist
    ]
    tables = sorted({t.name for t in lists if "person_id" in t.c})
    return ["SELECT * FROM person WHERE id = %(id)s"] + [
        f'SELECT * FROM "{t}" WHERE person_id = %(id)s' for t in tables
    ]


def floors(team: Team, today: dt.date) -> dict[str, dict[str, float]]:
    """op -> {"rls": ms as the member, "owner": ms as the owner with the WHERE clause}."""
    login, team_name = team.consultants[0]
    leader = team.teamleiders[team_name]
    members = team.members(team_name)
    pid = team.owned[login][0]
    with team.raw("bm") as owner:
        bsn = owner.execute("SELECT bsn FROM person WHERE id = %s", (pid,)).fetchone()[0]
    out: dict[str, dict[str, float]] = {}
    with team.raw(login) as mine, team.raw(leader) as lead, team.raw("bm") as owner:

        def timer(conn: Any, sqls: list[str], params: Any = None) -> Callable[[], None]:
            def run() -> None:
                for sql in sqls:
                    conn.execute(sql, params).fetchall()

            return run

        def both(op: str, rls: Callable[[], None], free: Callable[[], None]) -> None:
            out[op] = {
                "rls": sample(rls, budget_ms=800, max_repeat=7),
                "owner": sample(free, budget_ms=800, max_repeat=7),
            }

        both(
            "first_page",
            timer(mine, [_queries("", None)[0]]),
            timer(owner, [_queries("", [login])[0]]),
        )
        per_key = []
        for text in keystrokes(bsn):
            rls = sample(timer(mine, list(_queries(text, None))), budget_ms=300, max_repeat=5)
            free = sample(timer(owner, list(_queries(text, [login]))), budget_ms=300, max_repeat=5)
            per_key.append((rls, free))
        out["search"] = {
            "rls": statistics.median(r for r, _f in per_key),
            "owner": statistics.median(f for _r, f in per_key),
        }
        both(
            "attention",
            timer(mine, [_attention(today, None)]),
            timer(owner, [_attention(today, [login])]),
        )
        both(
            "attention_team",
            timer(lead, [_attention(today, None)]),
            timer(owner, [_attention(today, members)]),
        )
        both("open", timer(mine, _open_sql(), {"id": pid}), timer(owner, _open_sql(), {"id": pid}))

        def save(conn: Any) -> Callable[[], None]:
            def run() -> None:
                with conn.transaction():
                    conn.execute(
                        "UPDATE person SET notes = notes, version_id = version_id + 1 "
                        "WHERE id = %s AND version_id = "
                        "(SELECT version_id FROM person WHERE id = %s)",
                        (pid, pid),
                    )

            return run

        both("save", save(mine), save(owner))
    return out


# --------------------------------------------------------------------------- clients
def clients(team: Team, plan: Plan, today: dt.date) -> list[dict[str, Any]]:
    from bench import pgclient

    with team.raw("bm") as owner:
        owner.execute(
            "UPDATE person SET notes = '0' WHERE id = ANY(%s)",
            ([pid for ids in team.owned.values() for pid in ids[1 : 1 + SAVE_DOSSIERS]],),
        )
        bsns = dict(
            owner.execute(
                "SELECT id, bsn FROM person WHERE id = ANY(%s)",
                ([ids[0] for ids in team.owned.values()],),
            ).fetchall()
        )
    jobs: list[dict[str, Any]] = []
    common = {"password": PASSWORD, "rounds": plan.rounds, "think_s": plan.think_s,
              "seconds": plan.seconds, "today": today.isoformat()}  # fmt: skip
    for login, _t in team.consultants:
        ids = team.owned[login]
        jobs.append({**common, "url": team.url(login), "login": login, "teamleider": False,
                     "open_ids": ids[SAVE_DOSSIERS + 1 :][:OPEN_DOSSIERS],
                     "save_ids": ids[1 : 1 + SAVE_DOSSIERS],
                     "keystrokes": keystrokes(bsns[ids[0]])})  # fmt: skip
    first_team = team.consultants[0][1]
    leader = team.teamleiders[first_team]
    theirs = [team.owned[c] for c in team.members(first_team)]
    jobs.append({**common, "url": team.url(leader), "login": leader, "teamleider": True,
                 "open_ids": [ids[-1 - k] for k in range(2) for ids in theirs][:OPEN_DOSSIERS],
                 "save_ids": [pid for ids in theirs for pid in ids[1 : 1 + SAVE_DOSSIERS]],
                 "keystrokes": []})  # fmt: skip
    context = multiprocessing.get_context("forkserver")  # imports the app once, then forks
    context.set_forkserver_preload([pgclient.__name__])
    with context.Manager() as manager:
        barrier = manager.Barrier(len(jobs))
        for job in jobs:
            job["barrier"] = barrier
        with context.Pool(len(jobs)) as pool:
            return pool.map(pgclient.run_client, jobs)


def _ms(value: float) -> str:
    return f"{value / 1000:,.2f} s" if value >= 1000 else f"{value:.1f} ms"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


LABELS = {
    "first_page": "pg_first_page",
    "search": "pg_search",
    "attention": "pg_attention",
    "attention_team": "pg_attention_team",
    "open": "pg_open",
    "save": "pg_save",
}


def figures(
    team: Team, plan: Plan, results: list[dict[str, Any]], floor: dict[str, Any]
) -> list[Figure]:
    size = plan.size
    n = len(results)
    out: list[Figure] = []
    for op, key in LABELS.items():
        samples = [t for r in results for t in r["timings"].get(op, [])]
        if not samples:
            continue
        p50, p95 = _percentile(samples, 0.5), _percentile(samples, 0.95)
        out.append(
            Figure(
                key,
                size,
                p95,
                floor[op]["rls"],
                note=f"p50 {_ms(p50)}",
                detail={
                    "p50_ms": p50,
                    "p95_ms": p95,
                    "samples": len(samples),
                    "clients": n,
                    "floor_rls_ms": floor[op]["rls"],
                    "floor_owner_ms": floor[op]["owner"],
                },
            )
        )
    # lost updates: every save added one to its dossier's counter
    saved: dict[int, int] = {}
    for r in results:
        for pid, k in r["saved"].items():
            saved[int(pid)] = saved.get(int(pid), 0) + k
    with team.raw("bm") as owner:
        final = dict(
            owner.execute(
                "SELECT id, notes::int FROM person WHERE id = ANY(%s)", (list(saved),)
            ).fetchall()
        )
    lost = sum(saved[p] - final.get(p, 0) for p in saved)
    conflicts = sum(r["conflicts"] for r in results)
    out.append(
        Figure(
            "pg_lost_updates",
            size,
            lost,
            note=f"{sum(saved.values()):,} saves, {conflicts:,} conflicts told",
            detail={"saves": sum(saved.values()), "conflicts": conflicts, "dossiers": len(saved)},
        )
    )
    reads = [op for op in LABELS if op != "save"]
    ratios = {op: floor[op]["rls"] / floor[op]["owner"] for op in [*reads, "save"]}
    worst = max(reads, key=lambda op: ratios[op])
    out.append(
        Figure(
            "pg_rls",
            size,
            floor[worst]["rls"],
            floor[worst]["owner"],
            note=f"slowest: {worst}; "
            + " · ".join(f"{op} {ratios[op]:.2f}×" for op in [*reads, "save"]),
            detail={"ratios": ratios, "worst": worst},
        )
    )
    return out


def measure(plan: Plan) -> tuple[list[Figure], dict[str, Any]]:
    """Start a server, load the team, measure; the figures and how the run went."""
    from core.models.enums import ActorKind
    from core.services import clock_cache
    from core.services.store import Actor, Store
    from core.storage import team as team_admin
    from core.storage.postgres import as_database, make_engine, parse_url

    today = REFERENCE_DATE
    clients_n = plan.consultants + 1
    with running_server(
        max_connections=max(60, 3 * clients_n + 10), durable=True, settings=SERVER_SETTINGS
    ) as server:
        database = server.new_database()
        engine = make_engine(parse_url(server.admin_url(database)))
        try:
            admin_db = as_database(engine)
            team_admin.init_team_server(admin_db)
            team = Team(server, database)
            say(f"PostgreSQL: loading {plan.size:,} dossiers for {plan.consultants} consultants …")
            load(team, plan, admin_db)
            started = time.perf_counter()
            clock_cache.rebuild(Store(admin_db, Actor(ActorKind.SYSTEM.value)))
            team.stats["clock_plans_s"] = round(time.perf_counter() - started, 1)
            server.admin_sql("ANALYZE", database=database)
            say(f"PostgreSQL: floors, then {clients_n} clients × {plan.rounds} rounds …")
            floor = floors(team, today)
            started = time.perf_counter()
            results = clients(team, plan, today)
            team.stats["clients_s"] = round(time.perf_counter() - started, 1)
            out = figures(team, plan, results, floor)
            with team.raw("bm") as owner:
                team.stats["postgresql"] = owner.execute("SHOW server_version").fetchone()[0]
            team.stats["rounds_done"] = sorted({r["rounds"] for r in results})
        finally:
            engine.dispose()
    info = {
        **team.stats,
        "size": plan.size,
        "consultants": plan.consultants,
        "teamleider_clients": 1,
        "teams": plan.teams,
        "rounds": plan.rounds,
        "think_s": plan.think_s,
        "seconds_budget": plan.seconds,
    }
    for f in out:
        f.detail.setdefault("clients", clients_n)
    return out, info


SQLITE_SAME = {
    "pg_first_page": "first_page",
    "pg_search": "search_keystroke",
    "pg_attention": "overview",
    "pg_attention_team": "overview",
    "pg_open": "open_dossier",
    "pg_save": "save",
}


def beside_sqlite(pg: list[Figure], sqlite: list[Figure]) -> None:
    """Each PostgreSQL row names the same operation on the largest SQLite caseload measured."""
    for f in pg:
        key = SQLITE_SAME.get(f.key)
        same = [s for s in sqlite if s.key == key and s.value is not None]
        if not same:
            continue
        s = max(same, key=lambda s: s.size)
        f.detail["sqlite"] = {"size": s.size, "value": s.value}
        f.note += f" · SQLite {s.size:,}: {_ms(s.value or 0.0)}"
