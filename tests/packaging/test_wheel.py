"""The wheel installs like an application: built with ``uv build``, installed into a fresh venv with
exactly the locked dependencies, its ``blauwemap`` command works from an unrelated folder and writes
nothing into its own install folder (setup.py lays the app out as the ``blauwemap`` package)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "wiel-en-installatie-42"


def _uv() -> str:
    found = shutil.which("uv") or str(ROOT / ".cache" / "uv-tool" / "bin" / "uv")
    if not Path(found).exists():
        pytest.skip("uv is not installed (scripts/bootstrap.sh installs it)")
    return found


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{cmd} -> {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = _uv()
    work = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    _run([uv, "build", "--wheel", "--out-dir", str(work / "dist"), str(ROOT)], ROOT, env)
    (wheel,) = (work / "dist").glob("blauwemap-*.whl")
    requirements = work / "requirements.txt"
    _run(
        [uv, "export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-project",
         "--output-file", str(requirements)],
        ROOT, env,
    )  # fmt: skip
    venv = work / "venv"
    _run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], work, env)
    python = venv / "bin" / "python"
    # --compile-bytecode as a distribution package would: the install folder is complete and
    # nothing the app does later should add to it.
    _run(
        [uv, "pip", "install", "--quiet", "--compile-bytecode", "--python", str(python),
         "-r", str(requirements), str(wheel)],
        work, env,
    )  # fmt: skip
    return venv


def _install_folder(venv: Path) -> Path:
    (folder,) = (venv / "lib").glob("python3*/site-packages/blauwemap")
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_wheel_carries_the_app_under_its_own_name_with_compiled_catalogues(installed):
    (wheel,) = installed.parent.glob("dist/blauwemap-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"blauwemap", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    for code in ("nl", "ar", "ti", "fa", "fa_AF", "so", "tr", "uk"):
        assert f"blauwemap/locales/{code}/LC_MESSAGES/messages.mo" in names
    assert "blauwemap/resources/schemas/klantprofiel-1.schema.json" in names
    assert "blauwemap/resources/fonts/NotoSansEthiopic-Regular.ttf" in names
    assert "blauwemap/core/migrations/script.py.mako" in names
    assert not any(name.endswith(".po") or "__pycache__" in name for name in names)


def test_installed_command_runs_from_any_folder_and_writes_nothing_beside_itself(
    installed, tmp_path
):
    folder = _install_folder(installed)
    before = _snapshot(folder)
    command = str(installed / "bin" / "blauwemap")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL"))
    }
    env["BLAUWEMAP_PASSPHRASE"] = PASSPHRASE
    base = [command, "--data-dir", str(data)]
    assert "1" in _run([*base, "demo"], elsewhere, env)
    listed = _run([*base, "list", "--json"], elsewhere, env)
    assert '"dossier": 1' in listed
    pdf = elsewhere / "pip-ar.pdf"
    _run([*base, "--lang", "ar", "export", "--dossier", "1", "--format", "pip-pdf",
          "--lang", "ar", "--out", str(pdf)], elsewhere, env)  # fmt: skip
    assert pdf.read_bytes().startswith(b"%PDF")
    # The Arabic side came from the installed, compiled catalogue, not from English fallbacks.
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    if text:  # pdftotext is in poppler-utils, which ./check installs
        assert any("\u0600" <= ch <= "\u06ff" for ch in text)
    assert _snapshot(folder) == before, "the installed app wrote into its own folder"
    # The app's internal names are not importable by other code in the same environment.
    probe = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import core"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert probe.returncode != 0
