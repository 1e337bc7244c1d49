"""The pieces of the Berkas box that are not the box itself: how a file's size, type and
time read in the list, the list widget and its keys, the file dialog and the viewer.

Why apart: the opener and the file dialog are the two places a test must step in (no
native dialog, no PDF viewer launched on the test machine), so each is one module-level
function a test replaces; the texts are plain functions tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QTreeWidget, QWidget

from desktop.core.formatting import date_time, number
from desktop.ui.save_paths import remember, settings_for, start_folder

ATTACHMENT = "berkas"  # save_paths purpose: the folder last used for attachments
KIB = 1024
MIB = 1024 * 1024
TYPE_LABELS = {
    "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF",
    "image/webp": "WebP",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}
ROW_HEIGHT = 26  # as the record lists' rows (list_pane.ROW_HEIGHT)
LIST_ROWS_MIN = 2  # the list is as tall as its files, between these (it sits in the
LIST_ROWS_MAX = 6  # form's scroll area: no scroll bar inside a scroll bar for a few files)


def size_text(size: int) -> str:
    """"812 B", "35,2 KB", "4,8 MB" in the language's number format (1 KB = 1024 B, as
    file managers count)."""
    if size < KIB:
        return f"{number(size)} B"
    if size < MIB:
        return f"{number(round(size / KIB, 1))} KB"
    return f"{number(round(size / MIB, 1))} MB"


def type_text(mime: str) -> str:
    """"PDF" rather than "application/pdf": what the user calls the type."""
    return TYPE_LABELS.get(mime, mime)


def when_text(value: datetime | None) -> str:
    return date_time(value)


# --------------------------------------------------------------------- outside world
def open_with_system(path: Path) -> None:
    """Show ``path`` in the system's viewer for its type (a PDF reader, an image viewer)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def choose_files(parent: QWidget) -> list[str]:
    """The open dialog for one or more files, in the folder last used for attachments
    (Documents the first time); the chosen folder is remembered. [] when cancelled."""
    settings = settings_for(parent)
    paths, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("BerkasBox", "Lampirkan berkas"),
        str(start_folder(settings, ATTACHMENT)),
        QCoreApplication.translate(
            "BerkasBox", "Berkas yang dapat dilampirkan (*.pdf *.png *.jpg *.jpeg *.gif "
                         "*.webp *.docx *.xlsx);;Semua berkas (*)"))
    if paths:
        remember(settings, ATTACHMENT, paths[0])
    return list(paths)


# --------------------------------------------------------------------- the list
class FileList(QTreeWidget):
    """The files of a record: Enter opens the selected one, Delete asks to delete it."""

    open_requested = QtSignal()
    delete_requested = QtSignal()

    COLUMNS = 5  # name, type, size, who, when

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("berkasList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHeaderLabels([self.tr("Nama"), self.tr("Jenis"), self.tr("Ukuran"),
                              self.tr("Oleh"), self.tr("Waktu")])
        self.setAccessibleName(self.tr("Berkas"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(40)
        self.headerItem().setTextAlignment(2, Qt.AlignmentFlag.AlignRight
                                           | Qt.AlignmentFlag.AlignVCenter)
        self.fit_rows(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.open_requested.emit()
            return
        if key == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def fit_rows(self, rows: int) -> None:
        """As tall as ``rows`` files (within the bounds): the form scrolls, not the list."""
        shown = max(LIST_ROWS_MIN, min(rows, LIST_ROWS_MAX))
        row = self.row_height()
        header = self.header().sizeHint().height()
        bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(header + shown * row + bar + 2 * self.frameWidth())

    def row_height(self) -> int:
        """The record lists' row height (26 px), or more for a large font."""
        return max(ROW_HEIGHT, self.fontMetrics().height() + 8)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def current_info(self) -> Any:
        item = self.currentItem()
        return None if item is None else item.data(1, Qt.ItemDataRole.UserRole)


Opener = Callable[[Path], None]
