"""The agreement PDF's type: options, the bundled font, the paragraph styles, escaping.

Shared by the agreement (``desktop.documents.pdf``), its Word twin (which measures with
the same font metrics), the list report and the period report, so every document the
program prints sets the same DejaVu Sans the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core.resources import resource_path
from desktop.documents.wording import PAPER_MM, Run

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAGE_SIZES = {name: (w * mm, h * mm) for name, (w, h) in PAPER_MM.items()}
F4 = PAGE_SIZES["F4"]
GREY = colors.Color(0.35, 0.35, 0.35)
# tables default to Helvetica for plain-string cells; no text may fall back to it
TABLE_FONT = [("FONTNAME", (0, 0), (-1, -1), FONT)]



@dataclass
class RenderOptions:
    page_size: str = "A4"            # "A4" or "F4" (215 x 330 mm)
    margin_cm: float = 2.5
    font_size: float = 11.0
    title_case_opening: bool = False  # "Pada Hari Ini Kamis Tanggal Dua Puluh ..."
    logos: Sequence[str | Path | None] = ()  # one image per party, in party order
    paraf: bool = True               # paraf boxes for every party on every page
    meterai: bool | None = None      # None: as the agreement says
    copies_per_party: bool = False   # one original per party, meterai for the others
    lampiran: bool = True


# ------------------------------------------------------------------ fonts
@cache
def register_fonts() -> str:
    """Register the bundled DejaVu Sans (regular, bold) once; return the family name."""
    from reportlab.lib.fonts import addMapping

    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    # no oblique is bundled: <i> (never produced here) falls back to the upright faces
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT


# ------------------------------------------------------------------ text helpers
def esc(value: Any) -> str:
    """User text made safe for a Paragraph: markup characters print as typed."""
    text = "" if value is None else str(value)
    return escape(text).replace("\n", "<br/>")


def markup(runs: Sequence[Run]) -> str:
    """Runs of (text, bold) as Paragraph markup, every typed character escaped."""
    return "".join(f"<b>{esc(text)}</b>" if bold else esc(text) for text, bold in runs)


# ------------------------------------------------------------------ styles
@dataclass
class PdfStyles:
    body: ParagraphStyle
    center: ParagraphStyle
    title: ParagraphStyle
    pasal: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    sign: ParagraphStyle
    sign_name: ParagraphStyle

    @classmethod
    def make(cls, size: float) -> PdfStyles:
        lead = round(size * 1.4, 1)
        body = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=lead,
                              alignment=TA_JUSTIFY, spaceAfter=size * 0.4,
                              bulletFontName=FONT, bulletFontSize=size,
                              allowWidows=0, allowOrphans=0)
        center = ParagraphStyle("center", parent=body, alignment=TA_CENTER, spaceAfter=0)
        title = ParagraphStyle("title", parent=center, fontName=FONT_BOLD, fontSize=size + 1,
                               leading=round((size + 1) * 1.35, 1))
        pasal = ParagraphStyle("pasal", parent=center, fontName=FONT_BOLD, keepWithNext=1)
        small = ParagraphStyle("small", parent=body, fontSize=size - 1.5,
                               leading=round((size - 1.5) * 1.3, 1), alignment=TA_LEFT,
                               spaceAfter=0)
        cell_bold = ParagraphStyle("cell_bold", parent=small, fontName=FONT_BOLD)
        sign = ParagraphStyle("sign", parent=center, leading=round(size * 1.3, 1))
        sign_name = ParagraphStyle("sign_name", parent=sign, fontName=FONT_BOLD)
        return cls(body, center, title, pasal, small, small, cell_bold, sign, sign_name)

    def indented(self, left: float, bullet: float = 0.0, after: float | None = None
                 ) -> ParagraphStyle:
        return ParagraphStyle(
            f"ind{left:.0f}_{bullet:.0f}", parent=self.body, leftIndent=left,
            bulletIndent=bullet,
            spaceAfter=self.body.spaceAfter if after is None else after)


