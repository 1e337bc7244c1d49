"""Errors shown to people: a plain message, "copy details", and everything in the log.

A DeskError's message is already written for the user; anything else is a bug, which gets
a short apology, the details one click away, and a traceback in the log file.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import __version__
from desktop.core.errors import DeskError
from desktop.core.logs import log_exception, log_file

log = logging.getLogger(__name__)
_crash_file = None
_open_boxes: list[QMessageBox] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def details_of(exc: BaseException) -> str:
    import platform  # only when there is something to report: ~4 ms before the first paint

    return (
        f"Diskominfo Desk {__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}\n\n"
        + "".join(traceback.format_exception(exc))
    )


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Tell the user; never raises, even with no window around."""
    if QApplication.instance() is None:
        print(str(exc), file=sys.stderr)
        return
    parent = parent or QApplication.activeWindow()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Diskominfo Desk"))
    if isinstance(exc, DeskError):
        box.setText(exc.message)
    else:
        path = log_exception(exc)
        box.setText(tr("Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan "
                       "tetap aman."))
        box.setInformativeText(tr("Rincian tercatat di {path}.").replace("{path}", str(path)))
        box.setDetailedText(details_of(exc))
        copy = box.addButton(tr("Salin rincian"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details_of(exc)))
    box.addButton(tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.setObjectName("errorBox")
    # Without a parent nothing else holds the box: keep it until it is closed.
    _open_boxes.append(box)
    box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.error("uncaught exception", exc_info=(kind, exc, tb))
    show_error(exc)


def install_error_handling() -> None:
    """Global hook for uncaught exceptions, and faulthandler for hard crashes."""
    global _crash_file
    sys.excepthook = _hook
    crash_path = log_file().with_name("crash.log")
    _crash_file = crash_path.open("a", encoding="utf-8")
    faulthandler.enable(_crash_file)
