"""Saving a finished document from a window: the core's safe write, its refusal shown.

The PDF preview's "Simpan PDF" writes on the GUI thread; a file still open in a PDF
reader (Windows) must give the core's clear message in a box, not the generic
"unexpected error", and leave no ``.part`` (``desktop.core.safe_write``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.errors import DeskError
from desktop.core.safe_write import write_bytes_atomic


def save_bytes(parent: QWidget, path: str, data: bytes, status: QLabel | None = None
               ) -> bool:
    """Write ``data`` to ``path``; on a refusal show why in a box and return False.

    ``status`` (a one-line label beside the buttons) is cleared, not given the long
    message: an unwrapped label that wide would push the dialog off a 1024-pixel screen.
    """
    from desktop.ui.errors import show_error

    try:
        write_bytes_atomic(path, data)
    except DeskError as exc:
        if status is not None:
            status.clear()
        show_error(exc, parent)
        return False
    return True
