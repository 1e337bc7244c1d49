"""The agreement's measured layout: column widths that depend on how wide the text prints.

The komparisi's name column, the signature columns and the Lampiran's columns are worked
out from DejaVu Sans's metrics, once, here: the PDF (``desktop.documents.pdf``) lays its
tables out with them and the Word file (``desktop.documents.docx_writer``) gives its
tables the same widths, so the two documents break their names and dates alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics

from desktop.core.names import name_in_capitals
from desktop.documents.pdf_style import FONT, FONT_BOLD, PdfStyles
from desktop.documents.wording import BLANK, Wording


class AgreementMeasure:
    """Widths for one agreement's tables in its wording and type size."""

    def __init__(self, wording: Wording, styles: PdfStyles) -> None:
        self.wording = wording
        self.styles = styles

    def name_width(self) -> float:
        """What the komparisi's name column needs for the longest name (bold) on one line.

        A column up to 30% of the line leaves the description room; a longer name goes
        on its own line above the description instead of wrapping in a narrow column."""
        size = self.styles.body.fontSize
        widest = max((pdfmetrics.stringWidth(name_in_capitals(p.get("penandatangan_nama"))
                                             or BLANK, FONT_BOLD, size)
                      for p in self.wording.pihak), default=0.0)
        return widest + 6

    def sign_layout(self, width: float, cells: Sequence[int | None]
                    ) -> tuple[list[float], ParagraphStyle]:
        """Column widths and the names' style for one row of signatures.

        Two halves while both names fit; else each side gets what its name needs when the
        two fit side by side; else both names are set a little smaller (the same size, not
        below 8 pt) in columns shared as they need, so no name is split over lines."""
        style = self.styles.sign_name
        pad = 12.0
        need = [pdfmetrics.stringWidth(self.wording.signature(i).nama, FONT_BOLD,
                                       style.fontSize)
                + pad if i is not None else 0.0 for i in cells]
        half = width / 2
        if max(need) <= half:
            return [half, half], style
        if sum(need) <= width:
            wide = 0 if need[0] > need[1] else 1
            widths = [0.0, 0.0]
            widths[wide] = need[wide]
            widths[1 - wide] = width - need[wide]
            return widths, style
        text = sum(need) - pad * 2
        size = max(8.0, int(style.fontSize * (width - pad * 2) / text * 4) / 4)
        share = [n / sum(need) * width for n in need]
        smaller = ParagraphStyle(f"{style.name}_{size}", parent=style, fontSize=size,
                                 leading=max(style.leading * size / style.fontSize, size * 1.2))
        return share, smaller

    def lampiran_widths(self, width: float, rows: Sequence[Mapping[str, Any]]) -> list[float]:
        """No | Kegiatan | Penanggung Jawab | Waktu | Keterangan, from the content: the short
        columns as wide as their longest entry needs (within bounds), so "30 September
        2017" stays on one line; Kegiatan takes the rest."""
        size, pad = self.styles.cell.fontSize, 14.0  # the cells' own padding is 6 + 6
        # (heading's longest word, upper bound): a heading word is never split
        bounds = {"penanggung_jawab": ("Penanggung", 3.2 * cm), "waktu": ("Waktu", 4.0 * cm),
                  "keterangan": ("Keterangan", 4.0 * cm)}
        short = []
        for key, (heading, high) in bounds.items():
            low = pdfmetrics.stringWidth(heading, FONT_BOLD, size) + pad
            longest = max((pdfmetrics.stringWidth(str(r.get(key) or "").strip(), FONT, size)
                           for r in rows), default=0.0)
            short.append(min(max(longest + pad, low), high))
        number = 1.0 * cm
        rest = width - number - sum(short)
        if rest < 5.0 * cm:  # Kegiatan keeps room; the short columns give it back evenly
            scale = (width - number - 5.0 * cm) / sum(short)
            short = [w * scale for w in short]
            rest = 5.0 * cm
        return [number, rest, *short]
