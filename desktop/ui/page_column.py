"""The preview's column of pages, rendered as they come into view.

A page at preview size is 3.4 MB of pixels, 7.6 MB at 150 % display scaling: a year's
activity report of forty pages held whole would be 300 MB. So every page has its place
(its size is known from the PDF without rendering it), only the pages in or near the
view are rendered, on a worker thread, and those scrolled far away are let go again.

Pages are rendered at the widget's device pixel ratio (one image pixel per screen pixel:
sharp at 125 and 150 %), and again when the window moves to a screen with another ratio.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.documents.raster import PdfPages, pixel_size
from desktop.ui import pdf_print

log = logging.getLogger(__name__)

NEAR_VIEWS = 1  # pages within one view's height above or below are rendered ahead
KEEP_VIEWS = 3  # pages further away than this are let go
BATCH = 3  # pages rendered in one job: the view fills quickly, a jump away is not stuck


class PageColumn(QScrollArea):
    """Pages of ``pdf`` one under the other; ``first`` are already rendered images of
    the first pages (the preview opens with them on screen)."""

    def __init__(self, pdf: bytes, first: list[QImage], scale: float, tasks: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.scale, self.tasks = pdf, scale, tasks
        self.document: PdfPages | None = None  # open while the preview is shown
        sizes: list[QSize] = []
        if pdf:
            try:
                self.document = PdfPages(pdf)
                sizes = [QSize(*pixel_size(w, h, scale)) for w, h in self.document.sizes]
            except Exception:  # shown from the images given, never rendered again
                log.warning("preview: PDF not readable for rendering", exc_info=True)
                self.pdf = b""
        if not sizes:
            sizes = [image.deviceIndependentSize().toSize() for image in first]
        self.labels: list[QLabel] = []
        self.shown: list[float | None] = []  # the ratio each label's pixmap has, if any
        self._busy = False
        self._failed = False
        self._scheduled = False
        self._generation = 0  # a render asked for before a release() is dropped
        self.setWidgetResizable(True)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        paper = QPalette()
        paper.setColor(QPalette.ColorRole.Window, QColor(Qt.GlobalColor.white))
        for size in sizes:
            label = QLabel(holder)
            label.setFrameShape(QLabel.Shape.Box)
            label.setAutoFillBackground(True)  # white paper until the page is rendered
            label.setPalette(paper)
            frame = 2 * label.frameWidth()
            label.setFixedSize(size.width() + frame, size.height() + frame)
            column.addWidget(label)
            self.labels.append(label)
            self.shown.append(None)
        for index, image in enumerate(first[:len(self.labels)]):
            self._show(index, image)
        self.setWidget(holder)
        self.verticalScrollBar().valueChanged.connect(self.schedule)

    @property
    def ratio(self) -> float:
        """The device pixel ratio the pages are (being) rendered for."""
        return self.devicePixelRatioF()

    def rendered(self) -> list[int]:
        return [index for index, ratio in enumerate(self.shown) if ratio is not None]

    # ---------------------------------------------------------------- triggers
    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DevicePixelRatioChange, QEvent.Type.Show,
                            QEvent.Type.Resize):
            self.schedule()
        return super().event(event)

    def schedule(self, *_args: object) -> None:
        """One refresh after the scrolling/resizing of this turn of the event loop."""
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self.refresh)

    # ---------------------------------------------------------------- rendering
    def refresh(self) -> None:
        self._scheduled = False
        if not self.isVisible() or not self.labels:
            return
        height = self.viewport().height()
        view = QRect(0, self.verticalScrollBar().value(), self.widget().width(), height)
        near = view.adjusted(0, -NEAR_VIEWS * height, 0, NEAR_VIEWS * height)
        keep = view.adjusted(0, -KEEP_VIEWS * height, 0, KEEP_VIEWS * height)
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.labels):
            if self.shown[index] is not None and not label.geometry().intersects(keep):
                label.clear()
                self.shown[index] = None
        wanted = [index for index, label in enumerate(self.labels)
                  if label.geometry().intersects(near) and self.shown[index] != ratio]
        # the pages in view first, then those around it
        wanted.sort(key=lambda i: not self.labels[i].geometry().intersects(view))
        if not wanted or not self.pdf or self._failed:
            return
        if self._busy:
            return  # asked again when the pages being rendered arrive
        self._render(wanted[:BATCH], ratio)

    def _render(self, indices: list[int], ratio: float) -> None:
        if self.document is None:
            self.document = PdfPages(self.pdf)  # opened again after a close
        document, scale, generation = self.document, self.scale, self._generation
        self._busy = True

        def job() -> list[tuple[int, QImage]]:
            return [(i, pdf_print.page_image(document, i, scale, ratio)) for i in indices]

        def arrived(pages: list[tuple[int, QImage]]) -> None:
            if generation == self._generation:
                self._arrived(pages)

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self._render_failed(exc)

        if self.tasks is None:
            try:
                pages = job()
            except Exception as exc:
                failed(exc)
            else:
                arrived(pages)
            return
        self.tasks.run_net(job, on_done=arrived, on_error=failed)

    def _arrived(self, pages: list[tuple[int, QImage]]) -> None:
        self._busy = False
        ratio = self.devicePixelRatioF()
        for index, image in pages:
            if image.devicePixelRatio() == ratio:  # not if it moved screens meanwhile
                self._show(index, image)
        self.schedule()  # the next pages, or those the view moved to meanwhile

    def _render_failed(self, exc: Exception) -> None:
        """The pages already shown stay; no endless retry of a page PDFium refuses."""
        self._busy = False
        self._failed = True
        log.warning("preview: page not rendered: %s", exc)

    def _show(self, index: int, image: QImage) -> None:
        self.labels[index].setPixmap(QPixmap.fromImage(image))
        self.shown[index] = image.devicePixelRatio()

    # ---------------------------------------------------------------- lifetime
    def release(self) -> None:
        """Let every page image and the open PDF go (the preview was closed); rendered
        again if it is shown again. A page being rendered finishes first (the PDFium
        lock) and is then dropped: the labels it was for are not visible."""
        self._generation += 1
        self._busy = False
        for index, label in enumerate(self.labels):
            label.clear()
            self.shown[index] = None
        if self.document is not None:
            self.document.close()
            self.document = None
