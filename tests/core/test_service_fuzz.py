"""Hypothesis drives the service layer with random input. Every call either stores data that
passes validation, or raises the project's ValidationError — never anything else — and a refused
call writes nothing at all: row counts, the audit trail and the record itself stay as they were."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, func, select
from sqlalchemy import inspect as sa_inspect

from core import models as m
from core.domain.validation import ENUMS, PROTECTED, clean
from core.errors import ValidationError
from core.services.dossiers import create_dossier, update_person
from core.services.records import KINDS, add_record, update_record
from core.services.store import Store

FUZZ = settings(
    max_examples=150,
    deadline=None,  # a commit waits for the disk; load on the machine is not a failure
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --------------------------------------------------------------------------- random values
NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "a\x07b",
    "line\nbreak",
    "\u202eevil",
    "\u2066isolate\u2069",
    "\ud800lone surrogate",
    "x" * 100_000,
    "2026-02-30",
    "1900-01-01",
    "9999-12-31",
    "111222333",
    "123456782",
    "123456789",
    "2701234567",
    "nan",
    "-1",
    "25",
    "24,5",
    "1e308",
    "Amanuel Tesfay",
    "يوسف",
    "🙂" * 300,
]
NASTY_NUMBERS = [
    -1,
    -0.5,
    0,
    0.0,
    24,
    24.01,
    25,
    1000,
    10**9,
    -(10**18),
    float("nan"),
    float("inf"),
    -float("inf"),
    1e-300,
]

# characters a paste or an import can bring: controls, bidi overrides, lone surrogates, NUL
ODD_CHARACTERS = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\u202e",
    "\u2066",
    "\ud800",
    "\udfff",
    "\n",
    "\ufeff",
]
# One kind of odd character per text, mixed into ordinary letters (st.text() never yields lone
# surrogates, so the characters are joined by hand).
odd_text = (
    st.sampled_from(ODD_CHARACTERS)
    .flatmap(
        lambda odd: st.lists(
            st.one_of(st.characters(codec="utf-8"), st.just(odd)), min_size=1, max_size=30
        )
    )
    .map("".join)
)

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=False, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.text(max_size=40),
    odd_text,
    st.sampled_from(NASTY_TEXT),
    st.sampled_from(NASTY_NUMBERS),
    st.binary(max_size=10),
    st.lists(st.one_of(st.text(max_size=6), st.integers(), st.dates()), max_size=4),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _columns(model: type) -> list[str]:
    return [c.key for c in sa_inspect(model).columns]


VALID_BSNS = ["111222333", "123456782", "1112.22.333", "123456789", "000000000", "12345678"]


def plausible(model: type, name: str) -> st.SearchStrategy[Any]:
    """A value of the right type for the column, often valid, sometimes just outside the rules."""
    column = sa_inspect(model).columns[name]
    kind = column.type
    enum = ENUMS.get((model, name))
    if enum is not None:
        return st.sampled_from([item.value for item in enum])
    if name == "bsn":
        return st.sampled_from(VALID_BSNS)
    if name == "v_nummer":
        return st.from_regex(r"\A[0-9]{9,11}\Z")
    if name in ("email", "contact_email"):
        return st.emails()
    if name == "phone":
        return st.from_regex(r"\A(\+31|0)[0-9 \-]{5,14}\Z")
    if isinstance(kind, Boolean):
        return st.booleans()
    if isinstance(kind, DateTime):
        moments = st.datetimes(dt.datetime(1890, 1, 1), dt.datetime(2110, 1, 1))
        return st.one_of(moments, moments.map(lambda d: d.isoformat(sep=" ", timespec="minutes")))
    if isinstance(kind, Date):
        days = st.dates(dt.date(1890, 1, 1), dt.date(2110, 1, 1))
        return st.one_of(days, days.map(dt.date.isoformat))
    if isinstance(kind, Integer):
        return st.integers(-5, 2100)
    if isinstance(kind, Float | Numeric):
        return st.one_of(st.floats(-5, 30), st.decimals(-5, 3000, places=2).map(str))
    if isinstance(kind, JSON):
        return st.lists(
            st.sampled_from(["nl", "en", "ti", "ar", "x", "toolonglanguage"]), max_size=4
        )
    length = getattr(kind, "length", None) or 300
    return st.one_of(st.text(min_size=1, max_size=min(length + 3, 300)), odd_text)


def typed_values(model: type) -> st.SearchStrategy[dict[str, Any]]:
    """A few fields, each with a plausible value (two times in three) or any value at all."""
    names = [n for n in _columns(model) if n not in PROTECTED]
    return st.lists(st.sampled_from(names), unique=True, max_size=5).flatmap(
        lambda keys: st.fixed_dictionaries(
            {k: st.one_of(plausible(model, k), plausible(model, k), values) for k in keys}
        )
    )


def garbage_values(model: type) -> st.SearchStrategy[dict[str, Any]]:
    names = st.one_of(
        st.sampled_from(_columns(model)),
        st.sampled_from(["id", "person_id", "uuid", "bogus", "__class__", ""]),
        st.text(max_size=6),
    )
    return st.dictionaries(names, values, max_size=6)


def field_values(model: type) -> st.SearchStrategy[dict[str, Any]]:
    typed = typed_values(model)
    return st.one_of(typed, typed, typed, garbage_values(model))


def required(model: type) -> list[str]:
    return [
        c.key
        for c in sa_inspect(model).columns
        if not c.nullable
        and c.default is None
        and not c.primary_key
        and not c.foreign_keys
        and c.key not in PROTECTED
    ]


def new_record_values(model: type) -> st.SearchStrategy[dict[str, Any]]:
    """Plausible required fields, with random fields (typed or garbage) over them."""
    base = st.fixed_dictionaries({k: plausible(model, k) for k in required(model)})
    return st.tuples(base, field_values(model)).map(lambda pair: {**pair[0], **pair[1]})


def _with_valid_hours(model: type, base: st.SearchStrategy[dict[str, Any]]) -> Any:
    """Also hour entries that are valid but for the 24-hours-a-day rule, to reach it."""
    if model is not m.HourEntry:
        return base
    return st.one_of(
        base,
        st.fixed_dictionaries(
            {
                "date": st.dates(dt.date(2026, 1, 1), dt.date(2026, 1, 3)),
                "hours": st.floats(-2, 30),
                "category": st.just("pvt"),
            }
        ),
    )


# --------------------------------------------------------------------------- checks
TABLES = [mapper.class_ for mapper in m.Base.registry.mappers]


def snapshot(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            cls.__tablename__: session.execute(select(func.count()).select_from(cls)).scalar_one()
            for cls in TABLES
        }


def row_values(store: Store, model: type, row_id: int) -> dict[str, Any]:
    with store.read() as session:
        obj = session.get(model, row_id)
        assert obj is not None
        return {
            c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs if c.key != "content"
        }


def assert_valid(store: Store, model: type, row_id: int) -> None:
    """What was stored passes the same validation again, and breaks no domain rule."""
    stored = row_values(store, model, row_id)
    typed = {k: v for k, v in stored.items() if k not in PROTECTED}
    clean(model, typed, existing=stored)  # raises if the database now holds bad data
    for value in stored.values():
        if isinstance(value, float | Decimal):
            assert math.isfinite(value)
        if isinstance(value, str):
            value.encode("utf-8")  # no lone surrogates
    if model is m.HourEntry:
        with store.read() as session:
            worst = session.execute(
                select(func.sum(m.HourEntry.hours))
                .group_by(m.HourEntry.person_id, m.HourEntry.date)
                .order_by(func.sum(m.HourEntry.hours).desc())
                .limit(1)
            ).scalar_one()
        assert 0 < worst <= 24


def refused_cleanly(
    store: Store, before: dict[str, int], call: Any, *, row: tuple[type, int] | None = None
) -> Any:
    """Run ``call``; on ValidationError check nothing changed. Any other exception fails."""
    old = row_values(store, *row) if row else None
    try:
        result = call()
        event("stored")
        return result
    except ValidationError as exc:
        event("refused")
        assert str(exc)  # a message to show
        assert snapshot(store) == before
        if row:
            assert row_values(store, *row) == old
        return None


@pytest.fixture
def dossier(store) -> int:
    return create_dossier(store, {"given_names": "Fuzz", "family_name": "Target"})


# --------------------------------------------------------------------------- the tests
@FUZZ
@given(data=new_record_values(m.Person))
@example(data={"given_names": "\ud800", "family_name": "Surrogate"})  # cannot be stored as UTF-8
@example(data={"given_names": "A", "family_name": "B", "doelgroep": None})  # the default applies
def test_create_dossier(store, data):
    before = snapshot(store)
    new_id = refused_cleanly(store, before, lambda: create_dossier(store, data))
    if new_id is not None:
        assert snapshot(store)["person"] == before["person"] + 1
        assert_valid(store, m.Person, new_id)


@FUZZ
@given(data=field_values(m.Person))
@example(data={"doelgroep": None})  # NOT NULL with a default: emptying it is refused
@example(data={"notes": "ok\udfff"})
def test_update_person(store, dossier, data):
    before = snapshot(store)
    refused_cleanly(
        store, before, lambda: update_person(store, dossier, data), row=(m.Person, dossier)
    )
    assert_valid(store, m.Person, dossier)


NEW_RECORDS = st.sampled_from(sorted(KINDS)).flatmap(
    lambda kind: st.tuples(
        st.just(kind), _with_valid_hours(KINDS[kind], new_record_values(KINDS[kind]))
    )
)
CHANGES = st.sampled_from(sorted(KINDS)).flatmap(
    lambda kind: st.tuples(st.just(kind), _with_valid_hours(KINDS[kind], field_values(KINDS[kind])))
)


@FUZZ
@given(kind_values=NEW_RECORDS)
@example(kind_values=("exam", {"onderdeel": ["LE"], "exam_type": "inburgering"}))  # a list
@example(kind_values=("hour", {"date": "2026-01-01", "hours": float("nan"), "category": "pvt"}))
def test_add_record(store, dossier, kind_values):
    kind, data = kind_values
    before = snapshot(store)
    new_id = refused_cleanly(store, before, lambda: add_record(store, dossier, kind, data))
    if new_id is not None:
        table = KINDS[kind].__tablename__
        assert snapshot(store)[table] == before[table] + 1
        assert_valid(store, KINDS[kind], new_id)


@FUZZ
@given(kind_values=CHANGES)
def test_update_record(store, dossier, kind_values, request):
    kind, data = kind_values
    existing = _existing_records(store, dossier, request)
    if kind not in existing:
        kind = "hour"
    model, row_id = KINDS[kind], existing[kind]
    before = snapshot(store)
    refused_cleanly(
        store, before, lambda: update_record(store, kind, row_id, data), row=(model, row_id)
    )
    assert_valid(store, model, row_id)


VALID = {
    "hour": {"date": "2026-02-02", "hours": 2, "category": "pvt"},
    "contact": {"name": "Klantmanager", "role": "klantmanager"},
    "ambition": {"text": "Verpleegkundige worden"},
    "work": {"role": "Kok"},
    "exam": {"onderdeel": "LE", "exam_type": "inburgeringsexamen", "niveau": "B1"},
    "conversation": {"date": "2026-02-02T10:00", "type": "intake"},
}


def _existing_records(store: Store, dossier: int, request: Any) -> dict[str, int]:
    """One valid record of a few kinds, made once per test (the test then updates them)."""
    cache = request.node.__dict__.setdefault("_fuzz_records", {})
    if not cache:
        for kind, data in VALID.items():
            try:
                cache[kind] = add_record(store, dossier, kind, data)
            except ValidationError:
                continue  # a kind whose required fields changed: fuzz the others
        assert "hour" in cache
    return cache


def test_the_hour_rules_are_enforced(store, dossier):
    """The rules the fuzzing leans on, checked by hand once."""
    for bad in (-1, 0, 24.5, float("nan"), "many"):
        with pytest.raises(ValidationError) as exc:
            add_record(store, dossier, "hour", {**VALID["hour"], "hours": bad})
        assert exc.value.field == "hours"
    add_record(store, dossier, "hour", {**VALID["hour"], "hours": 20})
    with pytest.raises(ValidationError, match="more than 24 hours"):
        add_record(store, dossier, "hour", {**VALID["hour"], "hours": 5})


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(["B", "O", "Z"]),
    level=st.sampled_from([None, "A1", "A2", "B1"]),
    intensity=st.sampled_from([None, 0, 600]),
    days=st.integers(-60, 900),
)
def test_a_new_pip_gets_the_imports_verdict(store, dossier, route, level, intensity, days):
    """Issue 15: the service and the import's PIP gate agree on every random version."""
    from core.errors import ImportFileError
    from core.export.json_io import ImportData
    from core.services.dossiers import load_dossier
    from core.services.pip import check_imported_pips, new_pip_version

    values = {
        "dagtekening": dt.date(2025, 1, 1) + dt.timedelta(days=days),
        "leerroute": route,
        "niveau": level,
        "geschatte_intensiteit": intensity,
    }
    before = snapshot(store)
    try:
        check_imported_pips(
            load_dossier(store, dossier), ImportData(sections=(), uuid=None), [dict(values)]
        )
        by_import = None
    except ImportFileError as exc:
        by_import = str(exc)
    assert snapshot(store) == before
    try:
        new_pip_version(store, dossier, dict(values))
        by_service = None
    except ValidationError as exc:
        by_service = exc.message
    if by_service is None:
        assert by_import is None
    else:
        assert by_import is not None and by_import.endswith(by_service), (by_import, by_service)
