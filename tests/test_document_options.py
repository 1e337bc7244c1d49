"""Document settings -> RenderOptions: the same for the CLI and the window."""

from __future__ import annotations

from pathlib import Path

from agreement_samples import kb

from desktop.core.settings import (
    COPIES_PER_PARTY,
    OFFICE_LOGO,
    PAGE_SIZE,
    TITLE_CASE_OPENING,
    Settings,
)
from desktop.documents.options import office_party_index, render_options

# the smallest valid PNG (1 x 1 pixel)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea7d6a5"
    "5a0000000049454e44ae426082")


def _settings(tmp_path: Path, **values: object) -> Settings:
    settings = Settings(tmp_path / "settings.ini")
    for setting, value in values.items():
        settings.set({"page": PAGE_SIZE, "title": TITLE_CASE_OPENING,
                      "copies": COPIES_PER_PARTY, "logo": OFFICE_LOGO}[setting], value)
    settings.save()
    return Settings(tmp_path / "settings.ini")  # read back from the file


def test_defaults_are_a4_lowercase_one_copy_no_logo(tmp_path: Path) -> None:
    options = render_options(kb(), None, Settings(tmp_path / "none.ini"))
    assert (options.page_size, options.title_case_opening, options.copies_per_party) == \
        ("A4", False, False)
    assert list(options.logos) == []


def test_booleans_survive_the_file_both_ways(tmp_path: Path) -> None:
    assert _settings(tmp_path, title=True, copies=False).get(TITLE_CASE_OPENING) is True
    assert _settings(tmp_path, title=False).get(TITLE_CASE_OPENING) is False
    assert "title_case_opening = false" in (tmp_path / "settings.ini").read_text()


def test_the_logo_goes_over_the_office_party(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    agreement = kb()
    second = agreement["pihak"][1]["region_kode"]
    settings = _settings(tmp_path, logo=str(logo), page="f4")
    options = render_options(agreement, {"region_kode": second}, settings)
    assert office_party_index(agreement, {"region_kode": second}) == 1
    assert list(options.logos) == [None, logo]
    assert options.page_size == "F4"


def test_a_missing_logo_file_or_unknown_paper_falls_back(tmp_path: Path) -> None:
    settings = _settings(tmp_path, logo=str(tmp_path / "hilang.png"), page="Letter")
    options = render_options(kb(), None, settings)
    assert list(options.logos) == []
    assert options.page_size == "A4"
