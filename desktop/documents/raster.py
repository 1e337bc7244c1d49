"""Pages of a generated PDF as pixels, one page at a time (PDFium through pypdfium2).

Qt-free: the preview and the printer (desktop/ui) hand in the buffer to render into, so a
page exists once in memory (no PDFium bitmap copied into an image afterwards) and only
the page being shown or printed exists at all. A 300 dpi A4 page is 35 MB: holding every
page of a long document before printing is what this module is here to avoid.

PDFium is not thread-safe, and pages are rendered on worker threads (the preview's and
the printer's may run at the same time), so every call into it holds one process-wide
lock.
"""

from __future__ import annotations

import ctypes
import math
import threading
from typing import Any

POINTS_PER_INCH = 72.0
BYTES_PER_PIXEL = 4  # BGRx: what QImage.Format_RGB32 holds on little-endian machines

_PDFIUM = threading.RLock()  # re-entrant: a collection inside a render may close a PDF


def pixel_size(width_pt: float, height_pt: float, scale: float) -> tuple[int, int]:
    """Pixels of a page ``width_pt`` × ``height_pt`` points drawn at ``scale`` px/pt.

    Rounded up as PDFium rounds, so a buffer of this size is never too small."""
    return max(1, math.ceil(width_pt * scale)), max(1, math.ceil(height_pt * scale))


def scale_for_dpi(dpi: float) -> float:
    """Pixels per PDF point for a resolution in dots per inch."""
    return dpi / POINTS_PER_INCH


class PdfPages:
    """An open PDF whose pages are rendered on demand; close it when done.

    Opened from the bytes the document builders return; usable from any thread (each
    call takes the PDFium lock), so a worker may render while the GUI thread asks for
    page sizes."""

    def __init__(self, pdf: bytes) -> None:
        import pypdfium2 as pdfium

        with _PDFIUM:
            self._document: Any = pdfium.PdfDocument(pdf)
            self.sizes: list[tuple[float, float]] = [
                self._document.get_page_size(index) for index in range(len(self._document))]

    def __len__(self) -> int:
        return len(self.sizes)

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def pixel_size(self, index: int, scale: float) -> tuple[int, int]:
        return pixel_size(*self.sizes[index], scale)

    def render_into(self, index: int, scale: float, buffer: Any, stride: int) -> None:
        """Draw page ``index`` at ``scale`` into ``buffer`` (writable, ``stride`` bytes a
        row, at least ``pixel_size(index, scale)``), 4 bytes a pixel in B, G, R, x order
        on a white page."""
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c

        width, height = self.pixel_size(index, scale)
        if stride < width * BYTES_PER_PIXEL:
            raise ValueError(f"stride {stride} too small for {width} pixels")
        target = (ctypes.c_ubyte * (stride * height)).from_buffer(buffer)

        def into(w: int, h: int, format: int, rev_byteorder: bool = False) -> Any:
            return pdfium.PdfBitmap.new_native(w, h, format, rev_byteorder=rev_byteorder,
                                               buffer=target, stride=stride)

        with _PDFIUM:
            if self._document is None:
                raise ValueError("PDF already closed")
            page = self._document[index]
            try:
                bitmap = page.render(scale=scale, bitmap_maker=into,
                                     force_bitmap_format=pdfium_c.FPDFBitmap_BGRx)
                bitmap.close()  # the shell only: the pixels are the caller's
            finally:
                page.close()

    def __del__(self) -> None:
        # closed under the lock, not by pypdfium2's finalizer on whichever thread
        # collects it while another renders
        if getattr(self, "_document", None) is not None:
            self.close()

    def close(self) -> None:
        with _PDFIUM:
            if self._document is not None:
                self._document.close()
                self._document = None
