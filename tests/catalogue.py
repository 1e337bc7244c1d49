"""The English gettext catalogue of the core, read as the tests need it.

``english_messages()`` is what ``MESSAGES_EN`` was (a plural entry gives its plural form)
and ``english_singulars()`` what ``SINGULAR_EN`` was (the singular of each plural entry);
``extracted()`` runs the same extraction as ``pybabel extract`` (resources/locale/README.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "desk.po"
# the keyword specs of the README's extract command: Label("Jenis", context="opd") is
# the message "Jenis" under the gettext context "opd"
KEYWORDS = {"t": None, "tn": (1, 1), "Label": {1: (1,), 2: (1, (2, "c"))}}


@cache
def english_catalogue() -> Catalog:
    with PO.open("rb") as source:
        return read_po(source, locale="en")


def _entries() -> list:
    """The entries ``t``/``tn`` look up: those without a context (``Label(context=...)``'s
    have the same msgid under a ``msgctxt`` and another English)."""
    return [m for m in english_catalogue() if m.id and m.context is None]


def english_messages() -> dict[str, str]:
    return {m.id[0] if m.pluralizable else m.id: m.string[1] if m.pluralizable else m.string
            for m in _entries()}


def english_singulars() -> dict[str, str]:
    return {m.id[0]: m.string[0] for m in _entries() if m.pluralizable}


@cache
def extracted() -> dict[tuple[str, str | None], str]:
    """Every message ``pybabel extract`` finds in desktop/, keyed by (msgid, context),
    with where it stands."""
    found: dict[tuple[str, str | None], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            ROOT / "desktop", keywords=KEYWORDS, comment_tags=()):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault((msgid, context), f"{filename}:{lineno}")
    return found
