"""The person's CV: Dutch and their own language side by side, for an employer or a school.

Built like the bilingual PIP (core/export/pip_pdf.py): one table of two halves, the left in
Dutch, the right in the person's language (English when that is Dutch too), each with its own
labels, dates, digits and direction. What people typed (a job, a school, a description) is
printed as written on both sides.

It follows Dutch CV practice: name, place of residence, phone and e-mail on top; no BSN,
V-number, date of birth, nationality, health or religion (nothing an employer may not ask for).
Then work, volunteer work (its own section: it counts on a Dutch CV), education (with the IDW
diploma valuation), trainings, languages, skills and the driving licence, newest first. What the
person did not agree to share stays out, per klantprofiel section (``sections``): contact
details and languages are "identity", work and education "background", trainings and skills
"azc", the Dutch exam results "exams". Empty sections are left out; a CV with nothing in it says
what to fill in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import partial
from itertools import pairwise
from typing import Any, BinaryIO

from babel.dates import format_skeleton
from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Table, TableStyle

from core import i18n
from core import models as m
from core.export.pdf_common import (
    CONTENT_WIDTH,
    DocLang,
    build,
    document,
    fit_text,
    halves_style,
)
from core.i18n import N_
from core.models import enums as e
from core.models.fields import label_of

TITLE = N_("Curriculum vitae")
EMPTY = N_(
    "There is nothing for a CV in this dossier yet. Fill in the education, work experience, "
    "volunteer work, trainings, languages and skills, then make the CV again."
)
# An entry up to this high goes to the next page whole rather than be split (a third of a page).
_KEEP_HEIGHT = 260.0
# Skills that are a driving licence get their own line, as on a Dutch CV.
_LICENCE = re.compile(r"rijbewijs|driv(?:ing|er'?s?) ?licen[cs]e", re.IGNORECASE)


def _label(model: type, column: str) -> str:
    """A field's printed label msgid, as its declaration says (``info=declare(...)``)."""
    return label_of(model, column) or column


def _year(side: DocLang, year: int | None) -> str:
    return i18n._digits(str(year), side.locale) if year else ""


def _month(side: DocLang, value: dt.date | None) -> str:
    """A month and year in the side's language and digits (CVs give months, not days)."""
    if value is None:
        return ""
    return i18n._digits(format_skeleton("yMMM", value, locale=side.locale), side.locale)


def _period(side: DocLang, start: str, end: str) -> str:
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return side.gettext(N_("since {start}")).format(start=start)
    return end


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


def _newest_dates(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """Sort key, reversed: what is still going on first, then by end and start."""
    return (end or dt.date.max, start or dt.date.min)


def _newest_years(start: int | None, end: int | None) -> tuple[int, int]:
    return (end or 9999, start or 0)


def render(
    person: m.Person,
    out: str | BinaryIO,
    lang: str,
    sections: Iterable[str],
    *,
    today: dt.date | None = None,
) -> None:
    """Write the bilingual CV of ``person`` with what ``sections`` may share."""
    today = today or dt.date.today()
    chosen = set(sections)
    nl = DocLang("nl")
    other = DocLang(lang if lang != "nl" else "en")
    sides = (nl, other)
    rows: list[list[Any]] = []
    headings: list[int] = []  # rows that are a section's heading
    starts: list[int] = [0]  # rows where an entry starts: kept on one page where it fits
    half = CONTENT_WIDTH / 2
    inner = half - 10  # the cell's paddings

    def both(make: Callable[[DocLang], str] | str | None, style: str = "cell") -> None:
        """One line in each side's language (a text as typed: the same on both sides); long
        text in several rows, so it can go on on the next page."""
        texts = [make(side) if callable(make) else (make or "") for side in sides]
        if not any(texts):
            return
        if texts[0] == texts[1]:
            pieces = fit_text(sides, texts[0], style, inner)
            rows.extend([nl.p(p, style), other.p(p, style)] for p in pieces)
            return
        left = fit_text((nl,), texts[0], style, inner)
        right = fit_text((other,), texts[1], style, inner)
        for i in range(max(len(left), len(right))):
            rows.append(
                [
                    nl.p(left[i], style) if i < len(left) else "",
                    other.p(right[i], style) if i < len(right) else "",
                ]
            )

    def heading(msgid: str) -> None:
        starts.append(len(rows))
        headings.append(len(rows))
        rows.append([side.p(side.gettext(msgid), "h2") for side in sides])

    def entry() -> None:
        """The next rows are one entry; a heading stays with the section's first entry."""
        if rows and len(rows) - 1 not in headings:
            starts.append(len(rows))

    def field(side: DocLang, *, model: type, column: str, value: str | None) -> str:
        return f"{side.gettext(_label(model, column))}: {value}" if value else ""

    # ---- personal details: name, place of residence, phone, e-mail (Dutch CV practice)
    both(lambda side: side.gettext(TITLE), "title")
    both(person.display_name, "h1")
    if "identity" in chosen:
        contact = [
            ("woonplaats", person.woonplaats),
            ("phone", person.phone),
            ("email", person.email),
        ]
        for column, value in contact:
            both(partial(field, model=m.Person, column=column, value=value))
    before = len(rows)

    # ---- work, then volunteer work
    if "background" in chosen:
        work = sorted(
            person.work, key=lambda w: _newest_dates(w.from_date, w.until_date), reverse=True
        )
        for volunteering, title in ((False, N_("Work experience")), (True, N_("Volunteer work"))):
            entries = [w for w in work if bool(w.volunteering) == volunteering]
            if entries:
                heading(title)
                for w in entries:
                    entry()
                    _work(both, w)
        education = sorted(
            person.education,
            key=lambda ed: _newest_years(ed.from_year, ed.to_year),
            reverse=True,
        )
        if education:
            heading(N_("Education"))
            for ed in education:
                entry()
                _education(both, field, ed)

    # ---- trainings and courses (not the information sessions), skills, driving licence
    skills = sorted(person.skills, key=lambda s: s.id) if "azc" in chosen else []
    licences = [s for s in skills if _LICENCE.search(s.name or "")]
    skills = [s for s in skills if s not in licences]
    trainings = (
        sorted(
            (t for t in person.trainings if t.kind != "voorlichting"),
            key=lambda t: (t.date or dt.date.min, t.id),
            reverse=True,
        )
        if "azc" in chosen
        else []
    )
    if trainings:
        heading(N_("Trainings and courses"))
        for t in trainings:
            entry()
            _training(both, t)

    # ---- languages: those spoken, and Dutch with the exam levels passed
    languages = _languages(person, chosen)
    if languages:
        heading(N_("Languages"))
        for make in languages:
            both(make)
    if skills:
        heading(N_("Skills"))
        for s in skills:
            both(_join(s.name, s.level, sep=" — "))
    if licences:
        heading(N_("Driving licence"))
        for s in licences:
            both(_join(s.name, s.level, sep=" — "))

    if len(rows) == before:
        both(lambda side: side.gettext(EMPTY), "body")

    story: list[Any] = []
    bounds = [*sorted(set(starts)), len(rows)]
    for first, end in pairwise(bounds):
        if end <= first:
            continue
        headed = first in headings
        block = _block(rows[first:end], headed, half)
        if block.wrap(CONTENT_WIDTH, 1e9)[1] <= _KEEP_HEIGHT:
            story.append(KeepTogether(block))
        else:  # a long entry: its title lines stay together, its text fills the pages
            cut = first + (4 if headed else 3)
            story.append(KeepTogether(_block(rows[first:cut], headed, half)))
            story.append(_block(rows[cut:end], False, half, gap=False))
    title = f"CV · {person.display_name}"
    template = document(out, title, nl, f"Blauwe Map · CV · {person.display_name}")
    build(template, story)


def _block(rows: list[list[Any]], headed: bool, half: float, gap: bool = True) -> Table:
    """One entry (with its section's heading above it, when it is the first): a table of the
    two halves, so the entries stack into one column line and break between pages."""
    t = Table(rows, colWidths=[half, half])
    style: list[Any] = halves_style()
    if gap:
        style.append(("TOPPADDING", (0, 0), (-1, 0), 3))  # a little room between entries
    if headed:
        style.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.HexColor("#1f4e8c")))
        style.append(("TOPPADDING", (0, 0), (-1, 0), 6))
    t.setStyle(TableStyle(style))
    return t


Both = Callable[..., None]


def _work(both: Both, w: m.WorkExperience) -> None:
    model = m.WorkExperience
    both(w.role, "cellb")
    both(_join(w.employer, w.country))
    both(
        lambda side: _join(
            _period(side, _month(side, w.from_date), _month(side, w.until_date)),
            f"{side.gettext(_label(model, 'hours_per_week'))}: {side.number(w.hours_per_week)}"
            if w.hours_per_week
            else "",
            sep=" · ",
        )
    )
    both(w.description)


def _education(both: Both, field: Callable[..., str], ed: m.Education) -> None:
    model = m.Education
    both(_join(ed.level, ed.field, sep=" — "), "cellb")
    both(_join(ed.institution, ed.country))
    both(
        lambda side: _join(
            _period(side, _year(side, ed.from_year), _year(side, ed.to_year)),
            # only a diploma obtained is worth a line on a CV
            f"{side.gettext(_label(model, 'diploma'))}: {side.yes_no(True)}" if ed.diploma else "",
            sep=" · ",
        )
    )
    if ed.idw_status and ed.idw_status != "geen":
        both(
            lambda side: field(
                side,
                model=model,
                column="idw_status",
                value=_join(side.label(e.IdwStatus, ed.idw_status), ed.idw_result, sep=" — "),
            )
        )


def _training(both: Both, t: m.Training) -> None:
    both(t.title, "cellb")
    both(lambda side: _join(t.provider, _month(side, t.date), sep=" · "))
    if t.certificate:
        both(lambda side: side.gettext(_label(m.Training, "certificate")))


def _languages(person: m.Person, chosen: set[str]) -> list[Callable[[DocLang], str]]:
    """One line per language: the ones the person speaks, then Dutch with what they passed."""
    lines: list[Callable[[DocLang], str]] = []

    def name(side: DocLang, *, code: str) -> str:
        found = side.locale.languages.get(code.replace("-", "_"))
        return str(found) if found else code

    if "identity" in chosen:
        for code in person.languages_spoken or ():
            if code and code != "nl":
                lines.append(partial(name, code=str(code)))
    passed: dict[str, str] = {}
    if "exams" in chosen:
        order = [str(n) for n in e.Niveau]
        for x in person.exams:
            if x.resultaat == "Geslaagd" and x.niveau and x.onderdeel in e.LANGUAGE_SKILLS:
                best = passed.get(x.onderdeel)
                if best is None or order.index(x.niveau) > order.index(best):
                    passed[x.onderdeel] = x.niveau
    reached = person.voorinburgering.level_reached if person.voorinburgering else None
    if passed:
        lines.append(
            lambda side: (
                f"{name(side, code='nl')} — "
                + ", ".join(
                    f"{side.label(e.Onderdeel, part)} {level}"
                    for part in e.LANGUAGE_SKILLS
                    if (level := passed.get(part))
                )
            )
        )
    elif reached and "azc" in chosen:
        lines.append(
            lambda side: (
                f"{name(side, code='nl')} — {side.gettext(_label(m.Voorinburgering, 'level_reached'))}: {reached}"
            )
        )
    elif "nl" in (person.languages_spoken or ()) and "identity" in chosen:
        lines.append(lambda side: name(side, code="nl"))
    return lines
