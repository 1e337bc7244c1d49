"""Preview of a generated PDF, with Print and Save as PDF.

Pages are rasterised by PDFium (pypdfium2, desktop/documents/raster.py) on worker
threads: the first pages before the dialog opens, the others as they scroll into view
(desktop/ui/page_column.py), at the screen's device pixel ratio (1.25 or 1.5 under
Windows display scaling) so text is as sharp as the screen can show it. Printing goes
page by page (desktop/ui/pdf_print.py), never the whole document at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.raster import PdfPages
from desktop.ui.geometry import remember_geometry, restore_geometry
from desktop.ui.page_column import PageColumn
from desktop.ui.pdf_print import PrintJob, page_image, print_pdf

GEOMETRY_KEY = "dialogs/pdfPreview/geometry"
PREVIEW_SCALE = 1.3  # 72 dpi * 1.3: readable on screen
FIRST_PAGES = 2  # rendered before the preview opens; the rest as they come into view


def rasterise(pdf: bytes, scale: float, ratio: float = 1.0,
              count: int | None = None) -> list[QImage]:
    """The first ``count`` pages of ``pdf`` (all by default) as images of ``scale``
    logical pixels a point, with ``ratio`` physical pixels per logical one (the screen's
    device pixel ratio).

    Safe off the GUI thread (QImage, not QPixmap): callers read the ratio of the widget
    the preview opens over on the GUI thread and pass it in."""
    with PdfPages(pdf) as pages:
        last = len(pages) if count is None else min(count, len(pages))
        return [page_image(pages, index, scale, ratio) for index in range(last)]


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, pages: list[QImage], title: str, suggested_name: str,
                 parent: QWidget | None = None, tasks: Any = None,
                 docx: Callable[[], bytes] | None = None,
                 scale: float = PREVIEW_SCALE) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.docx = docx  # builds the same document as DOCX ("Simpan DOCX"), when offered
        self.setObjectName("pdfPreview")
        self.pdf = pdf
        self.scale = scale
        self.print_job: PrintJob | None = None
        self.suggested_name = suggested_name
        self.setWindowTitle(self.tr("Pratinjau: {title}").replace("{title}", title))
        self._settings = getattr(parent, "settings", None)  # a RecordPage's view settings
        if not isinstance(self._settings, QSettings):
            self._settings = None
        layout = QVBoxLayout(self)
        self.pages = PageColumn(pdf, pages, scale, tasks, self)
        self.page_labels = self.pages.labels
        for number, label in enumerate(self.page_labels, start=1):
            label.setAccessibleName(self.tr("Halaman {n}").replace("{n}", str(number)))
        layout.addWidget(self.pages, 1)
        buttons = QHBoxLayout()
        count = len(self.page_labels)
        self.info = QLabel(self.tr("{n} halaman", "", count).replace("{n}", str(count)), self)
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
        self.finished.connect(lambda _r: self.pages.release())  # pixels back when closed
        save.clicked.connect(self.save_as)
        print_.clicked.connect(self.print_document)
        close.clicked.connect(self.accept)

    def save_as(self) -> str | None:
        from desktop.ui.save_paths import DOCUMENT, ask_save_path

        path, _ = ask_save_path(self, DOCUMENT, self.tr("Simpan PDF"), self.suggested_name,
                                self.tr("PDF (*.pdf)"))
        if not path:
            return None
        from desktop.ui.save_file import save_bytes

        if not save_bytes(self, path, self.pdf, self.info):  # e.g. open in a PDF reader
            return None
        self.info.setText(self.tr("Disimpan ke {path}").replace("{path}", path))
        return path

    def save_docx_as(self) -> None:
        """Ask where, then build and write the DOCX on a worker thread (as the PDF was)."""
        if self.docx is None:
            return
        stem = self.suggested_name
        stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
        from desktop.ui.save_paths import DOCUMENT, ask_save_path

        path, _ = ask_save_path(self, DOCUMENT, self.tr("Simpan DOCX"), f"{stem}.docx",
                                self.tr("Dokumen Word (*.docx)"))
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        build = self.docx

        def write() -> str:
            from desktop.core.safe_write import write_bytes_atomic

            write_bytes_atomic(path, build())  # open in Word: a clear message, no .part
            return path

        def saved(where: str) -> None:
            self.info.setText(self.tr("Disimpan ke {path}").replace("{path}", where))

        def failed(exc: Exception) -> None:
            from desktop.core.safe_write import FileInUseError
            from desktop.ui.errors import show_error

            if isinstance(exc, FileInUseError):  # open in Word: the box says what to do
                self.info.clear()
                show_error(exc, self)
                return
            self.info.setText(self.tr("DOCX tidak dapat disimpan: {error}").replace(
                "{error}", getattr(exc, "message", None) or str(exc)))

        if self.tasks is None:
            from desktop.core.errors import DeskError

            try:
                saved(write())
            except (OSError, ValueError, DeskError) as exc:
                failed(exc)
            return
        self.tasks.run_net(write, on_done=saved, on_error=failed,
                           label=self.tr("Menyusun DOCX…"), parent_widget=self,
                           cancellable=False)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, len(self.page_labels)))  # "Halaman 2-3" is honoured
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print page by page: rendered on a worker, painted here, with "Batal" when it
        takes a while (see desktop/ui/pdf_print.py for why never all pages at once)."""
        self.printer = printer  # kept alive until the last page is painted
        if self.tasks is None:
            try:
                self._printed(print_pdf(self.pdf, printer), "done")
            except (OSError, ValueError) as exc:
                self._printed(0, str(exc))
            return
        if self.print_job is not None and not self.print_job.done:
            return  # one print run at a time (the progress dialog is modal anyway)
        self.print_job = PrintJob(self.pdf, printer, self.tasks, self)
        self.print_job.finished.connect(self._printed)
        self.print_job.start()

    def _printed(self, count: int, outcome: str) -> None:
        if outcome == "done":
            self.info.setText(self.tr("{n} halaman dikirim ke pencetak", "", count).replace(
                "{n}", str(count)))
        elif outcome == "cancelled":
            self.info.setText(self.tr("Pencetakan dibatalkan"))
        else:
            self.info.setText(self.tr("Tidak dapat mencetak: {error}").replace(
                "{error}", outcome))

    @property
    def ratio(self) -> float:
        """The device pixel ratio the pages are rendered for."""
        return self.pages.ratio
