"""People's names with their titles and degrees (gelar), as Indonesian documents print them.

A signatory is written "Hj. Ratna Kusumawati, S.E., M.Si.": titles before the name
(Dr., Hj., H., Ir., Prof., dr., Drs.), the name, then academic degrees after the first
comma. House style puts the name in capitals in the komparisi and under the signature,
but the titles and degrees keep the case their holder writes them in: "M.Si." is not
"M.SI." and "dr." (physician) is not "DR." (doctorate). So only the name is capitalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Titles written before a name, lower-cased and without dots, as compared. Only titles
# whose case matters or that contain lower-case letters need to be here: a single capital
# initial ("M. Yusuf", "R. Soeprapto") prints the same either way.
PREFIX_TITLES = frozenset({
    "dr", "drs", "dra", "drg", "ir", "h", "hj", "prof", "kh", "k.h", "ny", "tn", "nn",
    "hc", "ust", "ustadz", "ustazah", "tgk", "tgh", "gus", "ra", "r.a", "r.ay", "rr",
    "apt", "ns", "bc",
})
_PREFIX_TOKEN = re.compile(r"^(?P<title>[A-Za-z][A-Za-z.]*?)\.?$")
# "(Purn.)", "(H.C.)" after a title belong to it
_BRACKETED = re.compile(r"^\([^)]*\)$")


@dataclass(frozen=True)
class NameParts:
    prefix: str  # "Prof. Dr. Ir. H." (may be empty)
    name: str    # "Ahmad Fauzi"
    suffix: str  # ", S.T., M.T." including the leading comma (may be empty)

    def joined(self, name: str | None = None) -> str:
        core = self.name if name is None else name
        return " ".join(p for p in (self.prefix, core) if p) + self.suffix


def _is_prefix_title(token: str) -> bool:
    if _BRACKETED.match(token):
        return True
    match = _PREFIX_TOKEN.match(token)
    if not match:
        return False
    bare = match.group("title").lower()
    return bare in PREFIX_TITLES or bare.replace(".", "") in PREFIX_TITLES


def split_name(full: str | None) -> NameParts:
    """Split "Prof. Dr. Hj. Siti Aminah, S.H., M.Hum." into titles, name and degrees.

    Degrees are everything after the first comma (Indonesian usage puts a comma before
    the first degree). Titles are the leading words found in ``PREFIX_TITLES``; the last
    word is always kept as the name, so "Dr. H." alone is not turned into no name at all.
    """
    text = re.sub(r"\s+", " ", str(full or "")).strip()
    if not text:
        return NameParts("", "", "")
    head, comma, tail = text.partition(",")
    suffix = f", {tail.strip()}" if comma and tail.strip() else ("," if comma else "")
    tokens = head.strip().split(" ")
    prefix: list[str] = []
    while len(tokens) > 1 and _is_prefix_title(tokens[0]):
        prefix.append(tokens.pop(0))
    return NameParts(" ".join(prefix), " ".join(tokens), suffix if head.strip() else "")


def name_in_capitals(full: str | None) -> str:
    """House style for a signatory: "Hj. RATNA KUSUMAWATI, S.E., M.Si." (only the name)."""
    parts = split_name(full)
    return parts.joined(parts.name.upper())
