"""The map on a phone: one self-contained HTML file (issue 18 part 1).

Next steps, clocks, PIP agreements, hours, exams and contacts in the document's language and
direction, for a small screen and for paper. No network: the CSS and the one script are inline.
With a passphrase the map itself is encrypted (AES-256-GCM, key by PBKDF2-HMAC-SHA256) and the
page holds only the ciphertext and a WebCrypto script that opens it in the browser; nothing
personal is in the file in clear.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from collections.abc import Iterable
from functools import cache
from html import escape

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from core import models as m
from core.export.klantprofiel import CLOCK_SECTION, check_sections
from core.export.pdf_common import DocLang
from core.export.pdf_content import (
    STATUS,
    clock_rows,
    exam_rows,
    requirement_rows,
    summary_facts,
)
from core.export.pid_pdf import TITLE, next_step_rows
from core.export.pip_pdf import PARTS
from core.export.section_codes import check_export_passphrase
from core.i18n import N_
from core.models import enums as e
from core.paths import RESOURCES

ITERATIONS = 600_000  # OWASP 2023 for PBKDF2-HMAC-SHA256
MADE_ON = N_("Made on {date}")
PASSPHRASE_LABEL = N_("Passphrase")
OPEN_LABEL = N_("Open the map")
PROTECTED_TEXT = N_("This map is protected. Enter the passphrase to open it.")
WRONG_TEXT = N_("This passphrase does not open the map. Check it and try again.")
NO_CRYPTO_TEXT = N_("This browser cannot open a protected map. Try another browser.")

_CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
font-size:17px;line-height:1.45;color:#1b1b1b;background:#f4f6fa}
main,#lock{max-width:46rem;margin:0 auto;padding:.75rem}
h1{font-size:1.35rem;color:#1f4e8c;margin:.5rem 0}
h2{font-size:1.1rem;color:#1f4e8c;margin:1.2rem 0 .4rem;border-bottom:2px solid #c9d6ea;
display:flex;align-items:center;gap:.45rem}
h2 svg{width:1.6rem;height:1.6rem;flex:none}
section{background:#fff;border-radius:.5rem;padding:.25rem .75rem .75rem;margin:.75rem 0}
table{width:100%;border-collapse:collapse}
th,td{text-align:start;vertical-align:top;padding:.35rem .25rem;border-bottom:1px solid #e3e8f0}
th{font-size:.85rem;color:#555}
.small{font-size:.85rem;color:#555}
.late{color:#a4262c;font-weight:600}
dl{margin:0}dt{font-weight:600;margin-top:.5rem}dd{margin:0 0 .25rem}
a{color:#1f4e8c}
form{display:flex;flex-direction:column;gap:.5rem;background:#fff;padding:1rem;border-radius:.5rem}
input,button{font-size:1.1rem;padding:.6rem;border-radius:.4rem;border:1px solid #8899b0}
button{background:#1f4e8c;color:#fff;border:0}
#error{color:#a4262c;font-weight:600;min-height:1.2em}
@media (max-width:30rem){table,tbody,tr,td{display:block}tr:first-child{display:none}
tr{border-bottom:1px solid #e3e8f0;padding:.3rem 0}td{border:0;padding:.1rem 0}}
@media print{body{background:#fff;font-size:11pt}section{padding:0;break-inside:avoid}
#lock{display:none}main{max-width:none}}
"""

# Opens the ciphertext in the page: the same PBKDF2 and AES-GCM parameters as encrypt() below.
_SCRIPT = """
(function(){
var d=JSON.parse(document.getElementById("bm-data").textContent);
var form=document.getElementById("lock-form"),err=document.getElementById("error");
function b(s){return Uint8Array.from(atob(s),function(c){return c.charCodeAt(0)})}
form.addEventListener("submit",function(ev){
ev.preventDefault();err.textContent="";
if(!window.crypto||!crypto.subtle){err.textContent=form.dataset.nocrypto;return}
var pass=new TextEncoder().encode(document.getElementById("passphrase").value);
crypto.subtle.importKey("raw",pass,"PBKDF2",false,["deriveKey"]).then(function(base){
return crypto.subtle.deriveKey({name:"PBKDF2",salt:b(d.salt),iterations:d.iterations,
hash:"SHA-256"},base,{name:"AES-GCM",length:256},false,["decrypt"])}).then(function(key){
return crypto.subtle.decrypt({name:"AES-GCM",iv:b(d.nonce)},key,b(d.ciphertext))})
.then(function(plain){var main=document.getElementById("map");
main.innerHTML=new TextDecoder().decode(plain);main.hidden=false;
document.getElementById("lock").hidden=true})
.catch(function(){err.textContent=form.dataset.wrong})});
})();
"""


def encrypt(plain: bytes, passphrase: str) -> dict[str, str | int]:
    """AES-256-GCM with a random nonce, key from the passphrase (PBKDF2-HMAC-SHA256)."""
    check_export_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, ITERATIONS).derive(passphrase.encode("utf-8"))
    sealed = AESGCM(key).encrypt(nonce, plain, None)

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return {
        "salt": b64(salt),
        "nonce": b64(nonce),
        "iterations": ITERATIONS,
        "ciphertext": b64(sealed),
    }


def _table(rows: list[list[str]], late: str | None = None) -> str:
    """Each cell isolated (<bdi>): a Dutch or English note keeps its order in a right-to-left map."""
    head, *body = rows
    out = ["<table><tr>", *(f"<th>{escape(c)}</th>" for c in head), "</tr>"]
    for row in body:
        css = ' class="late"' if late is not None and late in row else ""
        out.append(
            f"<tr{css}>" + "".join(f"<td><bdi>{escape(c)}</bdi></td>" for c in row) + "</tr>"
        )
    out.append("</table>")
    return "".join(out)


@cache
def _pictogram(name: str) -> str:
    """The app's own pictogram (resources/icons) inline, so a reader who reads little finds the
    part of the map by its picture; decorative for screen readers, which read the heading."""
    svg = (RESOURCES / "icons" / f"{name}.svg").read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _section(title: str, body: str, pictogram: str = "") -> str:
    picture = _pictogram(pictogram) if pictogram else ""
    return f"<section><h2>{picture}<span>{escape(title)}</span></h2>{body}</section>"


def _small(doc: DocLang, msgid: str) -> str:
    return f'<p class="small">{escape(doc.gettext(msgid))}</p>'


def map_body(doc: DocLang, person: m.Person, sections: tuple[str, ...], today: dt.date) -> str:
    """The map's own content (what gets encrypted): every personal text escaped."""
    facts = summary_facts(person, today)
    parts: list[str] = []
    name = person.display_name if "identity" in sections else doc.gettext("(name not shared)")
    parts.append(f"<h1>{escape(doc.gettext(TITLE))}: <bdi>{escape(name)}</bdi></h1>")
    parts.append(
        f'<p class="small">{escape(doc.gettext(MADE_ON).format(date=doc.date(today)))}</p>'
    )
    if "plicht" in sections:
        steps = next_step_rows(doc, person, today)
        parts.append(
            _section(
                doc.gettext("What to do next"),
                _table(steps) if len(steps) > 1 else _small(doc, "None."),
                "step",
            )
        )
        clocks = [c for c in facts["clocks"] if CLOCK_SECTION.get(c.kind, "plicht") in sections]
        parts.append(
            _section(
                doc.gettext("Clocks and deadlines"),
                _table(clock_rows(doc, clocks), late=doc.gettext(STATUS["overdue"]))
                if clocks
                else _small(doc, "None."),
                "termijn",
            )
        )
    if "pip" in sections:
        parts.append(_section(doc.gettext("PIP and agreements"), _pip(doc, person), "pip"))
    if {"pip", "hours"} <= set(sections):
        parts.append(
            _section(
                doc.gettext("Hours and requirements"),
                _table(requirement_rows(doc, facts["requirements"])),
                "hours",
            )
        )
    if "exams" in sections:
        parts.append(
            _section(doc.gettext("Exams"), _table(exam_rows(doc, facts["exams"])), "exams")
        )
    if "contacts" in sections:
        parts.append(_section(doc.gettext("Contacts"), _contacts(doc, person), "contacts"))
    return "".join(parts)


def _pip(doc: DocLang, person: m.Person) -> str:
    if not person.pip_versions:
        return _small(doc, "No PIP yet")
    pip = person.pip_versions[-1]
    items = [
        f"<dt>{escape(doc.gettext('Date of the PIP (dagtekening)'))}</dt>"
        f"<dd>{escape(doc.date(pip.dagtekening, 'long'))}</dd>",
        f"<dt>{escape(doc.gettext('Leerroute and level'))}</dt>"
        f"<dd>{escape(doc.label(e.Leerroute, pip.leerroute))} {escape(pip.niveau or '')}</dd>",
    ]
    for attr, label in PARTS:
        value = getattr(pip, attr, None)
        if isinstance(value, str) and value.strip():
            items.append(
                f"<dt>{escape(doc.gettext(label))}</dt><dd><bdi>{escape(value)}</bdi></dd>"
            )
    out = "<dl>" + "".join(items) + "</dl>"
    afspraken = sorted(person.afspraken, key=lambda a: (a.due_date or dt.date.max, a.id))
    if afspraken:
        rows = [[doc.gettext("Agreement"), doc.gettext("Date"), doc.gettext("Status")]]
        rows += [
            [a.text, doc.date(a.due_date), doc.label(e.AfspraakStatus, a.status)] for a in afspraken
        ]
        out += _table(rows)
    return out


def _contacts(doc: DocLang, person: m.Person) -> str:
    if not person.contacts:
        return _small(doc, "None recorded.")
    items = []
    for c in sorted(person.contacts, key=lambda c: (not c.is_vaste_aanspreekpunt, c.id)):
        lines = [f"<dt><bdi>{escape(c.name)}</bdi></dt>"]
        role = doc.label(e.ContactRole, c.role)
        org = f" · <bdi>{escape(c.organisation)}</bdi>" if c.organisation else ""
        lines.append(f"<dd>{escape(role)}{org}</dd>")
        if c.phone:
            tel = "".join(ch for ch in c.phone if ch.isdigit() or ch == "+")
            lines.append(f'<dd><a dir="ltr" href="tel:{escape(tel)}">{escape(c.phone)}</a></dd>')
        if c.email:
            lines.append(
                f'<dd><a dir="ltr" href="mailto:{escape(c.email)}">{escape(c.email)}</a></dd>'
            )
        items.append("".join(lines))
    return "<dl>" + "".join(items) + "</dl>"


def render(
    person: m.Person,
    sections: Iterable[str],
    *,
    lang: str,
    today: dt.date,
    passphrase: str | None = None,
) -> bytes:
    """The whole page; with ``passphrase`` the map is in it only encrypted."""
    chosen = check_sections(sections)
    if passphrase is not None:
        check_export_passphrase(passphrase)
    doc = DocLang(lang)
    body = map_body(doc, person, chosen, today)
    html_lang = lang.replace("_", "-")
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(html_lang)}" dir="{"rtl" if doc.rtl else "ltr"}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Nothing may be fetched: no network, not even by a link in personal text.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>{escape(doc.gettext(TITLE))}</title><style>{_CSS}</style></head><body>"
    )
    if passphrase is None:
        return (head + f'<main id="map">{body}</main></body></html>\n').encode("utf-8")
    sealed = json.dumps(encrypt(body.encode("utf-8"), passphrase))
    lock = (
        '<div id="lock">'
        f"<h1>{escape(doc.gettext(TITLE))}</h1>"
        f'<form id="lock-form" data-wrong="{escape(doc.gettext(WRONG_TEXT))}" '
        f'data-nocrypto="{escape(doc.gettext(NO_CRYPTO_TEXT))}">'
        f"<p>{escape(doc.gettext(PROTECTED_TEXT))}</p>"
        f'<label for="passphrase">{escape(doc.gettext(PASSPHRASE_LABEL))}</label>'
        '<input id="passphrase" type="password" autocomplete="current-password" required>'
        f'<button id="open" type="submit">{escape(doc.gettext(OPEN_LABEL))}</button>'
        '<p id="error" role="alert"></p></form></div>'
    )
    return (
        head
        + lock
        + '<main id="map" hidden></main>'
        + f'<script id="bm-data" type="application/json">{sealed}</script>'
        + f"<script>{_SCRIPT}</script></body></html>\n"
    ).encode("utf-8")
