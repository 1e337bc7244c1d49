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
import re
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
from desktop.documents.naskah import lampiran_references, resolve
from desktop.documents.tanggal import kalimat_tanggal, tanggal_panjang
from desktop.documents.terbilang import jumlah

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
F4 = (215 * mm, 330 * mm)
PAGE_SIZES = {"A4": A4, "F4": F4}
BLANK = "...."
NBSP = "\u00a0"
PARA_PIHAK = f"<b>PARA{NBSP}PIHAK</b>"
METERAI_TEXT = "Meterai Rp10.000"
ORDINALS = ("PERTAMA", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
            "KEDELAPAN", "KESEMBILAN", "KESEPULUH")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
DOCUMENT_NAMES = {"kb": "Kesepakatan Bersama", "pks": "Perjanjian Kerja Sama",
                  "addendum": "Adendum"}
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


def _val(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    return text or BLANK


def _upper(value: Any) -> str:
    """Upper-case before escaping, so "&amp;" never becomes "&AMP;"."""
    return esc(_val(value).upper())


def _person(value: Any) -> str:
    """A signatory in the house style: "Hj. RATNA KUSUMAWATI, S.E., M.Si." (escaped)."""
    text = "" if value is None else str(value).strip()
    return esc(name_in_capitals(text)) if text else BLANK


def pihak_label(index: int, nbsp: bool = False) -> str:
    """0 -> "PIHAK PERTAMA" (with a no-break space where a line must not split it)."""
    word = ORDINALS[index] if index < len(ORDINALS) else f"KE-{index + 1}"
    return f"PIHAK{NBSP if nbsp else ' '}{word}"


def _roman(index: int) -> str:
    return ROMAN[index] if index < len(ROMAN) else str(index + 1)


def _letter(index: int) -> str:
    """a, b, ..., z, then aa, bb, ... as legislative drafting numbers points."""
    letter = chr(ord("a") + index % 26)
    return letter * (index // 26 + 1)


def _join_and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + f", dan {items[-1]}"


def _ends(text: str, mark: str) -> str:
    """The text with its final punctuation replaced by ``mark``."""
    return re.sub(r"[\s;,.:]+$", "", text) + mark


_HEAD_OF_REGION = (("Kabupaten", "Bupati"), ("Kota", "Wali Kota"), ("Provinsi", "Gubernur"))


def _region_of(name: str) -> tuple[str, str] | None:
    """"Dinas ... Kabupaten Banyuwangi" -> ("Kabupaten Banyuwangi", "Bupati Banyuwangi")."""
    for prefix, head in _HEAD_OF_REGION:
        match = re.search(rf"\b{prefix}\s+(.+)$", name)
        if match:
            return f"{prefix} {match.group(1)}", f"{head} {match.group(1)}"
    return None


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
        self.drawCentredString(width / 2, 1.2 * cm, f"Halaman {page} dari {total}")
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
                                 f"PIHAK {_roman(index)}")
    canvas.restoreState()


# ------------------------------------------------------------------ the document
class _Builder:
    def __init__(self, agreement: Mapping[str, Any], office: Mapping[str, Any] | None,
                 options: RenderOptions) -> None:
        self.a = agreement
        self.office = office or {}
        self.o = options
        self.s = _Styles.make(options.font_size)
        self.pihak = list(agreement.get("pihak") or [])
        self.jenis = str(agreement.get("jenis") or "kb")
        self.doc_name = DOCUMENT_NAMES.get(self.jenis, "Kesepakatan Bersama")
        self.meterai = bool(agreement.get("meterai")) if options.meterai is None \
            else options.meterai

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

    def title_lines(self) -> list[str]:
        lines = [self.doc_name.upper(), "ANTARA"]
        names = [_upper(p.get("nama_instansi")) for p in self.pihak] or [BLANK, BLANK]
        for index, name in enumerate(names):
            if index == len(names) - 1 and index > 0:
                lines.append("DAN")
            lines.append(name + ("," if len(names) > 2 and index < len(names) - 2 else ""))
        lines += ["TENTANG", _upper(self.a.get("judul"))]
        return lines

    def title_block(self, width: float) -> list[Flowable]:
        out: list[Flowable] = [*self.logos(width)]
        out += [Paragraph(line, self.s.title) for line in self.title_lines()]
        out.append(Spacer(1, 0.35 * cm))
        for p in self.pihak or [{}]:
            out.append(Paragraph(f"NOMOR : {esc(_val(p.get('nomor_naskah')))}", self.s.center))
        out.append(Spacer(1, 0.6 * cm))
        return out

    # -- opening and komparisi
    def opening(self) -> Paragraph:
        signed = self.a.get("tanggal_ttd")
        title_case = self.o.title_case_opening
        if signed:
            words = kalimat_tanggal(signed, title_case=title_case)
            # "hari Kamis tanggal ..." -> "hari ini Kamis tanggal ..."
            day, rest = words.split(" ", 1)
            when = f"{day} {'Ini' if title_case else 'ini'} {rest}"
        else:
            when = f"hari ini {BLANK} tanggal {BLANK} bulan {BLANK} tahun {BLANK} ({BLANK})"
            if title_case:
                when = "Hari Ini .... Tanggal .... Bulan .... Tahun .... (....)"
        text = (f"Pada {esc(when)}, bertempat di {esc(_val(self.a.get('tempat_ttd')))}, "
                f"kami yang bertanda tangan di bawah ini:")
        return Paragraph(text, self.s.body)

    def _acting_for(self, p: Mapping[str, Any]) -> str:
        name = _val(p.get("nama_instansi"))
        kuasa = str(p.get("surat_kuasa_nomor") or "").strip()
        if not kuasa:
            return f"dalam hal ini bertindak dalam jabatannya untuk dan atas nama {esc(name)}"
        region = _region_of(name)
        pemda, grantor = (f"Pemerintah {region[0]}", region[1]) if region else (name, "")
        when = tanggal_panjang(p.get("surat_kuasa_tanggal")) or BLANK
        kuasa_of = f"Surat Kuasa {grantor}" if grantor else "Surat Kuasa"
        return (f"dalam hal ini bertindak untuk dan atas nama {esc(pemda)} berdasarkan "
                f"{esc(kuasa_of)} Nomor {esc(kuasa)} tanggal {esc(when)}")

    def komparisi(self, width: float) -> list[Flowable]:
        rows = []
        last = len(self.pihak) - 1
        name_style = ParagraphStyle("kn", parent=self.s.body, alignment=TA_LEFT)
        name_width = self._name_width()
        inline = name_width > 0.3 * width  # no room for a name column: name on its line
        inline_name = ParagraphStyle("kni", parent=self.s.indented(0.9 * cm, after=0),
                                     alignment=TA_LEFT, keepWithNext=1)
        inline_text = self.s.indented(0.9 * cm)
        out: list[Flowable] = []
        for index, p in enumerate(self.pihak):
            text = (f"{esc(_val(p.get('penandatangan_jabatan')))}, berkedudukan di "
                    f"{esc(_val(p.get('kedudukan')))}, {self._acting_for(p)}, selanjutnya "
                    f"disebut <b>{pihak_label(index)}</b>{'.' if index == last else ';'}")
            if inline:
                # "I.  Prof. Dr. Ir. H. ABDULLAH AZWAR, M.Sc." on its own line, the
                # description below it at the same indent
                name = _person(p.get("penandatangan_nama"))
                out.append(Paragraph(f"<b>{name}</b>", inline_name,
                                     bulletText=f"{_roman(index)}."))
                out.append(Paragraph(text, inline_text))
                continue
            rows.append([
                Paragraph(f"{_roman(index)}.", self.s.body),
                Paragraph(f"<b>{_person(p.get('penandatangan_nama'))}</b>", name_style),
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
        labels = [f"<b>{pihak_label(i)}</b>" for i in range(max(len(self.pihak), 2))]
        # justified like every other paragraph; the labels may break like any words, or a
        # two-line sentence would stretch its few spaces around an unbreakable "PARA PIHAK"
        out.append(Paragraph(f"{_join_and(labels)} secara bersama-sama disebut "
                             "<b>PARA PIHAK</b>.", self.s.body))
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
        premis = [str(p).strip() for p in self.a.get("premis") or [] if str(p).strip()]
        judul = esc(_val(self.a.get("judul")))
        out: list[Flowable] = []
        if premis:
            out.append(Paragraph(f"{PARA_PIHAK} terlebih dahulu menerangkan hal-hal sebagai "
                                 "berikut:", self.s.body))
            style = self.s.indented(0.75 * cm)
            for index, text in enumerate(premis):
                out.append(Paragraph(esc(_ends(text, ";")), style,
                                     bulletText=f"{_letter(index)}."))
            agree = (f"Berdasarkan pertimbangan sebagaimana tersebut di atas, {PARA_PIHAK} "
                     f"sepakat untuk mengadakan {self.doc_name} tentang {judul}, dengan "
                     f"ketentuan sebagai berikut:")
        else:
            agree = (f"{PARA_PIHAK} sepakat untuk mengadakan {self.doc_name} tentang "
                     f"{judul}, dengan ketentuan sebagai berikut:")
        out.append(Paragraph(agree, self.s.body))
        return out

    # -- articles
    def article(self, number: int, pasal: Mapping[str, Any]) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [
            Paragraph(f"Pasal {number}", ParagraphStyle("ps", parent=s.pasal,
                                                       spaceBefore=s.body.fontSize * 1.1)),
            Paragraph(_upper(pasal.get("judul")),
                      ParagraphStyle("ph", parent=s.pasal, spaceAfter=s.body.fontSize * 0.5)),
        ]
        ayat = [a for a in pasal.get("ayat") or [] if str(a.get("teks") or "").strip()
                or a.get("butir")]
        numbered = len(ayat) > 1  # an article of one paragraph has no "(1)"
        ayat_indent = 0.95 * cm if numbered else 0.0
        ayat_style = s.indented(ayat_indent)
        butir_style = s.indented(ayat_indent + 0.7 * cm, bullet=ayat_indent,
                                 after=s.body.fontSize * 0.2)
        for index, a in enumerate(ayat):
            text = esc(str(a.get("teks") or "").strip())
            butir = [b for b in a.get("butir") or [] if str(b.get("teks") or "").strip()]
            para = Paragraph(text, ayat_style,
                             bulletText=f"({index + 1})" if numbered else None)
            if butir:
                para.keepWithNext = 1  # "... meliputi:" never ends a page alone
            out.append(para)
            for bi, b in enumerate(butir):
                out.append(Paragraph(esc(str(b["teks"]).strip()), butir_style,
                                     bulletText=f"{_letter(bi)}."))
            if butir:
                out.append(Spacer(1, s.body.fontSize * 0.3))
        return out

    # -- closing and signatures
    def closing(self) -> Paragraph:
        copies = self.a.get("rangkap")
        try:
            copies_text = jumlah(int(copies)) if copies else BLANK
        except (TypeError, ValueError):
            copies_text = BLANK
        tail = ("masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama"
                if self.meterai else "yang masing-masing mempunyai kekuatan hukum yang sama")
        text = (f"Demikian {self.doc_name} ini dibuat dan ditandatangani pada hari, tanggal, "
                f"bulan, dan tahun sebagaimana tersebut di atas dalam rangkap {copies_text} "
                f"asli, {tail}.")
        return Paragraph(text, ParagraphStyle("cl", parent=self.s.body,
                                              spaceBefore=self.s.body.fontSize))

    def _sides(self) -> list[tuple[list[int], list[int]]]:
        """Party indexes in rows of (left, right), as each party's posisi_ttd says."""
        left, right, free = [], [], []
        for index, p in enumerate(self.pihak):
            side = p.get("posisi_ttd")
            (left if side == "kiri" else right if side == "kanan" else free).append(index)
        for index in free:
            (left if len(left) <= len(right) else right).append(index)
        rows = []
        for row in range(max(len(left), len(right))):
            rows.append(([left[row]] if row < len(left) else [],
                         [right[row]] if row < len(right) else []))
        return rows

    def _sign_layout(self, width: float, cells: Sequence[int | None]
                     ) -> tuple[list[float], ParagraphStyle]:
        """Column widths and the names' style for one row of signatures.

        Two halves while both names fit; else each side gets what its name needs when the
        two fit side by side; else both names are set a little smaller (the same size, not
        below 8 pt) in columns shared as they need, so no name is split over lines."""
        style = self.s.sign_name
        pad = 12.0
        need = [pdfmetrics.stringWidth(name_in_capitals(
            self.pihak[i].get("penandatangan_nama")) or BLANK, FONT_BOLD, style.fontSize)
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
        for left, right in self._sides():
            cells = [left[0] if left else None, right[0] if right else None]
            widths, name_style = self._sign_layout(width, cells)

            def cell(index: int | None, part: str,
                     name_style: ParagraphStyle = name_style) -> Any:
                if index is None:
                    return ""
                p = self.pihak[index]
                if part == "pihak":
                    return Paragraph(f"{pihak_label(index)},", s.sign)
                if part == "jabatan":
                    return Paragraph(_upper(p.get("penandatangan_jabatan")) + ",", s.sign)
                if part == "space":
                    return _SignatureSpace(2.7 * cm, index in meterai_for, s.body.fontSize)
                if part == "nama":
                    return Paragraph(_person(p.get("penandatangan_nama")), name_style)
                extra = []
                if part == "tambahan":
                    if str(p.get("penandatangan_pangkat") or "").strip():
                        extra.append(esc(str(p["penandatangan_pangkat"]).strip()))
                    if str(p.get("penandatangan_nip") or "").strip():
                        extra.append("NIP. " + esc(str(p["penandatangan_nip"]).strip()))
                return Paragraph("<br/>".join(extra), s.sign) if extra else ""

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
        """The rencana kerja, when there is one or an article refers to it: a document never
        points at a Lampiran it does not contain (an empty one prints visible blanks)."""
        rows = [r for r in self.a.get("lampiran") or []
                if any(str(v or "").strip() for k, v in r.items() if k != "id")]
        if not self.o.lampiran or not (rows or lampiran_references(self.a)):
            return []
        if not rows:
            rows = [{"kegiatan": BLANK, "penanggung_jawab": BLANK, "waktu": BLANK}]
        s = self.s
        names = [_upper(p.get("nama_instansi")) for p in self.pihak]
        head = [
            Paragraph("LAMPIRAN", s.title),
            Paragraph(f"{self.doc_name.upper()} ANTARA "
                      f"{_join_and(names).replace(' dan ', ' DAN ')}", s.title),
        ]
        head += [Paragraph(f"NOMOR : {esc(_val(p.get('nomor_naskah')))}", s.center)
                 for p in self.pihak]
        head += [Paragraph(f"TENTANG {_upper(self.a.get('judul'))}", s.title),
                 Spacer(1, 0.7 * cm), Paragraph("RENCANA KERJA", s.title),
                 Spacer(1, 0.4 * cm)]
        widths = self._lampiran_widths(width, rows)
        header = [Paragraph(h, ParagraphStyle("th", parent=s.cell_bold, alignment=TA_CENTER))
                  for h in ("No", "Kegiatan", "Penanggung Jawab", "Waktu", "Keterangan")]
        data: list[list[Any]] = [header]
        for index, row in enumerate(rows, start=1):
            data.append([Paragraph(f"{index}.", s.cell)] + [
                Paragraph(esc(str(row.get(key) or "").strip()), s.cell)
                for key in ("kegiatan", "penanggung_jawab", "waktu", "keterangan")])
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
        articles = [p for p in self.a.get("pasal") or []]
        blocks = [self.article(n, p) for n, p in enumerate(articles, start=1)]
        for block in blocks[:-1]:
            story += block
        if copy is None:
            meterai_for = set(range(len(self.pihak))) if self.meterai else set()
        else:  # each party signs over the meterai on the original the other party keeps
            meterai_for = {i for i in range(len(self.pihak)) if i != copy} \
                if self.meterai else set()
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
            labels.append(f"Naskah asli untuk {pihak_label(index)}")
    else:
        story = builder.story(doc.width, None)
    doc.build(story, canvasmaker=partial(_NumberedCanvas, footer_size=options.font_size - 2,
                                         copy_labels=labels))
    return buffer.getvalue()
