"""Catalogues, plural rules, locale formatting, pseudo-locales and the catalogue tool."""

from __future__ import annotations

import datetime as dt
import gettext
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.messages import pofile

from core import i18n
from core.i18n_build import compile_all
from core.paths import LOCALES

ROOT = Path(__file__).resolve().parents[2]
CLDR_ORDER = ["zero", "one", "two", "few", "many", "other"]
TARGETS = [lang.code for lang in i18n.LANGUAGES if lang.code != i18n.SOURCE_LANGUAGE]


def _load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _catalog(code: str):
    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return pofile.read_po(fh, locale=code)


# --------------------------------------------------------------------------- catalogues
def test_every_shipped_language_but_english_has_a_catalogue():
    assert set(TARGETS) == {"nl", "ar", "ti", "fa", "fa_AF", "so", "tr", "uk"}
    for code in TARGETS:
        assert (LOCALES / code / "LC_MESSAGES" / "messages.po").is_file(), code
    assert not (LOCALES / "en").exists()  # msgids are English


def test_every_catalogue_compiles_and_loads(tmp_path):
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    built = compile_all(copy)
    assert sorted(p.parent.parent.name for p in built) == sorted(TARGETS)
    for mo in built:
        with mo.open("rb") as fh:
            translations = gettext.GNUTranslations(fh)
        assert translations.info()["language"] == mo.parent.parent.name


@pytest.mark.parametrize("code", TARGETS)
def test_plural_forms_follow_cldr(code):
    catalog = _catalog(code)
    count, _expr = tool.cldr_plural_forms(code)
    rule = Locale.parse(code).plural_form
    tags = sorted(set(rule.tags) | {"other"}, key=CLDR_ORDER.index)
    assert catalog.num_plurals == count == len(tags)
    plural = gettext.c2py(catalog.plural_expr)
    for n in range(0, 250):
        assert tags[plural(n)] == rule(n), (code, n)


@pytest.mark.parametrize("code", TARGETS)
def test_translated_entries_keep_placeholders_and_are_not_copies(code):
    report = tool.check_catalogue(code, None)
    assert report.problems == []
    assert report.translated > 0  # real translations exist in every language


def test_expected_plural_counts():
    counts = {code: tool.cldr_plural_forms(code)[0] for code in TARGETS}
    assert counts == {"nl": 2, "ar": 6, "ti": 2, "fa": 2, "fa_AF": 2, "so": 2, "tr": 2, "uk": 4}


def test_catalogues_hold_every_msgid_of_the_template():
    with tool.POT.open("rb") as fh:
        template = pofile.read_po(fh)
    wanted = {tool.key(m) for m in tool.messages(template)}
    assert len(wanted) > 300
    for code in TARGETS:
        present = {tool.key(m) for m in tool.messages(_catalog(code))}
        assert wanted <= present, code


# --------------------------------------------------------------------------- translations in use
def test_dutch_and_arabic_translations_are_used():
    i18n.set_language("nl")
    assert i18n._("Yes") == "Ja"
    assert i18n.ngettext("{n} hour", "{n} hours", 1).format(n=1) == "1 uur"
    assert i18n.format_hours(12.5) == "12,5 uur"
    i18n.set_language("ar")
    assert i18n._("Yes") == "نعم"
    # Arabic: dual for 2, plural for 3-10, singular noun again from 11 on
    assert "ساعتان" in i18n.ngettext("{n} hour", "{n} hours", 2)
    assert i18n.ngettext("{n} hour", "{n} hours", 3) == "{n} ساعات"
    assert i18n.ngettext("{n} hour", "{n} hours", 11) == "{n} ساعة"
    i18n.set_language("ti")
    assert any("\u1200" <= ch <= "\u137f" for ch in i18n._("Yes"))


# --------------------------------------------------------------------------- locales
@pytest.mark.parametrize("lang", i18n.LANGUAGES + i18n.PSEUDO_LANGUAGES, ids=lambda x: x.code)
def test_every_language_resolves_to_a_babel_locale(lang):
    locale = Locale.parse(lang.babel_code)
    assert locale.language == lang.babel_code.split("_")[0]
    i18n.set_language(lang.code)
    assert i18n.current_locale() == locale
    assert i18n.format_date(dt.date(2026, 11, 23))
    assert (locale.character_order == "right-to-left") == (lang.rtl and not lang.pseudo)


def test_arabic_digits_follow_cldr():
    # CLDR (Babel 2.18) gives "ar" Latin digits by default; Egyptian Arabic uses Arabic-Indic.
    assert Locale.parse("ar").default_numbering_system == "latn"
    assert "2026" in i18n.format_date(dt.date(2026, 11, 23), "short", locale=Locale.parse("ar"))
    egypt = i18n.format_date(dt.date(2026, 11, 23), "short", locale=Locale.parse("ar_EG"))
    assert "٢٠٢٦" in egypt and "2026" not in egypt


def test_farsi_and_dari_use_persian_digits():
    for code in ("fa", "fa_AF"):
        i18n.set_language(code)
        text = i18n.format_date(dt.date(2026, 11, 23))
        assert "۲۰۲۶" in text and "۲۳" in text, text
        assert not any(ch in "0123456789" for ch in text)
        assert i18n.format_number(1234.5) == "۱٬۲۳۴٫۵"


def test_dutch_formats_numbers_and_dates():
    i18n.set_language("nl")
    assert i18n.format_number(1234.5) == "1.234,5"
    assert i18n.format_date(dt.date(2026, 11, 23)) == "23 nov 2026"


# --------------------------------------------------------------------------- pseudo / isolate
def test_pseudo_locale_stretches_and_keeps_placeholders():
    i18n.set_language("qps_ploc")
    text = i18n._("Save: {what}")
    assert "{what}" in text and text.startswith("[") and text.endswith("]")
    assert len(text) > len("Save: {what}") + 2
    assert "Save" not in text  # letters are accented
    assert text.format(what="X").count("X") == 1
    plural = i18n.ngettext("{n} hour", "{n} hours", 3)
    assert "{n}" in plural


def test_mirrored_pseudo_locale_is_right_to_left_and_keeps_placeholders():
    i18n.set_language("qps_plocm")
    assert i18n.current_language().rtl
    text = i18n._("Delete the selected row: {what}")
    assert text.startswith("\u202e") and "{what}" in text
    assert "wor" in text  # reversed words


def test_isolate_wraps_with_first_strong_isolate():
    assert i18n.isolate("Jan de Vries") == "\u2068Jan de Vries\u2069"
    i18n.set_language("ar")
    assert "\u2068محمد\u2069" in i18n.isolate("محمد")


# --------------------------------------------------------------------------- the tool
def test_validate_catches_the_usual_mistakes():
    assert tool.validate("nl", "Save: {what}", None, "Opslaan: {wat}", 2)  # renamed placeholder
    assert tool.validate("nl", "Save: {what}", None, "Opslaan", 2)  # dropped placeholder
    assert tool.validate("tr", "Delete", None, "Delete", 2)  # copy of the English
    assert tool.validate("tr", "PIP", None, "PIP", 2) == []  # allow-listed term
    assert tool.validate("nl", "School", None, "School", 2) == []  # same word in Dutch
    assert tool.validate("nl", "{n} hour", "{n} hours", ["{n} uur"], 2)  # one form short
    assert tool.validate("uk", "{n} hour", "{n} hours", ["{n} год"] * 3 + ["{m}"], 4)
    assert tool.validate("nl", "&Save", None, "Opslaan", 2)  # lost the accelerator
    assert tool.validate("nl", "{n} hour", "{n} hours", ["{n} uur", "{n} uur"], 2) == []


def _tool_on_copy(tmp_path, monkeypatch):
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(tool, "LOCALES", copy)
    monkeypatch.setattr(tool, "POT", copy / "messages.pot")
    return copy


def test_todo_and_fill_round_trip(tmp_path, monkeypatch, capsys):
    copy = _tool_on_copy(tmp_path, monkeypatch)
    out = tmp_path / "todo.json"
    assert tool.main(["todo", "nl", "--all", "--out", str(out)]) == 0
    entries = json.loads(out.read_text(encoding="utf-8"))
    by_id = {e["msgid"]: e for e in entries}
    hour = by_id["{n} hour"]
    assert hour["msgid_plural"] == "{n} hours" and hour["nplurals"] == 2
    assert hour["plural_forms"][0].startswith("form 0: n = 1")
    save = dict(by_id["Save: {what}"], msgstr="Bewaren: {what}")
    bad = dict(by_id["Save: {what}"], msgstr="Bewaren")
    plural = dict(hour, msgstr_plural=["{n} uurtje", "{n} uurtjes"])
    good_file = tmp_path / "good.json"
    good_file.write_text(json.dumps([save, plural]), encoding="utf-8")
    assert tool.main(["fill", "nl", str(good_file)]) == 0
    with (copy / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = pofile.read_po(fh, locale="nl")
    assert catalog.get("Save: {what}").string == "Bewaren: {what}"
    assert catalog.get("{n} hour").string == ("{n} uurtje", "{n} uurtjes")
    assert not catalog.get("Save: {what}").fuzzy
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(
        json.dumps([bad, {"msgid": "No such text", "msgstr": "x"}]), encoding="utf-8"
    )
    assert tool.main(["fill", "nl", str(bad_file)]) == 1
    printed = capsys.readouterr().out
    assert "placeholders" in printed and "not in the catalogue" in printed
    with (copy / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        assert pofile.read_po(fh, locale="nl").get("Save: {what}").string == "Bewaren: {what}"


def test_todo_lists_only_open_entries(tmp_path, monkeypatch):
    _tool_on_copy(tmp_path, monkeypatch)
    out = tmp_path / "todo.json"
    tool.main(["todo", "so", "--out", str(out)])
    entries = json.loads(out.read_text(encoding="utf-8"))
    catalog = _catalog("so")
    for entry in entries:
        message = catalog.get(entry["msgid"], context=entry["context"])
        assert message.fuzzy or not tool._is_translated(message)


def test_check_reports_missing_unless_allowed(tmp_path, monkeypatch, capsys):
    copy = _tool_on_copy(tmp_path, monkeypatch)
    po = copy / "tr" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = pofile.read_po(fh, locale="tr")
    catalog.get("Yes").string = ""
    tool.write_catalog(catalog, po)
    assert tool.check_catalogue("tr", None).missing >= 1
    catalog.get("Yes").string = "Yes"  # a copy is a problem even with --allow-missing
    tool.write_catalog(catalog, po)
    assert any("copy" in p for p in tool.check_catalogue("tr", None).problems)


def test_catalogues_are_read_without_writing_beside_the_code(tmp_path, monkeypatch):
    """An installed app's folder is read-only: a catalogue with no (or a stale) .mo is compiled in
    memory, and nothing is written next to it."""
    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(LOCALES / "nl" / "LC_MESSAGES" / "messages.po", folder / "messages.po")
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    catalogue = i18n.load_translations("nl")
    assert catalogue.gettext("(no name)") not in ("", "(no name)")
    assert sorted(p.name for p in folder.iterdir()) == ["messages.po"]


@pytest.mark.parametrize("code", [lang.code for lang in i18n.LANGUAGES if lang.code != "en"])
def test_menu_bar_accelerators_do_not_clash(code):
    """Alt+letter opens one menu: &Bestand and &Bewerken (nl) both took B."""
    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = pofile.read_po(fh)
    keys = []
    for msgid in ("&File", "&Edit", "&View", "&Help"):
        text = catalog[msgid].string or msgid
        index = text.index("&")
        keys.append(text[index + 1].casefold())
    assert len(set(keys)) == len(keys), keys


@pytest.mark.parametrize("code", [lang.code for lang in i18n.LANGUAGES if lang.code != "en"])
def test_words_shown_side_by_side_are_distinct(code):
    """A reception location's name and its town stand next to each other in the PID; the
    generic word for a deadline must not be the inburgeringstermijn's own name (nl "Termijn")."""
    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = pofile.read_po(fh)
    assert catalog["Location"].string != catalog["Place"].string
    if code == "nl":
        assert "termijn" not in catalog["Clock"].string.lower()


def test_dari_uses_its_own_words_where_the_term_table_says():
    """fa_AF is not a copy of Persian: the Dari words of locales/fa_AF/terms.csv are used."""
    sys.path.insert(0, str(LOCALES.parent / "scripts"))
    try:
        import i18n as tools  # scripts/i18n.py
    finally:
        sys.path.pop(0)
    terms = tools.dari_terms()
    assert ("پرونده", "دوسیه") in terms
    assert tools.to_dari("پرونده‌ها و مدرسه", terms) == "دوسیه‌ها و مکتب"
    with (LOCALES / "fa_AF" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = pofile.read_po(fh)
    for message in catalog:
        if message.id and isinstance(message.string, str) and message.string:
            assert tools.to_dari(message.string, terms) == message.string, message.id
