"""Language of the messages the core produces (validation, errors, enum labels).

The core cannot use Qt's ``tr()``, yet its messages reach the user. Indonesian is the
source language: every message is written in Indonesian in the code, and
``desktop.core.messages_en`` holds the English catalogue. The GUI keeps this setting in
step with its own translator; the CLI sets it from ``--lang`` / ``DISKOMINFO_DESK_LANG``.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_LANGUAGES = ("id", "en")
_language = "id"


def set_language(lang: str) -> None:
    """Choose the language of core messages; anything unknown falls back to Indonesian."""
    global _language
    _language = lang if lang in SUPPORTED_LANGUAGES else "id"


def current_language() -> str:
    return _language


def t(message: str, /, **params: object) -> str:
    """Translate an Indonesian source message and fill ``{name}`` placeholders."""
    if _language == "en":
        from desktop.core.messages_en import MESSAGES_EN

        message = MESSAGES_EN.get(message, message)
    return message.format(**params) if params else message


def tn(message: str, count: int, /, **params: object) -> str:
    """Like ``t`` for a message about ``count`` things.

    Indonesian nouns do not change with the number ("1 baris", "3 baris"), English ones
    do: for a count of one the English comes from ``SINGULAR_EN`` ("1 row"), otherwise
    from ``MESSAGES_EN`` ("3 rows"), so no English text reads "1 rows"."""
    if _language == "en":
        from desktop.core.messages_en import MESSAGES_EN, SINGULAR_EN

        forms = SINGULAR_EN if count == 1 and message in SINGULAR_EN else MESSAGES_EN
        message = forms.get(message, message)
    return message.format(**params) if params else message


@dataclass(frozen=True)
class Label:
    """A text declared once in both languages (field names, enum labels)."""

    id: str
    en: str

    def __str__(self) -> str:
        return self.en if _language == "en" else self.id

    def in_language(self, lang: str) -> str:
        return self.en if lang == "en" else self.id
