"""Room for an editor opened inside a table cell.

A sub-list grid's rows are one line high and its columns as wide as their titles, so a
multi-line text or a date field (line edit, calendar button and the long date beside
it) squeezed into its cell is unreadable. While it edits, the editor gets the size it
asks for, over the neighbouring cells, kept inside the table's viewport.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPlainTextEdit, QWidget

TEXT_LINES = 4  # a multi-line cell editor shows this many lines


def editor_rect(editor: QWidget, cell: QRect) -> QRect:
    """The cell's rectangle grown to what the editor needs, shifted to stay visible."""
    hint = editor.sizeHint()
    width = max(cell.width(), hint.width())
    height = max(cell.height(), editor.minimumSizeHint().height())
    if editor.findChild(QPlainTextEdit) is not None:
        lines = editor.fontMetrics().lineSpacing() * TEXT_LINES + 12
        height = max(height, lines)
    rect = QRect(cell.topLeft(), cell.size())
    rect.setWidth(width)
    rect.setHeight(height)
    viewport = editor.parentWidget()
    if viewport is not None:
        room = viewport.rect()
        rect.setWidth(min(rect.width(), room.width()))
        rect.setHeight(min(rect.height(), room.height()))
        rect.moveLeft(max(room.left(), min(rect.left(), room.right() - rect.width() + 1)))
        rect.moveTop(max(room.top(), min(rect.top(), room.bottom() - rect.height() + 1)))
    return rect
