"""Preview of a generated PDF, with Print and Save as PDF.

Pages are rasterised by PDFium (pypdfium2) on the worker thread; the dialog only shows
the images. Printing sends page images at 300 dpi through the system print dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.geometry import remember_geometry, restore_geometry

GEOMETRY_KEY = "dialogs/pdfPreview/geometry"
PREVIEW_SCALE = 1.3  # 72 dpi * 1.3: readable on screen
PRINT_DPI = 300


def rasterise(pdf: bytes, scale: float) -> list[QImage]:
    """Pages of ``pdf`` as images (safe off the GUI thread: QImage, not QPixmap)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            pil = document[index].render(scale=scale).to_pil().convert("RGBA")
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, pil.width * 4,
                           QImage.Format.Format_RGBA8888).copy()
            images.append(image)
    finally:
        document.close()
    return images


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, pages: list[QImage], title: str, suggested_name: str,
                 parent: QWidget | None = None, tasks: Any = None,
                 docx: Callable[[], bytes] | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.docx = docx  # builds the same document as DOCX ("Simpan DOCX"), when offered
        self.setObjectName("pdfPreview")
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setWindowTitle(self.tr("Pratinjau: {title}").replace("{title}", title))
        self._settings = getattr(parent, "settings", None)  # a RecordPage's view settings
        if not isinstance(self._settings, QSettings):
            self._settings = None
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        holder = QWidget(scroll)
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for number, image in enumerate(pages, start=1):
            label = QLabel(holder)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(self.tr("Halaman {n}").replace("{n}", str(number)))
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.info = QLabel(self.tr("{n} halaman", "", len(pages)).replace("{n}", str(len(pages))),
                           self)
        save = QPushButton(self.tr("&Simpan PDF…"), self)
        self.save_docx = QPushButton(self.tr("Simpan &DOCX…"), self)
        self.save_docx.setToolTip(self.tr("Naskah yang sama sebagai dokumen Word, untuk "
                                          "ditelaah dan diubah bagian hukum"))
        self.save_docx.setVisible(docx is not None)
        self.save_docx.clicked.connect(self.save_docx_as)
        print_ = QPushButton(self.tr("&Cetak…"), self)
        close = QPushButton(self.tr("&Tutup"), self)
        buttons.addWidget(self.info)
        buttons.addStretch(1)
        for button in (save, self.save_docx, print_, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)  # outside the scroll area: always on screen
        # a page and a half on a large monitor, never taller than the screen it opens on
        restore_geometry(self, self._settings, GEOMETRY_KEY, QSize(900, 980))
        self.finished.connect(lambda _r: remember_geometry(self, self._settings,
                                                           GEOMETRY_KEY))
        save.clicked.connect(self.save_as)
        print_.clicked.connect(self.print_document)
        close.clicked.connect(self.accept)

    def save_as(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), self.suggested_name,
                                              self.tr("PDF (*.pdf)"))
        if not path:
            return None
        Path(path).write_bytes(self.pdf)
        self.info.setText(self.tr("Disimpan ke {path}").replace("{path}", path))
        return path

    def save_docx_as(self) -> None:
        """Ask where, then build and write the DOCX on a worker thread (as the PDF was)."""
        if self.docx is None:
            return
        stem = self.suggested_name
        stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan DOCX"), f"{stem}.docx",
                                              self.tr("Dokumen Word (*.docx)"))
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        build = self.docx

        def write() -> str:
            Path(path).write_bytes(build())
            return path

        def saved(where: str) -> None:
            self.info.setText(self.tr("Disimpan ke {path}").replace("{path}", where))

        def failed(exc: Exception) -> None:
            self.info.setText(self.tr("DOCX tidak dapat disimpan: {error}").replace(
                "{error}", getattr(exc, "message", None) or str(exc)))

        if self.tasks is None:
            try:
                saved(write())
            except (OSError, ValueError) as exc:
                failed(exc)
            return
        self.tasks.run_net(write, on_done=saved, on_error=failed,
                           label=self.tr("Menyusun DOCX…"), parent_widget=self,
                           cancellable=False)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Rasterise at printer resolution in the background, then paint the pages."""
        pdf = self.pdf
        self.printer = printer  # kept alive until the pages are painted

        def painted(pages: list[QImage]) -> None:
            count = paint_pages(pages, printer)
            self.info.setText(self.tr("{n} halaman dikirim ke pencetak", "", count).replace(
                "{n}", str(count)))

        if self.tasks is None:
            painted(rasterise(pdf, PRINT_DPI / 72))
            return
        self.tasks.run_net(lambda: rasterise(pdf, PRINT_DPI / 72), on_done=painted,
                           label=self.tr("Menyiapkan cetakan…"), parent_widget=self,
                           cancellable=False)


def print_pages(pdf: bytes, printer: QPrinter) -> int:
    """Print every page scaled to the printer's page; returns the pages printed."""
    return paint_pages(rasterise(pdf, PRINT_DPI / 72), printer)


def paint_pages(pages: list[QImage], printer: QPrinter) -> int:
    """Paint page images on the printer (GUI thread), each scaled to the page."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return len(pages)
