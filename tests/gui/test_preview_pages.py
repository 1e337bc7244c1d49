"""A long document in the preview: every page has its place from the start, only the
pages in and near the view are rendered, End on the scroll bar brings the last page,
and pages scrolled far away, or the whole preview once closed, give their pixels back."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pytest
from PySide6.QtCore import Qt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.raster import PdfPages
from desktop.ui.pdf_preview import FIRST_PAGES, PREVIEW_SCALE, PdfPreviewDialog, rasterise
from desktop.ui.tasks import TaskManager

PAGES = 40


def _report(pages: int = PAGES) -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.drawString(72, 770, f"Laporan Kegiatan, halaman {number}")
        canvas.rect(72, 72, 200, 200, stroke=1, fill=0)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture
def tasks(qtbot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.wait()


def _rendered(dialog: PdfPreviewDialog) -> list[int]:
    return [i for i, label in enumerate(dialog.page_labels) if not label.pixmap().isNull()]


def test_a_long_report_renders_only_the_pages_in_view(qtbot, tasks: TaskManager) -> None:
    pdf = _report()
    first = rasterise(pdf, PREVIEW_SCALE, 1.0, FIRST_PAGES)
    assert len(first) == FIRST_PAGES
    dialog = PdfPreviewDialog(pdf, first, "Laporan", "laporan.pdf", tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.info.text() == f"{PAGES} halaman"
    assert len(dialog.page_labels) == PAGES
    with PdfPages(pdf) as pages:
        width, height = pages.pixel_size(0, PREVIEW_SCALE)
    # every page has its size before it is rendered: the scroll bar spans the document
    assert all(label.size().height() == height + 2 for label in dialog.page_labels)
    bar = dialog.pages.verticalScrollBar()
    assert bar.maximum() > (PAGES - 1) * height

    qtbot.waitUntil(lambda: 0 in _rendered(dialog) and 1 in _rendered(dialog), timeout=5000)
    tasks.wait()
    qtbot.wait(50)
    at_top = _rendered(dialog)
    assert at_top[0] == 0 and len(at_top) <= 4, at_top  # the view and a view ahead

    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.waitUntil(lambda: PAGES - 1 in _rendered(dialog), timeout=10_000)
    tasks.wait()
    qtbot.wait(50)
    at_end = _rendered(dialog)
    assert 0 not in at_end and len(at_end) <= 4, at_end  # the top let go
    last = dialog.page_labels[-1].pixmap()
    assert (last.width(), last.height()) == (width, height)

    qtbot.keyClick(bar, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: 0 in _rendered(dialog) and PAGES - 1 not in _rendered(dialog),
                    timeout=10_000)
    dialog.accept()  # Tutup
    assert _rendered(dialog) == []  # a closed preview holds no page images
    assert dialog.pages.document is None  # nor the PDF open in PDFium
    dialog.show()  # shown again: rendered again
    qtbot.waitUntil(lambda: 0 in _rendered(dialog), timeout=5000)
