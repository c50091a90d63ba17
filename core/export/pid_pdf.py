"""The printed PID (blauwe map): the person's own dossier, in their preferred language.

Page one is the same scannable summary as the klantprofiel plus the next steps, addressed to the
person; then the chosen sections in detail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, BinaryIO

from reportlab.platypus import KeepInFrame, PageBreak, Spacer

from core import models as m
from core.domain.facts import dossier_facts
from core.export.klantprofiel import check_sections
from core.export.klantprofiel_pdf import summary
from core.export.pdf_common import CONTENT_WIDTH, DocLang, build, document, table
from core.export.pdf_content import section_details
from core.i18n import N_
from core.rules.next_step import next_steps

TITLE = N_("My inburgering dossier (blauwe map)")


def next_step_rows(doc: DocLang, person: m.Person, today: dt.date) -> list[list[str]]:
    rows = [[doc.gettext("What to do next"), doc.gettext("Date")]]
    for step in next_steps(dossier_facts(person), today)[:8]:
        rows.append([step.text_in(doc.gettext, doc.hours, doc.locale), doc.date(step.date)])
    return rows


def render(
    person: m.Person,
    out: str | BinaryIO,
    lang: str | None = None,
    sections: Iterable[str] = (),
    *,
    today: dt.date | None = None,
) -> None:
    """Write the PID print; ``lang`` defaults to the person's preferred language."""
    chosen = check_sections(sections)
    today = today or dt.date.today()
    doc = DocLang(lang or person.preferred_language or "nl")
    title = doc.gettext(TITLE)
    template = document(out, title, doc, f"Blauwe Map · {title} · {doc.date(today)}")
    first: list[Any] = [doc.p(title, "title")]
    first.append(
        table(doc, next_step_rows(doc, person, today), [CONTENT_WIDTH * 0.78, CONTENT_WIDTH * 0.22])
    )
    first.append(Spacer(1, 4))
    first += summary(doc, person, chosen, today)[1:]
    story: list[Any] = [
        KeepInFrame(template.width, template.height - 2, first, mode="shrink"),
        PageBreak(),
    ]
    for code in chosen:
        if code != "document_content":
            story += section_details(doc, person, code)
    build(template, story)
