"""The agreement as a PDF: a KB or PKS laid out as Indonesian regional governments sign it.

Rendered from the stored structure with reportlab Platypus (DOMAIN.md, "Layout of the
document"): title block, one NOMOR line per party, the opening with the date in words,
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
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
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

from desktop.core.names import name_in_capitals
from desktop.core.resources import resource_path
from desktop.documents.naskah import resolve
from desktop.documents.wording import (
    BLANK,
    DOCUMENT_NAMES,  # noqa: F401 (re-exported: the names of the documents)
    LAMPIRAN_COLUMNS,
    METERAI_TEXT,
    NBSP,  # noqa: F401
    PAPER_MM,
    Article,
    Run,
    Wording,
    copy_label,
    letter,
    page_label,
    roman,
)

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAGE_SIZES = {name: (w * mm, h * mm) for name, (w, h) in PAPER_MM.items()}
F4 = PAGE_SIZES["F4"]
GREY = colors.Color(0.35, 0.35, 0.35)
log = logging.getLogger(__name__)
# tables default to Helvetica for plain-string cells; no text may fall back to it
_TABLE_FONT = [("FONTNAME", (0, 0), (-1, -1), FONT)]


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
class _Styles:
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
    def make(cls, size: float) -> _Styles:
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


# ------------------------------------------------------------------ flowables
class _SignatureSpace(Flowable):
    """Room for signature and seal; with a dashed meterai box where one is stuck."""

    def __init__(self, height: float, meterai: bool, font_size: float) -> None:
        super().__init__()
        self.height = height
        self.meterai = meterai
        self.font_size = font_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        if not self.meterai:
            return
        c = self.canv
        w, h = 2.6 * cm, 1.6 * cm
        x = (self.width - w) / 2 - 1.2 * cm  # left of centre: the signature crosses it
        y = (self.height - h) / 2
        c.saveState()
        c.setStrokeColor(GREY)
        c.setFillColor(GREY)
        c.setDash(2, 2)
        c.setLineWidth(0.6)
        c.rect(x, y, w, h)
        size = self.font_size - 3
        c.setFont(FONT, size)
        first, second = METERAI_TEXT.split(" ", 1)
        c.drawCentredString(x + w / 2, y + h / 2 + 1.5, first)
        c.drawCentredString(x + w / 2, y + h / 2 - size - 0.5, second)
        c.restoreState()


class _CopyStart(Flowable):
    """Marks, on the canvas, which party's original the following pages belong to."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._desk_copy = self.index  # type: ignore[attr-defined]


class _NumberedCanvas(Canvas):
    """Writes "Halaman x dari y" once the page count (per original) is known."""

    def __init__(self, *args: Any, footer_size: float = 9, copy_labels: Sequence[str] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._desk_copy = 0
        self._footer_size = footer_size
        self._copy_labels = list(copy_labels)

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for state in self._pages:
            totals[state["_desk_copy"]] = totals.get(state["_desk_copy"], 0) + 1
        seen: dict[int, int] = {}
        for state in self._pages:
            self.__dict__.update(state)
            copy = self._desk_copy
            seen[copy] = seen.get(copy, 0) + 1
            self._footer(seen[copy], totals[copy], copy)
            super().showPage()
        super().save()

    def _footer(self, page: int, total: int, copy: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setFont(FONT, self._footer_size)
        self.setFillColor(colors.black)
        self.drawCentredString(width / 2, 1.2 * cm, page_label(page, total))
        if self._copy_labels:
            self.setFont(FONT, self._footer_size - 1.5)
            self.setFillColor(GREY)
            self.drawString(2.0 * cm, 1.2 * cm, self._copy_labels[copy])
        self.restoreState()


def _draw_paraf(canvas: Canvas, doc: BaseDocTemplate, *, parties: int) -> None:
    """A paraf box for every party, bottom right, on every page."""
    if parties <= 0:
        return
    width, _height = doc.pagesize
    box_w, box_h, label_h = 1.7 * cm, 1.0 * cm, 0.42 * cm
    right = width - doc.rightMargin
    left = right - parties * box_w
    bottom = 0.75 * cm
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(GREY)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 6.5)
    canvas.drawString(left - canvas.stringWidth("Paraf", FONT, 6.5) - 3,
                      bottom + box_h + label_h / 2 - 2.5, "Paraf")
    for index in range(parties):
        x = left + index * box_w
        canvas.rect(x, bottom, box_w, box_h + label_h)
        canvas.line(x, bottom + box_h, x + box_w, bottom + box_h)
        canvas.drawCentredString(x + box_w / 2, bottom + box_h + 3.5,
                                 f"PIHAK {roman(index)}")
    canvas.restoreState()


# ------------------------------------------------------------------ the document
class _Builder:
    def __init__(self, agreement: Mapping[str, Any], office: Mapping[str, Any] | None,
                 options: RenderOptions) -> None:
        self.a = agreement
        self.office = office or {}
        self.o = options
        self.s = _Styles.make(options.font_size)
        self.w = Wording(agreement, options.title_case_opening)
        self.pihak = self.w.pihak
        self.doc_name = self.w.doc_name
        self.meterai = self.w.meterai(options.meterai)

    # -- title block
    def logos(self, width: float) -> list[Flowable]:
        images = []
        for path in self.o.logos:
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
        table.setStyle(TableStyle([*_TABLE_FONT, ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return [table, Spacer(1, 0.4 * cm)]

    def title_block(self, width: float) -> list[Flowable]:
        out: list[Flowable] = [*self.logos(width)]
        out += [Paragraph(esc(line), self.s.title) for line in self.w.title_lines()]
        out.append(Spacer(1, 0.35 * cm))
        out += [Paragraph(esc(line), self.s.center) for line in self.w.nomor_lines()]
        out.append(Spacer(1, 0.6 * cm))
        return out

    # -- opening and komparisi
    def opening(self) -> Paragraph:
        return Paragraph(esc(self.w.opening()), self.s.body)

    def komparisi(self, width: float) -> list[Flowable]:
        rows = []
        name_style = ParagraphStyle("kn", parent=self.s.body, alignment=TA_LEFT)
        name_width = self._name_width()
        inline = name_width > 0.3 * width  # no room for a name column: name on its line
        inline_name = ParagraphStyle("kni", parent=self.s.indented(0.9 * cm, after=0),
                                     alignment=TA_LEFT, keepWithNext=1)
        inline_text = self.s.indented(0.9 * cm)
        out: list[Flowable] = []
        for index in range(len(self.pihak)):
            text = markup(self.w.komparisi(index))
            name = esc(self.w.signature(index).nama)
            if inline:
                # "I.  Prof. Dr. Ir. H. ABDULLAH AZWAR, M.Sc." on its own line, the
                # description below it at the same indent
                out.append(Paragraph(f"<b>{name}</b>", inline_name,
                                     bulletText=f"{roman(index)}."))
                out.append(Paragraph(text, inline_text))
                continue
            rows.append([
                Paragraph(f"{roman(index)}.", self.s.body),
                Paragraph(f"<b>{name}</b>", name_style),
                Paragraph(":", self.s.body),
                Paragraph(text, self.s.body),
            ])
        if rows:
            first_cols = [0.9 * cm, max(name_width, 3.0 * cm), 0.45 * cm]
            table = Table(rows, colWidths=[*first_cols, width - sum(first_cols)])
            table.setStyle(TableStyle([*_TABLE_FONT,
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
        out.append(Paragraph(markup(self.w.para_pihak()), self.s.body))
        return out

    def _name_width(self) -> float:
        """What the komparisi's name column needs for the longest name (bold) on one line.

        A column up to 30% of the line leaves the description room; a longer name goes
        on its own line above the description instead of wrapping in a narrow column."""
        size = self.s.body.fontSize
        widest = max((pdfmetrics.stringWidth(name_in_capitals(p.get("penandatangan_nama"))
                                             or BLANK, FONT_BOLD, size)
                      for p in self.pihak), default=0.0)
        return widest + 6

    def premises(self) -> list[Flowable]:
        premis = self.w.premis()
        out: list[Flowable] = []
        if premis:
            out.append(Paragraph(markup(self.w.premis_intro()), self.s.body))
            style = self.s.indented(0.75 * cm)
            out += [Paragraph(esc(text), style, bulletText=f"{letter(index)}.")
                    for index, text in enumerate(premis)]
        out.append(Paragraph(markup(self.w.agreed()), self.s.body))
        return out

    # -- articles
    def article(self, article: Article) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [
            Paragraph(article.heading, ParagraphStyle("ps", parent=s.pasal,
                                                      spaceBefore=s.body.fontSize * 1.1)),
            Paragraph(esc(article.title),
                      ParagraphStyle("ph", parent=s.pasal, spaceAfter=s.body.fontSize * 0.5)),
        ]
        numbered = any(a.label for a in article.ayat)
        ayat_indent = 0.95 * cm if numbered else 0.0
        ayat_style = s.indented(ayat_indent)
        butir_style = s.indented(ayat_indent + 0.7 * cm, bullet=ayat_indent,
                                 after=s.body.fontSize * 0.2)
        for a in article.ayat:
            para = Paragraph(esc(a.text), ayat_style, bulletText=a.label)
            if a.butir:
                para.keepWithNext = 1  # "... meliputi:" never ends a page alone
            out.append(para)
            out += [Paragraph(esc(text), butir_style, bulletText=label)
                    for label, text in a.butir]
            if a.butir:
                out.append(Spacer(1, s.body.fontSize * 0.3))
        return out

    # -- closing and signatures
    def closing(self) -> Paragraph:
        return Paragraph(esc(self.w.closing(self.meterai)),
                         ParagraphStyle("cl", parent=self.s.body, spaceBefore=self.s.body.fontSize))

    def _sign_layout(self, width: float, cells: Sequence[int | None]
                     ) -> tuple[list[float], ParagraphStyle]:
        """Column widths and the names' style for one row of signatures.

        Two halves while both names fit; else each side gets what its name needs when the
        two fit side by side; else both names are set a little smaller (the same size, not
        below 8 pt) in columns shared as they need, so no name is split over lines."""
        style = self.s.sign_name
        pad = 12.0
        need = [pdfmetrics.stringWidth(self.w.signature(i).nama, FONT_BOLD, style.fontSize)
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

    def signatures(self, width: float, meterai_for: set[int]) -> list[Flowable]:
        s = self.s
        tables: list[Flowable] = []
        for left, right in self.w.sides():
            cells = [left, right]
            widths, name_style = self._sign_layout(width, cells)

            def cell(index: int | None, part: str,
                     name_style: ParagraphStyle = name_style) -> Any:
                if index is None:
                    return ""
                sign = self.w.signature(index)
                if part == "pihak":
                    return Paragraph(esc(sign.pihak), s.sign)
                if part == "jabatan":
                    return Paragraph(esc(sign.jabatan), s.sign)
                if part == "space":
                    return _SignatureSpace(2.7 * cm, index in meterai_for, s.body.fontSize)
                if part == "nama":
                    return Paragraph(esc(sign.nama), name_style)
                return Paragraph("<br/>".join(esc(x) for x in sign.extra), s.sign) \
                    if sign.extra else ""

            data = [[cell(i, part) for i in cells]
                    for part in ("pihak", "jabatan", "space", "nama", "tambahan")]
            table = Table(data, colWidths=widths)
            table.setStyle(TableStyle([*_TABLE_FONT,
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
    def _lampiran_widths(self, width: float, rows: Sequence[Mapping[str, Any]]) -> list[float]:
        """No | Kegiatan | Penanggung Jawab | Waktu | Keterangan, from the content: the short
        columns as wide as their longest entry needs (within bounds), so "30 September
        2017" stays on one line; Kegiatan takes the rest."""
        size, pad = self.s.cell.fontSize, 14.0  # the cells' own padding is 6 + 6
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

    def lampiran(self, width: float) -> list[Flowable]:
        """The rencana kerja (``Wording.lampiran_rows`` says when), on its own page."""
        rows = self.w.lampiran_rows(self.o.lampiran)
        if rows is None:
            return []
        s = self.s
        bold, nomor, tentang = self.w.lampiran_titles()
        head = [Paragraph(esc(line), s.title) for line in bold]
        head += [Paragraph(esc(line), s.center) for line in nomor]
        head += [Paragraph(esc(tentang), s.title),
                 Spacer(1, 0.7 * cm), Paragraph("RENCANA KERJA", s.title),
                 Spacer(1, 0.4 * cm)]
        widths = self._lampiran_widths(width, rows)
        header = [Paragraph(h, ParagraphStyle("th", parent=s.cell_bold, alignment=TA_CENTER))
                  for h in LAMPIRAN_COLUMNS]
        data: list[list[Any]] = [header]
        data += [[Paragraph(esc(text), s.cell) for text in cells]
                 for cells in self.w.lampiran_cells(rows)]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*_TABLE_FONT,
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
            story.append(_CopyStart(copy))
        story += self.title_block(width)
        story.append(self.opening())
        story += self.komparisi(width)
        story += self.premises()
        blocks = [self.article(article) for article in self.w.articles()]
        for block in blocks[:-1]:
            story += block
        # on one party's original, the others sign over the meterai it keeps
        meterai_for = self.w.meterai_for(self.meterai, copy)
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
    builder = _Builder(agreement, office, options)
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
                                       onPage=partial(_draw_paraf, parties=parties))])
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
    doc.build(story, canvasmaker=partial(_NumberedCanvas, footer_size=options.font_size - 2,
                                         copy_labels=labels))
    return buffer.getvalue()
