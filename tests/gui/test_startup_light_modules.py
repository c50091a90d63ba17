"""What the app sets up before its first paint, made light (docs/benchmark.md, cold start): the
log file rotates without logging.handlers, and the language needs no Babel until something is
formatted."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale

from core import i18n
from core.logsetup import LOG_FILE, RedactingFilter, RotatingFile, setup_logging

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", i18n.LANGUAGES + i18n.PSEUDO_LANGUAGES, ids=lambda x: x.code)
def test_each_language_knows_babels_default_digits(lang):
    assert lang.numbering == Locale.parse(lang.babel_code).default_numbering_system


def test_switching_language_loads_no_babel_until_something_is_formatted():
    code = (
        "import sys, datetime\n"
        "from core import i18n\n"
        "i18n.set_language('fa')\n"
        "print(i18n._('Yes'), any(m.startswith('babel') for m in sys.modules))\n"
        "print(i18n.format_number(2026), i18n.format_date(datetime.date(2026, 11, 23)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    first, second = proc.stdout.splitlines()
    assert first.endswith(" False") and first != "Yes False"  # translated, Babel not loaded
    assert second.startswith("۲٬۰۲۶ ") and "۲۰۲۶" in second  # Persian digits from CLDR


def test_current_locale_follows_the_language():
    i18n.set_language("nl")
    assert str(i18n.current_locale()) == "nl"
    assert i18n.format_date(dt.date(2026, 11, 23), "long") == "23 november 2026"
    i18n.set_language("qps_ploc")
    assert str(i18n.current_locale()) == "en"
    i18n.set_language("ar")
    assert i18n.current_language().code == "ar" and str(i18n.current_locale()) == "ar"


@pytest.fixture
def file_log(tmp_path):
    """The app's log set-up for one test; the test session's handlers come back afterwards."""
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level
    folder = tmp_path / "logs"
    setup_logging(folder)
    handler = root.handlers[0]
    yield folder, handler
    root.removeHandler(handler)
    handler.close()
    root.handlers[:] = saved
    root.setLevel(level)


def test_the_log_file_rotates_and_keeps_three_old_files(file_log):
    folder, handler = file_log
    assert isinstance(handler, RotatingFile)
    assert any(isinstance(f, RedactingFilter) for f in handler.filters)
    handler.max_bytes = 600
    log = logging.getLogger("tests.rotation")
    for n in range(60):
        log.info("record %d of dossier %d, BSN 123456782", n, n)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    for path in folder.iterdir():
        assert 0 < path.stat().st_size < 600
    newest = (folder / LOG_FILE).read_text(encoding="utf-8")
    assert "record 59 of dossier 59, BSN [number]" in newest
    assert "123456782" not in "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    older = (folder / f"{LOG_FILE}.1").read_text(encoding="utf-8").splitlines()
    newer = newest.splitlines()
    assert int(older[-1].split("record ")[1].split()[0]) + 1 == int(
        newer[0].split("record ")[1].split()[0]
    )  # nothing lost between the files


def test_the_log_continues_an_existing_file(tmp_path):
    (tmp_path / LOG_FILE).write_text("earlier line\n", encoding="utf-8")
    handler = RotatingFile(tmp_path / LOG_FILE)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.handle(logging.LogRecord("x", logging.INFO, __file__, 1, "later line", None, None))
    handler.close()
    assert (tmp_path / LOG_FILE).read_text(encoding="utf-8") == "earlier line\nlater line\n"


def test_choosing_the_same_language_again_keeps_its_catalogue(monkeypatch):
    i18n.set_language("nl")
    loads: list[str] = []
    real = i18n.load_translations
    monkeypatch.setattr(i18n, "load_translations", lambda code: loads.append(code) or real(code))
    heard: list[str] = []
    monkeypatch.setattr(i18n._state, "listeners", [heard.append])
    i18n.set_language("nl")  # main.py chose it; the app window applies it once more
    assert loads == [] and heard == ["nl"] and i18n._("Yes") == "Ja"
    i18n.set_language("ar")
    assert loads == ["ar"] and i18n.current_language().code == "ar"
