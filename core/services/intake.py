"""Brede intake: one record per topic, kept open across conversations (DOMAIN.md §5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from core import models as m
from core.domain.validation import clean
from core.rules.intake_topics import TOPICS, topic
from core.services.records import changed_since, get_person
from core.services.store import Store


def set_intake_topic(
    store: Store,
    dossier_id: int,
    code: str,
    values: dict[str, Any],
    *,
    base_version: int | None = None,
) -> None:
    """Create or update one topic. ``base_version``: the topic's version the values were typed
    on (``records.changed_since``); None when it had none yet."""
    definition = topic(code)  # raises for an unknown topic
    with store.transaction() as session:
        get_person(session, dossier_id)
        row = session.scalars(
            select(m.IntakeTopic).where(
                m.IntakeTopic.person_id == dossier_id, m.IntakeTopic.topic == code
            )
        ).first()
        existing = (
            None
            if row is None
            else {c.key: getattr(row, c.key) for c in m.IntakeTopic.__mapper__.column_attrs}
        )
        cleaned = clean(m.IntakeTopic, values, existing=existing)
        if row is not None:
            changed_since(row, base_version, cleaned)
        if row is None:
            row = m.IntakeTopic(
                person_id=dossier_id,
                topic=definition.code,
                sensitive=definition.sensitive_by_default,
            )
            session.add(row)
        if "source_date" not in cleaned and ("notes" in cleaned or "answers" in cleaned):
            cleaned["source_date"] = dt.date.today()
        for key, value in cleaned.items():
            setattr(row, key, value)


def intake_progress(person: m.Person) -> tuple[int, int]:
    """(topics known, all topics)."""
    known = sum(1 for t in person.intake_topics if t.status == "known")
    return known, len(TOPICS)
