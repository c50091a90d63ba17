"""The standalone bundle (scripts/build_bundle.sh), run as a person without Python would: from an
unrelated folder, with its own data folder. Skipped unless BLAUWEMAP_BUNDLE names a built bundle
folder (dist/blauwemap): building one takes a minute and is not part of every test run."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pdfplumber
import pytest

BUNDLE = os.environ.get("BLAUWEMAP_BUNDLE", "")
pytestmark = pytest.mark.skipif(
    not BUNDLE,
    reason="set BLAUWEMAP_BUNDLE=dist/blauwemap after scripts/build_bundle.sh to test the bundle",
)
PASSPHRASE = "bundle test passphrase, not a secret"


@pytest.fixture(scope="module")
def exe() -> Path:
    path = Path(BUNDLE).resolve() / ("blauwemap.exe" if os.name == "nt" else "blauwemap")
    assert path.is_file(), f"no bundle executable at {path}: run scripts/build_bundle.sh"
    return path


def run(exe: Path, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment.update(BLAUWEMAP_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [str(exe), "--data-dir", str(cwd / "data"), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_bundle_cli_and_window_from_an_unrelated_folder(exe, tmp_path):
    started = {p: p.stat().st_mtime_ns for p in exe.parent.rglob("*") if p.is_file()}

    demo = run(exe, tmp_path, "demo", "--json")
    assert demo.returncode == 0, demo.stderr
    dossier = str(json.loads(demo.stdout)["dossier"])

    listed = run(exe, tmp_path, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [str(row["dossier"]) for row in json.loads(listed.stdout)] == [dossier]

    pdf = tmp_path / "pip-ar.pdf"
    arabic = run(exe, tmp_path, "export", "--dossier", dossier, "--format", "pip-pdf",
                 "--lang", "ar", "--out", str(pdf))  # fmt: skip
    assert arabic.returncode == 0, arabic.stderr
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)  # Arabic letters, so fonts + catalogue

    out = tmp_path / "klantprofiel.json"
    exported = run(exe, tmp_path, "export", "--dossier", dossier, "--format", "json",
                   "--out", str(out))  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert "formaat" in json.loads(out.read_text(encoding="utf-8"))
    checked = run(exe, tmp_path, "import", str(out))  # the schema check, in the bundle
    assert checked.returncode == 0, checked.stderr

    (tmp_path / "data" / "settings.json").write_text(
        json.dumps({"mode": "participant", "language": "ar"}), encoding="utf-8"
    )
    window = run(exe, tmp_path, BLAUWEMAP_BENCH_EXIT_AFTER_PAINT="1")
    assert window.returncode == 0, window.stderr
    assert any(line.startswith("PAINTED ") for line in window.stdout.splitlines())

    after = {p: p.stat().st_mtime_ns for p in exe.parent.rglob("*") if p.is_file()}
    assert after == started, "the bundle wrote into its own folder"
