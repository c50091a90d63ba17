"""An offscreen screenshot of every page of the main window with the demo dossier, in English,
Arabic (mirrored) and Tigrinya (Ethiopic script), written to ``screenshots/`` at the repository
root (git-ignored) so anyone can look at them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import paths
from gui.views.registry import VIEW_PATHS

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("BLAUWEMAP_SCREENSHOTS", ROOT / "screenshots"))


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_screenshot_every_view(qtbot, ctx, demo_id, make_window, code):
    window = make_window(ctx)
    window.resize(1280, 860)
    window.set_language(code)
    try:
        rtl = code == "ar"
        assert (QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft) == rtl
        folder = SHOTS / code
        folder.mkdir(parents=True, exist_ok=True)
        if window.caseload._clocks is None:
            with qtbot.waitSignal(window.caseload.attention_ready, timeout=10000):
                pass
        assert window.caseload.model.attention  # the demo has a clock due within six weeks
        caseload = window.grab()
        assert caseload.save(str(folder / "00_caseload.png"))
        window.open_dossier(demo_id)
        assert len(window.views) == len(VIEW_PATHS)
        for number, view in enumerate(window.views, start=1):
            window.show_page(view.key)
            assert window.stack.currentWidget() is view
            QApplication.processEvents()  # pending layout requests: the picture a user sees
            image = window.grab()
            assert not image.isNull() and image.width() >= 1000
            path = folder / f"{number:02d}_{view.key}.png"
            assert image.save(str(path))
            assert path.stat().st_size > 10_000  # a real picture, not an empty frame
    finally:
        window.set_language("en")


@pytest.mark.parametrize("code", ["en", "ti"])
def test_screenshot_participant_overview_and_first_start(
    qtbot, participant_ctx, demo_id, make_window, code
):
    from gui.dialogs.first_start import CREATE, FirstStartDialog

    folder = SHOTS / code
    folder.mkdir(parents=True, exist_ok=True)
    window = make_window(participant_ctx)
    window.resize(1100, 800)
    window.set_language(code)
    try:
        window.open_dossier(demo_id)
        assert window.current_key() == "overview"
        assert window.grab().save(str(folder / "participant_overview.png"))
        dialog = FirstStartDialog(participant_ctx.settings, paths.current().database, CREATE)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.grab().save(str(folder / "first_start.png"))
    finally:
        window.set_language("en")
