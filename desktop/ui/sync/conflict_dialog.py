"""The conflict editor: a third value for a field changed here and on the catalog."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QLabel, QPlainTextEdit, QWidget

from desktop.ui.sync.common import show_value


class ConflictEditDialog(QInputDialog):
    """Asks for the new value, both sides in the question; wraps what is long."""

    def __init__(self, conflict: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictEditDialog")
        self.setWindowTitle(self.tr("Sunting nilai"))
        self.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        self.setLabelText(
            self.tr("Nilai baru untuk {field} (di sini: {mine}; di katalog: {theirs})")
            .replace("{field}", conflict.field).replace("{mine}", show_value(conflict.local))
            .replace("{theirs}", show_value(conflict.remote)))
        self.setTextValue(show_value(conflict.local) if conflict.local is not None else "")
        self.setOkButtonText(self.tr("&Pakai nilai ini"))
        self.setCancelButtonText(self.tr("Batal"))
        # the two values are in the question: wrapped, a long one no longer widens the
        # dialog past the screen (it was 2900 px wide for a dataset's description)
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
        for edit in self.findChildren(QPlainTextEdit):  # a long value in sight, wrapped
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        if parent is not None:
            self.setMinimumWidth(parent.fontMetrics().averageCharWidth() * 70)


def ask_conflict_value(parent: QWidget, conflict: Any) -> str | None:
    """The value the user typed for ``conflict``, or None when cancelled."""
    dialog = ConflictEditDialog(conflict, parent)
    if dialog.exec() == QInputDialog.DialogCode.Accepted:
        return dialog.textValue()
    return None
