"""Printing a previewed KB page by page: every page reaches the printer (a PDF file here,
read back with pypdf), at the printer's resolution capped at 300 dpi, with never more
than two page images in memory, a page range honoured, and "Batal" stopping the run."""

from __future__ import annotations

import copy
import gc
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton

import desktop.ui.pdf_print as pdf_print
from desktop.core.desk import Desk
from desktop.documents.options import render_options
from desktop.documents.pdf import render_agreement
from desktop.documents.raster import PdfPages
from desktop.ui.pdf_preview import PREVIEW_SCALE, PdfPreviewDialog, rasterise
from desktop.ui.tasks import TaskManager

PAGES = 6
A4_WIDTH_IN = 210 / 25.4


def _six_page_kb(desk: Desk) -> bytes:
    """The demo KB with Karanganyar, lengthened with articles until it runs to 6 pages."""
    kb_id = next(r["id"] for r in desk.agreements.list().rows
                 if r["jenis"] == "kb" and "Karanganyar" in r["mitra"])
    agreement = desk.agreements.get(kb_id)
    office = desk.office.get()
    options = render_options(agreement, office)
    extra = copy.deepcopy(agreement["pasal"][0])
    extra["ayat"] = [dict(extra["ayat"][0], teks="Ketentuan tambahan yang disepakati "
                          "PARA PIHAK untuk pelaksanaan kerja sama ini. " * 6)] * 4
    for _attempt in range(40):
        pdf = render_agreement(agreement, office=office, options=options)
        with PdfPages(pdf) as pages:
            if len(pages) >= PAGES:
                break
        agreement["pasal"] = [*agreement["pasal"], copy.deepcopy(extra)]
    with PdfPages(pdf) as pages:
        assert len(pages) == PAGES, len(pages)
    return pdf


@pytest.fixture
def kb_pdf(demo_desk: Desk) -> bytes:
    return _six_page_kb(demo_desk)


@pytest.fixture
def tasks(qtbot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.wait()


@pytest.fixture
def preview(qtbot, kb_pdf: bytes, tasks: TaskManager) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(kb_pdf, rasterise(kb_pdf, PREVIEW_SCALE), "KB", "kb.pdf",
                              tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _printer(path: Path, mode: QPrinter.PrinterMode) -> QPrinter:
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


class RenderWatch:
    """Wraps the page renderer: counts renders and, at each, the page images still alive
    (weak references, after a collection), so holding every page shows as a number."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = pdf_print.page_image
        self.alive: list[weakref.ref[Any]] = []
        self.most_alive = 0
        self.indices: list[int] = []
        self.hold: dict[int, threading.Event] = {}  # page index -> wait before rendering
        self.lock = threading.Lock()
        monkeypatch.setattr(pdf_print, "page_image", self)

    def __call__(self, pages: PdfPages, index: int, scale: float,
                 ratio: float = 1.0) -> Any:
        if index in self.hold:
            assert self.hold[index].wait(20)
        image = self.real(pages, index, scale, ratio)
        gc.collect()
        with self.lock:
            self.alive = [ref for ref in self.alive if ref() is not None]
            self.alive.append(weakref.ref(image))
            self.most_alive = max(self.most_alive, len(self.alive))
            self.indices.append(index)
        return image


def _done(preview: PdfPreviewDialog) -> bool:
    return preview.print_job is not None and preview.print_job.done


def test_a_six_page_kb_prints_six_pages_one_image_at_a_time_at_300_dpi(
        qtbot, preview: PdfPreviewDialog, tmp_path: Path, monkeypatch,
        modal_watchdog) -> None:
    # the progress dialog is up as long as printing takes (seconds on a busy machine):
    # no forgotten exec() for the watchdog to close
    modal_watchdog.timer.stop()
    watch = RenderWatch(monkeypatch)
    # the progress dialog from the first page: a modal one processes events as it is
    # updated, which must not let a third page image in while two are held
    monkeypatch.setattr(pdf_print, "PROGRESS_DELAY_MS", 0)
    shown: list[int] = []
    show_progress = pdf_print.PrintJob._show_progress

    def spy(job: pdf_print.PrintJob) -> None:
        show_progress(job)
        shown.append(job.progress is not None)

    monkeypatch.setattr(pdf_print.PrintJob, "_show_progress", spy)
    out = tmp_path / "cetak.pdf"
    printer = _printer(out, QPrinter.PrinterMode.HighResolution)
    assert printer.resolution() > 300  # 1200 dpi: the cap is what keeps pages at 300
    preview.print_to(printer)  # what "Cetak…" does once the print dialog is accepted
    qtbot.waitUntil(lambda: _done(preview), timeout=60_000)
    assert preview.info.text() == f"{PAGES} halaman dikirim ke pencetak"
    assert watch.indices == list(range(PAGES))
    assert watch.most_alive <= 2, watch.most_alive  # all-pages-first held 6
    assert shown == [True]
    printed = PdfReader(out)
    assert len(printed.pages) == PAGES
    widths = [page.images[0].image.width for page in printed.pages]
    # 300 dots an inch across the printed width (the page shrunk a little to fit the
    # printable area): neither the 1200 dpi of the printer nor a screen resolution
    assert all(0.85 * 300 * A4_WIDTH_IN < w <= 300 * A4_WIDTH_IN + 1 for w in widths), widths
    assert "KESEPAKATAN BERSAMA" not in (printed.pages[0].extract_text() or "")  # pixels


def test_a_low_resolution_printer_gets_pages_at_its_own_resolution(
        qtbot, kb_pdf: bytes, tmp_path: Path) -> None:
    """Without a worker (no task manager) the same page-by-page loop runs in place."""
    out = tmp_path / "layar.pdf"
    printer = _printer(out, QPrinter.PrinterMode.ScreenResolution)
    dialog = PdfPreviewDialog(kb_pdf, [], "KB", "kb.pdf")
    qtbot.addWidget(dialog)
    dialog.print_to(printer)
    assert dialog.info.text() == f"{PAGES} halaman dikirim ke pencetak"
    printed = PdfReader(out)
    assert len(printed.pages) == PAGES
    dpi = printer.resolution()
    width = printed.pages[0].images[0].image.width
    assert 0.85 * dpi * A4_WIDTH_IN < width <= dpi * A4_WIDTH_IN + 1, (dpi, width)


def test_the_page_range_of_the_print_dialog_is_honoured(
        qtbot, preview: PdfPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    watch = RenderWatch(monkeypatch)
    out = tmp_path / "dua.pdf"
    printer = _printer(out, QPrinter.PrinterMode.ScreenResolution)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    preview.print_to(printer)
    qtbot.waitUntil(lambda: _done(preview), timeout=30_000)
    assert watch.indices == [1, 2]
    assert preview.info.text() == "2 halaman dikirim ke pencetak"
    assert len(PdfReader(out).pages) == 2


def test_batal_stops_printing_between_pages(
        qtbot, preview: PdfPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    watch = RenderWatch(monkeypatch)
    release = threading.Event()
    watch.hold[2] = release  # the third page takes long: the progress dialog shows
    out = tmp_path / "batal.pdf"
    preview.print_to(_printer(out, QPrinter.PrinterMode.ScreenResolution))

    def waiting_on_the_third_page() -> bool:
        progress = preview.findChild(QProgressDialog, "printProgress")
        return (progress is not None and progress.isVisible()
                and preview.print_job is not None and preview.print_job.printed == 2)

    qtbot.waitUntil(waiting_on_the_third_page, timeout=10_000)
    progress = preview.findChild(QProgressDialog, "printProgress")
    assert progress.labelText() == "Halaman 2 dari 6 dikirim ke pencetak…"
    assert progress.value() == 2 and progress.maximum() == PAGES
    batal = next(b for b in progress.findChildren(QPushButton) if b.text() == "Batal")
    qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: _done(preview), timeout=10_000)
    assert preview.info.text() == "Pencetakan dibatalkan"
    assert preview.print_job is not None and preview.print_job.printed == 2
    preview.tasks.wait()
    qtbot.wait(50)  # the third page, asked for before Batal, is abandoned
    assert watch.indices == [0, 1]  # and nothing is rendered after it
    assert preview.info.text() == "Pencetakan dibatalkan"
    assert not (out.exists() and len(PdfReader(out).pages) == PAGES)


def test_copies_are_printed_when_the_printer_does_not_make_them(
        qtbot, kb_pdf: bytes, tmp_path: Path) -> None:
    """A PDF printer (like some drivers) leaves copies to the program: collated, pages
    1-2 then 1-2 again; uncollated, page 1 twice then page 2 twice."""
    for collate, order in ((True, "abab"), (False, "aabb")):
        out = tmp_path / f"salinan-{collate}.pdf"
        printer = _printer(out, QPrinter.PrinterMode.ScreenResolution)
        printer.setCopyCount(2)
        printer.setCollateCopies(collate)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(1, 2)
        dialog = PdfPreviewDialog(kb_pdf, [], "KB", "kb.pdf")
        qtbot.addWidget(dialog)
        dialog.print_to(printer)
        assert dialog.info.text() == "4 halaman dikirim ke pencetak"
        sheets = [page.images[0].data for page in PdfReader(out).pages]
        assert len(sheets) == 4 and sheets[0] != sheets[3]  # two different pages
        names = {sheets[0]: "a", next(s for s in sheets if s != sheets[0]): "b"}
        assert "".join(names[sheet] for sheet in sheets) == order
