"""Translations (gettext catalogues compiled by Babel) and locale-aware formatting.

``_()`` looks the message up in the *active* catalogue at call time, so widgets that call it in
``retranslate_ui()`` follow a language switch without a restart. Module-level strings are marked
with ``N_()`` and translated where they are shown. Dates, numbers and plurals go through Babel's
CLDR data for the active language; nothing formats them by hand.

Babel is imported when something is first formatted, not at import: the app's first window needs
only the catalogue, so it paints without loading Babel and its locale data (docs/benchmark.md).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.paths import LOCALES

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # msgids are English; every other language has a catalogue
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate / pop directional isolate


@dataclass(frozen=True)
class Language:
    code: str  # gettext/Babel code, also the folder in locales/
    native_name: str
    english_name: str
    rtl: bool = False
    pseudo: bool = False
    numbering: str = "latn"  # CLDR's default digits, as Babel's default_numbering_system

    @property
    def babel_code(self) -> str:
        return "en" if self.pseudo else self.code

    @property
    def qt_name(self) -> str:
        """Name for QLocale(...) and Qt's own qtbase_<name> catalogue."""
        return {"ti": "ti_ER", "fa_AF": "fa_AF"}.get(self.code, "en" if self.pseudo else self.code)


LANGUAGES: tuple[Language, ...] = (
    Language("nl", "Nederlands", "Dutch"),
    Language("en", "English", "English"),
    Language("ar", "العربية", "Arabic", rtl=True),
    Language("ti", "ትግርኛ", "Tigrinya"),
    Language("fa", "فارسی", "Farsi", rtl=True, numbering="arabext"),
    Language("fa_AF", "دری", "Dari", rtl=True, numbering="arabext"),
    Language("so", "Soomaali", "Somali"),
    Language("tr", "Türkçe", "Turkish"),
    Language("uk", "Українська", "Ukrainian"),
)
PSEUDO_LANGUAGES: tuple[Language, ...] = (
    Language("qps_ploc", "Ƥšéûđö (stretched)", "Pseudo: stretched", pseudo=True),
    Language("qps_plocm", "Pseudo (mirrored)", "Pseudo: mirrored RTL", rtl=True, pseudo=True),
)
_ALL = {lang.code: lang for lang in LANGUAGES + PSEUDO_LANGUAGES}


def language(code: str) -> Language:
    try:
        return _ALL[code]
    except KeyError:
        raise ValueError(f"unknown language code {code!r}") from None


def shipped_codes() -> list[str]:
    return [lang.code for lang in LANGUAGES]


# --------------------------------------------------------------------------- pseudo-locales
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķłɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%\([^)]*\)[sd]|%[sd]|&(?=\w))")


def _pseudo(text: str, mirrored: bool) -> str:
    parts = _PLACEHOLDER.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 1:  # a placeholder or mnemonic marker: keep it intact
            out.append(part)
        elif mirrored:
            out.append(part[::-1])
        else:
            stretched = part.translate(_ACCENTS)
            extra = "~" * (len(part) * 2 // 5) if part.strip() else ""
            out.append(stretched + extra)
    body = "".join(out)
    return f"\u202e{body}\u202c" if mirrored else f"[{body}]"


class _PseudoTranslations(_gettext.NullTranslations):
    def __init__(self, mirrored: bool) -> None:
        super().__init__()
        self.mirrored = mirrored

    def gettext(self, message: str) -> str:
        return _pseudo(message, self.mirrored)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return _pseudo(msgid1 if n == 1 else msgid2, self.mirrored)

    def pgettext(self, context: str, message: str) -> str:
        return _pseudo(message, self.mirrored)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return _pseudo(msgid1 if n == 1 else msgid2, self.mirrored)


# --------------------------------------------------------------------------- active language
class _State:
    code: str = SOURCE_LANGUAGE
    translations: _gettext.NullTranslations = _gettext.NullTranslations()
    locale: Locale | None = None  # Babel's locale of ``code``, parsed when first needed
    listeners: list[Callable[[str], None]] = []  # noqa: RUF012


_state = _State()


def load_translations(code: str) -> _gettext.NullTranslations:
    """The catalogue for ``code``: the compiled ``.mo`` (built by the set-up or the wheel's build).

    Nothing is written here: an installed app's folder is read-only. In a source tree whose ``.po``
    is newer than its ``.mo`` (a translator at work), the ``.po`` is compiled in memory instead.
    """
    lang = language(code)
    if lang.pseudo:
        return _PseudoTranslations(mirrored=lang.code == "qps_plocm")
    if code == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    mo = LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        from core.i18n_build import compile_in_memory

        return _gettext.GNUTranslations(compile_in_memory(po))
    if not mo.exists():
        return _gettext.NullTranslations()
    with mo.open("rb") as fh:
        return _gettext.GNUTranslations(fh)


def set_language(code: str) -> None:
    lang = language(code)
    if lang.code != _state.code:  # the same language again (main.py, then the app): keep it
        _state.translations = load_translations(code)
        _state.locale = None
        _state.code = lang.code
    for listener in list(_state.listeners):
        listener(code)


def current_language() -> Language:
    return language(_state.code)


def current_locale() -> Locale:
    if _state.locale is None:
        from babel import Locale

        _state.locale = Locale.parse(current_language().babel_code)
    return _state.locale


def on_language_changed(listener: Callable[[str], None]) -> None:
    _state.listeners.append(listener)


def _(message: str) -> str:
    return _state.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _state.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _state.translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _state.translations.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a module-level string for extraction; translate it later with ``_()``."""
    return message


def isolate(text: str) -> str:
    """Wrap user-entered text (names, places) so it keeps its own direction inside a sentence."""
    return f"{FSI}{text}{PDI}"


# --------------------------------------------------------------------------- formatting
# Babel formats with Latin digits only; CLDR's decimal numbering systems by their zero digit.
_ZERO_DIGIT = {"arab": 0x0660, "arabext": 0x06F0, "beng": 0x09E6, "deva": 0x0966, "mymr": 0x1040}


def _digits(text: str, locale: Locale | None = None) -> str:
    """Use the locale's default digits (e.g. Arabic-Indic for ar) where CLDR says so."""
    loc = locale or current_locale()
    system = loc.default_numbering_system if hasattr(loc, "default_numbering_system") else "latn"
    zero = _ZERO_DIGIT.get(system)
    if zero is None:  # latn, or a system Babel cannot write anyway: keep Latin digits
        return text
    return text.translate(str.maketrans("0123456789", "".join(chr(zero + i) for i in range(10))))


def format_date(value: dt.date | None, fmt: str = "medium", locale: Locale | None = None) -> str:
    if value is None:
        return "—"
    from babel import dates

    loc = locale or current_locale()
    return _digits(dates.format_date(value, format=fmt, locale=loc), loc)


def format_datetime(
    value: dt.datetime | None, fmt: str = "medium", locale: Locale | None = None
) -> str:
    if value is None:
        return "—"
    from babel import dates

    loc = locale or current_locale()
    return _digits(dates.format_datetime(value, format=fmt, locale=loc), loc)


def format_number(
    value: float | int, locale: Locale | None = None, decimals: int | None = None
) -> str:
    from babel import numbers

    loc = locale or current_locale()
    if decimals is not None:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = numbers.format_decimal(value, format=pattern, locale=loc, numbering_system="default")
        return _digits(text, loc)
    return _digits(numbers.format_decimal(value, locale=loc, numbering_system="default"), loc)


def format_hours(hours: float, locale: Locale | None = None) -> str:
    """'12,5 uur' / '12.5 hours', with the language's plural rules."""
    rounded = round(hours, 1)
    number = format_number(rounded, locale=locale)
    count = int(rounded) if rounded == int(rounded) else 2  # fractional values take the plural
    return ngettext("{n} hour", "{n} hours", count).format(n=number)


def format_percent(value: float, locale: Locale | None = None) -> str:
    from babel import numbers

    loc = locale or current_locale()
    return _digits(numbers.format_percent(value, locale=loc, numbering_system="default"), loc)


def format_duration_days(days: int, locale: Locale | None = None) -> str:
    """A span of days as CLDR words (e.g. '3 weeks', '2 months'), for countdowns."""
    from babel import dates

    loc = locale or current_locale()
    text = dates.format_timedelta(
        dt.timedelta(days=abs(days)), granularity="day", threshold=1.1, locale=loc
    )
    return _digits(text, loc)
