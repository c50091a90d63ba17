"""Switching language in the running app: Qt catalogues, locale, layout direction, fonts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core import i18n
from gui.fonts import register_bundled_fonts, ui_font
from gui.i18n_qt import apply_language, qlocale_for

SHOTS = Path(
    os.environ.get("BLAUWEMAP_SHOTS", Path(__file__).resolve().parents[2] / "build" / "screenshots")
)


@pytest.fixture
def app(qapp):
    yield qapp
    apply_language(qapp, "en")


@pytest.mark.parametrize("lang", i18n.LANGUAGES + i18n.PSEUDO_LANGUAGES, ids=lambda x: x.code)
def test_every_language_resolves_to_a_qlocale(lang):
    locale = qlocale_for(lang.code)
    assert locale.language() != QLocale.Language.C
    if not lang.pseudo:
        assert locale.name().split("_")[0] == lang.code.split("_")[0]
        expected = Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
        assert locale.textDirection() == expected


def test_arabic_qlocale_writes_the_same_digits_as_babel():
    assert qlocale_for("ar").toString(2026) == "2,026"  # CLDR "ar": Latin digits, like Babel
    assert qlocale_for("ar").zeroDigit() == "0"
    assert qlocale_for("fa").toString(2026) == "۲٬۰۲۶"


def test_switching_to_arabic_mirrors_open_windows_and_back(app, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    loaded = apply_language(app, "ar")
    assert loaded == ["qtbase"]
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.current_language().code == "ar"
    assert QLocale().language() == QLocale.Language.Arabic
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    apply_language(app, "nl")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    assert QLocale().language() == QLocale.Language.Dutch
    assert i18n._("Yes") == "Ja"


def test_languages_without_a_qt_catalogue_still_switch(app):
    assert apply_language(app, "ti") == []
    assert QLocale().language() == QLocale.Language.Tigrinya
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert apply_language(app, "fa_AF") == ["qtbase"]  # falls back to qtbase_fa
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_dialog_buttons_follow_a_live_switch_in_every_language(app, qtbot):
    """An open dialog's OK/Cancel change with the language, also for Tigrinya and Somali, which
    Qt ships no catalogue for (gui/qt_fallback.py answers from the app's own catalogues)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    dialog.show()

    def texts() -> tuple[str, str]:
        QCoreApplication.processEvents()
        ok = box.button(QDialogButtonBox.StandardButton.Ok).text()
        return ok, box.button(QDialogButtonBox.StandardButton.Cancel).text()

    assert texts() == ("OK", "Cancel")
    seen = {}
    for code in ("nl", "ti", "ar", "so", "fa_AF", "uk", "tr", "fa"):
        apply_language(app, code)
        seen[code] = texts()
        assert seen[code] != ("OK", "Cancel"), code
    assert seen["ti"] == ("ሕራይ", "ሰርዝ")
    apply_language(app, "ti")  # a Qt text the app does not translate stays Qt's, not empty
    assert QCoreApplication.translate("QPlatformTheme", "Save All") == "Save All"
    assert QCoreApplication.translate("QWidgetTextControl", "Copy &Link Location") != ""
    assert seen["so"][1] == "Ka noqo"
    assert seen["ar"] == ("حسنًا", "ألغِ")  # Qt's own Arabic catalogue wins over the app's
    apply_language(app, "en")
    assert texts() == ("OK", "Cancel")


def test_unknown_language_changes_nothing(app):
    apply_language(app, "nl")
    with pytest.raises(ValueError):
        apply_language(app, "xx")
    assert i18n.current_language().code == "nl"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def test_bundled_fonts_cover_ethiopic_and_arabic(app):
    families = register_bundled_fonts()
    assert {"Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic"} <= set(families)
    assert "Noto Sans Ethiopic" in QFontDatabase.families()
    assert QFontMetrics(QFont("Noto Sans Ethiopic")).inFontUcs4(ord("ት"))
    assert QFontMetrics(QFont("Noto Sans Arabic")).inFontUcs4(ord("ب"))
    apply_language(app, "ti")
    assert app.font().families()[:2] == ["Noto Sans Ethiopic", "Noto Sans"]


def _ink(image: QImage) -> int:
    """Number of dark pixels: glyphs drawn, not blank."""
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() < 128:
                dark += 1
    return dark


def test_tigrinya_and_arabic_labels_render_glyphs(app, qtbot):
    apply_language(app, "ti")
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    tigrinya = QLabel("ናይ ውልቀ መደብ ውህደት (PIP) — 23 ሕዳር 2026")
    arabic = QLabel("خطة الاندماج الشخصية (PIP) — \u2068Jan de Vries\u2069")
    for label in (tigrinya, arabic):
        label.setFont(ui_font("ti"))
        label.setStyleSheet("color: black; background: white;")
        layout.addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    for label in (tigrinya, arabic):
        image = label.grab().toImage()
        assert _ink(image) > 50
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "i18n_scripts_label.png"))
    # A font that has the glyph draws something different from a missing-glyph box.
    metrics = QFontMetrics(ui_font("ti"))
    assert metrics.inFontUcs4(ord("ና")) or QFontMetrics(QFont("Noto Sans Ethiopic")).inFontUcs4(
        ord("ና")
    )
