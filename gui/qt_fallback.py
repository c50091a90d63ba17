"""Qt's own words (dialog buttons, the text-field menu) in languages Qt ships no catalogue for.

Qt translates its standard buttons ("OK", "Cancel", "&Yes") through ``qtbase_<lang>.qm``; PySide6
ships that for Dutch, Arabic, Persian, Turkish and Ukrainian, but not for Tigrinya or Somali, so a
Tigrinya dialog said "OK"/"Cancel" in English. This translator answers those few texts from the
app's own gettext catalogues (context "Qt"). It is installed before Qt's catalogue, so Qt's own
translation wins wherever one exists (translators are searched newest first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTranslator

from core import i18n

CONTEXTS = frozenset(
    {"QPlatformTheme", "QDialogButtonBox", "QMessageBox", "QLineEdit", "QWidgetTextControl"}
)


def _texts(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """Qt's source texts and their translation by ``pgettext`` (one language's catalogue)."""
    return {
        "OK": pgettext("Qt", "OK"),
        "Cancel": pgettext("Qt", "Cancel"),
        "Close": pgettext("Qt", "Close"),
        "Save": pgettext("Qt", "Save"),
        "Open": pgettext("Qt", "Open"),
        "Apply": pgettext("Qt", "Apply"),
        "Reset": pgettext("Qt", "Reset"),
        "Help": pgettext("Qt", "Help"),
        "Discard": pgettext("Qt", "Discard"),
        "Restore Defaults": pgettext("Qt", "Restore Defaults"),
        "&Yes": pgettext("Qt", "&Yes"),
        "&No": pgettext("Qt", "&No"),
        "Abort": pgettext("Qt", "Abort"),
        "Retry": pgettext("Qt", "Retry"),
        "Ignore": pgettext("Qt", "Ignore"),
        "&Undo": pgettext("Qt", "&Undo"),
        "&Redo": pgettext("Qt", "&Redo"),
        "Cu&t": pgettext("Qt", "Cu&t"),
        "&Copy": pgettext("Qt", "&Copy"),
        "&Paste": pgettext("Qt", "&Paste"),
        "Delete": pgettext("Qt", "Delete"),
        "Select All": pgettext("Qt", "Select All"),
    }


class GettextFallback(QTranslator):
    def __init__(self, code: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        catalogue = i18n.load_translations(code)
        self._texts = {
            source: text for source, text in _texts(catalogue.pgettext).items() if text != source
        }

    def isEmpty(self) -> bool:
        return not self._texts

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None (a null QString, unlike ""): not translated here, so Qt keeps its own text
        return self._texts.get(source) if context in CONTEXTS else None
