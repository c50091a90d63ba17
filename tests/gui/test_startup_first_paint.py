"""The first paint of the app window (cold start, docs/benchmark.md): the real shell in the user's
language and direction, with nothing loaded that it does not need; the rest right after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from core import i18n, paths
from core.db import Database
from core.i18n import _
from core.settings import Settings
from gui import app as gui_app
from gui.context import AppContext
from gui.main_window import MainWindow
from gui.qt_names import set_by_name

ROOT = Path(__file__).resolve().parents[2]

# Runs main.py as the benchmark does; reports what is loaded when the window first paints and
# what the window looks like then, and again once the app has opened the database after it.
CHILD = r"""
import json, sys
from PySide6 import QtCore
from PySide6.QtCore import QEvent
import gui.main_window as mw
import gui.probes as probes

report = {}
images = []
real_filter = probes.FirstPaintSpy.eventFilter


def draw(font):
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(160, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(4, 30, "ትግርኛ")
    painter.end()
    return image


def loaded():
    light = ("gui.errors", "gui.dialogs.common", "logging.handlers")
    return sorted(
        m for m in sys.modules if m.split(".")[0] in ("babel", "sqlalchemy") or m in light
    )


def at_first_paint(self, window, event):
    if not self.done and event.type() == QEvent.Type.Paint:
        from gui import fonts

        report["qt_namespace"] = "Qt" in vars(QtCore)  # before anything below builds it
        report["loaded"] = loaded()
        report["fonts"] = sorted(fonts._registered)
        report["direction"] = window.layoutDirection().name
        report["opening"] = window.opening.text()
        report["centred"] = window.opening.alignment() == QtCore.Qt.AlignmentFlag.AlignCenter
        report["toolbar"] = window.toolbar.toolButtonStyle().name
        report["toolbar_shown"] = window.toolbar.isVisible() and window.nav.isVisible()
        report["menus"] = [a.text() for a in window.menuBar().actions()]
        images.append(draw(QtCore.QCoreApplication.instance().font()))
        from PySide6.QtGui import QFontDatabase

        report["system_ethiopic"] = "Noto Sans Ethiopic" in QFontDatabase.families()
    return real_filter(self, window, event)


def after_the_paint():
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication
    from gui import fonts

    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, mw.MainWindow))

    ethiopic = QFont(app.font())
    ethiopic.setFamilies(["Noto Sans Ethiopic"])
    report["fonts_after"] = sorted(fonts._registered)
    report["ethiopic_from_app_font"] = draw(app.font()) == draw(ethiopic)
    report["ethiopic_changed"] = draw(app.font()) != images[0]
    report["caseload"] = window.caseload is not None and window.opening is None
    report["errors_hook"] = sys.excepthook.__module__
    print("REPORT", json.dumps(report), flush=True)
    QApplication.quit()


probes.FirstPaintSpy.eventFilter = at_first_paint
probes.bench_quit = after_the_paint
import main

sys.exit(main.main(sys.argv[1:]))
"""


def _start(tmp_path: Path, language: str) -> dict:
    data = tmp_path / "profile"
    data.mkdir()
    Database.open(data / "blauwemap.db", None).close()  # plain: opens without asking
    Settings(mode="consultant", language=language, consultant_name="Test").save(
        data / "settings.json"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BLAUWEMAP_BENCH_EXIT_AFTER_PAINT="1")
    env.pop("BLAUWEMAP_PASSPHRASE", None)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-2000:]
    return json.loads(lines[0].removeprefix("REPORT "))


@pytest.mark.parametrize(
    ("language", "direction", "script_font"),
    [
        ("en", "LeftToRight", None),
        ("ar", "RightToLeft", "NotoSansArabic-Regular.ttf"),
        ("ti", "LeftToRight", "NotoSansEthiopic-Regular.ttf"),
    ],
)
def test_the_first_paint_is_the_shell_in_the_language_and_nothing_more(
    tmp_path, language, direction, script_font
):
    report = _start(tmp_path, language)
    i18n.set_language(language)
    assert report["opening"] == _("Opening…")
    assert report["menus"][0] == _("&File")
    assert report["direction"] == direction
    assert report["centred"] and report["toolbar_shown"]
    assert report["toolbar"] == "ToolButtonTextBesideIcon"
    # Loaded after the paint: Babel, the database layer, the error dialogs, the other fonts.
    assert report["loaded"] == []
    assert report["qt_namespace"] is False  # PySide's ~90 Qt.* enums (gui.qt_names.set_by_name)
    expected = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"}
    if script_font is not None:
        expected |= {script_font, script_font.replace("Regular", "Bold")}
    assert set(report["fonts"]) == expected
    # Right after the paint: every font (Tigrinya text in an English window draws in Noto
    # Sans Ethiopic through the app font's fallback list), the caseload, the error dialogs.
    assert len(report["fonts_after"]) == 7
    assert report["ethiopic_from_app_font"] is True
    if not report["system_ethiopic"]:  # registered after the paint; the app font finds it
        assert report["ethiopic_changed"] is True
    assert report["caseload"] is True
    assert report["errors_hook"] == "gui.app"  # gui.errors loads with the first error


def test_set_by_name_sets_qt_enum_properties_and_refuses_unknown_keys(qtbot):
    ctx = AppContext(store=None, settings=Settings(mode="consultant", language="en"))  # type: ignore[arg-type]
    window = MainWindow(ctx, opening=True)
    qtbot.addWidget(window)
    assert window.opening is not None
    assert window.opening.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    with pytest.raises(ValueError, match="toolButtonStyle"):
        set_by_name(window.toolbar, "toolButtonStyle", "TextUnderTheIcon")


def test_shortcuts_are_the_same_as_through_set_shortcut(qtbot):
    ctx = AppContext(store=None, settings=Settings(mode="consultant", language="en"))  # type: ignore[arg-type]
    window = MainWindow(ctx, opening=True)
    qtbot.addWidget(window)
    assert window.act_caseload.shortcut() == QKeySequence("Ctrl+L")
    assert window.act_glossary.shortcut() == QKeySequence("F1")
    assert window.act_new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.act_backup.shortcut().isEmpty()


def test_the_first_error_loads_the_error_display(monkeypatch):
    from gui.dialogs import common

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[str] = []
    monkeypatch.setattr(common, "show_message", lambda _p, _t, text, **_k: shown.append(text))
    gui_app.setup_application()
    assert sys.excepthook is gui_app._excepthook
    from core.errors import StorageError
    from gui import errors

    exc = StorageError("The disk is full.")
    sys.excepthook(StorageError, exc, None)
    assert shown == ["The disk is full."]
    assert sys.excepthook is errors.excepthook


def test_the_opening_window_registers_the_other_fonts_after_the_paint(qtbot, monkeypatch):
    from PySide6.QtCore import QEventLoop

    Database.open(paths.current().database, None).close()
    calls: list[str] = []
    monkeypatch.setattr(gui_app, "register_other_fonts", lambda: calls.append("fonts"))
    loop = QEventLoop()

    def start_and_quit(window, ctx):
        calls.append("dossier")
        window.close()
        loop.quit()

    monkeypatch.setattr(gui_app, "start_dossier", start_and_quit)
    settings = Settings(mode="consultant", language="en")
    assert gui_app._run_opening_window(loop, settings) == 0  # type: ignore[arg-type]
    assert calls == ["fonts", "dossier"]
    assert (paths.current().settings_file).exists()  # saved after the paint
