"""Language of the messages the core produces (validation, errors, enum labels).

The core cannot use Qt's ``tr()``, yet its messages reach the user. Indonesian is the
source language: every message is written in Indonesian in the code, and the gettext
catalogue ``resources/locale/en/LC_MESSAGES/desk.po`` holds the English (maintained with
``pybabel extract/update/compile``: ``resources/locale/README.md``). The GUI keeps this
setting in step with its own translator; the CLI sets it from ``--lang`` /
``DISKOMINFO_DESK_LANG``.

Where the compiled ``desk.mo`` comes from: an installed wheel or the bundle carries it
(the build compiles it, see ``setup.py`` and the PyInstaller spec); a source checkout has
only the ``.po`` (compiled files are not kept in git), so the first English message
compiles it in memory, once per process, rather than writing into the user's folders.
"""

from __future__ import annotations

import gettext
import io
from functools import cache

from desktop.core.resources import resource_path

SUPPORTED_LANGUAGES = ("id", "en")
DOMAIN = "desk"
_language = "id"


def set_language(lang: str) -> None:
    """Choose the language of core messages; anything unknown falls back to Indonesian."""
    global _language
    _language = lang if lang in SUPPORTED_LANGUAGES else "id"


def current_language() -> str:
    return _language


@cache
def catalogue(lang: str = "en") -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``: the shipped ``.mo`` when it is at least as new as
    the ``.po`` beside it, otherwise the ``.po`` compiled in memory (a checkout)."""
    folder = resource_path("locale", lang, "LC_MESSAGES")
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    if not po.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        messages = read_po(source, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages)  # fuzzy entries are left out, as pybabel compile does
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _english(message: str, context: str | None = None) -> str:
    english = catalogue("en")
    if context is not None:
        return english.pgettext(context, message)
    plural = english.ngettext(message, message, 2)  # a message also counted elsewhere
    return plural if plural is not message else english.gettext(message)


def t(message: str, /, **params: object) -> str:
    """Translate an Indonesian source message and fill ``{name}`` placeholders."""
    if _language == "en":
        message = _english(message)
    return message.format(**params) if params else message


def tn(message: str, count: int, /, **params: object) -> str:
    """Like ``t`` for a message about ``count`` things.

    Indonesian nouns do not change with the number ("1 baris", "3 baris"), English ones
    do: the catalogue holds the message with a singular and a plural English form
    (``ngettext``; extracted with the keyword ``tn:1,1``), so no English text reads
    "1 rows"."""
    if _language == "en":
        message = catalogue("en").ngettext(message, message, count)
    return message.format(**params) if params else message


class Label:
    """A text for people (field names, enum labels), declared in Indonesian.

    ``Label("Tanggal mulai")`` takes its English from the catalogue like ``t``. The
    catalogue has one English per Indonesian text; where the same Indonesian needs another
    English in one place ("Jenis" is "Kind" for a kerja sama but "Type" for an aplikasi,
    "Aplikasi" is "Applications" as a plural heading), ``Label("Jenis", context="aplikasi")``
    looks it up under that gettext context (``msgctxt``; extracted with the keyword spec
    ``Label:1,2c,2t``). ``str(label)`` speaks the current language."""

    __slots__ = ("context", "id")

    def __init__(self, id: str, *, context: str | None = None) -> None:
        self.id = id
        self.context = context

    @property
    def en(self) -> str:
        return _english(self.id, self.context)

    def __str__(self) -> str:
        return self.en if _language == "en" else self.id

    def __repr__(self) -> str:
        if self.context is None:
            return f"Label({self.id!r})"
        return f"Label({self.id!r}, context={self.context!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Label) and (self.id, self.en) == (other.id, other.en)

    def __hash__(self) -> int:
        return hash(self.id)

    def in_language(self, lang: str) -> str:
        return self.en if lang == "en" else self.id
