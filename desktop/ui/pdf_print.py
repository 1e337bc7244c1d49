"""Printing a generated PDF one page at a time.

Qt's printer takes pixels or vector drawing through QPainter; a PDF's own vector content
cannot be handed to it (PDFium draws vectors only onto a Windows device context, which
Qt does not expose), so each page is rasterised at the printer's resolution, capped at
300 dpi, where text is as sharp as a laser printer makes it.

A 300 dpi A4 page is 35 MB. Pages are therefore rendered one at a time, each painted
and dropped before the one after next is rendered: a worker thread renders page n+1
while the GUI thread paints page n, so at most two page images exist at once whatever
the length of the document. Painting on a QPrinter must happen on the GUI thread, which
stays responsive between pages; a progress dialog with "Batal" appears when the job
takes longer than a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.documents.raster import PdfPages
from desktop.ui.tasks import PROGRESS_DELAY_MS

MAX_PRINT_DPI = 300


def page_image(pages: PdfPages, index: int, scale: float, ratio: float = 1.0) -> QImage:
    """Page ``index`` rendered at ``scale`` px/pt × ``ratio`` straight into a QImage.

    ``ratio`` is the screen's device pixel ratio: the image has that many pixels per
    logical pixel and says so (``devicePixelRatio``), so at 150 % display scaling it is
    drawn at its logical size with every physical pixel its own. Safe on a worker
    thread (a QImage, not a QPixmap)."""
    width, height = pages.pixel_size(index, scale * ratio)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    pages.render_into(index, scale * ratio, image.bits(), image.bytesPerLine())
    image.setDevicePixelRatio(ratio)
    return image


def print_sequence(printer: QPrinter, count: int) -> list[int]:
    """Page indices to print, in order: the range chosen in the print dialog, repeated
    for each copy when the printer driver does not make the copies itself."""
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    pages = list(range(first - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [index for index in pages for _copy in range(copies)]


class PageLayout:
    """Where each page goes on the printer and at what scale it is rendered."""

    def __init__(self, printer: QPrinter, painter: QPainter) -> None:
        self.area = painter.viewport()  # the printable area, in printer pixels
        self.dpi = min(printer.resolution(), MAX_PRINT_DPI)
        self.device_dpi = printer.resolution()

    def target(self, size_pt: tuple[float, float]) -> QRect:
        """The page scaled to fit the printable area, centred across it, at its top."""
        width_pt, height_pt = size_pt
        fitted = QSize(round(width_pt * 1000), round(height_pt * 1000)).scaled(
            self.area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = self.area.x() + (self.area.width() - fitted.width()) // 2
        return QRect(left, self.area.y(), fitted.width(), fitted.height())

    def scale(self, size_pt: tuple[float, float]) -> float:
        """Pixels per point so that the rendered page has ``dpi`` pixels an inch on paper
        (the page may be shrunk a little to fit the printable area)."""
        inches = self.target(size_pt).width() / self.device_dpi  # the page's width on paper
        return self.dpi * inches / size_pt[0]


def paint_page(painter: QPainter, image: QImage, target: QRect) -> None:
    painter.drawImage(target, image)


def print_pdf(pdf: bytes, printer: QPrinter,
              on_page: Callable[[int, int], None] | None = None) -> int:
    """Print ``pdf`` on the calling (GUI) thread, one page image at a time; returns the
    pages printed (0 when the printer cannot be opened)."""
    with PdfPages(pdf) as pages:
        sequence = print_sequence(printer, len(pages))
        painter = QPainter()
        if not sequence or not painter.begin(printer):
            return 0
        try:
            layout = PageLayout(printer, painter)
            for done, index in enumerate(sequence):
                if done:
                    printer.newPage()
                size = pages.sizes[index]
                image = page_image(pages, index, layout.scale(size))
                paint_page(painter, image, layout.target(size))
                del image
                if on_page is not None:
                    on_page(done + 1, len(sequence))
        finally:
            painter.end()
    return len(sequence)


class PrintJob(QObject):
    """Prints a PDF in the background: pages rendered on a worker, painted here.

    ``finished(printed, outcome)``: outcome is "done", "cancelled" or an error message.
    """

    finished = Signal(int, str)

    def __init__(self, pdf: bytes, printer: QPrinter, tasks: Any,
                 parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.pdf, self.printer, self.tasks = pdf, printer, tasks
        self.parent_widget = parent_widget
        self.pages: PdfPages | None = None
        self.painter = QPainter()
        self.sequence: list[int] = []
        self.layout: PageLayout | None = None
        self.printed = 0
        self.done = False
        self.progress: QProgressDialog | None = None

    # ---------------------------------------------------------------- the run
    def start(self) -> None:
        try:
            self.pages = PdfPages(self.pdf)
        except Exception as exc:  # a PDF PDFium cannot read: said, not raised
            self._stop(str(exc))
            return
        self.sequence = print_sequence(self.printer, len(self.pages))
        if not self.sequence:
            self._stop("done")
            return
        if not self.painter.begin(self.printer):
            self._stop(self.tr("Pencetak tidak dapat dibuka"))
            return
        self.layout = PageLayout(self.printer, self.painter)
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show_progress)
        self._render(0)

    def _render(self, position: int) -> None:
        """Ask the worker for the page at ``position`` in the sequence."""
        assert self.pages is not None and self.layout is not None
        pages, index = self.pages, self.sequence[position]
        scale = self.layout.scale(pages.sizes[index])

        def job() -> tuple[int, QImage]:
            return position, page_image(pages, index, scale)

        self.tasks.run_net(job, on_done=self._arrived, on_error=self._failed)

    def _arrived(self, result: tuple[int, QImage]) -> None:
        position, image = result
        if self.done:
            return
        if position + 1 < len(self.sequence):
            self._render(position + 1)  # rendered while this one is painted
        assert self.pages is not None and self.layout is not None
        if position:
            self.printer.newPage()
        target = self.layout.target(self.pages.sizes[self.sequence[position]])
        paint_page(self.painter, image, target)
        del image, result
        self.printed = position + 1
        if self.printed == len(self.sequence):
            self._stop("done")
            return
        QTimer.singleShot(0, self._update_progress)  # not nested: see there

    def _failed(self, exc: Exception) -> None:
        if not self.done:
            self._stop(getattr(exc, "message", None) or str(exc))

    def cancel(self) -> None:
        """Stop now: the printer is told to abort (what has been spooled is dropped
        where the driver allows it) and the page being rendered is thrown away."""
        if self.done:
            return
        if self.painter.isActive():
            self.printer.abort()
        self._stop("cancelled")

    def _stop(self, outcome: str) -> None:
        self.done = True
        if self.painter.isActive():
            self.painter.end()
        if self.pages is not None:
            self.pages.close()
        self.pages = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.finished.emit(self.printed, outcome)

    # ---------------------------------------------------------------- progress
    def _show_progress(self) -> None:
        if self.done or self.progress is not None:
            return
        progress = QProgressDialog(self.tr("Mencetak…"), self.tr("Batal"), 0,
                                   len(self.sequence), self.parent_widget)
        progress.setObjectName("printProgress")
        progress.setWindowTitle(self.tr("Mencetak"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self._update_progress()
        progress.show()

    def _update_progress(self) -> None:
        """A modal progress dialog processes events in setValue(): the next page may
        arrive and be painted, or Batal be clicked, inside it. So it runs from the event
        loop (a page painted and let go before), never inside ``_arrived``, and nothing
        here touches the job after it."""
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(self.tr("Halaman {n} dari {total} dikirim ke pencetak…")
                              .replace("{n}", str(self.printed))
                              .replace("{total}", str(len(self.sequence))))
        progress.setValue(self.printed)
