"""Every field a printout can show has a translated label, never its column name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core import models as m
from core.export.pdf_common import DocLang
from core.export.pdf_content import _title, field_label, value_text
from core.export.sections import BY_CODE, PERSON_FIELDS, RELATION
from core.i18n import LANGUAGES, SOURCE_LANGUAGE
from core.models import enums as e
from core.models.fields import declared, label_of, printed


def _printed_fields() -> set[tuple[str, str]]:
    """(model, field) of every column a klantprofiel or PID prints."""
    out: set[tuple[str, str]] = set()
    for section in BY_CODE.values():
        out |= {("Person", name) for name in PERSON_FIELDS[section.code]}
        models = [getattr(m.Person, RELATION[k]).property.mapper.class_ for k in section.lists]
        models += [getattr(m.Person, RELATION[k]).property.mapper.class_ for k in section.singles]
        if section.topics:
            models.append(m.IntakeTopic)
        for model in models:
            out |= {(model.__name__, name) for name in printed(model)}
    return out


def test_every_printed_field_has_a_label():
    fields = _printed_fields()
    assert ("PipVersion", "signed_gemeente_date") in fields  # the walk reaches the records
    assert ("IntakeTopic", "share_consent") in fields
    assert len(fields) > 150
    assert sorted(f for f in fields if not label_of(getattr(m, f[0]), f[1])) == []


def test_bookkeeping_columns_are_not_printed():
    """Ids, timestamps, hashes and file contents are declared without a label or not printed."""
    for mapper in m.Base.registry.mappers:
        shown = set(printed(mapper.class_))
        assert not {n for n in shown if n.endswith("_id")}, mapper.class_
        assert not shown & {"id", "created_at", "updated_at", "uuid", "sha256", "content"}
    # one field name, two meanings: each record kind declares its own label
    assert label_of(m.Education, "level") == "Level of education"
    assert label_of(m.Skill, "level") == "Level"
    assert dict(declared(m.HourEntry))["category"].enum is not None


@pytest.mark.parametrize(
    "code", [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE and not lang.pseudo]
)
def test_labels_are_printed_in_the_documents_language(code):
    doc = DocLang(code)
    english = DocLang(SOURCE_LANGUAGE)
    for model, name in (
        ("PipVersion", "signed_person_date"),
        ("Education", "from_year"),
        ("WorkExperience", "hours_per_week"),
        ("Voorinburgering", "overdracht_date"),
        ("ExamAttempt", "registration_date"),
    ):
        cls = getattr(m, model)
        assert field_label(doc, name, cls) != field_label(english, name, cls), (code, name)
    assert field_label(english, "from_year", m.Education) == "From (year)"
    assert field_label(english, "role", m.WorkExperience) == "Job or task"


def test_values_are_printed_in_the_documents_language():
    nl = DocLang("nl")
    assert value_text(nl, m.ExamAttempt, "fee", Decimal("50.00")) == "50"
    assert value_text(nl, m.ExamAttempt, "fee", Decimal("50.50")) == "50,5"
    # language codes become names, also of languages the app is not translated into
    assert value_text(nl, m.Conversation, "language", "hi") == "Hindi"
    assert value_text(nl, m.Person, "languages_spoken", ["ar", "ti"]) == "Arabisch, Tigrinya"
    assert value_text(DocLang("ar"), m.Conversation, "language", "xx-unknown") == "xx-unknown"


def test_a_conversation_is_titled_by_its_kind_and_date():
    nl = DocLang("nl")
    talk = m.Conversation(type="voortgang", date=dt.datetime(2026, 11, 3, 10, 0))
    title = _title(nl, "conversation", talk)
    assert title.startswith(nl.label(e.ConversationType, "voortgang")) and "2026" in title
    assert "conversation" not in title


def test_language_names_without_that_languages_own_cldr_data(monkeypatch):
    """The standalone bundle ships CLDR data for the app's languages only: a spoken language
    outside them is still named from the document language's data."""
    from babel import Locale, UnknownLocaleError

    from core.export import pdf_content

    doc = DocLang("nl")
    real_parse = Locale.parse

    def parse_shipped_only(code, *args, **kwargs):
        if str(code).startswith("hi"):
            raise UnknownLocaleError(code)
        return real_parse(code, *args, **kwargs)

    monkeypatch.setattr(pdf_content.Locale, "parse", parse_shipped_only)
    assert pdf_content.lang_name(doc, "hi") == "Hindi"
    assert pdf_content.lang_name(doc, "zz") == "zz"
