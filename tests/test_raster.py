"""Pages rendered into the caller's buffer (desktop/documents/raster.py), without Qt:
sizes as PDFium rounds them, the pixels where the PDF puts them, bad buffers refused,
and threads rendering at once getting the same pixels as one thread alone."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.raster import BYTES_PER_PIXEL, PdfPages, pixel_size, scale_for_dpi


def _pdf(pages: int = 3) -> bytes:
    """A4 pages, each with a red square 72 pt from the top left, and its number."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFillColorRGB(1, 0, 0)
        canvas.rect(72, A4[1] - 144, 72, 72, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(300, 400, f"Halaman {number}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pixel(buffer: bytearray, stride: int, x: int, y: int) -> tuple[int, int, int]:
    blue, green, red = buffer[y * stride + x * 4: y * stride + x * 4 + 3]
    return red, green, blue


def test_pages_render_into_the_callers_buffer_at_the_asked_resolution() -> None:
    with PdfPages(_pdf()) as pages:
        assert len(pages) == 3
        assert pages.sizes[0] == pytest.approx(A4)
        scale = scale_for_dpi(150)
        width, height = pages.pixel_size(0, scale)
        assert (width, height) == (1241, 1754)  # 8.27 in × 150, rounded up
        stride = width * BYTES_PER_PIXEL + 16  # a padded row, as QImage may have
        buffer = bytearray(stride * height)
        pages.render_into(0, scale, buffer, stride)
    inch = 150  # the red square spans inch 1 to 2 from the top left
    assert _pixel(buffer, stride, inch + inch // 2, inch + inch // 2) == (255, 0, 0)
    assert _pixel(buffer, stride, inch // 2, inch // 2) == (255, 255, 255)  # white paper
    assert _pixel(buffer, stride, width - 1, height - 1) == (255, 255, 255)


def test_a_buffer_too_small_or_a_closed_document_is_refused() -> None:
    pages = PdfPages(_pdf(1))
    width, height = pages.pixel_size(0, 1.0)
    with pytest.raises(ValueError, match="stride"):
        pages.render_into(0, 1.0, bytearray(width * height * 4), width * 3)
    with pytest.raises(ValueError):  # fewer rows than the page has
        pages.render_into(0, 1.0, bytearray(width * 4 * (height - 1)), width * 4)
    pages.close()
    with pytest.raises(ValueError, match="closed"):
        pages.render_into(0, 1.0, bytearray(width * height * 4), width * 4)
    pages.close()  # twice is harmless


def test_threads_rendering_at_once_get_the_pixels_of_one_thread() -> None:
    pdf = _pdf(4)
    scale = scale_for_dpi(100)

    def render(index: int) -> bytes:
        with PdfPages(pdf) as pages:
            width, height = pages.pixel_size(index, scale)
            buffer = bytearray(width * height * 4)
            pages.render_into(index, scale, buffer, width * 4)
            return bytes(buffer)

    alone = [render(index) for index in range(4)]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(render, [0, 1, 2, 3] * 3))
    assert together == alone * 3


def test_pixel_size_rounds_up_like_pdfium() -> None:
    assert pixel_size(595.2756, 841.8898, 1.3) == (774, 1095)
    assert pixel_size(0.1, 0.1, 0.5) == (1, 1)


def test_raster_never_imports_qt() -> None:
    code = ("import sys, desktop.documents.raster as r; r.PdfPages; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
