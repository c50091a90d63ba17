"""The command line (main.py demo / list / deadlines): in-process and one real subprocess."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import main
from core import cli
from core.rules.clocks import KINDS as CLOCK_KINDS
from core.session import open_database
from tests.conftest import TEST_KDF_ITER

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long test passphrase"
KINDS = set(CLOCK_KINDS)  # the stable codes; tests/core/rules/test_clocks.py pins the list


_PYTEST_HANDLERS: list[logging.Handler] = []


def _close_app_log() -> None:
    """main.main() replaces the root handlers with its log file; close that file (each call
    opens a new one) and put pytest's handlers back."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if h not in _PYTEST_HANDLERS:
            h.close()
    root.handlers[:] = _PYTEST_HANDLERS


@pytest.fixture(autouse=True)
def _restore_logging():
    root = logging.getLogger()
    _PYTEST_HANDLERS[:] = root.handlers
    level = root.level
    yield
    _close_app_log()
    root.setLevel(level)


def call_main(argv: list[str]) -> int:
    try:
        return main.main(argv)
    finally:
        _close_app_log()


@pytest.fixture
def slow_data_dir(tmp_path, monkeypatch):
    """A data folder whose database gets SQLCipher's real key derivation (for a subprocess)."""
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    return tmp_path / "cli-data"


@pytest.fixture
def data_dir(slow_data_dir, monkeypatch):
    """In-process runs derive the key with fewer iterations: the default costs ~0.3 s a time."""

    def fast_open(path, passphrase):
        return open_database(path, passphrase, kdf_iter=TEST_KDF_ITER)

    monkeypatch.setattr(cli, "open_database", fast_open)
    return slow_data_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = call_main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_list_and_deadlines_json(capsys, data_dir):
    code, out, _err = run(
        capsys, "--data-dir", str(data_dir), "demo", "--json", "--today", "2026-11-23"
    )
    assert code == 0
    dossier = json.loads(out)["dossier"]
    assert isinstance(dossier, int)
    # The database is encrypted with the passphrase from the environment.
    db_files = list(data_dir.rglob("*.db"))
    assert db_files and not db_files[0].read_bytes().startswith(b"SQLite format 3")

    code, out, _err = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["dossier"] for r in rows] == [dossier]
    assert rows[0]["name"] == "Amanuel Tesfay Gebremedhin"
    assert rows[0]["leerroute"] == "B"

    code, out, _err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0 and "Amanuel" in out

    code, out, _err = run(
        capsys, "--data-dir", str(data_dir), "deadlines", "--json", "--today", "2026-11-23"
    )
    assert code == 0
    items = json.loads(out)
    assert items
    for item in items:
        assert {"dossier", "kind", "date", "status", "label"} <= set(item)
        assert item["dossier"] == dossier
        assert item["kind"] in KINDS
        assert item["status"] in ("open", "done", "overdue")
        assert item["label"] and "{" not in item["label"]
        if item["date"] is not None:
            assert dt.date.fromisoformat(item["date"]).isoformat() == item["date"]
    kinds = {i["kind"] for i in items}
    assert {"termijn_end", "leerroute_change_end", "exam_registration", "ontzorging_end"} <= kinds
    termijn = next(i for i in items if i["kind"] == "termijn_end")
    # The demo's first PIP is dated 12 months before "today": the termijn ends 24 months after.
    assert termijn["date"] == "2028-11-23"
    assert termijn["status"] == "open"
    # Issue 15: which start date a clock uses, and no internal research notes in the output
    assert termijn["start"] == {"date": "2025-11-23", "event": "pip_date"}
    pip_due = next(i for i in items if i["kind"] == "pip_due")
    assert pip_due["start"]["event"] == "housing"
    assert not re.search(r"seed \d", out, re.IGNORECASE)


def test_deadlines_filters(capsys, data_dir):
    run(capsys, "--data-dir", str(data_dir), "demo", "--today", "2026-11-23")
    base = ("--data-dir", str(data_dir), "deadlines", "--json", "--today", "2026-11-23")
    _code, out, _err = run(capsys, *base, "--status", "done")
    done = json.loads(out)
    assert done and all(i["status"] == "done" for i in done)
    _code, out, _err = run(capsys, *base, "--within-weeks", "4")
    soon = json.loads(out)
    assert all(i["date"] and i["date"] <= "2026-12-21" for i in soon)
    _code, out, _err = run(capsys, *base, "--dossier", "1")
    assert {i["dossier"] for i in json.loads(out)} == {1}
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "deadlines", "--today", "2026-11-23")
    assert code == 0 and "End of the inburgeringstermijn" in out


def test_empty_database(capsys, data_dir):
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "deadlines", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0 and "No dossiers." in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["deadlines", "--today", "23-11-2026"], "is not a date"),
        (["deadlines", "--status", "late"], "invalid choice"),
        (["deadlines", "--dossier", "0"], "above zero"),
        (["deadlines", "--within-weeks", "soon"], "is not a number"),
        (["frobnicate"], "invalid choice"),
        (["--lang", "xx", "list"], "unknown language code"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(capsys, data_dir, argv, message):
    with pytest.raises(SystemExit) as exc:
        call_main(["--data-dir", str(data_dir), *argv])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_unknown_dossier_exits_2(capsys, data_dir):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "deadlines", "--dossier", "4242")
    assert code == 2
    assert out == ""
    assert "does not exist" in err


def test_wrong_or_missing_passphrase_exits_2(capsys, data_dir, monkeypatch):
    run(capsys, "--data-dir", str(data_dir), "demo")
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the right passphrase")
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 2 and "passphrase is wrong" in err
    monkeypatch.delenv(cli.PASSPHRASE_ENV)
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 2 and cli.PASSPHRASE_ENV in err and "is encrypted" in err


def test_a_new_data_folder_asks_to_choose_a_passphrase(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    fresh = tmp_path / "fresh"
    code, out, err = run(capsys, "--data-dir", str(fresh), "demo")
    assert code == 2 and out == ""
    assert "no database in this data folder yet" in err and "Choose a passphrase" in err
    assert cli.PASSPHRASE_ENV in err
    assert not (fresh / "blauwemap.db").exists()  # nothing made without a passphrase


def test_passphrase_file(capsys, data_dir, tmp_path, monkeypatch):
    monkeypatch.delenv(cli.PASSPHRASE_ENV)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, _out, _err = run(
        capsys, "--data-dir", str(data_dir), "--passphrase-file", str(secret), "demo"
    )
    assert code == 0
    code, _out, err = run(
        capsys, "--data-dir", str(data_dir), "--passphrase-file", str(tmp_path / "none"), "list"
    )
    assert code == 2 and "passphrase file" in err


def test_subprocess_deadlines_json(capsys, slow_data_dir):
    data_dir = slow_data_dir
    run(capsys, "--data-dir", str(data_dir), "demo")
    env = {**os.environ, cli.PASSPHRASE_ENV: PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "deadlines", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert items
    for item in items:
        assert {"dossier", "kind", "date", "status", "label"} <= set(item)
        assert item["kind"] in KINDS
        assert item["status"] in ("open", "done", "overdue")
        assert item["label"]
        if item["date"] is not None:
            dt.date.fromisoformat(item["date"])
    bad = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--data-dir",
            str(data_dir),
            "deadlines",
            "--today",
            "tomorrow",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert "is not a date" in bad.stderr
    assert bad.stdout == ""


def test_a_reader_that_goes_away_is_no_error(capsys, data_dir, monkeypatch):
    """``main.py deadlines | head -1``: the pipe closes early; exit 0, no "unexpected error"."""
    run(capsys, "--data-dir", str(data_dir), "demo")

    def closed_pipe(*_args, **_kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setitem(cli.COMMANDS, "deadlines", closed_pipe)
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "deadlines")
    assert (code, err) == (0, "")


def test_window_without_qt_libraries_names_what_to_install(tmp_path):
    """A missing system library stops the window with a message that says what to install."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys; sys.modules['PySide6.QtWidgets'] = None; import main; "
        f"sys.exit(main.main(['--data-dir', {str(tmp_path)!r}]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "apt-get install libegl1" in done.stderr
    assert "Traceback" not in done.stderr
