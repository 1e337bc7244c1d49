"""Which column separator an exported CSV uses: ``,`` or ``;``, by default the locale's.

Excel opens a CSV with the "list separator" of the Windows regional settings. Where the
decimal separator is a comma (Indonesia, most of Europe) that is ``;``, and a
comma-separated file opens as one column of text. So the setting ``csv_delimiter`` is
``auto`` by default: on Windows the list separator itself (``GetLocaleInfoEx``), elsewhere
``;`` for a decimal-comma locale and ``,`` otherwise. The importer reads either (sniffed,
``desktop.core.importing.text``), so an export always re-imports.
"""

from __future__ import annotations

import locale
import os
import sys

from desktop.core.errors import QueryError
from desktop.core.i18n import t

AUTO = "auto"
DELIMITERS = (",", ";")
CHOICES = (AUTO, *DELIMITERS)
# languages written with a decimal comma (CLDR), where Excel's list separator is ";"
DECIMAL_COMMA = frozenset({
    "id", "jv", "su", "ms_BN", "vi", "de", "fr", "es", "it", "nl", "pt", "ru", "uk", "be",
    "pl", "cs", "sk", "sl", "hr", "sr", "bs", "mk", "bg", "ro", "hu", "tr", "az", "el",
    "da", "nb", "nn", "no", "sv", "fi", "et", "lv", "lt", "is", "ca", "eu", "gl", "kk",
    "ky", "uz", "ka", "hy", "mn", "af", "sq",
})
# countries where those languages write a decimal point after all
DECIMAL_POINT = frozenset({"de_CH", "de_LI", "fr_CH", "it_CH", "es_MX", "es_US", "es_PR",
                           "es_DO", "es_GT", "es_HN", "es_NI", "es_PA", "es_SV", "es_PE"})
# Windows' Python names locales in English ("Indonesian_Indonesia.1252")
WINDOWS_NAMES = {"indonesian": "id", "german": "de", "french": "fr", "spanish": "es",
                 "italian": "it", "dutch": "nl", "portuguese": "pt", "russian": "ru",
                 "english": "en", "malay": "ms", "japanese": "ja", "chinese": "zh",
                 "polish": "pl", "turkish": "tr", "vietnamese": "vi"}


def locale_delimiter(name: str) -> str:
    """``;`` for a decimal-comma locale (``id_ID``, ``de-DE``, ``Indonesian_Indonesia``),
    ``,`` otherwise (``en_US``, ``C``, unknown)."""
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    language, _, country = base.partition("_")
    language = WINDOWS_NAMES.get(language.lower(), language.lower())
    tag = f"{language}_{country.upper()}" if country and len(country) <= 3 else language
    if tag in DECIMAL_POINT:
        return ","
    return ";" if language in DECIMAL_COMMA or tag in DECIMAL_COMMA else ","


def this_platform() -> str:
    """``sys.platform``, behind a name tests can replace without touching ``sys``."""
    return sys.platform


def windows_list_separator() -> str | None:
    """The user's "list separator" in the Windows regional settings (what Excel uses)."""
    import ctypes

    buffer = ctypes.create_unicode_buffer(8)
    locale_slist = 0x0C
    got = ctypes.windll.kernel32.GetLocaleInfoEx(  # type: ignore[attr-defined]
        None, locale_slist, buffer, len(buffer))
    return buffer.value if got else None


def system_locale_name() -> str:
    """The user's locale for numbers (POSIX: LC_ALL, LC_NUMERIC, LANG)."""
    for variable in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(variable)
        if value:
            return value
    try:
        return locale.getlocale(locale.LC_NUMERIC)[0] or locale.getlocale()[0] or ""
    except ValueError:
        return ""


def automatic_delimiter() -> str:
    if this_platform() == "win32":
        try:
            separator = windows_list_separator()
        except (OSError, AttributeError):
            separator = None
        if separator in DELIMITERS:
            return str(separator)
    return locale_delimiter(system_locale_name())


def resolve_delimiter(choice: str | None = None) -> str:
    """``,`` or ``;`` for a choice (``,``, ``;``, ``auto``); None: the setting.

    An unknown choice is refused (a QueryError, so the CLI calls it a usage error).
    """
    if choice is None:
        from desktop.core.settings import CSV_DELIMITER, current

        choice = str(current().get(CSV_DELIMITER)).strip() or AUTO
        if choice not in CHOICES:  # a hand-edited settings file: the safe default
            choice = AUTO
    if choice == AUTO:
        return automatic_delimiter()
    if choice not in DELIMITERS:
        raise QueryError(t("Pemisah kolom CSV harus \",\", \";\" atau \"auto\", bukan "
                           "{choice!r}.", choice=choice))
    return choice
