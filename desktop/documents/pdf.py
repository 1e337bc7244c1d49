"""The agreement as a PDF: a KB or PKS laid out as Indonesian regional governments sign it.

Rendered from the stored structure with reportlab Platypus, in the order of a signed
naskah: title block, one NOMOR line per party, the opening with the date in words,
komparisi, premises, articles, the closing formula kept together with the signature
table, the lampiran rencana kerja on its own page, signed by the parties like the document.
The text printed is the agreement's as ``desktop.documents.naskah`` resolves it: template
placeholders filled from the record's current fields. Names are printed as their holders
write them, the house style's capitals only on the name, never on the degrees
(``desktop.core.names``), and their columns are as wide as the names need while there is
room, so a name does not wrap. Paraf boxes are drawn on every page
by the page template and "Halaman x dari y" by a canvas that knows the page count once
the story is laid out (one pass). Every text a person typed is escaped: Paragraph parses
markup, and ``<b>`` or ``&`` in a title must print as typed. The bundled DejaVu Sans
prints any name, whatever the OS fonts.

The builder here puts the parts in order; the type (options, font, styles) is in
``pdf_style``, the widths measured from the text in ``pdf_measure`` (shared with the Word
file), the drawn furniture (signature room, paraf boxes, page numbers) in ``pdf_flowables``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.documents.naskah import resolve
from desktop.documents.pdf_flowables import CopyStart, NumberedCanvas, SignatureSpace, draw_paraf
from desktop.documents.pdf_measure import AgreementMeasure
from desktop.documents.pdf_style import (  # noqa: F401 (re-exported: where documents look)
    F4,
    FONT,
    FONT_BOLD,
    GREY,
    PAGE_SIZES,
    TABLE_FONT,
    PdfStyles,
    RenderOptions,
    esc,
    markup,
    register_fonts,
)
from desktop.documents.wording import (
    DOCUMENT_NAMES,  # noqa: F401 (re-exported: the names of the documents)
    LAMPIRAN_COLUMNS,
    NBSP,  # noqa: F401
    Article,
    Wording,
    copy_label,
    letter,
    roman,
)

log = logging.getLogger(__name__)


# ------------------------------------------------------------------ the document
class _PdfBuilder:
    """One agreement as reportlab flowables, part by part in the order it is signed."""

    def __init__(self, agreement: Mapping[str, Any], office: Mapping[str, Any] | None,
                 options: RenderOptions) -> None:
        self.agreement = agreement
        self.office = office or {}
        self.options = options
        self.styles = PdfStyles.make(options.font_size)
        self.wording = Wording(agreement, options.title_case_opening)
        self.measure = AgreementMeasure(self.wording, self.styles)
        self.pihak = self.wording.pihak
        self.doc_name = self.wording.doc_name
        self.meterai = self.wording.meterai(options.meterai)

    # -- title block
    def logos(self, width: float) -> list[Flowable]:
        images = []
        for path in self.options.logos:
            try:
                iw, ih = ImageReader(str(path)).getSize() if path else (0, 0)
            except OSError as exc:  # a moved logo file must not stop the document
                log.warning("logo %s not usable: %s", path, exc)
                iw = ih = 0
            if not iw or not ih:
                images.append("")
                continue
            height = 2.3 * cm
            images.append(Image(str(path), width=height * iw / ih, height=height))
        if not any(images):
            return []
        if len(images) == 1:
            table = Table([images], colWidths=[width])
        else:
            table = Table([images], colWidths=[width / len(images)] * len(images))
        table.setStyle(TableStyle([*TABLE_FONT, ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return [table, Spacer(1, 0.4 * cm)]

    def title_block(self, width: float) -> list[Flowable]:
        out: list[Flowable] = [*self.logos(width)]
        out += [Paragraph(esc(line), self.styles.title) for line in self.wording.title_lines()]
        out.append(Spacer(1, 0.35 * cm))
        out += [Paragraph(esc(line), self.styles.center) for line in self.wording.nomor_lines()]
        out.append(Spacer(1, 0.6 * cm))
        return out

    # -- opening and komparisi
    def opening(self) -> Paragraph:
        return Paragraph(esc(self.wording.opening()), self.styles.body)

    def komparisi(self, width: float) -> list[Flowable]:
        rows = []
        name_style = ParagraphStyle("kn", parent=self.styles.body, alignment=TA_LEFT)
        name_width = self.measure.name_width()
        inline = name_width > 0.3 * width  # no room for a name column: name on its line
        inline_name = ParagraphStyle("kni", parent=self.styles.indented(0.9 * cm, after=0),
                                     alignment=TA_LEFT, keepWithNext=1)
        inline_text = self.styles.indented(0.9 * cm)
        out: list[Flowable] = []
        for index in range(len(self.pihak)):
            text = markup(self.wording.komparisi(index))
            name = esc(self.wording.signature(index).nama)
            if inline:
                # "I.  Prof. Dr. Ir. H. ABDULLAH AZWAR, M.Sc." on its own line, the
                # description below it at the same indent
                out.append(Paragraph(f"<b>{name}</b>", inline_name,
                                     bulletText=f"{roman(index)}."))
                out.append(Paragraph(text, inline_text))
                continue
            rows.append([
                Paragraph(f"{roman(index)}.", self.styles.body),
                Paragraph(f"<b>{name}</b>", name_style),
                Paragraph(":", self.styles.body),
                Paragraph(text, self.styles.body),
            ])
        if rows:
            first_cols = [0.9 * cm, max(name_width, 3.0 * cm), 0.45 * cm]
            table = Table(rows, colWidths=[*first_cols, width - sum(first_cols)])
            table.setStyle(TableStyle([*TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 0), (1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]))
            out.append(table)
        # justified like every other paragraph; the labels may break like any words, or a
        # two-line sentence would stretch its few spaces around an unbreakable "PARA PIHAK"
        out.append(Paragraph(markup(self.wording.para_pihak()), self.styles.body))
        return out

    def premises(self) -> list[Flowable]:
        premis = self.wording.premis()
        out: list[Flowable] = []
        if premis:
            out.append(Paragraph(markup(self.wording.premis_intro()), self.styles.body))
            style = self.styles.indented(0.75 * cm)
            out += [Paragraph(esc(text), style, bulletText=f"{letter(index)}.")
                    for index, text in enumerate(premis)]
        out.append(Paragraph(markup(self.wording.agreed()), self.styles.body))
        return out

    # -- articles
    def article(self, article: Article) -> list[Flowable]:
        styles = self.styles
        out: list[Flowable] = [
            Paragraph(article.heading, ParagraphStyle("ps", parent=styles.pasal,
                                                      spaceBefore=styles.body.fontSize * 1.1)),
            Paragraph(esc(article.title),
                      ParagraphStyle("ph", parent=styles.pasal,
                                     spaceAfter=styles.body.fontSize * 0.5)),
        ]
        numbered = any(ayat.label for ayat in article.ayat)
        ayat_indent = 0.95 * cm if numbered else 0.0
        ayat_style = styles.indented(ayat_indent)
        butir_style = styles.indented(ayat_indent + 0.7 * cm, bullet=ayat_indent,
                                    after=styles.body.fontSize * 0.2)
        for ayat in article.ayat:
            para = Paragraph(esc(ayat.text), ayat_style, bulletText=ayat.label)
            if ayat.butir:
                para.keepWithNext = 1  # "... meliputi:" never ends a page alone
            out.append(para)
            out += [Paragraph(esc(text), butir_style, bulletText=label)
                    for label, text in ayat.butir]
            if ayat.butir:
                out.append(Spacer(1, styles.body.fontSize * 0.3))
        return out

    # -- closing and signatures
    def closing(self) -> Paragraph:
        return Paragraph(esc(self.wording.closing(self.meterai)),
                         ParagraphStyle("cl", parent=self.styles.body,
                                        spaceBefore=self.styles.body.fontSize))

    def signatures(self, width: float, meterai_for: set[int]) -> list[Flowable]:
        styles = self.styles
        tables: list[Flowable] = []
        for left, right in self.wording.sides():
            cells = [left, right]
            widths, name_style = self.measure.sign_layout(width, cells)

            def cell(index: int | None, part: str,
                     name_style: ParagraphStyle = name_style) -> Any:
                if index is None:
                    return ""
                sign = self.wording.signature(index)
                if part == "pihak":
                    return Paragraph(esc(sign.pihak), styles.sign)
                if part == "jabatan":
                    return Paragraph(esc(sign.jabatan), styles.sign)
                if part == "space":
                    return SignatureSpace(2.7 * cm, index in meterai_for, styles.body.fontSize)
                if part == "nama":
                    return Paragraph(esc(sign.nama), name_style)
                return Paragraph("<br/>".join(esc(x) for x in sign.extra), styles.sign) \
                    if sign.extra else ""

            data = [[cell(i, part) for i in cells]
                    for part in ("pihak", "jabatan", "space", "nama", "tambahan")]
            table = Table(data, colWidths=widths)
            table.setStyle(TableStyle([*TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),  # names line up under any jabatan
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]))
            tables += [table, Spacer(1, 0.5 * cm)]
        return tables[:-1]

    # -- lampiran
    def lampiran(self, width: float) -> list[Flowable]:
        """The rencana kerja (``Wording.lampiran_rows`` says when), on its own page."""
        rows = self.wording.lampiran_rows(self.options.lampiran)
        if rows is None:
            return []
        styles = self.styles
        bold, nomor, tentang = self.wording.lampiran_titles()
        head = [Paragraph(esc(line), styles.title) for line in bold]
        head += [Paragraph(esc(line), styles.center) for line in nomor]
        head += [Paragraph(esc(tentang), styles.title),
                 Spacer(1, 0.7 * cm), Paragraph("RENCANA KERJA", styles.title),
                 Spacer(1, 0.4 * cm)]
        widths = self.measure.lampiran_widths(width, rows)
        header = [Paragraph(h, ParagraphStyle("th", parent=styles.cell_bold, alignment=TA_CENTER))
                  for h in LAMPIRAN_COLUMNS]
        data: list[list[Any]] = [header]
        data += [[Paragraph(esc(text), styles.cell) for text in cells]
                 for cells in self.wording.lampiran_cells(rows)]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*TABLE_FONT,
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        # the parties sign the lampiran too (no meterai: it is part of the signed document)
        signed = [Spacer(1, 0.8 * cm), *self.signatures(width, set())]
        return [PageBreak(), *head, table, KeepTogether(signed)]

    # -- everything
    def story(self, width: float, copy: int | None) -> list[Flowable]:
        story: list[Flowable] = []
        if copy is not None:
            story.append(CopyStart(copy))
        story += self.title_block(width)
        story.append(self.opening())
        story += self.komparisi(width)
        story += self.premises()
        blocks = [self.article(article) for article in self.wording.articles()]
        for block in blocks[:-1]:
            story += block
        # on one party's original, the others sign over the meterai it keeps
        meterai_for = self.wording.meterai_for(self.meterai, copy)
        # The last article, the closing formula and the signatures move together, so the
        # signatures never stand alone on a page. Should the group not fit on one page it
        # splits, and then keepWithNext still holds the closing sentence to the signature
        # table. (A KeepTogether inside a KeepTogether would not do: it reports a huge
        # height to force its split, which always pushes the outer one to a new page.)
        ending: list[Flowable] = [self.closing(), Spacer(1, 0.5 * cm),
                                  *self.signatures(width, meterai_for)]
        for flowable in ending[:-1]:
            flowable.keepWithNext = 1
        story.append(KeepTogether([*(blocks[-1] if blocks else []), *ending]))
        story += self.lampiran(width)
        return story


def render_agreement(agreement: Mapping[str, Any], *, office: Mapping[str, Any] | None = None,
                     options: RenderOptions | None = None,
                     parent: Mapping[str, Any] | None = None) -> bytes:
    """The agreement's PDF as bytes (A4, DejaVu Sans, "Halaman x dari y", paraf boxes).

    ``parent``: a PKS's KB, whose number, date and title its text refers to.
    """
    options = options or RenderOptions()
    register_fonts()
    agreement = resolve(agreement, parent).agreement
    builder = _PdfBuilder(agreement, office, options)
    pagesize = PAGE_SIZES.get(options.page_size.upper(), A4)
    margin = options.margin_cm * cm
    buffer = BytesIO()
    title = f"{builder.doc_name} tentang {agreement.get('judul') or ''}".strip()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=margin, title=title, author=str((office or {}).get("nama") or ""),
        subject=builder.doc_name, creator="Diskominfo Desk", lang="id-ID",
        initialFontName=FONT, initialFontSize=options.font_size,  # no stray Helvetica
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    parties = len(builder.pihak) if options.paraf else 0
    doc.addPageTemplates([PageTemplate(id="naskah", frames=[frame],
                                       onPage=partial(draw_paraf, parties=parties))])
    story: list[Flowable] = []
    labels: list[str] = []
    if options.copies_per_party and len(builder.pihak) > 1:
        for index in range(len(builder.pihak)):
            if index:
                story.append(PageBreak())
            story += builder.story(doc.width, index)
            labels.append(copy_label(index))
    else:
        story = builder.story(doc.width, None)
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_size=options.font_size - 2,
                                         copy_labels=labels))
    return buffer.getvalue()
