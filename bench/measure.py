"""In-process measurements on one open caseload: the service calls the GUI makes."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, select

from bench import adapters
from bench.adapters import Exporter
from bench.figures import Figure, not_available
from core import models as m
from core.services.store import Store

PAGE = 50  # rows the caseload list fetches at a time
BUDGET_MS = 2500  # time spent repeating one measurement


def sample(fn: Callable[[], Any], *, budget_ms: float = BUDGET_MS, max_repeat: int = 7) -> float:
    """Best of repeated calls in ms: one untimed warm-up, then as many calls as fit the budget
    (at least one, at most ``max_repeat``). The best, not the mean, as ``timeit`` advises: the
    slower runs measure other programs on the machine, not this code."""
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    repeat = max(1, min(max_repeat, int(budget_ms // max(first, 0.01))))
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return min(samples)


def largest_dossier(store: Store) -> tuple[int, str, int]:
    """The dossier with the most hour entries: (id, bsn, number of hour entries)."""
    with store.read() as session:
        pid, n = session.execute(
            select(m.HourEntry.person_id, func.count().label("n"))
            .group_by(m.HourEntry.person_id)
            .order_by(func.count().desc(), m.HourEntry.person_id)
            .limit(1)
        ).one()
        bsn = session.scalar(select(m.Person.bsn).where(m.Person.id == pid))
    return int(pid), str(bsn), int(n)


def _page_by_key(store: Store) -> None:
    with store.read() as session:
        session.execute(select(m.Person.id).order_by(m.Person.id).limit(PAGE)).all()


def keystrokes(bsn: str) -> list[str]:
    """What a consultant types: a name fragment, then a BSN digit by digit."""
    return ["a", "am", "ams", *(bsn[:i] for i in range(1, 10))]


def measure_caseload_list(store: Store, size: int, bsn: str) -> list[Figure]:
    from core.services.dossiers import count_dossiers, list_dossiers

    base = sample(lambda: _page_by_key(store))
    first = sample(lambda: list_dossiers(store, "", limit=PAGE))
    count = sample(lambda: count_dossiers(store, ""))
    per_key: dict[str, float] = {}
    hits: dict[str, int] = {}

    def keystroke(text: str) -> Callable[[], Any]:
        return lambda: (list_dossiers(store, text, limit=PAGE), count_dossiers(store, text))

    for text in keystrokes(bsn):
        per_key[text] = sample(keystroke(text), budget_ms=600, max_repeat=5)
        hits[text] = count_dossiers(store, text)
    worst = max(per_key, key=lambda k: per_key[k])
    return [
        Figure("first_page", size, first, base, detail={"page": PAGE, "count_ms": count}),
        Figure(
            "search_keystroke",
            size,
            per_key[worst],
            base,
            note=f"slowest keystroke “{worst if not worst.isdigit() else 'BSN ' + str(len(worst)) + ' digits'}”",
            detail={
                "median_ms": statistics.median(per_key.values()),
                "keystrokes": len(per_key),
                "matches": {
                    ("bsn" + str(len(k)) if k.isdigit() else k): v for k, v in hits.items()
                },
            },
        ),
    ]


def _scan_names(store: Store) -> None:
    with store.read() as session:
        session.execute(select(m.Person.id, m.Person.given_names, m.Person.family_name)).all()


def measure_overview(store: Store, size: int, today: dt.date) -> list[Figure]:
    """The "needs attention" column as the caseload view asks for it (each dossier's first open clock,
    over every clock of every dossier): again and again, and the first time in a freshly
    opened database on a new day. Before that, the one-off computation of every dossier's
    stored clock plan (after an upgrade or new clock rules), reported in the detail."""
    from core.db import Database
    from core.services import clock_cache
    from core.services.deadlines import caseload_clocks

    base = sample(lambda: _scan_names(store))
    start = time.perf_counter()
    computed = clock_cache.rebuild(store)
    rebuild_s = time.perf_counter() - start
    clocks = caseload_clocks(store, today)
    attention = clock_cache.first_open_clocks(store, today)
    detail = {
        "clocks": len(clocks),
        "dossiers_with_open_clocks": len(attention),
        "overdue_or_running": sum(1 for c in clocks if c.clock.status != "done"),
    }
    warm = sample(lambda: clock_cache.first_open_clocks(store, today))

    days = iter(range(1, 10_000))

    def cold() -> None:
        fresh = Store(Database.open(store.db.path, None), store.actor)
        try:
            day = today + dt.timedelta(days=next(days))
            start = time.perf_counter()
            clock_cache.first_open_clocks(fresh, day)
            timings.append((time.perf_counter() - start) * 1000)
        finally:
            fresh.db.close()

    timings: list[float] = []
    sample(cold, budget_ms=3000, max_repeat=5)
    return [
        Figure("overview", size, warm, base, detail=detail),
        Figure(
            "overview_cold",
            size,
            min(timings),
            base,
            note=(
                f"a new day in a freshly opened database; computing all {computed:,} stored "
                f"plans once (after an upgrade) took {rebuild_s:.1f} s, in the background"
            ),
            detail={"rebuild_s": round(rebuild_s, 2), "rebuilt_dossiers": computed},
        ),
    ]


def measure_open(store: Store, size: int, pid: int, today: dt.date) -> Figure:
    from core.services.deadlines import dossier_overview
    from core.services.dossiers import load_dossier

    def base() -> None:
        with store.read() as session:
            session.get(m.Person, pid)

    def open_it() -> None:
        dossier_overview(load_dossier(store, pid), today)

    person = load_dossier(store, pid)
    rows = sum(
        len(getattr(person, rel.key) or [])
        for rel in m.Person.__mapper__.relationships
        if rel.uselist
    )
    return Figure("open_dossier", size, sample(open_it), sample(base), detail={"records": rows})


def measure_save(store: Store, size: int, pid: int) -> Figure:
    """Saving the person form: the version the form was read at goes along, so a save that
    raced another is refused instead of overwriting it (the read is not timed: the form had it)."""
    from sqlalchemy import update

    from core.services.dossiers import update_person

    def version() -> int:
        with store.read() as session:
            return int(session.scalar(select(m.Person.version_id).where(m.Person.id == pid)) or 0)

    samples = []
    for i in range(8):
        seen = version()
        start = time.perf_counter()
        update_person(store, pid, {"notes": f"bench save {i}"}, base_version=seen)
        samples.append((time.perf_counter() - start) * 1000)

    def core_update() -> None:
        person: Any = m.Person.__table__
        with store.db.engine.begin() as conn:
            conn.execute(
                update(person)
                .where(person.c.id == pid, person.c.version_id == version())
                .values(notes="bench floor", version_id=person.c.version_id + 1)
            )

    return Figure("save", size, min(samples[1:]), sample(core_update))


def _one_page_pdf() -> None:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(BytesIO(), pagesize=A4)
    doc.build(
        [Paragraph("Klantprofiel", styles["Title"]), Paragraph("One page.", styles["Normal"])]
    )


def measure_exports(store: Store, size: int, pid: int, today: dt.date) -> tuple[list[Figure], int]:
    """PDF and JSON export of one dossier with every section, and the import of that JSON into
    the caseload (after the dossier was deleted, so the import creates it in full). Returns the
    figures and the dossier's id afterwards (an import gives it a new one)."""
    from core.services.dossiers import delete_dossier

    out: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="blauwemap-bench-") as tmp:
        target = Path(tmp)
        counter = iter(range(1_000_000))
        pdf = adapters.exporter("pdf")
        if isinstance(pdf, str):
            out.append(not_available("pdf", size, pdf))
            out.append(not_available("pdf_rtl", size, pdf))
        else:
            value = sample(
                lambda: pdf(store, pid, target / f"p{next(counter)}.pdf", today), max_repeat=5
            )
            size_pdf = (target / "p0.pdf").stat().st_size
            baseline = sample(_one_page_pdf)
            out.append(Figure("pdf", size, value, baseline, detail={"bytes": size_pdf}))
            rtl = cast(Exporter, adapters.exporter("pdf", lang="ar"))  # same modules as above
            value = sample(lambda: rtl(store, pid, target / "ar.pdf", today), max_repeat=5)
            out.append(
                Figure(
                    "pdf_rtl",
                    size,
                    value,
                    baseline,
                    detail={"bytes": (target / "ar.pdf").stat().st_size},
                )
            )
        export = adapters.exporter("json")
        if isinstance(export, str):
            out.append(not_available("json_export", size, export))
            out.append(not_available("json_import", size, "needs the JSON export"))
            return out, pid
        path = target / "dossier.json"
        value = sample(lambda: export(store, pid, path, today), max_repeat=5)
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        out.append(
            Figure(
                "json_export",
                size,
                value,
                sample(lambda: json.dumps(data)),
                detail={"bytes": len(text.encode())},
            )
        )
        importer = adapters.importer()
        if isinstance(importer, str):
            out.append(not_available("json_import", size, importer))
            return out, pid
        samples = []
        for _ in range(4):
            delete_dossier(store, pid)  # not timed: the import then creates the whole dossier
            start = time.perf_counter()
            pid = importer(store, path)
            samples.append((time.perf_counter() - start) * 1000)
        out.append(
            Figure(
                "json_import",
                size,
                min(samples[1:]),
                sample(lambda: json.loads(text)),
                note="preview + apply, new dossier",
            )
        )
    return out, pid
