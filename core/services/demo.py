"""A realistic, fictional demo dossier that touches every part of the model: data, not code.

The dossier lives in ``resources/demo/dossier.json``; this loader feeds it, step by step, through
the same services (and so the same validation gate) as a form or an import. The file's format:

``{"format": "blauwemap-demo", "version": 1, "steps": [ {...}, ... ]}`` — one object per step,
run in order. The step's first key says what it does; the other keys are field values, named as
the model's columns (core/models), given as a form would give them:

``{"person": "new", ...}``           the dossier itself (``"update"``: change it later on)
``{"section": KIND, ...}``           a once-per-dossier record: ``azc``, ``voorinburgering``
``{"record": KIND, ...}``            one record of a kind of core/domain/registry.py
``{"intake_topic": CODE, ...}``      a brede-intake topic (core/rules/intake_topics.py)
``{"pip_version": REF, ...}``        a new PIP version
``{"provider": REF, ...}``           a school or provider (shared by all dossiers)
``{"document": REF, "file": NAME}``  a file from resources/demo/ attached to the dossier
``{"lessons": "hour", "from": D, "until": D, "weekdays": [...], "every": [...], ...}``
                                     one hour entry per lesson day from ``from`` until before
                                     ``until``; an ``every`` item ``{"nth": N, ...}`` changes
                                     the values of every Nth lesson

Values: ``"today"``, ``"today-20m"``, ``"today-20m+10d"``, ``"today+21d"`` are dates counted
from the day the dossier is made (months first, then days), so the clocks always show
something to act on; ``"today-13m 10:00"`` is a date and time; ``"@REF"`` is the id of an
earlier step's provider, document or PIP version. Any other value goes to the service as it is.

The person, the BSN (the well-known test number 111222333) and every organisation are made up.
The identity that marks the example (name, BSN, V-number) stays below: ``is_example`` reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlalchemy import select

from core import models as m
from core.paths import RESOURCES
from core.rules.dates import add_months
from core.services import records as rec
from core.services.documents import attach_document
from core.services.dossiers import create_dossier, update_person
from core.services.intake import set_intake_topic
from core.services.pip import new_pip_version
from core.services.store import Store

DEMO_NAME = ("Amanuel", "Tesfay Gebremedhin")
DEMO_BSN = "111222333"
DEMO_V_NUMMER = "2701234567"
DEMO_DIR = RESOURCES / "demo"
_RELATIVE = re.compile(r"^today(?:([+-]\d+)m)?(?:([+-]\d+)d)?(?: (\d\d):(\d\d))?$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def is_example(person: Any) -> bool:
    """The fictional demo dossier (its BSN and V-number are made up: no real person has both)."""
    return getattr(person, "bsn", None) == DEMO_BSN and getattr(person, "v_nummer", None) == (
        DEMO_V_NUMMER
    )


def example_dossier(store: Store) -> int | None:
    """The example dossier's id, when there is one."""
    with store.read() as session:
        return session.scalars(
            select(m.Person.id).where(m.Person.bsn == DEMO_BSN, m.Person.v_nummer == DEMO_V_NUMMER)
        ).first()


def relative_date(text: str, today: dt.date) -> dt.date | dt.datetime:
    """``today-20m+10d`` (``today`` moved by months, then by days), optionally `` HH:MM``."""
    match = _RELATIVE.match(text)
    if match is None:
        raise ValueError(text)
    months, days, hour, minute = match.groups()
    day = add_months(today, int(months or 0)) + dt.timedelta(days=int(days or 0))
    if hour is None:
        return day
    return dt.datetime.combine(day, dt.time(int(hour), int(minute)))


def _values(step: dict[str, Any], refs: dict[str, int], today: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in list(step.items())[1:]:
        if isinstance(value, str) and value.startswith("today"):
            value = relative_date(value, today)
        elif isinstance(value, str) and value.startswith("@"):
            value = refs[value[1:]]
        out[name] = value
    return out


def _lessons(
    store: Store, pid: int, step: dict[str, Any], refs: dict[str, int], today: dt.date
) -> None:
    """One hour entry per lesson day; every ``nth`` lesson takes its item's values as well."""
    values = _values(step, refs, today)
    start, until = values.pop("from"), values.pop("until")
    weekdays = {_WEEKDAYS.index(day) for day in values.pop("weekdays")}
    every = values.pop("every", [])
    day, n = start, 0
    while day < until:
        if day.weekday() in weekdays:
            n += 1
            entry = {**values, "date": day}
            for item in every:  # {"nth": N, field: value, ...}
                if n % item["nth"] == 0:
                    entry.update(_values(item, refs, today))
            rec.add_record(store, pid, step["lessons"], entry)
        day += dt.timedelta(days=1)


def create_demo_dossier(store: Store, today: dt.date | None = None) -> int:
    """Make the demo dossier from resources/demo/dossier.json; returns its id."""
    today = today or dt.date.today()
    data = json.loads((DEMO_DIR / "dossier.json").read_text(encoding="utf-8"))
    if data.get("format") != "blauwemap-demo" or data.get("version") != 1:
        raise ValueError("resources/demo/dossier.json is not a version 1 demo dossier")
    identity = {
        "given_names": DEMO_NAME[0],
        "family_name": DEMO_NAME[1],
        "bsn": DEMO_BSN,
        "v_nummer": DEMO_V_NUMMER,
    }
    pid = 0
    refs: dict[str, int] = {}
    for step in data["steps"]:
        action, arg = next(iter(step.items()))
        values = _values(step, refs, today) if action != "lessons" else {}
        if action == "person" and arg == "new":
            pid = create_dossier(store, {**identity, **values})
        elif action == "person":
            update_person(store, pid, values)
        elif action == "section":
            rec.set_section(store, pid, arg, values)
        elif action == "record":
            rec.add_record(store, pid, arg, values)
        elif action == "intake_topic":
            set_intake_topic(store, pid, arg, values)
        elif action == "pip_version":
            refs[arg], _findings = new_pip_version(store, pid, values)
        elif action == "provider":
            refs[arg] = rec.add_provider(store, values)
        elif action == "document":
            name = values.pop("file")
            refs[arg] = attach_document(store, pid, name, (DEMO_DIR / name).read_bytes(), values)
        elif action == "lessons":
            _lessons(store, pid, step, refs, today)
        else:
            raise ValueError(f"resources/demo/dossier.json: unknown step {action!r}")
    return pid
