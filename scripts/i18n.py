#!/usr/bin/env python3
"""Translation catalogues of Blauwe Map: extract, update, check, stats, todo, fill.

msgids are English (core.i18n.SOURCE_LANGUAGE); every other language in core.i18n.LANGUAGES has
locales/<lang>/LC_MESSAGES/messages.po. The .mo files are compiled by scripts/bootstrap.sh
(core.i18n_build) and are never committed.
"""

from __future__ import annotations

import argparse
import gettext
import io
import json
import re
import string
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from babel import Locale  # noqa: E402
from babel.messages import mofile, pofile  # noqa: E402
from babel.messages.catalog import Catalog, Message  # noqa: E402
from babel.plural import to_gettext  # noqa: E402

from core.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE  # noqa: E402

LOCALES = ROOT / "locales"
POT = LOCALES / f"{DOMAIN}.pot"
MAPPING = ROOT / "babel.cfg"
# Only the names the code translates with: gettext/ngettext are also DocLang's, the translators
# of an export in its own language (core/export). No one-letter keywords: they match ordinary code.
KEYWORDS = ("_", "N_", "gettext", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3")
HEADER_COMMENT = (
    "# Translations of Blauwe Map.\n"
    "# Generated and updated by scripts/i18n.py; translate with its todo/fill commands."
)

# Translations that may legitimately equal their English msgid (acronyms, names, Dutch terms
# that stay Dutch in every language). Keep this small: a copied msgid is usually a missed string.
IDENTICAL_OK: frozenset[str] = frozenset(
    {
        "PIP",
        "Curriculum vitae",  # Latin: Dutch writes it so too
        "MAP",
        "KNM",
        "PVT",
        "BSN",
        "DUO",
        "COA",
        "Z-route",
        "B1",
        "A2",
        "E-mail",
        "OK",
        "WhatsApp",
        "DigiD",
        "IDW",
        "Blauwe Map",
        "Participatiewet",
        "Voorinburgering",
        "{n} MB",
        "{n} kB",
    }
)
# Per language: English words that are the same word in that language.
IDENTICAL_OK_BY_LANG: dict[str, frozenset[str]] = {
    "nl": frozenset(
        {
            "Staatsexamen NT2",
            "B1-route",
            "Brede intake",
            "Gemeente",
            "Leerbaarheidstoets",
            "Open",
            "Document",
            "School",
            "Contract",
            "Klantmanager (gemeente)",
            "Voorinburgering: IntroMAP",
            "ONA (Wi2013)",
            "open",
            "Klantprofiel (PDF)",
            "PID / blauwe map (PDF)",
            "Regime",
            "Postcode",
            "Type",
            "Leerroute",
            "Leerroute:",
            "Caseload",
            "Code",
            "Week",
            "Score",
            "Diploma",
            "Status:",
            "Dossiers",
            "Blauwe map (PID)",
            "leerbaarheidstoets",
            "leerbaarheidstoetsen",
            "Klantprofiel (*.json)",
            "Dossier: {name}",
            "{n} dossier",
            "contact",
            "Week {week} ({date})",
            "training",
            "Status",
        }
    ),
    "tr": frozenset({"Diploma"}),
}

_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[sdifr%]")
_MNEMONIC = re.compile(r"&(?=[^&\s])")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def target_codes() -> list[str]:
    return [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE]


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def po_path(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


# --------------------------------------------------------------------------- plural forms
def cldr_plural_forms(code: str) -> tuple[int, str]:
    """(nplurals, C expression) from CLDR's plural rule for ``code`` (not gettext's old table)."""
    header = to_gettext(Locale.parse(code).plural_form)
    match = re.fullmatch(r"nplurals=(\d+); plural=(.*);", header.strip())
    if not match:
        raise ValueError(f"unexpected plural header for {code}: {header}")
    count, expr = int(match.group(1)), match.group(2)
    # CLDR's 'v = 0' (no visible decimals) is always true for gettext's integer n; drop it.
    tidy = expr.replace("((0 == 0)) && ", "").replace(" && ((0 == 0))", "")
    if "0 == 0" not in tidy and _plural_table(tidy) == _plural_table(expr):
        expr = tidy
    return count, expr


def _plural_table(expr: str, upto: int = 300) -> list[int]:
    func = gettext.c2py(expr)
    return [func(n) for n in range(upto)]


def plural_examples(expr: str, count: int) -> list[str]:
    """For each plural form: numbers that use it, e.g. ['1, 21, 31', '2, 3, 4, 22', …]."""
    table = _plural_table(expr, 1000)
    out = []
    for index in range(count):
        numbers = [str(n) for n, form in enumerate(table) if form == index][:6]
        out.append(", ".join(numbers) if numbers else "fractions only (e.g. 1.5)")
    return out


def _set_header(catalog: Catalog, name: str, value: str) -> None:
    headers = [(k, v) for k, v in catalog.mime_headers if k.lower() != name.lower()]
    headers.append((name, value))
    catalog.mime_headers = headers  # the setter parses Plural-Forms into num_plurals/plural_expr


def new_catalog(code: str) -> Catalog:
    count, expr = cldr_plural_forms(code)
    catalog = Catalog(
        locale=code, domain=DOMAIN, project="Blauwe Map", fuzzy=False, header_comment=HEADER_COMMENT
    )
    _set_header(catalog, "Plural-Forms", f"nplurals={count}; plural={expr};")
    return catalog


# --------------------------------------------------------------------------- reading / writing
def read_catalog(path: Path, code: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return pofile.read_po(fh, locale=code, abort_invalid=True)


def write_catalog(catalog: Catalog, path: Path, template: bool = False) -> bool:
    """Write sorted, without line numbers, creation dates or generator versions (so git diffs show real changes).
    Returns True when the file changed."""
    buffer = io.BytesIO()
    pofile.write_po(
        buffer,
        catalog,
        width=100,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
        include_previous=not template,
    )
    lines = buffer.getvalue().decode("utf-8").splitlines(keepends=True)
    # Neither the date nor Babel's version belongs in the file: the same sources give the same bytes.
    volatile = ('"POT-Creation-Date:', '"Generated-By:')
    text = "".join(line for line in lines if not line.startswith(volatile))
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def messages(catalog: Catalog) -> Iterator[Message]:
    for message in catalog:
        if message.id:
            yield message


def key(message: Message) -> tuple[str, str | None]:
    msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return msgid, message.context


# --------------------------------------------------------------------------- extract / update
def run_extract(output: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "babel.messages.frontend",
        "--quiet",
        "extract",
        "-F",
        str(MAPPING),
        "--no-default-keywords",
        "--add-comments=Translators:",
        "--sort-output",
        "--add-location=file",
        "--width=100",
        "--project=Blauwe Map",
        "--header-comment",
        HEADER_COMMENT,
        "-o",
        str(output),
    ]
    for keyword in KEYWORDS:
        cmd += ["-k", keyword]
    cmd.append(".")
    subprocess.run(cmd, cwd=ROOT, check=True)


def extract() -> Catalog:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "messages.pot"
        run_extract(out)
        catalog = read_catalog(out)
    changed = write_catalog(catalog, POT, template=True)
    count = sum(1 for _ in messages(catalog))
    print(f"{_rel(POT)}: {count} msgids{'' if changed else ' (unchanged)'}")
    return catalog


def update(codes: Iterable[str]) -> None:
    template = read_catalog(POT)
    for code in codes:
        path = po_path(code)
        catalog = read_catalog(path, code) if path.exists() else new_catalog(code)
        created = not path.exists()
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        count, expr = cldr_plural_forms(code)
        if catalog.num_plurals != count or created:
            _set_header(catalog, "Plural-Forms", f"nplurals={count}; plural={expr};")
        _set_header(catalog, "Language", code)
        changed = write_catalog(catalog, path)
        state = "created" if created else ("updated" if changed else "unchanged")
        print(f"{_rel(path)}: {state}")


# --------------------------------------------------------------------------- checks
@dataclass
class Report:
    code: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0
    problems: list[str] = field(default_factory=list)  # always errors
    incomplete: list[str] = field(default_factory=list)  # untranslated / fuzzy / not updated


def _brace_fields(text: str) -> list[str] | None:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    return sorted(
        "{" + name + (("!" + conv) if conv else "") + ((":" + spec) if spec else "") + "}"
        for _, name, spec, conv in parsed
        if name is not None
    )


def placeholders(text: str) -> tuple[list[str], list[str], list[str], int]:
    """({name} fields sorted, %-placeholders in order, tags sorted, mnemonic count)."""
    braces = _brace_fields(text)
    if braces is None:
        braces = ["<unbalanced braces>"]
    return braces, _PERCENT.findall(text), sorted(_TAG.findall(text)), len(_MNEMONIC.findall(text))


def _describe(msgid: str) -> str:
    short = msgid if len(msgid) <= 70 else msgid[:67] + "…"
    return json.dumps(short, ensure_ascii=False)


def validate(
    code: str, msgid: str, plural: str | None, translation: str | list[str], nplurals: int
) -> list[str]:
    """Problems with one translation (empty list when fine). Does not judge completeness."""
    problems: list[str] = []
    forms = [translation] if isinstance(translation, str) else list(translation)
    if plural is None:
        if len(forms) != 1:
            return [f"{_describe(msgid)}: expected one msgstr, got {len(forms)}"]
        wanted = placeholders(msgid)
        if placeholders(forms[0]) != wanted:
            problems.append(
                f"{_describe(msgid)}: placeholders/markup differ "
                f"(need {_fmt(wanted)}, got {_fmt(placeholders(forms[0]))})"
            )
        allowed = IDENTICAL_OK | IDENTICAL_OK_BY_LANG.get(code, frozenset())
        if forms[0].strip() == msgid.strip() and msgid not in allowed and _has_words(msgid):
            problems.append(f"{_describe(msgid)}: translation is a copy of the English text")
        return problems
    if len(forms) != nplurals:
        return [f"{_describe(msgid)}: needs {nplurals} plural forms, got {len(forms)}"]
    known = set(placeholders(msgid)[0]) | set(placeholders(plural)[0])
    other = placeholders(plural)
    for index, form in enumerate(forms):
        got = placeholders(form)
        if not set(got[0]) <= known:
            problems.append(f"{_describe(msgid)}: form {index} has unknown placeholders {got[0]}")
        if index == nplurals - 1 and nplurals > 1 and got != other:
            problems.append(f"{_describe(msgid)}: last plural form must keep {_fmt(other)}")
        allowed = IDENTICAL_OK | IDENTICAL_OK_BY_LANG.get(code, frozenset())
        copied = form.strip() in (msgid.strip(), plural.strip())
        if copied and msgid not in allowed and _has_words(msgid):
            problems.append(f"{_describe(msgid)}: form {index} is a copy of the English text")
    return problems


def _fmt(parts: tuple[list[str], list[str], list[str], int]) -> str:
    braces, percent, tags, mnemonics = parts
    items = braces + percent + tags + (["&"] * mnemonics)
    return " ".join(items) if items else "none"


def _has_words(text: str) -> bool:
    stripped = _PERCENT.sub("", re.sub(r"\{[^{}]*\}", "", text))
    return any(ch.isalpha() for ch in stripped)


def _is_translated(message: Message) -> bool:
    if isinstance(message.string, (list, tuple)):
        return bool(message.string) and all(message.string)
    return bool(message.string)


def check_catalogue(code: str, template: Catalog | None) -> Report:
    report = Report(code)
    path = po_path(code)
    if not path.exists():
        report.problems.append(f"missing catalogue {_rel(path)} (run update)")
        return report
    try:
        catalog = read_catalog(path, code)
        buffer = io.BytesIO()
        mofile.write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        gettext.GNUTranslations(buffer)
    except Exception as exc:  # a catalogue that does not compile is a problem, whatever the cause
        report.problems.append(f"does not compile: {exc}")
        return report
    count, expr = cldr_plural_forms(code)
    if catalog.num_plurals != count:
        report.problems.append(
            f"Plural-Forms has nplurals={catalog.num_plurals}; CLDR says {count}"
        )
    elif _plural_table(catalog.plural_expr) != _plural_table(expr):
        report.problems.append("Plural-Forms expression differs from CLDR's plural rule")
    present = {key(m) for m in messages(catalog)}
    if template is not None:
        wanted = {key(m) for m in messages(template)}
        for msgid, _ctx in sorted(wanted - present, key=str):
            report.incomplete.append(f"{_describe(msgid)}: not in the catalogue (run update)")
            report.missing += 1
        for msgid, _ctx in sorted(present - wanted, key=str):
            report.incomplete.append(f"{_describe(msgid)}: no longer in the pot (run update)")
        report.total = len(wanted)
    else:
        report.total = len(present)
    for message in messages(catalog):
        msgid, plural = (
            (message.id[0], message.id[1]) if message.pluralizable else (message.id, None)
        )
        if not _is_translated(message):
            report.missing += 1
            report.incomplete.append(f"{_describe(msgid)}: not translated")
            continue
        if message.fuzzy:
            report.fuzzy += 1
            report.incomplete.append(f"{_describe(msgid)}: fuzzy (needs review)")
            continue
        report.translated += 1
        translation = list(message.string) if plural is not None else message.string
        report.problems.extend(validate(code, msgid, plural, translation, catalog.num_plurals))
    return report


def pot_is_current() -> list[str]:
    """msgids in the code but not in locales/messages.pot, and the other way round."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "messages.pot"
        run_extract(out)
        fresh = {key(m) for m in messages(read_catalog(out))}
    stored = {key(m) for m in messages(read_catalog(POT))} if POT.exists() else set()
    notes = [
        f"{_describe(k[0])}: in the code, not in messages.pot"
        for k in sorted(fresh - stored, key=str)
    ]
    notes += [
        f"{_describe(k[0])}: in messages.pot, not in the code"
        for k in sorted(stored - fresh, key=str)
    ]
    return notes


def check(codes: list[str], allow_missing: bool, verbose: bool) -> int:
    stale = pot_is_current()
    template = read_catalog(POT) if POT.exists() else None
    failed = False
    if stale:
        print(
            f"messages.pot is out of date ({len(stale)} differences): "
            "run scripts/i18n.py extract && scripts/i18n.py update"
        )
        for line in stale[: None if verbose else 10]:
            print(f"    {line}")
        failed = failed or not allow_missing
    for code in codes:
        report = check_catalogue(code, template)
        bad = bool(report.problems) or (bool(report.incomplete) and not allow_missing)
        failed = failed or bad
        status = "FAIL" if bad else ("ok, incomplete" if report.incomplete else "OK")
        print(
            f"{code:6} {report.translated:4}/{report.total} translated, {report.fuzzy} fuzzy, "
            f"{report.missing} missing, {len(report.problems)} problems: {status}"
        )
        for problem in report.problems:
            print(f"    problem: {problem}")
        if report.incomplete and (verbose or not allow_missing):
            limit = None if verbose else 15
            for line in report.incomplete[:limit]:
                print(f"    {line}")
            if limit is not None and len(report.incomplete) > limit:
                print(
                    f"    … and {len(report.incomplete) - limit} more (scripts/i18n.py todo {code})"
                )
    print(
        "translations: "
        + ("FAILED" if failed else "OK")
        + (" (incomplete catalogues allowed)" if allow_missing else "")
    )
    return 1 if failed else 0


def stats(codes: list[str]) -> int:
    template = read_catalog(POT) if POT.exists() else None
    print(f"{'lang':6} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'total':>6}  complete")
    for code in codes:
        r = check_catalogue(code, template)
        percent = 100 * r.translated / r.total if r.total else 0
        print(f"{code:6} {r.translated:10} {r.fuzzy:6} {r.missing:8} {r.total:6}  {percent:5.1f}%")
    return 0


# --------------------------------------------------------------------------- todo / fill
def _entry(message: Message, catalog: Catalog, examples: list[str]) -> dict[str, object]:
    plural = message.pluralizable
    entry: dict[str, object] = {
        "msgid": message.id[0] if plural else message.id,
        "msgid_plural": message.id[1] if plural else None,
        "context": message.context,
        "comments": list(message.auto_comments) + list(message.user_comments),
        "nplurals": catalog.num_plurals,
        "locations": sorted({loc for loc, _ in message.locations}),
    }
    if plural:
        entry["plural_forms"] = [f"form {i}: n = {ex}" for i, ex in enumerate(examples)]
    if message.fuzzy or _is_translated(message):
        entry["current"] = list(message.string) if plural else message.string
    if message.previous_id:
        entry["previous_msgid"] = message.previous_id[0]
    if plural:
        entry["msgstr_plural"] = [""] * catalog.num_plurals
    else:
        entry["msgstr"] = ""
    return entry


def todo(code: str, out: Path, include_all: bool) -> int:
    catalog = read_catalog(po_path(code), code)
    if POT.exists():
        wanted = {key(m) for m in messages(read_catalog(POT))}
        if wanted - {key(m) for m in messages(catalog)}:
            print(
                "warning: the catalogue lacks msgids of messages.pot: run scripts/i18n.py update",
                file=sys.stderr,
            )
    examples = plural_examples(catalog.plural_expr, catalog.num_plurals)
    entries = [
        _entry(m, catalog, examples)
        for m in messages(catalog)
        if include_all or m.fuzzy or not _is_translated(m)
    ]
    out.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(entries)} entries for {code} (nplurals={catalog.num_plurals})")
    return 0


def fill(code: str, source: Path) -> int:
    path = po_path(code)
    catalog = read_catalog(path, code)
    try:
        entries = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"cannot read {source}: {exc}", file=sys.stderr)
        return 2
    if not isinstance(entries, list):
        print(f"{source}: expected a JSON list of entries", file=sys.stderr)
        return 2
    written = skipped = 0
    errors: list[str] = []
    for number, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("msgid"), str):
            errors.append(f"entry {number}: needs at least a 'msgid' string")
            continue
        msgid, context = entry["msgid"], entry.get("context")
        message = catalog.get(msgid, context=context)
        if message is None:
            errors.append(
                f"entry {number} {_describe(msgid)}: not in the catalogue (code changed?)"
            )
            continue
        plural = message.id[1] if message.pluralizable else None
        if plural is not None:
            value = entry.get("msgstr_plural")
            if value is None and isinstance(entry.get("msgstr"), list):
                value = entry["msgstr"]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(
                    f"entry {number} {_describe(msgid)}: needs 'msgstr_plural', a list "
                    f"of {catalog.num_plurals} strings"
                )
                continue
            if not any(v.strip() for v in value):
                skipped += 1
                continue
            if not all(v.strip() for v in value):
                errors.append(f"entry {number} {_describe(msgid)}: some plural forms are empty")
                continue
            translation: str | list[str] = value
        else:
            value = entry.get("msgstr")
            if not isinstance(value, str):
                errors.append(f"entry {number} {_describe(msgid)}: needs 'msgstr', a string")
                continue
            if not value.strip():
                skipped += 1
                continue
            translation = value
        problems = validate(code, msgid, plural, translation, catalog.num_plurals)
        if problems:
            errors.extend(f"entry {number} {p}" for p in problems)
            continue
        message.string = tuple(translation) if isinstance(translation, list) else translation
        message.flags.discard("fuzzy")
        message.previous_id = []
        written += 1
    if written:
        write_catalog(catalog, path)
    print(
        f"{_rel(path)}: {written} translations written, {skipped} left empty, "
        f"{len(errors)} rejected"
    )
    for error in errors:
        print(f"    rejected: {error}")
    return 1 if errors else 0


# --------------------------------------------------------------------------- command line
EPILOG = """\
How to translate (other helpers / translators), from the repository root:

  .venv/bin/python scripts/i18n.py extract          # code -> locales/messages.pot
  .venv/bin/python scripts/i18n.py update           # pot  -> every locales/<lang>/.../messages.po
  .venv/bin/python scripts/i18n.py todo ar --out /tmp/todo-ar.json
      # JSON list of untranslated and fuzzy entries:
      #   {"msgid", "msgid_plural", "context", "comments", "nplurals", "locations",
      #    "plural_forms" (which numbers use each form), "current" (a fuzzy guess),
      #    "msgstr": "" or "msgstr_plural": ["", …]}
      # Fill in "msgstr" (a string) or "msgstr_plural" (a list of exactly nplurals strings, in
      # the order of "plural_forms"); leave the other keys alone. Entries left empty are skipped.
  .venv/bin/python scripts/i18n.py fill ar /tmp/todo-ar.json   # validates, writes, clears fuzzy
  .venv/bin/python scripts/i18n.py check            # all catalogues; non-zero exit on problems
  .venv/bin/python scripts/i18n.py stats

Rules that fill and check enforce: keep every placeholder ({name}, {n}, %(x)s, %s), HTML tag and
'&' accelerator of the English text; do not copy the English text (a few terms such as PIP, MAP,
KNM, DUO, COA are allowed: IDENTICAL_OK in this file); plural entries need exactly nplurals forms,
the last form keeping every placeholder of the English plural. Dutch domain terms (PIP, leerroute,
MAP, KNM, inburgeringstermijn, brede intake…) stay Dutch inside the translation, with a short
explanation where it helps. 'todo LANG --all' exports every entry, to review or correct; 'fill'
overwrites existing translations with what the file gives.
"""


def dari_terms() -> list[tuple[str, str]]:
    """The Persian→Dari term table (locales/fa_AF/terms.csv), longest words first."""
    import csv

    path = LOCALES / "fa_AF" / "terms.csv"
    rows = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    table = [(row["persian"], row["dari"]) for row in csv.DictReader(rows)]
    return sorted(table, key=lambda pair: -len(pair[0]))


def to_dari(text: str, terms: list[tuple[str, str]]) -> str:
    """Replace Persian words by their Dari term: whole words, with their suffixes after a
    zero-width non-joiner kept ("پرونده‌ها" becomes "دوسیه‌ها"), never inside another word."""
    for persian, dari in terms:
        text = re.sub(rf"(?<![\w\u200c]){re.escape(persian)}(?!\w)", dari, text)
    return text


def dari() -> int:
    """Give fa_AF its Dari words where its text is still the Persian catalogue's."""
    terms = dari_terms()
    persian = read_catalog(LOCALES / "fa" / "LC_MESSAGES" / f"{DOMAIN}.po", "fa")
    path = LOCALES / "fa_AF" / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = read_catalog(path, "fa_AF")
    changed = 0
    for message in catalog:
        if not message.id or not message.string:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        new = tuple(to_dari(s, terms) for s in strings)
        if new != strings:
            message.string = new if isinstance(message.string, tuple) else new[0]
            changed += 1
    write_catalog(catalog, path)
    same = sum(
        1
        for m in catalog
        if m.id
        and m.string
        and persian.get(m.id, m.context) is not None
        and persian.get(m.id, m.context).string == m.string
    )
    total = sum(1 for m in catalog if m.id)
    print(f"fa_AF: {changed} entries given Dari terms; {same} of {total} still equal to fa")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/i18n.py",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "extract", help="extract the msgids of core/, gui/ and main.py into messages.pot"
    )
    p_update = sub.add_parser("update", help="update (or create) every catalogue from messages.pot")
    p_update.add_argument("langs", nargs="*", help="only these languages (default: all)")
    p_check = sub.add_parser("check", help="check every catalogue; exit 1 on problems")
    p_check.add_argument("langs", nargs="*", help="only these languages (default: all)")
    p_check.add_argument(
        "--allow-missing",
        action="store_true",
        help="untranslated/fuzzy entries and a stale pot are not failures "
        "(wrong placeholders, copies and bad plurals still are)",
    )
    p_check.add_argument("-v", "--verbose", action="store_true", help="list every open entry")
    p_stats = sub.add_parser("stats", help="per language: translated, fuzzy, missing")
    p_stats.add_argument("langs", nargs="*")
    p_todo = sub.add_parser("todo", help="write the open entries of LANG as JSON for translation")
    p_todo.add_argument("lang", choices=target_codes())
    p_todo.add_argument("--out", type=Path, required=True, help="JSON file to write")
    p_todo.add_argument("--all", action="store_true", help="every entry, not only the open ones")
    p_fill = sub.add_parser("fill", help="write translations from a todo JSON file into LANG")
    p_fill.add_argument("lang", choices=target_codes())
    p_fill.add_argument("file", type=Path)
    sub.add_parser("dari", help="apply locales/fa_AF/terms.csv (Dari words) to the fa_AF catalogue")
    args = parser.parse_args(argv)

    langs = getattr(args, "langs", None) or target_codes()
    unknown = [code for code in langs if code not in target_codes()]
    if unknown:
        parser.error(f"unknown language(s): {', '.join(unknown)}; choose from {target_codes()}")
    if args.command == "extract":
        extract()
        return 0
    if args.command == "update":
        update(langs)
        return 0
    if args.command == "check":
        return check(langs, args.allow_missing, args.verbose)
    if args.command == "stats":
        return stats(langs)
    if args.command == "todo":
        return todo(args.lang, args.out, args.all)
    if args.command == "dari":
        return dari()
    return fill(args.lang, args.file)


if __name__ == "__main__":
    sys.exit(main())
