"""The Word file's named paragraph styles ("Judul Naskah", "Pasal", "Ayat", ...).

A legal section restyles every ayat at once by changing its style, so each part of the
agreement is written in a style of its own, sized and spaced as the PDF sets it
(``desktop.documents.pdf_style``)."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle

FONT_NAME = "DejaVu Sans"  # the PDF's bundled face; Word substitutes where it is missing


def add_style(doc: DocxDocument, name: str, base: str = "Normal", *, bold: bool = False,
              size: float | None = None, align: Any = None, left_cm: float = 0.0,
              first_cm: float = 0.0, before: float = 0.0, after: float | None = None,
              keep_next: bool = False, tab_cm: float | None = None) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    style.font.bold = bold
    if size is not None:
        style.font.size = Pt(size)
        style.paragraph_format.line_spacing = Pt(round(size * 1.35, 1))
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.left_indent = Cm(left_cm)
    fmt.first_line_indent = Cm(first_cm)
    fmt.space_before = Pt(before)
    if after is not None:  # else the body's space after a paragraph
        fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    if tab_cm is not None:
        fmt.tab_stops.add_tab_stop(Cm(tab_cm))
    return style


def add_styles(doc: DocxDocument, size: float, width_pt: float) -> None:
    """Normal as the PDF's body text, and every part's style on it."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(size)
    fonts = normal.element.rPr.rFonts  # the same face for every script
    for attribute in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT_NAME)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.line_spacing = Pt(round(size * 1.4, 1))
    fmt.space_after = Pt(size * 0.4)
    fmt.widow_control = True
    center = WD_ALIGN_PARAGRAPH.CENTER
    add_style(doc, "Judul Naskah", bold=True, size=size + 1, align=center, after=0)
    add_style(doc, "Nomor Naskah", align=center, after=0)
    add_style(doc, "Komparisi", align=WD_ALIGN_PARAGRAPH.LEFT, after=3)
    add_style(doc, "Komparisi Baris", left_cm=0.9, first_cm=-0.9, tab_cm=0.9)
    add_style(doc, "Premis", left_cm=0.75, first_cm=-0.75, tab_cm=0.75)
    add_style(doc, "Pasal", bold=True, align=center, before=size * 1.1, after=0,
              keep_next=True)
    add_style(doc, "Judul Pasal", bold=True, align=center, after=size * 0.5, keep_next=True)
    add_style(doc, "Ayat", left_cm=0.95, first_cm=-0.95, tab_cm=0.95)
    add_style(doc, "Ayat Tunggal")
    add_style(doc, "Butir", left_cm=1.65, first_cm=-0.7, after=size * 0.2, tab_cm=1.65)
    add_style(doc, "Butir Ayat Tunggal", left_cm=0.7, first_cm=-0.7, after=size * 0.2,
              tab_cm=0.7)
    add_style(doc, "Penutup", before=size)
    sign = add_style(doc, "Tanda Tangan", align=center, after=0)
    sign.paragraph_format.line_spacing = Pt(round(size * 1.3, 1))
    add_style(doc, "Nama Penandatangan", "Tanda Tangan", bold=True)
    cell = add_style(doc, "Sel Tabel", size=size - 1.5, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    cell.paragraph_format.line_spacing = Pt(round((size - 1.5) * 1.3, 1))
    add_style(doc, "Kepala Tabel", "Sel Tabel", bold=True, align=center)
    footer = add_style(doc, "Kaki Halaman", size=size - 2, align=WD_ALIGN_PARAGRAPH.LEFT,
                       after=0)
    footer.paragraph_format.tab_stops.add_tab_stop(Pt(width_pt / 2), WD_TAB_ALIGNMENT.CENTER)
