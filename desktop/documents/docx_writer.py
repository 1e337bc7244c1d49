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

The builder here writes the parts in order; the named styles are in ``docx_styles``, the
paper, paraf boxes and footer in ``docx_page``, the XML python-docx lacks in ``docx_xml``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from io import BytesIO
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from desktop.documents.docx_page import GREY, lay_out_page
from desktop.documents.docx_styles import FONT_NAME, add_styles  # noqa: F401 (re-exported)
from desktop.documents.docx_xml import (
    cell_fill,
    fixed_widths,
    row_flag,
    table_borders,
    table_margins,
)
from desktop.documents.naskah import resolve
from desktop.documents.pdf import render_agreement
from desktop.documents.pdf_measure import AgreementMeasure
from desktop.documents.pdf_style import PdfStyles, RenderOptions, register_fonts
from desktop.documents.wording import (
    LAMPIRAN_COLUMNS,
    METERAI_TEXT,
    PAPER_MM,
    Article,
    Run,
    Wording,
    letter,
    roman,
)

HEADER_FILL = "E6E6E6"
log = logging.getLogger(__name__)


class _DocxBuilder:
    """One agreement written into a python-docx Document, part by part as the PDF."""

    def __init__(self, agreement: Mapping[str, Any], office: Mapping[str, Any] | None,
                 options: RenderOptions, copy_pages: int = 1) -> None:
        self.agreement = agreement
        self.office = office or {}
        self.options = options
        self.copy_pages = copy_pages  # shown until a word processor updates SECTIONPAGES
        self.wording = Wording(agreement, options.title_case_opening)
        # the PDF's measured widths, in the PDF's type
        self.measure = AgreementMeasure(self.wording, PdfStyles.make(options.font_size))
        self.meterai = self.wording.meterai(options.meterai)
        self.size = options.font_size
        self.doc: DocxDocument = Document()
        width_mm, height_mm = PAPER_MM.get(options.page_size.upper(), PAPER_MM["A4"])
        self.paper = (width_mm, height_mm)
        self.width_pt = (width_mm / 25.4 - 2 * options.margin_cm / 2.54) * 72
        add_styles(self.doc, self.size, self.width_pt)

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
        paths = list(self.options.logos)
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
        fixed_widths(table, [self.width_pt / len(paths)] * len(paths))
        self.para().paragraph_format.space_after = Pt(0.4 * 28.35)

    def title_block(self) -> None:
        self.logos()
        for line in self.wording.title_lines():
            self.para(line, "Judul Naskah")
        lines = self.wording.nomor_lines()
        for index, line in enumerate(lines):
            paragraph = self.para(line, "Nomor Naskah")
            if index == 0:
                paragraph.paragraph_format.space_before = Pt(0.35 * 28.35)
        paragraph.paragraph_format.space_after = Pt(0.6 * 28.35)

    def opening(self) -> None:
        self.para(self.wording.opening())

    def komparisi(self) -> None:
        name_width = self.measure.name_width()
        inline = name_width > 0.3 * self.width_pt  # as the PDF: a long name on its line
        count = len(self.wording.pihak)
        if inline:
            for index in range(count):
                name = self.para(runs=[(f"{roman(index)}.\t", False),
                                       (self.wording.signature(index).nama, True)],
                                 style="Komparisi Baris")
                name.paragraph_format.space_after = Pt(0)
                name.paragraph_format.keep_with_next = True
                body = self.para(runs=self.wording.komparisi(index), style="Komparisi Baris")
                body.paragraph_format.first_line_indent = Cm(0)
        elif count:
            table = self.doc.add_table(rows=count, cols=4)
            first = [0.9 * 28.35, max(name_width, 3.0 * 28.35), 0.45 * 28.35]
            fixed_widths(table, [*first, self.width_pt - sum(first)])
            table_margins(table, 0, 0)
            for index, row in enumerate(table.rows):
                cells = row.cells
                self.cell_text(cells[0], f"{roman(index)}.", "Komparisi")
                self.cell_text(cells[1], "", "Komparisi",
                               [(self.wording.signature(index).nama, True)])
                self.cell_text(cells[2], ":", "Komparisi")
                body = self.cell_text(cells[3], "", "Normal", self.wording.komparisi(index))
                body.paragraph_format.space_after = Pt(3)
        para_pihak = self.para(runs=self.wording.para_pihak())
        para_pihak.paragraph_format.space_before = Pt(self.size * 0.4)

    def premises(self) -> None:
        premis = self.wording.premis()
        if premis:
            self.para(runs=self.wording.premis_intro())
            for index, text in enumerate(premis):
                self.para(f"{letter(index)}.\t{text}", "Premis")
        self.para(runs=self.wording.agreed())

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
        table_borders(box, "dashed", 4, "595959")
        fixed_widths(box, [2.6 * 28.35])
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
        rows = self.wording.sides()
        for number, cells in enumerate(rows):
            widths, name_style = self.measure.sign_layout(self.width_pt, list(cells))
            table = self.doc.add_table(rows=5, cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            fixed_widths(table, widths)
            table_margins(table, 4, 4)
            space = table.rows[2]
            space.height = Cm(2.7)
            space.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
            for part, row in enumerate(table.rows):
                row_flag(row, "w:cantSplit")
                for column, index in enumerate(cells):
                    cell = row.cells[column]
                    if index is None:
                        continue
                    sign = self.wording.signature(index)
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
                        if name_style.fontSize != self.measure.styles.sign_name.fontSize:
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
        rows = self.wording.lampiran_rows(self.options.lampiran)
        if rows is None:
            return
        bold, nomor, tentang = self.wording.lampiran_titles()
        first = self.para(bold[0], "Judul Naskah")
        first.paragraph_format.page_break_before = True
        for line in bold[1:]:
            self.para(line, "Judul Naskah")
        for line in nomor:
            self.para(line, "Nomor Naskah")
        self.para(tentang, "Judul Naskah").paragraph_format.space_after = Pt(0.7 * 28.35)
        self.para("RENCANA KERJA", "Judul Naskah").paragraph_format.space_after = \
            Pt(0.4 * 28.35)
        cells = self.wording.lampiran_cells(rows)
        table = self.doc.add_table(rows=len(cells) + 1, cols=len(LAMPIRAN_COLUMNS))
        table.style = self.doc.styles["Table Grid"]
        fixed_widths(table, self.measure.lampiran_widths(self.width_pt, rows))
        table_margins(table, 5, 5, 3, 4)  # 1 pt less than the PDF's: a border's room
        header = table.rows[0]
        row_flag(header, "w:tblHeader")
        for cell, heading in zip(header.cells, LAMPIRAN_COLUMNS, strict=True):
            self.cell_text(cell, heading, "Kepala Tabel")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            cell_fill(cell, HEADER_FILL)
        for row, texts in zip(table.rows[1:], cells, strict=True):
            row_flag(row, "w:cantSplit")
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
        articles = self.wording.articles()
        for article in articles[:-1]:
            self.article(article)
        if articles:
            self.article(articles[-1], keep=True)
        closing = self.para(self.wording.closing(self.meterai), "Penutup")
        closing.paragraph_format.keep_with_next = True
        closing.paragraph_format.space_after = Pt(0.5 * 28.35)
        self.signatures(self.wording.meterai_for(self.meterai, copy), keep=False)
        self.lampiran()

    def build(self) -> bytes:
        parties = len(self.wording.pihak)
        copies = parties if self.options.copies_per_party and parties > 1 else 0
        for index in range(copies):  # one section per party's original
            if index:
                self.doc.add_section(WD_SECTION.NEW_PAGE)
            self.body(index)
        if not copies:
            self.body(None)
        for index, section in enumerate(self.doc.sections):
            lay_out_page(section, index if copies else None, options=self.options,
                         paper_mm=self.paper, parties=len(self.wording.pihak),
                         copy_pages=self.copy_pages)
        props = self.doc.core_properties
        props.title = f"{self.wording.doc_name} tentang {self.agreement.get('judul') or ''}".strip()
        props.subject = self.wording.doc_name
        props.author = str(self.office.get("nama") or "")
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
