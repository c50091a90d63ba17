"""The klantprofiel PDF for overdracht: page one a scannable summary, then details per section.

Entry point for the app and the benchmark: :func:`render`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, BinaryIO

from reportlab.platypus import KeepInFrame, PageBreak, Spacer
from reportlab.platypus.frames import Frame

from core import models as m
from core.export.klantprofiel import CLOCK_SECTION, check_sections
from core.export.pdf_common import CONTENT_WIDTH, DocLang, build, document, table
from core.export.pdf_content import (
    TOPIC_TITLES,
    attention_topics,
    clock_rows,
    exam_rows,
    field_label,
    lang_name,
    nothing,
    requirement_rows,
    route_text,
    section_details,
    summary_facts,
)
from core.export.sections import BY_CODE
from core.models import enums as e
from core.rules.table import RULES


def _clock_section(kind: str) -> str:
    return CLOCK_SECTION.get(kind, "plicht")


def azc_block(doc: DocLang, person: m.Person) -> list[Any]:
    """Before any PIP, what the gemeente reads first: the azc dates (permit, koppeling, housing,
    BRP), the current COA location and the Voorinburgering's level and hours against its norms
    (DOMAIN.md §2; the norms in core.rules.table)."""
    w = CONTENT_WIDTH
    cells: list[tuple[str, str]] = []
    azc = person.azc
    if azc is not None:
        for name in (
            "vergunning_date",
            "koppeling_date",
            "huisvesting_date",
            "brp_inschrijving_date",
        ):
            value = getattr(azc, name)
            if value is not None:
                cells.append((field_label(doc, name, m.AzcPhase), doc.date(value)))
        if azc.koppeling_gemeente:
            cells.append(
                (field_label(doc, "koppeling_gemeente", m.AzcPhase), azc.koppeling_gemeente)
            )
    current = [c for c in person.coa_locations if c.until_date is None]
    if current:
        place = current[-1]
        cells.append(
            (
                field_label(doc, "name", m.CoaLocation),
                ", ".join(x for x in (place.name, place.place) if x),
            )
        )
    vi = person.voorinburgering
    if vi is not None:
        if vi.level_reached:
            cells.append(
                (
                    field_label(doc, "level_reached", m.Voorinburgering),
                    doc.label(e.Niveau, vi.level_reached),
                )
            )
        for name, norm in (
            ("nt2_hours", RULES.voorinburgering_nt2_hours),
            ("knm_hours", RULES.voorinburgering_knm_hours),
            ("intromap_hours", RULES.voorinburgering_intromap_hours),
        ):
            done = getattr(vi, name) or 0.0
            cells.append(
                (
                    field_label(doc, name, m.Voorinburgering),
                    f"{doc.hours(done)} / {doc.hours(norm)}",
                )
            )
    if not cells:
        return []
    rows = [
        [*cells[i], *(cells[i + 1] if i + 1 < len(cells) else ("", ""))]
        for i in range(0, len(cells), 2)
    ]
    return [
        doc.p(doc.gettext("Azc phase and Voorinburgering"), "h2"),
        table(doc, rows, [w * 0.2, w * 0.3, w * 0.2, w * 0.3], header=False),
    ]


def summary(doc: DocLang, person: m.Person, sections: tuple[str, ...], today: dt.date) -> list[Any]:
    """Page one: who, regime, route, plicht, clocks, hours, exams, contact, topics, note."""
    facts = summary_facts(person, today)
    w = CONTENT_WIDTH
    story: list[Any] = []
    name = person.display_name if "identity" in sections else doc.gettext("(name not shared)")
    story.append(doc.p(doc.gettext("Klantprofiel for overdracht") + ": " + name, "title"))
    story.append(
        doc.p(
            doc.gettext("Summary made on {date}. Shared sections: {sections}.").format(
                date=doc.date(today),
                sections=", ".join(doc.gettext(BY_CODE[c].title) for c in sections),
            ),
            "small",
        )
    )
    who: list[list[str]] = []
    if "identity" in sections:
        langs = ", ".join(lang_name(doc, c) for c in (person.languages_spoken or []))
        who += [
            [
                doc.gettext("Date of birth"),
                doc.date(person.date_of_birth),
                doc.gettext("BSN / V-number"),
                f"{person.bsn or '—'} / {person.v_nummer or '—'}",
            ],
            [
                doc.gettext("Gemeente"),
                person.gemeente or "—",
                doc.gettext("Languages"),
                langs or "—",
            ],
            [
                doc.gettext("Literacy"),
                doc.label(e.Alfabetisering, person.literacy),
                doc.gettext("Preferred language"),
                lang_name(doc, person.preferred_language),
            ],
        ]
    if "plicht" in sections:
        who += [
            [
                doc.gettext("Regime"),
                doc.label(e.Regime, person.regime),
                doc.gettext("Target group (doelgroep)"),
                doc.label(e.Doelgroep, person.doelgroep),
            ],
            [
                doc.gettext("Status of the inburgeringsplicht"),
                doc.label(e.PlichtStatus, person.plicht_status),
                doc.gettext("Leerroute and level"),
                route_text(doc, facts["pip"]) if "pip" in sections else doc.gettext("Not shared."),
            ],
        ]
    if who:
        story.append(table(doc, who, [w * 0.2, w * 0.3, w * 0.2, w * 0.3], header=False))
    if "azc" in sections and facts["pip"] is None:
        story += azc_block(doc, person)
    story.append(doc.p(doc.gettext("Clocks and deadlines"), "h2"))
    if "plicht" in sections:
        clocks = [c for c in facts["clocks"] if _clock_section(c.kind) in sections]
        story.append(table(doc, clock_rows(doc, clocks), [w * 0.6, w * 0.22, w * 0.18]))
    else:
        story.append(nothing(doc))
    story.append(doc.p(doc.gettext("Hours and requirements"), "h2"))
    if {"pip", "hours"} <= set(sections):
        story.append(
            table(doc, requirement_rows(doc, facts["requirements"]), [w * 0.6, w * 0.2, w * 0.2])
        )
    else:
        story.append(nothing(doc))
    story.append(doc.p(doc.gettext("Exams"), "h2"))
    if "exams" in sections:
        story.append(
            table(
                doc,
                exam_rows(doc, facts["exams"]),
                [w * 0.3, w * 0.13, w * 0.25, w * 0.17, w * 0.15],
            )
        )
    else:
        story.append(nothing(doc))
    story.append(doc.p(doc.gettext("Fixed contact person (vaste aanspreekpunt)"), "h2"))
    fixed = [c for c in person.contacts if c.is_vaste_aanspreekpunt]
    if "contacts" in sections and fixed:
        c = fixed[0]
        details = " · ".join(
            x
            for x in (
                c.name,
                doc.label(e.ContactRole, c.role),
                c.organisation or "",
                c.phone or "",
                c.email or "",
            )
            if x
        )
        story.append(doc.p(details))
    else:
        story.append(
            nothing(doc)
            if "contacts" not in sections
            else doc.p(doc.gettext("None recorded."), "small")
        )
    story.append(doc.p(doc.gettext("Brede-intake topics that need attention"), "h2"))
    topics = attention_topics(person, sections)
    if topics:
        rows = [[doc.gettext("Topic"), doc.gettext("Status"), doc.gettext("Notes")]]
        for t in topics:
            rows.append(
                [
                    doc.gettext(TOPIC_TITLES.get(t.topic, t.topic)),
                    doc.label(e.IntakeStatus, t.status),
                    (t.notes or "")[:160],
                ]
            )
        story.append(table(doc, rows, [w * 0.3, w * 0.15, w * 0.55]))
    else:
        story.append(doc.p(doc.gettext("None."), "small"))
    story.append(doc.p(doc.gettext("Note for the next teacher or klantmanager"), "h2"))
    if "note" in sections:
        story.append(doc.p(person.note_next_teacher or doc.gettext("None recorded.")))
    else:
        story.append(nothing(doc))
    return story


def render(
    person: m.Person,
    out: str | BinaryIO,
    lang: str = "nl",
    sections: Iterable[str] = (),
    *,
    today: dt.date | None = None,
) -> None:
    """Write the klantprofiel PDF of a loaded dossier to a path or a binary stream."""
    chosen = check_sections(sections)
    today = today or dt.date.today()
    doc = DocLang(lang)
    title = doc.gettext("Klantprofiel for overdracht")
    template = document(out, title, doc, f"Blauwe Map · {title} · {doc.date(today)}")
    frame = Frame(
        0,
        0,
        template.width,
        template.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    first = KeepInFrame(
        frame._width, frame._height - 2, summary(doc, person, chosen, today), mode="shrink"
    )
    story: list[Any] = [first, PageBreak()]
    story.append(doc.p(doc.gettext("Details per section"), "title"))
    for code in chosen:
        if code == "document_content":
            continue
        story += section_details(doc, person, code)
        story.append(Spacer(1, 6))
    build(template, story)
