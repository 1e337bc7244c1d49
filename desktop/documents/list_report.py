"""A list, as shown (filter and sort), as a printable A4 landscape report.

Offices file printed registers and hand them to inspectors, so the printout must say on
its own what it is: whose office, which list, which filter, when it was printed, and
"Halaman x dari y" on every page, with the column header repeated at the top of each.

Built for long lists: rows come from the database a batch at a time; a cell becomes a
(costly) Paragraph only when its text needs wrapping, otherwise it stays a plain string;
and the table is a ``LongTable``, which measures rows only as far as a page needs, where
a plain ``Table`` re-measures every remaining row at each page break (quadratic).
Every text a person typed is escaped before it reaches a Paragraph, so ``<b>`` or ``&``
in a name prints as typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from desktop.core.export import batches, describe_query
from desktop.core.formatting import display, long_date, number
from desktop.core.i18n import t, tn
from desktop.core.jobs import Progress
from desktop.core.services import ListQuery, RecordService
from desktop.documents.pdf import FONT, FONT_BOLD, esc, register_fonts

PAGE = landscape(A4)
MARGIN = 1.5 * cm
FOOTER_Y = 0.8 * cm
FONT_SIZE = 8.0
LEADING = 10.0
PADDING = 3.0
CELL_LIMIT = 1500  # characters; a cell taller than a page cannot be laid out at all
HEADER_FILL = colors.Color(0.18, 0.29, 0.42)
ZEBRA = colors.Color(0.93, 0.95, 0.97)
RULE = colors.Color(0.75, 0.78, 0.82)
GREY = colors.Color(0.35, 0.35, 0.35)


class FooterCanvas(Canvas):
    """Writes the footer once the page count is known (the story is laid out once)."""

    def __init__(self, *args: Any, footer_left: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer_left = footer_left

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for page, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._footer(page, total)
            super().showPage()
        super().save()

    def _footer(self, page: int, total: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(GREY)
        self.drawString(MARGIN, FOOTER_Y, self._footer_left)
        self.setFillColor(colors.black)
        self.drawRightString(width - MARGIN, FOOTER_Y,
                             t("Halaman {page} dari {total}", page=page, total=total))
        self.restoreState()


def report_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("cell", fontName=FONT, fontSize=FONT_SIZE, leading=LEADING)
    return {
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD,
                               textColor=colors.white),
        "office": ParagraphStyle("office", fontName=FONT_BOLD, fontSize=12, leading=15),
        "address": ParagraphStyle("address", fontName=FONT, fontSize=8.5, leading=11,
                                  textColor=GREY),
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=15, leading=19,
                                spaceBefore=8, spaceAfter=3),
        "meta": ParagraphStyle("meta", fontName=FONT, fontSize=9, leading=12),
    }


class Rule(Flowable):
    """A thin line under the office header, across the frame."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 4

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 2, self.width, 2)


def _fit_widths(natural: Sequence[float], minimum: Sequence[float], avail: float
                ) -> list[float]:
    """Column widths filling ``avail``: proportional when everything fits; otherwise the
    widest columns are capped at one common width (short columns keep what they need)."""
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    total = sum(natural)
    if total <= avail:
        return [n * avail / total for n in natural]
    low, high = 0.0, max(natural)
    for _ in range(40):
        cap = (low + high) / 2
        if sum(max(min(n, cap), m) for n, m in zip(natural, minimum, strict=True)) > avail:
            high = cap
        else:
            low = cap
    widths = [max(min(n, low), m) for n, m in zip(natural, minimum, strict=True)]
    scale = avail / sum(widths)  # the minimums alone may already be too wide
    return [w * scale for w in widths] if scale < 1 else widths


def _text_width(text: str, font: str = FONT) -> float:
    return max((stringWidth(line, font, FONT_SIZE) for line in text.split("\n")), default=0.0)


def render_list_report(service: RecordService, query: ListQuery,
                       office: Mapping[str, Any] | None, title: str | None = None,
                       progress: Progress | None = None) -> bytes:
    """The rows the query matches, in its order, as PDF bytes (A4 landscape)."""
    styles = report_styles()
    kind = service.kind
    columns = kind.columns
    title = title or str(kind.plural)
    ids = service.ids(query)
    avail = PAGE[0] - 2 * MARGIN
    chunks = batches(service, ids, progress)
    first = next(chunks, [])

    # widths from the headers and the first batch: measuring every row would mean
    # holding the whole list twice
    headers = [t("No."), *(str(c.label) for c in columns)]
    number_width = stringWidth(str(len(ids) or 1), FONT, FONT_SIZE) + 2 * PADDING + 4
    natural = [max(number_width, _text_width(headers[0], FONT_BOLD) + 2 * PADDING)]
    minimum = [natural[0]]
    numeric: list[bool] = []
    for column, header in zip(columns, headers[1:], strict=True):
        values = [row.get(column.key) for row in first]
        texts = [display(v, column.choices)[:200] for v in values]
        widest = max((_text_width(x) for x in texts), default=0.0)
        head_words = max(_text_width(w, FONT_BOLD) for w in header.split())
        natural.append(max(widest, _text_width(header, FONT_BOLD)) + 2 * PADDING)
        minimum.append(max(min(head_words, 3 * cm), 1.6 * cm) + 2 * PADDING)
        numeric.append(column.choices is None and bool(values) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in values if v is not None
        ) and any(v is not None for v in values))
    widths = _fit_widths(natural, minimum, avail)

    head_right = ParagraphStyle("head_right", parent=styles["head"], alignment=TA_RIGHT)
    data: list[list[Any]] = [[
        Paragraph(esc(h), head_right if i == 0 or numeric[i - 1] else styles["head"])
        for i, h in enumerate(headers)
    ]]
    cell_style = styles["cell"]

    def cell(text: str, width: float) -> Any:
        if len(text) > CELL_LIMIT:
            text = text[:CELL_LIMIT] + "…"
        if "\n" not in text and stringWidth(text, FONT, FONT_SIZE) <= width - 2 * PADDING:
            return text  # a plain cell is never parsed as markup: no escaping needed
        return Paragraph(esc(text), cell_style)

    def add(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            line: list[Any] = [str(len(data))]
            for index, column in enumerate(columns, 1):
                line.append(cell(display(row.get(column.key), column.choices), widths[index]))
            data.append(line)

    add(first)
    for rows in chunks:
        add(rows)

    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
    ]
    style += [("ALIGN", (i + 1, 1), (i + 1, -1), "RIGHT")
              for i, is_number in enumerate(numeric) if is_number]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))

    story: list[Flowable] = []
    if office:
        story.append(Paragraph(esc(office.get("nama") or ""), styles["office"]))
        if office.get("alamat"):
            story.append(Paragraph(esc(office["alamat"]), styles["address"]))
        story += [Spacer(1, 3), Rule()]
    story.append(Paragraph(esc(title), styles["title"]))
    printed = long_date(date.today())
    story.append(Paragraph(esc(t("Filter: {description}",
                                 description=describe_query(kind, query, service.db))),
                           styles["meta"]))
    story.append(Paragraph(esc(tn("Dicetak {date} · {count} baris", len(ids), date=printed,
                                  count=number(len(ids)))), styles["meta"]))
    story += [Spacer(1, 8), table]

    buffer = BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN + 0.3 * cm, title=title,
                          author=(office or {}).get("nama") or "Diskominfo Desk",
                          creator="Diskominfo Desk")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="list", frames=[frame])])
    footer_left = " · ".join(x for x in ((office or {}).get("nama"), title, printed) if x)

    def canvasmaker(*args: Any, **kwargs: Any) -> FooterCanvas:
        return FooterCanvas(*args, footer_left=footer_left, **kwargs)

    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
