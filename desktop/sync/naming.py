"""Names of datasets in the catalog, derived from the local record so creates are idempotent.

CKAN rejects a client-chosen ``id`` from non-sysadmins, so the ``name`` is the only handle
we control at create time: a slug of the title plus a short suffix from the local UUID.
A retried create then meets "That URL is already in use." for *our* dataset, which the
engine recognises by the suffix (and the ``desk_id`` extra) and adopts.
"""

from __future__ import annotations

import re
import unicodedata

NAME_MAX = 100
SUFFIX_LENGTH = 8


def slugify(text: str, max_length: int) -> str:
    """ASCII lowercase words joined by ``-``: accents folded, everything else dropped."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def name_suffix(local_id: str) -> str:
    """A short, stable piece of the local UUID (hex only, so always a valid name part)."""
    return re.sub(r"[^0-9a-f]", "", local_id.lower())[:SUFFIX_LENGTH] or "0" * SUFFIX_LENGTH


def package_name(local_id: str, title: str) -> str:
    """``<title-slug>-<suffix>``, within CKAN's 2-100 characters of ``[a-z0-9_-]``."""
    suffix = name_suffix(local_id)
    slug = slugify(title, NAME_MAX - SUFFIX_LENGTH - 1) or "dataset"
    return f"{slug}-{suffix}"


def is_our_name(name: str, local_id: str) -> bool:
    """Whether a taken name is the one this record would have made (any title)."""
    return name.endswith(f"-{name_suffix(local_id)}")
