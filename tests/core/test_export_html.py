"""The map for a phone (export --format html): content, language, sections, escaping, encryption."""

from __future__ import annotations

import base64
import html
import json
import re

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from core.errors import ValidationError
from core.export import html_map
from core.services.demo import DEMO_BSN, DEMO_NAME
from core.services.dossiers import load_dossier
from core.services.exports import export_dossier, export_log
from tests.conftest import TODAY
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)

MAP_SECTIONS = ("identity", "plicht", "pip", "hours", "exams", "contacts")
PASS = "blue map on a phone"


def _decrypt(page: bytes, passphrase: str) -> str:
    found = re.search(rb'<script id="bm-data" type="application/json">(.*?)</script>', page)
    assert found is not None
    blob = json.loads(found.group(1))
    assert blob["iterations"] == 600_000

    def raw(key: str) -> bytes:
        return base64.b64decode(blob[key])

    assert len(raw("salt")) == 16 and len(raw("nonce")) == 12
    key = PBKDF2HMAC(hashes.SHA256(), 32, raw("salt"), blob["iterations"]).derive(
        passphrase.encode()
    )
    return AESGCM(key).decrypt(raw("nonce"), raw("ciphertext"), None).decode("utf-8")


def test_the_map_shows_the_dossier_in_the_document_language(store, demo_id, tmp_path):
    result = export_dossier(
        store,
        demo_id,
        "html",
        tmp_path / "map.html",
        sections=MAP_SECTIONS,
        lang="ar",
        today=TODAY,
    )
    page = result.path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page
    assert " ".join(DEMO_NAME) in page
    assert "ما يجب فعله بعد ذلك" in page  # "What to do next" in Arabic
    # Self-contained: nothing is loaded from anywhere.
    assert not re.search(r"<(link|img|iframe)\b|\ssrc=|url\(|@import", page)
    assert export_log(store, demo_id)[-1].kind == "html_map"
    dari = html_map.render(load_dossier(store, demo_id), MAP_SECTIONS, lang="fa_AF", today=TODAY)
    assert b'<html lang="fa-AF" dir="rtl">' in dari
    dutch = html_map.render(load_dossier(store, demo_id), MAP_SECTIONS, lang="nl", today=TODAY)
    assert b'<html lang="nl" dir="ltr">' in dutch and b"Wat je hierna doet" in dutch


def test_only_the_chosen_sections_are_in_the_map(store, demo_id):
    person = load_dossier(store, demo_id)
    full = html_map.render(person, MAP_SECTIONS, lang="en", today=TODAY).decode()
    contact = person.contacts[0].name
    assert contact in full and "Clocks and deadlines" in full
    page = html_map.render(person, ("plicht",), lang="en", today=TODAY).decode()
    assert " ".join(DEMO_NAME) not in page and "(name not shared)" in page
    assert contact not in page and "Contacts" not in page
    assert "Clocks and deadlines" in page


def test_personal_text_is_escaped(store, demo_id):
    person = load_dossier(store, demo_id)
    person.given_names = '<script>alert("x")</script>'
    person.contacts[0].name = "<img src=x onerror=alert(1)>"
    page = html_map.render(person, MAP_SECTIONS, lang="en", today=TODAY).decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img" not in page and "&lt;img src=x" in page
    # Each personal text is isolated, so a Dutch note keeps its word order in a right-to-left map.
    agreement = person.afspraken[0].text
    assert f"<td><bdi>{html.escape(agreement)}</bdi></td>" in page


def test_a_protected_map_holds_nothing_personal_in_clear(store, demo_id, tmp_path):
    result = export_dossier(
        store,
        demo_id,
        "html",
        tmp_path / "map.html",
        sections=MAP_SECTIONS,
        lang="nl",
        today=TODAY,
        passphrase=PASS,
    )
    data = result.path.read_bytes()
    person = load_dossier(store, demo_id)
    for secret in (*DEMO_NAME, DEMO_BSN, person.gemeente, person.contacts[0].name):
        assert secret.encode() not in data
    assert b"Wachtwoord" in data  # the form's label, in the document's language
    inner = _decrypt(data, PASS)
    assert " ".join(DEMO_NAME) in inner and "Alle deadlines" in inner
    with pytest.raises(InvalidTag):
        _decrypt(data, "not the passphrase")
    again = html_map.render(person, MAP_SECTIONS, lang="nl", today=TODAY, passphrase=PASS)
    assert again != data  # a fresh salt and nonce every time


def test_a_short_passphrase_is_refused_and_nothing_written(store, demo_id, tmp_path):
    with pytest.raises(ValidationError, match="at least 8 characters"):
        export_dossier(
            store,
            demo_id,
            "html",
            tmp_path / "map.html",
            sections=MAP_SECTIONS,
            passphrase="short",
        )
    with pytest.raises(ValidationError, match="Only the map for a phone"):
        export_dossier(
            store, demo_id, "pdf", tmp_path / "k.pdf", sections=MAP_SECTIONS, passphrase=PASS
        )
    assert not list(tmp_path.glob("*.html")) and not list(tmp_path.glob("*.pdf"))
    assert export_log(store, demo_id) == []


def test_cli_export_html_protected(capsys, data_dir, tmp_path, monkeypatch):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    assert run(capsys, *base, "demo", "--today", "2026-11-23")[0] == 0
    out = tmp_path / "map.html"
    args = [*base, "export", "--dossier", "1", "--format", "html", "--out", str(out)]
    args += ["--sections", ",".join(MAP_SECTIONS), "--lang", "ar", "--protect"]
    monkeypatch.delenv("BLAUWEMAP_EXPORT_PASSPHRASE", raising=False)
    code, _out, err = run(capsys, *args)
    assert code == 2 and "BLAUWEMAP_EXPORT_PASSPHRASE" in err and not out.exists()
    monkeypatch.setenv("BLAUWEMAP_EXPORT_PASSPHRASE", "1234567")
    code, _out, err = run(capsys, *args)
    assert code == 2 and "at least 8 characters" in err and not out.exists()
    monkeypatch.setenv("BLAUWEMAP_EXPORT_PASSPHRASE", PASS)
    code, _out, err = run(capsys, *args)
    assert code == 0, err
    data = out.read_bytes()
    assert b'dir="rtl"' in data and DEMO_NAME[0].encode() not in data
    assert DEMO_NAME[0] in _decrypt(data, PASS)
    pdf = [*base, "export", "--dossier", "1", "--format", "pdf", "--out", str(tmp_path / "k.pdf")]
    code, _out, err = run(capsys, *pdf, "--protect")
    assert code == 2 and "Only the map for a phone" in err


def test_each_heading_of_the_map_carries_its_pictogram(store, demo_id):
    """A reader who reads little finds each part by its picture, the same one as in the app;
    screen readers skip the picture and read the heading."""
    person = load_dossier(store, demo_id)
    page = html_map.render(person, MAP_SECTIONS, lang="ar", today=TODAY).decode()
    headings = re.findall(r"<h2>(.*?)</h2>", page, flags=re.S)
    assert len(headings) >= 5
    for heading in headings:
        assert heading.startswith('<svg aria-hidden="true"'), heading[:80]
        assert re.search(r"<span>[^<]+</span>$", heading)
    exams_icon = html_map._pictogram("exams")
    assert exams_icon in page and "<path" in exams_icon
