"""The palette's colours are readable: every pair the program paints meets WCAG AA, in
the light and in the dark scheme (4.5:1 for text, 3:1 for borders, focus rings, marks)."""

from __future__ import annotations

import pytest

from desktop.ui.palette import (
    CONTRAST_PAIRS,
    PALETTES,
    Palette,
    chart_pairs,
    contrast,
    token_names,
)


def test_the_contrast_ratio_is_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the famous near miss
    assert contrast("#767676", "#ffffff") >= 4.5


@pytest.mark.parametrize("scheme", sorted(PALETTES))
def test_every_declared_pair_meets_its_contrast(scheme: str) -> None:
    palette = PALETTES[scheme]  # type: ignore[index]
    failures = [f"{fg} on {bg}: {contrast(getattr(palette, fg), getattr(palette, bg)):.2f} "
                f"< {least}" for fg, bg, least in CONTRAST_PAIRS
                if contrast(getattr(palette, fg), getattr(palette, bg)) < least]
    assert failures == []


@pytest.mark.parametrize("scheme", sorted(PALETTES))
def test_every_chart_colour_stands_out_from_the_chart(scheme: str) -> None:
    palette = PALETTES[scheme]  # type: ignore[index]
    for index, bg, least in chart_pairs():
        assert contrast(palette.chart[index], getattr(palette, bg)) >= least, index


def test_both_schemes_declare_every_token_and_the_pairs_name_real_tokens() -> None:
    names = set(token_names())
    for fg, bg, _least in CONTRAST_PAIRS:
        assert fg in names and bg in names
    for palette in PALETTES.values():
        assert isinstance(palette, Palette)
        for name in names:
            value = getattr(palette, name)
            assert value.startswith("#") and len(value) == 7, (name, value)
    assert len(PALETTES["light"].chart) == len(PALETTES["dark"].chart)
    # text colours really differ between the schemes (a dark scheme is not a copy)
    assert PALETTES["light"].text != PALETTES["dark"].text
    assert contrast(PALETTES["dark"].text, PALETTES["dark"].surface) > 10


def test_no_colour_is_written_outside_the_palette() -> None:
    """Every colour comes from a token: a hex value or an RGB QColor written in a window
    module would be one the contrast test never sees (and one the dark scheme forgets)."""
    import re
    from pathlib import Path

    import desktop.ui

    ui = Path(desktop.ui.__file__).parent
    written = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\d|rgba?\(\s*\d")
    found = [f"{path.relative_to(ui)}:{number}: {line.strip()}"
             for path in sorted(ui.rglob("*.py")) if path.name != "palette.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if written.search(line)]
    assert found == []
