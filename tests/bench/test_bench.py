"""The benchmark's generator builds valid, complete dossiers, and the benchmark itself runs."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from sqlalchemy import func, select

from bench import postgres, report
from bench.figures import Figure
from bench.generate import REFERENCE_DATE, generate
from bench.pgserver import Unavailable
from bench.run import main
from core import models as m
from core.db import Database
from core.domain.validation import PROTECTED, clean
from core.rules.bsn import is_valid_bsn

CHECKED = (
    m.Person,
    m.AzcPhase,
    m.CoaLocation,
    m.Voorinburgering,
    m.Training,
    m.Skill,
    m.Education,
    m.WorkExperience,
    m.Ambition,
    m.IntakeTopic,
    m.Leerbaarheidstoets,
    m.PipVersion,
    m.Afspraak,
    m.Contact,
    m.Conversation,
    m.HourEntry,
    m.ExamAttempt,
    m.Verlenging,
    m.OntzorgingItem,
    m.Precondition,
    m.Vrijstelling,
    m.Ontheffing,
    m.Document,
    m.Provider,
)
NOT_TYPED = {"content", "added_at", "at"}


@pytest.fixture(scope="module")
def caseload(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "caseload.db"
    stats = generate(path, 40, seed=7)
    db = Database.open(path, None)
    yield db, stats
    db.close()


def test_every_generated_record_passes_the_apps_validation(caseload):
    db, _stats = caseload
    problems: Counter[str] = Counter()
    checked = 0
    with db.sessions() as session:
        for model in CHECKED:
            for obj in session.scalars(select(model)):
                values = {
                    a.key: getattr(obj, a.key)
                    for a in model.__mapper__.column_attrs
                    if a.key not in PROTECTED and a.key not in NOT_TYPED
                }
                try:
                    clean(model, values, today=REFERENCE_DATE)
                except Exception as exc:  # collect them all for one readable failure
                    problems[f"{model.__name__}: {getattr(exc, 'errors', exc)}"] += 1
                checked += 1
    assert checked > 5000
    assert not problems, problems.most_common(5)


def test_identities_are_valid_and_unique(caseload):
    db, _stats = caseload
    with db.sessions() as session:
        bsns = session.scalars(select(m.Person.bsn)).all()
        vnums = session.scalars(select(m.Person.v_nummer)).all()
    assert len(bsns) == 40
    assert all(is_valid_bsn(b) for b in bsns)
    assert len(set(bsns)) == len(bsns) and len(set(vnums)) == len(vnums)


def test_dossiers_have_a_full_traject(caseload):
    db, stats = caseload
    with db.sessions() as session:
        per_pip = dict(
            session.execute(
                select(m.PipVersion.person_id, func.count()).group_by(m.PipVersion.person_id)
            ).all()
        )
        hours = dict(
            session.execute(
                select(m.HourEntry.person_id, func.count()).group_by(m.HourEntry.person_id)
            ).all()
        )
        retakes = session.scalar(select(func.count()).where(m.ExamAttempt.attempt_no > 1))
        docs = session.scalar(select(func.count()).select_from(m.Document))
    assert len(per_pip) >= 30  # most dossiers are past their first PIP
    assert all(1 <= n <= 4 for n in per_pip.values())
    assert sum(1 for n in per_pip.values() if n >= 2) >= len(per_pip) // 2
    with_pip_hours = [hours[p] for p in per_pip if p in hours]
    assert (
        120 <= sum(with_pip_hours) / len(with_pip_hours) <= 260
    )  # about two sessions a week, two years
    assert retakes > 0 and docs >= 80
    assert stats.rows["intake_topic"] >= 40 * 10
    assert (
        stats.rows["audit_entry"]
        == stats.total_rows
        - stats.rows["audit_entry"]
        - stats.rows["provider"]
        - stats.rows["export_log"]
    )


def test_generation_is_deterministic(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    generate(a, 3, seed=11)
    generate(b, 3, seed=11)
    rows = []
    for path in (a, b):
        db = Database.open(path, None)
        with db.sessions() as session:
            rows.append(
                session.execute(
                    select(m.Person.bsn, m.Person.family_name, m.Person.date_of_birth).order_by(
                        m.Person.id
                    )
                ).all()
            )
            rows.append(
                session.execute(
                    select(m.HourEntry.date, m.HourEntry.hours).order_by(m.HourEntry.id)
                ).all()
            )
        db.close()
    assert rows[0] == rows[2] and rows[1] == rows[3]
    assert len(rows[1]) > 0


def test_the_quick_benchmark_runs_and_reports(tmp_path, capsys):
    out, svg = tmp_path / "results.json", tmp_path / "plot.svg"
    code = main(
        [
            "--sizes",
            "20",
            "--no-startup",
            "--pg-size",
            "0",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--out",
            str(out),
            "--plot",
            str(svg),
        ]
    )
    assert code == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    measured = {f["key"]: f for f in results["figures"]}
    for key in (
        "first_page",
        "search_keystroke",
        "overview",
        "overview_cold",
        "open_dossier",
        "save",
        "memory",
    ):
        assert measured[key]["value"] > 0, key
        assert measured[key]["baseline"] > 0, key
    assert measured["overview"]["detail"]["clocks"] > 0
    assert "Search as you type" in capsys.readouterr().out
    assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    assert "Needs attention" in report.text_table(report.load(out))
    assert "| figure |" in report.markdown_table(results)


def test_growth_flags_superlinear_and_growing_figures():
    figures = [
        {"key": "overview", "size": 100, "value": 10.0},
        {"key": "overview", "size": 1000, "value": 400.0},
        {"key": "first_page", "size": 100, "value": 5.0},
        {"key": "first_page", "size": 1000, "value": 5.5},
    ]
    verdicts = {g["key"]: g["verdict"] for g in report.growth(figures)}
    assert verdicts == {"overview": "SUPERLINEAR", "first_page": "ok"}


def test_the_postgresql_part_gives_its_rows_beside_sqlite():
    """A tiny team (40 dossiers, two consultants and a teamleider, two rounds each) on a
    throwaway server: every operation has its p95, floor and SQLite counterpart; no save lost."""
    plan = postgres.Plan(size=40, consultants=2, teams=1, rounds=2, think_s=0.0, seconds=60)
    try:
        figures, info = postgres.measure(plan)
    except Unavailable as why:
        pytest.skip(str(why))
    sqlite = [Figure(key, 10_000, 1.0, 0.5) for key in set(postgres.SQLITE_SAME.values())]
    postgres.beside_sqlite(figures, sqlite)
    measured = {f.key: f for f in figures}
    assert set(measured) == {*postgres.LABELS.values(), "pg_lost_updates", "pg_rls"}
    for key in postgres.LABELS.values():
        f = measured[key]
        assert f.value is not None and f.value > 0, key
        assert f.baseline is not None and f.baseline > 0, key
        assert f.detail["p50_ms"] <= f.detail["p95_ms"] == f.value
        assert f.detail["sqlite"] == {"size": 10_000, "value": 1.0}
    lost = measured["pg_lost_updates"]
    assert lost.value == 0 and lost.ok and lost.detail["saves"] > 0
    assert measured["pg_rls"].ratio is not None
    assert info["size"] == 40 and info["rows"] > 0 and info["rounds_done"] == [2]
    table = report.text_table({"figures": [f.as_json() for f in figures]})
    assert "lost updates" in table and "SQLite 10,000" in table
