"""How this office prints its agreements: the document settings turned into RenderOptions.

One place for the CLI and the window, so ``diskominfo-desk pdf`` and "Simpan PDF" give
the same document.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.core.settings import (
    COPIES_PER_PARTY,
    OFFICE_LOGO,
    PAGE_SIZE,
    TITLE_CASE_OPENING,
    Settings,
    current,
)
from desktop.documents.pdf import PAGE_SIZES, RenderOptions


def office_party_index(agreement: Mapping[str, Any], office: Mapping[str, Any] | None) -> int:
    """Which party is this office: the one in the office's region, else the first."""
    region = (office or {}).get("region_kode")
    for index, party in enumerate(agreement.get("pihak") or []):
        if region and party.get("region_kode") == region:
            return index
    return 0


def render_options(agreement: Mapping[str, Any], office: Mapping[str, Any] | None,
                   settings: Settings | None = None) -> RenderOptions:
    """The office's document settings for this agreement (logo over the office's party)."""
    settings = settings or current()
    logo = str(settings.get(OFFICE_LOGO) or "").strip()
    logos: list[str | Path | None] = []
    if logo and Path(logo).expanduser().is_file():
        logos = [None] * max(len(agreement.get("pihak") or []), 1)
        logos[office_party_index(agreement, office)] = Path(logo).expanduser()
    page_size = str(settings.get(PAGE_SIZE) or "A4").upper()
    return RenderOptions(
        page_size=page_size if page_size in PAGE_SIZES else "A4",
        title_case_opening=bool(settings.get(TITLE_CASE_OPENING)),
        copies_per_party=bool(settings.get(COPIES_PER_PARTY)),
        logos=logos,
    )
