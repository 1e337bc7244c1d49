"""One way to paint: a painter that is ended whatever happens.

An exception raised while a ``QPainter`` is active on a widget or pixmap leaves it open;
Qt then destroys the backing store "that is being painted" and the process dies with a
segmentation fault a moment later, far from the error (seen in the Beranda's charts).
Every ``QPainter`` on a device is therefore opened through :func:`painting`, and
``tests/gui/test_painting.py`` keeps it that way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPaintDevice, QPainter


@contextmanager
def painting(device: QPaintDevice, *, antialiased: bool = False) -> Iterator[QPainter]:
    """A painter on ``device``, ended on leaving the block, also on an exception."""
    painter = QPainter(device)
    try:
        if antialiased:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        yield painter
    finally:
        painter.end()
