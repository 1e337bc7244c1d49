"""What the agreement PDF draws besides text: signature room with its meterai box, the
marker of each party's original, "Halaman x dari y" once the page count is known, and the
paraf boxes on every page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from desktop.documents.pdf_style import FONT, GREY
from desktop.documents.wording import METERAI_TEXT, page_label, roman


class SignatureSpace(Flowable):
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


class CopyStart(Flowable):
    """Marks, on the canvas, which party's original the following pages belong to."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._desk_copy = self.index  # type: ignore[attr-defined]


class NumberedCanvas(Canvas):
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


def draw_paraf(canvas: Canvas, doc: BaseDocTemplate, *, parties: int) -> None:
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


