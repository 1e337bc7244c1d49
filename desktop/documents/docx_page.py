"""The Word file's page furniture: paper and margins, the paraf boxes and the footer.

As on every PDF page (``desktop.documents.pdf_flowables``): a paraf box for every party
bottom right and "Halaman x dari y", here as PAGE/NUMPAGES fields that stay right after an
edit; each party's original is a section numbered from 1 with its label in the footer."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt, RGBColor

from desktop.documents.docx_xml import (
    SECTPR_AFTER_PGNUM,
    cell_borders,
    field,
    fixed_widths,
    table_borders,
    table_margins,
)
from desktop.documents.pdf_style import RenderOptions
from desktop.documents.wording import copy_label, page_label, roman

GREY = RGBColor(0x59, 0x59, 0x59)
_PAGE, _TOTAL = "\x00PAGE\x00", "\x00TOTAL\x00"


def lay_out_page(section: Section, copy: int | None, *, options: RenderOptions,
                 paper_mm: tuple[float, float], parties: int, copy_pages: int) -> None:
    """Paper, margins and footer of one section (``copy``: whose original it is)."""
    width, height = paper_mm
    size = options.font_size
    section.page_width, section.page_height = Mm(width), Mm(height)
    margin = Cm(options.margin_cm)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    section.footer_distance = Cm(0.75)
    footer = section.footer
    footer.is_linked_to_previous = False
    for old in list(footer._element):
        footer._element.remove(old)
    if options.paraf and parties:
        paraf_boxes(footer, parties)
    total, shown = "NUMPAGES", "1"
    paragraph = footer.add_paragraph(style="Kaki Halaman")
    for old in section._sectPr.findall(qn("w:pgNumType")):  # a section break's copy
        section._sectPr.remove(old)
    if copy is not None:
        number = OxmlElement("w:pgNumType")  # each original is numbered from 1
        number.set(qn("w:start"), "1")
        section._sectPr.insert_element_before(number, *SECTPR_AFTER_PGNUM)
        total, shown = "SECTIONPAGES", str(copy_pages)
        label = paragraph.add_run(copy_label(copy))
        label.font.size = Pt(size - 3.5)
        label.font.color.rgb = GREY
    paragraph.add_run("\t")
    before, rest = page_label(_PAGE, _TOTAL).split(_PAGE, 1)
    middle, after = rest.split(_TOTAL, 1)
    paragraph.add_run(before)
    field(paragraph, "PAGE")
    paragraph.add_run(middle)
    field(paragraph, total, shown)
    if after:
        paragraph.add_run(after)


def paraf_boxes(footer: Any, count: int) -> None:
    """A paraf box for every party, bottom right, as on every PDF page."""
    table = footer.add_table(rows=2, cols=count + 1, width=Cm(1.7 * count + 1.2))
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    fixed_widths(table, [1.2 * 28.35] + [1.7 * 28.35] * count)
    table_borders(table, "single", 4, "595959")
    table_margins(table, 2, 2)
    table.rows[1].height = Cm(1.0)
    table.rows[1].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    label_cells = [table.rows[0].cells[0], table.rows[1].cells[0]]
    for cell in label_cells:  # "Paraf" stands outside the boxes
        cell_borders(cell, "nil", ("top", "left", "bottom"))
    for column in range(count + 1):
        text = "Paraf" if column == 0 else f"PIHAK {roman(column - 1)}"
        paragraph = table.rows[0].cells[column].paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if column == 0 \
            else WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(8)
        run = paragraph.add_run(text)
        run.font.size = Pt(6.5)
        run.font.color.rgb = GREY
    for cell in table.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
