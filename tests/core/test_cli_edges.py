"""The command line at the edges: a read-only data folder, a full disk, a 4301-digit number, a
NUL in a passphrase file, a damaged page, a damaged database. Each is a clear message and an
exit code, never a traceback or "an unexpected error"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import cli
from core.instance import InstanceLock
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    PASSPHRASE,
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)

ROOT = Path(__file__).resolve().parents[2]
BIG = "1" * 4301  # one digit past Python's int-conversion limit


def _clean(err: str) -> None:
    assert "Traceback" not in err and "unexpected" not in err, err


def _demo(capsys, data: Path) -> None:
    code, _out, err = run(capsys, "--data-dir", str(data), "demo", "--today", "2026-11-23")
    assert code == 0, err


# --------------------------------------------------------------------------- read-only folder
def test_a_read_only_data_folder_is_a_message_and_exit_code_1(capsys, slow_data_dir, tmp_path):  # noqa: F811
    setpriv = shutil.which("setpriv")
    if os.geteuid() == 0 and setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    data = tmp_path / "ro"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "backup"],
        env={**os.environ, cli.PASSPHRASE_ENV: PASSPHRASE},
        capture_output=True,
        check=False,
        timeout=120,
    )
    (data / "backups").mkdir(exist_ok=True)
    everything = [data, *data.rglob("*")]
    for path in everything:
        path.chmod(0o555 if path.is_dir() else 0o444)
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "list"]
    if os.geteuid() == 0:
        assert setpriv is not None
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    try:
        done = subprocess.run(
            command,
            env={**os.environ, cli.PASSPHRASE_ENV: PASSPHRASE},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        for path in everything:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert done.returncode == 1, done.stderr
    assert "read-only" in done.stderr
    _clean(done.stderr)


# --------------------------------------------------------------------------- full disk
@pytest.fixture
def full_disk(tmp_path):
    """A small tmpfs for the data folder, filled up by the test (mount needs root)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"a small file system cannot be mounted here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 1):  # big blocks, then the last few bytes
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def test_a_full_disk_is_a_message_and_exit_code_1(capsys, slow_data_dir, full_disk):  # noqa: F811
    data = full_disk / "data"
    _demo(capsys, data)
    code, out, err = run(capsys, "--data-dir", str(data), "backup")
    assert code == 0, err
    backup = Path(out.strip())
    (data / "blauwemap.lock").unlink()  # made anew: its pid cannot be written either
    _fill(full_disk)
    for argv in (
        ["demo", "--today", "2026-11-23"],
        ["export", "--dossier", "1", "--format", "pdf", "--out", str(full_disk / "k.pdf")],
        ["restore", str(backup)],
    ):
        code, _out, err = run(capsys, "--data-dir", str(data), *argv)
        assert code == 1, (argv, err)
        assert "disk is full" in err, (argv, err)
        _clean(err)
    assert not (full_disk / "k.pdf").exists()


def test_releasing_the_lock_never_hides_the_error(full_disk):
    _fill(full_disk)
    lock = InstanceLock(full_disk)
    with pytest.raises(RuntimeError, match="the real problem"), lock:
        raise RuntimeError("the real problem")
    assert not lock.held


# --------------------------------------------------------------------------- numbers, NUL
@pytest.mark.parametrize(
    "argv",
    [
        ["deadlines", "--dossier", BIG],
        ["deadlines", "--within-weeks", BIG],
        ["deadlines", "--within-weeks", "99999999"],
        ["inzage", "--dossier", BIG, "--out", "x.json"],
        ["delete", "--dossier", BIG, "--yes"],
        ["export", "--dossier", BIG, "--format", "json", "--out", "x.json"],
        ["export", "--dossier", "99999999999999999999", "--format", "json", "--out", "x.json"],
    ],
)
def test_a_huge_number_argument_is_a_usage_error(capsys, data_dir, argv):  # noqa: F811
    with pytest.raises(SystemExit) as caught:
        run(capsys, "--data-dir", str(data_dir), *argv)
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert "Give a whole number from 1 to" in err and BIG not in err
    _clean(err)


def test_a_huge_number_in_an_import_file_is_refused(capsys, data_dir, tmp_path):  # noqa: F811
    _demo(capsys, data_dir)
    out = tmp_path / "k.json"
    base = ["--data-dir", str(data_dir)]
    assert (
        run(capsys, *base, "export", "--dossier", "1", "--format", "json", "--out", str(out))[0]
        == 0
    )
    content = json.loads(out.read_text(encoding="utf-8"))
    content["versie"] = 0  # replaced below by the huge number, as text
    text = json.dumps(content).replace('"versie": 0', f'"versie": {BIG}')
    out.write_text(text, encoding="utf-8")
    code, _out, err = run(capsys, *base, "import", str(out), "--yes")
    assert code == 2 and "number that is too large" in err
    _clean(err)


@pytest.mark.parametrize("existing", [False, True])
def test_a_nul_in_the_passphrase_file_is_a_usage_error(
    capsys,
    data_dir,  # noqa: F811
    tmp_path,
    existing,
    monkeypatch,
):
    if existing:
        _demo(capsys, data_dir)
    monkeypatch.delenv(cli.PASSPHRASE_ENV)
    secret = tmp_path / "passphrase.txt"
    secret.write_bytes(b"a long test\x00passphrase\n")
    code, _out, err = run(
        capsys, "--data-dir", str(data_dir), "--passphrase-file", str(secret), "list"
    )
    assert code == 2 and "NUL" in err
    _clean(err)


# --------------------------------------------------------------------------- damaged files
def test_a_damaged_page_is_a_message_not_an_unexpected_error(capsys, data_dir, tmp_path):  # noqa: F811
    _demo(capsys, data_dir)
    db_path = data_dir / "blauwemap.db"
    data = bytearray(db_path.read_bytes())
    assert len(data) > 4096 * 40
    data[30 * 4096 + 100 : 30 * 4096 + 200] = os.urandom(100)  # one page in the middle
    db_path.write_bytes(bytes(data))
    pdf = ["export", "--dossier", "1", "--format", "pdf", "--out", str(tmp_path / "k.pdf")]
    code, _out, err = run(capsys, "--data-dir", str(data_dir), *pdf)
    assert code == 1, err
    assert "damaged" in err
    _clean(err)
    assert not (tmp_path / "k.pdf").exists()


def test_a_damaged_database_names_the_newest_good_backup(capsys, slow_data_dir):  # noqa: F811
    folder = slow_data_dir  # restore checks the backup with the real key derivation
    _demo(capsys, folder)
    code, out, err = run(capsys, "--data-dir", str(folder), "backup")
    backup = out.strip()
    (folder / "blauwemap.db").write_bytes(b"")
    code, _out, err = run(capsys, "--data-dir", str(folder), "list")
    assert code == 1 and "empty" in err and f"main.py restore {backup}" in err
    _clean(err)
    assert run(capsys, "--data-dir", str(folder), "restore", backup)[0] == 0
    code, out, err = run(capsys, "--data-dir", str(folder), "list")
    assert code == 0 and "Amanuel" in out
