"""Switch the running application's language: gettext catalogue, Qt's own strings, locale,
layout direction and fonts, all at once (no restart; widgets re-run retranslate_ui on the
LanguageChange event Qt sends when translators change, or via core.i18n.on_language_changed)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from core import i18n
from gui.fonts import apply_fonts
from gui.qt_fallback import GettextFallback
from gui.qt_names import set_by_name

log = logging.getLogger(__name__)
QT_CATALOGUES = ("qtbase",)
_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qlocale_for(code: str) -> QLocale:
    """The QLocale matching Babel's locale for ``code``, digits included: Qt's plain "ar" is
    Egyptian Arabic with Arabic-Indic digits, Babel's (CLDR's) "ar" writes Latin digits, so the
    world-wide variant ar_001 is used where Babel says Latin digits (``Language.numbering``, which
    the tests compare with Babel: reading Babel's locale data here would delay the first paint)."""
    lang = i18n.language(code)
    locale = QLocale(lang.qt_name)
    if lang.pseudo:
        return locale
    if lang.numbering == "latn" and locale.zeroDigit() != "0":
        world = QLocale(f"{lang.qt_name.split('_')[0]}_001")
        if world.language() == locale.language() and world.zeroDigit() == "0":
            return world
    return locale


def apply_language(app: QApplication, code: str, *, first_frame: bool = False) -> list[str]:
    """Make ``code`` the language of the app; returns the Qt catalogues that were loaded.
    ``first_frame``: at start-up, only the fonts this language needs (gui.fonts.apply_fonts)."""
    lang = i18n.language(code)  # ValueError for an unknown code, before anything changes
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    locale = qlocale_for(code)
    loaded: list[str] = []
    if not lang.pseudo and code != "en":
        fallback = GettextFallback(
            code, app
        )  # before Qt's catalogue, which wins where it has a text
        app.installTranslator(fallback)
        _installed.append(fallback)
        for catalogue in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(locale, catalogue, "_", qt_translations_dir()):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(catalogue)
            else:
                log.info("no Qt catalogue %s for %s", catalogue, code)
    QLocale.setDefault(locale)
    set_by_name(app, "layoutDirection", "RightToLeft" if lang.rtl else "LeftToRight")
    apply_fonts(app, code, first_frame=first_frame)
    i18n.set_language(code)  # last: listeners see the new locale, direction and fonts
    return loaded


def switch_language(code: str, *, first_frame: bool = False) -> None:
    """Switch core.i18n, Qt's own translations, the default locale and the layout direction of
    the running app (just core.i18n without a QApplication). ``first_frame``: only the fonts
    this language needs; gui.app.register_other_fonts follows."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_language(app, code, first_frame=first_frame)
    else:
        i18n.set_language(code)
