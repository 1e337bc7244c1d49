"""The design tokens: one palette per scheme (light, dark), one spacing and one type scale.

Every colour the program paints comes from here, by meaning (``bad``, ``text_muted``),
never by value, so that the light and the dark scheme are each chosen once and checked
once: ``CONTRAST_PAIRS`` names every foreground/background pair the style sheet, the
row tints and the charts use, and ``tests/gui/test_palette.py`` computes the WCAG
contrast ratio of each in both schemes (4.5:1 for text, 3:1 for large text, borders,
focus rings and chart marks). This module is pure Python on purpose: the ratios are
arithmetic, testable without a display, and the style sheet and QPalette are built
from it in ``desktop.ui.style``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme, by what they mean (hex ``#rrggbb``)."""

    surface: str  # window background: pages, dialogs, the side bar
    surface_alt: str  # content background: fields, lists, tables, tiles, charts
    raised: str  # buttons and the header of a table
    stripe: str  # every other table row (decorative, never the only cue)
    text: str  # body text on any of the three surfaces
    text_muted: str  # captions, counts, hints: still body-text contrast
    accent: str  # selection and the current navigation entry
    on_accent: str  # text on ``accent``
    link: str  # links and link-like buttons
    ok: str  # good: up to date, in force, succeeded (text and marks)
    warn: str  # due soon, waiting: text (4.5:1)
    warn_mark: str  # due soon, waiting: a fill or an edge (amber, 3:1; ``warn`` is brown)
    bad: str  # late, failed, a field error (text and marks)
    info: str  # neutral figures, notes
    neutral: str  # "no schedule", "other": a mark that means nothing in particular
    border: str  # the frame of an input, a button, a chip: must be seen (3:1)
    divider: str  # grid lines and separators (decorative)
    focus: str  # the focus ring (3:1 against every surface)
    warn_bg: str  # a row tint: needs attention (text stays readable on it)
    bad_bg: str  # a row tint: an error in this row
    tooltip: str  # tooltip background
    chart: tuple[str, ...]  # series colours, in order, for charts without meaning


LIGHT = Palette(
    surface="#f3f5f7",
    surface_alt="#ffffff",
    raised="#e8ecf0",
    stripe="#f6f8fa",
    text="#1b1f24",
    text_muted="#4f5965",
    accent="#1c5fb0",
    on_accent="#ffffff",
    link="#1659a8",
    ok="#1d7030",
    warn="#8a5300",
    warn_mark="#c27c0e",
    bad="#b3261e",
    info="#1c5fb0",
    neutral="#6e7781",
    border="#7b8591",
    divider="#d5dae0",
    focus="#1c5fb0",
    warn_bg="#fff0c7",
    bad_bg="#fde4e1",
    tooltip="#ffffff",
    chart=("#1c5fb0", "#00796b", "#5b8a1e", "#b86e00", "#c2410c", "#8e24aa", "#4a57b5",
           "#0e7c86", "#6e7781"),
)

DARK = Palette(
    surface="#1d2126",
    surface_alt="#252a30",
    raised="#323840",
    stripe="#2a2f36",
    text="#e7eaee",
    text_muted="#aab3bd",
    accent="#3574c9",
    on_accent="#ffffff",
    link="#8cbcff",
    ok="#6fcf85",
    warn="#f2c14e",
    warn_mark="#f2c14e",
    bad="#ff8a80",
    info="#8cbcff",
    neutral="#9aa4ae",
    border="#7f8a96",
    divider="#3a4049",
    focus="#7db4ff",
    warn_bg="#4a3c14",
    bad_bg="#552a2a",
    tooltip="#323840",
    chart=("#6ea8ff", "#4dc3b3", "#9ccc65", "#f2c14e", "#ff9e57", "#ce93d8", "#9fa8ff",
           "#4fc3d7", "#9aa4ae"),
)

PALETTES: dict[Scheme, Palette] = {"light": LIGHT, "dark": DARK}

# Spacing scale (px): every margin, padding and gap is one of these.
SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 4, 8, 12, 16, 24

# Type scale (pt). Body text is the system font at the size the user's desktop sets (9 or
# 10 pt, never forced: it is their accessibility setting, and the screen-fit test measures
# every label at it); above it: small print (captions, errors), the side bar, a record's
# title, the page title, and the big figure on a Beranda tile.
FONT_SMALL, FONT_NAV, FONT_TITLE, FONT_PAGE_TITLE, FONT_FIGURE = 9, 11, 13, 16, 20

BODY, LARGE, MARK = 4.5, 3.0, 3.0  # WCAG AA: body text, large text, non-text indicators
TEXT_SURFACES = ("surface", "surface_alt", "raised", "stripe")

# (foreground token, background token, least ratio): every pair the program paints.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    *((fg, bg, BODY) for fg in ("text", "text_muted") for bg in TEXT_SURFACES),
    *((fg, bg, BODY) for fg in ("ok", "warn", "bad", "info", "link")
      for bg in ("surface", "surface_alt")),
    ("on_accent", "accent", BODY),
    ("text", "warn_bg", BODY),
    ("text", "bad_bg", BODY),
    ("text_muted", "warn_bg", BODY),
    ("text", "tooltip", BODY),
    *((mark, bg, MARK) for mark in ("border", "focus", "ok", "warn", "warn_mark", "bad", "info",
                                     "neutral", "accent") for bg in ("surface", "surface_alt")),
    ("focus", "raised", MARK),
)


def chart_pairs() -> tuple[tuple[int, str, float], ...]:
    """Each chart colour (by index) against the chart's background: marks, 3:1."""
    return tuple((index, "surface_alt", MARK) for index in range(len(LIGHT.chart)))


def token_names() -> list[str]:
    return [f.name for f in fields(Palette) if f.name != "chart"]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def with_alpha(colour: str, alpha: float) -> str:
    """``rgba(...)`` for a style sheet: a token made translucent (hover, pressed)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {round(alpha * 255)})"
