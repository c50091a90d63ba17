"""The figures the benchmark reports, their targets, and how each is judged."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MS = "ms"
MB = "MB"
X = "×"
COUNT = "count"
PG = "PostgreSQL team, concurrent clients: "


@dataclass(frozen=True)
class Spec:
    key: str
    label: str
    unit: str  # ms / MB
    target: float  # in ``target_unit``
    target_unit: str  # ms / MB / × (a ratio to the baseline)
    baseline_label: str
    grows: str  # "none": must stay flat; "linear": may grow at most linearly


SPECS: dict[str, Spec] = {
    s.key: s
    for s in (
        Spec(
            "cold_start",
            "Cold start to the first painted main window",
            MS,
            2.0,
            X,
            "bare PySide6 window",
            "none",
        ),
        Spec(
            "cold_start_encrypted",
            "Cold start, encrypted database (passphrase in the environment)",
            MS,
            2.0,
            X,
            "bare PySide6 window",
            "none",
        ),
        Spec(
            "first_page",
            "Caseload list: first page (what the GUI shows)",
            MS,
            30,
            MS,
            "one page of ids by primary key",
            "none",
        ),
        Spec(
            "search_keystroke",
            "Search as you type, slowest keystroke (page + count)",
            MS,
            30,
            MS,
            "one page of ids by primary key",
            "linear",
        ),
        Spec(
            "overview",
            "“Needs attention”: each dossier's first open clock, over all clocks",
            MS,
            200,
            MS,
            "reading id and name of every dossier",
            "linear",
        ),
        Spec(
            "overview_cold",
            "“Needs attention”, first time on a new day (fresh process)",
            MS,
            200,
            MS,
            "reading id and name of every dossier",
            "linear",
        ),
        Spec(
            "open_dossier",
            "Open the largest dossier with all its views' data",
            MS,
            50,
            MS,
            "one person row by primary key (ORM)",
            "none",
        ),
        Spec(
            "save",
            "Save the person form (version checked: no lost update)",
            MS,
            50,
            MS,
            "the same UPDATE through SQLAlchemy Core",
            "none",
        ),
        Spec(
            "pg_first_page",
            PG + "caseload first page, p95",
            MS,
            100,
            MS,
            "the same SQL via psycopg, RLS on",
            "none",
        ),
        Spec(
            "pg_search",
            PG + "search, per keystroke (page + count), p95",
            MS,
            100,
            MS,
            "the same SQL via psycopg, RLS on (median keystroke)",
            "linear",
        ),
        Spec(
            "pg_attention",
            PG + "“needs attention”, one consultant, p95",
            MS,
            100,
            MS,
            "the same SQL via psycopg, RLS on",
            "linear",
        ),
        Spec(
            "pg_attention_team",
            PG + "“needs attention”, a teamleider's team, p95",
            MS,
            100,
            MS,
            "the same SQL via psycopg, RLS on",
            "linear",
        ),
        Spec(
            "pg_open",
            PG + "open a dossier (with its trail entry), p95",
            MS,
            100,
            MS,
            "person + each list by id via psycopg, RLS on",
            "none",
        ),
        Spec(
            "pg_save",
            PG + "save, version checked, p95",
            MS,
            50,
            MS,
            "a versioned UPDATE via psycopg, RLS on",
            "none",
        ),
        Spec(
            "pg_lost_updates",
            PG + "lost updates",
            COUNT,
            0,
            COUNT,
            "",
            "none",
        ),
        Spec(
            "pg_rls",
            "PostgreSQL: row-level security, slowest read with RLS vs without",
            MS,
            1.5,
            X,
            "the same rows as table owner, policy as WHERE",
            "none",
        ),
        Spec(
            "pdf",
            "Klantprofiel PDF of the largest dossier",
            MS,
            500,
            MS,
            "one-page ReportLab document",
            "none",
        ),
        Spec(
            "pdf_rtl",
            "The same PDF in Arabic (every cell shaped, right to left)",
            MS,
            500,
            MS,
            "one-page ReportLab document",
            "none",
        ),
        Spec(
            "json_export",
            "JSON export of the largest dossier",
            MS,
            100,
            MS,
            "json.dumps of the same document",
            "none",
        ),
        Spec(
            "json_import",
            "JSON import of that dossier",
            MS,
            100,
            MS,
            "json.loads of the same document",
            "none",
        ),
        Spec(
            "memory",
            "Peak memory with the caseload open (RSS)",
            MB,
            250,
            MB,
            "Python with core imported and the store open",
            "linear",
        ),
        Spec(
            "memory_app",
            "Peak memory of the app with the caseload shown (RSS)",
            MB,
            250,
            MB,
            "a bare PySide6 window",
            "linear",
        ),
    )
}


@dataclass
class Figure:
    key: str
    size: int
    value: float | None  # in the spec's unit; None = not measured
    baseline: float | None = None
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def spec(self) -> Spec:
        return SPECS[self.key]

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool | None:
        spec = self.spec
        measured = self.ratio if spec.target_unit == X else self.value
        return None if measured is None else measured <= spec.target

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(
            ratio=self.ratio,
            ok=self.ok,
            unit=self.spec.unit,
            target=self.spec.target,
            target_unit=self.spec.target_unit,
        )
        return out


def not_available(key: str, size: int, why: str) -> Figure:
    return Figure(key, size, None, note=f"not available: {why}")


def failed(key: str, size: int, exc: BaseException) -> Figure:
    """A measurement that raised: reported, and the run exits with an error."""
    return Figure(
        key,
        size,
        None,
        note=f"error: {type(exc).__name__}: {str(exc)[:120]}",
        detail={"error": True},
    )
