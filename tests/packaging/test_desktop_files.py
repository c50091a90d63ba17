"""The desktop entry, AppStream metainfo and hicolor icons packagers install (resources/desktop/)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core import APP_DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop" / f"{APP_DESKTOP_ID}.desktop"
METAINFO = ROOT / "resources" / "desktop" / f"{APP_DESKTOP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; scripts/bootstrap.sh)")
    return path


def test_desktop_entry_validates():
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout + result.stderr


def test_metainfo_validates():
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_names_the_command_and_icon():
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert "Exec=blauwemap" in lines  # no file arguments: the app opens no files given
    assert f"Icon={APP_DESKTOP_ID}" in lines


def test_metainfo_matches_the_desktop_entry_and_the_version():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_DESKTOP_ID
    assert root.findtext("project_license") == "EUPL-1.2"
    assert root.find("launchable").text == DESKTOP.name
    from core import __version__  # the one version: pyproject.toml reads it (dynamic)

    assert root.find("releases/release").get("version") == __version__  # newest release first


@pytest.mark.parametrize("size", ICON_SIZES)
def test_hicolor_png_has_its_size(size):
    png = (
        ROOT
        / "resources"
        / "icons"
        / "hicolor"
        / f"{size}x{size}"
        / "apps"
        / f"{APP_DESKTOP_ID}.png"
    )
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (size, size)


def test_the_window_names_its_desktop_entry(qapp, monkeypatch):
    import sys

    from gui.app import setup_application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # setup_application installs its own
    assert setup_application().desktopFileName() == APP_DESKTOP_ID
