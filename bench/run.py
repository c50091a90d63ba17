"""``python -m bench``: generate (or reuse) the caseloads, measure, print, save, plot."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import measure, postgres, probes, report
from bench.figures import Figure, failed, not_available
from bench.generate import GENERATOR_VERSION, REFERENCE_DATE, default_cache_dir, ensure_caseload
from bench.pgserver import Unavailable

ROOT = Path(__file__).resolve().parent.parent
LATEST = ROOT / "bench" / "results" / "latest.json"
DOC = ROOT / "docs" / "benchmark.md"
DOC_PLOT = ROOT / "docs" / "benchmark.svg"
FULL_SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100,)
MARK_START, MARK_END = "<!-- bench:table -->", "<!-- /bench:table -->"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "Blauwe Map benchmark: synthetic caseloads of 100, 1,000 and 10,000 dossiers and the "
            "speed targets of issue 7. Prints a table; writes JSON with --out."
        ),
    )
    p.add_argument(
        "--quick", action="store_true", help="100 dossiers only (CI); well under a minute"
    )
    p.add_argument("--sizes", help="comma-separated caseload sizes (default 100,1000,10000)")
    p.add_argument(
        "--out",
        type=Path,
        help=f"write the results as JSON (full runs default to {LATEST.relative_to(ROOT)})",
    )
    p.add_argument(
        "--plot", type=Path, metavar="PATH.svg", help="write a plot (matplotlib; .svg or .png)"
    )
    p.add_argument(
        "--update-docs",
        action="store_true",
        help=f"put the table in {DOC.relative_to(ROOT)} and the plot in {DOC_PLOT.relative_to(ROOT)}",
    )
    p.add_argument(
        "--table", type=Path, metavar="RESULTS.json", help="only print the table of a results file"
    )
    p.add_argument(
        "--cache-dir",
        type=Path,
        help=f"where generated caseloads are kept (default {default_cache_dir()})",
    )
    p.add_argument(
        "--rebuild", action="store_true", help="generate the caseloads again even if cached"
    )
    p.add_argument("--no-startup", action="store_true", help="skip the cold-start measurement")
    p.add_argument(
        "--pg-size",
        type=int,
        help=(
            f"dossiers on the PostgreSQL team server (default {postgres.FULL.size:,}, quick "
            f"{postgres.QUICK.size:,}; 0 leaves PostgreSQL out)"
        ),
    )
    p.add_argument(
        "--pg-clients",
        type=int,
        help=(
            f"concurrent consultant clients (default {postgres.FULL.consultants}, quick "
            f"{postgres.QUICK.consultants}), plus one teamleider"
        ),
    )
    p.add_argument(
        "--pg-think",
        type=float,
        metavar="SECONDS",
        help=(
            f"each client's mean pause after an action (default {postgres.FULL.think_s:g}, quick "
            f"{postgres.QUICK.think_s:g}; 0 hammers the server)"
        ),
    )
    p.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    return p.parse_args(argv)


def machine() -> dict[str, Any]:
    return {
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def measure_size(size: int, db_file: Path, *, startup: bool, quick: bool) -> list[Figure]:
    """Every figure for one caseload, on a private copy of the cached database."""
    from core.db import Database
    from core.models.enums import ActorKind
    from core.services.store import Actor, Store

    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="blauwemap-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        work = data_dir / "blauwemap.db"
        shutil.copyfile(db_file, work)
        store = Store(Database.open(work, None), Actor(ActorKind.CONSULTANT.value, "Bench"))
        try:
            pid, bsn, _hours = measure.largest_dossier(store)
            figures += guarded(
                ("first_page", "search_keystroke"),
                size,
                lambda: measure.measure_caseload_list(store, size, bsn),
            )
            figures += guarded(
                ("overview", "overview_cold"),
                size,
                lambda: measure.measure_overview(store, size, REFERENCE_DATE),
            )
            figures += guarded(
                ("open_dossier",),
                size,
                lambda: [measure.measure_open(store, size, pid, REFERENCE_DATE)],
            )
            figures += guarded(("save",), size, lambda: [measure.measure_save(store, size, pid)])
            figures += guarded(
                ("pdf", "pdf_rtl", "json_export", "json_import"),
                size,
                lambda: measure.measure_exports(store, size, pid, REFERENCE_DATE)[0],
            )
        finally:
            store.db.close()
        mem = probes.memory(work)
        figures.append(Figure("memory", size, mem["open"], mem["baseline"]))
        figures += guarded(("memory_app",), size, lambda: [app_memory(size, data_dir)])
        if startup:
            runs, timeout = (2, 20.0) if quick else (5, 60.0)
            figures.append(cold_start(size, data_dir, runs=runs, timeout=timeout))
            enc_dir = Path(tmp) / "encrypted"
            enc_dir.mkdir()
            figures += guarded(
                ("cold_start_encrypted",),
                size,
                lambda: [cold_start_encrypted(size, work, enc_dir, runs, timeout)],
            )
    return figures


BENCH_PASSPHRASE = "bench passphrase, not a secret"


def app_memory(size: int, data_dir: Path) -> Figure:
    result = probes.app_memory(data_dir)
    if "error" in result:
        return not_available("memory_app", size, result["error"])
    return Figure(
        "memory_app",
        size,
        result["app_mb"],
        result["bare_mb"],
        note="main.py, caseload shown with its attention column, every page built",
    )


def cold_start_encrypted(
    size: int, plain: Path, data_dir: Path, runs: int, timeout: float
) -> Figure:
    """The same start with the caseload in an SQLCipher file, unlocked from the environment."""
    started = time.perf_counter()
    probes.encrypted_copy(plain, data_dir / "blauwemap.db", BENCH_PASSPHRASE)
    copy_s = time.perf_counter() - started
    result = probes.cold_start(data_dir, runs, timeout, passphrase=BENCH_PASSPHRASE)
    if "error" in result:
        return not_available("cold_start_encrypted", size, result["error"])
    return Figure(
        "cold_start_encrypted",
        size,
        result["app_ms"],
        result["bare_ms"],
        note="BLAUWEMAP_PASSPHRASE set; the key is derived after the first paint",
        detail={
            "app_runs": result["app_runs"],
            "bare_runs": result["bare_runs"],
            "encrypting_copy_s": round(copy_s, 1),
        },
    )


def guarded(keys: tuple[str, ...], size: int, fn: Callable[[], list[Figure]]) -> list[Figure]:
    """Run one group of measurements; an exception becomes error rows, not a crash."""
    try:
        return fn()
    except Exception as exc:  # report it with the others; main() exits with an error
        traceback.print_exc()
        return [failed(key, size, exc) for key in keys]


def cold_start(size: int, data_dir: Path, runs: int, timeout: float) -> Figure:
    result = probes.cold_start(data_dir, runs, timeout)
    if "error" in result:
        return not_available("cold_start", size, result["error"])
    return Figure(
        "cold_start",
        size,
        result["app_ms"],
        result["bare_ms"],
        detail={"app_runs": result["app_runs"], "bare_runs": result["bare_runs"]},
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    sizes: tuple[int, ...] = QUICK_SIZES if args.quick else FULL_SIZES
    if args.sizes:
        sizes = tuple(int(s) for s in args.sizes.split(","))
    cache = args.cache_dir or default_cache_dir()
    started = time.perf_counter()
    figures: list[Figure] = []
    generation: dict[str, Any] = {}
    for size in sizes:
        t = time.perf_counter()
        db_file = ensure_caseload(size, cache, rebuild=args.rebuild)
        generation[str(size)] = {
            "seconds": round(time.perf_counter() - t, 2),
            "megabytes": round(db_file.stat().st_size / 2**20, 1),
        }
        print(f"Measuring {size:,} dossiers …", file=sys.stderr, flush=True)
        figures += measure_size(
            size, db_file, startup=not args.no_startup and size == max(sizes), quick=args.quick
        )
    pg_figures, pg_info = measure_postgres(args)
    postgres.beside_sqlite(pg_figures, figures)
    figures += pg_figures
    as_json = [f.as_json() for f in figures]
    return {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "generator_version": GENERATOR_VERSION,
        "reference_date": REFERENCE_DATE.isoformat(),
        "quick": bool(args.quick),
        "sizes": list(sizes),
        "machine": machine(),
        "seconds": round(time.perf_counter() - started, 1),
        "generation": generation,
        "postgresql": pg_info,
        "figures": as_json,
        "growth": report.growth(as_json),
    }


def pg_plan(args: argparse.Namespace) -> postgres.Plan:
    plan = postgres.QUICK if args.quick else postgres.FULL
    if args.pg_size is not None:
        plan = dataclasses.replace(plan, size=args.pg_size)
    if args.pg_think is not None:
        plan = dataclasses.replace(plan, think_s=args.pg_think)
    if args.pg_clients is not None:
        plan = dataclasses.replace(
            plan, consultants=args.pg_clients, teams=min(plan.teams, args.pg_clients)
        )
    return plan


def measure_postgres(args: argparse.Namespace) -> tuple[list[Figure], dict[str, Any]]:
    """The team-server rows; none, with the reason printed, when no server can be started."""
    plan = pg_plan(args)
    if plan.size <= 0:
        return [], {"skipped": "--pg-size 0"}
    started = time.perf_counter()
    try:
        figures, info = postgres.measure(plan)
    except Unavailable as why:
        print(f"PostgreSQL rows left out: {why}", file=sys.stderr)
        return [], {"skipped": str(why)}
    except Exception as exc:  # reported with the others; main() exits with an error
        traceback.print_exc()
        return [failed(key, plan.size, exc) for key in postgres.LABELS.values()], {}
    info["seconds"] = round(time.perf_counter() - started, 1)
    return figures, info


def update_docs(results: dict[str, Any]) -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(MARK_START) + len(MARK_START), text.index(MARK_END)
    DOC.write_text(
        text[:start] + "\n" + report.markdown_table(results) + "\n" + text[end:], encoding="utf-8"
    )
    report.plot(results, DOC_PLOT)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.table:
        print(report.text_table(report.load(args.table)))
        return 0
    results = run(args)
    print(report.text_table(results))
    out = args.out or (None if args.quick or args.sizes else LATEST)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nResults written to {out}", file=sys.stderr)
    if args.plot:
        report.plot(results, args.plot)
        print(f"Plot written to {args.plot}", file=sys.stderr)
    if args.update_docs:
        update_docs(results)
        print(f"Updated {DOC.relative_to(ROOT)} and {DOC_PLOT.relative_to(ROOT)}", file=sys.stderr)
    if any(f["detail"].get("error") for f in results["figures"]):
        print("\nSome measurements failed (see the errors above).", file=sys.stderr)
        return 1
    missed = [f for f in results["figures"] if f["ok"] is False]
    return 1 if args.strict and missed else 0
