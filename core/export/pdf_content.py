"""Pieces the klantprofiel and PID printouts share: the summary facts and the record details.

Everything is read from a loaded dossier snapshot and printed in the document's own language
(:class:`core.export.pdf_common.DocLang`), never the interface's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from reportlab.platypus import Paragraph, Spacer

from core import models as m
from core.domain.facts import dossier_facts
from core.domain.validation import ENUMS
from core.export.pdf_common import CONTENT_WIDTH, DocLang, table
from core.export.sections import BY_CODE, PERSON_FIELDS, RELATION, shared_topics
from core.i18n import N_, language
from core.models import enums as e
from core.models.fields import label_of, printed
from core.rules.clocks import KIND_LABELS, Clock, all_clocks
from core.rules.exams import ExamStatus, exam_status
from core.rules.intake_topics import TOPICS
from core.rules.requirements import LABELS as REQ_LABELS
from core.rules.requirements import Requirement, requirements

STATUS = {"open": N_("open"), "done": N_("done"), "overdue": N_("overdue")}
TOPIC_TITLES = {t.code: t.title for t in TOPICS}


def field_label(doc: DocLang, name: str, model: type = m.Person) -> str:
    msgid = label_of(model, name)
    return doc.gettext(msgid) if msgid else name.replace("_", " ").capitalize()


# Fields that hold language codes ("ar", "ti", "hi"): printed as the language's name
LANGUAGE_FIELDS = frozenset({"languages_spoken", "preferred_language", "language"})


def lang_name(doc: DocLang, code: str | None) -> str:
    """A language's name in the document's language (no mixed scripts in one cell)."""
    if not code:
        return "—"
    try:
        babel_code = language(code).babel_code
    except ValueError:
        babel_code = code  # a language the app is not translated into, e.g. "hi"
    try:
        return Locale.parse(babel_code).get_display_name(doc.locale) or code
    except UnknownLocaleError:
        # The standalone bundle ships CLDR data only for the app's own languages; the
        # document's locale still names every other one.
        return doc.locale.languages.get(babel_code) or code
    except ValueError:
        return code


def value_text(doc: DocLang, model: type, name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return ""
    enum = ENUMS.get((model, name))
    if enum is not None:
        return doc.label(enum, str(value))
    if name in LANGUAGE_FIELDS:
        codes = value if isinstance(value, list) else [value]
        return ", ".join(lang_name(doc, str(c)) for c in codes)
    if name == "consent_sections":  # a referral's consent: the titles the reader knows
        return ", ".join(doc.gettext(BY_CODE[c].title) for c in value if c in BY_CODE)
    if isinstance(value, bool):
        return doc.yes_no(value)
    if isinstance(value, dt.date | dt.datetime):
        return doc.date(value)
    if isinstance(value, float | Decimal):
        return doc.number(float(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def provenance(doc: DocLang, obj: Any) -> str:
    """Where a record came from and when (DOMAIN.md §11 point 2)."""
    source = getattr(obj, "source", None)
    when = getattr(obj, "source_date", None)
    if source:
        enum = e.InfoSource if isinstance(obj, m.IntakeTopic) else e.RecordSource
        src = doc.label(enum, source)
    else:
        src = doc.gettext("Entered in this dossier")
    if when is None:
        when = getattr(obj, "updated_at", None) or getattr(obj, "added_at", None)
    author = getattr(obj, "author", None)
    if when is None:
        text = doc.gettext("Source: {source}").format(source=src)
    else:
        text = doc.gettext("Source: {source}, {date}").format(source=src, date=doc.date(when))
    return f"{text} · {author}" if author else text


# --------------------------------------------------------------------------- summary facts
def clock_rows(doc: DocLang, clocks: list[Clock]) -> list[list[str]]:
    rows = [[doc.gettext("Clock"), doc.gettext("Date"), doc.gettext("Status")]]
    for c in clocks:
        label = doc.gettext(KIND_LABELS[c.kind]).format(detail=c.detail)
        rows.append([label, doc.date(c.date), doc.gettext(STATUS[c.status])])
    return rows


def requirement_rows(doc: DocLang, reqs: list[Requirement]) -> list[list[str]]:
    rows = [[doc.gettext("Requirement"), doc.gettext("Done"), doc.gettext("Required")]]
    for r in reqs:
        label = doc.gettext(REQ_LABELS[r.code]).format(detail=r.detail)
        if r.kind == "hours":
            rows.append([label, doc.hours(r.done), doc.hours(r.required)])
        else:
            rows.append([label, doc.yes_no(r.met), ""])
    return rows


def exam_rows(doc: DocLang, status: list[ExamStatus]) -> list[list[str]]:
    rows = [
        [
            doc.gettext("Component"),
            doc.gettext("Level needed"),
            doc.gettext("Status"),
            doc.gettext("Next exam"),
            doc.gettext("Free attempts left"),
        ]
    ]
    for s in status:
        if s.exempt:
            state = doc.gettext("Exempted")
        elif s.passed:
            state = doc.gettext("Passed at {level}").format(level=s.passed_level or "")
        elif s.last_result:
            state = doc.label(e.ExamResultaat, s.last_result)
        else:
            state = doc.gettext("Not taken yet")
        rows.append(
            [
                doc.label(e.Onderdeel, s.onderdeel),
                s.required_level or "—",
                state,
                doc.date(s.next_planned),
                doc.number(s.free_left)
                if s.free_left is not None
                else doc.gettext("Pays own exams"),
            ]
        )
    return rows


def summary_facts(person: m.Person, today: dt.date) -> dict[str, Any]:
    facts = dossier_facts(person)
    return {
        "clocks": all_clocks(facts, today),
        "requirements": requirements(facts, today=today),
        "exams": exam_status(facts, today),
        "pip": person.pip_versions[-1] if person.pip_versions else None,
    }


def route_text(doc: DocLang, pip: m.PipVersion | None) -> str:
    if pip is None:
        return doc.gettext("No PIP yet")
    base = pip.niveau or ("B1" if pip.leerroute in ("B", "O") else "")
    skills = []
    for code in ("LE", "LU", "SC", "SP"):
        level = getattr(pip, f"niveau_{code.lower()}") or base
        if level:
            skills.append(f"{code} {level}")
    parts = [doc.label(e.Leerroute, pip.leerroute)]
    if skills:
        parts.append(" · ".join(skills))
    return " — ".join(parts)


def attention_topics(person: m.Person, sections: tuple[str, ...]) -> list[m.IntakeTopic]:
    found = [t for code in sections for t in shared_topics(person, code)]
    return sorted(
        (t for t in found if t.needs_attention or t.status != "known"), key=lambda t: t.id
    )


# --------------------------------------------------------------------------- details
def record_block(doc: DocLang, obj: Any, title: str) -> list[Any]:
    model = type(obj)
    rows = []
    for name in printed(model):
        text = value_text(doc, model, name, getattr(obj, name))
        if text:
            rows.append([field_label(doc, name, model), text])
    out: list[Any] = [doc.p(title, "h2")]
    if rows:
        out.append(table(doc, rows, [CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.7], header=False))
    out.append(doc.p(provenance(doc, obj), "small"))
    return out


def _title(doc: DocLang, kind: str, obj: Any) -> str:
    for attr in ("title", "name", "role", "text", "topic", "onderdeel", "kind", "level"):
        value = getattr(obj, attr, None)
        if value:
            if attr == "topic":
                return doc.gettext(TOPIC_TITLES.get(value, value))
            if attr == "onderdeel":
                return doc.label(e.Onderdeel, value)
            enum = ENUMS.get((type(obj), attr))
            return doc.label(enum, value) if enum else str(value)[:90]
    if isinstance(obj, m.Referral):  # before the generic attributes: "partner" says who
        return f"{obj.partner[:90]} · {doc.date(obj.referred_on)}"
    if isinstance(obj, m.PipVersion):
        return doc.gettext("PIP version {n}").format(n=obj.version_no)
    if isinstance(obj, m.Conversation):
        return f"{doc.label(e.ConversationType, obj.type)} · {doc.date(obj.date)}"
    return doc.gettext(BY_CODE.get(kind, BY_CODE["intake"]).title) if kind in BY_CODE else kind


# Date, hours, category, attendance, school, source: wide enough for each header's longest word
# in every language (a wider word is cut into letters).
HOURS_WIDTHS = (0.105, 0.085, 0.25, 0.16, 0.22, 0.18)


def hours_table(doc: DocLang, hours: list[m.HourEntry]) -> list[Any]:
    rows = [
        [
            doc.gettext("Date"),
            doc.gettext("Hours"),
            doc.gettext("Category"),
            doc.gettext("Attendance"),
            doc.gettext("School or provider"),
            doc.gettext("Source"),
        ]
    ]
    for h in sorted(hours, key=lambda h: (h.date, h.id)):
        rows.append(
            [
                doc.date(h.date, "short"),
                doc.number(h.hours),
                doc.label(e.HourCategory, h.category),
                doc.label(e.Attendance, h.attendance),
                h.provider.name if h.provider else "",
                doc.label(e.RecordSource, h.source),
            ]
        )
    return [table(doc, rows, [CONTENT_WIDTH * share for share in HOURS_WIDTHS])]


def section_details(doc: DocLang, person: m.Person, code: str) -> list[Any]:
    section = BY_CODE[code]
    story: list[Any] = [doc.p(doc.gettext(section.title), "h1")]
    for name in PERSON_FIELDS[code]:
        text = value_text(doc, m.Person, name, getattr(person, name))
        if text:
            story.append(doc.p(f"{field_label(doc, name)}: {text}"))
    for kind in section.singles:
        obj = getattr(person, RELATION[kind])
        if obj is not None:
            story += record_block(
                doc, obj, doc.gettext("Azc phase") if kind == "azc" else "Voorinburgering"
            )
    for kind in section.lists:
        items = sorted(getattr(person, RELATION[kind]), key=lambda r: r.id)
        if kind == "hour":
            if items:
                story += hours_table(doc, items)
            continue
        for obj in items:
            story += record_block(doc, obj, _title(doc, kind, obj))
    if section.topics:
        for t in shared_topics(person, code):
            story += record_block(doc, t, doc.gettext(TOPIC_TITLES.get(t.topic, t.topic)))
    if len(story) == 1:
        story.append(doc.p(doc.gettext("Nothing recorded."), "small"))
    story.append(Spacer(1, 4))
    return story


def nothing(doc: DocLang) -> Paragraph:
    return doc.p(doc.gettext("Not shared."), "small")
