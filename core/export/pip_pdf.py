"""The printed PIP: Dutch and the person's language side by side, to be read and signed.

Which text governs when the two differ is not stated in the sources (DOMAIN.md §11 point 5), so
it is a parameter: ``governing="nl"`` (the Dutch text, the default) or ``"both"``.
The PIP's own wording (intensiteit, MAP, PVT…) is the gemeente's text and is printed as written
on both sides; every label, date and rule text is in each side's language.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Spacer, Table, TableStyle

from core import models as m
from core.domain.facts import dossier_facts
from core.errors import ValidationError
from core.export.pdf_common import (
    CONTENT_WIDTH,
    DocLang,
    build,
    document,
    fit_text,
    halves_style,
)
from core.export.pdf_content import STATUS
from core.i18n import N_, _
from core.models import enums as e
from core.rules.clocks import KIND_LABELS, all_clocks

PARTS: tuple[tuple[str, str], ...] = (
    ("intensiteit", N_("Leerroute intensity")),
    ("knm_invulling", N_("KNM")),
    ("map_invulling", N_("MAP (labour-market and participation module)")),
    ("pvt_invulling", N_("PVT (participation declaration)")),
    ("begeleiding", N_("Guidance and support")),
    ("voortgangsgesprekken", N_("Progress meetings")),
    ("ontzorging", N_("Financial ontzorgen")),
    ("kinderopvang", N_("Childcare")),
    ("vve", N_("Early-childhood education (vve) for the children")),
    ("randvoorwaarden", N_("Preconditions")),
    ("participatiewet", N_("Participatiewet decisions")),
    ("lbt_afwijking_reden", N_("Reasons for deviating from the leerbaarheidstoets advice")),
    ("looptijd", N_("Duration")),
)
RIGHTS = N_(
    "This PIP is a decision (beschikking). If you do not agree with it, you can object (bezwaar) "
    "to the gemeente, in writing, within six weeks of the date of this decision. After the "
    "decision on your objection you can appeal (beroep) to the court. Ask your contact person "
    "for help; an interpreter can be arranged."
)
GOVERNING = {
    "nl": N_("If the two texts differ, the Dutch text governs."),
    "both": N_("Both texts are equally valid; if they differ, ask the gemeente to explain."),
}


SIGNATURE = N_("Signature")
# A duration typed as a number and a unit ("3 years", "36 maanden"): each half says it in its
# own language. Any other wording is the gemeente's and printed as written.
_DURATION = re.compile(
    r"\s*(\d{1,3})\s*(years?|jaar|jaren|yrs?|months?|maanden|maand|mnd)\.?\s*", re.IGNORECASE
)


def _duration(side: DocLang, text: str) -> str:
    found = _DURATION.fullmatch(text)
    if not found:
        return text
    n = int(found.group(1))
    if found.group(2).lower().startswith(("y", "j")):
        return side.ngettext("{n} year", "{n} years", n).format(n=side.number(n))
    return side.ngettext("{n} month", "{n} months", n).format(n=side.number(n))


def _pair(left: DocLang, right: DocLang, msgid: str, style: str = "body", **fmt: Any) -> list[Any]:
    """One text in both languages; numbers in each side's own digits (۲ on a Persian side)."""
    return [
        side.p(side.gettext(msgid).format(**_numbers(side, fmt)), style) for side in (left, right)
    ]


def _numbers(side: DocLang, fmt: dict[str, Any]) -> dict[str, Any]:
    return {
        key: side.number(value)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else value
        for key, value in fmt.items()
    }


def render(
    person: m.Person,
    out: str | BinaryIO,
    lang: str,
    *,
    today: dt.date | None = None,
    version_no: int | None = None,
    governing: str = "nl",
) -> None:
    """Write the bilingual PIP (the latest version, or ``version_no``)."""
    if not person.pip_versions:
        raise ValidationError(_("This dossier has no PIP yet, so there is nothing to print."))
    if governing not in GOVERNING:
        raise ValidationError(_("Unknown choice for the governing text."), field="governing")
    pip = next(
        (p for p in person.pip_versions if p.version_no == version_no), person.pip_versions[-1]
    )
    today = today or dt.date.today()
    nl = DocLang("nl")
    other = DocLang(lang if lang != "nl" else "en")
    rows: list[list[Any]] = []
    spans: list[int] = []  # rows that are headings
    half = CONTENT_WIDTH / 2
    inner = half - 10  # the cell's paddings

    def text_rows(nl_text: str, other_text: str) -> None:
        """One row of two cells, or several when a long text would not fit on a page."""
        if nl_text == other_text:
            pieces = fit_text((nl, other), nl_text, "cell", inner)
            rows.extend([nl.p(piece, "cell"), other.p(piece, "cell")] for piece in pieces)
            return
        left = fit_text((nl,), nl_text, "cell", inner)
        right = fit_text((other,), other_text, "cell", inner)
        for i in range(max(len(left), len(right))):
            rows.append(
                [
                    nl.p(left[i], "cell") if i < len(left) else "",
                    other.p(right[i], "cell") if i < len(right) else "",
                ]
            )

    def heading(msgid: str, **fmt: Any) -> None:
        spans.append(len(rows))
        rows.append(_pair(nl, other, msgid, "h2", **fmt))

    def field(label: str, value: str, *, duration: bool = False) -> None:
        rows.append([nl.p(nl.gettext(label), "cellb"), other.p(other.gettext(label), "cellb")])
        if duration and value:
            text_rows(_duration(nl, value), _duration(other, value))
        else:
            text_rows(value or "—", value or "—")

    def dated(label: str, value: dt.date | None) -> None:
        rows.append(
            [
                nl.p(f"{nl.gettext(label)}: {nl.date(value, 'long')}", "cell"),
                other.p(f"{other.gettext(label)}: {other.date(value, 'long')}", "cell"),
            ]
        )

    rows.append(
        _pair(nl, other, N_("Personal Plan for Integration and Participation (PIP)"), "title")
    )
    ident = f"{person.display_name} · BSN {person.bsn or '—'}"
    rows.append([nl.p(ident, "cell"), other.p(ident, "cell")])
    dated(N_("Date of birth"), person.date_of_birth)
    rows.append(
        _pair(
            nl,
            other,
            N_("Version {n}, gemeente {gemeente}"),
            "cell",
            n=pip.version_no,
            gemeente=pip.gemeente or person.gemeente or "—",
        )
    )
    dated(N_("Date of the PIP (dagtekening)"), pip.dagtekening)
    heading(N_("Leerroute and level"))
    rows.append(
        [
            nl.p(f"{nl.label(e.Leerroute, pip.leerroute)} — {_levels(pip)}", "cell"),
            other.p(f"{other.label(e.Leerroute, pip.leerroute)} — {_levels(pip)}", "cell"),
        ]
    )
    heading(N_("What the plan says"))
    for column, label in PARTS:
        value = getattr(pip, column)
        if value:
            field(label, str(value), duration=column == "looptijd")
    if pip.map_omitted:
        rows.append(_pair(nl, other, N_("MAP is left out: you already work."), "cell"))
    afspraken = [a for a in person.afspraken if a.status != "vervallen"]
    if afspraken:
        heading(N_("Agreements"))
        for a in sorted(afspraken, key=lambda a: (a.due_date or dt.date.max, a.id)):
            text_rows(
                f"• {a.text} — {nl.label(e.AfspraakOwner, a.owner)}, {nl.date(a.due_date)} ({nl.label(e.AfspraakStatus, a.status)})",
                f"• {a.text} — {other.label(e.AfspraakOwner, a.owner)}, {other.date(a.due_date)} ({other.label(e.AfspraakStatus, a.status)})",
            )
    heading(N_("Important dates"))
    for c in all_clocks(dossier_facts(person), today):
        if c.status == "done" or c.kind == "afspraak_due":
            continue
        rows.append(
            [
                nl.p(
                    f"{nl.gettext(KIND_LABELS[c.kind]).format(detail=c.detail)}: {nl.date(c.date, 'long')} ({nl.gettext(STATUS[c.status])})",
                    "cell",
                ),
                other.p(
                    f"{other.gettext(KIND_LABELS[c.kind]).format(detail=c.detail)}: {other.date(c.date, 'long')} ({other.gettext(STATUS[c.status])})",
                    "cell",
                ),
            ]
        )
    heading(N_("Your rights: objection and appeal"))
    rows.append(_pair(nl, other, RIGHTS, "cell"))
    rows.append(_pair(nl, other, GOVERNING[governing], "small"))
    if pip.contact_name or pip.contact_email:
        contact = " · ".join(x for x in (pip.contact_name, pip.contact_email) if x)
        field(N_("Contact person at the gemeente"), contact)

    body = Table(rows, colWidths=[half, half])
    style: list[Any] = halves_style()
    style += [("LINEABOVE", (0, r), (-1, r), 0.5, colors.HexColor("#1f4e8c")) for r in spans]
    body.setStyle(TableStyle(style))
    title = f"PIP · {person.display_name}"
    template = document(out, title, nl, f"Blauwe Map · PIP {pip.version_no} · {nl.date(today)}")
    build(template, [body, Spacer(1, 10), _signatures(nl, other, pip, person)])


def _levels(pip: m.PipVersion) -> str:
    base = pip.niveau or ("B1" if pip.leerroute in ("B", "O") else "")
    parts = [
        f"{s} {getattr(pip, f'niveau_{s.lower()}') or base}"
        for s in ("LE", "LU", "SC", "SP")
        if base or getattr(pip, f"niveau_{s.lower()}")
    ]
    return " · ".join(parts) or "—"


def _signatures(nl: DocLang, other: DocLang, pip: m.PipVersion, person: m.Person) -> Table:
    sides = (nl,) if other.code == "nl" else (nl, other)

    def block(who: str, name: str, signed: dt.date | None) -> list[Any]:
        """Each line once per half, in that half's language, script and direction."""

        def lines(text: Any, style: str) -> list[Any]:
            return [side.p(text(side), style) for side in sides]

        def date(side: DocLang) -> str:
            when = side.date(signed) if signed else "…………………"
            return f"{side.gettext('Date')}: {when}"

        return [
            *lines(lambda side: side.gettext(who), "cellb"),
            *lines(lambda side: f"{side.gettext('Name')}: {name}", "cell"),
            *lines(date, "cell"),
            Spacer(1, 28),
            nl.p("_______________________________", "cell"),
            *lines(lambda side: side.gettext(SIGNATURE), "small"),
        ]

    half = CONTENT_WIDTH / 2
    t = Table(
        [
            [
                block(N_("The participant"), person.display_name, pip.signed_person_date),
                block(
                    N_("On behalf of the gemeente"),
                    pip.contact_name or "",
                    pip.signed_gemeente_date,
                ),
            ]
        ],
        colWidths=[half, half],
    )
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, 0), 0.5, colors.HexColor("#999999")),
                ("BOX", (1, 0), (1, 0), 0.5, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t
