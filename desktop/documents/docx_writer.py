"""The agreement as a Word file (DOCX): the PDF's document, for legal sections to amend.

Legal sections review and amend drafts in Word or LibreOffice, so "Simpan DOCX" and
``diskominfo-desk pdf ID -o naskah.docx`` write the same document as the reportlab PDF
(``desktop.documents.pdf``): every word comes from ``desktop.documents.wording`` on the
agreement as ``desktop.documents.naskah`` resolves it, and the layout decisions that
depend on measuring text (the komparisi's name column, the signature columns, the
Lampiran's columns) are the PDF builder's own. What Word adds is structure a reviewer can
use: the parts are named paragraph styles ("Judul Naskah", "Pasal", "Ayat", "Butir",
"Tanda Tangan", ...), so a legal section restyles every ayat at once, and the page numbers
are PAGE/NUMPAGES fields that stay right after an edit. Paper size and margins are the
office's document settings (``RenderOptions``); each party's original, where the settings
ask for one per party, is its own section numbered from 1.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from io import BytesIO
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desktop.documents.naskah import resolve
from desktop.documents.pdf import RenderOptions, _Builder, register_fonts, render_agreement
from desktop.documents.wording import (
    LAMPIRAN_COLUMNS,
    METERAI_TEXT,
    PAPER_MM,
    Article,
    Run,
    Wording,
    copy_label,
    letter,
    page_label,
    roman,
)

FONT_NAME = "DejaVu Sans"  # the PDF's bundled face; Word substitutes where it is missing
GREY = RGBColor(0x59, 0x59, 0x59)
HEADER_FILL = "E6E6E6"
log = logging.getLogger(__name__)
_PAGE, _TOTAL = "\x00PAGE\x00", "\x00TOTAL\x00"

# the successors of an element in its parent's schema sequence: Word refuses a file whose
# table or section properties are out of order, so new children are put in their place
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                        "w:tblDescription", "w:tblPrChange")
_TBLPR_AFTER_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_TCPR_AFTER_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                       "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
                       "w:cellMerge", "w:tcPrChange")
_SECTPR_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                       "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                       "w:printerSettings", "w:sectPrChange")


# ------------------------------------------------------------------ XML the API lacks
def _edges(tag: str, val: str, size: int = 4, color: str = "000000",
           edges: Sequence[str] = ("top", "left", "bottom", "right", "insideH", "insideV")
           ) -> Any:
    borders = OxmlElement(tag)
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), val)
        if val != "nil":
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), color)
        borders.append(element)
    return borders


def _table_borders(table: Table, val: str, size: int = 4, color: str = "000000") -> None:
    table._tbl.tblPr.insert_element_before(_edges("w:tblBorders", val, size, color),
                                           *_TBLPR_AFTER_BORDERS)


def _cell_borders(cell: _Cell, val: str, edges: Sequence[str]) -> None:
    cell._tc.get_or_add_tcPr().insert_element_before(_edges("w:tcBorders", val, edges=edges),
                                                     *_TCPR_AFTER_BORDERS)


def _cell_fill(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_TCPR_AFTER_BORDERS[1:])


def _table_margins(table: Table, left_pt: float, right_pt: float, top_pt: float = 0,
                   bottom_pt: float = 0) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge, points in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt),
                         ("right", right_pt)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(points * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *_TBLPR_AFTER_MARGINS)


def _row_flag(row: Any, tag: str) -> None:
    """w:cantSplit (a row never split over pages) or w:tblHeader (repeated on each page)."""
    element = OxmlElement(tag)
    row._tr.get_or_add_trPr().append(element)


def _field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A field (PAGE, NUMPAGES, SECTIONPAGES) that Word and LibreOffice update."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _fixed_widths(table: Table, widths_pt: Sequence[float]) -> None:
    """Column widths as the PDF measured them, for Word (tcW) and LibreOffice (gridCol)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_pt, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)


# ------------------------------------------------------------------ the document
class _DocxBuilder:
    """One agreement written into a python-docx Document, part by part as the PDF."""

    def __init__(self, agreement: Mapping[str, Any], office: Mapping[str, Any] | None,
                 options: RenderOptions, copy_pages: int = 1) -> None:
        self.o = options
        self.copy_pages = copy_pages  # shown until a word processor updates SECTIONPAGES
        self.layout = _Builder(agreement, office, options)  # the PDF's measured widths
        self.w: Wording = self.layout.w
        self.size = options.font_size
        self.doc: DocxDocument = Document()
        width_mm, height_mm = PAPER_MM.get(options.page_size.upper(), PAPER_MM["A4"])
        self.paper = (width_mm, height_mm)
        self.width_pt = (width_mm / 25.4 - 2 * options.margin_cm / 2.54) * 72
        self._styles()

    # -- styles
    def _style(self, name: str, base: str = "Normal", *, bold: bool = False,
               size: float | None = None, align: Any = None, left_cm: float = 0.0,
               first_cm: float = 0.0, before: float = 0.0, after: float | None = None,
               keep_next: bool = False, tab_cm: float | None = None) -> ParagraphStyle:
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles[base]
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

    def _styles(self) -> None:
        size = self.size
        normal = self.doc.styles["Normal"]
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
        self._style("Judul Naskah", bold=True, size=size + 1, align=center, after=0)
        self._style("Nomor Naskah", align=center, after=0)
        self._style("Komparisi", align=WD_ALIGN_PARAGRAPH.LEFT, after=3)
        self._style("Komparisi Baris", left_cm=0.9, first_cm=-0.9, tab_cm=0.9)
        self._style("Premis", left_cm=0.75, first_cm=-0.75, tab_cm=0.75)
        self._style("Pasal", bold=True, align=center, before=size * 1.1, after=0,
                    keep_next=True)
        self._style("Judul Pasal", bold=True, align=center, after=size * 0.5, keep_next=True)
        self._style("Ayat", left_cm=0.95, first_cm=-0.95, tab_cm=0.95)
        self._style("Ayat Tunggal")
        self._style("Butir", left_cm=1.65, first_cm=-0.7, after=size * 0.2, tab_cm=1.65)
        self._style("Butir Ayat Tunggal", left_cm=0.7, first_cm=-0.7, after=size * 0.2,
                    tab_cm=0.7)
        self._style("Penutup", before=size)
        sign = self._style("Tanda Tangan", align=center, after=0)
        sign.paragraph_format.line_spacing = Pt(round(size * 1.3, 1))
        self._style("Nama Penandatangan", "Tanda Tangan", bold=True)
        cell = self._style("Sel Tabel", size=size - 1.5, align=WD_ALIGN_PARAGRAPH.LEFT,
                           after=0)
        cell.paragraph_format.line_spacing = Pt(round((size - 1.5) * 1.3, 1))
        self._style("Kepala Tabel", "Sel Tabel", bold=True, align=center)
        footer = self._style("Kaki Halaman", size=size - 2, align=WD_ALIGN_PARAGRAPH.LEFT,
                             after=0)
        footer.paragraph_format.tab_stops.add_tab_stop(Pt(self.width_pt / 2),
                                                       WD_TAB_ALIGNMENT.CENTER)

    # -- writing helpers
    def para(self, text: str = "", style: str = "Normal", container: Any = None,
             runs: Sequence[Run] = ()) -> Paragraph:
        """A paragraph of plain text or runs; line breaks typed by a person kept."""
        where = container if container is not None else self.doc
        paragraph = where.add_paragraph(style=style)
        for chunk, bold in runs or [(text, False)]:
            lines = chunk.split("\n")
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if bold:
                    run.bold = True
                if index < len(lines) - 1:
                    run.add_break()
        return paragraph

    def cell_text(self, cell: _Cell, text: str, style: str, runs: Sequence[Run] = ()
                  ) -> Paragraph:
        """The cell's own first paragraph filled (a cell is never left with an extra one)."""
        paragraph = cell.paragraphs[0]
        paragraph.style = self.doc.styles[style]
        for chunk, bold in runs or [(text, False)]:
            run = paragraph.add_run(chunk)
            if bold:
                run.bold = True
        return paragraph

    # -- parts, in the PDF's order
    def logos(self) -> None:
        paths = list(self.o.logos)
        if not any(paths):
            return
        table = self.doc.add_table(rows=1, cols=len(paths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        shown = 0
        for cell, path in zip(table.rows[0].cells, paths, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if not path:
                continue
            try:
                paragraph.add_run().add_picture(str(path), height=Cm(2.3))
                shown += 1
            except Exception as exc:  # a moved or broken logo never stops the document
                log.warning("logo %s not usable: %s", path, exc)
        if not shown:
            table._tbl.getparent().remove(table._tbl)
            return
        _fixed_widths(table, [self.width_pt / len(paths)] * len(paths))
        self.para().paragraph_format.space_after = Pt(0.4 * 28.35)

    def title_block(self) -> None:
        self.logos()
        for line in self.w.title_lines():
            self.para(line, "Judul Naskah")
        lines = self.w.nomor_lines()
        for index, line in enumerate(lines):
            paragraph = self.para(line, "Nomor Naskah")
            if index == 0:
                paragraph.paragraph_format.space_before = Pt(0.35 * 28.35)
        paragraph.paragraph_format.space_after = Pt(0.6 * 28.35)

    def opening(self) -> None:
        self.para(self.w.opening())

    def komparisi(self) -> None:
        name_width = self.layout._name_width()
        inline = name_width > 0.3 * self.width_pt  # as the PDF: a long name on its line
        count = len(self.w.pihak)
        if inline:
            for index in range(count):
                name = self.para(runs=[(f"{roman(index)}.\t", False),
                                       (self.w.signature(index).nama, True)],
                                 style="Komparisi Baris")
                name.paragraph_format.space_after = Pt(0)
                name.paragraph_format.keep_with_next = True
                body = self.para(runs=self.w.komparisi(index), style="Komparisi Baris")
                body.paragraph_format.first_line_indent = Cm(0)
        elif count:
            table = self.doc.add_table(rows=count, cols=4)
            first = [0.9 * 28.35, max(name_width, 3.0 * 28.35), 0.45 * 28.35]
            _fixed_widths(table, [*first, self.width_pt - sum(first)])
            _table_margins(table, 0, 0)
            for index, row in enumerate(table.rows):
                cells = row.cells
                self.cell_text(cells[0], f"{roman(index)}.", "Komparisi")
                self.cell_text(cells[1], "", "Komparisi", [(self.w.signature(index).nama, True)])
                self.cell_text(cells[2], ":", "Komparisi")
                body = self.cell_text(cells[3], "", "Normal", self.w.komparisi(index))
                body.paragraph_format.space_after = Pt(3)
        self.para(runs=self.w.para_pihak()).paragraph_format.space_before = Pt(self.size * 0.4)

    def premises(self) -> None:
        premis = self.w.premis()
        if premis:
            self.para(runs=self.w.premis_intro())
            for index, text in enumerate(premis):
                self.para(f"{letter(index)}.\t{text}", "Premis")
        self.para(runs=self.w.agreed())

    def article(self, article: Article, keep: bool = False) -> None:
        paragraphs = [self.para(article.heading, "Pasal"), self.para(article.title, "Judul Pasal")]
        numbered = any(a.label for a in article.ayat)
        butir_style = "Butir" if numbered else "Butir Ayat Tunggal"
        for ayat in article.ayat:
            if ayat.label:
                paragraph = self.para(f"{ayat.label}\t{ayat.text}", "Ayat")
            else:
                paragraph = self.para(ayat.text, "Ayat Tunggal")
            if ayat.butir:
                paragraph.paragraph_format.keep_with_next = True  # "... meliputi:" not alone
            paragraphs.append(paragraph)
            for label, text in ayat.butir:
                paragraphs.append(self.para(f"{label}\t{text}", butir_style))
            if ayat.butir:
                paragraphs[-1].paragraph_format.space_after = Pt(self.size * 0.5)
        if keep:  # the last article moves with the closing and the signatures
            for paragraph in paragraphs:
                paragraph.paragraph_format.keep_with_next = True

    def meterai_box(self, cell: _Cell) -> None:
        """A dashed box, "Meterai Rp10.000" in grey, where a party signs over a meterai."""
        box = cell.add_table(rows=1, cols=1)
        box.alignment = WD_TABLE_ALIGNMENT.CENTER
        _table_borders(box, "dashed", 4, "595959")
        _fixed_widths(box, [2.6 * 28.35])
        box.rows[0].height = Cm(1.6)
        box.rows[0].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        inner = box.rows[0].cells[0]
        inner.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for index, word in enumerate(METERAI_TEXT.split(" ", 1)):
            paragraph = inner.paragraphs[0] if index == 0 else inner.add_paragraph()
            paragraph.style = self.doc.styles["Tanda Tangan"]
            paragraph.paragraph_format.line_spacing = Pt(self.size - 1)
            run = paragraph.add_run(word)
            run.font.size = Pt(self.size - 3)
            run.font.color.rgb = GREY
        spacer = cell.paragraphs[0]  # centres the box in the signing room
        spacer.paragraph_format.space_after = Pt(0.5 * 28.35)
        spacer.paragraph_format.line_spacing = Pt(1)

    def signatures(self, meterai_for: set[int], keep: bool) -> None:
        rows = self.w.sides()
        for number, cells in enumerate(rows):
            widths, name_style = self.layout._sign_layout(self.width_pt, list(cells))
            table = self.doc.add_table(rows=5, cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            _fixed_widths(table, widths)
            _table_margins(table, 4, 4)
            space = table.rows[2]
            space.height = Cm(2.7)
            space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
            for part, row in enumerate(table.rows):
                _row_flag(row, "w:cantSplit")
                for column, index in enumerate(cells):
                    cell = row.cells[column]
                    if index is None:
                        continue
                    sign = self.w.signature(index)
                    if part == 0:
                        self.cell_text(cell, sign.pihak, "Tanda Tangan")
                    elif part == 1:  # names line up under any jabatan
                        self.cell_text(cell, sign.jabatan, "Tanda Tangan")
                        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
                    elif part == 2:
                        cell.paragraphs[0].style = self.doc.styles["Tanda Tangan"]
                        if index in meterai_for:
                            self.meterai_box(cell)
                    elif part == 3:
                        name = self.cell_text(cell, sign.nama, "Nama Penandatangan")
                        if name_style.fontSize != self.layout.s.sign_name.fontSize:
                            for run in name.runs:
                                run.font.size = Pt(name_style.fontSize)
                    elif sign.extra:
                        first, *rest = sign.extra
                        self.cell_text(cell, first, "Tanda Tangan")
                        for line in rest:
                            self.para(line, "Tanda Tangan", container=cell)
                for paragraph in (p for c in row.cells for p in c.paragraphs):
                    if keep or part < 4:
                        paragraph.paragraph_format.keep_with_next = True
            if number < len(rows) - 1:
                self.para().paragraph_format.keep_with_next = keep

    def lampiran(self) -> None:
        rows = self.w.lampiran_rows(self.o.lampiran)
        if rows is None:
            return
        bold, nomor, tentang = self.w.lampiran_titles()
        first = self.para(bold[0], "Judul Naskah")
        first.paragraph_format.page_break_before = True
        for line in bold[1:]:
            self.para(line, "Judul Naskah")
        for line in nomor:
            self.para(line, "Nomor Naskah")
        self.para(tentang, "Judul Naskah").paragraph_format.space_after = Pt(0.7 * 28.35)
        self.para("RENCANA KERJA", "Judul Naskah").paragraph_format.space_after = \
            Pt(0.4 * 28.35)
        cells = self.w.lampiran_cells(rows)
        table = self.doc.add_table(rows=len(cells) + 1, cols=len(LAMPIRAN_COLUMNS))
        table.style = self.doc.styles["Table Grid"]
        _fixed_widths(table, self.layout._lampiran_widths(self.width_pt, rows))
        _table_margins(table, 5, 5, 3, 4)  # 1 pt less than the PDF's: a border's room
        header = table.rows[0]
        _row_flag(header, "w:tblHeader")
        for cell, heading in zip(header.cells, LAMPIRAN_COLUMNS, strict=True):
            self.cell_text(cell, heading, "Kepala Tabel")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _cell_fill(cell, HEADER_FILL)
        for row, texts in zip(table.rows[1:], cells, strict=True):
            _row_flag(row, "w:cantSplit")
            for cell, text in zip(row.cells, texts, strict=True):
                self.cell_text(cell, text, "Sel Tabel")
        # the parties sign the lampiran too (no meterai: it is part of the signed document)
        gap = self.para()
        gap.paragraph_format.space_before = Pt(0.8 * 28.35 - self.size * 1.4)
        gap.paragraph_format.keep_with_next = True
        self.signatures(set(), keep=True)

    def body(self, copy: int | None) -> None:
        self.title_block()
        self.opening()
        self.komparisi()
        self.premises()
        articles = self.w.articles()
        for article in articles[:-1]:
            self.article(article)
        if articles:
            self.article(articles[-1], keep=True)
        closing = self.para(self.w.closing(self.layout.meterai), "Penutup")
        closing.paragraph_format.keep_with_next = True
        closing.paragraph_format.space_after = Pt(0.5 * 28.35)
        self.signatures(self.w.meterai_for(self.layout.meterai, copy), keep=False)
        self.lampiran()

    # -- page furniture
    def page(self, section: Section, copy: int | None) -> None:
        width, height = self.paper
        section.page_width, section.page_height = Mm(width), Mm(height)
        margin = Cm(self.o.margin_cm)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        section.footer_distance = Cm(0.75)
        footer = section.footer
        footer.is_linked_to_previous = False
        for old in list(footer._element):
            footer._element.remove(old)
        if self.o.paraf and self.w.pihak:
            self.paraf(footer)
        total, shown = "NUMPAGES", "1"
        paragraph = footer.add_paragraph(style="Kaki Halaman")
        for old in section._sectPr.findall(qn("w:pgNumType")):  # a section break's copy
            section._sectPr.remove(old)
        if copy is not None:
            number = OxmlElement("w:pgNumType")  # each original is numbered from 1
            number.set(qn("w:start"), "1")
            section._sectPr.insert_element_before(number, *_SECTPR_AFTER_PGNUM)
            total, shown = "SECTIONPAGES", str(self.copy_pages)
            label = paragraph.add_run(copy_label(copy))
            label.font.size = Pt(self.size - 3.5)
            label.font.color.rgb = GREY
        paragraph.add_run("\t")
        before, rest = page_label(_PAGE, _TOTAL).split(_PAGE, 1)
        middle, after = rest.split(_TOTAL, 1)
        paragraph.add_run(before)
        _field(paragraph, "PAGE")
        paragraph.add_run(middle)
        _field(paragraph, total, shown)
        if after:
            paragraph.add_run(after)

    def paraf(self, footer: Any) -> None:
        """A paraf box for every party, bottom right, as on every PDF page."""
        count = len(self.w.pihak)
        table = footer.add_table(rows=2, cols=count + 1, width=Cm(1.7 * count + 1.2))
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT
        _fixed_widths(table, [1.2 * 28.35] + [1.7 * 28.35] * count)
        _table_borders(table, "single", 4, "595959")
        _table_margins(table, 2, 2)
        table.rows[1].height = Cm(1.0)
        table.rows[1].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        label_cells = [table.rows[0].cells[0], table.rows[1].cells[0]]
        for cell in label_cells:  # "Paraf" stands outside the boxes
            _cell_borders(cell, "nil", ("top", "left", "bottom"))
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

    def build(self) -> bytes:
        copies = len(self.w.pihak) if self.o.copies_per_party and len(self.w.pihak) > 1 \
            else 0
        for index in range(copies):  # one section per party's original
            if index:
                self.doc.add_section(WD_SECTION.NEW_PAGE)
            self.body(index)
        if not copies:
            self.body(None)
        for index, section in enumerate(self.doc.sections):
            self.page(section, index if copies else None)
        props = self.doc.core_properties
        props.title = f"{self.w.doc_name} tentang {self.w.a.get('judul') or ''}".strip()
        props.subject = self.w.doc_name
        props.author = str((self.layout.office or {}).get("nama") or "")
        props.language = "id-ID"
        props.comments = "Diskominfo Desk"
        buffer = BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_docx(agreement: Mapping[str, Any], *, office: Mapping[str, Any] | None = None,
                options: RenderOptions | None = None,
                parent: Mapping[str, Any] | None = None) -> bytes:
    """The agreement's DOCX as bytes: the same document as ``render_agreement``'s PDF.

    ``parent``: a PKS's KB, whose number, date and title its text refers to.
    """
    options = options or RenderOptions()
    register_fonts()  # the PDF's font metrics measure the columns
    resolved = resolve(agreement, parent).agreement
    parties = len(resolved.get("pihak") or [])
    copy_pages = 1
    if options.copies_per_party and parties > 1:
        # LibreOffice (7.4) shows SECTIONPAGES as stored, never updates it: store each
        # original's page count as the PDF lays it out; Word recounts on opening
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(render_agreement(agreement, office=office, options=options,
                                                  parent=parent))
        try:
            copy_pages = max(len(pdf) // parties, 1)
        finally:
            pdf.close()
    return _DocxBuilder(resolved, office, options, copy_pages).build()
