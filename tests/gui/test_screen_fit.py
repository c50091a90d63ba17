"""The window and its texts fit small laptop screens: scripts/screenshots.py starts the app on an
offscreen screen of the logical size (1366×768 at 100 %, 1280×720 at 150 %: 853×440 free), grabs
every page and the first-start dialog in Dutch, Arabic and Tigrinya, and fails on a window larger
than the screen or a label, button or column title narrower than its text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


@pytest.mark.slow
@pytest.mark.parametrize(("screen", "scale"), [("1366x768", "1.0"), ("1280x720", "1.5")])
def test_every_view_fits_without_clipping(tmp_path, screen, scale):
    out = tmp_path / "shots"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--screen", screen, "--scale", scale, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for code in ("nl", "ar", "ti"):
        shots = sorted(p.name for p in (out / code).glob("*.png"))
        assert "00_caseload.png" in shots and "first_start.png" in shots
        assert len(shots) >= 12
