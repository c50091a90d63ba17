"""Switch the running application's language: gettext catalogue, Qt's own strings, locale,
layout direction and fonts, all at once (no restart; widgets re-run retranslate_ui on the
LanguageChange event Qt sends when translators change, or via core.i18n.on_language_changed)."""

from __future__ import annotations

import logging

from babel import Locale
from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from core import i18n
from gui.fonts import apply_fonts

log = logging.getLogger(__name__)
QT_CATALOGUES = ("qtbase",)
_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qlocale_for(code: str) -> QLocale:
    """The QLocale matching Babel's locale for ``code``, digits included: Qt's plain "ar" is
    Egyptian Arabic with Arabic-Indic digits, Babel's (CLDR's) "ar" writes Latin digits, so the
    world-wide variant ar_001 is used where Babel says Latin digits."""
    lang = i18n.language(code)
    locale = QLocale(lang.qt_name)
    if lang.pseudo:
        return locale
    babel_latin = Locale.parse(lang.babel_code).default_numbering_system == "latn"
    if babel_latin and locale.zeroDigit() != "0":
        world = QLocale(f"{lang.qt_name.split('_')[0]}_001")
        if world.language() == locale.language() and world.zeroDigit() == "0":
            return world
    return locale


def apply_language(app: QApplication, code: str) -> list[str]:
    """Make ``code`` the language of the app; returns the Qt catalogues that were loaded."""
    lang = i18n.language(code)  # ValueError for an unknown code, before anything changes
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    locale = qlocale_for(code)
    loaded: list[str] = []
    if not lang.pseudo and code != "en":
        for catalogue in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(locale, catalogue, "_", qt_translations_dir()):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(catalogue)
            else:
                log.info("no Qt catalogue %s for %s", catalogue, code)
    QLocale.setDefault(locale)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
    )
    apply_fonts(app, code)
    i18n.set_language(code)  # last: listeners see the new locale, direction and fonts
    return loaded
