"""The brede intake topics (core.rules.intake_topics; DOMAIN.md §5)."""

from __future__ import annotations

import pytest

from core.errors import ValidationError
from core.rules.intake_topics import TOPICS, topic, topics_needing_attention

REQUIRED = {
    "leerbaarheid",
    "opleiding",
    "werkervaring",
    "taalniveau",
    "zelfredzaamheid",
    "gezinssituatie",
    "fysieke_gezondheid",
    "mentale_gezondheid",
    "kinderen_vve",
    "arbeidsparticipatie",
}


def test_every_topic_of_domain_section_5_is_there():
    codes = [t.code for t in TOPICS]
    assert len(codes) == len(set(codes)) == 18
    assert {
        "praktische_competenties",
        "werknemersvaardigheden",
        "motivatie",
        "digitale_vaardigheden",
        "sociaal_netwerk",
        "financiele_zelfredzaamheid",
        "signalen",
        "mentale_belastbaarheid",
    } <= set(codes)
    assert {t.code for t in TOPICS if t.required} == REQUIRED


def test_health_and_family_are_sensitive_by_default():
    sensitive = {t.code for t in TOPICS if t.sensitive_by_default}
    assert {"fysieke_gezondheid", "mentale_gezondheid", "gezinssituatie", "signalen"} <= sensitive
    assert "opleiding" not in sensitive


def test_every_topic_has_a_title_questions_and_a_source():
    for t in TOPICS:
        assert t.title.strip()
        assert t.questions and all(q.strip().endswith("?") for q in t.questions)
        assert t.source.startswith("seed")


def test_lookup_and_unknown_topic():
    assert topic("opleiding").title == "Education"
    with pytest.raises(ValidationError) as err:
        topic("no_such_topic")
    assert err.value.field == "topic"


def test_topics_needing_attention():
    assert {t.code for t in topics_needing_attention({})} == REQUIRED
    status = dict.fromkeys(REQUIRED, "known")
    status["opleiding"] = "partial"
    status["motivatie"] = "unknown"  # not required
    assert [t.code for t in topics_needing_attention(status)] == ["opleiding"]
    assert topics_needing_attention(dict.fromkeys(REQUIRED, "known")) == []
