"""The catalog's own words inside our messages: quoted as such, explained when well known.

CKAN answers in English (or in whatever language the portal runs). Passing its text on
bare inside an Indonesian sentence reads as if the application said it; so the text is
always set in «guillemets», and the few messages every office meets (a name already
taken, a missing value) get a plain explanation in the user's language in front of it.
"""

from __future__ import annotations

import re

from desktop.core.i18n import current_language, t

MAX_QUOTED = 300


def quote(text: str) -> str:
    """The catalog's text as a quotation, shortened if it is a whole page."""
    text = re.sub(r"\s*[\r\n\t]+\s*", " ", str(text)).strip()  # as said, on one line
    if len(text) > MAX_QUOTED:
        text = text[: MAX_QUOTED - 1] + "…"
    return f"«{text}»"


def known_meaning(text: str) -> str | None:
    """Our words for a well-known CKAN message, or None."""
    plain = text.strip().rstrip(".").lower()
    if plain == "that url is already in use":
        return t("alamat dataset ini sudah dipakai dataset lain di katalog")
    if plain == "missing value":
        return t("wajib diisi")
    if plain == "organization does not exist":
        return t("organisasi tidak ada di katalog")
    if plain.startswith("must be purely lowercase alphanumeric"):
        return t("hanya boleh huruf kecil, angka, - dan _")
    if plain.startswith("not found"):
        return t("tidak ditemukan")
    return None


def explain(text: str) -> str:
    """``text`` quoted; preceded by its meaning in Indonesian when it is a known one
    (in English the catalog's words speak for themselves)."""
    meaning = known_meaning(text) if current_language() != "en" else None
    return f"{meaning} ({quote(text)})" if meaning else quote(text)
